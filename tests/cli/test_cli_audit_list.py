"""``hrdesk audit list``: the auditor's view of the log, times in local time with the zone named
(issue 11), the same masking as the GUI, and clear refusals."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from hrdesk.cli.main import run
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.people import employees
from tests.helpers import USER_PASSWORD, build_company, employee_input, environment_keys

WRITTEN = datetime(2026, 3, 1, 0, 30)  # UTC, as stored


@pytest.fixture
def hired_at_half_past_midnight_utc(tmp_path, monkeypatch):
    """A company (key from HRDESK_DB_KEY) where 钱九 was hired by a record written at 00:30 UTC."""
    environment_keys(monkeypatch)
    monkeypatch.setenv("HRDESK_PASSWORD", USER_PASSWORD)
    fx = build_company(tmp_path / "data")
    ctx = ServiceContext(fx.db, fx.system.actor, FixedClock(WRITTEN))
    fx.new_id = employees.create(ctx, employee_input("E000099", "钱九", fx.depts["销售部"], 99)).id
    fx.db.dispose()
    return fx


def cli(capsys, *args):
    code = run([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_local_time_and_names_the_zone(hired_at_half_past_midnight_utc, capsys, shanghai):
    fx = hired_at_half_past_midnight_utc
    base = ("--data-dir", fx.data_dir.root, "audit", "list", "--user", "auditor")
    code, out, err = cli(capsys, *base, "--entity", "employee", "--id", fx.new_id)
    assert code == 0, err
    header, *rows = out.splitlines()
    assert header.split("\t")[:2] == ["序号", "时间（北京时间 UTC+08:00）"]
    assert len(rows) == 1
    cells = rows[0].split("\t")
    assert cells[1] == "2026-03-01 08:30:00" and cells[4] == "新建员工" and cells[5] == f"员工 #{fx.new_id}"

    code, out, err = cli(capsys, *base, "--entity", "employee", "--id", fx.new_id, "--json")
    assert code == 0, err
    (record,) = json.loads(out)
    assert record["time"] == "2026-03-01T08:30:00+08:00" and record["action"] == "employee.create"
    assert record["after"]["base_salary"] == "****"  # masked for the auditor, as in the GUI


def test_list_refuses_bad_options_and_readers_without_the_right(hired_at_half_past_midnight_utc, capsys):
    fx = hired_at_half_past_midnight_utc
    base = ("--data-dir", fx.data_dir.root, "audit", "list")
    code, _, err = cli(capsys, *base, "--user", "auditor", "--limit", "0")
    assert code != 0 and "--limit" in err
    code, _, err = cli(capsys, *base, "--user", "auditor", "--id", "3")
    assert code != 0 and "--entity" in err
    code, out, err = cli(capsys, *base, "--user", "staff")
    assert code != 0 and out == "" and err.startswith("错误：")

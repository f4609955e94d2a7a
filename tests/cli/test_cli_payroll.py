"""A payroll month on the command line: run as HR, approve and pay as finance, show, export."""

import json

import openpyxl
import pytest

from hrdesk.cli.main import run
from tests.helpers import build_company, environment_keys


@pytest.fixture
def fx(tmp_path, monkeypatch):
    environment_keys(monkeypatch)
    fx = build_company(tmp_path / "data")
    fx.db.dispose()
    return fx


def as_user(capsys, monkeypatch, fx, user, *args):
    monkeypatch.setenv("HRDESK_PASSWORD", fx.users[user])
    code = run(["--data-dir", str(fx.data_dir.root), *map(str, args), "--user", user])
    out, err = capsys.readouterr()
    return code, out, err


def test_month_run_approve_pay_and_export(fx, capsys, monkeypatch, tmp_path):
    code, _, err = as_user(capsys, monkeypatch, fx, "finance", "payroll", "run", "2026-01")
    assert code == 3 and "核算工资" in err  # finance may not calculate
    code, out, err = as_user(capsys, monkeypatch, fx, "hr", "payroll", "run", "2026-01", "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert summary["status"] == "calculated" and summary["employees"] == 8
    code, _, err = as_user(capsys, monkeypatch, fx, "hr", "payroll", "approve", "2026-01")
    assert code == 3
    code, out, err = as_user(capsys, monkeypatch, fx, "finance", "payroll", "approve", "2026-01")
    assert code == 0 and "已审核" in out
    code, out, err = as_user(capsys, monkeypatch, fx, "finance", "payroll", "pay", "2026-01")
    assert code == 0 and "已发放" in out
    code, _, err = as_user(capsys, monkeypatch, fx, "hr", "payroll", "run", "2026-01")
    assert code == 6 and "锁定" in err

    code, out, err = as_user(capsys, monkeypatch, fx, "hr", "payroll", "show", "2026-01", "--emp", "E000002", "--json")
    assert code == 0, err
    row = json.loads(out)["rows"][0]
    assert row["name"] == "李四" and row["net_pay"] == "9753.00"
    assert any("21.75" in line["basis"] or "计薪日" in line["basis"] for line in row["lines"])

    sheet = tmp_path / "工资表.xlsx"
    code, out, err = as_user(
        capsys, monkeypatch, fx, "finance", "payroll", "export", "2026-01", "--kind", "sheet", "--out", sheet
    )
    assert code == 0, err
    ws = openpyxl.load_workbook(sheet).active
    names = [c.value for c in ws["B"]]
    assert "李四" in names
    code, _, err = as_user(
        capsys,
        monkeypatch,
        fx,
        "staff",
        "payroll",
        "export",
        "2026-01",
        "--kind",
        "bank",
        "--out",
        tmp_path / "bank.xlsx",
    )
    assert code == 3 and not (tmp_path / "bank.xlsx").exists()


def test_bad_month_is_a_clear_message(fx, capsys, monkeypatch):
    code, _, err = as_user(capsys, monkeypatch, fx, "hr", "payroll", "run", "2026-13")
    assert code == 2 and "YYYY-MM" in err
    code, _, err = as_user(capsys, monkeypatch, fx, "hr", "payroll", "show", "2026-05")
    assert code == 4 and "还没有工资核算" in err

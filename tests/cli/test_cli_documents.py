"""Settlement and documents on the command line: refusals with exit codes, issuing and verifying."""

import json
from datetime import date, datetime

import pytest

from hrdesk.cli.main import run
from hrdesk.core.accounts import auth
from hrdesk.core.flows import engine, separations
from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.flows.workflow import Action
from hrdesk.core.kernel.clock import FixedClock
from tests.core.documents.test_documents import separate
from tests.helpers import build_company, environment_keys


@pytest.fixture
def fx(tmp_path, monkeypatch):
    environment_keys(monkeypatch)
    fx = build_company(tmp_path / "data")
    fx.clock = FixedClock(datetime(2026, 4, 2, 9, 0))
    yield fx
    fx.db.dispose()


def as_user(capsys, monkeypatch, fx, user, *args):
    if user:
        monkeypatch.setenv("HRDESK_PASSWORD", fx.users[user])
    code = run(["--data-dir", str(fx.data_dir.root), *map(str, args), *(["--user", user] if user else [])])
    out, err = capsys.readouterr()
    return code, out, err


def test_settle_before_and_at_the_finance_step(fx, capsys, monkeypatch):
    hr = auth.login(fx.db, "hr", fx.users["hr"], fx.clock)
    flow_id = separations.start(hr, fx.emps["李四"], SeparationReason.LAYOFF, date(2026, 4, 30), "裁员").summary.id
    code, _, err = as_user(capsys, monkeypatch, fx, "finance", "separation", "settle", "E000002")
    assert code == 6 and "尚未到达" in err
    engine.act(auth.login(fx.db, "manager", fx.users["manager"], fx.clock), flow_id, Action.APPROVE, "同意")
    # HR started it, so the administrator stands in for 人事 (nobody approves their own proposal)
    engine.act(auth.login(fx.db, "admin", fx.users["admin"], fx.clock), flow_id, Action.APPROVE, "同意")
    code, out, err = as_user(capsys, monkeypatch, fx, "finance", "separation", "settle", "E000002", "--json")
    assert code == 0, err
    data = json.loads(out)
    # 2020-01-06 … 2026-04-30: 6 years 3 months → N = 6.5 × 12,000
    assert data["compensation_months"] == "6.5" and data["compensation"] == "78000.00"
    assert data["stop_month"] == "2026-04" and not data["approved"]
    code, out, _ = as_user(capsys, monkeypatch, fx, "finance", "separation", "settle", "E000002")
    assert "经济补偿金" in out and "实发合计" in out


def test_certificate_verify_and_batch(fx, capsys, monkeypatch, tmp_path):
    out_file = tmp_path / "离职证明.pdf"
    code, _, err = as_user(capsys, monkeypatch, fx, "hr", "documents", "certificate", "E000002", "--out", out_file)
    assert code == 6 and "尚未离职" in err and not out_file.exists()
    separate(fx, "李四", date(2026, 3, 31))
    code, out, err = as_user(capsys, monkeypatch, fx, "hr", "documents", "certificate", "E000002", "--out", out_file)
    assert code == 0 and "LZ-" in out and out_file.read_bytes().startswith(b"%PDF")
    code, out, _ = as_user(capsys, monkeypatch, fx, None, "documents", "verify", out_file)
    assert code == 0 and "有效" in out
    tampered = tmp_path / "改过的.pdf"
    tampered.write_bytes(out_file.read_bytes().replace(b"/Producer (HRDesk)", b"/Producer (Other)"))
    code, _, err = as_user(capsys, monkeypatch, fx, None, "documents", "verify", tampered)
    assert code == 12 and "改动" in err
    other = tmp_path / "other.pdf"
    other.write_bytes(b"%PDF-1.4\n%%EOF")
    code, _, err = as_user(capsys, monkeypatch, fx, None, "documents", "verify", other)
    assert code == 13
    code, _, err = as_user(capsys, monkeypatch, fx, None, "documents", "verify", tmp_path / "missing.pdf")
    assert code == 8 and "无法读取" in err

    folder = tmp_path / "batch"
    folder.mkdir()
    code, out, err = as_user(
        capsys,
        monkeypatch,
        fx,
        "hr",
        "documents",
        "batch",
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--dir",
        folder,
    )
    assert code == 0 and "1 份" in out and len(list(folder.glob("*.pdf"))) == 1
    code, out, err = as_user(
        capsys, monkeypatch, fx, "hr", "documents", "reissue", "LZ-2026-0001", "--out", tmp_path / "补打.pdf"
    )
    assert code == 0 and (tmp_path / "补打.pdf").read_bytes() == out_file.read_bytes()

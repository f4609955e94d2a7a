"""``documents employment --income``: the 在职证明 states the chosen monthly income (issue 11), a
choice the records cannot give exits non-zero with the reason and writes nothing."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from hrdesk.cli.main import run
from hrdesk.core.accounts import auth
from hrdesk.core.payroll import inputs, runs
from tests.helpers import build_company, environment_keys


@pytest.fixture
def fx(tmp_path, monkeypatch):
    """李四 (12,000) with approved payroll for January to March 2026, a 600.00 bonus in March."""
    environment_keys(monkeypatch)
    fx = build_company(tmp_path / "data")
    hr = auth.login(fx.db, "hr", fx.users["hr"])
    finance = auth.login(fx.db, "finance", fx.users["finance"])
    inputs.add_entry(hr, date(2026, 3, 1), fx.emps["李四"], "performance_bonus", "600.00")
    for month in (date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)):
        runs.calculate_month(hr, month)
        runs.approve(finance, month)
    fx.db.dispose()
    return fx


def employment(capsys, monkeypatch, fx, out, *options):
    monkeypatch.setenv("HRDESK_PASSWORD", fx.users["hr"])
    args = ["--data-dir", str(fx.data_dir.root), "documents", "employment", "E000002", "--out", str(out)]
    code = run([*args, *options, "--user", "hr"])
    stdout, stderr = capsys.readouterr()
    return code, stdout, stderr


def text_of(path) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages).replace("\n", "")


def test_income_choices_on_the_command_line(fx, capsys, monkeypatch, tmp_path):
    out = tmp_path / "在职证明.pdf"
    code, stdout, err = employment(capsys, monkeypatch, fx, out, "--income", "avg3")
    assert code == 0, err
    text = text_of(out)
    # (12,000 + 12,000 + 12,600) ÷ 3 = 12,200.00
    assert "近3个月平均应发工资" in text and "12,200.00" in text and "ZM-" in stdout

    refused = tmp_path / "refused.pdf"
    code, _, err = employment(capsys, monkeypatch, fx, refused, "--income", "avg6")
    assert code != 0 and "只有3个月" in err and "近3个月平均应发" in err and not refused.exists()

    base = tmp_path / "base.pdf"
    code, _, err = employment(capsys, monkeypatch, fx, base, "--salary")  # the older flag: 基本工资
    assert code == 0, err
    assert "月收入（基本工资，税前）为人民币12,000.00元" in text_of(base)


def test_an_unknown_choice_is_an_argument_error(fx, capsys, monkeypatch, tmp_path):
    with pytest.raises(SystemExit) as info:
        employment(capsys, monkeypatch, fx, tmp_path / "x.pdf", "--income", "avg5")
    assert info.value.code == 2 and "avg5" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()

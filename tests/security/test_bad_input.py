"""Bad input that still got in (issue 12): each is refused with a clear message and a non-zero exit,
and nothing is saved."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from decimal import Decimal

import pytest

from hrdesk import logging_setup
from hrdesk.cli import calculators
from hrdesk.cli.main import run
from hrdesk.core.kernel.money import MoneyError, parse_money


def cli(capsys, *args):
    code = run([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def log_file(tmp_path, monkeypatch):
    """The log file of this test, and no handler of it left on the root logger afterwards."""
    path = tmp_path / "log" / "hrdesk.log"
    monkeypatch.setattr(logging_setup, "log_path", lambda: path)
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", None) == str(path):
            root.removeHandler(handler)
            handler.close()


# --- the command line: a closed pipe, the log file ------------------------------------------------


def test_output_piped_into_head_ends_quietly(tmp_path):
    """``hrdesk tax iit --gross 12000 | head -0``: the reader is gone before the first line."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    env = os.environ | {"XDG_STATE_HOME": str(tmp_path / "state"), "PYTHONPATH": "src"}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "hrdesk", "tax", "iit", "--gross", "12000"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            env=env,
        )
    finally:
        os.close(write_end)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
    assert done.stderr == ""
    assert done.returncode in (0, 141)


def test_an_unexpected_error_goes_to_the_log_file_it_names(capsys, log_file, monkeypatch):
    def broken(args):
        raise RuntimeError("deliberate failure for the log")

    monkeypatch.setattr(calculators, "_iit", broken)
    code, out, err = cli(capsys, "tax", "iit", "--gross", "12000")
    assert code == 70
    assert "Traceback" not in err and str(log_file) in err
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "RuntimeError: deliberate failure for the log" in logged


def test_logging_is_set_up_once_however_often_the_cli_runs(capsys, log_file):
    for _ in range(3):
        cli(capsys, "tax", "iit", "--gross", "12000")
    mine = [h for h in logging.getLogger().handlers if getattr(h, "baseFilename", None) == str(log_file)]
    assert len(mine) == 1


# --- amounts: finite, at most two decimals, below a sane ceiling -----------------------------------


@pytest.mark.parametrize("text", ["1e400", "-1e400", "1E+30", "nan", "NaN", "inf", "-Infinity", "sNaN", "100000000.01"])
def test_parse_money_refuses_non_finite_and_absurd_amounts(text):
    with pytest.raises(MoneyError):
        parse_money(text)


def test_parse_money_keeps_ordinary_amounts_and_an_explicit_larger_ceiling():
    assert parse_money("99,999,999.99") == Decimal("99999999.99")
    assert parse_money("1E+2") == Decimal("100.00")
    assert parse_money("250000000", maximum=Decimal("999999999.99")) == Decimal("250000000.00")
    assert parse_money("12000", maximum=None) == Decimal("12000.00")  # None: the ceiling still holds
    with pytest.raises(MoneyError):
        parse_money("1e10", maximum=None)


@pytest.mark.parametrize(
    "args, field",
    [
        (["tax", "iit", "--gross", "1e400"], "税前工资"),
        (["tax", "iit", "--gross", "nan"], "税前工资"),
        (["tax", "iit", "--gross", "inf"], "税前工资"),
        (["tax", "iit", "--gross", "12000,1e400"], "税前工资"),
        (["tax", "iit", "--gross", "12000", "--insurance", "1e400"], "专项扣除"),
        (["tax", "bonus", "1e400"], "奖金"),
        (
            ["calc", "compensation", "--hire-date", "2020-01-01", "--last-day", "2024-01-01"]
            + ["--monthly-wage", "1e400", "--reason", "mutual"],
            "月工资",
        ),
        (
            ["calc", "annual-leave", "--working-years", "1e400", "--last-day", "2024-06-30"]
            + ["--taken", "0", "--monthly-wage", "10000"],
            "累计工作年限",
        ),
        (
            ["calc", "annual-leave", "--working-years", "10", "--last-day", "2024-06-30"]
            + ["--taken", "1e400", "--monthly-wage", "10000"],
            "已休天数",
        ),
    ],
)
def test_calculators_refuse_absurd_numbers_with_exit_2(capsys, log_file, args, field):
    code, out, err = cli(capsys, *args)
    assert code == 2, err
    assert field in err and "Traceback" not in err and "内部错误" not in err
    assert out == ""

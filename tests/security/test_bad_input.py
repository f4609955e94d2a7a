"""Bad input that still got in (issue 12): each is refused with a clear message and a non-zero exit,
and nothing is saved."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest

from hrdesk import logging_setup
from hrdesk.cli import calculators
from hrdesk.cli.main import run


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

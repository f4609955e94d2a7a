"""The suite's guard against hidden background failures (issue 12): what it listens to is really
what a failing background task produces, and an expected error is not reported."""

from __future__ import annotations

import logging

import pytest

from hrdesk.core.kernel.errors import ValidationError
from hrdesk.ui.common.runner import Runner


@pytest.mark.allow_worker_errors
def test_an_unexpected_failure_is_logged_where_the_guard_listens(qtbot, caplog):
    seen = []
    runner = Runner()
    with caplog.at_level(logging.ERROR, logger="hrdesk.ui.common.runner"):
        runner.submit(lambda: 1 / 0, lambda _r: None, seen.append)
        assert runner.wait_idle(5000)
        qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    records = [r for r in caplog.records if r.name == "hrdesk.ui.common.runner" and r.levelno >= logging.ERROR]
    assert records and "ZeroDivisionError" in records[0].getMessage()


def test_an_expected_error_is_no_failure_of_the_test(qtbot, caplog):
    seen = []
    runner = Runner()

    def refuse():
        raise ValidationError({"x": "输入有误"})

    runner.submit(refuse, lambda _r: None, seen.append)
    assert runner.wait_idle(5000)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert isinstance(seen[0], ValidationError)  # and the guard stays quiet: this test passes

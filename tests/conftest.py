"""Test set-up shared by all tests: offscreen Qt, isolated per-user folders, an in-memory keyring.

Environment variables are set at import time, before Qt or platformdirs read them.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections.abc import Iterator

_HOME = tempfile.mkdtemp(prefix="hrdesk-test-home-")
os.environ["QT_QPA_PLATFORM"] = "offscreen"
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = os.path.join(_HOME, _var.lower())
os.environ.pop("HRDESK_DB_KEY", None)
os.environ.pop("HRDESK_PASSWORD", None)

import keyring  # noqa: E402
import pytest  # noqa: E402

import hrdesk.core.areas  # noqa: E402,F401  (every area loaded, as the entry points do)
from tests.helpers import ADMIN_PASSWORD, CompanyFixture, build_company  # noqa: E402
from tests.memory_keyring import MemoryKeyring  # noqa: E402
from tests.time_zones import SHANGHAI, local_zone  # noqa: E402


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch):
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    monkeypatch.delenv("HRDESK_DB_KEY", raising=False)
    monkeypatch.delenv("HRDESK_AUDIT_KEY", raising=False)
    monkeypatch.delenv("HRDESK_PASSWORD", raising=False)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def qapp():
    """The application as the product sets it up (bundled font, Chinese Qt strings), for pytest-qt.
    Only GUI tests request it, so core tests never start Qt."""
    from hrdesk.ui.shell.qt_env import ensure_application

    yield ensure_application()


@pytest.fixture
def company(tmp_path) -> CompanyFixture:
    """A company with a small org tree, positions, a few employees and one login per role."""
    fixture = build_company(tmp_path / "data")
    yield fixture
    if "PySide6.QtCore" in sys.modules:  # let background work of GUI tests finish first
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(10000)
    fixture.db.dispose()


__all__ = ["ADMIN_PASSWORD"]


@pytest.fixture(autouse=True)
def statements_add_up(monkeypatch):
    """Every 离职结算 statement any test builds: its lines add up to its 实发合计 (issue 11: a
    deducted tax that is not shown as a line makes the lines disagree with the total)."""
    from hrdesk.core.separation import settlement, statement

    def checked_compute(*args, **kwargs):
        result = real_compute(*args, **kwargs)
        assert_statement_adds_up(result)
        return result

    real_compute = statement.compute
    monkeypatch.setattr(settlement, "compute", checked_compute)


def assert_statement_adds_up(result) -> None:
    body = [line for line in result.lines if line.section != "net"]
    net = [line for line in result.lines if line.section == "net"]
    assert len(net) == 1 and net[0].amount == result.net_amount
    assert sum(line.amount for line in body) == result.net_amount, [(ln.item, ln.amount) for ln in result.lines]


@pytest.fixture
def shanghai() -> Iterator[None]:
    """The computer in China (UTC+8, no daylight saving time)."""
    with local_zone(SHANGHAI):
        yield


class _WorkerErrors(logging.Handler):
    """Collects what background work logged as an unexpected failure."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture(autouse=True)
def worker_errors_fail_the_test(request):
    """An exception in a worker thread fails its test (issue 12): a bug in background work reaches
    the user only as an error dialog, which a test that waits for something else would not notice.
    Runner tasks log unexpected exceptions; plain threads go through threading.excepthook. A test
    that provokes one on purpose is marked ``allow_worker_errors``."""
    import threading

    handler = _WorkerErrors()
    logger = logging.getLogger("hrdesk.ui.common.runner")
    logger.addHandler(handler)
    previous_hook = threading.excepthook
    raised: list[str] = []

    def hook(args):
        raised.append(f"{args.exc_type.__name__}: {args.exc_value}")

    threading.excepthook = hook
    yield
    threading.excepthook = previous_hook
    logger.removeHandler(handler)
    if request.node.get_closest_marker("allow_worker_errors") is None and (handler.messages or raised):
        pytest.fail("unexpected exception in a worker thread:\n" + "\n".join(handler.messages + raised))

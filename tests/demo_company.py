"""The demo company for tests that want realistic data (sub-departments, 项目部 with seconded staff,
long names, a payroll history, flows at every stage) rather than the few people of ``company``.

Building 200 people costs a few seconds, so tests share one per module (see ``demo_fixture``)."""

from __future__ import annotations

from datetime import date, datetime

import keyring
import pytest

from hrdesk.core.accounts import auth
from hrdesk.core.demo.demo_company import DemoResult, create_demo_company
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.persistence.datadir import DataDir
from tests.memory_keyring import MemoryKeyring

DEMO_TODAY = date(2026, 3, 16)  # a Monday; the demo's dates and the tests' clock are anchored here


class Demo:
    def __init__(self, result: DemoResult):
        self.result = result
        self.db = result.db
        self.passwords = {login.username: login.password for login in result.logins}
        self.clock = FixedClock(datetime(DEMO_TODAY.year, DEMO_TODAY.month, DEMO_TODAY.day, 9, 30))

    def login(self, username: str) -> ServiceContext:
        return auth.login(self.db, username, self.passwords[username], self.clock)


def build_demo(data_dir: DataDir, employees: int = 200, seed: int = 3) -> Demo:
    """A demo company; brings its own in-memory keyring for the moment of creation, so a
    module-scoped fixture can call it outside the per-test keyring."""
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        return Demo(create_demo_company(data_dir, employees=employees, seed=seed, today=DEMO_TODAY))
    finally:
        keyring.set_keyring(previous)


def demo_fixture(employees: int = 200, seed: int = 3):
    """A module-scoped ``demo`` fixture: ``demo = demo_fixture()`` in a test module."""

    @pytest.fixture(scope="module")
    def demo(tmp_path_factory):
        built = build_demo(DataDir(tmp_path_factory.mktemp("demo")), employees, seed)
        yield built
        import sys

        if "PySide6.QtCore" in sys.modules:  # let background work of GUI tests finish first
            from PySide6.QtCore import QThreadPool

            QThreadPool.globalInstance().waitForDone(10000)
        built.db.dispose()

    return demo

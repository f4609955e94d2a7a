"""The audit page's 深度校验: run in the background, the verdict in the banner (issue 12)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from hrdesk.ui.audit.audit_page import AuditPage
from hrdesk.ui.shell.app import make_session


@pytest.fixture
def page(qtbot, company):
    session = make_session(company.login("auditor"), "测试科技有限公司")
    page = AuditPage(session)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=5000)
    yield page
    session.runner.wait_idle()
    session.signals.detach()


def test_deep_check_passes_then_names_a_salary_changed_in_the_database(qtbot, company, page):
    with qtbot.waitSignal(page.deep_verified, timeout=10000):
        qtbot.mouseClick(page.deep_button, Qt.MouseButton.LeftButton)
    assert page.last_deep_report.ok and page.deep_button.isEnabled()
    banner = page.verify_banner.text()
    assert page.verify_banner.isVisibleTo(page)
    assert "深度校验通过" in banner and "员工 8 名、账号 7 个" in banner

    with company.db.engine.begin() as conn:
        conn.execute(text("UPDATE employees SET base_salary = 9999900 WHERE emp_no = 'E000006'"))
    with qtbot.waitSignal(page.deep_verified, timeout=10000):
        qtbot.mouseClick(page.deep_button, Qt.MouseButton.LeftButton)
    assert not page.last_deep_report.ok
    banner = page.verify_banner.text()
    assert "发现 1 处" in banner
    assert "员工 E000006 刘人事：基本工资 数据库中为 ****，操作日志记录为 ****" in banner  # the auditor: masked


def test_a_broken_chain_stops_the_deep_check(qtbot, company, page):
    with company.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET summary = 'x' WHERE seq = 3"))
    with qtbot.waitSignal(page.deep_verified, timeout=10000):
        qtbot.mouseClick(page.deep_button, Qt.MouseButton.LeftButton)
    banner = page.verify_banner.text()
    assert "哈希链在第 3 号记录断开" in banner and "未再核对数据" in banner

"""操作留痕 in the GUI: the trail dialog (from the employee register), and the auditor's export of the
object in the audit viewer's filter."""

from __future__ import annotations

from datetime import date, timedelta

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog

from hrdesk.core.flows import engine, separations
from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.flows.workflow import Action
from hrdesk.ui.audit.audit_page import AuditPage
from hrdesk.ui.audit.trail_dialog import TrailDialog
from hrdesk.ui.people.employees_page import EmployeesPage
from hrdesk.ui.shell.app import make_session
from tests.ui.qt_helpers import screenshot, type_text

LAST_DAY = date.today() + timedelta(days=120)  # a separation ends at most a year ahead

COMPANY = "测试科技有限公司"


@pytest.fixture
def sessions(company):
    made = []

    def make(username: str):
        session = make_session(company.login(username), COMPANY)
        made.append(session)
        return session

    yield make
    for session in made:
        session.runner.wait_idle()
        session.signals.detach()


@pytest.fixture
def with_flow(company):
    hr = company.login("hr")
    detail = separations.start(hr, company.emps["李四"], SeparationReason.MUTUAL, LAST_DAY, "协商一致")
    engine.act(company.login("manager"), detail.summary.id, Action.APPROVE, "同意，已安排交接")
    company.flow_id = detail.summary.id
    return company


def test_trail_dialog_from_the_register_and_export(qtbot, with_flow, sessions, tmp_path, monkeypatch):
    fx = with_flow
    page = EmployeesPage(sessions("hr"))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.total_count() > 0, timeout=5000)
    assert page.trail_button.isVisibleTo(page)
    page.select_employee(fx.emps["李四"])
    dialog = page.open_trail(fx.emps["李四"])
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        pass
    assert dialog.report.subject == "员工 E000002 李四" and "E000002 李四" in dialog.windowTitle()
    actions = [dialog.model.row(r).action for r in range(dialog.model.rowCount())]
    assert actions[0] == "新建员工" and "流程：提交" in actions and "流程：同意" in actions
    assert "打码" not in dialog.status_label.text()  # HR sees values in clear
    dialog.table.selectRow(0)
    assert "基本工资：12000.00" in dialog.detail.toPlainText()
    dialog.resize(1100, 640)
    screenshot(dialog, "trail_dialog")

    target = tmp_path / "out" / "李四.xlsx"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Excel 工作簿 (*.xlsx)"))
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.export_button.click()
    assert "已导出" in dialog.status_label.text() and target.exists()
    ws = openpyxl.load_workbook(target).active
    assert ws["A2"].value == "对象：员工 E000002 李四" and ws.max_row - 5 == dialog.model.rowCount()
    dialog.close()

    staff_page = EmployeesPage(sessions("staff"))
    qtbot.addWidget(staff_page)
    assert not staff_page.trail_button.isVisibleTo(staff_page)


def test_auditor_exports_the_trail_of_the_filtered_flow(qtbot, with_flow, sessions, tmp_path, monkeypatch):
    fx = with_flow
    page = AuditPage(sessions("auditor"))
    qtbot.addWidget(page)
    page.resize(1200, 700)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=5000)
    assert not page.export_button.isEnabled() and "选择“员工”或“流程”" in page.export_button.toolTip()
    labels = [page.entity_filter.itemText(i) for i in range(page.entity_filter.count())]
    page.entity_filter.setCurrentIndex(labels.index("流程"))
    with qtbot.waitSignal(page.loaded, timeout=5000):
        type_text(qtbot, page.entity_id, str(fx.flow_id))
        page.entity_id.returnPressed.emit()
    assert page.export_button.isEnabled() and page.trail_target() == (None, fx.flow_id)

    target = tmp_path / "flow.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target)[:-5], ""))
    with qtbot.waitSignal(page.trail_exported, timeout=10000):
        page.export_button.click()
    assert target.exists()  # .xlsx added
    assert "已导出" in page.verify_banner.text()
    ws = openpyxl.load_workbook(target).active
    assert ws["A2"].value.startswith(f"对象：流程 #{fx.flow_id} ") and "打码" in ws["A4"].value
    assert {row[4] for row in ws.iter_rows(min_row=6, values_only=True)} >= {"流程：提交", "流程：同意"}
    screenshot(page, "audit_page_trail_export")

    dialog = page.open_trail()
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        pass
    assert dialog.report.masked and "打码" in dialog.status_label.text()
    assert isinstance(dialog, TrailDialog) and dialog.model.rowCount() == ws.max_row - 5

    # a bad place to save: the message, and no file
    monkeypatch.setattr("hrdesk.ui.audit.audit_page.show_error", lambda parent, exc: errors.append(str(exc)))
    errors = []
    page.export_trail_to(str(tmp_path / "missing" / "x.xlsx"))
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert "不存在" in errors[0] and not (tmp_path / "missing").exists()

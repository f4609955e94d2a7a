"""卡住的流程 through the real widgets (issue 12): the only 人事 proposes a raise for 王经理, who has no
manager, so nobody else may take the first step; the administrator sees the flow listed, names a
second 人事 in the 指定处理人 dialog (a reason required, the initiator and the subject not offered),
and the flow leaves the list and reaches the new handler's 待办."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from hrdesk.core.accounts import auth, users
from hrdesk.core.flows import engine, lifecycle
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.kernel.permissions import Role
from hrdesk.ui.flows.assign_handler_dialog import AssignHandlerDialog
from hrdesk.ui.flows.flow_dialog import FlowDialog
from hrdesk.ui.flows.stuck_page import StuckFlowsPage
from hrdesk.ui.shell.app import make_session
from hrdesk.ui.shell.main_window import MainWindow
from tests.helpers import USER_PASSWORD
from tests.ui.qt_helpers import screenshot

NOW = datetime(2026, 3, 2, 9, 30)


@pytest.fixture
def fx(company):
    company.clock = FixedClock(NOW)
    return company


def add_second_hr(fx) -> None:
    users.create_account(fx.system, "hr2", "周人事", USER_PASSWORD, {Role.HR}, None, must_change_password=False)
    fx.users["hr2"] = USER_PASSWORD


def login(fx, username):
    return auth.login(fx.db, username, fx.users[username], fx.clock)


def session_for(fx, username):
    return make_session(login(fx, username), "测试科技有限公司")


def open_page(qtbot, fx, username) -> StuckFlowsPage:
    page = StuckFlowsPage(session_for(fx, username))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitUntil(lambda: not page.loader.loading, timeout=5000)
    return page


def stuck_raise(fx) -> int:
    """刘人事, the only 人事, proposes 王经理's raise; 王经理 has no manager."""
    detail = lifecycle.start_transfer(
        login(fx, "hr"), fx.emps["王经理"], date(2026, 4, 1), {"base_salary": "36000"}, "调薪"
    )
    return detail.summary.id


def test_the_administrator_sees_the_page_and_others_do_not(qtbot, fx):
    for username, visible in (("admin", True), ("hr", False), ("finance", False), ("manager", False)):
        window = MainWindow(session_for(fx, username))
        qtbot.addWidget(window)
        assert ("stuck_flows" in window.page_keys()) is visible, username


def test_naming_a_handler_in_the_dialog(qtbot, fx):
    flow_id = stuck_raise(fx)
    page = open_page(qtbot, fx, "admin")
    assert page.model.rowCount() == 1 and page.model.key(0) == flow_id
    row = page.model.row(0).cells
    assert row[1] == "E000001 王经理 调薪" and row[4] == "原直属上级审批（直属上级）" and "没有直属上级" in row[7]
    assert page.count_label.text() == "共 1 个流程等待指定处理人"
    assert not page.assign_button.isEnabled()
    page.select_key(flow_id)
    assert page.assign_button.isEnabled()
    screenshot(page, "stuck_flows_page")

    add_second_hr(fx)  # the company takes on a second 人事, who can take the step
    dialog = page.open_assign()
    assert isinstance(dialog, AssignHandlerDialog)
    qtbot.addWidget(dialog)
    offered = [dialog.handler.itemText(i) for i in range(dialog.handler.count())]
    assert offered[0].startswith("周人事（hr2）") and offered[0].endswith("推荐")
    assert not any("刘人事" in text or "王经理" in text for text in offered)  # the initiator, the subject
    screenshot(dialog, "assign_handler_dialog")
    assert not dialog.save()  # no reason
    assert dialog.error_labels["reason"].isVisible() and dialog.isVisible()
    dialog.reason.setPlainText("刘人事是唯一的人事，由周人事代上级审批")
    assert dialog.save() and not dialog.isVisible()

    qtbot.waitUntil(lambda: not page.loader.loading and page.model.rowCount() == 0, timeout=5000)
    assert page.notice.text() == f"已指定周人事处理 #{flow_id}“原直属上级审批”。"
    assert page.count_label.text() == "没有卡住的流程"
    assert [s.id for s in engine.inbox(login(fx, "hr2"))] == [flow_id]


def test_the_initiator_reads_that_the_step_waits_for_the_administrator(qtbot, fx):
    flow_id = stuck_raise(fx)
    dialog = FlowDialog(session_for(fx, "hr"), flow_id)
    qtbot.addWidget(dialog)
    dialog.show()
    steps = [dialog.form.steps_list.item(i).text() for i in range(dialog.form.steps_list.count())]
    assert "▶  原直属上级审批　　等待管理员指定处理人" in steps
    assert dialog.form.assignee_note.isVisible() and "等待管理员指定处理人" in dialog.form.assignee_note.text()
    assert not any(action.value == "approve" for action in dialog.action_buttons)

"""The lifecycle flows through the real widgets: the whole separation story (as
tests/core/test_separation_flow.py tells it at service level), then transfer, confirmation and
onboarding started from their dialogs."""

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox

from hrdesk.core.accounts import auth, users
from hrdesk.core.flows import engine, mail, separations
from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.flows.workflow import Action, FlowKind, FlowStatus
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import PermissionDenied, StateError
from hrdesk.core.kernel.masking import MASKED_MONEY
from hrdesk.core.kernel.permissions import Role
from hrdesk.core.people import employees
from hrdesk.core.people.employee_rules import EmployeeStatus
from hrdesk.ui.common import messages
from hrdesk.ui.common.optional_date import set_date
from hrdesk.ui.flows.flow_dialog import FlowDialog
from hrdesk.ui.flows.flows_page import FlowsPage
from hrdesk.ui.flows.inbox_page import InboxPage
from hrdesk.ui.flows.mail_pump import MailPump
from hrdesk.ui.flows.notice_dialog import NoticeDialog
from hrdesk.ui.people.employee_dialog import EmployeeDialog
from hrdesk.ui.shell.app import make_session
from hrdesk.ui.shell.main_window import MainWindow
from tests.helpers import USER_PASSWORD, employee_input, make_card, make_id, verify_average_wage
from tests.smtp_sink import SmtpSink, free_port
from tests.ui.qt_helpers import replace_text, screenshot, type_text, when_modal

TODAY = datetime(2026, 3, 2, 9, 30)
COMPANY = "测试科技有限公司"


@pytest.fixture
def story(company):
    """李四 (销售部, manager 王经理) also works for 地铁项目部 (lead 陈工) and has an account."""
    clock = FixedClock(TODAY)
    system = ServiceContext(company.db, company.system.actor, clock)
    li = employees.get(system, company.emps["李四"])
    data = employee_input(
        "E000002",
        "李四",
        company.depts["销售部"],
        2,
        manager_id=company.emps["王经理"],
        position_id=li.position_id,
        project_department_id=company.depts["地铁项目部"],
    )
    employees.update(system, li.id, data, li.version)
    users.create_account(system, "lisi", "李四", USER_PASSWORD, {Role.EMPLOYEE}, li.id, must_change_password=False)
    company.users["lisi"] = USER_PASSWORD
    company.clock = clock
    return company


@pytest.fixture
def errors(monkeypatch):
    """Messages the GUI would show in a box, and every question answered 是."""
    shown = []
    monkeypatch.setattr(messages, "show_error", lambda parent, exc: shown.append(exc))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    return shown


def login(fx, username) -> ServiceContext:
    return auth.login(fx.db, username, fx.users[username], fx.clock)


def session_for(fx, username):
    return make_session(login(fx, username), COMPANY)


def open_page(qtbot, cls, session):
    page = cls(session)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitUntil(lambda: not page.loader.loading, timeout=5000)
    return page


def inbox_for(qtbot, fx, username) -> InboxPage:
    page = open_page(qtbot, InboxPage, session_for(fx, username))
    qtbot.waitUntil(lambda: page.data is not None, timeout=5000)
    return page


def wait_reloaded(qtbot, page):
    """Wait until a page has taken in the latest change (its reload ran to the end)."""
    qtbot.waitUntil(lambda: not page.loader.loading, timeout=5000)


def approve_in_dialog(qtbot, page: InboxPage, flow_id: int, comment: str, name: str) -> FlowDialog:
    dialog = page.open_flow(flow_id)
    qtbot.addWidget(dialog)
    assert Action.APPROVE in dialog.action_buttons
    type_text(qtbot, dialog.form.comment, comment)
    screenshot(dialog, name)
    dialog.action_buttons[Action.APPROVE].click()
    assert dialog.detail.transitions[-1].comment == comment, (dialog.current_errors(), dialog.form.banner.text())
    return dialog


def test_complete_separation_story_through_the_gui(qtbot, story, errors):
    fx = story
    sink = SmtpSink().start()
    try:
        mail.save_settings(
            login(fx, "admin"),
            mail.SmtpSettings("127.0.0.1", sink.port, "none", "", "hr@example.cn", "测试科技人事部"),
            None,
        )
        _run_story(qtbot, fx, sink, errors)
    finally:
        sink.stop()


def _run_story(qtbot, fx, sink, errors):
    # 1. 李四 resigns in the separation dialog; 18 days' notice is short: warned, refused without a comment.
    window = MainWindow(session_for(fx, "lisi"))
    qtbot.addWidget(window)
    window.show()
    assert window.page_keys()[:3] == ["inbox", "employees", "flows"]
    page = window.show_page("flows")
    assert page.resign_button.isVisible() and not page.separation_button.isVisible()
    assert not page.transfer_button.isVisible() and not page.onboarding_button.isVisible()
    dialog = page.open_separation(for_self=True)
    qtbot.addWidget(dialog)
    f = dialog.form
    assert f.employee.text() == "E000002 李四" and f.employee.isReadOnly()
    assert [f.reason.itemText(i) for i in range(f.reason.count())] == ["主动辞职"]  # only HR may choose others
    assert not f.notice_warning.isVisible()  # the default last day gives 30 days' notice
    f.last_working_day.setDate(date(2026, 3, 20))
    assert f.notice_warning.isVisible() and "第三十七条" in f.notice_warning.text()
    assert f.lbl_comment.text() == "说明 *"
    assert not dialog.submit()
    assert "第三十七条" in dialog.current_errors()["comment"] and dialog.isVisible()
    screenshot(dialog, "separation_dialog_short_notice")
    assert engine.list_flows(login(fx, "hr")) == []
    type_text(qtbot, f.comment, "家中有急事，申请提前离职，已与王经理沟通。")
    assert dialog.submit() and not dialog.isVisible()
    [flow] = engine.list_flows(login(fx, "hr"))
    flow_id = flow.id
    assert flow.kind is FlowKind.SEPARATION and flow.step_name == "直属上级审批"
    assert "王经理" in page.notice.text()
    qtbot.waitUntil(lambda: page.model.row_of(flow_id) >= 0, timeout=5000)
    screenshot(window, "flows_page_lisi")
    assert employees.get(fx.system, fx.emps["李四"]).status is EmployeeStatus.LEAVING

    # 2. The manager sees it in the inbox and approves in the flow dialog.
    inbox = inbox_for(qtbot, fx, "manager")
    assert inbox.counts()["approvals"] == 1
    row = inbox.approvals_model.row(0)
    assert row.cells[2] == "李四" and row.cells[3] == "直属上级审批" and row.cells[5] == "2026-03-05"
    assert "待我审批（1）" in inbox.tabs.tabText(0)
    screenshot(inbox, "inbox_manager")
    dialog = inbox.open_flow(flow_id)
    qtbot.addWidget(dialog)
    assert set(dialog.action_buttons) == {Action.APPROVE, Action.RETURN, Action.REJECT, Action.COMMENT}
    proposal = dialog.form.proposal.toPlainText()
    assert "主动辞职" in proposal and "2026-03-20" in proposal and "第三十七条" in proposal
    assert dialog.form.steps_list.item(0).data(256) == "current"
    dialog.action_buttons[Action.RETURN].click()  # a return needs a reason: shown under the comment box
    assert "原因" in dialog.current_errors()["comment"]
    assert engine.get(fx.system, flow_id).summary.step_name == "直属上级审批"
    type_text(qtbot, dialog.form.comment, "同意，已安排赵六接手客户。")
    dialog.action_buttons[Action.APPROVE].click()
    assert dialog.detail.summary.step_name == "项目负责人审批"
    assert "项目负责人审批" in dialog.form.banner.text() and not dialog.action_buttons
    assert not dialog.form.action_group.isVisible()

    # 3. A wrong-role user: finance may look but has no buttons, and the service refuses anyway;
    #    a colleague may not even open it.
    finance_page = inbox_for(qtbot, fx, "finance")
    dialog = finance_page.open_flow(flow_id)
    qtbot.addWidget(dialog)
    assert dialog.action_buttons == {} and not dialog.form.action_group.isVisible()
    assert "陈工" in dialog.form.nothing_to_do.text()
    screenshot(dialog, "flow_dialog_not_your_turn")
    with pytest.raises(PermissionDenied):
        engine.act(login(fx, "finance"), flow_id, Action.APPROVE, "越权")
    staff_page = inbox_for(qtbot, fx, "staff")
    assert staff_page.open_flow(flow_id) is None and isinstance(errors.pop(), PermissionDenied)

    # 4. Lead, HR and finance approve in turn, each seeing the previous comments.
    lead_page = inbox_for(qtbot, fx, "lead")
    dialog = approve_in_dialog(qtbot, lead_page, flow_id, "项目资料已交接。", "flow_dialog_lead")
    assert [t.comment for t in dialog.detail.transitions][-2:] == ["同意，已安排赵六接手客户。", "项目资料已交接。"]
    hr_window = MainWindow(session_for(fx, "hr"))
    qtbot.addWidget(hr_window)
    hr_window.show()
    hr_inbox = hr_window.pages["inbox"]
    qtbot.waitUntil(lambda: hr_inbox.data is not None and hr_inbox.counts()["approvals"] == 1, timeout=5000)
    approve_in_dialog(qtbot, hr_inbox, flow_id, "材料齐全。", "flow_dialog_hr_review")
    wait_reloaded(qtbot, finance_page)
    qtbot.waitUntil(lambda: finance_page.counts()["approvals"] == 1, timeout=5000)
    verify_average_wage(fx.db, engine.get(login(fx, "hr"), flow_id).summary.subject_employee_id)
    approve_in_dialog(qtbot, finance_page, flow_id, "无借款，工资结算至3月20日。", "flow_dialog_finance")

    # 5. HR's 归档 is blocked while checklist items are open.
    qtbot.waitUntil(lambda: hr_inbox.counts()["approvals"] == 1, timeout=5000)
    dialog = hr_inbox.open_flow(flow_id)
    qtbot.addWidget(dialog)
    assert dialog.detail.summary.step_name == "人事归档"
    assert "10 项待确认" in dialog.form.tabs.tabText(1)
    assert not dialog.form.add_item.isHidden() and not dialog.form.waive_item.isHidden()
    dialog.action_buttons[Action.APPROVE].click()
    assert isinstance(errors[-1], StateError) and "交接清单还有 10 项" in str(errors.pop())
    assert dialog.detail.summary.status is FlowStatus.RUNNING

    # 6. Owners confirm their items: the manager and 行政/IT in their inbox, finance and HR in the dialog.
    wait_reloaded(qtbot, inbox)
    assert inbox.counts()["items"] == 2
    inbox.select_items(["工作资料、文件和客户资料移交", "在办事项和项目交接说明"])
    type_text(qtbot, inbox.item_note, "已交接给赵六")
    assert inbox.confirm_selected_items() == 2
    admin_inbox = inbox_for(qtbot, fx, "admin")
    assert admin_inbox.counts()["items"] == 5
    screenshot(admin_inbox.items_tab, "inbox_admin_checklist")
    admin_inbox.select_items(
        ["笔记本电脑及配件归还", "工牌、工服及其他公司物品归还", "企业邮箱停用", "业务系统账号停用"]
    )
    assert admin_inbox.confirm_selected_items() == 4
    finance_dialog = finance_page.open_flow(flow_id)
    qtbot.addWidget(finance_dialog)
    assert finance_dialog.select_item("借款、备用金结清")
    assert finance_dialog.form.confirm_item.isEnabled() and finance_dialog.form.waive_item.isHidden()
    assert finance_dialog.confirm_current_item()
    assert finance_dialog.select_item("未报销费用处理") and finance_dialog.confirm_current_item()
    assert finance_dialog.select_item("钥匙、门禁卡归还") and not finance_dialog.form.confirm_item.isEnabled()
    qtbot.waitUntil(lambda: "2 项待确认" in dialog.form.tabs.tabText(1), timeout=5000)  # HR's dialog follows
    assert dialog.select_item("社保公积金减员、档案转移手续") and dialog.confirm_current_item()

    # HR waives the badge with a reason (asked for in a small dialog; an empty reason is refused).
    assert dialog.select_item("钥匙、门禁卡归还")
    when_modal(lambda box: (box.setTextValue(""), box.accept()))
    assert not dialog.waive_current_item()
    assert "至少4个字" in str(errors.pop())
    when_modal(lambda box: (box.setTextValue("门禁卡已挂失注销"), box.accept()))
    assert dialog.waive_current_item()
    assert "已全部确认或豁免" in dialog.form.checklist_summary.text()
    dialog.form.tabs.setCurrentIndex(1)
    screenshot(dialog, "flow_dialog_checklist_closed")

    # 7. Archiving completes the flow and offers the completion notice; HR unticks one recipient.
    type_text(qtbot, dialog.form.comment, "归档。")
    dialog.action_buttons[Action.APPROVE].click()
    assert dialog.detail.summary.status is FlowStatus.COMPLETED and "已完成" in dialog.form.banner.text()
    dialog.form.tabs.setCurrentIndex(0)
    screenshot(dialog, "flow_dialog_completed")
    notice = dialog.notice_dialog
    assert isinstance(notice, NoticeDialog) and notice.isVisible()
    qtbot.addWidget(notice)
    model = notice.model
    names = {model.recipient(r).name for r in range(model.rowCount())}
    assert names == {"刘人事", "钱财务", "李四", "王经理", "陈工", "周七", "孙员工", "系统管理员"}
    assert "将发送给 8 / 8 人" == notice.form.count_label.text() and notice.form.select_all.isChecked()
    admin_row = model.row_of_name("系统管理员")
    assert model.data(model.index(admin_row, 2)) == "仅站内"
    model.set_kept(model.row_of_name("孙员工"), False)
    assert "将发送给 7 / 8 人" == notice.form.count_label.text() and not notice.form.select_all.isChecked()
    notice.form.select_all.click()  # all again, then untick 孙员工 by clicking the row
    assert len(model.kept_keys()) == 8
    notice._toggle_row(model.index(model.row_of_name("孙员工"), 1))
    assert len(model.kept_keys()) == 7
    assert not [w for w in notice.findChildren(QMessageBox)]
    assert not any("添加" in b.text() for b in notice.findChildren(type(notice.form.send)))  # no way to add
    screenshot(notice, "notice_dialog")
    notice.form.send.click()
    assert not notice.isVisible() and "7 人" in dialog.form.banner.text()

    # The 'started' notice (unaddressed, so HR's) is sent from the inbox to everyone proposed.
    qtbot.waitUntil(lambda: hr_inbox.counts()["drafts"] == 1 and hr_inbox.counts()["approvals"] == 0, timeout=5000)
    hr_window.show_page("inbox")
    hr_inbox.tabs.setCurrentWidget(hr_inbox.drafts_tab)
    screenshot(hr_window, "inbox_hr_drafts")
    started = hr_inbox.open_draft(hr_inbox.drafts_model.key(0))
    qtbot.addWidget(started)
    assert started.draft.event.value == "separation.started"
    assert started.send()
    qtbot.waitUntil(lambda: hr_inbox.counts()["drafts"] == 0, timeout=5000)
    hr_flows = hr_window.show_page("flows")
    hr_flows.state_filter.setCurrentIndex(1)  # 全部（含已结束）
    qtbot.waitUntil(lambda: not hr_flows.loader.loading and hr_flows.model.row_of(flow_id) >= 0, timeout=5000)
    assert hr_flows.model.row(hr_flows.model.row_of(flow_id)).cells[4] == "已完成"
    screenshot(hr_window, "flows_page_hr_all")

    # 8. The mail pump delivers to exactly the kept recipients through the loopback SMTP server.
    pump = MailPump(fx.db, hr_window.session.runner, fx.clock)  # the windows' pumps ran at sign-in
    with qtbot.waitSignal(pump.delivered, timeout=10000) as delivered:
        assert pump.run_now()
    report = delivered.args[0]
    assert report.sent > 0 and report.failed == 0 and report.pending == 0 and pump.status == ""
    expected = {
        "e000006@example.cn",
        "e000007@example.cn",
        "e000002@example.cn",
        "e000001@example.cn",
        "e000004@example.cn",
        "e000005@example.cn",
    }  # 系统管理员 has no address; 孙员工 removed
    completion = [m for m in sink.messages if m["Subject"].startswith("人员离职通知")]
    assert {m["To"].addresses[0].addr_spec for m in completion} == expected
    assert all(addr.endswith("@example.cn") for addr in sink.recipients())

    # The manager's messages: the notice arrived, unread in bold until marked read.
    wait_reloaded(qtbot, inbox)
    qtbot.waitUntil(lambda: any(n.title.startswith("人员离职通知") for n in inbox.data.notifications), timeout=5000)
    inbox.tabs.setCurrentWidget(inbox.messages_tab)
    row = next(
        r
        for r in range(inbox.messages_model.rowCount())
        if inbox.messages_model.row(r).cells[1].startswith("人员离职通知")
    )
    assert inbox.messages_model.row(row).bold
    inbox.messages_table.setCurrentIndex(inbox.messages_model.index(row, 0))
    assert "离职手续已办结" in inbox.message_body.toPlainText()
    screenshot(inbox, "inbox_manager_messages")
    unread = inbox.counts()["unread"]
    inbox.mark_selected_read()
    qtbot.waitUntil(lambda: inbox.counts()["unread"] == unread - 1, timeout=5000)
    assert employees.get(fx.system, fx.emps["李四"]).status is EmployeeStatus.SEPARATED


def test_hr_starts_a_separation_on_behalf(qtbot, story, errors):
    fx = story
    page = open_page(qtbot, FlowsPage, session_for(fx, "hr"))
    assert page.separation_button.isVisible() and page.onboarding_button.isVisible()
    dialog = page.open_separation(for_self=False)
    qtbot.addWidget(dialog)
    f = dialog.form
    assert [f.reason.itemData(i) for i in range(f.reason.count())] == [r.value for r in SeparationReason]
    assert [f.reason.itemText(i) for i in range(f.reason.count())] == [r.label for r in SeparationReason]
    assert not dialog.submit() and "选择员工" in dialog.current_errors()["employee"]
    type_text(qtbot, f.employee, "周七")
    dialog.lookup._refresh()
    label = next(text for text in dialog.lookup._matches if "周七" in text)
    dialog.lookup.completer.activated[str].emit(label)
    assert "销售部" in f.employee_info.text()
    f.reason.setCurrentIndex(f.reason.findText("协商解除"))
    f.last_working_day.setDate(date(2026, 3, 10))
    assert not f.notice_warning.isVisible()  # only a resignation has a notice period
    # an art. 40 dismissal with less than 30 days' notice: 代通知金 is owed, said but not an error
    f.reason.setCurrentIndex(f.reason.findData(SeparationReason.ILLNESS.value))
    assert f.notice_warning.isVisible() and "代通知金" in f.notice_warning.text()
    assert "说明 *" not in f.lbl_comment.text()  # no comment required
    screenshot(dialog, "separation_dialog_article_40_short_notice")
    f.last_working_day.setDate(date(2026, 4, 1))  # 30 days after 2 March
    assert not f.notice_warning.isVisible()
    f.reason.setCurrentIndex(f.reason.findText("协商解除"))
    f.last_working_day.setDate(date(2019, 1, 1))
    assert not dialog.submit() and "入职日期" in dialog.current_errors()["last_working_day"]
    screenshot(dialog, "separation_dialog_hr")
    f.last_working_day.setDate(date(2026, 3, 31))
    assert dialog.submit()
    [flow] = engine.list_flows(login(fx, "hr"))
    assert flow.on_behalf_of == "周七" and flow.initiator_name == "刘人事"
    qtbot.waitUntil(lambda: page.model.row_of(flow.id) >= 0, timeout=5000)
    assert page.current_flow_id() == flow.id
    assert "代 周七" in page.model.row(0).cells[6]


def test_transfer_dialog_sends_only_changes_and_masks_salary(qtbot, story, errors):
    fx = story
    page = open_page(qtbot, FlowsPage, session_for(fx, "hr"))
    dialog = page.open_transfer(fx.emps["赵六"])
    qtbot.addWidget(dialog)
    f = dialog.form
    assert f.current_manager_id.text() == "王经理" and f.current_base_salary.text() == "12,000.00"
    assert dialog.changes() == {}
    assert not dialog.submit()
    errs = dialog.current_errors()
    assert "没有任何变动" in errs["changes"] and "调动原因" in errs["reason"]
    replace_text(qtbot, f.base_salary, "12.345")
    type_text(qtbot, f.reason, "晋升")
    assert not dialog.submit() and "两位小数" in dialog.current_errors()["base_salary"]
    screenshot(dialog, "transfer_dialog_errors")
    replace_text(qtbot, f.base_salary, "15000")
    dialog.manager_lookup.set_selected(fx.emps["陈工"], "陈工")
    f.position_id.setCurrentIndex(f.position_id.findText("工程师"))
    assert set(dialog.changes()) == {"base_salary", "manager_id", "position_id"}
    assert dialog.submit()
    [flow] = engine.list_flows(login(fx, "hr"), kind=FlowKind.TRANSFER)
    detail = engine.get(login(fx, "hr"), flow.id)
    assert set(detail.payload["changes"]) == {"base_salary", "manager_id", "position_id"}

    # The old manager approves first; he may not see 赵六's pay, so the amounts are masked.
    manager_view = FlowDialog(session_for(fx, "manager"), flow.id)
    qtbot.addWidget(manager_view)
    manager_view.show()
    text = manager_view.form.proposal.toPlainText()
    assert MASKED_MONEY in text and "15,000.00" not in text and "12,000.00" not in text
    assert "王经理" in text and "陈工" in text and "工程师" in text
    screenshot(manager_view, "flow_dialog_transfer_manager")
    hr_view = FlowDialog(session_for(fx, "hr"), flow.id)
    qtbot.addWidget(hr_view)
    assert "15,000.00" in hr_view.form.proposal.toPlainText()


def test_confirmation_dialog_validates_next_to_fields(qtbot, story, errors):
    fx = story
    hr = login(fx, "hr")
    li = employees.get(hr, fx.emps["李四"])
    data = employee_input(
        "E000002",
        "李四",
        fx.depts["销售部"],
        2,
        manager_id=fx.emps["王经理"],
        position_id=li.position_id,
        status=EmployeeStatus.PROBATION,
        probation_end_date=date(2026, 3, 31),
        hire_date=date(2025, 10, 1),
    )
    employees.update(fx.system, li.id, data, li.version)  # the setting: 李四 on probation
    page = open_page(qtbot, FlowsPage, session_for(fx, "manager"))
    assert page.confirmation_button.isVisible() and not page.onboarding_button.isVisible()
    dialog = page.open_confirmation()
    qtbot.addWidget(dialog)
    f = dialog.form
    dialog.lookup._refresh()
    assert list(dialog.lookup._matches.values()) == [li.id]  # only employees in probation are offered
    dialog.lookup.completer.activated[str].emit(next(iter(dialog.lookup._matches)))
    assert dialog.employee is not None and f.confirmation_date.date().toPython() == date(2026, 4, 1)
    f.confirmation_date.setDate(date(2025, 9, 1))
    assert not dialog.submit()
    errs = dialog.current_errors()
    assert "入职日期" in errs["confirmation_date"] and "评估" in errs["evaluation"]
    screenshot(dialog, "confirmation_dialog_errors")
    f.confirmation_date.setDate(date(2026, 4, 1))
    type_text(qtbot, f.evaluation, "试用期表现良好，同意转正。")
    assert dialog.submit()
    [flow] = engine.list_flows(hr, kind=FlowKind.CONFIRMATION)
    assert engine.get(hr, flow.id).assignees == ["刘人事"]  # the manager's own step passed
    assert "刘人事" in page.notice.text()


def test_onboarding_mode_starts_a_flow_that_creates_the_employee(qtbot, story, errors):
    fx = story
    page = open_page(qtbot, FlowsPage, session_for(fx, "hr"))
    dialog = page.open_onboarding()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, EmployeeDialog) and dialog.windowTitle() == "办理入职"
    f = dialog.form
    type_text(qtbot, f.name, "马小红")
    type_text(qtbot, f.id_number, make_id(birth=date(1995, 6, 1), seq=321))
    type_text(qtbot, f.phone, "13912345678")
    type_text(qtbot, f.email, "ma@example.cn")
    f.department_id.setCurrentIndex(f.department_id.findData(fx.depts["销售部"]))
    set_date(f.hire_date, date(2026, 3, 16))
    set_date(f.probation_end_date, date(2026, 9, 15))
    replace_text(qtbot, f.base_salary, "9500")
    type_text(qtbot, f.bank_account, make_card(serial=4242))
    type_text(qtbot, f.bank_name, "招商银行")
    dialog.manager_lookup.set_selected(fx.emps["王经理"], "王经理")
    type_text(qtbot, dialog.account_username, "Bad Name!")
    dialog.save()
    assert "用户名" in dialog.current_errors()["account_username"] and dialog.isVisible()
    screenshot(dialog, "employee_dialog_onboarding")
    replace_text(qtbot, dialog.account_username, "maxiaohong")
    dialog.save()
    assert not dialog.isVisible()
    assert employees.count(fx.system) == 8  # nothing yet: the record is made when the flow completes
    [flow] = engine.list_flows(login(fx, "hr"), kind=FlowKind.ONBOARDING)
    manager_inbox = inbox_for(qtbot, fx, "manager")
    assert manager_inbox.counts()["approvals"] == 1
    flow_dialog = approve_in_dialog(qtbot, manager_inbox, flow.id, "欢迎加入。", "flow_dialog_onboarding")
    assert "13912345678" in flow_dialog.form.proposal.toPlainText()
    assert MASKED_MONEY in flow_dialog.form.proposal.toPlainText()  # the manager may not see the pay
    detail = engine.act(login(fx, "admin"), flow.id, Action.APPROVE, "已办理")  # 人事 proposed it
    assert detail.summary.status is FlowStatus.COMPLETED
    assert employees.count(fx.system) == 9
    assert any(a.username == "maxiaohong" for a in users.list_accounts(login(fx, "admin")))


def test_mail_pump_reports_a_server_that_is_down(qtbot, story):
    fx = story
    mail.save_settings(
        login(fx, "admin"), mail.SmtpSettings("127.0.0.1", free_port(), "none", "", "hr@example.cn"), None
    )
    # Starting a flow e-mails the first approver (王经理): one message in the outbox.
    separations.start(login(fx, "lisi"), fx.emps["李四"], SeparationReason.RESIGNATION, date(2026, 4, 1), "申请")
    session = session_for(fx, "hr")
    pump = MailPump(fx.db, session.runner, fx.clock)
    with qtbot.waitSignal(pump.status_changed, timeout=30000) as changed:
        assert pump.run_now()
        assert not pump.run_now()  # one round at a time
    assert "邮件暂时发送失败，将自动重试" in changed.args[0]
    assert mail.outbox_counts(login(fx, "admin"))["pending"] == 1  # kept for the next try

    sink = SmtpSink(port=mail.load_settings(fx.db.session()).port).start()  # the server comes back
    try:
        fx.clock.advance(timedelta(hours=2))
        with qtbot.waitSignal(pump.status_changed, timeout=30000) as changed:
            assert pump.run_now()
        assert changed.args[0] == ""  # the status bar line goes away
        assert [m["To"].addresses[0].addr_spec for m in sink.messages] == ["e000001@example.cn"]
    finally:
        sink.stop()


def test_return_resubmit_and_hr_acting_on_behalf(qtbot, story, errors):
    fx = story
    flow_id = separations.start(
        login(fx, "lisi"), fx.emps["李四"], SeparationReason.RESIGNATION, date(2026, 4, 30), "申请离职"
    ).summary.id
    manager = inbox_for(qtbot, fx, "manager")
    dialog = manager.open_flow(flow_id)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.form.comment, "请补充交接计划")
    dialog.action_buttons[Action.RETURN].click()
    assert dialog.detail.summary.status is FlowStatus.RETURNED and "退回" in dialog.form.banner.text()

    # The employee finds it in his inbox and may resubmit or withdraw, as himself.
    lisi = inbox_for(qtbot, fx, "lisi")
    assert lisi.approvals_model.row(0).cells[3] == "退回发起人"
    mine = lisi.open_flow(flow_id)
    qtbot.addWidget(mine)
    assert set(mine.action_buttons) == {Action.SUBMIT, Action.WITHDRAW}
    assert mine.action_buttons[Action.SUBMIT].text() == "重新提交" and mine.form.on_behalf.isHidden()

    # HR may do the same for him, and the dialog says it acts on his behalf.
    hr_view = FlowDialog(session_for(fx, "hr"), flow_id)
    qtbot.addWidget(hr_view)
    assert set(hr_view.action_buttons) == {Action.SUBMIT, Action.WITHDRAW}
    assert "您将代 李四 操作" in hr_view.form.on_behalf.text() and not hr_view.form.on_behalf.isHidden()
    screenshot(hr_view, "flow_dialog_on_behalf")
    type_text(qtbot, hr_view.form.comment, "已补充交接计划（代提交）")
    hr_view.action_buttons[Action.SUBMIT].click()
    detail = engine.get(fx.system, flow_id)
    assert detail.summary.step_name == "直属上级审批" and detail.transitions[-1].on_behalf_of == "李四"
    qtbot.waitUntil(lambda: set(mine.action_buttons) == {Action.WITHDRAW}, timeout=5000)  # his dialog follows


def test_hr_adds_a_checklist_item_and_cancels_a_notice(qtbot, story, errors):
    fx = story
    flow_id = separations.start(
        login(fx, "hr"), fx.emps["周七"], SeparationReason.MUTUAL, date(2026, 4, 30), "协商一致"
    ).summary.id
    page = open_page(qtbot, FlowsPage, session_for(fx, "hr"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    page.kind_filter.setCurrentIndex(page.kind_filter.findText("转正"))
    qtbot.waitUntil(lambda: not page.loader.loading and page.model.rowCount() == 0, timeout=5000)
    page.kind_filter.setCurrentIndex(page.kind_filter.findText("离职"))
    qtbot.waitUntil(lambda: not page.loader.loading and page.model.rowCount() == 1, timeout=5000)
    type_text(qtbot, page.search, "周七")
    assert page.model.rowCount() == 1 and "显示 1 / 共 1" in page.count_label.text()
    screenshot(page, "flows_page_hr")
    dialog = page.open_flow(flow_id)
    qtbot.addWidget(dialog)
    add = dialog.open_add_item()
    qtbot.addWidget(add)
    add.category.setCurrentIndex(add.category.findText("设备资产"))
    type_text(qtbot, add.title, "ThinkPad X1 笔记本")
    type_text(qtbot, add.asset_no, "IT-2023-0042")
    type_text(qtbot, add.amount, "12.345")
    assert not add.save() and "两位小数" in add.error_labels["amount"].text()
    screenshot(add, "add_checklist_item_dialog")
    add.amount.clear()
    assert add.save()
    qtbot.waitUntil(lambda: any(i.asset_no == "IT-2023-0042" for i in dialog.detail.checklist), timeout=5000)
    assert "11 项待确认" in dialog.form.tabs.tabText(1)

    # The 'started' notice is HR's to send; HR decides not to send it, with a reason.
    inbox = inbox_for(qtbot, fx, "hr")
    assert inbox.counts()["drafts"] == 1
    notice = inbox.open_draft(inbox.drafts_model.key(0))
    qtbot.addWidget(notice)
    when_modal(lambda box: (box.setTextValue("已当面通知相关同事"), box.accept()))
    assert notice.cancel_notice()
    qtbot.waitUntil(lambda: inbox.counts()["drafts"] == 0, timeout=5000)
    assert "已取消" in inbox.notice.text()

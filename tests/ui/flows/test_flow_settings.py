"""流程设置 driven through the widgets: flow definitions (versions), notification policies, the mail
server with a real loopback SMTP server, and handover checklist templates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from hrdesk.core.flows import definitions, engine, mail, notices, separations, stuck
from hrdesk.core.flows.checklist_rules import ItemCategory, ItemOwner
from hrdesk.core.flows.notice_policy import Event, Relation
from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.flows.workflow import Action, ActorKind, FlowKind
from hrdesk.core.kernel.permissions import Role
from hrdesk.ui.flows.flow_definition_dialog import ACTOR, NAME, ROLE
from hrdesk.ui.flows.settings.checklist_tab import ASSET, CATEGORY, OWNER, TITLE
from hrdesk.ui.flows.settings.page import FlowSettingsPage
from hrdesk.ui.shell.app import make_session
from tests.smtp_sink import SmtpSink, free_port
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


def open_page(qtbot, session) -> FlowSettingsPage:
    page = FlowSettingsPage(session)
    qtbot.addWidget(page)
    page.resize(1180, 720)
    page.show()
    qtbot.waitUntil(
        lambda: bool(page.flows.current is not None and page.notices.saved and page.checklists._rows), timeout=5000
    )
    return page


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def save_button(dialog):
    return dialog.form.buttons.button(QDialogButtonBox.StandardButton.Save)


def open_editor(qtbot, page, kind: FlowKind):
    tab = page.flows
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.select_kind(kind)
    dialog = tab.open_editor()
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def step_names(dialog) -> list[str]:
    return [row.name for row in dialog.rows()]


def test_admin_sees_the_page_and_others_do_not(qtbot, company):
    from hrdesk.ui.shell.main_window import MainWindow

    window = MainWindow(make_session(company.login("admin"), COMPANY))
    qtbot.addWidget(window)
    assert "flow_settings" in window.page_keys()
    page = window.page("flow_settings")
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "审批流程",
        "通知策略",
        "邮件服务器",
        "交接清单模板",
    ]
    for user in ("hr", "auditor", "staff"):
        other = MainWindow(make_session(company.login(user), COMPANY))
        qtbot.addWidget(other)
        assert "flow_settings" not in other.page_keys()


def test_edit_separation_flow_makes_version_2_and_running_flows_keep_version_1(qtbot, company, sessions):
    hr = company.login("hr")
    before = separations.start(hr, company.emps["李四"], SeparationReason.MUTUAL, LAST_DAY, "协商一致")
    assert before.definition_version == 1 and "财务结算" in [s.name for s in before.steps]

    page = open_page(qtbot, sessions("admin"))
    page.tabs.setCurrentWidget(page.flows)
    dialog = open_editor(qtbot, page, FlowKind.SEPARATION)
    assert "第 2 版" in dialog.form.version_note.text() and "仍按发起时的版本" in dialog.form.version_note.text()
    assert step_names(dialog) == ["直属上级审批", "项目负责人审批", "人事审核", "财务结算", "人事归档"]
    screenshot(dialog, "flow_definition_dialog")
    dialog.select_row(step_names(dialog).index("财务结算"))
    click(qtbot, dialog.form.remove_step)
    assert step_names(dialog) == ["直属上级审批", "项目负责人审批", "人事审核", "人事归档"]
    dialog.select_row(1)  # move the project lead after HR's review, and back
    click(qtbot, dialog.form.move_down)
    assert step_names(dialog)[1:3] == ["人事审核", "项目负责人审批"]
    click(qtbot, dialog.form.move_up)
    assert step_names(dialog)[1:3] == ["项目负责人审批", "人事审核"]
    with qtbot.waitSignal(page.flows.loaded, timeout=5000):
        click(qtbot, save_button(dialog))
    assert not dialog.isVisible() and dialog.saved_version == 2
    assert "第 2 版" in page.flows.version_label.text()
    assert page.flows.history.rowCount() == 2
    assert page.flows.history.item(0, 3).text() == "系统管理员"
    assert [page.flows.steps.item(r, 0).text() for r in range(page.flows.steps.rowCount())] == [
        "直属上级审批",
        "项目负责人审批",
        "人事审核",
        "人事归档",
    ]
    page.flows.history.selectRow(1)  # the old version can still be looked at
    assert page.flows.steps.rowCount() == 5 and "历史版本" in page.flows.steps_note.text()
    screenshot(page, "flow_settings_flows")

    after = separations.start(hr, company.emps["孙员工"], SeparationReason.MUTUAL, LAST_DAY, "协商一致")
    assert after.definition_version == 2 and "财务结算" not in [s.name for s in after.steps]
    # the flow started before still goes through finance; the new one goes straight to archiving
    # (人事 started both: the administrator stands in for it, and names a manager for 孙员工, who
    # has none, since 人事 may not approve its own proposal)
    admin = company.login("admin")
    engine.act(company.login("manager"), before.summary.id, Action.APPROVE, "同意")
    old = engine.act(admin, before.summary.id, Action.APPROVE, "同意")
    assert old.summary.step_name == "财务结算" and old.definition_version == 1
    assert after.stuck
    stuck.assign_stuck(admin, after.summary.id, company.login("manager").actor.user_id, "孙员工没有直属上级")
    new = engine.act(company.login("manager"), after.summary.id, Action.APPROVE, "同意")
    new = engine.act(admin, after.summary.id, Action.APPROVE, "同意")
    assert new.summary.step_name == "人事归档" and new.definition_version == 2


def test_invalid_definition_shows_errors_and_saves_nothing(qtbot, company, sessions):
    page = open_page(qtbot, sessions("admin"))
    dialog = open_editor(qtbot, page, FlowKind.CONFIRMATION)
    versions = len(definitions.history(company.login("admin"), FlowKind.CONFIRMATION))
    while dialog.rows():  # no steps at all
        dialog.select_row(0)
        click(qtbot, dialog.form.remove_step)
    assert not dialog.form.remove_step.isEnabled()
    click(qtbot, save_button(dialog))
    assert dialog.isVisible()
    assert "至少需要一个审批步骤" in dialog.current_errors()["steps"]
    assert dialog.form.banner.isVisible() and "没有保存" in dialog.form.banner.text()

    click(qtbot, dialog.form.add_step)  # a role step without a role
    type_text(qtbot, dialog.cell(0, NAME), "总经理审批")
    assert dialog.cell(0, ACTOR).currentData() == ActorKind.ROLE.value and dialog.cell(0, ROLE).currentData() is None
    click(qtbot, dialog.form.add_step)
    dialog.cell(1, ACTOR).setCurrentIndex(dialog.cell(1, ACTOR).findData(ActorKind.MANAGER.value))
    assert not dialog.cell(1, ROLE).isEnabled()  # a relation needs no role
    type_text(qtbot, dialog.cell(1, NAME), "直属上级确认")
    click(qtbot, save_button(dialog))
    assert dialog.isVisible()
    assert dialog.current_errors() == {"steps": "第1步需要选择由哪个角色审批"}
    assert dialog.error_rows() == [0]
    assert "b3261e" in dialog.cell(0, ROLE).styleSheet() and dialog.cell(1, NAME).styleSheet() == ""
    screenshot(dialog, "flow_definition_dialog_errors")
    assert len(definitions.history(company.login("admin"), FlowKind.CONFIRMATION)) == versions

    role = dialog.cell(0, ROLE)  # fixing it saves
    role.setCurrentIndex(role.findData(Role.HR.value))
    click(qtbot, save_button(dialog))
    assert not dialog.isVisible()
    current = definitions.current(company.login("admin"), FlowKind.CONFIRMATION).definition
    assert [(s.name, s.actor_kind, s.role) for s in current.steps] == [
        ("总经理审批", ActorKind.ROLE, Role.HR),
        ("直属上级确认", ActorKind.MANAGER, None),
    ]
    assert len({s.key for s in current.steps}) == 2


def test_save_notification_policy(qtbot, company, sessions):
    page = open_page(qtbot, sessions("admin"))
    tab = page.notices
    page.tabs.setCurrentWidget(tab)
    tab.select_event(Event.SEPARATION_COMPLETED)
    original = notices.get_policy(company.login("admin"), Event.SEPARATION_COMPLETED)
    assert tab.relation_boxes[Relation.DEPARTMENT_COLLEAGUES].isChecked() == (
        Relation.DEPARTMENT_COLLEAGUES in original.relations
    )
    assert not tab.save_button.isEnabled()
    tab.relation_boxes[Relation.DEPARTMENT_COLLEAGUES].setChecked(False)
    tab.relation_boxes[Relation.CHECKLIST_OWNERS].setChecked(True)
    tab.role_boxes[Role.AUDITOR].setChecked(True)
    tab.email_box.setChecked(False)
    assert "未保存" in tab.events.currentItem().text()
    assert not tab.role_boxes[Role.EMPLOYEE].isVisible()  # "every account" is not offered
    assert (
        "不会" in tab.findChild(type(tab.status), "rule").text()
        or "绝不" in tab.findChild(type(tab.status), "rule").text()
    )
    screenshot(page, "flow_settings_notices")
    click(qtbot, tab.save_button)
    saved = notices.get_policy(company.login("admin"), Event.SEPARATION_COMPLETED)
    assert Relation.DEPARTMENT_COLLEAGUES not in saved.relations and Relation.CHECKLIST_OWNERS in saved.relations
    assert Role.AUDITOR in saved.roles and saved.roles >= original.roles and not saved.email
    assert "已保存" in tab.status.text() and "未保存" not in tab.events.currentItem().text()
    assert (
        notices.get_policy(company.login("admin"), Event.SEPARATION_STARTED) == tab.saved[Event.SEPARATION_STARTED]
    )  # the others untouched


def test_smtp_settings_and_test_mail_through_loopback_server(qtbot, company, sessions, memory_keyring):
    page = open_page(qtbot, sessions("admin"))
    tab = page.mail
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: "待发送" in tab.outbox_label.text(), timeout=5000)
    assert "尚未设置" in tab.status.text()
    click(qtbot, tab.save_button)  # nothing filled in
    assert tab.error_labels["host"].isVisible() and "服务器地址" in tab.error_labels["host"].text()
    assert tab.error_labels["from_address"].isVisible()
    assert mail.get_settings(company.login("admin")) is None

    sink = SmtpSink().start()
    try:
        type_text(qtbot, tab.host, "127.0.0.1")
        tab.security.setCurrentIndex(tab.security.findData("none"))
        assert tab.port.value() == 25  # the usual port of the chosen mode
        tab.port.setValue(sink.port)
        type_text(qtbot, tab.username, "hr@example.cn")
        type_text(qtbot, tab.password, "smtp-secret")
        type_text(qtbot, tab.from_address, "hr@example.cn")
        type_text(qtbot, tab.from_name, "测试科技人事部")
        type_text(qtbot, tab.test_address, "it@example.cn")
        click(qtbot, tab.test_button)  # unsaved changes: asks to save first
        assert "请先保存" in tab.test_result.text() and not sink.messages
        click(qtbot, tab.save_button)
        assert not tab.error_labels["host"].isVisible() and "已保存" in tab.status.text()
        assert tab.password.text() == ""  # not kept in the form, and not in the company file
        assert "smtp-secret" in memory_keyring.store.values()
        stored = mail.get_settings(company.login("admin"))
        assert stored == mail.SmtpSettings(
            "127.0.0.1", sink.port, "none", "hr@example.cn", "hr@example.cn", "测试科技人事部"
        )
        # the loopback server offers no login: the test says so in words
        with qtbot.waitSignal(tab.test_finished, timeout=15000) as blocker:
            click(qtbot, tab.test_button)
        assert blocker.args[0] is False and "不支持登录验证" in tab.test_result.text()
        assert "清空用户名" in tab.test_result.text()
        tab.username.clear()
        click(qtbot, tab.save_button)
        with qtbot.waitSignal(tab.test_finished, timeout=15000) as blocker:
            click(qtbot, tab.test_button)
        assert blocker.args[0] is True, blocker.args[1]
        assert "已发送到 it@example.cn" in tab.test_result.text()
        screenshot(page, "flow_settings_mail")
        assert len(sink.messages) == 1
        message = sink.messages[0]
        assert message["To"].addresses[0].addr_spec == "it@example.cn"
        assert message["From"].addresses[0].display_name == "测试科技人事部"
        assert "测试邮件" in message["Subject"]
    finally:
        sink.stop()

    tab.port.setValue(free_port())  # a server that is down: the message says so, nothing crashes
    click(qtbot, tab.save_button)
    with qtbot.waitSignal(tab.test_finished, timeout=15000) as blocker:
        click(qtbot, tab.test_button)
    assert blocker.args[0] is False and "无法连接邮件服务器" in tab.test_result.text()
    screenshot(page, "flow_settings_mail_failed")


def test_department_checklist_template_is_used_by_later_separations(qtbot, company, sessions, monkeypatch):
    hr = company.login("hr")
    earlier = separations.start(hr, company.emps["孙员工"], SeparationReason.MUTUAL, LAST_DAY, "协商一致")
    page = open_page(qtbot, sessions("admin"))
    tab = page.checklists
    page.tabs.setCurrentWidget(tab)
    assert len(tab._rows) == 10 and "公司默认" in tab.scope_label.text()
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.select(company.depts["销售部"], None)
    assert tab._rows == [] and "销售部" in tab.scope_label.text()

    click(qtbot, tab.add_button)
    click(qtbot, tab.save_button)  # an item without a name is refused
    assert "没有填写事项名称" in tab.status.text()
    tab.cell(0, CATEGORY).setCurrentIndex(tab.cell(0, CATEGORY).findData(ItemCategory.EQUIPMENT.value))
    type_text(qtbot, tab.cell(0, TITLE), "销售样品和展示机归还")
    tab.cell(0, OWNER).setCurrentIndex(tab.cell(0, OWNER).findData(ItemOwner.ADMIN.value))
    type_text(qtbot, tab.cell(0, ASSET), "SMP-2024-007")
    click(qtbot, tab.add_button)
    type_text(qtbot, tab.cell(1, TITLE), "客户名单移交")
    tab.cell(1, OWNER).setCurrentIndex(tab.cell(1, OWNER).findData(ItemOwner.MANAGER.value))
    click(qtbot, tab.add_button)
    click(qtbot, tab.remove_button)  # the empty third line goes again
    assert len(tab._rows) == 2
    click(qtbot, tab.save_button)
    assert "已保存 2 项" in tab.status.text()
    assert "补充 2 项" in tab.department.currentText()
    screenshot(page, "flow_settings_checklist")

    # switching away with unsaved edits asks first
    click(qtbot, tab.add_button)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    tab.select(None, None)
    assert tab.selected_key() == (company.depts["销售部"], None) and len(tab._rows) == 3

    later = separations.start(hr, company.emps["李四"], SeparationReason.MUTUAL, LAST_DAY, "协商一致")
    titles = {i.title: i for i in later.checklist}
    assert len(later.checklist) == 12
    assert titles["销售样品和展示机归还"].asset_no == "SMP-2024-007"
    assert titles["客户名单移交"].owner == "王经理"  # the manager confirms
    assert "销售样品和展示机归还" not in {i.title for i in engine.get(hr, earlier.summary.id).checklist}
    other = separations.start(hr, company.emps["钱财务"], SeparationReason.MUTUAL, LAST_DAY, "协商一致")
    assert len(other.checklist) == 10  # 财务部 has no additions


def test_warns_when_another_administrator_saved_meanwhile(qtbot, company, sessions, monkeypatch):
    page = open_page(qtbot, sessions("admin"))
    dialog = open_editor(qtbot, page, FlowKind.TRANSFER)
    admin = company.login("admin")
    definitions.save(admin, definitions.current(admin, FlowKind.TRANSFER).definition)  # version 2
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    click(qtbot, save_button(dialog))
    assert dialog.isVisible() and "已保存了第 2 版" in asked[0]
    assert definitions.current(admin, FlowKind.TRANSFER).definition.version == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    click(qtbot, save_button(dialog))
    assert not dialog.isVisible() and dialog.saved_version == 3

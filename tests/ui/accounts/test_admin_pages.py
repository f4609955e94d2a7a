"""The administrator's and auditor's pages: 用户账号, 自定义字段, 操作日志 (with their dialogs)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QMessageBox
from sqlalchemy import text

from hrdesk.core.accounts import auth, users
from hrdesk.core.kernel.errors import AuthenticationError
from hrdesk.core.kernel.permissions import Role
from hrdesk.core.people import custom_fields
from hrdesk.core.people.custom_field_types import FieldType
from hrdesk.ui.accounts.accounts_page import AccountsPage
from hrdesk.ui.audit import audit_page as audit_page_module
from hrdesk.ui.audit.audit_page import AuditPage
from hrdesk.ui.common import messages
from hrdesk.ui.people.custom_fields_page import CustomFieldsPage
from hrdesk.ui.shell.app import make_session

COMPANY = "测试科技有限公司"
NEW_PASSWORD = "Temp-pass-2024"


@pytest.fixture
def sessions(company):
    """make(username) -> AppSession; background work is drained before the company file closes."""
    made = []

    def make(username: str):
        session = make_session(company.login(username), COMPANY)
        made.append(session)
        return session

    yield make
    for session in made:
        session.runner.wait_idle()
        session.signals.detach()


def open_page(qtbot, page_class, session):
    page = page_class(session)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=3000)
    return page


def usernames(page: AccountsPage) -> list[str]:
    return [page.model.account(row).username for row in range(page.model.rowCount())]


def cell(page, row: int, column: int) -> str:
    return page.model.index(row, column).data()


def save_button(dialog):
    buttons = dialog.form.buttons
    return buttons.button(QDialogButtonBox.StandardButton.Save) or buttons.button(QDialogButtonBox.StandardButton.Ok)


# --- 用户账号 ---------------------------------------------------------------------------------------


def test_admin_creates_account_linked_to_employee(qtbot, company, sessions):
    page = open_page(qtbot, AccountsPage, sessions("admin"))
    assert page.model.headerData(3, Qt.Orientation.Horizontal) == "角色"
    hr_row = usernames(page).index("hr")
    assert cell(page, hr_row, 2) == "E000006 刘人事"
    assert cell(page, hr_row, 3) == "员工、人事"
    assert cell(page, hr_row, 4) == "启用"

    dialog = page.open_new_account()
    qtbot.addWidget(dialog)
    f = dialog.form
    assert f.password.isVisibleTo(dialog) and not f.active.isVisibleTo(dialog)
    qtbot.keyClicks(f.username, "lisi")
    # Pick the employee the way a user does: type part of the number, choose from the list.
    dialog.activateWindow()
    f.employee_id.setFocus()
    qtbot.keyClicks(f.employee_id, "E000002")
    qtbot.waitUntil(lambda: dialog.employee_lookup.completer.completionModel().rowCount() == 1, timeout=2000)
    label = dialog.employee_lookup.completer.completionModel().index(0, 0).data()
    assert label.startswith("E000002 李四")
    dialog.employee_lookup.completer.activated[str].emit(label)
    assert dialog.employee_lookup.selected_id == company.emps["李四"]
    assert f.display_name.text() == "李四"  # filled in from the chosen employee
    assert dialog.role_boxes[Role.EMPLOYEE].isChecked()
    dialog.role_boxes[Role.HR].setChecked(True)
    f.password.setText(NEW_PASSWORD)
    f.password2.setText(NEW_PASSWORD)
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    ctx = auth.login(company.db, "lisi", NEW_PASSWORD)
    assert ctx.actor.roles == {Role.HR, Role.EMPLOYEE}
    assert ctx.actor.employee_id == company.emps["李四"]
    assert users.must_change_password(ctx)

    qtbot.waitUntil(lambda: "lisi" in usernames(page), timeout=2000)
    assert page.current_account().username == "lisi"  # the new account is selected
    row = usernames(page).index("lisi")
    assert cell(page, row, 1) == "李四"
    assert cell(page, row, 2) == "E000002 李四"
    assert cell(page, row, 3) == "员工、人事"


def test_invalid_account_input_is_shown_next_to_fields_and_nothing_is_created(qtbot, company, sessions):
    admin = sessions("admin")
    page = open_page(qtbot, AccountsPage, admin)
    before = len(users.list_accounts(admin.ctx))
    dialog = page.open_new_account()
    qtbot.addWidget(dialog)
    f = dialog.form

    # Duplicate user name, no role, short password: every message under its own field.
    f.username.setText("hr")
    f.display_name.setText("重复的人事")
    for box in dialog.role_boxes.values():
        box.setChecked(False)
    f.password.setText("short")
    f.password2.setText("short")
    dialog.save()
    errors = dialog.current_errors()
    assert "已被使用" in errors["username"]
    assert errors["roles"] == "至少选择一个角色"
    assert "至少需要10个字符" in errors["password"]
    assert f.err_password.isVisibleTo(dialog) and f.banner.isVisibleTo(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted

    # Confirmation that does not match: refused before the service is asked.
    f.username.setText("newuser")
    dialog.role_boxes[Role.EMPLOYEE].setChecked(True)
    f.password.setText(NEW_PASSWORD)
    f.password2.setText(NEW_PASSWORD + "x")
    dialog.save()
    assert dialog.current_errors() == {"password2": "两次输入的密码不一致"}

    # Text in 关联员工 that is not a chosen employee.
    f.password2.setText(NEW_PASSWORD)
    f.employee_id.setText("没有这个人")
    dialog.save()
    assert "请从下拉列表中选择员工" in dialog.current_errors()["employee_id"]
    assert len(users.list_accounts(admin.ctx)) == before

    # The fixed input then saves.
    f.employee_id.clear()
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(users.list_accounts(admin.ctx)) == before + 1


def test_edit_account_refusals_are_shown_next_to_fields(qtbot, company, sessions):
    admin = sessions("admin")
    page = open_page(qtbot, AccountsPage, admin)
    assert page.select_username("admin")
    dialog = page.open_edit_account()
    qtbot.addWidget(dialog)
    assert dialog.form.username.isReadOnly() and dialog.form.username.text() == "admin"
    assert not dialog.form.password.isVisibleTo(dialog)
    dialog.form.active.setChecked(False)
    dialog.save()
    errors = dialog.current_errors()
    assert errors["active"] == "不能停用自己正在使用的账号"
    assert "roles" not in errors  # the roles were not touched; the refusal is about 启用
    assert users.list_accounts(admin.ctx)[0].active  # nothing written

    # A permitted edit: the hr account loses its employee role and gets 财务.
    assert page.select_username("hr")
    dialog = page.open_edit_account()
    qtbot.addWidget(dialog)
    assert dialog.employee_lookup.selected_id == company.emps["刘人事"]
    dialog.role_boxes[Role.EMPLOYEE].setChecked(False)
    dialog.role_boxes[Role.FINANCE].setChecked(True)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: cell(page, usernames(page).index("hr"), 3) == "人事、财务", timeout=2000)


def test_unlock_and_reset_password(qtbot, company, sessions):
    for _ in range(auth.MAX_FAILED_LOGINS):
        with pytest.raises(AuthenticationError):
            auth.login(company.db, "staff", "wrong-password-1")
    page = open_page(qtbot, AccountsPage, sessions("admin"))

    assert page.select_username("hr")
    assert not page.unlock_button.isEnabled()  # only a locked account can be unlocked
    assert page.reset_button.isEnabled()
    assert page.select_username("staff")
    row = usernames(page).index("staff")
    assert cell(page, row, 4).startswith("锁定至 ")
    assert page.unlock_button.isEnabled()
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cell(page, usernames(page).index("staff"), 4) == "启用", timeout=2000)
    assert page.current_account().username == "staff"
    assert not page.unlock_button.isEnabled()
    assert auth.login(company.db, "staff", company.users["staff"]).actor.username == "staff"

    dialog = page.open_reset_password()
    qtbot.addWidget(dialog)
    dialog.form.password.setText("short")
    dialog.form.password2.setText("short")
    dialog.reset()
    assert "至少需要10个字符" in dialog.current_errors()["password"]
    dialog.generate()
    temporary = dialog.form.password.text()
    assert len(temporary) >= 10 and dialog.form.password2.text() == temporary
    dialog.reset()
    assert dialog.result() == QDialog.DialogCode.Accepted
    ctx = auth.login(company.db, "staff", temporary)
    assert users.must_change_password(ctx)
    assert "staff" in page.notice.text()


# --- 自定义字段 -------------------------------------------------------------------------------------


def test_custom_field_create_edit_and_delete_in_use_refused(qtbot, company, sessions, monkeypatch):
    admin, hr = sessions("admin"), sessions("hr")
    custom_fields.create_definition(admin.ctx, "union_member", "工会会员", FieldType.TEXT)
    page = open_page(qtbot, CustomFieldsPage, admin)

    dialog = page.open_new_field()
    qtbot.addWidget(dialog)
    f = dialog.form
    assert not f.choices.isEnabled()  # 文本 is the first type
    f.label.setText("教师职称")
    qtbot.keyClicks(f.key, "teacher_title")
    f.field_type.setCurrentIndex(f.field_type.findData(FieldType.CHOICE.value))
    assert f.choices.isEnabled()
    dialog.save()  # no choices yet
    assert dialog.current_errors() == {"choices": "选项字段至少需要一个选项"}
    f.choices.setPlainText("初级\n中级\n\n高级\n")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    field_id = dialog.definition.id
    qtbot.waitUntil(lambda: page.model.row_of(field_id) >= 0, timeout=2000)
    row = page.model.row_of(field_id)
    assert [cell(page, row, c) for c in range(6)] == [
        "教师职称",
        "teacher_title",
        "选项",
        "初级、中级、高级",
        "",
        "启用",
    ]

    # The employee dialog builds its widgets from the definitions: the new field is there at once,
    # for a new employee (HR; an administrator may not create employees) and for an existing one.
    from hrdesk.ui.people.employee_dialog import EmployeeDialog

    new_employee = EmployeeDialog(hr, None)
    qtbot.addWidget(new_employee)
    combo = new_employee.findChild(QComboBox, "custom_teacher_title")
    assert combo is not None and [combo.itemText(i) for i in range(combo.count())] == ["", "初级", "中级", "高级"]
    employee_dialog = EmployeeDialog(hr, company.emps["李四"])
    qtbot.addWidget(employee_dialog)
    combo = employee_dialog.findChild(QComboBox, "custom_teacher_title")
    assert combo is not None
    assert [combo.itemText(i) for i in range(combo.count())] == ["", "初级", "中级", "高级"]
    combo.setCurrentIndex(combo.findData("中级"))
    employee_dialog.save()
    assert employee_dialog.result() == QDialog.DialogCode.Accepted

    # Edit: key and type are fixed; a choice in use cannot be removed; required and a new choice can.
    assert page.select_field(field_id)
    dialog = page.open_edit_field()
    qtbot.addWidget(dialog)
    f = dialog.form
    assert f.key.isReadOnly() and not f.field_type.isEnabled() and f.active.isVisibleTo(dialog)
    f.choices.setPlainText("初级\n高级")
    dialog.save()
    assert "中级" in dialog.current_errors()["choices"]
    f.choices.setPlainText("初级\n中级\n高级\n正高级")
    f.required.setChecked(True)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: cell(page, page.model.row_of(field_id), 4) == "是", timeout=2000)
    assert cell(page, page.model.row_of(field_id), 3) == "初级、中级、高级、正高级"

    # Deleting a field in use: the service's message, and the field stays.
    shown = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(messages, "show_error", lambda parent, exc: shown.append(str(exc)))
    assert page.select_field(field_id)
    assert not page.delete_current()
    assert len(shown) == 1 and "可以停用" in shown[0]
    assert any(d.id == field_id for d in custom_fields.list_definitions(admin.ctx, include_inactive=True))

    # A field nobody filled in can be deleted.
    unused = next(d.id for d in custom_fields.list_definitions(admin.ctx) if d.key == "union_member")
    assert page.select_field(unused)
    assert page.delete_current()
    qtbot.waitUntil(lambda: page.model.row_of(unused) < 0, timeout=2000)
    assert page.model.rowCount() == 1


def test_inactive_fields_are_listed(qtbot, company, sessions):
    admin = sessions("admin")
    d = custom_fields.create_definition(admin.ctx, "old_badge", "旧工牌号", FieldType.TEXT)
    custom_fields.update_definition(admin.ctx, d.id, label="旧工牌号", active=False)
    page = open_page(qtbot, CustomFieldsPage, admin)
    assert cell(page, page.model.row_of(d.id), 5) == "停用"
    assert "1 个字段，0 个启用" in page.count_label.text()


# --- 操作日志 ---------------------------------------------------------------------------------------


def test_audit_page_lists_filters_and_shows_details(qtbot, company, sessions):
    page = open_page(qtbot, AuditPage, sessions("auditor"))
    seqs = [page.model.entry(r).seq for r in range(page.model.rowCount())]
    assert seqs == sorted(seqs, reverse=True) and seqs[-1] == 1  # newest first, all loaded
    assert page.model.headerData(1, Qt.Orientation.Horizontal) == "时间"  # local time (issue 11)
    assert not page.more_button.isEnabled()

    create_hr = next(
        r
        for r in range(page.model.rowCount())
        if page.model.entry(r).action == "user.create" and "hr" in page.model.entry(r).summary
    )
    page.table.setCurrentIndex(page.model.index(create_hr, 0))
    detail = page.detail.toPlainText()
    assert "新建账号" in detail and 'username: "hr"' in detail
    assert cell(page, create_hr, 5) == f"账号 #{page.model.entry(create_hr).entity_id}"

    page.entity_filter.setCurrentIndex(page.entity_filter.findText("部门"))
    qtbot.waitUntil(
        lambda: (
            page.model.rowCount()
            and all(page.model.entry(r).entity_type == "department" for r in range(page.model.rowCount()))
        ),
        timeout=2000,
    )
    page.entity_filter.setCurrentIndex(page.entity_filter.findText("登录"))
    qtbot.waitUntil(
        lambda: (
            page.model.rowCount()
            and all(page.model.entry(r).action.startswith("login.") for r in range(page.model.rowCount()))
        ),
        timeout=2000,
    )
    page.entity_filter.setCurrentIndex(page.entity_filter.findText("账号"))
    page.entity_id.setText("2")
    page.entity_id.returnPressed.emit()
    qtbot.waitUntil(
        lambda: (
            page.model.rowCount() and all(page.model.entry(r).entity_id == "2" for r in range(page.model.rowCount()))
        ),
        timeout=2000,
    )


def test_audit_page_loads_more(qtbot, company, sessions, monkeypatch):
    monkeypatch.setattr(audit_page_module, "PAGE_SIZE", 10)
    page = open_page(qtbot, AuditPage, sessions("auditor"))
    assert page.model.rowCount() == 10 and page.more_button.isEnabled()
    newest = page.model.entry(0).seq
    qtbot.mouseClick(page.more_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 20, timeout=2000)
    assert [page.model.entry(r).seq for r in range(20)] == list(range(newest, newest - 20, -1))


def test_audit_verify_reports_ok_then_the_tampered_record(qtbot, company, sessions):
    page = open_page(qtbot, AuditPage, sessions("auditor"))
    with qtbot.waitSignal(page.verified, timeout=3000):
        qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert page.last_report.ok
    banner = page.verify_banner.text()
    assert page.verify_banner.isVisibleTo(page)
    assert "完整性校验通过" in banner and f"共 {page.last_report.checked} 条记录" in banner
    assert page.last_report.checked >= page.model.rowCount()

    with company.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET summary='x' WHERE seq=3"))
    with qtbot.waitSignal(page.verified, timeout=3000):
        qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    report = page.last_report
    assert report.first_break.seq == 3 and report.checked == 2
    banner = page.verify_banner.text()
    assert "未通过" in banner and "第 3 号记录" in banner and "内容与其哈希不符" in banner
    row = page.model.row_of(3)
    assert page.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None  # marked red
    page.show_record(3)  # the link in the banner: the record as it is stored now
    qtbot.waitUntil(lambda: page.current_seq() == 3, timeout=2000)
    assert "摘要：x" in page.detail.toPlainText()


def test_audit_verify_finds_a_cut_tail_against_the_newest_backup(qtbot, company, sessions):
    """The chain alone verifies after its last records are deleted; the page also checks the heads
    HRDesk kept outside it (here the newest backup) and says what was cut."""
    from sqlalchemy import delete

    from hrdesk.core.company import backups
    from hrdesk.core.kernel.persistence.tables import AuditRecord

    taken = backups.backup_as_system(company.db).backup
    page = open_page(qtbot, AuditPage, sessions("auditor"))
    with company.db.session() as s, s.begin():  # from two records before the backup's head on
        s.execute(delete(AuditRecord).where(AuditRecord.seq > taken.chain_length - 2))
    with qtbot.waitSignal(page.verified, timeout=5000):
        qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert page.last_report.ok  # the chain itself
    banner = page.verify_banner.text()
    assert "对不上" in banner and "被删除" in banner and "备份" in banner

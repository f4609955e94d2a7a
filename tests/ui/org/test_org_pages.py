"""The administrator pages 组织架构, 岗位 and 公司信息, driven the way a user drives them."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from stdnum.cn import uscc

from hrdesk.core.company import details as company_details
from hrdesk.core.kernel.errors import PermissionDenied
from hrdesk.core.org import departments, positions
from hrdesk.ui.common import messages
from hrdesk.ui.company.company_page import CompanyPage
from hrdesk.ui.org.department_dialog import DepartmentDialog
from hrdesk.ui.org.departments_page import COL_COUNT, COL_HEAD, COL_NAME, COL_STATUS, COL_SUBTREE, DepartmentsPage
from hrdesk.ui.org.position_dialog import PositionDialog
from hrdesk.ui.org.positions_page import COL_STATUS as POS_STATUS
from hrdesk.ui.org.positions_page import PositionsPage
from hrdesk.ui.shell.app import make_session
from hrdesk.ui.shell.main_window import MainWindow
from tests.ui.qt_helpers import type_text

VALID_USCC = "91350100M000100Y43"
SAVE = QDialogButtonBox.StandardButton.Save


@pytest.fixture
def sessions(company):
    made = []

    def make(username: str = "admin"):
        session = make_session(company.login(username), "测试科技有限公司")
        made.append(session)
        return session

    yield make
    for session in made:  # no background read may outlive the database
        session.runner.wait_idle()
        session.signals.detach()


@pytest.fixture
def shown_errors(monkeypatch) -> list[str]:
    """Messages that would have popped up in a message box."""
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, exc: shown.append(messages.user_message(exc)))
    return shown


@pytest.fixture
def confirm(monkeypatch):
    """Answer every QMessageBox.question with ``confirm.answer`` (Yes unless a test changes it)."""

    class Confirm:
        answer = QMessageBox.StandardButton.Yes
        asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):
        Confirm.asked.append(text)
        return Confirm.answer

    Confirm.asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return Confirm


def open_page(qtbot, page_class, session):
    page = page_class(session)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=3000):
        pass
    page.resize(1000, 600)
    page.show()
    return page


def save_and_wait(qtbot, page, dialog):
    """Click 保存 and wait until the page has reloaded what the service changed."""
    with qtbot.waitSignal(page.loaded, timeout=3000):
        dialog.form.buttons.button(SAVE).click()


def dept_names(ctx, parent_id=None) -> list[str]:
    return [d.name for d in departments.list_departments(ctx) if parent_id is None or d.parent_id == parent_id]


# --- navigation --------------------------------------------------------------------------------


def test_admin_sees_org_pages_and_hr_does_not(qtbot, company, sessions):
    window = MainWindow(sessions("admin"))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.pages["employees"].loaded, timeout=3000):
        pass
    assert {"departments", "positions", "company"} <= set(window.page_keys())
    with qtbot.waitSignal(window.page("departments").loaded, timeout=3000):
        window.show_page("departments")
    assert isinstance(window.pages["departments"], DepartmentsPage)
    assert window.stack.currentWidget() is window.pages["departments"]

    hr_window = MainWindow(sessions("hr"))
    qtbot.addWidget(hr_window)
    with qtbot.waitSignal(hr_window.pages["employees"].loaded, timeout=3000):
        pass
    assert not {"departments", "positions", "company"} & set(hr_window.page_keys())


# --- departments -------------------------------------------------------------------------------


def test_tree_shows_departments_with_kind_head_and_status(qtbot, company, sessions):
    page = open_page(qtbot, DepartmentsPage, sessions())
    sales = page.item_for(company.depts["销售部"])
    assert sales.text(COL_NAME) == "销售部"
    assert sales.parent().text(COL_NAME) == "总公司"
    assert sales.text(1) == "业务部门"
    assert sales.text(COL_HEAD) == "王经理"
    assert sales.text(COL_COUNT) == "4"  # 王经理, 李四, 周七, 孙员工 (赵六 is in 华东销售部)
    assert sales.text(COL_SUBTREE) == "5"  # and 赵六, as the register's tree counts 销售部
    assert "直属 4 人，含下级部门共 5 人" in sales.toolTip(COL_SUBTREE)
    top = page.item_for(company.depts["总公司"])
    # 周七 (销售部, working for 地铁项目部) is in two direct counts, once in 总公司's
    assert (top.text(COL_COUNT), top.text(COL_SUBTREE)) == ("0", "8") and "只计一次" in top.toolTip(COL_SUBTREE)
    assert sales.text(COL_STATUS) == "启用"
    project = page.item_for(company.depts["地铁项目部"])
    assert project.text(1) == "项目部"
    assert "项目负责人" in project.toolTip(COL_HEAD)
    assert page.item_for(company.depts["华东销售部"]).parent() is sales
    assert page.count_label.text() == "共 6 个部门"


def test_create_child_department_through_dialog(qtbot, company, sessions):
    session = sessions()
    page = open_page(qtbot, DepartmentsPage, session)
    assert page.select_department(company.depts["销售部"])
    dialog = page.open_new_child_department()
    assert isinstance(dialog, DepartmentDialog) and dialog.isVisible()
    assert dialog.form.parent_id.currentData() == company.depts["销售部"]
    assert not dialog.form.active.isVisible()  # a new department is always active

    type_text(qtbot, dialog.form.name, "华南销售部")
    type_text(qtbot, dialog.form.code, "D-SALES-S")
    # Pick the head the way the lookup does: type the number, choose the match.
    qtbot.keyClicks(dialog.form.head_employee_id, "E000001")
    qtbot.waitUntil(lambda: dialog.head_lookup._model.rowCount() == 1, timeout=2000)
    label = dialog.head_lookup._model.stringList()[0]
    assert "王经理" in label
    dialog.head_lookup.completer.activated[str].emit(label)
    assert dialog.form.head_employee_id.text() == label
    assert dialog.head_lookup.selected_id == company.emps["王经理"]
    save_and_wait(qtbot, page, dialog)

    assert not dialog.isVisible()
    created = next(d for d in departments.list_departments(session.ctx) if d.name == "华南销售部")
    assert created.parent_id == company.depts["销售部"]
    assert created.code == "D-SALES-S" and created.head_employee_id == company.emps["王经理"]
    item = page.item_for(created.id)
    assert item is not None and item.parent().text(COL_NAME) == "销售部"
    assert item.text(COL_HEAD) == "王经理"
    assert page.current_department_id() == created.id  # the new department is selected


def test_project_department_head_is_called_project_lead(qtbot, company, sessions):
    session = sessions()
    dialog = DepartmentDialog(session, company.depts["地铁项目部"])
    qtbot.addWidget(dialog)
    assert dialog.form.lbl_head_employee_id.text() == "项目负责人"
    assert dialog.form.head_employee_id.text() == "陈工"
    dialog.form.kind.setCurrentIndex(dialog.form.kind.findData("business"))
    assert dialog.form.lbl_head_employee_id.text() == "负责人"


@pytest.mark.parametrize(
    "name, message", [("", "请填写部门名称"), ("华东销售部", "同一上级下已有名为“华东销售部”的部门")]
)
def test_invalid_department_shows_error_by_field_and_writes_nothing(qtbot, company, sessions, name, message):
    session = sessions()
    before = departments.list_departments(session.ctx)
    dialog = DepartmentDialog(session, None, company.depts["销售部"])
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.form.name.setText(name)
    dialog.form.buttons.button(SAVE).click()

    assert dialog.isVisible()  # stays open for a correction
    assert not dialog.form.err_name.isHidden()
    assert dialog.form.err_name.text() == message
    assert dialog.form.err_parent_id.isHidden()
    assert departments.list_departments(session.ctx) == before


def test_unresolved_head_text_is_refused(qtbot, company, sessions):
    session = sessions()
    before = departments.list_departments(session.ctx)
    dialog = DepartmentDialog(session)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.form.name.setText("法务部")
    dialog.form.head_employee_id.setText("查无此人")
    dialog.form.buttons.button(SAVE).click()
    assert dialog.isVisible()
    assert "请从下拉列表中选择负责人" in dialog.form.err_head_employee_id.text()
    assert departments.list_departments(session.ctx) == before


def test_moving_a_department_under_its_own_child_is_refused(qtbot, company, sessions):
    session = sessions()
    sales, east = company.depts["销售部"], company.depts["华东销售部"]
    dialog = DepartmentDialog(session, sales)
    qtbot.addWidget(dialog)
    dialog.open()
    parents = dialog.form.parent_id
    # The combo does not offer the department itself or anything below it …
    assert parents.findData(sales) == -1 and parents.findData(east) == -1
    assert parents.itemText(0) == "（无，顶级）"
    assert parents.currentData() == company.depts["总公司"]
    # … and should a stale list offer it anyway (another admin just moved things), the service refuses.
    parents.addItem("总公司 / 销售部 / 华东销售部", east)
    parents.setCurrentIndex(parents.count() - 1)
    dialog.form.buttons.button(SAVE).click()

    assert dialog.isVisible()
    assert dialog.form.err_parent_id.text() == "上级部门不能是本部门或其下级部门"
    assert (
        next(d for d in departments.list_departments(session.ctx) if d.id == sales).parent_id == company.depts["总公司"]
    )


def test_edit_department_deactivates_it(qtbot, company, sessions):
    session = sessions()
    empty = departments.create_department(
        session.ctx, "行政部", departments.DepartmentKind.FUNCTION, company.depts["总公司"]
    )
    page = open_page(qtbot, DepartmentsPage, session)
    page.select_department(empty)
    dialog = page.edit_current()
    assert dialog.form.name.text() == "行政部" and dialog.form.active.isChecked()
    dialog.form.active.setChecked(False)
    dialog.form.sort_order.setValue(5)
    save_and_wait(qtbot, page, dialog)
    assert page.item_for(empty).text(COL_STATUS) == "已停用"
    stored = next(d for d in departments.list_departments(session.ctx) if d.id == empty)
    assert not stored.active and stored.sort_order == 5


def test_deactivating_department_with_employees_shows_service_reason(qtbot, company, sessions):
    session = sessions()
    dialog = DepartmentDialog(session, company.depts["财务部"])
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.form.active.setChecked(False)
    dialog.form.buttons.button(SAVE).click()
    assert dialog.isVisible()
    assert "不能停用" in dialog.form.err_active.text()
    assert next(d for d in departments.list_departments(session.ctx) if d.id == company.depts["财务部"]).active


def test_deleting_department_with_employees_is_refused(qtbot, company, sessions, confirm, shown_errors):
    session = sessions()
    page = open_page(qtbot, DepartmentsPage, session)
    page.select_department(company.depts["财务部"])
    page.delete_button.click()

    assert "财务部" in confirm.asked[0]
    assert len(shown_errors) == 1
    assert "还有 1 名员工" in shown_errors[0] and "不能删除" in shown_errors[0]
    assert "财务部" in dept_names(session.ctx)
    assert page.item_for(company.depts["财务部"]) is not None


def test_deleting_department_with_children_is_refused(qtbot, company, sessions, confirm, shown_errors):
    session = sessions()
    top = departments.create_department(
        session.ctx, "研发中心", departments.DepartmentKind.BUSINESS, company.depts["总公司"]
    )
    departments.create_department(session.ctx, "平台组", departments.DepartmentKind.BUSINESS, top)
    page = open_page(qtbot, DepartmentsPage, session)
    page.select_department(top)
    assert page.delete_current() is False
    assert "下级部门" in shown_errors[0]
    assert {"研发中心", "平台组"} <= set(dept_names(session.ctx))


def test_delete_empty_department_after_confirmation(qtbot, company, sessions, confirm, shown_errors):
    session = sessions()
    empty = departments.create_department(
        session.ctx, "法务部", departments.DepartmentKind.FUNCTION, company.depts["总公司"]
    )
    page = open_page(qtbot, DepartmentsPage, session)
    page.select_department(empty)

    confirm.answer = QMessageBox.StandardButton.No
    page.delete_button.click()
    assert "法务部" in dept_names(session.ctx)

    confirm.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(page.loaded, timeout=3000):
        page.delete_button.click()
    assert "法务部" not in dept_names(session.ctx)
    assert page.item_for(empty) is None
    assert page.current_department_id() == company.depts["总公司"]  # selection moves to the parent
    assert shown_errors == []


def test_tree_follows_changes_made_elsewhere(qtbot, company, sessions):
    session = sessions()
    page = open_page(qtbot, DepartmentsPage, session)
    with qtbot.waitSignal(page.loaded, timeout=3000):
        new_id = departments.create_department(
            session.ctx, "采购部", departments.DepartmentKind.FUNCTION, company.depts["总公司"]
        )
    assert page.item_for(new_id).text(COL_NAME) == "采购部"


# --- positions ---------------------------------------------------------------------------------


def position_names(ctx) -> dict[str, object]:
    return {p.name: p for p in positions.list_positions(ctx)}


def table_texts(page, column) -> list[str]:
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def test_create_edit_delete_position(qtbot, company, sessions, confirm, shown_errors):
    session = sessions()
    page = open_page(qtbot, PositionsPage, session)
    assert "销售经理" in table_texts(page, 0)
    assert page.count_label.text() == "共 6 个岗位"

    dialog = page.open_new_position()
    assert isinstance(dialog, PositionDialog) and not dialog.form.active.isVisible()
    type_text(qtbot, dialog.form.name, "招聘专员")
    type_text(qtbot, dialog.form.code, "P-HR-02")
    dialog.form.description.setPlainText("负责校园招聘与社会招聘")
    save_and_wait(qtbot, page, dialog)
    created = position_names(session.ctx)["招聘专员"]
    assert created.code == "P-HR-02" and created.description == "负责校园招聘与社会招聘"
    assert page.current_position_id() == created.id
    row = page.model.row_of(created.id)
    assert page.model.index(row, 2).data() == "负责校园招聘与社会招聘"

    dialog = page.edit_current()
    assert dialog.form.name.text() == "招聘专员" and dialog.form.active.isChecked()
    dialog.form.name.setText("招聘主管")
    dialog.form.active.setChecked(False)
    save_and_wait(qtbot, page, dialog)
    edited = position_names(session.ctx)["招聘主管"]
    assert edited.id == created.id and not edited.active
    assert page.model.index(page.model.row_of(created.id), POS_STATUS).data() == "已停用"

    with qtbot.waitSignal(page.loaded, timeout=3000):
        page.delete_button.click()
    assert "招聘主管" in confirm.asked[0]
    assert "招聘主管" not in position_names(session.ctx)
    assert page.model.row_of(created.id) == -1
    assert shown_errors == []


def test_duplicate_position_name_shows_error_by_field(qtbot, company, sessions):
    session = sessions()
    before = positions.list_positions(session.ctx)
    dialog = PositionDialog(session)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.form.name.setText("会计")
    dialog.form.buttons.button(SAVE).click()
    assert dialog.isVisible()
    assert dialog.form.err_name.text() == "岗位“会计”已存在"
    assert positions.list_positions(session.ctx) == before


def test_deleting_position_in_use_is_refused(qtbot, company, sessions, confirm, shown_errors):
    session = sessions()
    page = open_page(qtbot, PositionsPage, session)
    page.select_position(company.positions["销售经理"])
    page.delete_button.click()
    assert len(shown_errors) == 1 and "可以停用" in shown_errors[0]
    assert "销售经理" in position_names(session.ctx)


# --- company -----------------------------------------------------------------------------------


def test_company_info_validates_credit_code_then_saves(qtbot, company, sessions):
    assert uscc.is_valid(VALID_USCC) and not uscc.is_valid(VALID_USCC[:-1] + "4")
    session = sessions()
    page = open_page(qtbot, CompanyPage, session)
    f = page.form
    assert f.company_name.text() == "测试科技有限公司"
    assert not f.save.isEnabled()  # nothing to save yet

    qtbot.keyClicks(f.credit_code, VALID_USCC[:-1] + "4")
    assert f.save.isEnabled()
    f.save.click()
    assert not f.err_credit_code.isHidden()
    assert f.err_credit_code.text() == "统一社会信用代码应为18位且校验位正确"
    assert company_details.get_company(session.ctx).credit_code is None

    f.credit_code.clear()
    qtbot.keyClicks(f.credit_code, VALID_USCC.lower())  # typed in lower case, shown and stored upper case
    assert f.credit_code.text() == VALID_USCC
    f.address.setText("上海市浦东新区张江路100号")
    f.phone.setText("021-12345678")
    f.save.click()
    assert f.err_credit_code.isHidden()
    assert f.status.text() == "公司信息已保存。"
    stored = company_details.get_company(session.ctx)
    assert (stored.credit_code, stored.address, stored.phone) == (
        VALID_USCC,
        "上海市浦东新区张江路100号",
        "021-12345678",
    )
    assert not f.save.isEnabled()


def test_company_name_is_required(qtbot, company, sessions):
    session = sessions()
    page = open_page(qtbot, CompanyPage, session)
    page.form.company_name.setText("")
    assert page.form.save.isEnabled() and page.form.revert.isEnabled()
    page.form.save.click()
    assert page.form.err_company_name.text() == "请填写公司名称"
    assert company_details.get_company(session.ctx).name == "测试科技有限公司"

    page.form.revert.click()
    assert page.form.company_name.text() == "测试科技有限公司"
    assert page.form.err_company_name.isHidden()


def test_company_page_is_read_only_without_the_right(qtbot, company, sessions):
    session = sessions("hr")
    page = open_page(qtbot, CompanyPage, session)
    assert page.form.company_name.isReadOnly() and not page.form.save.isVisible()
    assert page.save() is False
    with pytest.raises(PermissionDenied):  # the service is what actually refuses
        company_details.update_company(session.ctx, company_details.CompanyInfo("别的公司", None, None, None))

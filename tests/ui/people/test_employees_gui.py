"""The employee register driven through the real widgets: sign in, filter, edit, validate, save."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from hrdesk.core.kernel.masking import MASKED_MONEY
from hrdesk.core.people import employees
from hrdesk.ui.accounts.login_dialog import LoginDialog
from hrdesk.ui.common.optional_date import set_date
from hrdesk.ui.shell.app import make_session
from hrdesk.ui.shell.main_window import MainWindow
from tests.helpers import USER_PASSWORD, make_card, make_id
from tests.ui.qt_helpers import replace_text, screenshot, type_text


def open_window(qtbot, fx, username):
    window = MainWindow(make_session(fx.login(username), "测试科技有限公司"))
    qtbot.addWidget(window)
    window.show()
    page = window.pages["employees"]
    qtbot.waitUntil(lambda: page.model.total_count() > 0, timeout=5000)
    return window, page


def names(page):
    return [page.model.value(r, "name") for r in range(page.model.rowCount())]


def test_login_dialog_shows_error_then_signs_in(qtbot, company):
    dialog = LoginDialog(company.db, "测试科技有限公司")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.form.username, "hr")
    type_text(qtbot, dialog.form.password, "wrong-password")
    ok = dialog.form.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "确定"  # Qt's own strings are translated too
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.form.error_label.isVisible()
    assert "用户名或密码不正确" in dialog.form.error_label.text()
    screenshot(dialog, "login_dialog_error")
    assert dialog.form.password.text() == ""
    type_text(qtbot, dialog.form.password, USER_PASSWORD)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.context is not None and dialog.context.actor.username == "hr"


@pytest.mark.parametrize(
    "user, expected",
    [
        (
            "admin",
            [
                "inbox",
                "employees",
                "flows",
                "stuck_flows",
                "departments",
                "positions",
                "accounts",
                "custom_fields",
                "flow_settings",
                "company",
                "backups",
            ],
        ),
        (
            "hr",
            [
                "inbox",
                "employees",
                "flows",
                "payroll",
                "payroll_inputs",
                "my_payslips",
                "payroll_settings",
                "documents",
            ],
        ),
        ("finance", ["inbox", "employees", "flows", "payroll", "payroll_inputs", "my_payslips", "payroll_settings"]),
        ("auditor", ["inbox", "employees", "flows", "audit"]),
        ("staff", ["inbox", "employees", "flows", "my_payslips"]),
    ],
)
def test_navigation_shows_only_permitted_areas(qtbot, company, user, expected):
    window = MainWindow(make_session(company.login(user), "测试科技有限公司"))
    qtbot.addWidget(window)
    assert window.page_keys() == expected


def test_search_status_and_department_filters(qtbot, company):
    window, page = open_window(qtbot, company, "hr")
    screenshot(window, "main_window_hr")
    assert page.model.rowCount() == 8
    type_text(qtbot, page.search, "李")
    assert names(page) == ["李四"]
    page.search.clear()
    type_text(qtbot, page.search, "E00000")
    assert page.model.rowCount() == 8
    page.search.clear()
    type_text(qtbot, page.search, "华东")  # by department name
    assert names(page) == ["赵六"]
    page.search.clear()
    page.tree.select_department(company.depts["销售部"])  # the subtree: 销售部 and 华东销售部
    assert set(names(page)) == {"王经理", "李四", "赵六", "周七", "孙员工"}
    page.tree.select_department(company.depts["地铁项目部"])  # 项目部 members too
    assert set(names(page)) == {"陈工", "周七"}
    page.tree.select_department(None)
    probation = page.status_filter.findText("试用")
    page.status_filter.setCurrentIndex(probation)
    assert page.model.rowCount() == 0
    assert "显示 0 / 共 8 人" == page.count_label.text()


def test_sorting_by_a_column(qtbot, company):
    window, page = open_window(qtbot, company, "hr")
    name_column = [c.key for c in page.model.columns].index("name")
    page.table.sortByColumn(name_column, Qt.SortOrder.AscendingOrder)
    assert names(page)[:3] == ["陈工", "李四", "刘人事"]  # pinyin order
    page.table.sortByColumn(name_column, Qt.SortOrder.DescendingOrder)
    assert names(page)[0] == "周七"


def test_manager_sees_team_with_masked_salary(qtbot, company):
    window, page = open_window(qtbot, company, "manager")
    assert set(names(page)) == {"王经理", "李四", "赵六"}
    row = names(page).index("李四")
    assert page.model.value(row, "base_salary") == MASKED_MONEY
    assert "*" in page.model.value(row, "id_number")
    assert not page.new_button.isVisible()
    dialog = page.open_employee(company.emps["李四"])
    qtbot.addWidget(dialog)
    assert not dialog.editable
    assert dialog.form.base_salary.text() == MASKED_MONEY and dialog.form.name.isReadOnly()
    screenshot(dialog, "employee_dialog_read_only")


def fill_valid(qtbot, dialog, fx, id_number):
    f = dialog.form
    type_text(qtbot, f.name, "马小红")
    type_text(qtbot, f.id_number, id_number)
    type_text(qtbot, f.phone, "13912345678")
    type_text(qtbot, f.email, "ma@example.cn")
    f.department_id.setCurrentIndex(f.department_id.findData(fx.depts["华东销售部"]))
    set_date(f.hire_date, date(2026, 3, 2))
    set_date(f.probation_end_date, date(2026, 9, 1))
    replace_text(qtbot, f.base_salary, "9500")
    type_text(qtbot, f.bank_account, make_card(serial=4242))
    type_text(qtbot, f.bank_name, "招商银行")


def test_invalid_id_is_shown_next_to_field_and_nothing_is_written(qtbot, company):
    window, page = open_window(qtbot, company, "hr")
    dialog = page.open_new_employee()
    qtbot.addWidget(dialog)
    assert dialog.form.emp_no.text() == "E000009"
    good = make_id(birth=date(1995, 6, 1), seq=321)
    fill_valid(qtbot, dialog, company, good[:-1] + ("0" if good[-1] != "0" else "1"))
    assert "校验位" in dialog.form.err_id_number.text() and not dialog.form.err_id_number.isHidden()
    dialog.save()
    assert dialog.isVisible()
    assert "校验位" in dialog.current_errors()["id_number"]
    screenshot(dialog, "employee_dialog_invalid_id")
    assert employees.count(company.system) == 8

    replace_text(qtbot, dialog.form.id_number, good)
    assert dialog.form.gender.currentText() == "男" and not dialog.form.gender.isEnabled()
    assert dialog.form.birth_date.date().toPython() == date(1995, 6, 1)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        dialog.save()
    assert not dialog.isVisible()
    assert employees.count(company.system) == 9
    assert page.model.rowCount() == 9
    assert page.model.value(page.table.currentIndex().row(), "name") == "马小红"


def test_manager_picker_and_server_side_errors(qtbot, company):
    window, page = open_window(qtbot, company, "hr")
    dialog = page.open_new_employee()
    qtbot.addWidget(dialog)
    fill_valid(qtbot, dialog, company, make_id(birth=date(1995, 6, 1), seq=322))
    replace_text(qtbot, dialog.form.emp_no, "E000001")  # duplicate number: only the service knows
    type_text(qtbot, dialog.form.manager_id, "王")
    dialog.save()
    assert "直属上级" in dialog.current_errors()["manager_id"]
    lookup = dialog.manager_lookup
    lookup._refresh()
    label = next(text for text in lookup._matches if "王经理" in text)
    lookup.completer.activated[str].emit(label)
    assert lookup.selected_id == company.emps["王经理"]
    dialog.save()
    assert "已被其他员工使用" in dialog.current_errors()["emp_no"]
    assert "manager_id" not in dialog.current_errors()
    assert employees.count(company.system) == 8


def test_edit_existing_employee(qtbot, company):
    window, page = open_window(qtbot, company, "hr")
    page.select_employee(company.emps["李四"])
    dialog = page.open_employee(page.current_employee_id())
    qtbot.addWidget(dialog)
    screenshot(dialog, "employee_dialog_edit")
    for name in employees.FLOW_FIELDS:  # these change through their flows
        assert not getattr(dialog.form, name).isEnabled(), name
    replace_text(qtbot, dialog.form.phone, "13911112222")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        dialog.save()
    assert employees.get(company.system, company.emps["李四"]).phone == "13911112222"


def test_a_typing_error_in_the_salary_is_put_right_with_a_correction(qtbot, company, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    window, page = open_window(qtbot, company, "hr")
    page.select_employee(company.emps["李四"])
    dialog = page.open_employee(page.current_employee_id())
    qtbot.addWidget(dialog)
    reason = "合同约定 15000.50，入职时录错"
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: (reason, True))
    dialog.correct_button.click()
    assert dialog.form.base_salary.isEnabled() and reason in dialog.form.banner.text()
    screenshot(dialog, "employee_dialog_correction")
    replace_text(qtbot, dialog.form.base_salary, "15000.50")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        dialog.save()
    assert str(employees.get(company.system, company.emps["李四"]).base_salary) == "15000.50"
    row = page.model.row_of(company.emps["李四"])
    assert (
        page.model.data(page.model.index(row, [c.key for c in page.model.columns].index("base_salary"))) == "15,000.50"
    )


def test_the_city_list_offers_the_cities_payroll_has_a_policy_for(qtbot, company):
    """Issue 12 follow-up: a city without a contribution policy is refused by the service, so the
    dialog does not offer it; a record's stored city stays selectable."""
    from hrdesk.core.people.tables import Employee

    with company.db.session() as s, s.begin():
        s.get(Employee, company.emps["李四"]).social_security_city = "拉萨"  # stored before the rule
    window, page = open_window(qtbot, company, "hr")
    page.select_employee(company.emps["李四"])
    dialog = page.open_employee(page.current_employee_id())
    qtbot.addWidget(dialog)
    combo = dialog.form.social_security_city
    offered = [combo.itemText(i) for i in range(combo.count()) if combo.itemText(i)]
    assert {"上海", "北京", "深圳", "广州", "杭州"} <= set(offered)
    assert "拉萨" in offered and combo.currentText() == "拉萨"
    assert "成都" not in offered  # in the shipped city list, but without a policy

"""工资录入, 薪资设置 and the employee dialog's contribution bases, driven through the widgets."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from hrdesk.core.payroll import declarations, inputs, wage_history
from hrdesk.core.payroll import policies as payroll_policies
from hrdesk.core.payroll.rules import policy
from hrdesk.core.payroll.tables import PayrollRun
from hrdesk.core.people import employees
from hrdesk.ui.payroll.inputs.page import PayrollInputsPage
from hrdesk.ui.shell.app import make_session
from tests.ui.qt_helpers import replace_text, screenshot, type_text

COMPANY = "测试科技有限公司"
MONTH = date(2026, 3, 1)
D = Decimal


@pytest.fixture
def sessions(company):
    made = []

    def make(username: str = "hr"):
        session = make_session(company.login(username), COMPANY)
        made.append(session)
        return session

    yield make
    for session in made:
        session.runner.wait_idle()
        session.signals.detach()


def emp_no(company, name: str) -> str:
    return f"E{list(company.emps).index(name) + 1:06d}"


def shot(qtbot, widget, name: str) -> None:
    qtbot.wait(30)  # let pending layout requests settle
    screenshot(widget, name)


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_inputs(qtbot, session, month: date = MONTH) -> PayrollInputsPage:
    page = PayrollInputsPage(session)
    qtbot.addWidget(page)
    page.resize(1180, 680)
    page.show()
    qtbot.waitUntil(lambda: page.entries.month is not None and bool(page.item_types), timeout=5000)
    page.set_month(month)
    qtbot.waitUntil(lambda: page.entries.loaded_key == month, timeout=5000)
    return page


def table_texts(table, column: int) -> list[str]:
    model = table.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def xlsx(path, header, rows) -> str:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["说明"])
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return str(path)


def pay_month(company, month: date) -> None:
    with company.db.session() as s, s.begin():
        s.add(PayrollRun(month=month, status="paid", created_at=datetime(2026, 3, 28), version=1))


# --- 工资录入 ---------------------------------------------------------------------------------------------


def test_add_an_entry_through_the_dialog(qtbot, company, sessions):
    page = open_inputs(qtbot, sessions())
    tab = page.entries
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "本月项目",
        "固定津贴",
        "专项附加扣除",
        "年初累计数",
        "历史工资",
    ]
    assert page.month_edit.text() == "2026年03月"

    dialog = tab.open_add_dialog()
    qtbot.waitUntil(dialog.isVisible)
    type_text(qtbot, dialog.employee, emp_no(company, "李四"))  # a 工号 typed in full is enough
    dialog.item.setCurrentIndex(dialog.item.findData("performance_bonus"))
    type_text(qtbot, dialog.amount, "1500.555")
    type_text(qtbot, dialog.note, "一季度绩效")
    shot(qtbot, dialog, "payroll_entry_dialog")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    click(qtbot, save)
    assert dialog.isVisible() and dialog.current_errors() == {"amount": "金额最多保留两位小数"}
    replace_text(qtbot, dialog.amount, "1500")
    click(qtbot, save)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: tab.table.model.rowCount() == 1, timeout=5000)
    assert table_texts(tab.table.view, 1) == ["李四"] and table_texts(tab.table.view, 4) == ["1,500.00"]
    assert table_texts(tab.table.view, 7) == ["手工录入"]

    # by name, chosen from the completer; a deduction shows as minus
    dialog = tab.open_add_dialog()
    type_text(qtbot, dialog.employee, "赵")
    dialog.lookup._refresh()
    label = next(text for text in dialog.lookup._matches if "赵六" in text)
    dialog.lookup.completer.activated[str].emit(label)
    dialog.item.setCurrentIndex(dialog.item.findData("advance_repayment"))
    assert "税后实发工资" in dialog.item_hint.text()
    type_text(qtbot, dialog.amount, "300")
    assert dialog.save()
    qtbot.waitUntil(lambda: tab.table.model.rowCount() == 2, timeout=5000)
    assert sorted(table_texts(tab.table.view, 4)) == ["-300.00", "1,500.00"]
    assert "发放 1,500.00 元" in tab.totals.text() and "扣款 300.00 元" in tab.totals.text()

    # a settlement entry is locked: marked, and cannot be deleted
    inputs.add_entry(
        company.system,
        MONTH,
        company.emps["陈工"],
        "leave_pay",  # (a severance item needs a last working day)
        "20000",
        "离职结算",
        source="settlement",
        locked=True,
    )
    qtbot.waitUntil(lambda: tab.table.model.rowCount() == 3, timeout=5000)
    tab.table.select_key(next(e.id for e in tab.entries if e.locked))
    assert "已锁定" in table_texts(tab.table.view, 6) and not tab.delete_button.isEnabled()
    shot(qtbot, page, "payroll_inputs_entries")
    tab.table.select_key(next(e.id for e in tab.entries if e.employee_name == "赵六"))
    assert tab.delete_button.isEnabled()
    assert tab.delete_current(confirm=False)
    qtbot.waitUntil(lambda: tab.table.model.rowCount() == 2, timeout=5000)
    assert sorted(e.employee_name for e in inputs.entries(company.system, MONTH)) == ["李四", "陈工"]


def test_import_a_file_and_show_the_rows_it_refused(qtbot, company, sessions, tmp_path):
    page = open_inputs(qtbot, sessions())
    tab = page.entries
    good = xlsx(
        tmp_path / "good.xlsx",
        ["工号", "姓名", "工资项目", "金额", "备注"],
        [
            (emp_no(company, "李四"), "李四", "绩效奖金", 1200, "三月"),
            (emp_no(company, "赵六"), "赵六", "餐费补贴", "300.50", ""),
        ],
    )
    with qtbot.waitSignal(tab.imported, timeout=10000) as imported:
        tab.import_file(good)
    assert imported.args[0].count == 2
    qtbot.waitUntil(lambda: tab.table.model.rowCount() == 2, timeout=5000)
    assert "已导入 2026-03 的工资项目 2 条" in tab.status.text()
    assert table_texts(tab.table.view, 7) == ["Excel导入", "Excel导入"]

    bad = xlsx(
        tmp_path / "bad.xlsx",
        ["工号", "姓名", "工资项目", "金额"],
        [
            (emp_no(company, "李四"), "李四", "绩效奖金", 100),
            (emp_no(company, "赵六"), "陈工", "绩效奖金", "一百"),
        ],
    )
    with qtbot.waitSignal(tab.import_failed, timeout=10000):
        tab.import_file(bad, replace=False)
    dialog = tab.errors_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert "有 1 行数据有误" in dialog.summary.text()
    assert "第4行：姓名“陈工”与工号" in dialog.details.toPlainText()
    assert "金额格式不正确" in dialog.details.toPlainText()
    shot(qtbot, dialog, "payroll_import_errors")
    dialog.close()
    assert len(inputs.entries(company.system, MONTH)) == 2

    template = tab.save_template(str(tmp_path / "模板"))
    assert template.name == "模板.xlsx" and template.exists()


def test_a_paid_month_shows_a_banner_and_cannot_be_edited(qtbot, company, sessions):
    inputs.add_entry(company.system, MONTH, company.emps["李四"], "performance_bonus", "800")
    pay_month(company, MONTH)
    page = open_inputs(qtbot, sessions())
    assert page.lock_banner.isVisible() and "已发放并锁定" in page.lock_banner.text()
    assert "2026年4月" in page.lock_banner.text()
    page.entries.table.view.selectRow(0)
    for button in (
        page.entries.add_button,
        page.entries.import_button,
        page.entries.delete_button,
        page.deductions.import_button,
    ):
        assert not button.isEnabled()
    shot(qtbot, page, "payroll_inputs_locked")
    click(qtbot, page.next_button)
    qtbot.waitUntil(lambda: page.entries.loaded_key == date(2026, 4, 1), timeout=5000)
    assert not page.lock_banner.isVisible() and page.entries.add_button.isEnabled()
    assert page.month_edit.text() == "2026年04月"


def test_allowances_tab(qtbot, company, sessions):
    page = open_inputs(qtbot, sessions())
    tab = page.allowances
    page.tabs.setCurrentWidget(tab)
    assert not tab.form_box.isEnabled()
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.select_employee(company.emps["李四"], "E000002 李四")
    tab.item.setCurrentIndex(tab.item.findData("transport_allowance"))
    click(qtbot, tab.save_button)
    assert tab.error_labels["amount"].text() == "请填写金额"
    type_text(qtbot, tab.amount, "600")
    click(qtbot, tab.save_button)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    assert table_texts(tab.table, 0) == ["交通补贴"] and table_texts(tab.table, 1) == ["600.00"]
    assert "固定津贴合计 600.00 元" in tab.employee_label.text()
    shot(qtbot, page, "payroll_inputs_allowances")
    assert [(a.item_code, a.amount) for a in inputs.allowances(company.system, company.emps["李四"])] == [
        ("transport_allowance", D("600.00"))
    ]


def test_wage_history_tab_enters_corrects_deletes_and_imports(qtbot, company, sessions, tmp_path):
    page = open_inputs(qtbot, sessions())
    tab = page.history
    page.tabs.setCurrentWidget(tab)
    page.resize(1280, 800)
    qtbot.waitUntil(lambda: tab.loaded_key is None and "共 0 个月" in tab.count_label.text(), timeout=5000)
    assert not tab.form_box.isEnabled()  # an employee first
    li = company.emps["李四"]
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.select_employee(li, "E000002 李四")
    tab.month_edit.set_month(date(2025, 6, 1))
    type_text(qtbot, tab.gross, "12000")
    type_text(qtbot, tab.overtime, "12000.01")
    click(qtbot, tab.save_button)
    assert "不能大于应发工资" in tab.error_labels["overtime"].text()
    replace_text(qtbot, tab.overtime, "800")
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        click(qtbot, tab.save_button)
    assert table_texts(tab.table.view, 2) == ["2025-06"] and table_texts(tab.table.view, 3) == ["12,000.00"]
    assert tab.month_edit.month() == date(2025, 5, 1)  # ready for the month before
    # choosing the row fills the form; saving again corrects the month in place
    tab.table.view.selectRow(0)
    assert tab.month_edit.month() == date(2025, 6, 1) and tab.gross.text() == "12000.00"
    replace_text(qtbot, tab.gross, "12500")
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        click(qtbot, tab.save_button)
    qtbot.waitUntil(lambda: table_texts(tab.table.view, 3) == ["12,500.00"], timeout=5000)
    assert "已保存 李四 2025-06：应发 12,500.00 元" in tab.status.text()
    assert tab.month_edit.month() == date(2025, 5, 1) and tab.gross.text() == ""  # a reload does not refill the form
    good = xlsx(
        tmp_path / "history.xlsx",
        ["工号", "姓名", "月份", "应发工资", "其中加班工资"],
        [
            (emp_no(company, "李四"), "李四", "2025年7月", 12600, 0),
            (emp_no(company, "赵六"), "赵六", "2025-07", 9000, 300),
        ],
    )
    with qtbot.waitSignal(tab.imported, timeout=10000):
        tab.import_file(good)
    assert "新增 2 条" in tab.status.text()
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.select_employee(None, "")
    assert sorted(table_texts(tab.table.view, 1)) == ["李四", "李四", "赵六"]
    shot(qtbot, page, "payroll_inputs_history")
    tab.table.view.selectRow(0)
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        assert tab.delete_current(confirm=False)
    assert len(wage_history.history(company.system)) == 2
    template = tab.save_template(str(tmp_path / "历史"))
    assert template.name == "历史.xlsx" and template.exists()


def test_deductions_and_opening_figures_tabs(qtbot, company, sessions):
    page = open_inputs(qtbot, sessions())
    tab = page.deductions
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.table.model.rowCount() == len(company.emps), timeout=5000)
    dialog = tab.open_editor(company.emps["李四"])
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.fields["elderly_support"].placeholderText() == "每月最多 3,000.00"
    type_text(qtbot, dialog.fields["elderly_support"], "3500")
    type_text(qtbot, dialog.fields["child_education"], "2000")
    assert not dialog.save()
    assert dialog.error_labels["elderly_support"].text() == "赡养老人每月最多 3,000.00"
    shot(qtbot, dialog, "payroll_declaration_dialog")
    replace_text(qtbot, dialog.fields["elderly_support"], "1500")
    assert dialog.save()
    row = tab.table.model.row_of(company.emps["李四"])
    qtbot.waitUntil(lambda: tab.table.model.row(row).cells[-2:] == ("3,500.00", "2026-03"), timeout=5000)
    shot(qtbot, page, "payroll_inputs_deductions")

    tab = page.opening
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.table.model.rowCount() == len(company.emps), timeout=5000)
    dialog = tab.open_editor(company.emps["赵六"])
    qtbot.waitUntil(dialog.isVisible)
    type_text(qtbot, dialog.fields["opening_income"], "24000")
    assert not dialog.save()
    assert "月数" in dialog.error_labels["opening_months"].text()
    dialog.opening_months.setValue(2)
    replace_text(qtbot, dialog.fields["opening_tax_free"], "30000")
    assert not dialog.save() and "不能大于累计收入" in dialog.error_labels["opening_tax_free"].text()
    shot(qtbot, dialog, "payroll_profile_dialog")
    replace_text(qtbot, dialog.fields["opening_tax_free"], "")
    dialog.low_income.setChecked(True)
    assert dialog.save()
    row = tab.table.model.row_of(company.emps["赵六"])
    qtbot.waitUntil(lambda: tab.table.model.row(row).cells[6] == "2", timeout=5000)
    saved = declarations.tax_profile(company.system, company.emps["赵六"], 2026)
    assert (saved.opening_months, saved.opening_income, saved.low_income) == (2, D("24000.00"), True)
    shot(qtbot, page, "payroll_inputs_opening")


# --- 薪资设置 ---------------------------------------------------------------------------------------------


def open_settings(qtbot, session):
    from hrdesk.ui.payroll.settings.page import PayrollSettingsPage

    page = PayrollSettingsPage(session)
    qtbot.addWidget(page)
    page.resize(1180, 680)
    page.show()
    qtbot.waitUntil(
        lambda: bool(page.insurance.versions and page.tax_tables.versions and page.item_types.types), timeout=5000
    )
    return page


def test_settings_saves_a_new_shanghai_version_and_shows_field_errors(qtbot, company, sessions):
    from hrdesk.core.payroll.rules.insurance import InsuranceItem
    from hrdesk.ui.payroll.settings.city_rules_dialog import CAP, EMPLOYER_RATE

    page = open_settings(qtbot, sessions())
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "社保公积金",
        "当地平均工资",
        "个税税率表",
        "减除费用与扣除标准",
        "工资项目",
        "公司福利年假",
    ]
    tab = page.insurance
    tab.select_city("上海")
    qtbot.waitUntil(
        lambda: tab.current_city() == "上海" and bool(tab.versions) and tab.versions[0].key == "上海", timeout=5000
    )
    assert tab.detail_model.rowCount() == 5 and tab.detail_model.row(0).cells[:3] == ("养老保险", "8%", "16%")
    shot(qtbot, page, "payroll_settings_insurance")

    dialog = tab.open_editor()
    qtbot.waitUntil(dialog.isVisible)
    pension = dialog.row_of(InsuranceItem.PENSION)
    assert dialog.table.item(pension, EMPLOYER_RATE).text() == "16"
    dialog.set_cell(pension, EMPLOYER_RATE, "15")
    medical = dialog.row_of(InsuranceItem.MEDICAL)
    dialog.set_cell(medical, CAP, "7000")  # below the floor 7460
    dialog.effective.set_month(date(2026, 7, 1))
    type_text(qtbot, dialog.source, "沪人社规〔2026〕8号")
    assert dialog.save() is None and dialog.isVisible()
    assert "医疗保险的基数上限不能低于下限" in dialog.current_errors()["data"]
    assert dialog.table.verticalHeaderItem(medical).text().startswith("⚠")
    dialog.set_cell(medical, EMPLOYER_RATE, "abc")
    assert dialog.save() is None and "医疗保险的单位比例应为数字" in dialog.current_errors()["data"]
    shot(qtbot, dialog, "payroll_city_rules_dialog")
    dialog.set_cell(medical, EMPLOYER_RATE, "10")
    dialog.set_cell(medical, CAP, "37302")
    replace_text(qtbot, dialog.source, "")
    assert dialog.save() is None and "请填写政策来源" in dialog.current_errors()["source"]
    type_text(qtbot, dialog.source, "沪人社规〔2026〕8号")
    type_text(qtbot, dialog.effective_to, "2027-6x")
    assert dialog.save() is None and "执行至" in dialog.current_errors()["data"]
    replace_text(qtbot, dialog.effective_to, "2027-06")
    saved = dialog.save()
    assert saved is not None and not dialog.isVisible()

    stored = payroll_policies.versions(company.system, policy.INSURANCE, "上海")
    assert [v.effective_from for v in stored] == [date(2026, 7, 1), date(2025, 7, 1), date(2024, 7, 1)]
    assert stored[0].data["effective_to"] == "2027-06-30"
    rules = {r["item"]: r for r in stored[0].data["items"]}
    assert D(rules["pension"]["employer_rate"]) == D("0.15") and D(rules["medical"]["cap"]) == D("37302")
    assert D(rules["housing_fund"]["employee_rate"]) == D("0.07") and rules["housing_fund"]["rounding"] == "yuan"
    assert stored[0].source == "沪人社规〔2026〕8号" and stored[0].created_by == "刘人事"
    qtbot.waitUntil(lambda: len(tab.versions) == 3, timeout=5000)
    assert "已保存上海自 2026-07-01 起执行的新版本" in tab.status.text()
    # the month before keeps the old rate
    policies = payroll_policies.policy_set(company.system)
    assert policies.at(policy.INSURANCE, "上海", date(2026, 6, 1)).rule(InsuranceItem.PENSION).employer_rate == D(
        "0.16"
    )
    assert policies.at(policy.INSURANCE, "上海", date(2026, 7, 1)).rule(InsuranceItem.PENSION).employer_rate == D(
        "0.15"
    )


def test_settings_tax_table_deductions_new_city_and_item_types(qtbot, company, sessions):
    page = open_settings(qtbot, sessions())
    # a tax table band edited: the open top band must stay open
    page.tabs.setCurrentWidget(page.tax_tables)
    shot(qtbot, page, "payroll_settings_tax_tables")
    dialog = page.tax_tables.open_editor()
    dialog.table.item(6, 0).setText("1000000")
    assert dialog.save() is None and "最后一级不设上限" in dialog.current_errors()["data"]
    shot(qtbot, dialog, "payroll_tax_table_dialog")
    dialog.table.item(6, 0).setText("")
    dialog.effective.set_month(date(2027, 1, 1))
    assert dialog.save() is None and "请填写政策来源" in dialog.current_errors()["source"]
    type_text(qtbot, dialog.source, "某某公告")
    assert dialog.save() is not None
    assert payroll_policies.versions(company.system, policy.IIT_ANNUAL)[0].effective_from == date(2027, 1, 1)

    page.tabs.setCurrentWidget(page.average_wage)
    wages = page.average_wage
    qtbot.waitUntil(lambda: bool(wages.versions), timeout=5000)
    assert wages.current_city() == "上海" and wages.versions_model.row(0).cells[1:4] == (
        "2024",
        "12,434.00",
        "149,208.00",
    )
    assert "149,208.00 × 3 = 447,624.00" in wages.detail_note.text()
    shot(qtbot, page, "payroll_settings_average_wage")

    page.tabs.setCurrentWidget(page.deductions)
    qtbot.waitUntil(lambda: bool(page.deductions.versions), timeout=5000)
    shot(qtbot, page, "payroll_settings_deductions")
    dialog = page.deductions.open_editor()
    replace_text(qtbot, dialog.fields["basic_monthly"], "六千")
    assert dialog.save() is None and dialog.current_errors()["basic_monthly"] == "应为数字"
    replace_text(qtbot, dialog.fields["basic_monthly"], "6000")
    type_text(qtbot, dialog.source, "某某公告")
    dialog.effective.set_month(date(2027, 1, 1))
    assert dialog.save() is not None
    new = payroll_policies.policy_set(company.system).at(policy.IIT_DEDUCTIONS, "", date(2027, 1, 1))
    assert new.basic_monthly == D("6000") and new.limits["housing_rent"] == D("1500")

    tab = page.insurance
    dialog = tab.open_new_city()
    type_text(qtbot, dialog.city, "南京")
    for row, values in enumerate(
        [
            ("8", "16", "4494", "24930"),
            ("2", "9", "4494", "24930"),
            ("0.5", "0.5", "4494", "24930"),
            ("0", "0.4", "4494", "24930"),
            ("8", "8", "2490", "36498"),
        ]
    ):
        for column, text in enumerate(values, start=1):
            dialog.set_cell(row, column, text)
    type_text(qtbot, dialog.source, "南京市人社局2025年度缴费基数通知")
    assert dialog.save() is not None
    qtbot.waitUntil(lambda: tab.current_city() == "南京" and len(tab.versions) == 1, timeout=5000)
    assert "南京" in payroll_policies.cities(company.system)

    items = page.item_types
    page.tabs.setCurrentWidget(items)
    dialog = items.open_new()
    type_text(qtbot, dialog.name, "高温补贴")
    type_text(qtbot, dialog.code, "高温")
    dialog.category.setCurrentIndex(dialog.category.findData("earning"))
    assert dialog.save() is None and "英文字母" in dialog.error_labels["code"].text()
    shot(qtbot, dialog, "payroll_item_type_dialog")
    replace_text(qtbot, dialog.code, "heat_allowance")
    dialog.recurring.setChecked(True)
    assert dialog.save() is not None
    qtbot.waitUntil(lambda: any(t.code == "heat_allowance" for t in items.types), timeout=5000)
    shot(qtbot, page, "payroll_settings_item_types")
    added = next(t for t in inputs.item_types(company.system) if t.code == "heat_allowance")
    assert added.name == "高温补贴" and added.recurring and added.taxable


# --- the employee dialog's contribution bases -----------------------------------------------------------


def test_employee_dialog_round_trips_the_contribution_bases(qtbot, company, sessions):
    from hrdesk.ui.people.employee_dialog import EmployeeDialog

    session = sessions()
    dialog = EmployeeDialog(session, company.emps["李四"])
    qtbot.addWidget(dialog)
    f = dialog.form
    assert f.insurance_base.text() == "" and f.insurance_base.placeholderText() == "留空则按基本工资"
    type_text(qtbot, f.insurance_base, "20000000")  # above the maximum
    dialog.save()
    assert "超出允许范围" in dialog.current_errors()["insurance_base"]
    replace_text(qtbot, f.insurance_base, "9000.50")
    type_text(qtbot, f.housing_fund_base, "8000")
    shot(qtbot, dialog, "employee_dialog_contribution_bases")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    detail = employees.get(company.system, company.emps["李四"])
    assert (detail.insurance_base, detail.housing_fund_base) == (D("9000.50"), D("8000.00"))

    again = EmployeeDialog(session, company.emps["李四"])
    qtbot.addWidget(again)
    assert again.form.insurance_base.text() == "9000.50" and again.form.housing_fund_base.text() == "8000.00"
    replace_text(qtbot, again.form.housing_fund_base, "")  # back to the base salary
    again.save()
    assert employees.get(company.system, company.emps["李四"]).housing_fund_base is None

    # someone who may not see salaries sees the fields masked and cannot change them
    manager = EmployeeDialog(sessions("manager"), company.emps["李四"])
    qtbot.addWidget(manager)
    assert manager.form.insurance_base.text() == "****" and not manager.form.insurance_base.isEnabled()

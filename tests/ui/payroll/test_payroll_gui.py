"""工资核算, 我的工资条 and the 个税计算器 in the GUI: who sees which buttons, calculating through the
button, the table's subtotals and pinned totals, the detail panel, approval and payment by finance,
the stale warning, an employee's own payslips, and the calculator's known cases."""

from __future__ import annotations

import time
from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from hrdesk.core.payroll import inputs, runs
from hrdesk.core.payroll.rules.report import RunStatus
from hrdesk.core.people import employees
from hrdesk.core.people.employee_rules import EmployeeStatus
from hrdesk.ui.payroll.my_payslips_page import MyPayslipsPage
from hrdesk.ui.payroll.payroll_model import DEPARTMENT, PayrollModel, build_entries
from hrdesk.ui.payroll.run.export_menu import default_export_name
from hrdesk.ui.payroll.run.page import PayrollPage
from hrdesk.ui.payroll.tax_calculator_dialog import TaxCalculatorDialog
from hrdesk.ui.shell.app import make_session
from hrdesk.ui.shell.navigation import pages_for
from tests.helpers import employee_input
from tests.ui.qt_helpers import screenshot

COMPANY = "测试科技有限公司"
NET = 11  # 实发工资 column
D = Decimal


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


def previous_month(ctx) -> date:
    return (ctx.clock.today().replace(day=1) - timedelta(days=1)).replace(day=1)


def open_page(qtbot, session, month: date | None = None) -> PayrollPage:
    page = PayrollPage(session)
    qtbot.addWidget(page)
    page.resize(1500, 820)
    if month is not None:
        page.set_month(month)
    wait_loaded(qtbot, page)
    return page


def wait_loaded(qtbot, page: PayrollPage) -> None:
    qtbot.waitUntil(lambda: not page.loader.loading and page.shown_month == page.month(), timeout=10000)


def test_buttons_follow_the_role(qtbot, company, sessions):
    hr_page = open_page(qtbot, sessions("hr"))
    assert hr_page.calculate_button.isVisibleTo(hr_page) and hr_page.calculate_button.text() == "计算工资"
    assert not hr_page.approve_button.isVisibleTo(hr_page) and not hr_page.pay_button.isVisibleTo(hr_page)
    assert hr_page.status_badge.text() == "草稿" and "尚未计算工资" in hr_page.status_text.text()
    assert hr_page.export_button.isVisibleTo(hr_page) and not hr_page.export_button.isEnabled()
    assert [a.text() for a in hr_page.export_menu.actions()] == [
        "工资表…",
        "工资条…",
        "银行代发文件…",
        "个税扣缴申报表…",
        "社保公积金明细…",
        "人工成本汇总…",
    ]
    today = company.login("hr").clock.today()
    assert hr_page.month() == today.replace(day=1) and hr_page.month_edit.text() == f"{today:%Y-%m}"

    finance_page = open_page(qtbot, sessions("finance"))
    assert not finance_page.calculate_button.isVisibleTo(finance_page)
    assert finance_page.approve_button.isVisibleTo(finance_page) and finance_page.pay_button.isVisibleTo(finance_page)
    assert not finance_page.approve_button.isEnabled() and not finance_page.pay_button.isEnabled()

    staff = company.login("staff").actor
    keys = [spec.key for spec in pages_for(staff)]
    assert "payroll" not in keys and "my_payslips" in keys
    assert "payroll" in [spec.key for spec in pages_for(company.login("hr").actor)]
    assert "payroll" in [spec.key for spec in pages_for(company.login("finance").actor)]


def test_calculate_check_the_figures_approve_and_pay(qtbot, company, sessions, monkeypatch):
    hr_ctx = company.login("hr")
    month = previous_month(hr_ctx)
    # a new hire in the middle of the month: paid for the days employed (÷ 21.75)
    new_id = employees.create(
        company.system,
        employee_input(
            "E000009",
            "吴新",
            company.depts["财务部"],
            9,
            hire_date=month.replace(day=15),
            probation_end_date=None,
            status=EmployeeStatus.PROBATION,
            base_salary="10000",
        ),
    ).id

    page = open_page(qtbot, sessions("hr"), month)
    assert page.model.rowCount() == 0 and page.status() is None
    with qtbot.waitSignal(page.calculated, timeout=20000) as calculated:
        page.calculate_button.click()
        # in the background: the buttons wait, a busy indicator shows
        assert not page.calculate_button.isEnabled() and page.busy.isVisibleTo(page)
        assert "正在计算" in page.busy_label.text()
    summary = calculated.args[0]
    qtbot.waitUntil(lambda: page.status() is RunStatus.CALCULATED and not page.loader.loading, timeout=10000)
    assert page.calculate_button.text() == "重新计算" and page.calculate_button.isEnabled()
    assert page.status_badge.text() == "已计算" and "刘人事" in page.status_text.text()
    assert not page.stale_banner.isVisibleTo(page)

    # 9 people in the tree's order: 人事部, 地铁项目部, 财务部, 销售部's own four (本部), 销售部/华东销售部,
    # then 销售部's roll-up over both (the order and the sums: test_payroll_run_order.py)
    assert page.model.shown_count() == 9 == summary.employee_count
    assert len(page.model.subtotal_rows()) == 6 and page.model.rowCount() == 9 + 6
    subtotal = page.model.entry(page.model.subtotal_rows()[2])
    assert subtotal.cells[0] == "财务部 小计（2人）"
    assert page.table.columnSpan(page.model.subtotal_rows()[0], 0) == 3
    footer = page.totals_model.cells()
    assert footer[0] == "合计（9人）" and footer[NET] == f"{summary.total_net:,.2f}"
    assert footer[5] == f"{summary.total_gross:,.2f}"
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert page.model.data(page.model.index(0, NET), Qt.ItemDataRole.TextAlignmentRole) == right

    # the detail panel explains the partial month and the contributions
    assert page.select_employee(new_id)
    text = page.detail.text()
    assert "÷ 21.75" in text and "计薪天数" in text
    page.select_employee(company.emps["王经理"])
    text = page.detail.text()
    assert "基数 30,000.00 × 个人 8%" in text and "累计应纳税所得额" in text and "实发工资" in text
    page.select_employee(new_id)
    page.resize(1800, 820)  # a maximised window beside the navigation
    qtbot.wait(50)  # let the layout settle before the picture
    screenshot(page, "payroll_page")

    # sorting by a figure hides the subtotals; the totals stay in the footer
    page.table.sortByColumn(NET, Qt.SortOrder.DescendingOrder)
    assert page.model.subtotal_rows() == [] and page.model.rowCount() == 9
    assert page.model.entry(0).cells[1] == "王经理" and "部门小计已隐藏" in page.count_label.text()
    nets = [Decimal(page.model.entry(r).cells[NET].replace(",", "")) for r in range(9)]
    assert nets == sorted(nets, reverse=True)
    assert page.totals_model.cells()[0] == "合计（9人）"
    page.table.sortByColumn(DEPARTMENT, Qt.SortOrder.AscendingOrder)
    assert len(page.model.subtotal_rows()) == 6

    # search and the department filter (with its sub-departments)
    page.search.setText("李四")
    assert page.model.rowCount() == 1 and page.model.subtotal_rows() == []
    assert page.totals_model.cells()[0] == "筛选合计（1人）"
    page.search.clear()
    page.department_filter.setCurrentIndex(page.department_filter.findData("销售部"))
    assert page.model.shown_count() == 5 and len(page.model.subtotal_rows()) == 2
    page.department_filter.setCurrentIndex(0)
    assert page.model.shown_count() == 9

    # finance approves, then confirms the payment (asked first), which locks the month
    finance = open_page(qtbot, sessions("finance"), month)
    assert finance.approve_button.isEnabled() and not finance.pay_button.isEnabled()
    with qtbot.waitSignal(finance.approved, timeout=10000):
        finance.approve_button.click()
    qtbot.waitUntil(lambda: finance.status() is RunStatus.APPROVED and not finance.loader.loading, timeout=10000)
    assert "钱财务" in finance.status_text.text() and finance.pay_button.isEnabled()
    assert not finance.approve_button.isEnabled()

    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    )
    finance.pay_button.click()
    assert asked and "锁定" in asked[0] and finance.status() is RunStatus.APPROVED
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(finance.paid, timeout=10000):
        finance.pay_button.click()
    qtbot.waitUntil(lambda: finance.status() is RunStatus.PAID and not finance.loader.loading, timeout=10000)
    assert finance.status_badge.text() == "已发放" and not finance.pay_button.isEnabled()
    # HR's page follows through the change signals: the month is locked
    qtbot.waitUntil(lambda: page.status() is RunStatus.PAID and not page.loader.loading, timeout=10000)
    assert not page.calculate_button.isEnabled() and "锁定" in page.calculate_button.toolTip()


def test_stale_banner_after_an_input_changes(qtbot, company, sessions):
    hr_ctx = company.login("hr")
    month = previous_month(hr_ctx)
    runs.calculate_month(hr_ctx, month)
    page = open_page(qtbot, sessions("hr"), month)
    finance = open_page(qtbot, sessions("finance"), month)
    assert not page.stale_banner.isVisibleTo(page) and finance.approve_button.isEnabled()

    inputs.add_entry(hr_ctx, month, company.emps["李四"], "performance_bonus", "800", "季度绩效")
    page.reload()  # the change signal reloads too; an explicit reload must be harmless
    qtbot.waitUntil(lambda: page.stale_banner.isVisibleTo(page) and not page.loader.loading, timeout=10000)
    assert "计算后员工档案、工资项目或政策有变更，请重新计算" in page.stale_banner.text()
    qtbot.waitUntil(lambda: finance.stale() and not finance.loader.loading, timeout=10000)
    assert not finance.approve_button.isEnabled() and "通知人事" in finance.stale_banner.text()
    screenshot(page, "payroll_page_stale")

    with qtbot.waitSignal(page.calculated, timeout=10000):
        page.calculate_button.click()
    qtbot.waitUntil(lambda: not page.stale() and not page.loader.loading and page.header is not None, timeout=10000)
    assert not page.stale_banner.isVisibleTo(page)
    page.select_employee(company.emps["李四"])
    assert "绩效奖金" in page.detail.text()
    qtbot.waitUntil(lambda: finance.approve_button.isEnabled(), timeout=10000)

    # another month: nothing of this month's status is kept while it loads, and back again
    page.step_month(1)
    assert page.model.rowCount() == 0 and not page.calculate_button.isEnabled()
    wait_loaded(qtbot, page)
    assert page.status() is None and page.calculate_button.text() == "计算工资" and page.model.rowCount() == 0
    page.step_month(-1)
    page.step_month(1)
    page.step_month(-1)  # quick clicks: the last month chosen is the one shown
    wait_loaded(qtbot, page)
    assert page.month() == month and page.status() is RunStatus.CALCULATED and page.model.shown_count() == 8


def test_staff_sees_only_their_own_paid_payslips(qtbot, company, sessions):
    staff_session = sessions("staff")
    page = MyPayslipsPage(staff_session)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    qtbot.waitUntil(lambda: not page.loader.loading, timeout=5000)
    assert page.stack.currentWidget() is page.empty and "还没有已发放的工资条" in page.empty.text()
    screenshot(page, "my_payslips_empty")

    hr, finance = company.login("hr"), company.login("finance")
    paid_month = previous_month(hr)
    runs.calculate_month(hr, paid_month)
    runs.approve(finance, paid_month)
    runs.mark_paid(finance, paid_month)
    runs.calculate_month(hr, hr.clock.today())  # calculated, not paid: not shown to the employee
    qtbot.waitUntil(lambda: page.months.count() == 1 and not page.loader.loading, timeout=10000)
    own = page.payslips[0]
    assert own.month == paid_month and own.payslip.employee_id == company.emps["孙员工"]
    assert page.stack.currentIndex() == 1 and page.months.currentRow() == 0
    text = page.detail.text()
    expected = runs.payslip(hr, paid_month, company.emps["孙员工"]).payslip.net_pay
    assert f"{expected:,.2f}" in text and "个人养老保险" in text and "已发放" in text
    assert f"{paid_month.year}年{paid_month.month:02d}月" in page.months.item(0).text()
    qtbot.wait(50)
    screenshot(page, "my_payslips")


def test_tax_calculator_known_cases(qtbot, company):
    dialog = TaxCalculatorDialog(company.login("hr"))
    qtbot.addWidget(dialog)
    assert dialog.wage_model.rowCount() == 0 and dialog.gross_error.text() == ""  # nothing typed yet
    dialog.gross.setText("20,000")
    dialog.insurance.setText("3500")
    dialog.special.setText("0")
    dialog.months.setValue(12)
    taxes = [m.tax_this_month for m in dialog.results]
    assert taxes[0] == D("345.00") and taxes[3] == D("1045.00") and len(taxes) == 12
    # 12 × (20,000 − 3,500 − 5,000) = 138,000 taxable: 138,000 × 10% − 2,520 = 11,280
    assert dialog.total_tax == D("11280.00") and sum(taxes) == D("11280.00")
    assert dialog.total_net == D("186720.00")  # 12 × 16,500 − 11,280
    # 4月: 累计减除费用 4 × 5,000; 46,000 × 10% − 2,520 = 2,080 due, less 3 × 345 withheld = 1,045
    assert dialog.wage_model.row(3).cells == (
        "4月",
        "20,000.00",
        "3,500.00",
        "0.00",
        "20,000.00",
        "46,000.00",
        "10%",
        "2,080.00",
        "1,045.00",
        "15,455.00",
    )
    assert "11,280.00" in dialog.wage_total.text() and "186,720.00" in dialog.wage_total.text()
    dialog.show()
    qtbot.wait(50)
    screenshot(dialog, "tax_calculator")

    dialog.months.setValue(3)
    assert dialog.wage_model.rowCount() == 3 and dialog.total_tax == D("1035.00")

    dialog.gross.setText("2万")
    assert dialog.gross_error.text() == "金额格式不正确"
    assert dialog.results == [] and dialog.wage_model.rowCount() == 0 and dialog.total_tax is None
    dialog.gross.setText("20000")
    dialog.insurance.setText("-1")
    assert dialog.insurance_error.text() == "金额不能为负数" and dialog.results == []
    dialog.insurance.setText("3500")
    assert dialog.insurance_error.text() == "" and len(dialog.results) == 3

    dialog.tabs.setCurrentIndex(1)
    dialog.bonus.setText("36000")  # 36,000 ÷ 12 = 3,000: 3% band
    assert dialog.bonus_result.tax == D("1080.00") and dialog.bonus_values["rate"].text() == "3%"
    dialog.bonus.setText("36001")  # just over: 10% − 210
    assert dialog.bonus_result.tax == D("3390.10") and dialog.bonus_values["quick"].text() == "210.00"
    assert "单独计税" in dialog.compare.text() and "并入综合所得" in dialog.compare.text()
    dialog.bonus.setText("abc")
    assert dialog.bonus_error.text() and dialog.bonus_result is None and dialog.bonus_values["tax"].text() == "—"
    dialog.bonus.setText("36000")
    qtbot.wait(50)
    screenshot(dialog, "tax_calculator_bonus")


def test_calculator_opens_from_the_page(qtbot, company, sessions):
    page = open_page(qtbot, sessions("finance"))
    dialog = page.open_tax_calculator()
    assert dialog.isVisible() and dialog.windowTitle() == "个税计算器"
    dialog.close()


def test_export_file_names_and_export(qtbot, company, sessions, tmp_path, monkeypatch):
    assert default_export_name(date(2026, 3, 1), "sheet") == "2026年03月工资表.xlsx"
    assert default_export_name(date(2026, 3, 1), "bank") == "2026年03月银行代发文件.xlsx"
    hr = company.login("hr")
    month = previous_month(hr)
    runs.calculate_month(hr, month)
    page = open_page(qtbot, sessions("hr"), month)
    assert page.export_button.isEnabled()
    target = tmp_path / "工资表"
    offered = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: offered.append(a[2]) or (str(target), "Excel 工作簿 (*.xlsx)")
    )
    with qtbot.waitSignal(page.exported, timeout=20000):
        page.export_actions["sheet"].trigger()
    assert offered[0].endswith(default_export_name(month, "sheet"))
    assert (tmp_path / "工资表.xlsx").exists() and "已导出" in page.notice.text()


def test_model_stays_fast_for_ten_thousand_employees(qapp):
    from tests.payroll_samples import bulk_rows

    rows = bulk_rows(10000)
    entries = build_entries(rows)
    model = PayrollModel()
    started = time.perf_counter()
    model.set_entries(entries)
    model.sort(NET, Qt.SortOrder.DescendingOrder)
    model.set_filter(text="e00")
    model.set_filter(text="")
    model.sort(DEPARTMENT, Qt.SortOrder.AscendingOrder)
    count, sums = model.totals()
    elapsed = time.perf_counter() - started
    assert count == 10000 and sums[NET - 4] == sum((r.payslip.net_pay for r in rows), Decimal("0.00"))
    assert model.subtotal_rows() and model.rowCount() == 10000 + len(model.subtotal_rows())
    assert elapsed < 2.0, elapsed
    started = time.perf_counter()
    for row in range(0, model.rowCount(), 7):  # what painting asks for: cached strings only
        for column in range(14):
            model.data(model.index(row, column))
    assert time.perf_counter() - started < 2.0

"""离职补偿计算器 with the art. 40 dismissals, 代通知金 at the previous month's wage and the warning
when the 3× cap cannot be checked; 年休假折算 whose displayed working checks by hand. Driven through
the real widgets; figures worked by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from hrdesk.core.separation.compensation import CompensationCase
from hrdesk.ui.separation.compensation_calculator_dialog import CompensationCalculatorDialog
from hrdesk.ui.separation.leave_calculator_dialog import LeaveCalculatorDialog
from tests.ui.qt_helpers import replace_text, screenshot, type_text


def choose(dialog, case: CompensationCase) -> None:
    dialog.reason.setCurrentIndex(dialog.reason.findData(case))


def test_article_40_dismissal_with_notice_pay(qtbot, company):
    dialog = CompensationCalculatorDialog(company.login("hr"), hire_date=date(2022, 1, 1), last_day=date(2025, 3, 31))
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.wage, "9000")
    # no city, no local average: computed uncapped, and it says the cap was not checked
    assert dialog.result.warnings and dialog.warnings.isVisible()
    assert "无法核对三倍封顶" in dialog.warnings.text()

    labels = [dialog.reason.itemText(i) for i in range(dialog.reason.count())]
    assert {"医疗期满不能从事原工作", "不能胜任工作", "客观情况发生重大变化", "经济性裁员"} <= set(labels)
    choose(dialog, CompensationCase.INCOMPETENCE)
    # 3 years 3 months: N = 3.5 × 9,000 = 31,500
    assert dialog.result.case is CompensationCase.INCOMPETENCE and dialog.result.compensation == D("31500.00")
    assert "未提前三十日书面通知" in dialog.notice_pay.text() and dialog.notice_pay.isEnabled()
    assert not dialog.previous_wage.isEnabled()
    assert "第四十条第二项" in dialog.basis.toPlainText()

    dialog.notice_pay.setChecked(True)
    assert dialog.previous_wage.isEnabled()
    # without the previous month's wage: the average, and a warning naming 实施条例第二十条
    assert dialog.result.notice_pay == D("9000.00") and "实施条例第二十条" in dialog.warnings.text()
    type_text(qtbot, dialog.previous_wage, "9600")
    assert dialog.result.notice_pay == D("9600.00") and dialog.result.total == D("41100.00")
    assert dialog.values["notice"].text() == "9,600.00" and dialog.values["total"].text() == "41,100.00 元"
    assert "实施条例第二十条" not in dialog.warnings.text()

    # the city's average fills in: the cap is checked (not reached), no warning left
    dialog.city.setCurrentIndex(dialog.city.findData("上海"))
    assert dialog.result.wage_cap == D(dialog.local_average.text()) * 3 and not dialog.result.capped
    assert dialog.result.warnings == () and not dialog.warnings.isVisible()
    qtbot.wait(100)  # let layouts settle before the picture
    screenshot(dialog, "compensation_calculator_article_40")

    # a bad previous month's wage is named beside its field
    replace_text(qtbot, dialog.previous_wage, "12.345")
    assert dialog.result is None and "两位小数" in dialog.errors["previous_wage"].text()
    replace_text(qtbot, dialog.previous_wage, "9600")

    # elsewhere the extra month is an agreed one; where nothing is owed it cannot be ticked
    choose(dialog, CompensationCase.MUTUAL)
    assert "双方约定" in dialog.notice_pay.text() and "双方约定" in dialog.values["notice"].text()
    choose(dialog, CompensationCase.RESIGNATION)
    assert not dialog.notice_pay.isEnabled() and not dialog.notice_pay.isChecked()
    assert dialog.result.total == D("0.00") and not dialog.warnings.isVisible()


def test_refused_renewal_applies_to_an_expiry(qtbot, company):
    dialog = CompensationCalculatorDialog(company.login("hr"), hire_date=date(2023, 1, 1), last_day=date(2024, 12, 31))
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.wage, "10000")
    assert not dialog.refused_renewal.isEnabled()
    choose(dialog, CompensationCase.EXPIRY)
    assert dialog.refused_renewal.isEnabled() and dialog.result.total == D("20000.00")
    dialog.refused_renewal.setChecked(True)
    assert dialog.result.total == D("0.00")


def test_capped_n_is_shown_as_used(qtbot, company):
    dialog = CompensationCalculatorDialog(company.login("hr"), hire_date=date(2012, 4, 1), last_day=date(2026, 3, 31))
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.wage, "50000")
    dialog.city.setCurrentIndex(dialog.city.findData("上海"))
    assert dialog.local_average.text() == "12434.00"  # 上海 2024年度, in force for a 2026 separation
    # 14 years above 3 × 12,434: 37,302 × 12 = 447,624
    assert dialog.values["months"].text().startswith("12（") and "14" in dialog.values["months"].text()
    assert "37,302.00 × 12 = 447,624.00" in dialog.summary.text()


def test_leave_calculator_working_checks_by_hand(qtbot, company):
    dialog = LeaveCalculatorDialog(company.login("hr"), last_day=date(2026, 12, 31))
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.working_years, "20")
    type_text(qtbot, dialog.wage, "23500")
    r = dialog.result
    # 15 days untaken; 23,500 ÷ 21.75 × 200% × 15 = 32,413.79 (a rounded 1,080.46 × 30 would be 32,413.80)
    assert r.untaken == 15 and r.statutory_pay == D("32413.79")
    assert dialog.values["daily"].text() == "1,080.4597…（月工资 23,500.00 ÷ 21.75）"
    assert "23,500.00元 ÷ 21.75 × 200% × 15天 = 32,413.79 元" in dialog.summary.text()
    assert "1,080.46" not in dialog.summary.text() + dialog.basis.toPlainText()
    dialog.last_day.setDate(date(2026, 3, 31))
    assert dialog.values["prorated"].text().startswith("3.6986…天")  # 90 ÷ 365 × 15, cut
    qtbot.wait(100)
    screenshot(dialog, "leave_calculator_working")

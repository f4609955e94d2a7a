"""个税计算器's wage tab: the first month, the 6万 option (公告2020年第19号), the 13号 rule, and each
month's own amounts typed into the table, driven through the real widgets; figures worked by hand."""

from __future__ import annotations

from decimal import Decimal as D

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from hrdesk.ui.payroll.tax_calculator_dialog import TaxCalculatorDialog
from tests.ui.qt_helpers import replace_text, screenshot, type_text


def open_dialog(qtbot, company) -> TaxCalculatorDialog:
    dialog = TaxCalculatorDialog(company.login("hr"))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def taxes(dialog):
    return [m.tax_this_month for m in dialog.results]


def edit_cell(qtbot, dialog, row: int, column: int, text: str) -> None:
    """Double-click a cell of the withholding table, type, press Enter (as a user edits it)."""
    view = dialog.wage_table
    index = dialog.wage_model.index(row, column)
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editors = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1, "the cell did not open for editing"
    editor = editors[0]
    assert editor.text() == dialog.wage_model.texts[dialog.wage_model.key(row)][column - 1]  # what was typed before
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits and closes the editor from the event loop
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def test_the_6wan_option(qtbot, company):
    dialog = open_dialog(qtbot, company)
    type_text(qtbot, dialog.gross, "8000")
    replace_text(qtbot, dialog.insurance, "800")
    # without it: 8,000 − 5,000 − 800 = 2,200 × 3% = 66 every month
    assert taxes(dialog) == [D("66.00")] * 12
    dialog.low_income.setChecked(True)
    # 60,000 from January: nothing until 7,200 × 9 = 64,800 → 4,800 × 3% = 144, then 216 a month
    assert taxes(dialog) == [D("0.00")] * 8 + [D("144.00")] + [D("216.00")] * 3
    assert dialog.total_tax == D("792.00")
    assert dialog.wage_model.row(0).cells[4] == "60,000.00"  # 累计减除费用 in January
    assert "公告2020年第19号" in dialog.wage_total.text()


def test_a_later_first_month_and_the_13_rule(qtbot, company):
    dialog = open_dialog(qtbot, company)
    type_text(qtbot, dialog.gross, "15000")
    assert not dialog.no_earlier_income.isEnabled()  # from January it changes nothing
    dialog.first_month.setValue(7)
    assert dialog.months.value() == dialog.months.maximum() == 6  # still to December
    assert [m.month for m in dialog.results] == [7, 8, 9, 10, 11, 12]
    assert taxes(dialog)[0] == D("300.00")  # 15,000 − 5,000 = 10,000 × 3%
    assert dialog.no_earlier_income.isEnabled()
    dialog.no_earlier_income.setChecked(True)
    # 5,000 × 7 = 35,000 in July: nothing taxable until October (60,000 − 50,000), then 300 a month
    assert [m.cumulative_basic for m in dialog.results][:2] == [D("35000"), D("40000")]
    assert taxes(dialog) == [D("0.00")] * 3 + [D("300.00")] * 3
    assert "5,000.00 × 7 = 35,000.00" in dialog.wage_total.text()
    # back to January: the rule no longer applies
    dialog.first_month.setValue(1)
    assert dialog.months.value() == 12 and not dialog.no_earlier_income.isEnabled()
    assert taxes(dialog)[0] == D("300.00")


def test_each_month_s_own_amounts(qtbot, company):
    dialog = open_dialog(qtbot, company)
    type_text(qtbot, dialog.gross, "12000")
    replace_text(qtbot, dialog.insurance, "1200")
    dialog.months.setValue(3)
    dialog.per_month.setChecked(True)
    assert not dialog.gross.isEnabled() and dialog.wage_model.rowCount() == 3
    assert taxes(dialog) == [D("174.00")] * 3  # the fields above are every month's starting values
    edit_cell(qtbot, dialog, 2, 1, "30000")
    # Mar: 54,000 − 15,000 − 3,600 = 35,400 × 3% = 1,062 − 348 = 714
    assert taxes(dialog) == [D("174.00"), D("174.00"), D("714.00")]
    assert dialog.wage_model.row(2).cells[:2] == ("3月", "30,000.00")
    assert "应发 54,000.00" in dialog.wage_total.text()

    # a bad amount: named under the table, its cell marked, nothing computed
    edit_cell(qtbot, dialog, 1, 2, "abc")
    assert dialog.results == [] and dialog.total_tax is None
    assert dialog.cells_error.isVisible() and "2月个人社保公积金：金额格式不正确" in dialog.cells_error.text()
    assert dialog.wage_model.row(1).cells[2] == "abc" and "修正" in dialog.wage_total.text()
    edit_cell(qtbot, dialog, 1, 2, "1200")
    assert not dialog.cells_error.isVisible() and taxes(dialog)[2] == D("714.00")

    # the bonus comparison uses the same months, 60,000 for the year: 54,000 − 3,600 − 60,000 < 0, so
    # the wages alone bear no tax
    dialog.tabs.setCurrentIndex(1)
    type_text(qtbot, dialog.bonus, "36000")
    assert "1月–3月共3个月" in dialog.compare.text()
    assert "单独计税：工资个税 0.00 + 奖金个税 1,080.00 = 1,080.00" in dialog.compare.text()
    # merged: 54,000 − 3,600 + 36,000 − 60,000 = 26,400 × 3% = 792, 288 less than 1,080
    assert "并入综合所得：792.00" in dialog.compare.text() and "少缴 288.00" in dialog.compare.text()
    # the band is chosen by the unrounded ÷ 12: 36,000.01 ÷ 12 = 3,000.0008…, above the 3% edge
    replace_text(qtbot, dialog.bonus, "36000.01")
    assert dialog.bonus_values["monthly"].text() == "3,000.0008…" and dialog.bonus_values["rate"].text() == "10%"
    replace_text(qtbot, dialog.bonus, "36000")
    assert dialog.bonus_values["monthly"].text() == "3,000.00" and dialog.bonus_values["rate"].text() == "3%"
    dialog.tabs.setCurrentIndex(0)
    qtbot.wait(50)
    screenshot(dialog, "tax_calculator_per_month")

    # off again: the fields are what counts
    dialog.per_month.setChecked(False)
    assert dialog.gross.isEnabled() and taxes(dialog) == [D("174.00")] * 3

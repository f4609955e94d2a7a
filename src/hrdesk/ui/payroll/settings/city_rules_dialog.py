"""一个城市的社保公积金缴费规则: the editor of one city's contribution rules, saved as a new version.

One row per item (养老, 医疗, 失业, 工伤, 生育, 住房公积金…): the employee's and the employer's rates
as percentages, the base's floor and cap, a fixed monthly amount some cities add (北京大额医疗互助)
and how the contribution is rounded. A wrong cell is coloured and its row marked, and the message
names the item, because a table of a dozen numbers is hard to search for the one that is wrong.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QComboBox, QHeaderView, QLineEdit, QTableWidgetItem

from hrdesk.core.kernel.errors import HRDeskError
from hrdesk.core.kernel.months import month_end
from hrdesk.core.payroll.inputs import parse_month
from hrdesk.core.payroll.policies import StoredVersion
from hrdesk.core.payroll.rules import policy
from hrdesk.core.payroll.rules.insurance import InsuranceItem, Rounding
from hrdesk.ui.common.form_parts import form_layout, named_button
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import ROW_HEIGHT
from hrdesk.ui.payroll.settings.policy_dialog import CELL_ERROR, NO_BRUSH, PolicyDialog, editable_table, number_item
from hrdesk.ui.payroll.settings.policy_numbers import number_text, parse_number

ITEM, EMPLOYEE_RATE, EMPLOYER_RATE, FLOOR, CAP, FIXED, ROUNDING = range(7)  # the table's columns


class CityRulesDialog(PolicyDialog):
    """一个城市的社保公积金缴费规则: a table of items, saved as a new version."""

    kind = policy.INSURANCE

    def __init__(self, session: AppSession, city: str | None, base: StoredVersion | None, parent=None):
        super().__init__(session, base, parent)
        self.setObjectName("city_rules_dialog")
        self.new_city = city is None
        self.setWindowTitle(
            self.tr("新增城市的社保公积金规则") if self.new_city else self.tr("{0}社保公积金规则 - 新版本").format(city)
        )
        data = base.data if base else {}
        self.city = QLineEdit(city or "")
        self.city.setObjectName("city")
        self.city.setMaxLength(30)
        self.city.setReadOnly(not self.new_city)
        self.city.setPlaceholderText(self.tr("如 南京"))
        self.year_label = QLineEdit()
        self.year_label.setObjectName("year_label")
        self.year_label.setMaxLength(60)
        self.year_label.setPlaceholderText(self.tr("选填，如“2025年度（2025-07 至 2026-06）”"))
        self.effective_to = QLineEdit()  # a new version's year ends later than its base's: not copied
        self.effective_to.setObjectName("effective_to")
        self.effective_to.setMaxLength(7)
        self.effective_to.setPlaceholderText(self.tr("选填：缴费年度的最后一个月，如 2027-06"))
        self.fund_next_month = QCheckBox(self.tr("住房公积金自入职次月起缴"))
        self.fund_next_month.setObjectName("fund_next_month")
        self.fund_next_month.setChecked(bool(data.get("housing_fund_from_next_month")))

        self.table = editable_table(
            "rules_table",
            [
                self.tr("险种"),
                self.tr("个人比例(%)"),
                self.tr("单位比例(%)"),
                self.tr("基数下限(元)"),
                self.tr("基数上限(元)"),
                self.tr("个人固定金额(元)"),
                self.tr("舍入方式"),
            ],
            [110, 90, 90, 100, 100, 110, 120],
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT + 4)
        items = data.get("items") or [{"item": i.value} for i in InsuranceItem if i is not InsuranceItem.MATERNITY]
        for rule in items:
            self.add_row(rule)
        self.add_button = named_button(self.tr("增加险种"), "add_rule", lambda: self.add_row({}))
        self.remove_button = named_button(self.tr("删除险种"), "remove_rule", self.remove_row)

        form = form_layout()
        form.addRow(self.tr("城市 *"), self.city)
        form.addRow("", self.error_labels["key"])
        self.effective_form(form)
        form.addRow(self.tr("执行至"), self.effective_to)
        form.addRow(self.tr("年度说明"), self.year_label)
        form.addRow("", self.fund_next_month)
        table_buttons = self.hint_with_buttons(
            self.tr("比例按百分数填写，如 8 表示 8%。个人固定金额为每月另加的金额（如北京大额医疗互助 3 元）。"),
            self.add_button,
            self.remove_button,
        )
        self.lay_out(form, table_buttons, self.table)
        self.resize(860, 560)

    def add_row(self, rule: dict) -> int:
        r = self.table.rowCount()
        self.table.insertRow(r)
        combo = QComboBox()
        for item in InsuranceItem:
            combo.addItem(item.label, item.value)
        combo.setCurrentIndex(max(0, combo.findData(rule.get("item"))))
        self.table.setCellWidget(r, ITEM, combo)
        rates = {EMPLOYEE_RATE: "employee_rate", EMPLOYER_RATE: "employer_rate"}
        amounts = {FLOOR: "floor", CAP: "cap", FIXED: "employee_fixed"}
        for column, key in rates.items():
            self.table.setItem(r, column, number_item(number_text(rule.get(key), percent=True)))
        for column, key in amounts.items():
            shown = number_text(rule.get(key))
            self.table.setItem(r, column, number_item("" if column == FIXED and shown == "0" else shown))
        rounding = QComboBox()
        for mode in Rounding:
            rounding.addItem(mode.label, mode.value)
        rounding.setCurrentIndex(max(0, rounding.findData(rule.get("rounding") or "fen")))
        self.table.setCellWidget(r, ROUNDING, rounding)
        return r

    def remove_row(self) -> None:
        r = self.table.currentRow()
        if 0 <= r < self.table.rowCount():
            self.table.removeRow(r)

    def row_of(self, item: InsuranceItem) -> int:
        return next(
            r for r in range(self.table.rowCount()) if self.table.cellWidget(r, ITEM).currentData() == item.value
        )

    def set_cell(self, row: int, column: int, text: str) -> None:
        self.table.item(row, column).setText(text)

    def key(self) -> str:
        return self.city.text().strip()

    def collect(self) -> dict | None:
        rules, problems, bad_rows = [], [], set()
        for r in range(self.table.rowCount()):
            label = self.table.cellWidget(r, ITEM).currentText()
            rule = {
                "item": self.table.cellWidget(r, ITEM).currentData(),
                "rounding": self.table.cellWidget(r, ROUNDING).currentData(),
            }
            for column, key, percent, required in (
                (EMPLOYEE_RATE, "employee_rate", True, True),
                (EMPLOYER_RATE, "employer_rate", True, True),
                (FLOOR, "floor", False, True),
                (CAP, "cap", False, True),
                (FIXED, "employee_fixed", False, False),
            ):
                cell = self.table.item(r, column)
                cell.setBackground(NO_BRUSH)
                try:
                    value = parse_number(cell.text(), percent=percent, required=required)
                except ValueError as exc:
                    cell.setBackground(CELL_ERROR)
                    message = self.tr("未填写") if not cell.text().strip() else str(exc)
                    problems.append(self.tr("{0}的{1}{2}").format(label, self._column_name(column), message))
                    bad_rows.add(r)
                    continue
                rule[key] = str(value if value is not None else Decimal(0))
            rules.append(rule)
        effective_to = None
        if self.effective_to.text().strip():
            try:
                effective_to = month_end(parse_month(self.effective_to.text()))
            except HRDeskError:
                problems.append(self.tr("“执行至”应为 YYYY-MM，例如 2026-06"))
        if problems:
            self._mark_rows(bad_rows)
            self.show_errors({"data": "；".join(problems)})
            return None
        self._mark_rows(set())
        extra = {"effective_to": effective_to.isoformat()} if effective_to else {}
        return extra | {
            "items": rules,
            "housing_fund_from_next_month": self.fund_next_month.isChecked(),
            "year_label": self.year_label.text().strip(),
            "source": self.source.text().strip(),
        }

    def _column_name(self, column: int) -> str:
        return self.table.horizontalHeaderItem(column).text().split("(")[0]

    def _mark_rows(self, rows: set[int]) -> None:
        for r in range(self.table.rowCount()):
            header = QTableWidgetItem(("⚠ " if r in rows else "") + str(r + 1))
            if r in rows:
                header.setForeground(QColor("#b3261e"))
            self.table.setVerticalHeaderItem(r, header)

    def show_errors(self, errors: dict[str, str]) -> None:
        super().show_errors(errors)
        message = errors.get("data", "")
        if message:  # the service names the item: mark its row
            self._mark_rows(
                {r for r in range(self.table.rowCount()) if self.table.cellWidget(r, ITEM).currentText() in message}
            )

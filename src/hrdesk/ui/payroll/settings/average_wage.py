"""当地平均工资: each city's average wage of the previous year, per city and versioned.

Severance pay (解除劳动合同补偿金) is tax-free up to three times the local annual average wage, so
the payroll of a month needs the figure in force then for the employee's city. The tab is the
per-city version list of 社保公积金 with other columns and another editor.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QLineEdit

from hrdesk.core.kernel.money import format_money
from hrdesk.core.payroll.policies import StoredVersion
from hrdesk.core.payroll.rules import policy
from hrdesk.ui.common.form_parts import add_field_row, form_layout, hint_label
from hrdesk.ui.common.rows_model import Row
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.payroll.settings.insurance import InsuranceTab
from hrdesk.ui.payroll.settings.policy_dialog import PolicyDialog
from hrdesk.ui.payroll.settings.policy_numbers import parse_number, plain_number


class AverageWageDialog(PolicyDialog):
    kind = policy.LOCAL_AVERAGE_WAGE

    def __init__(self, session: AppSession, city: str | None, base: StoredVersion | None, parent=None):
        super().__init__(session, base, parent)
        self.setObjectName("average_wage_dialog")
        self.setWindowTitle(self.tr("当地上年职工平均工资 - 新版本"))
        data = base.data if base else {}
        self.city = QLineEdit(city or "")
        self.city.setObjectName("city")
        self.city.setReadOnly(city is not None)
        self.year = QLineEdit(str(data.get("year", "")))
        self.year.setObjectName("year")
        self.year.setPlaceholderText(self.tr("统计年度，如 2025"))
        self.monthly = QLineEdit(plain_number(Decimal(str(data["monthly"]))) if data.get("monthly") else "")
        self.monthly.setObjectName("monthly")
        self.annual = QLineEdit(plain_number(Decimal(str(data["annual"]))) if data.get("annual") else "")
        self.annual.setObjectName("annual")
        self.monthly.textEdited.connect(self._fill_annual)
        form = form_layout()
        form.addRow(self.tr("城市 *"), self.city)
        form.addRow("", self.error_labels["key"])
        for label, widget, key in (
            (self.tr("统计年度 *"), self.year, "year"),
            (self.tr("月平均工资（元）*"), self.monthly, "monthly"),
            (self.tr("年平均工资（元）*"), self.annual, "annual"),
        ):
            add_field_row(form, label, widget, self.error_labels, key)
        self.effective_form(form)
        self.lay_out(hint_label(self.tr("用于解除劳动合同补偿金的免税额（当地上年职工平均工资的3倍）。")), form)
        self.resize(520, self.sizeHint().height())

    def _fill_annual(self, text: str) -> None:
        try:
            monthly = parse_number(text)
        except ValueError:
            return
        self.annual.setText(plain_number(monthly * 12))

    def key(self) -> str:
        return self.city.text().strip()

    def collect(self) -> dict | None:
        errors, data = {}, {}
        year = self.year.text().strip()
        if not (year.isdigit() and 1990 <= int(year) <= 2100):
            errors["year"] = self.tr("请填写四位年份")
        for key, edit in (("monthly", self.monthly), ("annual", self.annual)):
            try:
                data[key] = str(parse_number(edit.text()))
            except ValueError as exc:
                errors[key] = str(exc)
        if errors:
            self.show_errors(errors)
            return None
        return {"year": int(year), **data}


class AverageWageTab(InsuranceTab):
    kind = policy.LOCAL_AVERAGE_WAGE
    _version_right = (2, 3)

    def __init__(self, session: AppSession, parent=None):
        super().__init__(session, parent)
        self.setObjectName("average_wage_tab")
        self.new_city_button.setText(self.tr("新增城市…"))
        self.detail_view.setVisible(False)

    def _version_headers(self) -> list[str]:
        return [
            self.tr("生效日期"),
            self.tr("统计年度"),
            self.tr("月平均工资"),
            self.tr("年平均工资"),
            self.tr("政策来源"),
            self.tr("保存人"),
            self.tr("备注"),
        ]

    def _version_widths(self) -> list[int]:
        return [90, 70, 100, 100, 300, 90, 200]

    def _version_extra(self, v: StoredVersion) -> tuple:
        return (
            str(v.data.get("year", "")),
            format_money(Decimal(str(v.data.get("monthly", 0)))),
            format_money(Decimal(str(v.data.get("annual", 0)))),
        )

    def _detail_rows(self, v: StoredVersion) -> list[Row]:
        return []

    def _detail_text(self, v: StoredVersion) -> str:
        annual = Decimal(str(v.data.get("annual", 0)))
        return self.tr("解除劳动合同补偿金免税额：{0} × 3 = {1} 元").format(
            format_money(annual), format_money(annual * 3)
        )

    def _dialog(self, city, base) -> PolicyDialog:
        return AverageWageDialog(self.session, city, base, self)

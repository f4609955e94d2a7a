"""减除费用与扣除标准: 基本减除费用 (5000 a month), the 6万 option's annual amount and the monthly
standards or caps of the special additional deductions (子女教育, 赡养老人, 住房租金…).

The payroll deducts these, and 专项附加扣除 refuses declarations above a cap, so they are a
versioned policy table like the tax tables and shown by the same kind of tab.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QLineEdit

from hrdesk.core.kernel.money import format_money
from hrdesk.core.payroll.declarations import MONTHLY_ADDITIONAL_CODES, additional_label
from hrdesk.core.payroll.policies import StoredVersion
from hrdesk.core.payroll.rules import policy
from hrdesk.ui.common.form_parts import add_field_row, form_layout, hint_label, rows_table
from hrdesk.ui.common.rows_model import Row
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.payroll.settings.policy_dialog import PolicyDialog
from hrdesk.ui.payroll.settings.policy_numbers import number_text, parse_number
from hrdesk.ui.payroll.settings.tax_tables import TaxTablesTab


class DeductionsStandardDialog(PolicyDialog):
    """The standards as a form of amounts; limits the form does not show are kept from the base."""

    kind = policy.IIT_DEDUCTIONS

    def __init__(self, session: AppSession, base: StoredVersion | None, parent=None):
        super().__init__(session, base, parent)
        self.setObjectName("deductions_standard_dialog")
        self.setWindowTitle(self.tr("减除费用与专项附加扣除标准 - 新版本"))
        data = base.data if base else {}
        limits = data.get("limits") or {}
        self.fields: dict[str, QLineEdit] = {}
        form = form_layout()
        rows = [
            ("basic_monthly", self.tr("基本减除费用（元/月）"), data.get("basic_monthly")),
            ("low_income_annual", self.tr("上年工资不超过6万元者全年减除（元）"), data.get("low_income_annual")),
        ]
        rows += [
            (f"limit:{code}", self.tr("{0}（元/月）").format(additional_label(code)), limits.get(code))
            for code in MONTHLY_ADDITIONAL_CODES
        ]
        for key, label, value in rows:
            edit = QLineEdit(number_text(value))
            edit.setObjectName(key.replace(":", "_"))
            self.fields[key] = edit
            add_field_row(form, label, edit, self.error_labels, key)
        self.effective_form(form)
        self.lay_out(
            hint_label(
                self.tr(
                    "子女教育、婴幼儿照护为每名子女的标准；赡养老人、住房贷款利息、住房租金为每月上限，"
                    "录入专项附加扣除时超过上限会被拒绝。"
                )
            ),
            form,
        )
        self.resize(560, self.sizeHint().height())

    def collect(self) -> dict | None:
        errors, values = {}, {}
        for key, edit in self.fields.items():
            try:
                values[key] = str(parse_number(edit.text()))
            except ValueError as exc:
                errors[key] = str(exc)
        if errors:
            self.show_errors(errors)
            return None
        earlier_limits = (self.base.data.get("limits") if self.base else None) or {}
        return self.data_from_base(
            basic_monthly=values["basic_monthly"],
            low_income_annual=values["low_income_annual"],
            limits={
                **earlier_limits,
                **{key.split(":")[1]: value for key, value in values.items() if key.startswith("limit:")},
            },
        )


class DeductionsStandardTab(TaxTablesTab):
    """The tax tables' version list over the one table of deduction standards (no table picker)."""

    def __init__(self, session: AppSession, parent=None):
        super().__init__(session, parent)
        self.setObjectName("deductions_standard_tab")

    def _kinds(self) -> tuple[str, ...]:
        return (policy.IIT_DEDUCTIONS,)

    def _detail_table(self):
        return rows_table("detail_table", [self.tr("项目"), self.tr("标准")], [300, 160], stretch=1)

    def _detail_rows(self, v: StoredVersion) -> list[Row]:
        data = v.data
        basic, low = Decimal(str(data["basic_monthly"])), Decimal(str(data["low_income_annual"]))
        rows = [
            Row((self.tr("基本减除费用"), self.tr("{0} 元/月").format(format_money(basic)))),
            Row((self.tr("上年工资不超过6万元者全年减除"), self.tr("{0} 元").format(format_money(low)))),
        ]
        for code in MONTHLY_ADDITIONAL_CODES:
            value = (data.get("limits") or {}).get(code)
            if value is not None:
                rows.append(
                    Row((additional_label(code), self.tr("{0} 元/月").format(format_money(Decimal(str(value))))))
                )
        return rows

    def _dialog(self, base: StoredVersion) -> PolicyDialog:
        return DeductionsStandardDialog(self.session, base, self)

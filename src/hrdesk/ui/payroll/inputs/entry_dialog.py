"""添加工资项目: one one-off amount for one employee in the month (本月项目's add dialog).

The employee is found by 工号 or name as one types; a 工号 typed in full is accepted without
picking it from the list. The hint under the item says how its category counts (taxed, deducted
from what), because deductions are entered as positive amounts.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLayout, QLineEdit, QVBoxLayout

from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.core.payroll import inputs
from hrdesk.core.payroll.inputs import ItemType
from hrdesk.core.payroll.rules.items import PayCategory
from hrdesk.core.people import employees
from hrdesk.ui.common.employee_lookup import EmployeeLookup
from hrdesk.ui.common.form_parts import (
    error_label,
    form_layout,
    hint_label,
    save_cancel_buttons,
    show_errors_with_banner,
    shown_errors,
)
from hrdesk.ui.common.messages import show_error
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.payroll.inputs.labels import DEDUCTING, month_text


class EntryDialog(QDialog):
    """添加工资项目: one one-off amount for one employee in the month."""

    saved = Signal(int)

    def __init__(self, session: AppSession, month: date, item_types: list[ItemType], parent=None):
        super().__init__(parent)
        self.session = session
        self.month = month
        self.setObjectName("entry_dialog")
        self.setWindowTitle(self.tr("添加工资项目 - {0}").format(month_text(month)))
        self.types = {t.code: t for t in item_types}
        self.employee = QLineEdit()
        self.employee.setObjectName("employee")
        self.employee.setPlaceholderText(self.tr("输入工号或姓名查找"))
        self.lookup = EmployeeLookup(self.employee, lambda text: employees.search(session.ctx, text), self)
        self.item = QComboBox()
        self.item.setObjectName("item")
        for t in item_types:
            self.item.addItem(self.tr("{0}（{1}）").format(t.name, t.category.label), t.code)
        self.item.currentIndexChanged.connect(lambda *_: self._item_changed())
        self.amount = QLineEdit()
        self.amount.setObjectName("amount")
        self.amount.setPlaceholderText(self.tr("如 1500.00"))
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setMaxLength(200)
        self.note.setPlaceholderText(self.tr("选填，如“一季度绩效”"))
        self.item_hint = hint_label("")
        self.banner = error_label()
        self.error_labels: dict[str, QLabel] = {}
        form = form_layout()
        for key, label, widget in (
            ("employee", self.tr("员工 *"), self.employee),
            ("item", self.tr("工资项目 *"), self.item),
            ("amount", self.tr("金额（元）*"), self.amount),
            ("note", self.tr("备注"), self.note),
        ):
            form.addRow(label, widget)
            if key == "item":
                form.addRow("", self.item_hint)
            self.error_labels[key] = error_label()
            form.addRow("", self.error_labels[key])
        self.buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._item_changed()
        self.resize(480, self.sizeHint().height())

    def _item_changed(self) -> None:
        t = self.types.get(self.item.currentData())
        if t is None:
            self.item_hint.setText("")
        elif t.category in DEDUCTING:
            self.item_hint.setText(
                self.tr("扣款项目：金额填正数，从{0}中扣除。").format(
                    self.tr("应税收入") if t.category is PayCategory.PRE_TAX_DEDUCTION else self.tr("税后实发工资")
                )
            )
        elif t.category is PayCategory.REIMBURSEMENT:
            self.item_hint.setText(self.tr("报销随工资发放，不计入收入、不计税。"))
        elif t.category is PayCategory.ANNUAL_BONUS:
            self.item_hint.setText(self.tr("全年一次性奖金：员工选择单独计税的，按月度税率表单独计算。"))
        elif t.category is PayCategory.SEVERANCE:
            self.item_hint.setText(self.tr("解除劳动合同补偿金：当地上年平均工资3倍以内免税，超过部分单独计税。"))
        else:
            self.item_hint.setText(
                self.tr("计入应发工资，{0}。").format(self.tr("计税") if t.taxable else self.tr("不计税"))
            )

    def select_employee(self, employee_id: int, label: str) -> None:
        self.lookup.set_selected(employee_id, label)

    def employee_id(self) -> int | None:
        """The chosen employee; a 工号 typed in full counts too."""
        if not self.lookup.text_is_unresolved():
            return self.lookup.selected_id
        text = self.employee.text().strip()
        try:
            return employees.id_by_emp_no(self.session.ctx, text)
        except HRDeskError:
            return None

    def save(self) -> bool:
        errors = {}
        employee_id = self.employee_id()
        if employee_id is None:
            errors["employee"] = self.tr("请输入工号，或输入姓名后从下拉列表中选择员工")
        if self.item.currentData() is None:
            errors["item"] = self.tr("请选择工资项目")
        if errors:
            self._show(errors)
            return False
        try:
            entry_id = inputs.add_entry(
                self.session.ctx, self.month, employee_id, self.item.currentData(), self.amount.text(), self.note.text()
            )
        except ValidationError as exc:
            self._show(exc.errors)
            return False
        except HRDeskError as exc:
            show_error(self, exc)
            return False
        self.saved.emit(entry_id)
        self.accept()
        return True

    def _show(self, errors: dict[str, str]) -> None:
        show_errors_with_banner(self.error_labels, self.banner, errors)

    def current_errors(self) -> dict[str, str]:
        return shown_errors(self.error_labels)

"""固定津贴: one employee's fixed monthly allowances, shown for the month and set from a month on.

Setting an item again ends the earlier setting the month before the new one starts, so the history
stays and past months keep what was paid. Only earning items can be allowances; the ones marked
可设为每月固定津贴 come first in the list.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
)

from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.core.kernel.money import format_money
from hrdesk.core.payroll import inputs
from hrdesk.core.payroll.inputs import ItemType
from hrdesk.core.payroll.rules.items import PayCategory
from hrdesk.core.people import employees
from hrdesk.ui.common.employee_lookup import EmployeeLookup
from hrdesk.ui.common.form_parts import error_label, hint_label, named_button
from hrdesk.ui.common.messages import show_error, show_field_errors
from hrdesk.ui.common.month_edit import MonthEdit
from hrdesk.ui.common.rows_model import Row, RowsModel, setup_table
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import ERROR_STYLE, GREEN, GREY, HINT_STYLE, NOTICE_STYLE
from hrdesk.ui.payroll.inputs.input_tab import InputsPage, InputTab
from hrdesk.ui.payroll.inputs.labels import month_text


class AllowancesTab(InputTab):
    def __init__(self, session: AppSession, page: InputsPage):
        super().__init__(session, page)
        self.setObjectName("allowances_tab")
        self.employee_id: int | None = None
        self.allowances: list[inputs.Allowance] = []
        self.employee = QLineEdit()
        self.employee.setObjectName("allowance_employee")
        self.employee.setPlaceholderText(self.tr("输入工号或姓名查找员工"))
        self.employee.setMinimumWidth(300)
        self.lookup = EmployeeLookup(self.employee, lambda text: employees.search(session.ctx, text), self)
        self.lookup.selection_changed.connect(self.show_employee)

        self.model = RowsModel(
            [self.tr("工资项目"), self.tr("每月金额（元）"), self.tr("起始月份"), self.tr("截止月份"), self.tr("状态")],
            self,
        )
        self.table = QTableView()
        self.table.setObjectName("allowances_table")
        setup_table(self.table, self.model, [160, 120, 100, 100, 120], stretch=4)

        self.item = QComboBox()
        self.item.setObjectName("allowance_item")
        self.item.setMinimumWidth(160)
        self.amount = QLineEdit()
        self.amount.setObjectName("allowance_amount")
        self.amount.setPlaceholderText(self.tr("如 500.00"))
        self.from_month = MonthEdit(date.today().replace(day=1))
        self.from_month.setObjectName("allowance_from")
        self.has_end = QCheckBox(self.tr("截止到"))
        self.has_end.setObjectName("allowance_has_end")
        self.to_month = MonthEdit(date.today().replace(day=1))
        self.to_month.setObjectName("allowance_to")
        self.to_month.setEnabled(False)
        self.has_end.toggled.connect(self.to_month.setEnabled)
        self.save_button = named_button(self.tr("保存"), "save_allowance", self.save)
        self.error_labels = {key: error_label() for key in ("item", "amount", "from_month", "to_month")}

        self.form_box = QGroupBox(self.tr("设置固定津贴"))
        grid = QGridLayout(self.form_box)
        grid.addWidget(QLabel(self.tr("工资项目")), 0, 0)
        grid.addWidget(self.item, 0, 1)
        grid.addWidget(QLabel(self.tr("每月金额（元）")), 0, 2)
        grid.addWidget(self.amount, 0, 3)
        grid.addWidget(QLabel(self.tr("起始月份")), 0, 4)
        grid.addWidget(self.from_month, 0, 5)
        grid.addWidget(self.has_end, 0, 6)
        grid.addWidget(self.to_month, 0, 7)
        grid.addWidget(self.save_button, 0, 8)
        for column, key in ((1, "item"), (3, "amount"), (5, "from_month"), (7, "to_month")):
            grid.addWidget(self.error_labels[key], 1, column - 1, 1, 2)
        grid.addWidget(
            hint_label(
                self.tr(
                    "从起始月份起每月发放。同一项目再次设置时，原来的设置在新起始月份的前一个月结束，历史记录保留。"
                )
            ),
            2,
            0,
            1,
            9,
        )
        grid.setColumnStretch(9, 1)

        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("员工")))
        chooser.addWidget(self.employee)
        self.employee_label = QLabel()
        self.employee_label.setObjectName("allowance_employee_label")
        chooser.addWidget(self.employee_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.form_box)
        layout.addWidget(self.status)

    def set_item_types(self, types: list[ItemType]) -> None:
        current = self.item.currentData()
        self.item.clear()
        earning = [t for t in types if t.category is PayCategory.EARNING]
        for t in sorted(earning, key=lambda t: not t.recurring):
            self.item.addItem(t.name if t.taxable else self.tr("{0}（不计税）").format(t.name), t.code)
        self.item.setCurrentIndex(max(0, self.item.findData(current)))

    def set_period(self, month: date, locked: bool) -> None:
        self.from_month.set_month(month)
        self.to_month.set_month(month)
        super().set_period(month, locked)

    def show_employee(self, employee_id: int | None) -> None:
        self.employee_id = employee_id
        self.reload()

    def select_employee(self, employee_id: int, label: str) -> None:
        self.lookup.set_selected(employee_id, label)
        self.show_employee(employee_id)

    def _shown_key(self):
        return self.month, self.employee_id

    def _prepare_load(self):
        ctx, employee_id = self.session.ctx, self.employee_id
        return lambda: inputs.allowances(ctx, employee_id) if employee_id is not None else []

    def _apply(self, allowances) -> None:
        self.allowances = allowances
        month = self.month
        rows = []
        for a in allowances:
            if a.from_month > month:
                state, color = self.tr("未开始"), GREY
            elif a.to_month is not None and a.to_month < month:
                state, color = self.tr("已结束"), GREY
            else:
                state, color = self.tr("本月发放"), GREEN
            rows.append(
                Row(
                    (
                        a.item_name,
                        format_money(a.amount),
                        a.from_month.strftime("%Y-%m"),
                        a.to_month.strftime("%Y-%m") if a.to_month else self.tr("长期"),
                        state,
                    ),
                    key=a.id,
                    colors={4: color} if color is GREEN else {-1: color},
                    right=(1,),
                )
            )
        self.model.set_rows(rows)
        if self.employee_id is None:
            self.employee_label.setText(self.tr("选择员工后显示和设置其固定津贴。"))
        else:
            total = sum(
                (a.amount for a in allowances if a.from_month <= month and (a.to_month is None or a.to_month >= month)),
                Decimal(0),
            )
            self.employee_label.setText(
                self.tr("{0}固定津贴合计 {1} 元").format(month_text(month), format_money(total))
            )
        self.employee_label.setStyleSheet(HINT_STYLE)

    def _update_buttons(self) -> None:
        editable = self.employee_id is not None and not self.locked and not self._busy
        self.form_box.setEnabled(editable)

    def save(self) -> bool:
        if self.employee_id is None:
            return False
        to_month = self.to_month.month() if self.has_end.isChecked() else None
        try:
            saved = inputs.set_allowance(
                self.session.ctx,
                self.employee_id,
                self.item.currentData() or "",
                self.amount.text(),
                self.from_month.month(),
                to_month,
            )
        except ValidationError as exc:
            leftovers = show_field_errors(self.error_labels, exc.errors)
            if leftovers:
                self._say(ERROR_STYLE, "；".join(leftovers))
            return False
        except HRDeskError as exc:
            show_error(self, exc)
            return False
        show_field_errors(self.error_labels, {})
        self.amount.clear()
        self._say(
            NOTICE_STYLE,
            self.tr("已保存：{0}自 {1} 起每月 {2} 元。").format(
                saved.item_name, saved.from_month.strftime("%Y-%m"), format_money(saved.amount)
            ),
        )
        self.reload()
        return True

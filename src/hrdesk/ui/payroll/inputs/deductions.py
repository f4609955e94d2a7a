"""专项附加扣除: the monthly special additional deductions in force for the month, edited or imported.

A declaration applies from its month until the year's next one, so the tab shows, for each
employee, the latest declaration of the year up to the month; saving one from a later month leaves
the earlier months as they were. The limits come from the 减除费用与扣除标准 in force for the month.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QLayout, QLineEdit, QVBoxLayout

from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.core.kernel.money import format_money
from hrdesk.core.payroll import declarations, imports
from hrdesk.core.payroll.declarations import ADDITIONAL_CODES, MONTHLY_ADDITIONAL_CODES, Declaration, additional_label
from hrdesk.core.payroll.inputs import Person
from hrdesk.ui.common.form_parts import (
    add_field_row,
    error_label,
    form_layout,
    hint_label,
    named_button,
    save_cancel_buttons,
    show_errors_with_banner,
)
from hrdesk.ui.common.messages import show_error
from hrdesk.ui.common.rows_model import Row
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import GREY, NOTICE_STYLE
from hrdesk.ui.payroll.inputs.filtered_table import FilteredTable
from hrdesk.ui.payroll.inputs.input_tab import InputsPage, InputTab
from hrdesk.ui.payroll.inputs.labels import money_or_blank, month_text, tr


class DeductionsTab(InputTab):
    import_kind = imports.DEDUCTIONS

    def __init__(self, session: AppSession, page: InputsPage):
        super().__init__(session, page)
        self.setObjectName("deductions_tab")
        self.rows: dict[int, tuple[Person, Declaration | None]] = {}
        self.limits: dict[str, Decimal] = {}
        headers = (
            [self.tr("工号"), self.tr("姓名"), self.tr("部门")]
            + [additional_label(c) for c in MONTHLY_ADDITIONAL_CODES]
            + [self.tr("每月合计"), self.tr("申报起始")]
        )
        self.table = FilteredTable(
            "deductions_table", headers, [90, 80, 120, 80, 130, 80, 80, 100, 80, 90, 90], stretch=2
        )
        self.table.view.doubleClicked.connect(lambda index: self.open_editor(self.table.key_at(index)))
        self.table.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.edit_button = named_button(self.tr("编辑…"), "edit_declaration", lambda: self.open_editor())
        toolbar = self._toolbar(self.table, "deductions", self.edit_button)
        layout = QVBoxLayout(self)
        self.intro = hint_label("")
        layout.addWidget(self.intro)
        layout.addLayout(toolbar)
        layout.addWidget(self.table.view, 1)
        layout.addWidget(self.status)

    def _prepare_load(self):
        ctx, month = self.session.ctx, self.month
        return lambda: (declarations.declarations(ctx, month), declarations.deduction_limits(ctx, month))

    def _apply(self, data) -> None:
        listed, self.limits = data
        self.rows = {p.id: (p, d) for p, d in listed}
        rows = []
        for person, d in listed:
            amounts = [money_or_blank(d.amounts.get(c)) if d else "" for c in MONTHLY_ADDITIONAL_CODES]
            rows.append(
                Row(
                    (
                        person.emp_no,
                        person.name,
                        person.department,
                        *amounts,
                        format_money(d.monthly_total) if d else "",
                        d.month.strftime("%Y-%m") if d else "",
                    ),
                    key=person.id,
                    right=tuple(range(3, 10)),
                    colors={-1: GREY} if person.separated else {},
                )
            )
        self.table.set_rows_keeping_selection(rows)
        declared = sum(1 for _, d in listed if d is not None and d.monthly_total)
        self.intro.setText(
            self.tr(
                "{0}适用的每月专项附加扣除（本年度最近一次申报）。{1} 名员工中 {2} 名有扣除。"
                "双击一行修改；修改从本月起生效，直到本年度的下一次申报。"
            ).format(month_text(self.month), len(listed), declared)
        )

    def _update_buttons(self) -> None:
        editable = self.month is not None and not self.locked and not self._busy
        self.edit_button.setEnabled(editable and self.table.current_key() is not None)
        self.import_button.setEnabled(editable)

    def open_editor(self, employee_id: int | None = None) -> DeclarationDialog | None:
        employee_id = employee_id if employee_id is not None else self.table.current_key()
        if employee_id is None or employee_id not in self.rows or self.locked:
            return None
        person, declaration = self.rows[employee_id]
        dialog = DeclarationDialog(self.session, person, self.month, declaration, self.limits, self)
        dialog.saved.connect(
            lambda: (self._say(NOTICE_STYLE, self.tr("已保存 {0} 的专项附加扣除。").format(person.name)), self.reload())
        )
        dialog.open()
        return dialog

    def import_file(self, path: str) -> None:
        ctx, month = self.session.ctx, self.month
        self._run_import(path, lambda: imports.import_special_deductions(ctx, month, path))


def limit_hint(code: str, limits: dict[str, Decimal]) -> str:
    limit = limits.get(code)
    if code == "serious_illness":
        return tr("年度汇算时扣除，每月预扣不用")
    if limit is None:
        return ""
    if code == "child_education":
        return tr("每名子女每月 {0}").format(format_money(limit))
    if code == "infant_care":
        return tr("每名婴幼儿每月 {0}").format(format_money(limit))
    return tr("每月最多 {0}").format(format_money(limit))


class DeclarationDialog(QDialog):
    """One employee's monthly special additional deductions from the month on."""

    saved = Signal()

    def __init__(
        self,
        session: AppSession,
        person: Person,
        month: date,
        declaration: Declaration | None,
        limits: dict[str, Decimal],
        parent=None,
    ):
        super().__init__(parent)
        self.session = session
        self.person = person
        self.month = month
        self.limits = limits
        self.setObjectName("declaration_dialog")
        self.setWindowTitle(self.tr("专项附加扣除 - {0} {1}").format(person.emp_no, person.name))
        if declaration is None:
            note = self.tr("自{0}起每月扣除，直到本年度的下一次申报。没有的项目留空。").format(month_text(month))
        elif declaration.month == month:
            note = self.tr("修改{0}起的申报。没有的项目留空。").format(month_text(month))
        else:
            note = self.tr("现在适用的是{0}起的申报；保存后自{1}起按新金额扣除，之前的月份不变。").format(
                month_text(declaration.month), month_text(month)
            )
        self.fields: dict[str, QLineEdit] = {}
        self.error_labels: dict[str, QLabel] = {}
        form = form_layout()
        for code in ADDITIONAL_CODES:
            edit = QLineEdit()
            edit.setObjectName(code)
            edit.setPlaceholderText(limit_hint(code, limits))
            value = declaration.amounts.get(code) if declaration else None
            edit.setText(str(value) if value else "")
            unit = self.tr("（元，年度汇算）") if code == "serious_illness" else self.tr("（元/月）")
            add_field_row(form, additional_label(code) + unit, edit, self.error_labels, code)
            self.fields[code] = edit
        self.banner = error_label()
        self.buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(hint_label(note))
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())

    def save(self) -> bool:
        amounts = {code: edit.text() for code, edit in self.fields.items()}
        try:
            declarations.set_special_deduction(self.session.ctx, self.person.id, self.month, amounts, self.limits)
        except ValidationError as exc:
            show_errors_with_banner(self.error_labels, self.banner, exc.errors)
            return False
        except HRDeskError as exc:
            show_error(self, exc)
            return False
        self.saved.emit()
        self.accept()
        return True

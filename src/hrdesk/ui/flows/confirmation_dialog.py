"""Start a 转正 (forms/confirmation_dialog.ui): an employee in probation, the confirmation date and
the evaluation. Proposed by the manager or HR; lifecycle.start_confirmation decides who may."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from hrdesk.core.flows import lifecycle
from hrdesk.core.kernel.errors import HRDeskError
from hrdesk.core.people import employees
from hrdesk.core.people.employee_rules import EmployeeStatus
from hrdesk.core.people.employees import EmployeeDetail
from hrdesk.ui.common import messages
from hrdesk.ui.common.employee_lookup import EmployeeLookup
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import HINT_STYLE
from hrdesk.ui.flows.start_flow_support import StartFlowErrors, employee_info, pydate, qdate, start_flow
from hrdesk.ui.forms.ui_confirmation_dialog import Ui_ConfirmationDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConfirmationDialog", text)


def probation_search(ctx):
    """Search for the picker: only employees still in probation."""

    def search(text: str):
        return [b for b in employees.search(ctx, text, limit=50) if b.status is EmployeeStatus.PROBATION][:20]

    return search


class ConfirmationDialog(QDialog):
    started = Signal(int)  # flow id, after the service accepted

    def __init__(self, session: AppSession, employee_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.form = Ui_ConfirmationDialog()
        self.form.setupUi(self)
        f = self.form
        self.errors = StartFlowErrors(f, self.tr("请按红字提示修改后再提交。"))
        self.employee: EmployeeDetail | None = None
        f.grid.setColumnStretch(1, 1)
        f.grid.setColumnMinimumWidth(0, 90)
        f.employee_info.setStyleSheet(HINT_STYLE)
        f.employee.setPlaceholderText(self.tr("输入工号或姓名，从试用期员工中选择"))
        f.confirmation_date.setDate(qdate(session.ctx.clock.today()))
        self.lookup = EmployeeLookup(f.employee, probation_search(session.ctx), self)
        self.lookup.selection_changed.connect(self._employee_chosen)
        f.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("提交审批"))
        f.buttons.accepted.connect(self.submit)
        f.buttons.rejected.connect(self.reject)
        if employee_id is not None:
            detail = employees.get(session.ctx, employee_id)
            self.lookup.set_selected(detail.id, f"{detail.emp_no} {detail.name}（{detail.department_name}）")
            self._employee_chosen(detail.id)
        self.resize(620, self.sizeHint().height())

    def _employee_chosen(self, employee_id) -> None:
        f = self.form
        self.employee = None
        if employee_id is not None:
            try:
                self.employee = employees.get(self.session.ctx, employee_id)
            except HRDeskError as exc:
                messages.show_error(self, exc)
        if self.employee is None:
            f.employee_info.setText("")
            return
        self.errors.show({})
        f.employee_info.setText(employee_info(self.employee))
        end = self.employee.probation_end_date
        if end is not None:
            f.confirmation_date.setDate(qdate(end + timedelta(days=1)))  # the day after probation ends

    def submit(self) -> bool:
        f = self.form
        if self.lookup.text_is_unresolved() or self.employee is None:
            self.errors.show({"employee": self.tr("请输入工号或姓名，并从下拉列表中选择试用期员工")})
            return False
        return start_flow(
            self,
            self.errors,
            lambda: lifecycle.start_confirmation(
                self.session.ctx, self.employee.id, pydate(f.confirmation_date), f.evaluation.toPlainText()
            ),
        )

    def current_errors(self) -> dict[str, str]:
        return self.errors.current()

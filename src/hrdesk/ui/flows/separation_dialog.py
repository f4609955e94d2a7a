"""Start a separation (forms/separation_dialog.ui): an employee resigning, or HR for a chosen employee.

The notice-period check of the Labor Contract Law (domain ``notice_shortfall``) runs live while the
dates change, so the warning is visible before submitting; the service makes the same check and
refuses a short notice without a written comment, and that message is shown under the comment.
For an art. 40 dismissal a notice under 30 days is no error: the same box says that 代通知金 is then
owed in the 离职结算 (``article_40_notice_short``), without making the comment required.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from hrdesk.core.flows import separations
from hrdesk.core.flows.separation_rules import (
    NOTICE_DAYS,
    SeparationReason,
    article_40_notice_short,
    notice_shortfall,
)
from hrdesk.core.kernel.errors import HRDeskError
from hrdesk.core.people import employees
from hrdesk.core.people.employee_rules import EmployeeStatus
from hrdesk.core.people.employees import EmployeeDetail
from hrdesk.ui.common import messages
from hrdesk.ui.common.employee_lookup import EmployeeLookup
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import HINT_STYLE
from hrdesk.ui.flows.start_flow_support import StartFlowErrors, employee_info, pydate, qdate, start_flow
from hrdesk.ui.forms.ui_separation_dialog import Ui_SeparationDialog

WARNING_STYLE = (
    "QLabel { background: #fce8e6; color: #b3261e; border: 1px solid #f4b5ae; border-radius: 4px; padding: 6px 10px; }"
)
NOTE_STYLE = (
    "QLabel { background: #fef7e0; color: #7a4f01; border: 1px solid #f9dc8c; border-radius: 4px; padding: 6px 10px; }"
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("SeparationDialog", text)


class SeparationDialog(QDialog):
    started = Signal(int)  # flow id, after the service accepted

    def __init__(self, session: AppSession, for_self: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.for_self = for_self
        self.form = Ui_SeparationDialog()
        self.form.setupUi(self)
        f = self.form
        self.errors = StartFlowErrors(f, self.tr("请按红字提示修改后再提交。"))
        f.grid.setColumnStretch(1, 1)
        f.grid.setColumnMinimumWidth(0, 90)
        f.intro.setStyleSheet(HINT_STYLE)
        f.employee_info.setStyleSheet(HINT_STYLE)
        f.notice_warning.setStyleSheet(WARNING_STYLE)
        self.employee: EmployeeDetail | None = None
        today = session.ctx.clock.today()
        f.notice_date.setDate(qdate(today))
        f.last_working_day.setDate(qdate(today + timedelta(days=NOTICE_DAYS)))
        reasons = [SeparationReason.RESIGNATION] if for_self else list(SeparationReason)
        for reason in reasons:
            f.reason.addItem(reason.label, reason.value)
        submit = f.buttons.button(QDialogButtonBox.StandardButton.Ok)
        submit.setText(self.tr("提交申请") if for_self else self.tr("发起离职"))
        f.buttons.accepted.connect(self.submit)
        f.buttons.rejected.connect(self.reject)
        if for_self:
            self.setWindowTitle(self.tr("申请离职"))
            f.intro.setText(
                self.tr(
                    "提交后依次由直属上级、项目负责人（如在项目部）、人事、财务审批，最后由人事办理交接并归档。"
                    "《劳动合同法》规定辞职应提前30天（试用期内提前3天）书面通知。"
                )
            )
            f.employee.setReadOnly(True)
            f.employee.setStyleSheet("QLineEdit { background: #f1f3f4; color: #3c4043; }")
            f.notice_date.setEnabled(False)
            f.notice_date.setToolTip(self.tr("本人提交时，提出日期即今天"))
            self.lookup = None
            if session.actor.employee_id is not None:
                self._employee_chosen(session.actor.employee_id)
        else:
            self.setWindowTitle(self.tr("代员工发起离职"))
            f.intro.setText(
                self.tr(
                    "由人事为员工发起离职（如协商解除、合同到期、第四十条解除、辞退，或员工没有账号时代其提交辞职）。"
                    "记录中会注明由您代办。提出日期填写员工提出或公司通知的日期。"
                )
            )
            self.lookup = EmployeeLookup(f.employee, lambda text: employees.search(session.ctx, text), self)
            self.lookup.selection_changed.connect(self._employee_chosen)
        for signal in (f.reason.currentIndexChanged, f.notice_date.dateChanged, f.last_working_day.dateChanged):
            signal.connect(self.update_warning)
        self.resize(620, 100)
        self.update_warning()
        self._fit_height()

    # --- live behaviour ------------------------------------------------------------------------

    def _employee_chosen(self, employee_id) -> None:
        f = self.form
        self.employee = None
        if employee_id is not None:
            try:
                self.employee = employees.get(self.session.ctx, employee_id)
            except HRDeskError as exc:
                messages.show_error(self, exc)
        if self.employee is not None:
            if self.for_self:
                f.employee.setText(f"{self.employee.emp_no} {self.employee.name}")
            f.employee_info.setText(employee_info(self.employee))
            self.errors.show({})
        else:
            f.employee_info.setText("")
        self.update_warning()

    def select_employee(self, employee_id: int, label: str) -> None:
        """Choose the employee as if picked from the list (HR mode)."""
        if self.lookup is not None:
            self.lookup.set_selected(employee_id, label)
        self._employee_chosen(employee_id)

    def reason(self) -> SeparationReason | None:
        value = self.form.reason.currentData()
        return SeparationReason(value) if value else None

    def warning(self) -> str | None:
        """The notice-period warning for what is entered now (None when the notice is enough)."""
        f = self.form
        reason = self.reason()
        if reason is None:
            return None
        in_probation = self.employee is not None and self.employee.status is EmployeeStatus.PROBATION
        return notice_shortfall(reason, pydate(f.notice_date), pydate(f.last_working_day), in_probation)

    def note(self) -> str | None:
        """For an art. 40 dismissal with less than 30 days' notice: 代通知金 is owed (not an error)."""
        reason = self.reason()
        if reason is None:
            return None
        f = self.form
        return article_40_notice_short(reason, pydate(f.notice_date), pydate(f.last_working_day))

    def update_warning(self, *_) -> None:
        f = self.form
        warning = self.warning()
        note = None if warning else self.note()
        if warning:
            f.notice_warning.setText("⚠ " + warning + self.tr("如确需继续，请在“说明”中写明原因。"))
            f.notice_warning.setStyleSheet(WARNING_STYLE)
        elif note:
            f.notice_warning.setText(note)
            f.notice_warning.setStyleSheet(NOTE_STYLE)
        shown = bool(warning or note)
        if f.notice_warning.isHidden() == shown:
            f.notice_warning.setVisible(shown)
            self._fit_height()
        f.lbl_comment.setText(self.tr("说明 *") if warning else self.tr("说明"))

    def _fit_height(self) -> None:
        """Grow (or shrink back) with the warning, so that nothing is squeezed or clipped."""
        layout = self.layout()
        layout.invalidate()
        layout.activate()
        width = self.width()
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else self.sizeHint().height()
        self.resize(width, max(height, self.minimumSizeHint().height()))

    # --- submitting -------------------------------------------------------------------------------

    def submit(self) -> bool:
        result = self._submit()
        self._fit_height()  # error lines appeared or went away
        return result

    def _submit(self) -> bool:
        f = self.form
        if self.lookup is not None and (self.lookup.text_is_unresolved() or self.lookup.selected_id is None):
            self.errors.show({"employee": self.tr("请输入工号或姓名，并从下拉列表中选择员工")})
            return False
        if self.employee is None:
            self.errors.show({"employee": self.tr("您的账号没有关联员工档案，无法申请离职，请联系人事。")})
            return False
        return start_flow(
            self,
            self.errors,
            lambda: separations.start(
                self.session.ctx,
                self.employee.id,
                self.reason(),
                pydate(f.last_working_day),
                f.comment.toPlainText(),
                notice_date=pydate(f.notice_date),
            ),
        )

    def current_errors(self) -> dict[str, str]:
        return self.errors.current()

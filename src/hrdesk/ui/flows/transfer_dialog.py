"""Start a 调岗/调薪 (forms/transfer_dialog.ui): the employee, the effective date and the new
department, 项目部, position, manager or base salary, each shown beside the current value.

Only what the user changed is sent (lifecycle.start_transfer); the service validates the whole
proposal and its messages appear under the fields. Salary is shown masked to anyone who may not see
the employee's pay.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from hrdesk.core.flows import lifecycle
from hrdesk.core.kernel.errors import HRDeskError
from hrdesk.core.org import departments, positions
from hrdesk.core.org.tree import DepartmentKind
from hrdesk.core.people import employees
from hrdesk.core.people.employees import EmployeeDetail
from hrdesk.ui.common import messages
from hrdesk.ui.common.employee_lookup import EmployeeLookup
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import HINT_STYLE
from hrdesk.ui.flows.start_flow_support import StartFlowErrors, employee_info, pydate, qdate, start_flow
from hrdesk.ui.forms.ui_transfer_dialog import Ui_TransferDialog

COMBO_FIELDS = ("department_id", "project_department_id", "position_id")


def _tr(text: str) -> str:
    return QCoreApplication.translate("TransferDialog", text)


class TransferDialog(QDialog):
    started = Signal(int)  # flow id, after the service accepted

    def __init__(self, session: AppSession, employee_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.form = Ui_TransferDialog()
        self.form.setupUi(self)
        f = self.form
        self.errors = StartFlowErrors(f, self.tr("请按红字提示修改后再提交。"))
        self.employee: EmployeeDetail | None = None
        f.grid.setColumnStretch(1, 1)
        f.grid.setColumnMinimumWidth(0, 90)
        f.changes_layout.setColumnStretch(2, 3)
        f.changes_layout.setColumnStretch(1, 2)
        f.changes_layout.setColumnMinimumWidth(0, 120)
        f.changes_layout.setColumnMinimumWidth(1, 160)
        for label in (f.head_current, f.head_new):
            label.setStyleSheet("font-weight: bold; color: #5f6368;")
        for name in ("department_id", "project_department_id", "position_id", "manager_id", "base_salary"):
            getattr(f, f"current_{name}").setStyleSheet(HINT_STYLE)
        f.employee_info.setStyleSheet(HINT_STYLE)
        f.effective_date.setDate(qdate(session.ctx.clock.today()))
        self._fill_choices()
        self.lookup = EmployeeLookup(f.employee, lambda text: employees.search(session.ctx, text), self)
        self.lookup.selection_changed.connect(self._employee_chosen)
        self.manager_lookup = EmployeeLookup(f.manager_id, lambda text: employees.search(session.ctx, text), self)
        f.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("提交审批"))
        f.buttons.accepted.connect(self.submit)
        f.buttons.rejected.connect(self.reject)
        f.changes_group.setEnabled(False)
        if employee_id is not None:
            detail = employees.get(session.ctx, employee_id)
            self.lookup.set_selected(detail.id, f"{detail.emp_no} {detail.name}（{detail.department_name}）")
            self._employee_chosen(detail.id)
        self.resize(760, self.sizeHint().height())

    def _fill_choices(self) -> None:
        f = self.form
        f.department_id.addItem(self.tr("（请选择）"), None)
        f.project_department_id.addItem(self.tr("（无）"), None)
        for d in departments.list_departments(self.session.ctx, include_inactive=False):
            f.department_id.addItem(d.path, d.id)
            if d.kind is DepartmentKind.PROJECT:
                f.project_department_id.addItem(d.path, d.id)
        f.position_id.addItem(self.tr("（无）"), None)
        for p in positions.list_positions(self.session.ctx, include_inactive=False):
            f.position_id.addItem(p.name, p.id)

    # --- live behaviour ------------------------------------------------------------------------

    def _employee_chosen(self, employee_id) -> None:
        f = self.form
        self.employee = None
        if employee_id is not None:
            try:
                self.employee = employees.get(self.session.ctx, employee_id)
            except HRDeskError as exc:
                messages.show_error(self, exc)
        e = self.employee
        f.changes_group.setEnabled(e is not None)
        if e is None:
            f.employee_info.setText("")
            for name in ("department_id", "project_department_id", "position_id", "manager_id", "base_salary"):
                getattr(f, f"current_{name}").setText("")
            return
        self.errors.show({})
        f.employee_info.setText(employee_info(e))
        f.current_department_id.setText(self._combo_text(f.department_id, e.department_id, e.department_name))
        f.current_project_department_id.setText(
            self._combo_text(
                f.project_department_id, e.project_department_id, e.project_department_name or self.tr("（无）")
            )
        )
        f.current_position_id.setText(e.position_name or self.tr("（无）"))
        f.current_manager_id.setText(e.manager_name or self.tr("（无）"))
        f.current_base_salary.setText(e.base_salary_text)
        for name in COMBO_FIELDS:
            combo = getattr(f, name)
            value = getattr(e, name)
            index = combo.findData(value)
            if index < 0 and value is not None:  # e.g. an inactive department: keep it choosable as "unchanged"
                combo.addItem(getattr(f, f"current_{name}").text(), value)
                index = combo.count() - 1
            combo.setCurrentIndex(max(index, 0))
        self.manager_lookup.set_selected(e.manager_id, e.manager_name or "")
        f.base_salary.clear()
        f.base_salary.setPlaceholderText(
            self.tr("不调薪请留空") if e.sensitive_visible else self.tr("不调薪请留空（您无权查看当前工资）")
        )

    @staticmethod
    def _combo_text(combo, value, fallback: str) -> str:
        index = combo.findData(value)
        return combo.itemText(index) if index >= 0 and value is not None else fallback

    def changes(self) -> dict:
        """Only what differs from the employee's current record."""
        f, e = self.form, self.employee
        result = {}
        for name in COMBO_FIELDS:
            value = getattr(f, name).currentData()
            if value != getattr(e, name):
                result[name] = value
        if self.manager_lookup.selected_id != e.manager_id:
            result["manager_id"] = self.manager_lookup.selected_id
        if f.base_salary.text().strip():
            result["base_salary"] = f.base_salary.text().strip()
        return result

    # --- submitting -------------------------------------------------------------------------------

    def submit(self) -> bool:
        f = self.form
        if self.lookup.text_is_unresolved() or self.employee is None:
            self.errors.show({"employee": self.tr("请输入工号或姓名，并从下拉列表中选择员工")})
            return False
        if self.manager_lookup.text_is_unresolved():
            self.errors.show({"manager_id": self.tr("请从下拉列表中选择新的直属上级，或清空")})
            return False
        return start_flow(
            self,
            self.errors,
            lambda: lifecycle.start_transfer(
                self.session.ctx, self.employee.id, pydate(f.effective_date), self.changes(), f.reason.toPlainText()
            ),
        )

    def current_errors(self) -> dict[str, str]:
        return self.errors.current()

"""开具在职证明: choose the employee (from the list, never a guess from typed text), an optional
purpose and whether to state the salary; the certificate is issued in the background and handed
back through ``issued`` for the 证明文件 page to preview.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from hrdesk.core.documents import issuing
from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.core.people import employees
from hrdesk.ui.common import messages
from hrdesk.ui.common.employee_lookup import EmployeeLookup
from hrdesk.ui.common.form_parts import error_label, show_errors_with_banner, shown_errors
from hrdesk.ui.common.session import AppSession


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentsPage", text)  # the context it had on the page


class EmploymentCertificateDialog(QDialog):
    issued = Signal(object)  # IssuedDoc

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.setObjectName("employment_certificate_dialog")
        self.setWindowTitle(_tr("开具在职证明"))
        self.session = session
        self.busy = False
        self.employee = QLineEdit()
        self.employee.setObjectName("employee")
        self.employee.setPlaceholderText(_tr("输入工号或姓名选择员工"))
        self.lookup = EmployeeLookup(self.employee, lambda text: employees.search(session.ctx, text), self)
        self.lookup.selection_changed.connect(self._employee_chosen)
        self.purpose = QLineEdit()
        self.purpose.setObjectName("purpose")
        self.purpose.setMaxLength(60)
        self.purpose.setPlaceholderText(_tr("选填，如：办理签证、申请贷款"))
        self.include_salary = QCheckBox(_tr("写明月薪（基本工资）"))
        self.include_salary.setObjectName("include_salary")
        self.include_salary.setToolTip(_tr("只在员工需要时勾选；工资属于个人敏感信息"))
        self.errors = {key: error_label() for key in ("employee", "purpose")}
        for key, label in self.errors.items():
            label.setObjectName(f"{key}_error")
        self.banner = error_label()
        self.banner.setObjectName("banner")

        grid = QGridLayout()
        grid.setVerticalSpacing(2)
        grid.addWidget(QLabel(_tr("员工 *")), 0, 0)
        grid.addWidget(self.employee, 0, 1)
        grid.addWidget(self.errors["employee"], 1, 1)
        grid.addWidget(QLabel(_tr("用途")), 2, 0)
        grid.addWidget(self.purpose, 2, 1)
        grid.addWidget(self.errors["purpose"], 3, 1)
        grid.addWidget(self.include_salary, 4, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(1, 340)

        self.issue_button = QPushButton(_tr("开具并预览"))
        self.issue_button.setObjectName("issue")
        self.issue_button.setDefault(True)
        self.issue_button.clicked.connect(self.submit)
        cancel = QPushButton(_tr("取消"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.issue_button)
        buttons.addWidget(cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.resize(520, 220)

    def select_employee(self, employee_id: int, label: str) -> None:
        self.lookup.set_selected(employee_id, label)
        self._employee_chosen(employee_id)

    def _employee_chosen(self, employee_id) -> None:
        if employee_id is not None:
            self._show_errors({})

    def current_errors(self) -> dict[str, str]:
        errors = shown_errors(self.errors)
        if not self.banner.isHidden() and self.banner.text():
            errors["banner"] = self.banner.text()
        return errors

    def _show_errors(self, errors: dict[str, str]) -> None:
        show_errors_with_banner(self.errors, self.banner, errors)

    def submit(self) -> bool:
        if self.busy:
            return False
        employee_id = self.lookup.selected_id
        if employee_id is None or self.lookup.text_is_unresolved():
            self._show_errors({"employee": _tr("请从下拉列表中选择员工")})
            self.employee.setFocus()
            return False
        self._show_errors({})
        self.busy = True
        self.issue_button.setEnabled(False)
        ctx, purpose, salary = self.session.ctx, self.purpose.text(), self.include_salary.isChecked()

        def done(doc):
            self.busy = False
            self.issue_button.setEnabled(True)
            self.accept()
            self.issued.emit(doc)

        def failed(exc):
            self.busy = False
            self.issue_button.setEnabled(True)
            if isinstance(exc, ValidationError):
                self._show_errors(exc.errors)
            elif isinstance(exc, HRDeskError):
                self._show_errors({"employee": str(exc)})
            else:
                messages.show_error(self, exc)

        self.session.runner.submit(
            lambda: issuing.employment_certificate(ctx, employee_id, purpose=purpose, include_salary=salary),
            done,
            failed,
            owner=self,
        )
        return True

"""开具在职证明: choose the employee (from the list, never a guess from typed text), an optional
purpose and which monthly income to state (none, 基本工资, 固定月薪 or the average 应发 of the last
3/6/12 months); the sentence the certificate will carry is shown before issuing, or why that income
cannot be given. The certificate is issued in the background and handed back through ``issued`` for
the 证明文件 page to preview. Only someone who may see pay is offered an income at all.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from hrdesk.core.documents import certificate_income, issuing
from hrdesk.core.documents.income_choice import IncomeChoice, all_choices, parse_choice
from hrdesk.core.documents.pdf.certificates import income_sentence
from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.core.people import employees
from hrdesk.ui.common import messages
from hrdesk.ui.common.employee_lookup import EmployeeLookup
from hrdesk.ui.common.form_parts import error_label, hint_label, show_errors_with_banner, shown_errors
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
        self.income = QComboBox()
        self.income.setObjectName("income")
        self.can_state_income = certificate_income.can_state_income(session.ctx.actor)
        for choice in all_choices() if self.can_state_income else [IncomeChoice()]:
            self.income.addItem(choice.label, choice.code)
        self.income.setToolTip(
            _tr("只在员工需要时写明；工资属于个人敏感信息")
            if self.can_state_income
            else _tr("写明收入需要查看员工工资的权限")
        )
        self.income.currentIndexChanged.connect(lambda *_: self.refresh_income())
        self.income_text = hint_label("")
        self.income_text.setObjectName("income_text")
        self.income_text.setVisible(False)
        self.errors = {key: error_label() for key in ("employee", "purpose", "income")}
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
        grid.addWidget(QLabel(_tr("收入")), 4, 0)
        grid.addWidget(self.income, 4, 1)
        grid.addWidget(self.income_text, 5, 1)
        grid.addWidget(self.errors["income"], 6, 1)
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
        self.resize(560, 280)

    def select_employee(self, employee_id: int, label: str) -> None:
        self.lookup.set_selected(employee_id, label)
        self._employee_chosen(employee_id)

    def _employee_chosen(self, employee_id) -> None:
        if employee_id is not None:
            self._show_errors({})
        self.refresh_income()

    def income_choice(self) -> IncomeChoice:
        return parse_choice(self.income.currentData())

    def select_income(self, choice: IncomeChoice) -> None:
        self.income.setCurrentIndex(self.income.findData(choice.code))

    def refresh_income(self) -> None:
        """The sentence the chosen income puts on the certificate, or why it cannot (a quick read)."""
        choice, employee_id = self.income_choice(), self.lookup.selected_id
        self.income_text.setVisible(False)
        self.errors["income"].setVisible(False)
        if not choice.states_income or employee_id is None:
            return
        try:
            stated = certificate_income.income_preview(self.session.ctx, employee_id, choice)
        except HRDeskError as exc:
            message = exc.errors.get("income", str(exc)) if isinstance(exc, ValidationError) else str(exc)
            self.errors["income"].setText(message)
            self.errors["income"].setVisible(True)
            return
        if stated is not None:
            self.income_text.setText(_tr("证明中将写明：{0}").format(income_sentence(stated)))
            self.income_text.setVisible(True)

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
        ctx, purpose, income = self.session.ctx, self.purpose.text(), self.income_choice()

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
            lambda: issuing.employment_certificate(ctx, employee_id, purpose=purpose, income=income),
            done,
            failed,
            owner=self,
        )
        return True

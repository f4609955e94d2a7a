"""Sign-in (forms/login_dialog.ui): user name and password; messages from the core shown in place."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from hrdesk.core.accounts import auth
from hrdesk.core.kernel.clock import Clock
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import HRDeskError
from hrdesk.core.kernel.persistence.database import CompanyDatabase
from hrdesk.ui.common.messages import ERROR_STYLE
from hrdesk.ui.forms.ui_login_dialog import Ui_LoginDialog


class LoginDialog(QDialog):
    def __init__(
        self, db: CompanyDatabase, company_name: str, parent: QWidget | None = None, clock: Clock | None = None
    ):
        super().__init__(parent)
        self.db = db
        self.clock = clock
        self.form = Ui_LoginDialog()
        self.form.setupUi(self)
        self.form.company_label.setText(f"<h2>{company_name}</h2>")
        self.form.error_label.setStyleSheet(ERROR_STYLE)
        self.form.buttons.accepted.connect(self.try_login)
        self.form.buttons.rejected.connect(self.reject)
        self.context: ServiceContext | None = None

    def try_login(self) -> None:
        try:
            self.context = auth.login(self.db, self.form.username.text(), self.form.password.text(), self.clock)
        except HRDeskError as exc:
            self.form.error_label.setText(str(exc))
            self.form.error_label.setVisible(True)
            self.form.password.clear()
            self.form.password.setFocus()
            return
        self.accept()

"""An administrator sets a temporary password (forms/reset_password_dialog.ui).

The user must change it at the next sign-in; the reset also lifts a lockout (accounts.reset_password).
"""

from __future__ import annotations

import secrets

from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from hrdesk.core.accounts import users
from hrdesk.core.accounts.users import AccountInfo
from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.ui.common.messages import show_error, show_field_errors
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.forms.ui_reset_password_dialog import Ui_ResetPasswordDialog

# No 0/O, 1/l/I: a temporary password is read out or written on paper.
_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789"


def temporary_password(length: int = 12) -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


class ResetPasswordDialog(QDialog):
    def __init__(self, session: AppSession, account: AccountInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.account = account
        self.form = Ui_ResetPasswordDialog()
        self.form.setupUi(self)
        f = self.form
        self.error_labels = {name[4:]: getattr(f, name) for name in dir(f) if name.startswith("err_")}
        self.setWindowTitle(self.tr("重置密码 - {0}").format(account.username))
        f.intro.setText(
            self.tr(
                "为账号 {0}（{1}）设置临时密码。对方下次登录时必须改为自己的新密码；如果账号被锁定，也会同时解锁。"
            ).format(account.username, account.display_name)
        )
        f.grid.setColumnStretch(1, 1)
        f.generate.clicked.connect(self.generate)
        f.show_password.toggled.connect(self._show_password)
        f.buttons.accepted.connect(self.reset)
        f.buttons.rejected.connect(self.reject)
        self.resize(480, self.sizeHint().height())

    def generate(self) -> None:
        password = temporary_password()
        self.form.password.setText(password)
        self.form.password2.setText(password)
        self.form.show_password.setChecked(True)

    def _show_password(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.form.password.setEchoMode(mode)
        self.form.password2.setEchoMode(mode)

    def reset(self) -> None:
        f = self.form
        if f.password.text() != f.password2.text():
            show_field_errors(self.error_labels, {"password2": self.tr("两次输入的密码不一致")})
            return
        try:
            users.reset_password(self.session.ctx, self.account.id, f.password.text())
        except ValidationError as exc:
            show_field_errors(self.error_labels, exc.errors)
            return
        except HRDeskError as exc:
            show_error(self, exc)
            return
        self.accept()

    def current_errors(self) -> dict[str, str]:
        return {k: label.text() for k, label in self.error_labels.items() if not label.isHidden() and label.text()}

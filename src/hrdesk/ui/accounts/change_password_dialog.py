"""Changing one's own password (forms/change_password_dialog.ui); forced after an admin reset."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from hrdesk.core.accounts import users
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.ui.common.messages import show_error, show_field_errors
from hrdesk.ui.forms.ui_change_password_dialog import Ui_ChangePasswordDialog


class ChangePasswordDialog(QDialog):
    def __init__(self, ctx: ServiceContext, forced: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.form = Ui_ChangePasswordDialog()
        self.form.setupUi(self)
        self.error_labels = {name[4:]: getattr(self.form, name) for name in dir(self.form) if name.startswith("err_")}
        self.form.intro.setText(
            self.tr("管理员重置了您的密码，请设置一个只有您知道的新密码。")
            if forced
            else self.tr("请输入原密码和新密码。")
        )
        self.form.buttons.accepted.connect(self.change)
        self.form.buttons.rejected.connect(self.reject)

    def change(self) -> None:
        f = self.form
        if f.new_password.text() != f.new_password2.text():
            show_field_errors(self.error_labels, {"new_password2": self.tr("两次输入的新密码不一致")})
            return
        try:
            users.change_own_password(self.ctx, f.old_password.text(), f.new_password.text())
        except ValidationError as exc:
            show_field_errors(self.error_labels, exc.errors)
            return
        except HRDeskError as exc:
            show_error(self, exc)
            return
        self.accept()

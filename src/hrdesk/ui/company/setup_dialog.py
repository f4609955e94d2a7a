"""First start on an empty data folder (forms/setup_dialog.ui): create the company and its first
administrator; the core generates the key, stores it and returns the recovery key to show once."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from hrdesk.core.company import setup
from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.core.kernel.persistence.datadir import DataDir
from hrdesk.ui.common.messages import ERROR_STYLE, show_field_errors
from hrdesk.ui.forms.ui_setup_dialog import Ui_SetupDialog


class SetupDialog(QDialog):
    def __init__(self, data_dir: DataDir, parent: QWidget | None = None):
        super().__init__(parent)
        self.data_dir = data_dir
        self.form = Ui_SetupDialog()
        self.form.setupUi(self)
        self.form.error_label.setStyleSheet(ERROR_STYLE)
        for grid in (self.form.company_layout, self.form.admin_layout):
            grid.setColumnMinimumWidth(0, 130)
        self.error_labels = {name[4:]: getattr(self.form, name) for name in dir(self.form) if name.startswith("err_")}
        self.form.buttons.accepted.connect(self.create)
        self.form.buttons.rejected.connect(self.reject)
        self.result_setup: setup.SetupResult | None = None

    def create(self) -> None:
        f = self.form
        if f.admin_password.text() != f.admin_password2.text():
            show_field_errors(self.error_labels, {"admin_password2": self.tr("两次输入的密码不一致")})
            return
        try:
            self.result_setup = setup.setup_company(
                self.data_dir,
                company_name=f.company_name.text(),
                credit_code=f.credit_code.text() or None,
                admin_username=f.admin_username.text(),
                admin_display_name=f.admin_display_name.text(),
                admin_password=f.admin_password.text(),
            )
        except ValidationError as exc:
            show_field_errors(self.error_labels, exc.errors)
            f.error_label.setVisible(False)
            return
        except HRDeskError as exc:
            show_field_errors(self.error_labels, {})
            f.error_label.setText(str(exc))
            f.error_label.setVisible(True)
            return
        self.accept()

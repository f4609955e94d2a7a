"""Opening the company with the recovery key when the credential store has no key
(forms/unlock_dialog.ui). On success the key goes back into the store."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from hrdesk.core.company import setup
from hrdesk.core.kernel.errors import HRDeskError
from hrdesk.core.kernel.persistence.database import CompanyDatabase
from hrdesk.core.kernel.persistence.datadir import DataDir
from hrdesk.ui.common.messages import ERROR_STYLE
from hrdesk.ui.forms.ui_unlock_dialog import Ui_UnlockDialog


class UnlockDialog(QDialog):
    def __init__(self, data_dir: DataDir, reason: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.data_dir = data_dir
        self.form = Ui_UnlockDialog()
        self.form.setupUi(self)
        self.form.explanation.setText(reason + "\n\n" + self.tr("请输入创建公司时保存的恢复密钥："))
        self.form.error_label.setStyleSheet(ERROR_STYLE)
        self.form.buttons.accepted.connect(self.unlock)
        self.form.buttons.rejected.connect(self.reject)
        self.db: CompanyDatabase | None = None
        self.key_stored = False

    def unlock(self) -> None:
        try:
            self.db, self.key_stored = setup.open_with_recovery_key(
                self.data_dir, self.form.recovery_key.text(), self.form.audit_key.text()
            )
        except HRDeskError as exc:
            self.form.error_label.setText(str(exc))
            self.form.error_label.setVisible(True)
            return
        self.accept()

"""Shows the recovery key once after setup (forms/recovery_key_dialog.ui), with copy, save and
print, and will not close until the user confirms they have kept it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from hrdesk.ui.forms.ui_recovery_key_dialog import Ui_RecoveryKeyDialog


class RecoveryKeyDialog(QDialog):
    def __init__(self, recovery_key: str, company_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.recovery_key = recovery_key
        self.company_name = company_name
        self.form = Ui_RecoveryKeyDialog()
        self.form.setupUi(self)
        groups = recovery_key.split("-")
        half = (len(groups) + 1) // 2
        self.form.key_text.setPlainText("-".join(groups[:half]) + "-\n" + "-".join(groups[half:]))
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(font.pointSize() + 4)
        self.form.key_text.setFont(font)
        self.form.key_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.form.key_text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form.key_text.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.ok_button = self.form.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.form.confirm.toggled.connect(self.ok_button.setEnabled)
        self.form.buttons.accepted.connect(self.accept)
        self.form.copy_button.clicked.connect(self.copy)
        self.form.save_button.clicked.connect(self.save_to_file)
        self.form.print_button.clicked.connect(self.print_key)

    def reject(self) -> None:  # Esc or the close button: only once confirmed
        if self.form.confirm.isChecked():
            super().reject()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.recovery_key)

    def text_for_file(self) -> str:
        return self.tr("HRDesk 恢复密钥\n公司：{0}\n\n{1}\n\n请妥善保管。凭此密钥可以打开公司数据。\n").format(
            self.company_name, self.recovery_key
        )

    def save_to_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存恢复密钥"), self.tr("HRDesk恢复密钥.txt"), self.tr("文本文件 (*.txt)")
        )
        if not path:
            return
        try:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(self.text_for_file())
        except OSError as exc:
            QMessageBox.warning(self, self.tr("保存失败"), str(exc))

    def print_key(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        document.setPlainText(self.text_for_file())
        document.print_(printer)

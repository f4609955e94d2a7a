"""Shows the recovery sheet once after setup (forms/recovery_key_dialog.ui): the recovery key and
the audit key, with copy, save and print; it will not close until the user confirms they kept it."""

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
    def __init__(self, recovery_key: str, audit_key: str, company_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.recovery_key = recovery_key
        self.audit_key = audit_key
        self.company_name = company_name
        self.form = Ui_RecoveryKeyDialog()
        self.form.setupUi(self)
        sheet = [self.tr("恢复密钥："), _two_lines(recovery_key), self.tr("审计密钥："), _two_lines(audit_key)]
        self.form.key_text.setPlainText("\n".join(sheet))
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
        QGuiApplication.clipboard().setText(self.text_for_file())

    def text_for_file(self) -> str:
        return self.tr(
            "HRDesk 恢复单\n公司：{0}\n\n恢复密钥：{1}\n审计密钥：{2}\n\n"
            "请妥善保管。凭恢复密钥可以打开公司数据；审计密钥用于验证操作日志未被篡改，两者分开存放更安全。\n"
        ).format(self.company_name, self.recovery_key, self.audit_key)

    def save_to_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存恢复单"), self.tr("HRDesk恢复单.txt"), self.tr("文本文件 (*.txt)")
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


def _two_lines(key: str) -> str:
    """A 14-group key on two lines of 7 groups, so it fits the box without scrolling."""
    groups = key.split("-")
    half = (len(groups) + 1) // 2
    return "-".join(groups[:half]) + "-\n" + "-".join(groups[half:])

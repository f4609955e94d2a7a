"""The answer to 核验文件 (is this PDF one the company issued, and unaltered?), shown so that it
cannot be misread: green ✓ for ours and unchanged, red ✗ for ours but altered, amber ? for not
ours or not readable.

Also what may be checked at all (``MAX_VERIFY_BYTES``) and why a file could not be read.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from hrdesk.core.documents.issuing import Verification

MAX_VERIFY_BYTES = 50 * 1024 * 1024  # far more than any certificate; a larger file is not ours
RESULT_STYLES = {
    "valid": "QLabel { background: #e6f4ea; color: #137333; border: 1px solid #a8dab5; border-radius: 4px;"
    " padding: 8px 12px; }",
    "altered": "QLabel { background: #fce8e6; color: #b3261e; border: 1px solid #f4b5ae; border-radius: 4px;"
    " padding: 8px 12px; font-weight: bold; }",
    "unknown": "QLabel { background: #fef7e0; color: #7a4f01; border: 1px solid #fdd663; border-radius: 4px;"
    " padding: 8px 12px; }",
}
MARKS = {"valid": "✓ ", "altered": "✗ ", "unknown": "? "}


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentsPage", text)  # the context it had on the 证明文件 page


def os_reason(exc: OSError) -> str:
    """Why a file could not be read, in words for the user."""
    if isinstance(exc, FileNotFoundError):
        return _tr("文件不存在")
    if isinstance(exc, PermissionError):
        return _tr("没有读取权限")
    if isinstance(exc, IsADirectoryError):
        return _tr("这是一个文件夹")
    return _tr("读取失败（{0}）").format(exc.strerror or exc)


class VerificationResult(QLabel):
    """Hidden until a file was checked; then the verdict, coloured by its status."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("verify_result")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVisible(False)

    def show_result(self, result: Verification | None, text: str) -> None:
        """``result`` None: the file could not be checked (``text`` says why)."""
        status = result.status if result is not None else "unknown"
        self.setStyleSheet(RESULT_STYLES[status])
        self.setText(MARKS[status] + text)
        self.setVisible(True)

"""How errors reach the user: a message box with a plain Chinese message, never a traceback."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from hrdesk.core.kernel.errors import AuthenticationError, HRDeskError, PermissionDenied, StorageError, ValidationError
from hrdesk.ui.common.styles import ERROR_STYLE  # noqa: F401 (re-exported for the dialogs)

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("messages", text)


def title_for(exc: BaseException) -> str:
    if isinstance(exc, PermissionDenied):
        return tr("没有权限")
    if isinstance(exc, ValidationError):
        return tr("输入有误")
    if isinstance(exc, AuthenticationError):
        return tr("登录失败")
    if isinstance(exc, StorageError):
        return tr("无法访问公司数据")
    return tr("操作未完成")


def user_message(exc: BaseException) -> str:
    if isinstance(exc, HRDeskError):
        return str(exc)
    log.error("unexpected error", exc_info=exc)
    from hrdesk.logging_setup import log_path

    return tr("发生内部错误，操作未完成，数据未被修改。详细信息已写入日志：{0}").format(log_path())


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning, title_for(exc), user_message(exc), QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("error_message")
    box.exec()


def show_field_errors(labels: dict[str, QLabel], errors: dict[str, str]) -> list[str]:
    """Show each message under its field; return the messages that have no field label."""
    leftovers = []
    for key, label in labels.items():
        message = errors.get(key)
        label.setText(message or "")
        label.setStyleSheet(ERROR_STYLE)
        label.setVisible(bool(message))
    for key, message in errors.items():
        if key not in labels:
            leftovers.append(message)
    return leftovers

"""Review and send a notice the policy drafted (forms/notice_dialog.ui).

The sender sees the exact recipients the notification policy proposes, each with why they are on
the list and how it reaches them, and may untick people. There is deliberately no way to add
anyone: the service accepts only a subset of the proposal (notices.send_draft refuses anything else).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QWidget

from hrdesk.core.flows import notices
from hrdesk.core.flows.notice_policy import Recipient
from hrdesk.core.flows.notices import DraftView
from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.ui.common import messages
from hrdesk.ui.common.messages import ERROR_STYLE, show_field_errors
from hrdesk.ui.common.rows_model import setup_table
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.flows.flow_texts import format_time
from hrdesk.ui.forms.ui_notice_dialog import Ui_NoticeDialog

DISPLAY = Qt.ItemDataRole.DisplayRole
CHECK = Qt.ItemDataRole.CheckStateRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
HORIZONTAL = Qt.Orientation.Horizontal
CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked
GREY = QColor("#80868b")
RED = QColor("#b3261e")
KEEP, NAME, CHANNEL, REASONS = range(4)


def _tr(text: str) -> str:
    return QCoreApplication.translate("NoticeDialog", text)


def channel_text(recipient: Recipient) -> str:
    """How the notice reaches the person: their e-mail address (plus in-app), or in-app only."""
    if recipient.email:
        return recipient.email
    if recipient.user_id is not None:
        return _tr("仅站内")
    return _tr("无法送达（无账号、无邮箱）")


class RecipientModel(QAbstractTableModel):
    """The proposed recipients, each with a tick (checked = keep). Rows can only be unticked or
    ticked again, never added."""

    changed = Signal()

    def __init__(self, recipients: list[Recipient], parent=None):
        super().__init__(parent)
        self._headers = [_tr("发送"), _tr("姓名"), _tr("邮箱"), _tr("列入原因")]
        self._recipients = list(recipients)
        self._keep = [True] * len(recipients)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._recipients)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index, role=DISPLAY):
        r = self._recipients[index.row()]
        column = index.column()
        if role == CHECK and column == KEEP:
            return CHECKED if self._keep[index.row()] else UNCHECKED
        if role == DISPLAY:
            return ("", r.name, channel_text(r), "、".join(r.reasons))[column]
        if role == FOREGROUND:
            if not self._keep[index.row()]:
                return GREY
            if column == CHANNEL and not r.email:
                return RED if r.user_id is None else GREY
        if role == TOOLTIP and column == REASONS:
            return "、".join(r.reasons)
        return None

    def setData(self, index, value, role=CHECK):
        if role != CHECK or index.column() != KEEP:
            return False
        keep = Qt.CheckState(value) == CHECKED if not isinstance(value, bool) else value
        self._keep[index.row()] = keep
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
        self.changed.emit()
        return True

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == KEEP:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def headerData(self, section, orientation, role=DISPLAY):
        if orientation == HORIZONTAL and role == DISPLAY and section < len(self._headers):
            return self._headers[section]
        return None

    def recipient(self, row: int) -> Recipient:
        return self._recipients[row]

    def set_kept(self, row: int, keep: bool) -> None:
        self.setData(self.index(row, KEEP), CHECKED if keep else UNCHECKED, CHECK)

    def set_all(self, keep: bool) -> None:
        self._keep = [keep] * len(self._recipients)
        if self._recipients:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._recipients) - 1, self.columnCount() - 1))
        self.changed.emit()

    def kept_keys(self) -> list[str]:
        return [r.key for r, keep in zip(self._recipients, self._keep, strict=True) if keep]

    def row_of_name(self, name: str) -> int:
        return next((i for i, r in enumerate(self._recipients) if r.name == name), -1)


def open_notice_dialog(session: AppSession, draft_id: int, parent: QWidget | None) -> NoticeDialog | None:
    try:
        draft = notices.get_draft(session.ctx, draft_id)
    except HRDeskError as exc:
        messages.show_error(parent, exc)
        return None
    dialog = NoticeDialog(session, draft, parent)
    dialog.open()
    return dialog


class NoticeDialog(QDialog):
    sent = Signal(int)  # how many recipients the service accepted
    cancelled = Signal()

    def __init__(self, session: AppSession, draft: DraftView, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.draft = draft
        self.form = Ui_NoticeDialog()
        self.form.setupUi(self)
        f = self.form
        self.setWindowTitle(self.tr("发送通知 - {0}").format(draft.title))
        f.event.setText(
            self.tr("事件：{0}　流程编号：{1}　拟稿时间：{2}").format(
                draft.event.label, draft.instance_id, format_time(draft.created_at)
            )
        )
        f.event.setStyleSheet("color: #5f6368;")
        f.title.setText(draft.title)
        f.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        f.body.setPlainText(draft.body)
        f.body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        f.hint.setStyleSheet("color: #5f6368;")
        f.err_recipients.setStyleSheet(ERROR_STYLE)
        self.model = RecipientModel(draft.recipients, self)
        setup_table(f.recipients, self.model, [48, 100, 280, 330], stretch=REASONS)
        f.recipients.setSelectionMode(f.recipients.SelectionMode.NoSelection)
        f.recipients.clicked.connect(self._toggle_row)
        self.model.changed.connect(self._update_count)
        f.select_all.clicked.connect(lambda checked: self.model.set_all(checked))
        f.send.clicked.connect(self.send)
        f.later.clicked.connect(self.reject)
        f.cancel_notice.clicked.connect(self.cancel_notice)
        self._update_count()
        self.resize(900, 640)

    def _toggle_row(self, index) -> None:
        """A click anywhere on the row ticks or unticks it (not only on the small box)."""
        if index.column() != 0:
            row = index.row()
            self.model.set_kept(row, self.model.recipient(row).key not in self.model.kept_keys())

    def _update_count(self) -> None:
        kept, total = len(self.model.kept_keys()), self.model.rowCount()
        self.form.count_label.setText(self.tr("将发送给 {0} / {1} 人").format(kept, total))
        self.form.select_all.setChecked(kept == total and total > 0)
        self.form.send.setEnabled(kept > 0)
        if kept:
            show_field_errors({"recipients": self.form.err_recipients}, {})

    def send(self) -> bool:
        try:
            count = notices.send_draft(self.session.ctx, self.draft.id, self.model.kept_keys())
        except ValidationError as exc:
            leftovers = show_field_errors({"recipients": self.form.err_recipients}, exc.errors)
            self._banner("；".join(leftovers))
            return False
        except HRDeskError as exc:
            messages.show_error(self, exc)
            return False
        self.sent.emit(count)
        self.accept()
        return True

    def cancel_notice(self) -> bool:
        reason, ok = QInputDialog.getText(
            self,
            self.tr("取消通知"),
            self.tr("不发送“{0}”的原因（会记入操作日志）：").format(self.draft.title),
            QLineEdit.EchoMode.Normal,
            "",
        )
        if not ok:
            return False
        if not reason.strip():
            self._banner(self.tr("请写明取消通知的原因。"))
            return False
        try:
            notices.cancel_draft(self.session.ctx, self.draft.id, reason.strip())
        except HRDeskError as exc:
            messages.show_error(self, exc)
            return False
        self.cancelled.emit()
        self.accept()
        return True

    def _banner(self, text: str) -> None:
        self.form.banner.setText(text)
        self.form.banner.setStyleSheet(ERROR_STYLE)
        self.form.banner.setVisible(bool(text))

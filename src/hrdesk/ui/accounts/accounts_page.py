"""用户账号: who may sign in, with which roles, linked to which employee; reset and unlock.

Administrators only (the page registry hides it, the accounts service refuses everyone else).
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.accounts import users
from hrdesk.core.accounts.users import AccountInfo
from hrdesk.core.kernel.errors import HRDeskError
from hrdesk.ui.common.messages import show_error
from hrdesk.ui.common.rows_model import setup_table
from hrdesk.ui.common.runner import Reloader
from hrdesk.ui.common.session import AppSession

DISPLAY = Qt.ItemDataRole.DisplayRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
HORIZONTAL = Qt.Orientation.Horizontal
GREY = QColor("#80868b")
RED = QColor("#b3261e")
ROLES_COLUMN, STATUS_COLUMN = 3, 4
NOTICE_STYLE = "color: #1e7e34;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("AccountsPage", text)


def local_time(value: datetime | None) -> datetime | None:
    """Timestamps are stored as naive UTC; people read them in the computer's time zone."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def is_locked(account: AccountInfo, now: datetime) -> bool:
    return account.locked_until is not None and account.locked_until > now


def status_text(account: AccountInfo, now: datetime) -> str:
    if not account.active:
        return _tr("停用")
    if is_locked(account, now):
        return _tr("锁定至 {0}").format(f"{local_time(account.locked_until):%H:%M}")
    return _tr("启用")


def account_row(account: AccountInfo, now: datetime) -> tuple:
    last = local_time(account.last_login_at)
    return (
        account.username,
        account.display_name,
        account.employee_label or "",
        "、".join(role.label for role in account.roles),
        status_text(account, now),
        f"{last:%Y-%m-%d %H:%M}" if last else _tr("从未登录"),
    )


def headers() -> list[str]:
    return [_tr("用户名"), _tr("显示名称"), _tr("关联员工"), _tr("角色"), _tr("状态"), _tr("最近登录")]


class AccountTableModel(QAbstractTableModel):
    """Display rows (tuples) built once per load, beside the AccountInfo each row stands for."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._headers = headers()
        self._all: list[tuple[AccountInfo, tuple, bool]] = []  # (account, row, locked)
        self._rows: list[tuple[AccountInfo, tuple, bool]] = []
        self._text = ""

    def set_accounts(self, items: list[AccountInfo], now: datetime) -> None:
        self.beginResetModel()
        self._all = [(a, account_row(a, now), is_locked(a, now)) for a in items]
        self._rows = self._filtered()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._text = text.strip().lower()
        self._rows = self._filtered()
        self.endResetModel()

    def _filtered(self):
        if not self._text:
            return list(self._all)
        return [item for item in self._all if any(self._text in str(v).lower() for v in item[1])]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index, role=DISPLAY):
        account, row, locked = self._rows[index.row()]
        if role == DISPLAY:
            return row[index.column()]
        if role == FOREGROUND:
            if not account.active:
                return GREY
            if locked and index.column() == STATUS_COLUMN:
                return RED
            return None
        if role == TOOLTIP and index.column() == STATUS_COLUMN and locked:
            return _tr("连续输错密码被锁定；可点“解锁”或“重置密码”")
        return None

    def headerData(self, section, orientation, role=DISPLAY):
        if orientation == HORIZONTAL and role == DISPLAY and section < len(self._headers):
            return self._headers[section]
        return None

    def account(self, row: int) -> AccountInfo:
        return self._rows[row][0]

    def locked(self, row: int) -> bool:
        return self._rows[row][2]

    def row_of(self, account_id: int) -> int:
        return next((i for i, item in enumerate(self._rows) if item[0].id == account_id), -1)

    def total_count(self) -> int:
        return len(self._all)


class AccountsPage(QWidget):
    loaded = Signal()  # emitted after each (re)load has reached the table

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("accounts_page")
        self.model = AccountTableModel(self)
        self.loader = Reloader(session.runner, self, self._prepare_load, self._apply, self._load_failed)
        self._pending_select: int | None = None

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("搜索用户名、显示名称、员工、角色…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setStyleSheet(NOTICE_STYLE)

        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.setObjectName("refresh")
        self.refresh_button.clicked.connect(self.reload)
        self.unlock_button = QPushButton(self.tr("解锁"))
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setToolTip(self.tr("解除因连续输错密码造成的锁定"))
        self.unlock_button.clicked.connect(self.unlock_current)
        self.reset_button = QPushButton(self.tr("重置密码"))
        self.reset_button.setObjectName("reset_password")
        self.reset_button.clicked.connect(self.open_reset_password)
        self.edit_button = QPushButton(self.tr("编辑"))
        self.edit_button.setObjectName("edit_account")
        self.edit_button.clicked.connect(self.open_edit_account)
        self.new_button = QPushButton(self.tr("新建账号"))
        self.new_button.setObjectName("new_account")
        self.new_button.clicked.connect(self.open_new_account)

        toolbar = QHBoxLayout()
        toolbar.addWidget(self.search, 2)
        toolbar.addWidget(self.notice)
        toolbar.addStretch(1)
        toolbar.addWidget(self.count_label)
        toolbar.addWidget(self.refresh_button)
        toolbar.addWidget(self.unlock_button)
        toolbar.addWidget(self.reset_button)
        toolbar.addWidget(self.edit_button)
        toolbar.addWidget(self.new_button)

        self.table = QTableView()
        self.table.setObjectName("account_table")
        setup_table(self.table, self.model, [])
        header = self.table.horizontalHeader()
        for column, width in enumerate((120, 120, 170, 220, 120, 140)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(ROLES_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda index: self.open_edit_account())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.table, 1)

        session.signals.changed.connect(self._on_changes)
        self._update_buttons()
        self.reload()

    # --- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        if self.loader.reload():
            self.count_label.setText(self.tr("正在加载…"))

    def _prepare_load(self):
        ctx = self.session.ctx
        return lambda: users.list_accounts(ctx)

    def _load_failed(self, exc: BaseException) -> None:
        self.count_label.setText(self.tr("加载失败"))
        show_error(self, exc)

    def _apply(self, items: list[AccountInfo]) -> None:
        selected = self._pending_select or (self.current_account().id if self.current_account() else None)
        self.model.set_accounts(items, self.session.ctx.clock.now())
        self._pending_select = None
        if selected is not None:
            self.select_account(selected)
        self._update_count()
        self._update_buttons()
        self.loaded.emit()

    def _on_changes(self, changes) -> None:
        if self.session.signals.touches(changes, "user", "employee"):
            self.reload()

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_count()
        self._update_buttons()

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("显示 {0} / 共 {1} 个账号").format(self.model.rowCount(), self.model.total_count())
        )

    def _update_buttons(self) -> None:
        row = self.table.currentIndex().row()
        has = row >= 0
        self.edit_button.setEnabled(has)
        self.reset_button.setEnabled(has)
        self.unlock_button.setEnabled(has and self.model.locked(row))

    # --- selection ------------------------------------------------------------------------------

    def current_account(self) -> AccountInfo | None:
        index = self.table.currentIndex()
        return self.model.account(index.row()) if index.isValid() else None

    def select_account(self, account_id: int) -> bool:
        row = self.model.row_of(account_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self._update_buttons()
        return True

    def select_username(self, username: str) -> bool:
        row = next((r for r in range(self.model.rowCount()) if self.model.account(r).username == username), -1)
        return row >= 0 and self.select_account(self.model.account(row).id)

    # --- actions ----------------------------------------------------------------------------

    def open_new_account(self):
        from hrdesk.ui.accounts.account_dialog import AccountDialog

        dialog = AccountDialog(self.session, None, self)
        dialog.saved.connect(self._after_save)
        dialog.open()
        return dialog

    def open_edit_account(self):
        from hrdesk.ui.accounts.account_dialog import AccountDialog

        account = self.current_account()
        if account is None:
            return None
        dialog = AccountDialog(self.session, account, self)
        dialog.saved.connect(self._after_save)
        dialog.open()
        return dialog

    def open_reset_password(self):
        from hrdesk.ui.accounts.reset_password_dialog import ResetPasswordDialog

        account = self.current_account()
        if account is None:
            return None
        dialog = ResetPasswordDialog(self.session, account, self)
        dialog.accepted.connect(
            lambda: self.notice.setText(self.tr("已为 {0} 设置临时密码，下次登录时须修改。").format(account.username))
        )
        dialog.open()
        return dialog

    def unlock_current(self) -> None:
        account = self.current_account()
        if account is None:
            return
        try:
            users.unlock(self.session.ctx, account.id)
        except HRDeskError as exc:
            show_error(self, exc)
            self.reload()  # e.g. the lock ran out meanwhile: show the account as it is now
            return
        self.notice.setText(self.tr("已解锁 {0}。").format(account.username))

    def _after_save(self, account_id: int) -> None:
        self._pending_select = account_id
        self.notice.setText("")

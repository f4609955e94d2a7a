"""用户账号: who may sign in, with which roles, linked to which employee; reset and unlock.

Administrators only (the page registry hides it, the accounts service refuses everyone else).
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QTableView, QVBoxLayout

from hrdesk.core.accounts import users
from hrdesk.core.accounts.users import AccountInfo
from hrdesk.core.kernel.errors import HRDeskError
from hrdesk.ui.common.list_page import TablePage
from hrdesk.ui.common.messages import show_error
from hrdesk.ui.common.rows_model import DisplayTableModel, setup_table
from hrdesk.ui.common.session import AppSession

DISPLAY = Qt.ItemDataRole.DisplayRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
GREY = QColor("#80868b")
RED = QColor("#b3261e")
ROLES_COLUMN, STATUS_COLUMN = 3, 4


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


class AccountTableModel(DisplayTableModel):
    """Display rows (tuples) built once per load, beside the AccountInfo each row stands for."""

    def __init__(self, parent=None):
        super().__init__(headers(), parent)
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

    def account(self, row: int) -> AccountInfo:
        return self._rows[row][0]

    def key(self, row: int) -> int:
        return self._rows[row][0].id

    def locked(self, row: int) -> bool:
        return self._rows[row][2]

    def row_of(self, account_id: int) -> int:
        return next((i for i, item in enumerate(self._rows) if item[0].id == account_id), -1)

    def total_count(self) -> int:
        return len(self._all)


class AccountsPage(TablePage):
    watched = ("user", "employee")

    def __init__(self, session: AppSession, parent=None):
        super().__init__(session, parent)
        self.setObjectName("accounts_page")
        self.model = AccountTableModel(self)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("搜索用户名、显示名称、员工、角色…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_changed)
        self.refresh_button = self.button(self.tr("刷新"), "refresh", self.reload)
        self.unlock_button = self.button(self.tr("解锁"), "unlock", self.unlock_current)
        self.unlock_button.setToolTip(self.tr("解除因连续输错密码造成的锁定"))
        self.reset_button = self.button(self.tr("重置密码"), "reset_password", self.open_reset_password)
        self.edit_button = self.button(self.tr("编辑"), "edit_account", self.open_edit_account)
        self.new_button = self.button(self.tr("新建账号"), "new_account", self.open_new_account)

        toolbar = QHBoxLayout()
        toolbar.addWidget(self.search, 2)
        toolbar.addWidget(self.notice)
        toolbar.addStretch(1)
        toolbar.addWidget(self.count_label)
        for button in (self.refresh_button, self.unlock_button, self.reset_button, self.edit_button, self.new_button):
            toolbar.addWidget(button)

        self.table = QTableView()
        self.table.setObjectName("account_table")
        setup_table(self.table, self.model, [120, 120, 170, 220, 120, 140], stretch=ROLES_COLUMN)
        self.table.doubleClicked.connect(lambda index: self.open_edit_account())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.update_buttons())

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.table, 1)

        self.update_buttons()
        self.reload()

    # --- the list -------------------------------------------------------------------------------

    def load(self, ctx) -> list[AccountInfo]:
        return users.list_accounts(ctx)

    def show_items(self, items: list[AccountInfo]) -> None:
        self.model.set_accounts(items, self.session.ctx.clock.now())

    def count_text(self, items=None) -> str:
        return self.tr("显示 {0} / 共 {1} 个账号").format(self.model.rowCount(), self.model.total_count())

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self.count_label.setText(self.count_text())
        self.update_buttons()

    def update_buttons(self, *_) -> None:
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
        return self.select_key(account_id)

    def select_username(self, username: str) -> bool:
        row = next((r for r in range(self.model.rowCount()) if self.model.account(r).username == username), -1)
        return row >= 0 and self.select_account(self.model.account(row).id)

    # --- actions ----------------------------------------------------------------------------

    def open_new_account(self):
        from hrdesk.ui.accounts.account_dialog import AccountDialog

        return self.open_dialog(lambda: AccountDialog(self.session, None, self))

    def open_edit_account(self):
        from hrdesk.ui.accounts.account_dialog import AccountDialog

        account = self.current_account()
        if account is None:
            return None
        return self.open_dialog(lambda: AccountDialog(self.session, account, self))

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

"""What the administrators' list pages share (组织架构, 岗位, 用户账号, 自定义字段): a toolbar of named
buttons, loading in the background with a count beside it, reloading when the core reports a change
to what the page lists, keeping the selection across reloads (or moving it to what was just saved),
opening a dialog for one item, and deleting after a confirmation.

A page subclasses :class:`ListPage` (a tree, as 组织架构) or :class:`TablePage` (a table over a model
with ``key(row)`` and ``row_of(key)``) and supplies what differs: how to load, how to show, what the
count says.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QTableView, QWidget

from hrdesk.core.kernel.errors import HRDeskError
from hrdesk.ui.common import messages
from hrdesk.ui.common.runner import Reloader
from hrdesk.ui.common.session import AppSession

NOTICE_STYLE = "color: #1e7e34;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ListPage", text)


class ListPage(QWidget):
    loaded = Signal()  # emitted after each (re)load has reached the view

    watched: tuple[str, ...] = ()  # the entity types whose changes reload the page

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self._pending_select = None
        self.loader = Reloader(session.runner, self, self._prepare_load, self._apply, self._load_failed)
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setStyleSheet(NOTICE_STYLE)
        session.signals.changed.connect(self._on_changes)

    # --- what a page supplies ---------------------------------------------------------------------

    def load(self, ctx):
        """The items to list, read through the core (runs off the GUI thread: no widgets here)."""
        raise NotImplementedError

    def show_items(self, items) -> None:
        raise NotImplementedError

    def count_text(self, items) -> str:
        raise NotImplementedError

    def current_key(self):
        raise NotImplementedError

    def select_key(self, key) -> bool:
        raise NotImplementedError

    def update_buttons(self, *_) -> None:
        """Enable what applies to the current selection."""

    def restore_selection(self, key) -> None:
        """After a load: select ``key`` (what was selected, or just saved) where it is still listed."""
        if key is not None:
            self.select_key(key)

    # --- shared behaviour -------------------------------------------------------------------------

    def button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda: slot())
        return button

    def reload(self) -> None:
        if self.loader.reload():
            self.count_label.setText(_tr("正在加载…"))

    def _prepare_load(self):
        ctx = self.session.ctx
        return lambda: self.load(ctx)

    def _load_failed(self, exc: BaseException) -> None:
        self.count_label.setText(_tr("加载失败"))
        messages.show_error(self, exc)

    def _apply(self, items) -> None:
        selected = self._pending_select if self._pending_select is not None else self.current_key()
        self._pending_select = None
        self.show_items(items)
        self.restore_selection(selected)
        self.count_label.setText(self.count_text(items))
        self.update_buttons()
        self.loaded.emit()

    def _on_changes(self, changes) -> None:
        if self.session.signals.touches(changes, *self.watched):
            self.reload()

    def after_save(self, key) -> None:
        """A dialog saved ``key``: the reload its change causes selects it."""
        self._pending_select = key
        self.notice.setText("")

    def open_dialog(self, make_dialog: Callable[[], QWidget]):
        """Open the dialog ``make_dialog`` builds (a failure to build it is shown, not raised)."""
        try:
            dialog = make_dialog()
        except Exception as exc:
            messages.show_error(self, exc)
            return None
        dialog.saved.connect(self.after_save)
        dialog.open()
        return dialog

    def confirm_and_delete(self, title: str, question: str, delete: Callable[[], object]) -> bool:
        """Ask ``question``; on yes call ``delete`` (the service); its refusal is shown. True if deleted."""
        answer = QMessageBox.question(
            self,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            delete()
        except HRDeskError as exc:
            messages.show_error(self, exc)
            return False
        return True


class TablePage(ListPage):
    """A list page over a QTableView whose model answers ``key(row)`` and ``row_of(key)``."""

    table: QTableView

    def current_key(self):
        index = self.table.currentIndex()
        return self.table.model().key(index.row()) if index.isValid() else None

    def select_key(self, key) -> bool:
        row = self.table.model().row_of(key)
        if row < 0:
            return False
        index = self.table.model().index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.update_buttons()
        return True

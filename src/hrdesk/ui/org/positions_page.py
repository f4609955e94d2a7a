"""岗位: the positions table (name, code, description, head count, status); create, edit, delete."""

from __future__ import annotations

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
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.kernel.errors import HRDeskError
from hrdesk.core.kernel.permissions import Permission
from hrdesk.core.org import positions
from hrdesk.core.org.positions import PositionInfo
from hrdesk.core.people.employee_table import sort_rows
from hrdesk.ui.common import messages
from hrdesk.ui.common.rows_model import setup_table
from hrdesk.ui.common.runner import Reloader
from hrdesk.ui.common.session import AppSession

# Role constants looked up once (see models/employee_table_model.py).
DISPLAY = Qt.ItemDataRole.DisplayRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
USER = Qt.ItemDataRole.UserRole
HORIZONTAL = Qt.Orientation.Horizontal
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTER = int(Qt.AlignmentFlag.AlignCenter)
INACTIVE = QColor("#8a8f98")

COL_NAME, COL_CODE, COL_DESCRIPTION, COL_COUNT, COL_STATUS = range(5)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PositionsPage", text)


def position_row(p: PositionInfo) -> tuple:
    """(id, active, name, code, description on one line, count, status): what the table shows."""
    description = " ".join((p.description or "").split())
    return (
        p.id,
        p.active,
        p.name,
        p.code or "",
        description,
        p.employee_count,
        _tr("启用") if p.active else _tr("已停用"),
    )


META = 2  # row[META + column] is the cell of that column


class PositionTableModel(QAbstractTableModel):
    """Plain row tuples built from the core's PositionInfo; sorted in Python."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple] = []
        self._titles = [_tr("岗位名称"), _tr("编码"), _tr("岗位说明"), _tr("在职人数"), _tr("状态")]
        self._sort: tuple[int, bool] | None = None

    def set_positions(self, positions: list[PositionInfo]) -> None:
        self.beginResetModel()
        self._rows = [position_row(p) for p in positions]
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index, role=DISPLAY):
        row = self._rows[index.row()]
        column = index.column()
        if role == DISPLAY:
            return str(row[META + column])
        if role == ALIGN:
            return RIGHT if column == COL_COUNT else CENTER if column == COL_STATUS else None
        if role == FOREGROUND:
            return None if row[1] else INACTIVE
        if role == TOOLTIP and column == COL_DESCRIPTION and row[META + column]:
            return row[META + column]
        if role == USER:
            return row[0]
        return None

    def headerData(self, section, orientation, role=DISPLAY):
        if orientation == HORIZONTAL and 0 <= section < len(self._titles):
            if role == DISPLAY:
                return self._titles[section]
            if role == ALIGN and section == COL_COUNT:
                return RIGHT
            if role == ALIGN and section == COL_STATUS:
                return CENTER
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._titles):
            return
        self._sort = (column, order == Qt.SortOrder.DescendingOrder)
        self.layoutAboutToBeChanged.emit()
        self._sort_rows(*self._sort)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, descending: bool) -> None:
        sort_rows(self._rows, META + column, descending)  # pinyin order for names, empty last

    def position_id(self, row: int) -> int:
        return self._rows[row][0]

    def row_of(self, position_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r[0] == position_id), -1)


class PositionsPage(QWidget):
    loaded = Signal()  # emitted after each (re)load has reached the table

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("positions_page")
        self.model = PositionTableModel(self)
        self.positions: dict[int, PositionInfo] = {}
        self._pending_select: int | None = None
        self.loader = Reloader(session.runner, self, self._prepare_load, self._apply, self._load_failed)
        editable = session.actor.can_all(Permission.ORG_MANAGE)

        self.new_button = self._button(self.tr("新建岗位"), "new_position", self.open_new_position)
        self.edit_button = self._button(self.tr("编辑"), "edit_position", self.edit_current)
        self.delete_button = self._button(self.tr("删除"), "delete_position", self.delete_current)
        self.refresh_button = self._button(self.tr("刷新"), "refresh", self.reload)
        for button in (self.new_button, self.edit_button, self.delete_button):
            button.setVisible(editable)
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")

        toolbar = QHBoxLayout()
        toolbar.addWidget(self.new_button)
        toolbar.addWidget(self.edit_button)
        toolbar.addWidget(self.delete_button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.count_label)
        toolbar.addWidget(self.refresh_button)

        self.table = QTableView()
        self.table.setObjectName("position_table")
        setup_table(self.table, self.model, [])
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # 说明 takes the spare width; the short columns keep a fixed, readable size.
        header.setSectionResizeMode(COL_DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_NAME, 180), (COL_CODE, 120), (COL_COUNT, 90), (COL_STATUS, 80)):
            self.table.setColumnWidth(column, width)
        self.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        if editable:
            self.table.doubleClicked.connect(lambda *_: self.edit_current())

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.table, 1)

        self._update_buttons()
        session.signals.changed.connect(self._on_changes)
        self.reload()

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda: slot())
        return button

    # --- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        self.loader.reload()

    def _prepare_load(self):
        ctx = self.session.ctx
        return lambda: positions.list_positions(ctx)

    def _load_failed(self, exc: BaseException) -> None:
        self.count_label.setText(self.tr("加载失败"))
        messages.show_error(self, exc)

    def _apply(self, positions: list[PositionInfo]) -> None:
        selected = self._pending_select or self.current_position_id()
        self._pending_select = None
        self.positions = {p.id: p for p in positions}
        self.model.set_positions(positions)
        if selected is not None:
            self.select_position(selected)
        inactive = sum(1 for p in positions if not p.active)
        if not positions:
            self.count_label.setText(self.tr("还没有岗位，请点击“新建岗位”"))
        elif inactive:
            self.count_label.setText(self.tr("共 {0} 个岗位（{1} 个已停用）").format(len(positions), inactive))
        else:
            self.count_label.setText(self.tr("共 {0} 个岗位").format(len(positions)))
        self._update_buttons()
        self.loaded.emit()

    def _on_changes(self, changes) -> None:
        if self.session.signals.touches(changes, "position", "employee"):
            self.reload()

    # --- selection ------------------------------------------------------------------------------

    def current_position_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.position_id(index.row())

    def current_position(self) -> PositionInfo | None:
        position_id = self.current_position_id()
        return self.positions.get(position_id) if position_id is not None else None

    def select_position(self, position_id: int) -> bool:
        row = self.model.row_of(position_id)
        if row < 0:
            return False
        index = self.model.index(row, COL_NAME)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _update_buttons(self, *_) -> None:
        has = self.current_position() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    # --- actions --------------------------------------------------------------------------------

    def _open_dialog(self, position_id: int | None):
        from hrdesk.ui.org.position_dialog import PositionDialog

        try:
            dialog = PositionDialog(self.session, position_id, self)
        except Exception as exc:
            messages.show_error(self, exc)
            return None
        dialog.saved.connect(self._after_save)
        dialog.open()
        return dialog

    def open_new_position(self):
        return self._open_dialog(None)

    def edit_current(self):
        current = self.current_position()
        if current is None:
            return None
        return self._open_dialog(current.id)

    def delete_current(self) -> bool:
        """Ask, then delete; the service refuses a position still held by an employee."""
        current = self.current_position()
        if current is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("删除岗位"),
            self.tr("确定要删除岗位“{0}”吗？删除后不可恢复。").format(current.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            positions.delete_position(self.session.ctx, current.id)
        except HRDeskError as exc:
            messages.show_error(self, exc)
            return False
        return True

    def _after_save(self, position_id: int) -> None:
        self._pending_select = position_id

"""岗位: the positions table (name, code, description, head count, status); create, edit, delete."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QTableView, QVBoxLayout

from hrdesk.core.kernel.permissions import Permission
from hrdesk.core.org import positions
from hrdesk.core.org.positions import PositionInfo
from hrdesk.core.people.employee_table import sort_rows
from hrdesk.ui.common.list_page import TablePage
from hrdesk.ui.common.rows_model import DisplayTableModel, setup_table
from hrdesk.ui.common.session import AppSession

# Role constants looked up once (see hrdesk.ui.people.employee_table_model).
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


class PositionTableModel(DisplayTableModel):
    """Plain row tuples built from the core's PositionInfo; sorted in Python."""

    def __init__(self, parent=None):
        super().__init__([_tr("岗位名称"), _tr("编码"), _tr("岗位说明"), _tr("在职人数"), _tr("状态")], parent)
        self._rows: list[tuple] = []
        self._sort: tuple[int, bool] | None = None

    def set_positions(self, positions: list[PositionInfo]) -> None:
        self.beginResetModel()
        self._rows = [position_row(p) for p in positions]
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

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
        if orientation == HORIZONTAL and role == ALIGN:
            return RIGHT if section == COL_COUNT else CENTER if section == COL_STATUS else None
        return super().headerData(section, orientation, role)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._headers):
            return
        self._sort = (column, order == Qt.SortOrder.DescendingOrder)
        self.layoutAboutToBeChanged.emit()
        self._sort_rows(*self._sort)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, descending: bool) -> None:
        sort_rows(self._rows, META + column, descending)  # pinyin order for names, empty last

    def position_id(self, row: int) -> int:
        return self._rows[row][0]

    key = position_id

    def row_of(self, position_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r[0] == position_id), -1)


class PositionsPage(TablePage):
    watched = ("position", "employee")

    def __init__(self, session: AppSession, parent=None):
        super().__init__(session, parent)
        self.setObjectName("positions_page")
        self.model = PositionTableModel(self)
        self.positions: dict[int, PositionInfo] = {}
        editable = session.actor.can_all(Permission.ORG_MANAGE)

        self.new_button = self.button(self.tr("新建岗位"), "new_position", self.open_new_position)
        self.edit_button = self.button(self.tr("编辑"), "edit_position", self.edit_current)
        self.delete_button = self.button(self.tr("删除"), "delete_position", self.delete_current)
        self.refresh_button = self.button(self.tr("刷新"), "refresh", self.reload)
        for button in (self.new_button, self.edit_button, self.delete_button):
            button.setVisible(editable)

        toolbar = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            toolbar.addWidget(button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.count_label)
        toolbar.addWidget(self.refresh_button)

        self.table = QTableView()
        self.table.setObjectName("position_table")
        setup_table(self.table, self.model, [], stretch=COL_DESCRIPTION)  # 说明 takes the spare width
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in ((COL_NAME, 180), (COL_CODE, 120), (COL_COUNT, 90), (COL_STATUS, 80)):
            self.table.setColumnWidth(column, width)
        self.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self.update_buttons)
        if editable:
            self.table.doubleClicked.connect(lambda *_: self.edit_current())

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.table, 1)

        self.update_buttons()
        self.reload()

    # --- the list -------------------------------------------------------------------------------

    def load(self, ctx) -> list[PositionInfo]:
        return positions.list_positions(ctx)

    def show_items(self, items: list[PositionInfo]) -> None:
        self.positions = {p.id: p for p in items}
        self.model.set_positions(items)

    def count_text(self, items: list[PositionInfo]) -> str:
        inactive = sum(1 for p in items if not p.active)
        if not items:
            return self.tr("还没有岗位，请点击“新建岗位”")
        if inactive:
            return self.tr("共 {0} 个岗位（{1} 个已停用）").format(len(items), inactive)
        return self.tr("共 {0} 个岗位").format(len(items))

    def update_buttons(self, *_) -> None:
        has = self.current_position() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    # --- selection ------------------------------------------------------------------------------

    def current_position_id(self) -> int | None:
        return self.current_key()

    def current_position(self) -> PositionInfo | None:
        position_id = self.current_position_id()
        return self.positions.get(position_id) if position_id is not None else None

    def select_position(self, position_id: int) -> bool:
        return self.select_key(position_id)

    # --- actions --------------------------------------------------------------------------------

    def _open_dialog(self, position_id: int | None):
        from hrdesk.ui.org.position_dialog import PositionDialog

        return self.open_dialog(lambda: PositionDialog(self.session, position_id, self))

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
        return self.confirm_and_delete(
            self.tr("删除岗位"),
            self.tr("确定要删除岗位“{0}”吗？删除后不可恢复。").format(current.name),
            lambda: positions.delete_position(self.session.ctx, current.id),
        )

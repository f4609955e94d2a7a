"""The employee register as a Qt model: a thin view over plain row tuples from the core.

Filtering and sorting happen on the Python list (see hrdesk.core.people.employee_table), not in a
QSortFilterProxyModel, which costs seconds per keystroke at 100,000 rows (docs/stack.md). The full
list is kept sorted; a filter keeps that order, so typing never re-sorts.

Columns are as wide as their contents: ``longest_texts`` picks, in the worker that loads the
register, each column's longest texts, and the page measures only those few.
"""

from __future__ import annotations

import heapq
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from hrdesk.core.people.employee_table import ID, META, EmployeeTable, TableColumn, filter_rows, sort_rows

# Role constants looked up once: attribute access inside data() doubles its cost.
DISPLAY = Qt.ItemDataRole.DisplayRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
USER = Qt.ItemDataRole.UserRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
HORIZONTAL = Qt.Orientation.Horizontal


def display_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def longest_texts(table: EmployeeTable, count: int = 12) -> list[list[str]]:
    """Per column, the ``count`` longest display texts over every row (by characters). Cheap enough
    for the worker at 100,000 rows (about 0.3 s), unlike measuring every cell on screen."""
    result = []
    for position in range(META, META + len(table.columns)):
        distinct = {row[position] for row in table.rows}
        distinct.discard(None)
        if all(isinstance(value, str) for value in distinct):
            longest = heapq.nlargest(count, distinct, key=len)
        else:
            longest = heapq.nlargest(count, distinct, key=lambda value: len(display_text(value)))
        result.append([display_text(value) for value in longest])
    return result


class EmployeeTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._columns: list[TableColumn] = []
        self._all: list[tuple] = []
        self._rows: list[tuple] = []
        self._text = ""
        self._statuses: set[str] | None = None
        self._departments: set[int] | None = None
        self._sort: tuple[int, bool] | None = None  # (column, descending)

    # --- data in -----------------------------------------------------------------------------

    def set_table(self, table: EmployeeTable) -> None:
        self.beginResetModel()
        self._columns = table.columns
        self._all = list(table.rows)
        if self._sort is not None and self._sort[0] < len(self._columns):
            sort_rows(self._all, META + self._sort[0], self._sort[1])
        self._rows = filter_rows(self._all, self._text, self._statuses, self._departments)
        self.endResetModel()

    def set_filter(
        self,
        text: str | None = None,
        statuses: set[str] | None | type(...) = ...,
        departments: set[int] | None | type(...) = ...,
    ) -> None:
        """Change any of the filters (``...`` keeps the current one)."""
        if text is not None:
            self._text = text
        if statuses is not ...:
            self._statuses = statuses
        if departments is not ...:
            self._departments = departments
        self.beginResetModel()
        self._rows = filter_rows(self._all, self._text, self._statuses, self._departments)
        self.endResetModel()

    # --- Qt model interface ------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index, role=DISPLAY):
        if role == DISPLAY:
            return display_text(self._rows[index.row()][META + index.column()])
        if role == ALIGN:
            if self._columns[index.column()].kind in ("money", "number"):
                return RIGHT
            return None
        if role == USER:
            return self._rows[index.row()][ID]
        return None

    def headerData(self, section, orientation, role=DISPLAY):
        if orientation == HORIZONTAL and role == DISPLAY and section < len(self._columns):
            return self._columns[section].label
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self._sort = (column, descending)
        self.layoutAboutToBeChanged.emit()
        sort_rows(self._all, META + column, descending)
        self._rows = filter_rows(self._all, self._text, self._statuses, self._departments)
        self.layoutChanged.emit()

    # --- helpers for the page ----------------------------------------------------------------

    @property
    def columns(self) -> list[TableColumn]:
        return self._columns

    def total_count(self) -> int:
        return len(self._all)

    def employee_id(self, row: int) -> int:
        return self._rows[row][ID]

    def row_of(self, employee_id: int) -> int:
        for i, row in enumerate(self._rows):
            if row[ID] == employee_id:
                return i
        return -1

    def value(self, row: int, key: str):
        for i, column in enumerate(self._columns):
            if column.key == key:
                return self._rows[row][META + i]
        raise KeyError(key)

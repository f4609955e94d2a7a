"""Table models over display tuples (with per-row colours and keys) and the table set-up every list
shares."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
)

from hrdesk.ui.common.styles import ROW_HEIGHT

DISPLAY = Qt.ItemDataRole.DisplayRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole
FONT = Qt.ItemDataRole.FontRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
HORIZONTAL = Qt.Orientation.Horizontal
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass
class Row:
    """One display row: the texts, the object it stands for, and how it looks."""

    cells: tuple
    key: object = None
    colors: dict = field(default_factory=dict)  # column -> QColor; -1 for the whole row
    bold: bool = False
    tooltips: dict = field(default_factory=dict)  # column -> text
    right: tuple = ()  # right-aligned columns (amounts)


class DisplayTableModel(QAbstractTableModel):
    """A read-only table over display rows built once per load (the project's table pattern): the
    counting and the column titles every table model here shares. Subclasses keep ``_rows`` and
    answer ``data``."""

    def __init__(self, headers: list[str], parent=None):
        super().__init__(parent)
        self._headers = headers
        self._rows: list = []

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=DISPLAY):
        if orientation == HORIZONTAL and role == DISPLAY and 0 <= section < len(self._headers):
            return self._headers[section]
        return None


class RowsModel(DisplayTableModel):
    """Display rows with per-row colours, bold, tooltips and right-aligned amounts."""

    def __init__(self, headers: list[str], parent=None):
        super().__init__(headers, parent)
        self._rows: list[Row] = []
        self._bold: QFont | None = None

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return self._rows

    def row(self, index: int) -> Row:
        return self._rows[index]

    def key(self, index: int):
        return self._rows[index].key

    def row_of(self, key) -> int:
        return next((i for i, r in enumerate(self._rows) if r.key == key), -1)

    def data(self, index, role=DISPLAY):
        row = self._rows[index.row()]
        column = index.column()
        if role == DISPLAY:
            return row.cells[column]
        if role == FOREGROUND:
            return row.colors.get(column, row.colors.get(-1))
        if role == FONT and row.bold:
            if self._bold is None:
                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        if role == TOOLTIP:
            return row.tooltips.get(column) or (row.cells[column] if len(str(row.cells[column])) > 18 else None)
        if role == ALIGN and column in row.right:
            return RIGHT
        return None


def setup_table(
    table: QTableView, model: QAbstractTableModel, widths: list[int], stretch: int | None = None, multi: bool = False
) -> None:
    """The look every table here shares: whole rows, no editing, fixed row height, set widths."""
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection if multi else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    vertical = table.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(ROW_HEIGHT)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setHighlightSections(False)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

"""A table of employees' rows with a 工号/姓名 filter box, for the 工资录入 tabs that list everyone.

The rows stay keyed by the model (an entry or employee id), so selection survives filtering and
reloading: the tabs ask for the key, never for a view row.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QLineEdit, QTableView

from hrdesk.ui.common.rows_model import Row, RowsModel, setup_table
from hrdesk.ui.payroll.inputs.labels import tr


class FilteredTable:
    """A RowsModel behind a text filter (工号 or 姓名) in a QTableView."""

    def __init__(self, name: str, headers: list[str], widths: list[int], stretch: int | None = None):
        self.model = RowsModel(headers)
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.view = QTableView()
        self.view.setObjectName(name)
        setup_table(self.view, self.proxy, widths, stretch=stretch)
        self.filter = QLineEdit()
        self.filter.setObjectName(f"{name}_filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(tr("按工号或姓名筛选"))
        self.filter.setMaximumWidth(220)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)

    def current_key(self):
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.key(self.proxy.mapToSource(index).row())

    def select_key(self, key) -> None:
        row = self.model.row_of(key)
        if row >= 0:
            self.view.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, 0)))

    def key_at(self, proxy_index):
        return self.model.key(self.proxy.mapToSource(proxy_index).row())

    def set_rows_keeping_selection(self, rows: list[Row]) -> None:
        """New rows; the row selected before stays selected when it is still there."""
        keep = self.current_key()
        self.model.set_rows(rows)
        if keep is not None:
            self.select_key(keep)

"""The month's payroll sheet: every employee's figures with department subtotals, and below the
table a totals row that stays put.

The totals live in a second one-row table (``footer``) under the first rather than as its last
row, so sorting and scrolling never move them: its columns follow the table's widths and its
horizontal scrolling. Subtotal and totals rows span the first three columns (工号, 姓名, 部门).

Each column is as wide as what it shows (``fit_columns``, after every load): its widest cell, its
header, and the sort arrow only on the column sorted by. One width for every amount column (wide
enough for 9,999,999.99) showed 7 of the 14 columns at 1280×800; fitted, all 14 fit once the detail
panel is closed (issue 11). A width the user dragged is kept.
"""

from __future__ import annotations

import heapq

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QStyle, QTableView, QVBoxLayout, QWidget

from hrdesk.ui.common.rows_model import setup_table
from hrdesk.ui.common.styles import ROW_HEIGHT
from hrdesk.ui.payroll.payroll_model import COLUMN_COUNT, DEPARTMENT, PayrollModel, TotalsModel
from hrdesk.ui.payroll.run.texts import tr

LABEL_COLUMNS = 3  # 工号, 姓名, 部门: what a subtotal or the totals row spans
CELL_MARGIN = 8  # what Qt's delegate takes for a cell's margins (7) and the grid line
CANDIDATES = 6  # per column, the longest texts measured (10,000 rows are not measured one by one)


class PayrollSheet(QWidget):
    """``table`` over ``model`` (the rows), ``footer`` over ``totals_model`` (the pinned totals)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = PayrollModel(self)
        self.totals_model = TotalsModel(self)

        self.table = QTableView()
        self.table.setObjectName("payroll_table")
        setup_table(self.table, self.model, [])
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setSortIndicator(DEPARTMENT, Qt.SortOrder.AscendingOrder)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setMinimumHeight(2 * self.table.fontMetrics().lineSpacing() + 10)  # two-line headers
        self.table.setSortingEnabled(True)

        self.footer = QTableView()
        self.footer.setObjectName("totals_table")
        setup_table(self.footer, self.totals_model, [])
        self.footer.setAlternatingRowColors(False)
        self.footer.horizontalHeader().setVisible(False)
        self.footer.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.footer.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.footer.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.footer.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.footer.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.footer.setFixedHeight(ROW_HEIGHT + 2 * self.footer.frameWidth())
        self.footer.setSpan(0, 0, 1, LABEL_COLUMNS)
        self.footer.setToolTip(tr("合计行固定在表格底部，不参与排序；有筛选条件时为筛选结果的合计"))
        header.sectionResized.connect(self._column_resized)
        header.sortIndicatorChanged.connect(lambda *_: self.fit_columns())  # the arrow needs room
        self._fitting = False
        self._user_widths: set[int] = set()  # columns the user dragged: their width is kept
        self.table.horizontalScrollBar().valueChanged.connect(self.footer.horizontalScrollBar().setValue)
        self.model.modelReset.connect(self._apply_spans)
        self.model.layoutChanged.connect(self._apply_spans)
        self.model.totals_changed.connect(self._update_totals)
        self.fit_columns()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.footer)

    def _column_resized(self, column: int, _old: int, width: int) -> None:
        self.footer.setColumnWidth(column, width)
        if not self._fitting:
            self._user_widths.add(column)

    def needed_widths(self) -> list[int]:
        """Per column, the width that shows its header and every cell whole: rows (subtotals in
        bold), the totals row, and the labels the subtotal and totals rows spread over the first
        three columns."""
        plain = self.table.fontMetrics()
        bold_font = QFont(self.table.font())
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        header = self.table.horizontalHeader()
        margin = self.table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
        sorted_column = header.sortIndicatorSection() if self.table.isSortingEnabled() else -1
        arrow = header.minimumHeight() // 2 + 2 * margin  # what QCommonStyle takes off the label
        subtotals = set(self.model.subtotal_rows())
        rows = [self.model.entry(r).cells for r in range(self.model.rowCount()) if r not in subtotals]
        sums = [self.model.entry(r).cells for r in subtotals]
        totals = self.totals_model.cells()

        def widest(metrics: QFontMetrics, texts) -> int:
            longest = heapq.nlargest(CANDIDATES, (t for t in texts if t), key=len)
            return max((metrics.horizontalAdvance(t) for t in longest), default=0) + CELL_MARGIN

        widths = []
        for column in range(COLUMN_COUNT):
            label = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            need = max(plain.horizontalAdvance(part) for part in label.split("\n")) + 2 * margin + CELL_MARGIN
            if column == sorted_column:
                need += arrow
            need = max(need, widest(plain, (cells[column] for cells in rows)))
            if column >= LABEL_COLUMNS:
                need = max(need, widest(bold, [cells[column] for cells in sums] + [totals[column]]))
            widths.append(need)
        # the spanned labels (销售部 小计（4人）, 合计（8人）) widen 部门 when the three are too narrow
        spanned = widest(bold, [cells[0] for cells in sums] + [totals[0]])
        widths[DEPARTMENT] += max(0, spanned - sum(widths[:LABEL_COLUMNS]))
        return widths

    def fit_columns(self) -> None:
        """Each column as wide as ``needed_widths`` says, except the ones the user dragged."""
        self._fitting = True
        try:
            for column, width in enumerate(self.needed_widths()):
                if column not in self._user_widths:
                    self.table.setColumnWidth(column, width)
                self.footer.setColumnWidth(column, self.table.columnWidth(column))
        finally:
            self._fitting = False

    def _apply_spans(self) -> None:
        self.table.clearSpans()
        for row in self.model.subtotal_rows():
            self.table.setSpan(row, 0, 1, LABEL_COLUMNS)

    def _update_totals(self) -> None:
        count, sums = self.model.totals()
        self.totals_model.set_totals(count, sums, self.model.is_filtered())

    def current_employee_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.employee_id(index.row()) if index.isValid() else None

    def select_row_of(self, employee_id: int) -> int:
        """Make the employee's row current and visible; their row, or -1 when not shown."""
        row = self.model.row_of(employee_id)
        if row < 0:
            return row
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return row

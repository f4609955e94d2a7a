"""The month's payroll sheet: every employee's figures with department subtotals, and below the
table a totals row that stays put.

The totals live in a second one-row table (``footer``) under the first rather than as its last
row, so sorting and scrolling never move them: its columns follow the table's widths and its
horizontal scrolling. Subtotal and totals rows span the first three columns (工号, 姓名, 部门).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QVBoxLayout, QWidget

from hrdesk.ui.common.rows_model import setup_table
from hrdesk.ui.common.styles import ROW_HEIGHT
from hrdesk.ui.payroll.payroll_model import COLUMN_COUNT, DEPARTMENT, EMP_NO, NAME, PAID_DAYS, PayrollModel, TotalsModel
from hrdesk.ui.payroll.run.texts import tr

LABEL_COLUMNS = 3  # 工号, 姓名, 部门: what a subtotal or the totals row spans


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
        header.sectionResized.connect(lambda column, _, width: self.footer.setColumnWidth(column, width))
        self.table.horizontalScrollBar().valueChanged.connect(self.footer.horizontalScrollBar().setValue)
        self.model.modelReset.connect(self._apply_spans)
        self.model.layoutChanged.connect(self._apply_spans)
        self.model.totals_changed.connect(self._update_totals)
        self._size_columns()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.footer)

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        amount = metrics.horizontalAdvance("9,999,999.99") + 20
        widths = {
            EMP_NO: metrics.horizontalAdvance("E0000000") + 20,
            NAME: metrics.horizontalAdvance("欧阳某某某") + 20,
            DEPARTMENT: metrics.horizontalAdvance("销售部/华东销售部") + 20,
            PAID_DAYS: metrics.horizontalAdvance("计薪天数") + 28,
        }
        for column in range(COLUMN_COUNT):
            width = widths.get(column, amount)
            label = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            label_width = max(metrics.horizontalAdvance(part) for part in label.split("\n"))
            width = max(width, label_width + 30)  # room for the sort arrow
            self.table.setColumnWidth(column, width)
            self.footer.setColumnWidth(column, width)

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

"""The lines of the 离职结算 statement: 项目, 计算依据 and 金额, with 实发合计 as the last line.

The 计算依据 column says how each amount was reached. It wraps to as many lines as the text needs,
never cut with "…" (issue 11: the 经济补偿金 working, the heart of the statement, was cut at three
lines), and the table is as tall as its rows: the settlement panel around it scrolls as a whole,
so there is one scroll bar, not a table scrolling inside a scrolling panel.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from hrdesk.core.separation.statement import Statement
from hrdesk.ui.common.styles import RED
from hrdesk.ui.common.wrapped_text_delegate import WrappedTextDelegate
from hrdesk.ui.separation.texts import signed_money, tr

NET_BACKGROUND = QColor("#e6f4ea")
BASIS_LINES = 1000  # the 计算依据 column wraps to as many lines as it needs (never "…")


class StatementLinesView(QTableView):
    """A read-only table of the statement's lines; ``lines_model`` holds them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("settlement_lines")
        self.lines_model = QStandardItemModel(0, 3, self)
        self.lines_model.setHorizontalHeaderLabels([tr("项目"), tr("计算依据"), tr("金额（元）")])
        self.setModel(self.lines_model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setItemDelegateForColumn(1, WrappedTextDelegate(BASIS_LINES, self))
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        metrics = self.fontMetrics()
        self.setColumnWidth(0, metrics.horizontalAdvance("个人所得税（经济补偿金）") + 20)
        self.setColumnWidth(2, metrics.horizontalAdvance("−999,999.99") + 28)
        header.sectionResized.connect(lambda *_: self.fit_rows())
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumHeight(160)

    def content_height(self) -> int:
        """Every row, the header and the frame: the height at which nothing scrolls."""
        rows = sum(self.rowHeight(r) for r in range(self.lines_model.rowCount()))
        return rows + self.horizontalHeader().height() + 2 * self.frameWidth()

    def fit_rows(self) -> None:
        """Rows as tall as their wrapped 计算依据 at the current width, and the table as tall as they."""
        self.resizeRowsToContents()
        self.setFixedHeight(max(self.content_height(), 160))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_rows()  # the stretched 计算依据 column is narrower or wider: rewrap

    def show_lines(self, st: Statement) -> None:
        model = self.lines_model
        model.removeRows(0, model.rowCount())
        bold = QFont(self.font())
        bold.setBold(True)
        for line in st.lines:
            item = QStandardItem(line.item)
            text = line.basis.replace("。；", "。")  # the basis joins whole sentences with "；"
            basis = QStandardItem(text)
            basis.setToolTip(text.replace("。", "。\n").replace("；", "；\n").strip())
            amount = QStandardItem(signed_money(line.amount))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(line.item)
            if line.section == "deduction" or line.amount < 0:
                amount.setForeground(QBrush(RED))
            if line.section == "net":
                for cell in (item, basis, amount):
                    cell.setFont(bold)
                    cell.setBackground(QBrush(NET_BACKGROUND))
                basis.setText(tr("应发合计减去各项扣款"))
                basis.setToolTip("")
            model.appendRow([item, basis, amount])
        self.fit_rows()

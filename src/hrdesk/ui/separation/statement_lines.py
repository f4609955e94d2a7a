"""The lines of the 离职结算 statement: 项目, 计算依据 and 金额, with 实发合计 as the last line.

The 计算依据 column says how each amount was reached; it wraps to three lines (the tooltip has all
of it) so that a long explanation does not push the amounts out of sight.
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
BASIS_LINES = 3  # the 计算依据 column wraps to at most this many lines; the tooltip has all of it


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
        header.sectionResized.connect(lambda *_: self.resizeRowsToContents())
        self.setMinimumHeight(160)

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
        self.resizeRowsToContents()

"""扣款（来自交接清单）: what the handover checklist deducts from the settlement, and finance's
confirmation of each amount.

Each deduction shows ✓ 财务已确认, 待财务确认, or for finance (until the statement is approved) a
确认扣款 button; confirming is the panel's (``confirm_requested``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from hrdesk.core.kernel.money import format_money
from hrdesk.core.separation.statement import Statement
from hrdesk.ui.common.styles import GREEN, HINT_STYLE, ORANGE, RED
from hrdesk.ui.separation.texts import MINUS, tr

ROW_HEIGHT = 32  # room for a 确认扣款 button in the row


class DeductionsList(QGroupBox):
    """The 扣款 box: ``table`` lists the deductions, ``confirm_buttons`` the ones finance may confirm."""

    confirm_requested = Signal(int)  # checklist item id

    def __init__(self, parent=None):
        super().__init__(tr("扣款（来自交接清单）"), parent)
        self.setObjectName("deductions_group")
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("deductions_table")
        self.table.setHorizontalHeaderLabels([tr("扣款项目"), tr("金额"), tr("状态")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.no_deductions = QLabel(tr("交接清单中没有扣款。"))
        self.no_deductions.setStyleSheet(HINT_STYLE)
        self.confirm_buttons: dict[int, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.no_deductions)
        layout.addWidget(self.table)

    def show_deductions(self, st: Statement, can_confirm: bool) -> None:
        """The statement's deductions; 确认扣款 buttons only when ``can_confirm`` and not yet approved."""
        table = self.table
        table.setRowCount(0)
        self.confirm_buttons = {}
        self.no_deductions.setVisible(not st.deductions)
        table.setVisible(bool(st.deductions))
        for row, d in enumerate(st.deductions):
            table.insertRow(row)
            origin = QTableWidgetItem(d.origin)
            origin.setToolTip(d.origin)
            amount = QTableWidgetItem(f"{MINUS}{format_money(d.amount)}")
            amount.setForeground(QBrush(RED))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, 0, origin)
            table.setItem(row, 1, amount)
            if d.confirmed:
                state = QTableWidgetItem(tr("✓ 财务已确认"))
                state.setForeground(QBrush(GREEN))
                table.setItem(row, 2, state)
            elif can_confirm and not st.approved:
                button = QPushButton(tr("确认扣款"))
                button.setObjectName(f"confirm_deduction_{d.item_id}")
                button.clicked.connect(lambda _=False, item_id=d.item_id: self.confirm_requested.emit(item_id))
                table.setCellWidget(row, 2, button)
                self.confirm_buttons[d.item_id] = button
            else:
                state = QTableWidgetItem(tr("待财务确认"))
                state.setForeground(QBrush(ORANGE))
                table.setItem(row, 2, state)
        height = table.horizontalHeader().height() + ROW_HEIGHT * max(1, len(st.deductions)) + 2 * table.frameWidth()
        table.setFixedHeight(height)

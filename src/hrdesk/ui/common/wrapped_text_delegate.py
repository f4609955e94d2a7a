"""A table cell that word-wraps to a few lines and ends with … when there is more.

Qt's own delegate either wraps without limit (rows grow as tall as the text) or elides to one
line; the 计算依据 column of the 离职结算 statement wants a sentence or two visible and the rest in
the tooltip, so rows stay a readable height.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QTableView


class WrappedTextDelegate(QStyledItemDelegate):
    """Word-wraps a cell to ``max_lines`` lines and ends the last with … when there is more."""

    def __init__(self, max_lines: int, parent=None):
        super().__init__(parent)
        self.max_lines = max_lines
        self.padding = 4

    def _lines(self, text: str, font: QFont, width: int) -> list[str]:
        layout = QTextLayout(text, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        spans = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            spans.append((line.textStart(), line.textLength()))
        layout.endLayout()
        return [text[start : start + length] for start, length in spans]

    def _visible(self, text: str, font: QFont, width: int) -> list[str]:
        lines = self._lines(text, font, width)
        if len(lines) <= self.max_lines:
            return lines
        shown = lines[: self.max_lines - 1]
        rest = "".join(lines[self.max_lines - 1 :])
        shown.append(QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width))
        return shown

    def paint(self, painter, option, index) -> None:
        self.initStyleOption(option, index)
        text = option.text
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        rect = option.rect.adjusted(self.padding, self.padding // 2, -self.padding, -self.padding // 2)
        lines = self._visible(text, option.font, max(10, rect.width()))
        painter.save()
        painter.setFont(option.font)
        color = index.data(Qt.ItemDataRole.ForegroundRole)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(option.palette.highlightedText().color())
        elif isinstance(color, (QBrush, QColor)):
            painter.setPen(color.color() if isinstance(color, QBrush) else color)
        else:
            painter.setPen(QColor("#3c4043"))
        spacing = option.fontMetrics.lineSpacing()
        for number, line in enumerate(lines):
            painter.drawText(
                QRectF(rect.x(), rect.y() + number * spacing, rect.width(), spacing),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                line,
            )
        painter.restore()

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt)
        self.initStyleOption(option, index)
        view = option.widget
        width = view.columnWidth(index.column()) if isinstance(view, QTableView) else option.rect.width()
        lines = self._visible(option.text, option.font, max(10, width - 2 * self.padding)) if option.text else [""]
        return QSize(width, len(lines) * option.fontMetrics.lineSpacing() + self.padding + 4)

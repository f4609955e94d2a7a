"""Above the payroll sheet: 搜索 (工号, 姓名, 部门), the 部门 filter (a department includes its
sub-departments) and how many people are shown, saying when the department subtotals are hidden
(they show only in department order without a search).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from hrdesk.ui.payroll.payroll_model import PayrollModel
from hrdesk.ui.payroll.run.texts import tr


class SheetFilters(QObject):
    """The filter widgets and ``row``, the layout that holds them; ``changed`` when the user filters.

    The page decides what a change means for the selected employee, so it applies the filter
    itself (``apply``) when ``changed`` arrives.
    """

    changed = Signal()

    def __init__(self, model: PayrollModel, parent: QWidget):
        super().__init__(parent)
        self.model = model
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(tr("搜索工号、姓名、部门…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("搜索工号、姓名、部门…") + 48)
        self.search.setMaximumWidth(320)
        self.search.textChanged.connect(lambda text: self.changed.emit())
        self.department_filter = QComboBox()
        self.department_filter.setObjectName("department_filter")
        self.department_filter.setMinimumContentsLength(12)
        self.department_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.department_filter.addItem(tr("全部部门"), None)
        self.department_filter.currentIndexChanged.connect(lambda *_: self.changed.emit())
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        self.row = QHBoxLayout()
        self.row.addWidget(self.search)
        self.row.addWidget(QLabel(tr("部门")))
        self.row.addWidget(self.department_filter)
        self.row.addStretch(1)
        self.row.addWidget(self.count_label)
        model.modelReset.connect(self.update_count)
        model.layoutChanged.connect(self.update_count)

    def apply(self) -> None:
        self.model.set_filter(text=self.search.text(), department=self.department_filter.currentData())

    def set_departments(self, paths: list[str]) -> None:
        """The month's departments, indented under their parents; the chosen one stays chosen."""
        combo = self.department_filter
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(tr("全部部门"), None)
        for path in paths:
            depth = path.count("/")
            combo.addItem("　" * depth + path.rsplit("/", 1)[-1], path)
            combo.setItemData(combo.count() - 1, path, Qt.ItemDataRole.ToolTipRole)
        index = combo.findData(current) if current else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        self.model.set_filter(department=combo.currentData())

    def update_count(self) -> None:
        shown, total = self.model.shown_count(), self.model.total_count()
        text = tr("显示 {0} / 共 {1} 人").format(shown, total)
        if total and not self.model.subtotals_shown():
            text += tr("（部门小计已隐藏）")
            self.count_label.setToolTip(
                tr("部门小计只在按部门顺序显示且没有搜索条件时显示；点击“部门”列标题恢复部门顺序")
            )
        else:
            self.count_label.setToolTip(tr("部门小计只在按部门顺序显示且没有搜索条件时显示"))
        self.count_label.setText(text)

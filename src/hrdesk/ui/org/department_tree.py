"""The department tree used as a filter beside the employee table.

Each department shows its 含下级人数 (hrdesk.core.org.tree.head_counts: everyone whose department or
项目部 is it or below it, once), which is how many the register lists when it is chosen; the
tooltip adds the 直属人数 that 组织架构 shows beside it. Labels are never cut: the column takes the
width of the longest one and the tree scrolls sideways when it is narrower (``content_width`` says
how wide it should be for the branches open).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QStyle, QTreeWidget, QTreeWidgetItem

from hrdesk.core.org.departments import DepartmentInfo
from hrdesk.core.org.tree import DepartmentKind, subtree_ids

ID_ROLE = Qt.ItemDataRole.UserRole


class DepartmentTree(QTreeWidget):
    """Emits ``selection_changed(set_of_ids | None)``: the chosen department and everything below it."""

    selection_changed = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("department_tree")
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self._parent_of: dict[int, int | None] = {}
        self.currentItemChanged.connect(self._emit)

    def set_departments(self, departments: list[DepartmentInfo]) -> None:
        current = self.selected_department()
        self.blockSignals(True)
        self.clear()
        self._parent_of = {d.id: d.parent_id for d in departments}
        root = QTreeWidgetItem([self.tr("全部部门")])
        root.setData(0, ID_ROLE, None)
        self.addTopLevelItem(root)
        items: dict[int, QTreeWidgetItem] = {}
        for dept in departments:  # parents come before children
            label = dept.name
            if dept.kind is DepartmentKind.PROJECT and not dept.name.endswith("项目部"):
                label += self.tr("（项目部）")  # not after a name that says so already
            if not dept.active:
                label += self.tr("（已停用）")
            item = QTreeWidgetItem([f"{label}（{dept.subtree_count}）"])
            item.setData(0, ID_ROLE, dept.id)
            item.setToolTip(
                0,
                self.tr("{0}\n直属 {1} 人，含下级部门共 {2} 人（在职）").format(
                    dept.path, dept.employee_count, dept.subtree_count
                ),
            )
            (items.get(dept.parent_id) or root).addChild(item)
            items[dept.id] = item
        self.expandToDepth(1)
        self.setCurrentItem(items.get(current, root) if current else root)
        self.blockSignals(False)
        self._emit()

    def content_width(self) -> int:
        """The width that shows the labels of the open branches whole, beside a vertical scroll bar
        (a branch opened later scrolls sideways rather than cutting its labels)."""
        metrics = self.fontMetrics()
        widest = 0
        stack = [(self.topLevelItem(i), 1) for i in range(self.topLevelItemCount())]
        while stack:
            item, depth = stack.pop()
            widest = max(widest, depth * self.indentation() + metrics.horizontalAdvance(item.text(0)))
            if item.isExpanded():
                stack.extend((item.child(i), depth + 1) for i in range(item.childCount()))
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return widest + 16 + 2 * self.frameWidth() + scroll_bar

    def selected_department(self) -> int | None:
        item = self.currentItem()
        return item.data(0, ID_ROLE) if item else None

    def selected_subtree(self) -> set[int] | None:
        dept = self.selected_department()
        if dept is None:
            return None
        return subtree_ids(self._parent_of, [dept])

    def select_department(self, dept_id: int | None) -> None:
        def walk(item):
            if item.data(0, ID_ROLE) == dept_id:
                return item
            for i in range(item.childCount()):
                found = walk(item.child(i))
                if found:
                    return found
            return None

        for i in range(self.topLevelItemCount()):
            found = walk(self.topLevelItem(i))
            if found:
                self.setCurrentItem(found)
                return

    def _emit(self, *_):
        self.selection_changed.emit(self.selected_subtree())

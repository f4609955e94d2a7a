"""组织架构: the department tree with kind, code, head and head counts (直属 and 含下级, as
hrdesk.core.org.tree.head_counts counts them; 含下级 is the count the register's department tree
shows); create, edit and delete."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QSize, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from hrdesk.core.kernel.permissions import Permission
from hrdesk.core.org import departments as org
from hrdesk.core.org.departments import DepartmentInfo
from hrdesk.core.org.tree import DepartmentKind
from hrdesk.ui.common.list_page import ListPage
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import ROW_HEIGHT

ID_ROLE = Qt.ItemDataRole.UserRole
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
INACTIVE = QColor("#8a8f98")

COL_NAME, COL_KIND, COL_CODE, COL_HEAD, COL_COUNT, COL_SUBTREE, COL_STATUS = range(7)


def _tr(text: str) -> str:
    return QCoreApplication.translate("DepartmentsPage", text)


def column_titles() -> list[str]:
    return [_tr("部门名称"), _tr("类型"), _tr("编码"), _tr("负责人"), _tr("直属人数"), _tr("含下级人数"), _tr("状态")]


def direct_tip() -> str:
    return _tr("直接归属本部门的在职员工（项目部含挂靠的项目成员），不含下级部门")


def subtree_tip() -> str:
    return _tr(
        "本部门及全部下级部门的在职员工，每人只计一次，与“员工档案”部门树中的人数相同。\n"
        "员工属于一个部门又挂靠一个项目部时，两处都计入直属人数；两处都在本部门之下时，这里只计一次。"
    )


def count_tip(dept: DepartmentInfo) -> str:
    """What the 含下级人数 of one department is made of."""
    text = _tr("{0}：直属 {1} 人，含下级部门共 {2} 人").format(dept.name, dept.employee_count, dept.subtree_count)
    if dept.shared_count:
        text += _tr("\n其中 {0} 人的部门和挂靠的项目部都在本部门之下，在直属人数中计了两次，这里只计一次").format(
            dept.shared_count
        )
    return text


class DepartmentsPage(ListPage):
    watched = ("department", "employee")

    def __init__(self, session: AppSession, parent=None):
        super().__init__(session, parent)
        self.setObjectName("departments_page")
        self.departments: dict[int, DepartmentInfo] = {}
        editable = session.actor.can_all(Permission.ORG_MANAGE)

        self.new_button = self.button(self.tr("新建部门"), "new_department", self.open_new_department)
        self.new_child_button = self.button(
            self.tr("新建下级部门"), "new_child_department", self.open_new_child_department
        )
        self.edit_button = self.button(self.tr("编辑"), "edit_department", self.edit_current)
        self.delete_button = self.button(self.tr("删除"), "delete_department", self.delete_current)
        self.refresh_button = self.button(self.tr("刷新"), "refresh", self.reload)
        for button in (self.new_button, self.new_child_button, self.edit_button, self.delete_button):
            button.setVisible(editable)

        toolbar = QHBoxLayout()
        toolbar.addWidget(self.new_button)
        toolbar.addWidget(self.new_child_button)
        toolbar.addWidget(self.edit_button)
        toolbar.addWidget(self.delete_button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.count_label)
        toolbar.addWidget(self.refresh_button)

        self.tree = QTreeWidget()
        self.tree.setObjectName("department_tree")
        self.tree.setColumnCount(len(column_titles()))
        self.tree.setHeaderLabels(column_titles())
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAllColumnsShowFocus(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.tree.headerItem().setTextAlignment(COL_COUNT, RIGHT)
        self.tree.headerItem().setTextAlignment(COL_SUBTREE, RIGHT)
        self.tree.headerItem().setTextAlignment(COL_STATUS, CENTER)
        self.tree.headerItem().setToolTip(COL_COUNT, direct_tip())
        self.tree.headerItem().setToolTip(COL_SUBTREE, subtree_tip())
        for column, width in (
            (COL_NAME, 300),
            (COL_KIND, 90),
            (COL_CODE, 110),
            (COL_HEAD, 110),
            (COL_COUNT, 80),
            (COL_SUBTREE, 90),
            (COL_STATUS, 80),
        ):
            self.tree.setColumnWidth(column, width)
        self.tree.currentItemChanged.connect(self.update_buttons)
        if editable:
            self.tree.itemDoubleClicked.connect(lambda *_: self.edit_current())
            self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            self.tree.customContextMenuRequested.connect(self._context_menu)

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.tree, 1)

        self.update_buttons()
        self.reload()

    # --- the tree -------------------------------------------------------------------------------

    def load(self, ctx) -> list[DepartmentInfo]:
        return org.list_departments(ctx)

    def show_items(self, departments: list[DepartmentInfo]) -> None:
        self.departments = {d.id: d for d in departments}
        self.tree.setUpdatesEnabled(False)
        self.tree.blockSignals(True)
        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for dept in departments:  # parents come before children
            item = self._make_item(dept)
            parent = items.get(dept.parent_id)
            if parent is None:
                self.tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            items[dept.id] = item
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self.tree.setUpdatesEnabled(True)

    def restore_selection(self, key) -> None:
        """The department selected (or just saved) if still there, else the top of the tree."""
        if (key is None or not self.select_key(key)) and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def count_text(self, departments: list[DepartmentInfo]) -> str:
        inactive = sum(1 for d in departments if not d.active)
        if not departments:
            return self.tr("还没有部门，请点击“新建部门”")
        if inactive:
            return self.tr("共 {0} 个部门（{1} 个已停用）").format(len(departments), inactive)
        return self.tr("共 {0} 个部门").format(len(departments))

    def _make_item(self, dept: DepartmentInfo) -> QTreeWidgetItem:
        project = dept.kind is DepartmentKind.PROJECT
        item = QTreeWidgetItem(
            [
                dept.name,
                dept.kind.label,
                dept.code or "",
                dept.head_name or "",
                str(dept.employee_count),
                str(dept.subtree_count),
                self.tr("启用") if dept.active else self.tr("已停用"),
            ]
        )
        item.setData(COL_NAME, ID_ROLE, dept.id)
        item.setToolTip(COL_NAME, dept.path)
        if dept.head_name:
            role = self.tr("项目负责人") if project else self.tr("负责人")
            item.setToolTip(COL_HEAD, self.tr("{0}：{1}").format(role, dept.head_name))
        item.setTextAlignment(COL_COUNT, RIGHT)
        item.setTextAlignment(COL_SUBTREE, RIGHT)
        item.setTextAlignment(COL_STATUS, CENTER)
        item.setToolTip(COL_COUNT, direct_tip())
        item.setToolTip(COL_SUBTREE, count_tip(dept))
        item.setSizeHint(COL_NAME, QSize(0, ROW_HEIGHT))
        if not dept.active:
            brush = QBrush(INACTIVE)
            for column in range(self.tree.columnCount()):
                item.setForeground(column, brush)
        return item

    # --- selection ------------------------------------------------------------------------------

    def current_key(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(COL_NAME, ID_ROLE) if item else None

    current_department_id = current_key

    def current_department(self) -> DepartmentInfo | None:
        dept_id = self.current_department_id()
        return self.departments.get(dept_id) if dept_id is not None else None

    def item_for(self, dept_id: int) -> QTreeWidgetItem | None:
        for item in self._all_items():
            if item.data(COL_NAME, ID_ROLE) == dept_id:
                return item
        return None

    def select_key(self, dept_id: int) -> bool:
        item = self.item_for(dept_id)
        if item is None:
            return False
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)
        return True

    select_department = select_key

    def _all_items(self):
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            yield item
            stack.extend(item.child(i) for i in range(item.childCount()))

    def update_buttons(self, *_) -> None:
        has = self.current_department() is not None
        for button in (self.new_child_button, self.edit_button, self.delete_button):
            button.setEnabled(has)

    def _context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        if item is not None:
            self.tree.setCurrentItem(item)
        menu = QMenu(self)
        menu.addAction(self.tr("新建部门"), self.open_new_department)
        if item is not None:
            menu.addAction(self.tr("新建下级部门"), self.open_new_child_department)
            menu.addAction(self.tr("编辑…"), self.edit_current)
            menu.addSeparator()
            menu.addAction(self.tr("删除"), self.delete_current)
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    # --- actions --------------------------------------------------------------------------------

    def _open_dialog(self, dept_id: int | None = None, parent_id: int | None = None):
        from hrdesk.ui.org.department_dialog import DepartmentDialog

        return self.open_dialog(lambda: DepartmentDialog(self.session, dept_id, parent_id, self))

    def open_new_department(self):
        """A new department: top level, or beside the selected one (under the same parent)."""
        current = self.current_department()
        return self._open_dialog(None, current.parent_id if current else None)

    def open_new_child_department(self):
        current = self.current_department()
        if current is None:
            return None
        return self._open_dialog(None, current.id)

    def edit_current(self):
        current = self.current_department()
        if current is None:
            return None
        return self._open_dialog(current.id)

    def delete_current(self) -> bool:
        """Ask, then delete; the service refuses a department that still has employees or children."""
        current = self.current_department()
        if current is None:
            return False
        deleted = self.confirm_and_delete(
            self.tr("删除部门"),
            self.tr("确定要删除部门“{0}”吗？\n删除后不可恢复；如只是不再使用，可以编辑部门并取消“启用”。").format(
                current.path
            ),
            lambda: org.delete_department(self.session.ctx, current.id),
        )
        if deleted:
            self._pending_select = current.parent_id
        return deleted

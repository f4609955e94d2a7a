"""员工档案: the employee register with search-as-you-type, department tree and status filters.

At 1280×800 the department tree is as wide as the labels of its open branches and the columns as
wide as their contents, so that the usual columns up to 手机 and beyond show whole without
scrolling (issue 11).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.audit import trail
from hrdesk.core.kernel.permissions import Permission
from hrdesk.core.org import departments as org
from hrdesk.core.people import employee_table
from hrdesk.core.people.employee_rules import EmployeeStatus
from hrdesk.ui.common import messages
from hrdesk.ui.common.rows_model import setup_table
from hrdesk.ui.common.runner import Reloader
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.org.department_tree import DepartmentTree
from hrdesk.ui.people.employee_table_model import EmployeeTableModel, longest_texts

TREE_MIN_WIDTH, TREE_MAX_WIDTH = 160, 320
CELL_PADDING = 16  # the cell's margins on both sides
HEADER_PADDING = 30  # the header's margins and the sort arrow
MAX_COLUMN_WIDTH = 260  # free text (a custom field's notes) beyond this is cut; the columns stay usable

ACTIVE = {EmployeeStatus.PROBATION.value, EmployeeStatus.REGULAR.value, EmployeeStatus.LEAVING.value}


def _tr(text: str) -> str:
    return QCoreApplication.translate("EmployeesPage", text)


def status_filters() -> list[tuple[str, set[str] | None]]:
    return [
        (_tr("在职（试用、正式、待离职）"), ACTIVE),
        (_tr("全部状态"), None),
    ] + [(s.label, {s.value}) for s in EmployeeStatus]


class EmployeesPage(QWidget):
    loaded = Signal()  # emitted after each (re)load has reached the table

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("employees_page")
        self.model = EmployeeTableModel(self)
        self.last_load_seconds = 0.0
        self._pending_select: int | None = None
        self.loader = Reloader(session.runner, self, self._prepare_load, self._loaded, self._load_failed)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("搜索工号、姓名、手机、部门…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.model.set_filter(text=text) or self._update_count())

        self.status_filter = QComboBox()
        self.status_filter.setObjectName("status_filter")
        for label, statuses in status_filters():
            self.status_filter.addItem(label, statuses)
        self.status_filter.currentIndexChanged.connect(self._status_changed)

        self.new_button = QPushButton(self.tr("新建员工"))
        self.new_button.setObjectName("new_employee")
        self.new_button.clicked.connect(self.open_new_employee)
        self.new_button.setVisible(session.can(Permission.EMPLOYEE_EDIT))
        self.open_button = QPushButton(self.tr("查看/编辑"))
        self.open_button.setObjectName("open_employee")
        self.open_button.clicked.connect(self._open_current)
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.clicked.connect(self.reload)
        self.trail_button = QPushButton(self.tr("操作记录"))
        self.trail_button.setObjectName("open_trail")
        self.trail_button.setToolTip(self.tr("查看所选员工的完整操作留痕（档案、账号、流程），可导出 Excel"))
        self.trail_button.clicked.connect(self._open_trail_current)
        self.trail_button.setVisible(trail.can_view_trails(session.ctx))
        self.columns_button = QPushButton(self.tr("显示列…"))
        self.columns_button.clicked.connect(
            lambda: self._column_menu().exec(self.columns_button.mapToGlobal(self.columns_button.rect().bottomLeft()))
        )
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")

        toolbar = QHBoxLayout()
        toolbar.addWidget(self.search, 2)
        toolbar.addWidget(self.status_filter)
        toolbar.addStretch(1)
        toolbar.addWidget(self.count_label)
        toolbar.addWidget(self.columns_button)
        toolbar.addWidget(self.refresh_button)
        toolbar.addWidget(self.trail_button)
        toolbar.addWidget(self.open_button)
        toolbar.addWidget(self.new_button)

        self.tree = DepartmentTree()
        self.tree.selection_changed.connect(lambda ids: self.model.set_filter(departments=ids) or self._update_count())
        self.tree.itemExpanded.connect(lambda *_: self._size_tree(grow_only=True))  # its labels whole

        self.table = QTableView()
        self.table.setObjectName("employee_table")
        setup_table(self.table, self.model, [])
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(lambda pos: self._column_menu().exec(header.mapToGlobal(pos)))
        self.table.doubleClicked.connect(lambda index: self.open_employee(self.model.employee_id(index.row())))
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

        self.splitter = splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([TREE_MIN_WIDTH, 1000])

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(splitter, 1)

        self._status_changed()
        session.signals.changed.connect(self._on_changes)
        self.reload()

    # --- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Load the register in the background; the table stays usable meanwhile."""
        if self.loader.reload():
            self.count_label.setText(self.tr("正在加载…"))

    def _prepare_load(self):
        ctx = self.session.ctx
        started = time.perf_counter()

        def work():
            table = employee_table.load(ctx)
            result = table, org.list_departments(ctx), longest_texts(table)
            return result, time.perf_counter() - started

        return work

    def _loaded(self, result) -> None:
        (table, departments, longest), self.last_load_seconds = result
        self._apply(table, departments, longest)

    def _load_failed(self, exc: BaseException) -> None:
        self.count_label.setText(self.tr("加载失败"))
        messages.show_error(self, exc)

    def _apply(self, table: employee_table.EmployeeTable, departments, longest: list[list[str]]) -> None:
        selected = self._pending_select or self.current_employee_id()
        first_load = not self.model.columns
        self.model.set_table(table)
        self.tree.set_departments(departments)
        if first_load:
            self._apply_column_visibility()
            self._size_columns(longest)
            self._size_tree()
        self._update_count()
        if selected is not None:
            self.select_employee(selected)
        self._pending_select = None
        self.loaded.emit()

    def _size_columns(self, longest: list[list[str]]) -> None:
        """Each column as wide as its header (with the sort arrow) and its longest text, up to
        MAX_COLUMN_WIDTH; ``longest`` holds each column's longest texts (measuring 100k rows here
        would take seconds)."""
        metrics = self.table.fontMetrics()
        for i, column in enumerate(self.model.columns):
            texts = longest[i] if i < len(longest) else []
            content = max((metrics.horizontalAdvance(text) for text in texts), default=0) + CELL_PADDING
            header = metrics.horizontalAdvance(column.label) + HEADER_PADDING
            self.table.setColumnWidth(i, min(max(content, header), MAX_COLUMN_WIDTH))

    def _size_tree(self, grow_only: bool = False) -> None:
        """The department tree as wide as the longest label of its open branches (within limits),
        the table the rest; an opened branch only ever widens it."""
        width = min(max(self.tree.content_width(), TREE_MIN_WIDTH), TREE_MAX_WIDTH)
        sizes = self.splitter.sizes()
        if grow_only and width <= sizes[0]:
            return
        total = sum(sizes)
        self.splitter.setSizes([width, max(total - width, 1)])

    def _on_changes(self, changes) -> None:
        if self.session.signals.touches(changes, "employee", "department", "position", "custom_field"):
            self.reload()

    # --- filters and columns -----------------------------------------------------------------

    def _status_changed(self, *_):
        self.model.set_filter(statuses=self.status_filter.currentData())
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total_count()
        self.count_label.setText(self.tr("显示 {0} / 共 {1} 人").format(shown, total))

    def _hidden_setting(self) -> set[str] | None:
        value = self.session.settings().value("employee_table/hidden_columns")
        if value is None:
            return None
        if isinstance(value, str):
            value = [value] if value else []
        return set(value)

    def _apply_column_visibility(self) -> None:
        hidden = self._hidden_setting()
        for i, column in enumerate(self.model.columns):
            hide = (column.key in hidden) if hidden is not None else not column.default_visible
            self.table.setColumnHidden(i, hide)

    def _column_menu(self) -> QMenu:
        menu = QMenu(self)
        for i, column in enumerate(self.model.columns):
            action = QAction(column.label, menu)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(i))
            action.toggled.connect(lambda checked, i=i: self._set_column_visible(i, checked))
            menu.addAction(action)
        return menu

    def _set_column_visible(self, index: int, visible: bool) -> None:
        self.table.setColumnHidden(index, not visible)
        hidden = [c.key for i, c in enumerate(self.model.columns) if self.table.isColumnHidden(i)]
        self.session.settings().setValue("employee_table/hidden_columns", hidden)

    # --- selection and dialogs ---------------------------------------------------------------

    def current_employee_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.employee_id(index.row())

    def select_employee(self, employee_id: int) -> bool:
        row = self.model.row_of(employee_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _open_current(self) -> None:
        employee_id = self.current_employee_id()
        if employee_id is not None:
            self.open_employee(employee_id)

    def open_employee(self, employee_id: int):
        from hrdesk.ui.people.employee_dialog import EmployeeDialog

        try:
            dialog = EmployeeDialog(self.session, employee_id, self)
        except Exception as exc:
            messages.show_error(self, exc)
            return None
        dialog.saved.connect(self._after_save)
        dialog.open()
        return dialog

    def _open_trail_current(self) -> None:
        employee_id = self.current_employee_id()
        if employee_id is not None:
            self.open_trail(employee_id)

    def open_trail(self, employee_id: int):
        from hrdesk.ui.audit.trail_dialog import TrailDialog

        dialog = TrailDialog(self.session, employee_id=employee_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_new_employee(self):
        from hrdesk.ui.people.employee_dialog import EmployeeDialog

        try:
            dialog = EmployeeDialog(self.session, None, self)
        except Exception as exc:
            messages.show_error(self, exc)
            return None
        dialog.saved.connect(self._after_save)
        dialog.open()
        return dialog

    def _after_save(self, employee_id: int) -> None:
        self._pending_select = employee_id

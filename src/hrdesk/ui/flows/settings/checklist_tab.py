"""交接清单模板: the handover items each department and position adds to a leaver's checklist."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.flows import checklist_templates, checklists
from hrdesk.core.flows.checklist_rules import ItemCategory, ItemOwner, ItemTemplate
from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.core.org import departments as org
from hrdesk.core.org import positions as position_service
from hrdesk.ui.common.messages import ERROR_STYLE, show_error
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.flows.settings.parts import (
    CELL_ERROR_STYLE,
    ERROR_COLOR,
    INFO_STYLE,
    OK_STYLE,
    ROW_HEIGHT,
    hint,
)

CATEGORY, TITLE, OWNER, ASSET = range(4)


class ChecklistTab(QWidget):
    loaded = Signal()

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("checklist_tab")
        self.templates: dict[tuple, int] = {}
        self.default_count = 0
        self._loaded_items: list[ItemTemplate] = []
        self._shown_key: tuple | None = None
        self._rows: list[dict[int, QWidget]] = []

        self.department = QComboBox()
        self.department.setObjectName("department")
        self.department.setMinimumWidth(260)
        self.position = QComboBox()
        self.position.setObjectName("position")
        self.position.setMinimumWidth(160)
        self.department.currentIndexChanged.connect(lambda *_: self._selection_changed(self.department))
        self.position.currentIndexChanged.connect(lambda *_: self._selection_changed(self.position))
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("部门")))
        chooser.addWidget(self.department)
        chooser.addSpacing(12)
        chooser.addWidget(QLabel(self.tr("岗位")))
        chooser.addWidget(self.position)
        chooser.addStretch(1)

        self.scope_label = QLabel()
        self.scope_label.setObjectName("scope")
        self.scope_label.setStyleSheet(INFO_STYLE)
        self.scope_label.setWordWrap(True)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("items_table")
        self.table.setHorizontalHeaderLabels([self.tr("类别"), self.tr("事项"), self.tr("负责人"), self.tr("资产编号")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT + 2)
        for column, width in enumerate((110, 360, 110, 140)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())

        self.add_button = QPushButton(self.tr("添加事项"))
        self.add_button.setObjectName("add_item")
        self.add_button.clicked.connect(self.add_item)
        self.remove_button = QPushButton(self.tr("删除事项"))
        self.remove_button.setObjectName("remove_item")
        self.remove_button.clicked.connect(self.remove_item)
        self.revert_button = QPushButton(self.tr("放弃修改"))
        self.revert_button.setObjectName("revert_items")
        self.revert_button.clicked.connect(lambda: self._show_items(self._loaded_items))
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setObjectName("save_items")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                self.tr(
                    "员工离职时的交接清单 = 公司默认清单 + 其所在部门的补充事项 + 其岗位的补充事项。"
                    "部门补充只用于直接属于该部门的员工（不含下级部门）。"
                )
            )
        )
        layout.addLayout(chooser)
        layout.addWidget(self.scope_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()
        self.reload()

    # loading

    def reload(self, keep_selection: bool = True) -> None:
        ctx = self.session.ctx
        key = self.selected_key() if keep_selection else (None, None)

        def work():
            departments = [d for d in org.list_departments(ctx) if d.active]
            positions = [p for p in position_service.list_positions(ctx) if p.active]
            stored = checklist_templates.list_templates(ctx)
            items = checklist_templates.get_template(ctx, *key)
            default_count = (
                len(items) if key == (None, None) else len(checklist_templates.get_template(ctx, None, None))
            )
            return departments, positions, stored, items, default_count

        def done(result):
            departments, positions, stored, items, self.default_count = result
            self.templates = {(t.department_id, t.position_id): t.item_count for t in stored}
            self._fill_choices(departments, positions, key)
            self._shown_key = key
            self._loaded_items = items
            self._show_items(items)
            self.loaded.emit()

        def failed(exc):
            self.status.setText(self.tr("加载失败"))
            show_error(self, exc)

        self.session.runner.submit(work, done, failed, owner=self)

    def _fill_choices(self, departments, positions, key) -> None:
        for combo in (self.department, self.position):
            combo.blockSignals(True)
            combo.clear()
        self.department.addItem(self.tr("公司默认（全体员工）"), None)
        for d in departments:
            self.department.addItem(d.path, d.id)
        self.position.addItem(self.tr("（不限岗位）"), None)
        for p in positions:
            self.position.addItem(p.name, p.id)
        self.department.setCurrentIndex(max(0, self.department.findData(key[0])))
        self.position.setCurrentIndex(max(0, self.position.findData(key[1])))
        self._mark_choices()
        for combo in (self.department, self.position):
            combo.blockSignals(False)

    def _mark_choices(self) -> None:
        """Departments and positions with additions of their own show how many."""
        with_dept = {d: n for (d, p), n in self.templates.items() if d is not None and p is None and n}
        with_pos = {p: n for (d, p), n in self.templates.items() if d is None and p is not None and n}
        for combo, counts in ((self.department, with_dept), (self.position, with_pos)):
            for i in range(1, combo.count()):
                base = combo.itemText(i).split(self.tr("  （"))[0]
                n = counts.get(combo.itemData(i))
                combo.setItemText(i, base + (self.tr("  （补充 {0} 项）").format(n) if n else ""))

    def selected_key(self) -> tuple[int | None, int | None]:
        return self.department.currentData(), self.position.currentData()

    def select(self, department_id: int | None, position_id: int | None) -> None:
        """Choose a template (as the user would with the two combos)."""
        self.department.setCurrentIndex(max(0, self.department.findData(department_id)))
        self.position.setCurrentIndex(max(0, self.position.findData(position_id)))

    def _selection_changed(self, combo: QComboBox) -> None:
        key = self.selected_key()
        if key == self._shown_key:
            return
        if self.is_dirty():
            answer = QMessageBox.question(
                self,
                self.tr("交接清单模板"),
                self.tr("当前清单有未保存的修改，放弃这些修改吗？"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                combo.blockSignals(True)
                index = 0 if combo is self.department else 1
                combo.setCurrentIndex(max(0, combo.findData(self._shown_key[index])))
                combo.blockSignals(False)
                return
        ctx = self.session.ctx
        self.status.setText("")
        self._shown_key = key
        self._set_editable(False)

        def done(items):
            if self.selected_key() != key:
                return
            self._loaded_items = items
            self._show_items(items)
            self.loaded.emit()

        self.session.runner.submit(
            lambda: checklist_templates.get_template(ctx, *key), done, lambda exc: show_error(self, exc), owner=self
        )

    def _scope_text(self) -> str:
        dept, pos = self.selected_key()
        dept_name = self.department.currentText().split(self.tr("  （"))[0]
        pos_name = self.position.currentText().split(self.tr("  （"))[0]
        if dept is None and pos is None:
            return self.tr("公司默认清单：每个离职员工都有这些事项。")
        if pos is None:
            text = self.tr("“{0}”的补充事项：该部门的员工离职时，在公司默认清单之外再加上这些事项。").format(dept_name)
        elif dept is None:
            text = self.tr("岗位“{0}”的补充事项：担任该岗位的员工离职时（不论部门）再加上这些事项。").format(pos_name)
        else:
            text = self.tr("“{0}”中岗位为“{1}”的员工的补充事项。").format(dept_name, pos_name)
        return text + self.tr("（公司默认清单有 {0} 项，在“公司默认”中修改。）").format(self.default_count)

    # the item table

    def _show_items(self, items: list[ItemTemplate]) -> None:
        self.table.setRowCount(0)
        self._rows = []
        for item in items:
            self._append(item)
        self.scope_label.setText(self._scope_text())
        self._set_editable(True)
        self._number_rows()
        self._update_buttons()

    def _append(self, item: ItemTemplate | None) -> int:
        r = self.table.rowCount()
        self.table.insertRow(r)
        for column in range(4):
            self.table.setItem(r, column, QTableWidgetItem())
        category = QComboBox()
        for c in ItemCategory:
            category.addItem(c.label, c.value)
        title = QLineEdit(item.title if item else "")
        title.setMaxLength(120)
        title.setPlaceholderText(self.tr("如 门禁卡归还"))
        title.setProperty("amount", str(item.amount) if item and item.amount is not None else None)
        owner = QComboBox()
        for o in ItemOwner:
            owner.addItem(o.label, o.value)
        asset = QLineEdit(item.asset_no or "" if item else "")
        asset.setMaxLength(40)
        asset.setPlaceholderText(self.tr("设备类可填"))
        if item:
            category.setCurrentIndex(category.findData(item.category.value))
            owner.setCurrentIndex(owner.findData(item.owner.value))
        else:
            owner.setCurrentIndex(owner.findData(ItemOwner.ADMIN.value))
        widgets = {CATEGORY: category, TITLE: title, OWNER: owner, ASSET: asset}
        for column, widget in widgets.items():
            self.table.setCellWidget(r, column, widget)
            widget.installEventFilter(self)
        self._rows.append(widgets)
        return r

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.FocusIn:
            for r, widgets in enumerate(self._rows):
                if watched in widgets.values() and r != self.table.currentRow():
                    self.table.setCurrentCell(r, TITLE)
        return False

    def cell(self, row: int, column: int) -> QWidget:
        return self._rows[row][column]

    def _number_rows(self, errors: set[int] = frozenset()) -> None:
        for r in range(self.table.rowCount()):
            item = QTableWidgetItem(("⚠ " if r in errors else "") + str(r + 1))
            if r in errors:
                item.setForeground(ERROR_COLOR)
            self.table.setVerticalHeaderItem(r, item)

    def items(self) -> list[ItemTemplate]:
        result = []
        for widgets in self._rows:
            amount = widgets[TITLE].property("amount")
            result.append(
                ItemTemplate(
                    ItemCategory(widgets[CATEGORY].currentData()),
                    widgets[TITLE].text().strip(),
                    ItemOwner(widgets[OWNER].currentData()),
                    widgets[ASSET].text().strip() or None,
                    Decimal(amount) if amount else None,
                )
            )
        return result

    def is_dirty(self) -> bool:
        return self._shown_key is not None and self.items() != self._loaded_items

    def _set_editable(self, editable: bool) -> None:
        self.table.setEnabled(editable)
        self.add_button.setEnabled(editable)
        self.save_button.setEnabled(editable)
        self.revert_button.setEnabled(editable)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.table.isEnabled() and 0 <= self.table.currentRow() < len(self._rows))

    def add_item(self) -> None:
        r = self._append(None)
        self._number_rows()
        self.table.setCurrentCell(r, TITLE)
        self.cell(r, TITLE).setFocus()
        self._update_buttons()

    def remove_item(self) -> None:
        r = self.table.currentRow()
        if not 0 <= r < len(self._rows):
            return
        items = self.items()
        del items[r]
        self._show_items(items)  # the saved list stays what "放弃修改" returns to
        if items:
            self.table.setCurrentCell(min(r, len(items) - 1), TITLE)
        self._update_buttons()

    def save(self) -> bool:
        items = self.items()
        empty = {r for r, item in enumerate(items) if not item.title}
        for r, widgets in enumerate(self._rows):
            widgets[TITLE].setStyleSheet(CELL_ERROR_STYLE if r in empty else "")
        self._number_rows(empty)
        if empty:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(
                self.tr("没有保存：第 {0} 项没有填写事项名称。").format("、".join(str(r + 1) for r in sorted(empty)))
            )
            return False
        dept, pos = self.selected_key()
        try:
            checklists.save_template(self.session.ctx, dept, pos, items)
        except ValidationError as exc:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(self.tr("没有保存：") + "；".join(exc.errors.values()))
            return False
        except HRDeskError as exc:
            show_error(self, exc)
            return False
        self._loaded_items = items
        self.templates[(dept, pos)] = len(items)
        if (dept, pos) == (None, None):
            self.default_count = len(items)
        self._mark_choices()
        self.status.setStyleSheet(OK_STYLE)
        self.status.setText(self.tr("已保存 {0} 项。之后发起的离职流程使用新清单，进行中的不变。").format(len(items)))
        return True

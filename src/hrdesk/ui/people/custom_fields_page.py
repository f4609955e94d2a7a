"""自定义字段: the company's own employee fields (e.g. 教师职称), which the employee dialog shows.

A field nobody has filled in can be deleted; a field in use can only be deactivated (the service
says so, and this page shows its message).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.kernel.errors import HRDeskError
from hrdesk.core.people import custom_fields
from hrdesk.core.people.custom_field_types import CustomFieldDef
from hrdesk.ui.common.messages import show_error
from hrdesk.ui.common.rows_model import setup_table
from hrdesk.ui.common.runner import Reloader
from hrdesk.ui.common.session import AppSession

DISPLAY = Qt.ItemDataRole.DisplayRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
CENTER = int(Qt.AlignmentFlag.AlignCenter)
HORIZONTAL = Qt.Orientation.Horizontal
GREY = QColor("#80868b")
CHOICES_COLUMN, REQUIRED_COLUMN = 3, 4
NOTICE_STYLE = "color: #1e7e34;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CustomFieldsPage", text)


def definition_row(d: CustomFieldDef) -> tuple:
    return (
        d.label,
        d.key,
        d.field_type.label,
        "、".join(d.choices),
        _tr("是") if d.required else "",
        _tr("启用") if d.active else _tr("停用"),
    )


class CustomFieldTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._headers = [_tr("名称"), _tr("代码"), _tr("类型"), _tr("选项"), _tr("必填"), _tr("状态")]
        self._items: list[tuple[CustomFieldDef, tuple]] = []

    def set_definitions(self, definitions: list[CustomFieldDef]) -> None:
        self.beginResetModel()
        self._items = [(d, definition_row(d)) for d in definitions]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index, role=DISPLAY):
        definition, row = self._items[index.row()]
        if role == DISPLAY:
            return row[index.column()]
        if role == FOREGROUND and not definition.active:
            return GREY
        if role == TOOLTIP and index.column() == CHOICES_COLUMN and definition.choices:
            return "\n".join(definition.choices)
        if role == ALIGN and index.column() == REQUIRED_COLUMN:
            return CENTER
        return None

    def headerData(self, section, orientation, role=DISPLAY):
        if orientation == HORIZONTAL and role == DISPLAY and section < len(self._headers):
            return self._headers[section]
        return None

    def definition(self, row: int) -> CustomFieldDef:
        return self._items[row][0]

    def row_of(self, field_id: int) -> int:
        return next((i for i, (d, _) in enumerate(self._items) if d.id == field_id), -1)


class CustomFieldsPage(QWidget):
    loaded = Signal()

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("custom_fields_page")
        self.model = CustomFieldTableModel(self)
        self.loader = Reloader(session.runner, self, self._prepare_load, self._apply, self._load_failed)
        self._pending_select: int | None = None

        intro = QLabel(
            self.tr("在员工档案中增加公司需要的信息项，如“教师职称”“工会会员”。已有员工填写的字段不能删除，可以停用。")
        )
        intro.setObjectName("intro")
        intro.setStyleSheet("color: #5f6368;")
        intro.setWordWrap(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.setObjectName("refresh")
        self.refresh_button.clicked.connect(self.reload)
        self.delete_button = QPushButton(self.tr("删除"))
        self.delete_button.setObjectName("delete_field")
        self.delete_button.clicked.connect(self.delete_current)
        self.edit_button = QPushButton(self.tr("编辑"))
        self.edit_button.setObjectName("edit_field")
        self.edit_button.clicked.connect(self.open_edit_field)
        self.new_button = QPushButton(self.tr("新增字段"))
        self.new_button.setObjectName("new_field")
        self.new_button.clicked.connect(self.open_new_field)

        toolbar = QHBoxLayout()
        toolbar.addWidget(self.notice)
        toolbar.addStretch(1)
        toolbar.addWidget(self.count_label)
        toolbar.addWidget(self.refresh_button)
        toolbar.addWidget(self.delete_button)
        toolbar.addWidget(self.edit_button)
        toolbar.addWidget(self.new_button)

        self.table = QTableView()
        self.table.setObjectName("field_table")
        setup_table(self.table, self.model, [])
        header = self.table.horizontalHeader()
        for column, width in enumerate((150, 150, 70, 320, 60, 80)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(CHOICES_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda index: self.open_edit_field())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(toolbar)
        layout.addWidget(self.table, 1)

        session.signals.changed.connect(self._on_changes)
        self._update_buttons()
        self.reload()

    # --- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        if self.loader.reload():
            self.count_label.setText(self.tr("正在加载…"))

    def _prepare_load(self):
        ctx = self.session.ctx
        return lambda: custom_fields.list_definitions(ctx, include_inactive=True)

    def _load_failed(self, exc: BaseException) -> None:
        self.count_label.setText(self.tr("加载失败"))
        show_error(self, exc)

    def _apply(self, definitions: list[CustomFieldDef]) -> None:
        current = self.current_definition()
        selected = self._pending_select or (current.id if current else None)
        self.model.set_definitions(definitions)
        self._pending_select = None
        if selected is not None:
            self.select_field(selected)
        active = sum(1 for d in definitions if d.active)
        self.count_label.setText(self.tr("共 {0} 个字段，{1} 个启用").format(len(definitions), active))
        self._update_buttons()
        self.loaded.emit()

    def _on_changes(self, changes) -> None:
        if self.session.signals.touches(changes, "custom_field"):
            self.reload()

    def _update_buttons(self) -> None:
        has = self.table.currentIndex().isValid()
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    # --- selection ------------------------------------------------------------------------------

    def current_definition(self) -> CustomFieldDef | None:
        index = self.table.currentIndex()
        return self.model.definition(index.row()) if index.isValid() else None

    def select_field(self, field_id: int) -> bool:
        row = self.model.row_of(field_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self._update_buttons()
        return True

    # --- actions ----------------------------------------------------------------------------

    def open_new_field(self):
        from hrdesk.ui.people.custom_field_dialog import CustomFieldDialog

        dialog = CustomFieldDialog(self.session, None, self)
        dialog.saved.connect(self._after_save)
        dialog.open()
        return dialog

    def open_edit_field(self):
        from hrdesk.ui.people.custom_field_dialog import CustomFieldDialog

        definition = self.current_definition()
        if definition is None:
            return None
        dialog = CustomFieldDialog(self.session, definition, self)
        dialog.saved.connect(self._after_save)
        dialog.open()
        return dialog

    def delete_current(self) -> bool:
        definition = self.current_definition()
        if definition is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("删除自定义字段"),
            self.tr("删除字段“{0}”？删除后不能恢复。").format(definition.label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            custom_fields.delete_definition(self.session.ctx, definition.id)
        except HRDeskError as exc:
            show_error(self, exc)
            return False
        self.notice.setText(self.tr("已删除“{0}”。").format(definition.label))
        return True

    def _after_save(self, field_id: int) -> None:
        self._pending_select = field_id
        self.notice.setText("")

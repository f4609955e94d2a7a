"""自定义字段: the company's own employee fields (e.g. 教师职称), which the employee dialog shows.

A field nobody has filled in can be deleted; a field in use can only be deactivated (the service
says so, and this page shows its message).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTableView, QVBoxLayout

from hrdesk.core.people import custom_fields
from hrdesk.core.people.custom_field_types import CustomFieldDef
from hrdesk.ui.common.list_page import TablePage
from hrdesk.ui.common.rows_model import DisplayTableModel, setup_table
from hrdesk.ui.common.session import AppSession

DISPLAY = Qt.ItemDataRole.DisplayRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
CENTER = int(Qt.AlignmentFlag.AlignCenter)
GREY = QColor("#80868b")
CHOICES_COLUMN, REQUIRED_COLUMN = 3, 4


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


class CustomFieldTableModel(DisplayTableModel):
    def __init__(self, parent=None):
        super().__init__([_tr("名称"), _tr("代码"), _tr("类型"), _tr("选项"), _tr("必填"), _tr("状态")], parent)
        self._rows: list[tuple[CustomFieldDef, tuple]] = []

    def set_definitions(self, definitions: list[CustomFieldDef]) -> None:
        self.beginResetModel()
        self._rows = [(d, definition_row(d)) for d in definitions]
        self.endResetModel()

    def data(self, index, role=DISPLAY):
        definition, row = self._rows[index.row()]
        if role == DISPLAY:
            return row[index.column()]
        if role == FOREGROUND and not definition.active:
            return GREY
        if role == TOOLTIP and index.column() == CHOICES_COLUMN and definition.choices:
            return "\n".join(definition.choices)
        if role == ALIGN and index.column() == REQUIRED_COLUMN:
            return CENTER
        return None

    def definition(self, row: int) -> CustomFieldDef:
        return self._rows[row][0]

    def key(self, row: int) -> int:
        return self._rows[row][0].id

    def row_of(self, field_id: int) -> int:
        return next((i for i, (d, _) in enumerate(self._rows) if d.id == field_id), -1)


class CustomFieldsPage(TablePage):
    watched = ("custom_field",)

    def __init__(self, session: AppSession, parent=None):
        super().__init__(session, parent)
        self.setObjectName("custom_fields_page")
        self.model = CustomFieldTableModel(self)

        intro = QLabel(
            self.tr("在员工档案中增加公司需要的信息项，如“教师职称”“工会会员”。已有员工填写的字段不能删除，可以停用。")
        )
        intro.setObjectName("intro")
        intro.setStyleSheet("color: #5f6368;")
        intro.setWordWrap(True)
        self.refresh_button = self.button(self.tr("刷新"), "refresh", self.reload)
        self.delete_button = self.button(self.tr("删除"), "delete_field", self.delete_current)
        self.edit_button = self.button(self.tr("编辑"), "edit_field", self.open_edit_field)
        self.new_button = self.button(self.tr("新增字段"), "new_field", self.open_new_field)

        toolbar = QHBoxLayout()
        toolbar.addWidget(self.notice)
        toolbar.addStretch(1)
        toolbar.addWidget(self.count_label)
        for button in (self.refresh_button, self.delete_button, self.edit_button, self.new_button):
            toolbar.addWidget(button)

        self.table = QTableView()
        self.table.setObjectName("field_table")
        setup_table(self.table, self.model, [150, 150, 70, 320, 60, 80], stretch=CHOICES_COLUMN)
        self.table.doubleClicked.connect(lambda index: self.open_edit_field())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.update_buttons())

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(toolbar)
        layout.addWidget(self.table, 1)

        self.update_buttons()
        self.reload()

    # --- the list -------------------------------------------------------------------------------

    def load(self, ctx) -> list[CustomFieldDef]:
        return custom_fields.list_definitions(ctx, include_inactive=True)

    def show_items(self, definitions: list[CustomFieldDef]) -> None:
        self.model.set_definitions(definitions)

    def count_text(self, definitions: list[CustomFieldDef]) -> str:
        active = sum(1 for d in definitions if d.active)
        return self.tr("共 {0} 个字段，{1} 个启用").format(len(definitions), active)

    def update_buttons(self, *_) -> None:
        has = self.table.currentIndex().isValid()
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    # --- selection ------------------------------------------------------------------------------

    def current_definition(self) -> CustomFieldDef | None:
        index = self.table.currentIndex()
        return self.model.definition(index.row()) if index.isValid() else None

    def select_field(self, field_id: int) -> bool:
        return self.select_key(field_id)

    # --- actions ----------------------------------------------------------------------------

    def open_new_field(self):
        from hrdesk.ui.people.custom_field_dialog import CustomFieldDialog

        return self.open_dialog(lambda: CustomFieldDialog(self.session, None, self))

    def open_edit_field(self):
        from hrdesk.ui.people.custom_field_dialog import CustomFieldDialog

        definition = self.current_definition()
        if definition is None:
            return None
        return self.open_dialog(lambda: CustomFieldDialog(self.session, definition, self))

    def delete_current(self) -> bool:
        definition = self.current_definition()
        if definition is None:
            return False
        deleted = self.confirm_and_delete(
            self.tr("删除自定义字段"),
            self.tr("删除字段“{0}”？删除后不能恢复。").format(definition.label),
            lambda: custom_fields.delete_definition(self.session.ctx, definition.id),
        )
        if deleted:
            self.notice.setText(self.tr("已删除“{0}”。").format(definition.label))
        return deleted

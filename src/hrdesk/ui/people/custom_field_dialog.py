"""A company-defined employee field (forms/custom_field_dialog.ui): create or edit a definition.

Key and type are fixed once saved (stored values depend on them), so they are read-only when
editing; 启用 only exists for a saved field. Validation messages appear under their fields.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.core.people import custom_fields
from hrdesk.core.people.custom_field_types import CustomFieldDef, FieldType
from hrdesk.ui.common.messages import ERROR_STYLE, show_error, show_field_errors
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import HINT_STYLE
from hrdesk.ui.forms.ui_custom_field_dialog import Ui_CustomFieldDialog

READ_ONLY_STYLE = "QLineEdit { background: #f1f3f4; color: #3c4043; }"


class CustomFieldDialog(QDialog):
    saved = Signal(int)  # definition id

    def __init__(self, session: AppSession, definition: CustomFieldDef | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.definition = definition
        self.form = Ui_CustomFieldDialog()
        self.form.setupUi(self)
        f = self.form
        self.error_labels: dict[str, QLabel] = {
            name[4:]: getattr(f, name) for name in dir(f) if name.startswith("err_")
        }
        for field_type in FieldType:
            f.field_type.addItem(field_type.label, field_type.value)
        f.grid.setColumnStretch(1, 1)
        f.grid.setColumnMinimumWidth(0, 60)
        f.choices.setMinimumHeight(110)
        self._choices_placeholder = f.choices.placeholderText()
        f.hint.setStyleSheet(HINT_STYLE)
        f.field_type.currentIndexChanged.connect(self._type_changed)
        f.buttons.accepted.connect(self.save)
        f.buttons.rejected.connect(self.reject)
        f.active.setVisible(definition is not None)  # a new field starts enabled
        if definition is None:
            self.setWindowTitle(self.tr("新增自定义字段"))
        else:
            self._show_definition(definition)
        self._type_changed()
        self.resize(540, self.sizeHint().height())

    def _show_definition(self, d: CustomFieldDef) -> None:
        f = self.form
        self.setWindowTitle(self.tr("编辑自定义字段 - {0}").format(d.label))
        f.label.setText(d.label)
        f.key.setText(d.key)
        f.key.setReadOnly(True)
        f.key.setStyleSheet(READ_ONLY_STYLE)
        f.field_type.setCurrentIndex(f.field_type.findData(d.field_type.value))
        f.field_type.setEnabled(False)
        f.choices.setPlainText("\n".join(d.choices))
        f.required.setChecked(d.required)
        f.active.setChecked(d.active)
        f.hint.setText(self.tr("代码和类型保存后不能修改；已有员工在用的选项不能删除。"))

    def field_type(self) -> FieldType:
        return FieldType(self.form.field_type.currentData())

    def _type_changed(self, *_) -> None:
        is_choice = self.field_type() is FieldType.CHOICE
        self.form.choices.setEnabled(is_choice)
        self.form.choices.setPlaceholderText(
            self._choices_placeholder if is_choice else self.tr("只有“选项”类型需要填写")
        )
        self.form.lbl_choices.setEnabled(is_choice)
        if not is_choice:
            show_field_errors({"choices": self.form.err_choices}, {})

    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.form.choices.toPlainText().splitlines() if line.strip()]

    def save(self) -> None:
        f = self.form
        field_type = self.field_type()
        choices = self.choice_list() if field_type is FieldType.CHOICE else []
        try:
            if self.definition is None:
                result = custom_fields.create_definition(
                    self.session.ctx, f.key.text().strip(), f.label.text(), field_type, choices, f.required.isChecked()
                )
            else:
                result = custom_fields.update_definition(
                    self.session.ctx,
                    self.definition.id,
                    label=f.label.text(),
                    choices=choices,
                    required=f.required.isChecked(),
                    active=f.active.isChecked(),
                )
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return
        except HRDeskError as exc:
            show_error(self, exc)
            return
        self.definition = result
        self.saved.emit(result.id)
        self.accept()

    def _show_errors(self, errors: dict[str, str]) -> None:
        leftovers = show_field_errors(self.error_labels, errors)
        self.form.banner.setText(
            self.tr("请修正标红的内容后再保存。") + ("" if not leftovers else " " + "；".join(leftovers))
        )
        self.form.banner.setStyleSheet(ERROR_STYLE)
        self.form.banner.setVisible(bool(errors))

    def current_errors(self) -> dict[str, str]:
        return {k: label.text() for k, label in self.error_labels.items() if not label.isHidden() and label.text()}

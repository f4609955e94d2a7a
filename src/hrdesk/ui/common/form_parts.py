"""The small parts the payroll forms are built from: hints, error lines, named buttons, Save/Cancel.

The 工资录入 and 薪资设置 pages and their dialogs used to carry private copies of these; one copy
keeps the look (colours, wrapping, label alignment) and the way errors are shown the same on every
payroll form: a service's message goes next to the field it names, and whatever names no field on
the form goes to a banner.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QTableView

from hrdesk.ui.common.messages import show_field_errors
from hrdesk.ui.common.rows_model import RowsModel, setup_table
from hrdesk.ui.common.styles import ERROR_STYLE, HINT_STYLE


def hint_label(text: str) -> QLabel:
    """Grey explanatory text that wraps."""
    label = QLabel(text)
    label.setStyleSheet(HINT_STYLE)
    label.setWordWrap(True)
    return label


def error_label() -> QLabel:
    """A red message line, hidden until there is something to say."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setVisible(False)
    return label


def named_button(text: str, name: str, slot) -> QPushButton:
    """A push button with an object name (tests and style sheets find it by name)."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


def form_layout(parent=None) -> QFormLayout:
    """A form whose labels sit right-aligned next to their fields."""
    form = QFormLayout(parent)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return form


def add_field_row(form: QFormLayout, label: str, field, error_labels: dict[str, QLabel], key: str) -> QLabel:
    """A form row and under it the field's error line, kept in ``error_labels[key]``."""
    form.addRow(label, field)
    error = error_labels[key] = error_label()
    form.addRow("", error)
    return error


def save_cancel_buttons(dialog: QDialog) -> QDialogButtonBox:
    """保存 runs ``dialog.save()`` (which closes the dialog only when it succeeds); 取消 rejects."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.save)
    buttons.rejected.connect(dialog.reject)
    return buttons


def show_errors_with_banner(labels: dict[str, QLabel], banner: QLabel, errors: dict[str, str]) -> None:
    """Each message next to its field; the ones for no field on the form in the banner."""
    leftovers = show_field_errors(labels, errors)
    banner.setText("；".join(leftovers))
    banner.setVisible(bool(leftovers))


def shown_errors(labels: dict[str, QLabel]) -> dict[str, str]:
    """The messages showing now, by field."""
    return {k: label.text() for k, label in labels.items() if not label.isHidden() and label.text()}


def rows_table(
    name: str, headers: list[str], widths: list[int], stretch: int | None = None
) -> tuple[QTableView, RowsModel]:
    """A read-only table over a RowsModel, set up the way every table here looks."""
    model = RowsModel(headers)
    view = QTableView()
    view.setObjectName(name)
    setup_table(view, model, widths, stretch=stretch)
    model.setParent(view)
    return view, model

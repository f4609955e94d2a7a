"""The editor every versioned policy table shares: it saves a new version in force from a month.

A policy table is never overwritten (payroll_policies.save_version): the editor starts from the
selected version, asks from which month the change applies and which document it comes from, and
saves a new version, so the months before keep being calculated as they were. The subclasses add
their fields and turn them into the version's data (``collect``); the service checks the data the
way the calculation will read it, and its messages appear next to the fields, or in the banner when
they name no field of the form.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.core.payroll import policies
from hrdesk.core.payroll.policies import StoredVersion
from hrdesk.ui.common.form_parts import (
    error_label,
    hint_label,
    save_cancel_buttons,
    show_errors_with_banner,
    shown_errors,
)
from hrdesk.ui.common.messages import show_error, show_field_errors
from hrdesk.ui.common.month_edit import MonthEdit, next_month_start
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.payroll.settings.policy_numbers import tr

CELL_ERROR = QBrush(QColor("#fde7e9"))  # a table cell whose value is wrong
NO_BRUSH = QBrush()


def number_item(text: str) -> QTableWidgetItem:
    """An editable table cell for a number: right-aligned like the numbers in every table."""
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def editable_table(name: str, headers: list[str], widths: list[int]) -> QTableWidget:
    """An empty table of rows to type into (insurance items, tax bands); the last column stretches."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class PolicyDialog(QDialog):
    """What the version editors share: 生效月份, 政策来源, an error line and Save/Cancel."""

    saved = Signal(object)  # the StoredVersion

    kind = ""

    def __init__(self, session: AppSession, base: StoredVersion | None, parent=None):
        super().__init__(parent)
        self.session = session
        self.base = base
        self.effective = MonthEdit(next_month_start(session.ctx.clock.today()))
        self.effective.setObjectName("effective_from")
        self.source = QLineEdit()  # a new version comes from a new document: never the old one's name
        self.source.setObjectName("source")
        self.source.setMaxLength(500)
        self.source.setPlaceholderText(tr("文件名称或文号，如“沪人社规〔2025〕12号”"))
        self.error_labels: dict[str, QLabel] = {"source": error_label(), "data": error_label(), "key": error_label()}
        self.banner = error_label()
        self.buttons = save_cancel_buttons(self)

    def effective_form(self, form: QFormLayout) -> None:
        form.addRow(self.tr("自哪个月起执行 *"), self.effective)
        form.addRow("", hint_label(self.tr("保存为新版本：之前月份仍按原版本计算。与已有版本同一月份时替换该版本。")))
        form.addRow(self.tr("政策来源 *"), self.source)
        form.addRow("", self.error_labels["source"])

    def lay_out(self, *parts: QWidget | QLayout) -> None:
        """The dialog's parts top to bottom (a table takes the room the dialog grows by), then what
        every version editor ends with: the message about the data, the banner and Save/Cancel."""
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        for part in parts:
            if isinstance(part, QLayout):
                layout.addLayout(part)
            else:
                layout.addWidget(part, 1 if isinstance(part, QTableWidget) else 0)
        layout.addWidget(self.error_labels["data"])
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)

    @staticmethod
    def hint_with_buttons(hint: str, *buttons: QWidget) -> QHBoxLayout:
        """A hint about the table below, with the table's buttons (增加/删除) at its right."""
        row = QHBoxLayout()
        row.addWidget(hint_label(hint), 1)
        for button in buttons:
            row.addWidget(button)
        return row

    def key(self) -> str:
        return ""

    def collect(self) -> dict | None:
        """The version's data, or None after showing what is wrong."""
        raise NotImplementedError

    def data_from_base(self, **changes) -> dict:
        """The selected version's data with ``changes`` (for forms that edit part of a table), without
        its factory “请核对” mark, since someone has now looked at it, and with the new source."""
        data = copy.deepcopy(self.base.data) if self.base else {}
        data.pop("status", None)
        data.update(changes)
        data["source"] = self.source.text().strip()
        return data

    def save(self) -> StoredVersion | None:
        show_field_errors(self.error_labels, {})
        data = self.collect()
        if data is None:
            return None
        try:
            saved = policies.save_version(
                self.session.ctx, self.kind, self.key(), self.effective.month(), data, self.source.text()
            )
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return None
        except HRDeskError as exc:
            show_error(self, exc)
            return None
        self.saved.emit(saved)
        self.accept()
        return saved

    def show_errors(self, errors: dict[str, str]) -> None:
        show_errors_with_banner(self.error_labels, self.banner, errors)

    def current_errors(self) -> dict[str, str]:
        return shown_errors(self.error_labels)

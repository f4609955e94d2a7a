"""What the separation calculators share (离职补偿计算器, 年休假折算): the input grid with an error and a
hint beside each field, the blue result box, the legal basis line by line, computing again on every
change, and the form helpers their fields are made of.

A calculator subclasses :class:`CalculatorDialog`, builds its fields and calls :meth:`build`; its
``_compute`` returns the result or what :meth:`_clear` returns, and ``_show`` fills the result box.
Nothing is stored; invalid input is named next to its field and nothing is computed.
"""

from __future__ import annotations

import html
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.money import MoneyError, parse_money
from hrdesk.ui.common.styles import ERROR_STYLE, HINT_STYLE

MAX_AMOUNT = Decimal("9999999.99")
RESULT_STYLE = "QFrame#result_box { background: #e8f0fe; border: 1px solid #aecbfa; border-radius: 4px; }"
TOTAL_STYLE = "QLabel { color: #174ea6; font-size: 15pt; font-weight: bold; }"
SUMMARY_STYLE = "color: #174ea6;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CalculatorDialog", text)


def money(amount: Decimal) -> str:
    return f"{amount:,.2f}"


def number_text(value: Decimal) -> str:
    return f"{value.normalize():f}"


def date_edit(name: str, value: date) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.setDateRange(QDate(1950, 1, 1), QDate(2099, 12, 31))
    edit.setDate(QDate(value.year, value.month, value.day))
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("0000-00-00") + 48)
    return edit


def read_date(edit: QDateEdit) -> date:
    return edit.date().toPython()


def line_edit(name: str, placeholder: str = "", text: str = "", width: int = 160) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    edit.setFixedWidth(width)
    return edit


def error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(f"{name}_error")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    return label


def hint_label(text: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(HINT_STYLE)
    label.setWordWrap(wrap)
    return label


def show_errors_only_when_set(labels) -> None:
    """An empty error label takes no room."""
    for label in labels:
        label.setVisible(bool(label.text()))


def parse_number(text: str, *, maximum: Decimal | None = None, places: int = 2) -> Decimal:
    """A plain non-negative number such as 6 or 1.5 (years, days); ValueError with a Chinese message."""
    text = (text or "").strip().replace("，", ".").replace(",", "")
    if not text:
        raise ValueError(_tr("请填写"))
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(_tr("请输入数字，如 6 或 1.5")) from None
    if not value.is_finite():
        raise ValueError(_tr("请输入数字，如 6 或 1.5"))
    if value < 0:
        raise ValueError(_tr("不能为负数"))
    if value != value.quantize(Decimal(1).scaleb(-places)):
        raise ValueError(_tr("最多保留{0}位小数").format(places))
    if maximum is not None and value > maximum:
        raise ValueError(_tr("不能超过{0}").format(number_text(maximum)))
    return value


def basis_html(lines) -> str:
    items = "".join(f"<li style='margin-bottom:4px'>{html.escape(line)}</li>" for line in lines)
    return f"<ol style='margin-left:-16px'>{items}</ol>"


def results_grid(parent_layout: QVBoxLayout, rows: list[tuple[str, str]]) -> dict[str, QLabel]:
    """Label/value rows in the blue result box; returns the value labels by key."""
    grid = QGridLayout()
    grid.setHorizontalSpacing(16)
    grid.setVerticalSpacing(6)
    values: dict[str, QLabel] = {}
    for row, (key, title) in enumerate(rows):
        name = QLabel(title)
        name.setStyleSheet("color: #3c4043;")
        value = QLabel("—")
        value.setObjectName(f"result_{key}")
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(name, row, 0)
        grid.addWidget(value, row, 1)
        values[key] = value
    grid.setColumnStretch(1, 1)
    parent_layout.addLayout(grid)
    return values


# --- the dialog -----------------------------------------------------------------------------------


class CalculatorDialog(QDialog):
    """Inputs, a result box and the basis; every change computes again."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None, name: str, title: str):
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.ctx = ctx
        self.result = None
        self._touched: set[str] = set()  # fields the user has typed in: only those say 请填写
        self.errors: dict[str, QLabel] = {}

    def build(self, input_rows, result_rows: list[tuple[str, str]], total_key: str, note: str, size) -> QGridLayout:
        """Lay the dialog out. ``input_rows`` are (title, field, error key or None, hint); returns the input
        grid so that a calculator can add rows below (check boxes)."""
        inputs = QGroupBox(_tr("输入"))
        grid = QGridLayout(inputs)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        for row, (title, field, key, hint) in enumerate(input_rows):
            label = QLabel(title) if isinstance(title, str) else title
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(field, row, 1)
            side = QHBoxLayout()
            if key is not None:
                side.addWidget(self.errors[key])
            if hint:
                side.addWidget(hint_label(hint, wrap=False) if isinstance(hint, str) else hint, 1)
            side.addStretch(1 if isinstance(hint, str) or not hint else 0)
            grid.addLayout(side, row, 2)
        grid.setColumnStretch(2, 1)

        self.result_box = QFrame()
        self.result_box.setObjectName("result_box")
        self.result_box.setStyleSheet(RESULT_STYLE)
        box = QVBoxLayout(self.result_box)
        self.values = results_grid(box, result_rows)
        self.values[total_key].setStyleSheet(TOTAL_STYLE)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        box.addWidget(self.summary)
        self.warnings = QLabel()
        self.warnings.setObjectName("warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(ERROR_STYLE)
        self.warnings.hide()
        box.addWidget(self.warnings)

        self.basis = QTextBrowser()
        self.basis.setObjectName("basis")
        self.basis.setOpenLinks(False)
        self.basis.setMinimumHeight(150)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_tr("关闭"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(inputs)
        layout.addWidget(self.result_box)
        layout.addWidget(QLabel(_tr("计算依据")))
        layout.addWidget(self.basis, 1)
        layout.addWidget(hint_label(note))
        layout.addWidget(buttons)
        self.resize(*size)
        return grid

    def recompute_on_typing(self, edits: list[tuple[QLineEdit, str]]) -> None:
        for edit, key in edits:
            edit.textEdited.connect(lambda *_, k=key: self._touched.add(k))
            edit.textChanged.connect(lambda *_: self.compute())

    def read_amount(self, key: str, edit: QLineEdit, required: bool) -> tuple[bool, Decimal | None]:
        """(ok, amount); an untouched empty required field is "not ready" without a message."""
        text = edit.text().strip()
        if not text:
            if required and key in self._touched:
                self.errors[key].setText(_tr("请填写"))
                return False, None
            return True, None
        try:
            return True, parse_money(text, maximum=MAX_AMOUNT)
        except MoneyError as exc:
            self.errors[key].setText(str(exc))
            return False, None

    def read_number(self, key: str, edit: QLineEdit, maximum: Decimal) -> tuple[bool, Decimal | None]:
        """(ok, number) for years or days, as :meth:`read_amount`."""
        text = edit.text().strip()
        if not text:
            if key in self._touched:
                self.errors[key].setText(_tr("请填写"))
                return False, None
            return True, None
        try:
            return True, parse_number(text, maximum=maximum)
        except ValueError as exc:
            self.errors[key].setText(str(exc))
            return False, None

    def show_field_errors(self, errors: dict[str, str], mapping: dict[str, str]) -> list[str]:
        """The core's field errors next to their fields (core name -> field key); the rest is returned."""
        leftovers = []
        for key, message in errors.items():
            label = self.errors.get(mapping.get(key, key))
            if label is not None:
                label.setText(message)
            else:
                leftovers.append(message)
        return leftovers

    def compute(self):
        for label in self.errors.values():
            label.setText("")
        result = self._compute()
        show_errors_only_when_set(self.errors.values())
        return result

    def _compute(self):
        raise NotImplementedError

    def _clear(self, message: str) -> None:
        self.result = None
        for value in self.values.values():
            value.setText("—")
        self.summary.setText(message)
        self.summary.setStyleSheet(HINT_STYLE)
        self.warnings.clear()
        self.warnings.hide()
        self.basis.clear()
        return None

    def _finish(self, result, summary: str, basis, warnings=()) -> None:
        """The result shown: the summary sentence, what could not be checked, and the legal basis."""
        self.result = result
        self.summary.setText(summary)
        self.summary.setStyleSheet(SUMMARY_STYLE)
        self.warnings.setText("\n".join(_tr("注意：{0}").format(line) for line in warnings))
        self.warnings.setVisible(bool(warnings))
        self.basis.setHtml(basis_html(basis))

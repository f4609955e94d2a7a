"""QDateEdit that can be left empty: the minimum date is shown as "未填写" and read as None."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject
from PySide6.QtWidgets import QDateEdit

EMPTY = QDate(1900, 1, 1)


class _OpenAtToday(QObject):
    """An empty field's calendar would open in January 1900; open it at the current month."""

    def __init__(self, edit: QDateEdit):
        super().__init__(edit)
        self.edit = edit

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Show and self.edit.date() == EMPTY:
            today = QDate.currentDate()
            watched.setCurrentPage(today.year(), today.month())
        return False


def make_optional(edit: QDateEdit, placeholder: str) -> None:
    edit.setMinimumDate(EMPTY)
    edit.setSpecialValueText(placeholder)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.setDate(EMPTY)
    edit.calendarWidget().installEventFilter(_OpenAtToday(edit))


def get_date(edit: QDateEdit) -> date | None:
    value = edit.date()
    if value == EMPTY:
        return None
    return date(value.year(), value.month(), value.day())


def set_date(edit: QDateEdit, value: date | None) -> None:
    edit.setDate(EMPTY if value is None else QDate(value.year, value.month, value.day))

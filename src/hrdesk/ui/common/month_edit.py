"""A month picker (2026年03月) and month arithmetic, for payroll screens that work month by month.

Payroll is calculated per month and policy versions take effect from a month, so the 工资录入 page
and the 薪资设置 editors both pick months rather than days; one widget keeps them alike.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QDateTimeEdit

from hrdesk.core.kernel.months import shift_month

MONTH_DISPLAY = "yyyy年MM月"


class MonthEdit(QDateEdit):
    """A month: shown as 2026年03月, the arrows step by month."""

    def __init__(self, month: date, parent=None):
        super().__init__(parent)
        self.setDisplayFormat(MONTH_DISPLAY)
        self.setCalendarPopup(False)
        self.setMinimumDate(QDate(2000, 1, 1))
        self.setMaximumDate(QDate(2100, 12, 1))
        self.set_month(month)
        self.setCurrentSection(QDateTimeEdit.Section.MonthSection)
        self.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)

    def month(self) -> date:
        value = self.date()
        return date(value.year(), value.month(), 1)

    def set_month(self, month: date) -> None:
        self.setDate(QDate(month.year, month.month, 1))

    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt)
        self.setCurrentSection(QDateTimeEdit.Section.MonthSection)
        super().stepBy(steps)


def next_month_start(today: date) -> date:
    """The first day of the month after ``today``: where a new policy version starts by default."""
    return shift_month(today, 1)

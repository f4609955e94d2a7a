"""Calendar months as payroll uses them: a month is its first day."""

from __future__ import annotations

from datetime import date, timedelta


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def shift_month(month: date, months: int) -> date:
    """The first day of the month ``months`` after ``month`` (before it when negative)."""
    index = month.year * 12 + month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_end(month: date) -> date:
    """The last day of ``month``'s month."""
    return shift_month(month, 1) - timedelta(days=1)

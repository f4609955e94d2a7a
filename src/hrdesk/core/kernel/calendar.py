"""Working days in mainland China: weekends, public holidays and the make-up working days (调休).

Approval deadlines are counted in working days; a Friday request with a 3-day deadline is due on
Wednesday, and a request before 春节 is not overdue during the holiday.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path


@dataclass(frozen=True)
class WorkCalendar:
    holidays: frozenset[date] = field(default_factory=frozenset)
    workdays: frozenset[date] = field(default_factory=frozenset)  # weekend days that are worked

    @classmethod
    def from_file(cls, path: Path) -> WorkCalendar:
        data = json.loads(path.read_text(encoding="utf-8"))
        holidays: set[date] = set()
        workdays: set[date] = set()
        for year in data["years"].values():
            holidays.update(date.fromisoformat(d) for d in year["holidays"])
            workdays.update(date.fromisoformat(d) for d in year["workdays"])
        return cls(frozenset(holidays), frozenset(workdays))

    def is_working_day(self, day: date) -> bool:
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def add_working_days(self, start: date, days: int) -> date:
        """The working day ``days`` working days after ``start`` (``start`` itself not counted)."""
        current = start
        remaining = days
        while remaining > 0:
            current += timedelta(days=1)
            if self.is_working_day(current):
                remaining -= 1
        return current

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 if end <= start)."""
        count, current = 0, start
        while current < end:
            current += timedelta(days=1)
            if self.is_working_day(current):
                count += 1
        return count


_DEFAULT: WorkCalendar | None = None


def china_calendar() -> WorkCalendar:
    """The calendar shipped in resources/data/holidays-cn.json (loaded once)."""
    global _DEFAULT
    if _DEFAULT is None:
        from hrdesk.resources import resource_path

        _DEFAULT = WorkCalendar.from_file(resource_path("data", "holidays-cn.json"))
    return _DEFAULT

"""Working days in mainland China: weekends, public holidays and the make-up working days (调休).

Three kinds of day: a working day (Monday to Friday, or a weekend day worked for 调休), a statutory
holiday (法定节假日, paid although not worked) and a rest day (weekends, and weekdays given off by
调休). Approval deadlines count working days (a Friday request with a 3-day deadline is due on
Wednesday; a request before 春节 is not overdue during the holiday); payroll counts paid days,
which are working days and statutory holidays (劳社部发〔2008〕3号: the 21.75 divisor).
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
    statutory: frozenset[date] = field(default_factory=frozenset)  # 法定节假日 (a subset of holidays)

    @classmethod
    def from_file(cls, path: Path) -> WorkCalendar:
        data = json.loads(path.read_text(encoding="utf-8"))
        holidays: set[date] = set()
        workdays: set[date] = set()
        statutory: set[date] = set()
        for year in data["years"].values():
            holidays.update(date.fromisoformat(d) for d in year["holidays"])
            workdays.update(date.fromisoformat(d) for d in year["workdays"])
            statutory.update(date.fromisoformat(d) for d in year.get("statutory", ()))
        return cls(frozenset(holidays), frozenset(workdays), frozenset(statutory))

    def is_working_day(self, day: date) -> bool:
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def is_paid_day(self, day: date) -> bool:
        """A 计薪日: a working day or a statutory holiday (a rest day is not paid as such)."""
        return day in self.statutory or self.is_working_day(day)

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

"""Time as the core sees it: injectable so lockouts and deadlines can be tested without sleeping."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...

    def today(self) -> date: ...


class SystemClock:
    """UTC wall clock for timestamps; the local date for business dates (hire dates, deadlines)."""

    def now(self) -> datetime:
        return datetime.now(UTC).replace(tzinfo=None)

    def today(self) -> date:
        return date.today()


class FixedClock:
    """A clock for tests; ``advance`` moves it forward."""

    def __init__(self, now: datetime):
        self._now = now

    def now(self) -> datetime:
        return self._now

    def today(self) -> date:
        return self._now.date()

    def advance(self, delta) -> None:
        self._now = self._now + delta

"""Time as the core sees it: injectable so lockouts and deadlines can be tested without sleeping.

Timestamps are stored as naive UTC (``SystemClock.now``), so a company file means the same instant
on any computer; people read them in the computer's own time zone. Every displayed or exported
timestamp goes through :func:`local_text` (or :func:`local_time`), and exports name the zone with
:func:`zone_label`, so the audit log, the trail and the flows never disagree by the zone offset.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Protocol

from hrdesk.core.kernel.i18n import tr

BEIJING_OFFSET = timedelta(hours=8)


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


# ---- showing stored timestamps ------------------------------------------------------------------


def _aware(moment: datetime) -> datetime:
    """A stored timestamp with its zone: naive values are UTC (as stored), aware ones keep theirs."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def local_time(moment: datetime) -> datetime:
    """``moment`` (naive UTC as stored, or aware) as this computer's wall-clock time, naive."""
    return _aware(moment).astimezone().replace(tzinfo=None)


def local_text(moment: datetime | None, *, seconds: bool = False) -> str:
    """``moment`` in local time as people read it: "2026-03-01 08:30" (with ``:ss`` when
    ``seconds``); "" for no time, so an empty cell stays empty."""
    if moment is None:
        return ""
    local = local_time(moment)
    return f"{local:%Y-%m-%d %H:%M:%S}" if seconds else f"{local:%Y-%m-%d %H:%M}"


def local_date(moment: datetime) -> date:
    """The local calendar day of ``moment``: an entry made at 07:00 in Beijing belongs to that
    day, not to the previous one as its UTC date would say."""
    return local_time(moment).date()


def zone_label(moment: datetime | None = None) -> str:
    """The zone local times are shown in, for exports to state: "北京时间 UTC+08:00" when the
    offset is +8 hours, otherwise the offset alone ("UTC+05:30", "UTC-05:00", "UTC").

    The offset is the one in force at ``moment`` (now when omitted), which matters only where
    daylight saving time applies."""
    offset = _aware(moment or datetime.now(UTC)).astimezone().utcoffset() or timedelta(0)
    if not offset:
        return "UTC"
    minutes = int(offset.total_seconds()) // 60
    hours, rest = divmod(abs(minutes), 60)
    text = f"UTC{'+' if minutes > 0 else '-'}{hours:02d}:{rest:02d}"
    return tr("北京时间 {0}").format(text) if offset == BEIJING_OFFSET else text


def local_iso(moment: datetime) -> str:
    """``moment`` as ISO 8601 local time with its offset ("2026-03-01T08:30:00+08:00"), for
    machine-readable output that must not be mistaken for UTC or for another zone."""
    return _aware(moment).astimezone().isoformat()

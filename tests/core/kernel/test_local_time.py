"""Stored timestamps (naive UTC) shown in the computer's zone, and the zone named for exports."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from hrdesk.core.kernel.clock import local_date, local_iso, local_text, local_time, zone_label
from tests.time_zones import local_zone

STORED = datetime(2026, 3, 1, 0, 30)  # as SystemClock.now() stores it: naive UTC


def test_a_stored_time_reads_eight_hours_later_in_china(shanghai):
    assert local_time(STORED) == datetime(2026, 3, 1, 8, 30)
    assert local_text(STORED) == "2026-03-01 08:30"
    assert local_text(STORED.replace(second=7), seconds=True) == "2026-03-01 08:30:07"
    assert local_iso(STORED) == "2026-03-01T08:30:00+08:00"
    assert zone_label(STORED) == "北京时间 UTC+08:00" and zone_label() == "北京时间 UTC+08:00"
    assert local_text(None) == ""


def test_an_aware_time_is_converted_from_its_own_zone(shanghai):
    new_york = timezone(timedelta(hours=-5))
    assert local_text(datetime(2026, 2, 28, 19, 30, tzinfo=new_york)) == "2026-03-01 08:30"
    assert local_text(STORED.replace(tzinfo=UTC)) == "2026-03-01 08:30"


def test_the_local_day_can_differ_from_the_utc_day(shanghai):
    late_utc = datetime(2026, 2, 28, 23, 0)  # 07:00 on 1 March in Beijing
    assert late_utc.date() == date(2026, 2, 28) and local_date(late_utc) == date(2026, 3, 1)


def test_other_zones_show_their_own_offset():
    with local_zone("Asia/Kolkata"):
        assert local_text(STORED) == "2026-03-01 06:00" and zone_label(STORED) == "UTC+05:30"
    with local_zone("America/New_York"):  # daylight saving time: the offset of the moment itself
        assert local_text(STORED) == "2026-02-28 19:30" and zone_label(STORED) == "UTC-05:00"
        assert zone_label(datetime(2026, 7, 1, 12, 0)) == "UTC-04:00"
    with local_zone("UTC"):
        assert local_text(STORED) == "2026-03-01 00:30" and zone_label(STORED) == "UTC"

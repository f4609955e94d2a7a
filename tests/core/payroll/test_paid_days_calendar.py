"""Paid days (计薪日) follow the holiday calendar's three kinds of day (劳社部发〔2008〕3号: the 21.75
divisor counts working days and statutory holidays, not rest days): a 调休上班日 on a weekend is a
paid day, a statutory holiday is a paid day even on a weekend, a weekday rest day moved by 调休
is not."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from hrdesk.core.kernel.calendar import WorkCalendar, china_calendar
from hrdesk.core.payroll.rules.calculation import calculate, paid_days
from tests.payroll_rules import employee, rules

SEPTEMBER = date(2026, 9, 1)
CAL = china_calendar()


def test_the_calendar_knows_three_kinds_of_day():
    assert CAL.is_paid_day(date(2026, 9, 20))  # Sunday, 调休上班 for 国庆
    assert CAL.is_paid_day(date(2026, 10, 3))  # Saturday, 国庆 statutory holiday
    assert not CAL.is_paid_day(date(2026, 10, 5))  # Monday, a rest day moved by 调休
    assert CAL.is_paid_day(date(2026, 10, 1)) and not CAL.is_working_day(date(2026, 10, 1))
    assert len([d for d in CAL.statutory if d.year == 2025]) == 13  # 全国年节及纪念日放假办法 (2024年修订)
    assert len([d for d in CAL.statutory if d.year == 2026]) == 13


def test_a_hire_on_a_sunday_that_is_a_working_day_is_paid_for_it():
    # hired Sunday 20 Sept 2026 (调休上班): paid days 20 (Sun), 21–25 (25 = 中秋, statutory), 28–30 = 9
    assert paid_days(date(2026, 9, 20), date(2026, 9, 30), CAL) == 9
    slip = calculate(employee(SEPTEMBER, "21750", hired=date(2026, 9, 20)), rules(month=SEPTEMBER))
    # 21,750 ÷ 21.75 × 9 = 9,000.00
    assert slip.paid_days == 9 and slip.base_pay == D("9000.00")


def test_the_national_day_week_counts_statutory_days_not_moved_rest_days():
    # October 2026: 22 weekdays; 1, 2, 5, 6, 7 off; 3 (Sat) statutory; 10 (Sat) worked → 17 + 1 + 3 = 21
    assert paid_days(date(2026, 10, 1), date(2026, 10, 31), CAL) == 21
    # leaving on Friday 9 October: 1, 2, 3 (statutory) + 8, 9 (worked) = 5
    slip = calculate(employee(date(2026, 10, 1), "21750", last_day=date(2026, 10, 9)), rules(month=date(2026, 10, 1)))
    assert slip.paid_days == 5 and slip.month_paid_days == 21 and slip.base_pay == D("5000.00")


def test_a_year_the_calendar_does_not_list_counts_mondays_to_fridays():
    assert paid_days(date(2030, 10, 1), date(2030, 10, 31), CAL) == paid_days(date(2030, 10, 1), date(2030, 10, 31))
    assert paid_days(date(2026, 10, 1), date(2026, 10, 31), WorkCalendar()) == 22


@settings(max_examples=200, deadline=None)
@given(st.dates(date(2025, 1, 1), date(2026, 12, 31)), st.integers(0, 40), st.integers(0, 40))
def test_paid_days_add_up_over_a_split(start, first, second):
    """Counting two adjacent periods gives the count of the whole (no day counted twice or lost)."""
    middle, end = start + timedelta(days=first), start + timedelta(days=first + second + 1)
    assert paid_days(start, middle, CAL) + paid_days(middle + timedelta(days=1), end, CAL) == paid_days(start, end, CAL)

"""Annual leave of someone who worked a single day (企业职工带薪年休假实施办法 arts. 5, 12).

The day of hire and the last working day both count (在本单位已过日历天数 includes them), so one
day worked is 1 calendar day: 1 ÷ 365 × the entitlement, far under a whole day, so nothing is owed
however long the person's working life; a new hire on 31 December has 1 remaining day the same way.
Found by mutation testing (issue 12, docs/mutation.md): counting that day twice or not at all
survived every other test.
"""

from datetime import date
from decimal import Decimal as D

import pytest

from hrdesk.core.separation.annual_leave import days_passed, leaver_annual_leave, new_hire_days


@pytest.mark.parametrize("day", [date(2026, 3, 2), date(2026, 1, 1), date(2024, 12, 31)])
def test_one_day_in_the_company_is_one_calendar_day(day):
    assert days_passed(day, hire_date=day) == 1


def test_no_day_in_the_company_is_zero_days_never_negative():
    assert days_passed(date(2026, 3, 1), hire_date=date(2026, 3, 5)) == 0


def test_a_one_day_employee_is_owed_no_leave():
    # 20 working years → 15 days a year; hired and gone on 2 Mar 2026: 1 ÷ 365 × 15 = 0.0410… → 0 days
    day = date(2026, 3, 2)
    result = leaver_annual_leave(20, day, 0, D("21750"), hire_date=day)
    assert result.entitlement == 15
    assert result.days_passed == 1
    assert result.prorated == D("0.04")
    assert result.prorated_text == "0.0410…天"
    assert result.untaken == 0
    assert result.statutory_pay == D("0.00") and result.total_pay == D("0.00")
    assert any("共1天" in line for line in result.basis)


def test_a_one_day_employee_on_the_first_of_january():
    # hired 1 Jan and gone the same day: still one day, not the whole year before it
    day = date(2026, 1, 1)
    result = leaver_annual_leave(10, day, 0, D("10000"), hire_date=day)
    assert result.days_passed == 1 and result.prorated == D("0.03") and result.untaken == 0


def test_a_hire_on_the_last_day_of_the_year_has_one_remaining_day():
    # 1 ÷ 365 × 15 = 0.04 → 0 days in the year of hire
    assert new_hire_days(15, date(2026, 12, 31)) == 0


@pytest.mark.parametrize(
    "hire, days",
    [
        (date(2026, 10, 21), 0),  # 21 Oct – 31 Dec = 72 days: 72 ÷ 365 × 5 = 0.986… → 0
        (date(2026, 10, 20), 1),  # 73 days: 73 ÷ 365 × 5 = 1 exactly
    ],
)
def test_a_new_hire_s_remaining_days_include_the_day_of_hire(hire, days):
    assert new_hire_days(5, hire) == days

"""Paid annual leave of a leaver (职工带薪年休假条例 art. 3; 实施办法 arts. 10, 12) worked out by hand."""

from datetime import date
from decimal import Decimal as D

import pytest

from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.separation.annual_leave import (
    CompanyLeaveRule,
    days_passed,
    leaver_annual_leave,
    new_hire_days,
    statutory_entitlement,
)


@pytest.mark.parametrize(
    "years, days",
    [
        (0, 0),
        (D("0.99"), 0),
        (1, 5),
        (D("9.99"), 5),
        (10, 10),
        (19, 10),
        (D("19.5"), 10),
        (20, 15),
        (35, 15),
    ],
)
def test_statutory_entitlement(years, days):
    assert statutory_entitlement(years) == days


def test_leaver_on_31_march():
    # 10 working years → 10 days; 1 Jan – 31 Mar 2026 = 31 + 28 + 31 = 90 days
    # 90 / 365 × 10 = 2.4657 → 2.4657 − 1 taken = 1.4657 → 1 day
    # daily wage 10,000 / 21.75 = 459.7701…; extra 200%: 10,000 / 21.75 × 2 × 1 = 919.5402 → 919.54
    result = leaver_annual_leave(10, date(2026, 3, 31), 1, D("10000"))
    assert result.entitlement == 10
    assert result.days_passed == 90
    assert result.prorated == D("2.47")
    assert result.untaken == 1
    assert result.daily_wage == D("459.77")
    assert result.statutory_pay == D("919.54")
    assert result.total_pay == D("919.54")
    assert any("90 ÷ 365 × 10" in line for line in result.basis)


def test_leave_taken_beyond_the_prorated_days_is_not_clawed_back():
    # 5 days a year, leaving 31 Mar: 90 / 365 × 5 = 1.23; 3 taken → −1.77 → 0, nothing deducted
    result = leaver_annual_leave(5, date(2026, 3, 31), 3, D("10000"))
    assert result.untaken == 0 and result.total_pay == D("0.00")
    assert any("不予扣回" in line for line in result.basis)


def test_half_days_taken():
    # 15 days, leaving 30 Jun 2026 (181 days): 181 / 365 × 15 = 7.438; − 2.5 = 4.938 → 4 days
    # pay: 21,750 / 21.75 = 1,000 a day × 200% × 4 = 8,000
    result = leaver_annual_leave(25, date(2026, 6, 30), D("2.5"), D("21750"))
    assert result.untaken == 4 and result.statutory_pay == D("8000.00")


def test_less_than_one_year_has_no_leave():
    result = leaver_annual_leave(D("0.5"), date(2026, 12, 31), 0, D("10000"))
    assert result.entitlement == 0 and result.untaken == 0 and result.total_pay == D("0.00")


def test_leap_year_divides_by_365_and_never_exceeds_the_entitlement():
    # 31 Dec 2024 is day 366: 366 / 365 × 5 = 5.01 → capped at 5 → 5 days
    assert days_passed(date(2024, 12, 31)) == 366
    result = leaver_annual_leave(5, date(2024, 12, 31), 0, D("21750"))
    assert result.prorated == D("5.00") and result.untaken == 5
    assert result.statutory_pay == D("10000.00")  # 1,000 × 200% × 5


def test_hired_in_the_same_year_counts_from_the_hire_date():
    # hired 1 Feb 2026, leaves 30 Jun 2026: 28 + 31 + 30 + 31 + 30 = 150 days; 150 / 365 × 5 = 2.05 → 2
    result = leaver_annual_leave(3, date(2026, 6, 30), 0, D("10000"), hire_date=date(2026, 2, 1))
    assert result.days_passed == 150 and result.untaken == 2
    # a hire in an earlier year changes nothing: 181 / 365 × 5 = 2.48 → 2
    assert leaver_annual_leave(3, date(2026, 6, 30), 0, D("10000"), hire_date=date(2020, 5, 1)).days_passed == 181


def test_company_days_prorated_and_paid_at_100_percent():
    # leaves 30 Jun 2026 (181 days), 5 statutory + 3 company days, nothing taken, daily wage 1,000:
    # statutory 181 / 365 × 5 = 2.479 → 2 → 1,000 × 200% × 2 = 4,000
    # company 181 / 365 × 3 = 1.488 → 1 → 1,000 × 100% × 1 = 1,000
    rule = CompanyLeaveRule(extra_days=D(3), prorate=True, pay_rate=D(1))
    result = leaver_annual_leave(5, date(2026, 6, 30), 0, D("21750"), company=rule)
    assert (result.untaken, result.statutory_pay) == (2, D("4000.00"))
    assert (result.company_untaken, result.company_pay) == (1, D("1000.00"))
    assert result.total_pay == D("5000.00")


def test_company_days_not_paid():
    rule = CompanyLeaveRule(extra_days=D(3), prorate=False, pay_rate=D(0))
    result = leaver_annual_leave(5, date(2026, 6, 30), 0, D("21750"), company=rule, company_taken=1)
    assert result.company_untaken == 2 and result.company_pay == D("0.00")
    assert result.total_pay == D("4000.00")


def test_new_hire_days():
    # hired 1 Jul 2026: 184 remaining days (incl. 1 Jul) / 365 × 10 = 5.04 → 5
    assert new_hire_days(10, date(2026, 7, 1)) == 5
    assert new_hire_days(5, date(2026, 1, 1)) == 5


def test_bad_input():
    with pytest.raises(ValidationError):
        leaver_annual_leave(-1, date(2026, 3, 31), 0, D("10000"))
    with pytest.raises(ValidationError):
        leaver_annual_leave(5, date(2026, 3, 31), -1, D("10000"))
    with pytest.raises(ValidationError):
        leaver_annual_leave(5, date(2026, 3, 31), 0, D("-10000"))
    with pytest.raises(ValidationError):
        leaver_annual_leave(5, date(2026, 3, 31), 0, D("10000"), hire_date=date(2026, 4, 1))

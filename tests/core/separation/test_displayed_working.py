"""Every displayed "a × b = c" (and "a ÷ b = c") in the separation calculators' working holds as
printed: the amount shown is the expression's value rounded to the places shown (half up), and a
quotient marked "…" is the exact value cut to the places shown. A rounded daily wage times the days
that misses the amount by a few fen fails here."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrdesk.core.separation.annual_leave import CompanyLeaveRule, leaver_annual_leave
from hrdesk.core.separation.compensation import CompensationCase, economic_compensation

D = Decimal
NUMBER = r"[\d,]+(?:\.\d+)?%?"
UNIT = r"\s*(?:元|天|个月)?\s*"
EXPRESSION = re.compile(
    rf"(?P<left>{NUMBER}{UNIT}(?:[×÷]\s*{NUMBER}{UNIT})+)=\s*(?P<right>[\d,]+(?:\.\d+)?)(?P<cut>…)?"
)
TERM = re.compile(rf"([×÷])?\s*({NUMBER}){UNIT}")


def _number(text: str) -> Decimal:
    text = text.replace(",", "")
    return D(text[:-1]) / 100 if text.endswith("%") else D(text)


def expressions(line: str) -> list[tuple[str, Decimal, str, bool]]:
    """(the expression as printed, its exact value, the result as printed, cut) for each in ``line``."""
    found = []
    for match in EXPRESSION.finditer(line):
        value = None
        for operator, number in TERM.findall(match["left"]):
            amount = _number(number)
            if value is None:
                value = amount
            elif operator == "×":
                value *= amount
            else:
                value /= amount
        found.append((match.group(0), value, match["right"], bool(match["cut"])))
    return found


def check(lines) -> int:
    """Asserts every expression in ``lines``; returns how many there were."""
    count = 0
    for line in lines:
        for printed, value, right, cut in expressions(line):
            shown = _number(right)
            places = D(1).scaleb(shown.as_tuple().exponent)
            expected = value.quantize(places, rounding=ROUND_DOWN if cut else ROUND_HALF_UP)
            assert expected == shown, f"{printed!r}: {value} is not {right}{'…' if cut else ''}"
            if not cut:  # a result not marked "…" is exact or rounded, never silently cut
                assert value.quantize(places, rounding=ROUND_HALF_UP) == shown
            count += 1
    return count


def test_the_checker_catches_a_product_that_does_not_hold():
    # 23,500 a month, 15 days: the old working printed the daily wage rounded, 1,080.46, and the
    # amount from the exact quotient: 1,080.46 × 200% × 15 = 32,413.80, yet the amount was 32,413.79
    with pytest.raises(AssertionError):
        check(["法定年休假：1,080.46元 × 200% × 15天 = 32,413.79元。"])
    with pytest.raises(AssertionError):
        check(["90 ÷ 365 × 10 = 2.4658…天"])  # rounded, but marked as cut
    assert check(["36,000.01 ÷ 12 = 3,000.0008…"]) == 1
    assert check(["10,000.00元 ÷ 21.75 × 200% × 1天 = 919.54元"]) == 1


def test_the_annual_leave_working_holds_where_the_old_one_was_a_fen_out():
    # 23,500 ÷ 21.75 = 1,080.4597…; × 200% × 15 = 32,413.7931… → 32,413.79
    result = leaver_annual_leave(20, date(2026, 12, 31), 0, D("23500"))
    assert result.untaken == 15 and result.statutory_pay == D("32413.79")
    assert check(result.basis) == 3  # days, daily wage, pay
    assert "23,500.00元 ÷ 21.75 × 200% × 15天 = 32,413.79元" in "".join(result.basis)
    assert result.daily_wage_text == "1,080.4597…"  # cut, not rounded to 1,080.46
    assert "1,080.46" not in "".join(result.basis)


def test_an_exact_daily_wage_is_shown_with_two_places():
    result = leaver_annual_leave(10, date(2026, 3, 31), 0, D("21750"))
    assert result.daily_wage_text == "1,000.00"
    assert check(result.basis) == 3


def test_prorated_days_are_cut_so_that_dropping_the_fraction_is_visible():
    # company days 3: 243 ÷ 365 × 3 = 1.99726… — rounded to 2.00 it would read as 2 days, yet 1 is paid
    company = CompanyLeaveRule(D(3), True, D(1))
    result = leaver_annual_leave(10, date(2026, 8, 31), 0, D("10000"), company=company)
    assert result.days_passed == 243 and result.company_untaken == 1
    text = "".join(result.basis)
    assert "243 ÷ 365 × 3 = 1.9972…天" in text and "2.00天" not in text
    assert "10,000.00元 ÷ 21.75 × 100% × 1天 = 459.77元" in text
    assert check(result.basis) == 5


def test_the_year_s_end_of_a_leap_year_names_the_cap():
    result = leaver_annual_leave(10, date(2024, 12, 31), 0, D("12000"))
    assert result.untaken == 10
    assert "366 ÷ 365 × 10 = 10.0273…天，以全年10天为限" in "".join(result.basis)


money = st.integers(min_value=0, max_value=10_000_000).map(lambda fen: D(fen) / 100)


@settings(max_examples=300, deadline=None)
@given(
    wage=money,
    years=st.integers(0, 40),
    last_day=st.dates(date(2020, 1, 1), date(2030, 12, 31)),
    taken=st.integers(0, 30).map(lambda half: D(half) / 2),
    company_days=st.integers(0, 20).map(lambda half: D(half) / 2),
    prorate=st.booleans(),
    rate=st.sampled_from([D(0), D(1), D("1.5"), D(2), D("3")]),
)
def test_annual_leave_working_holds_as_printed(wage, years, last_day, taken, company_days, prorate, rate):
    result = leaver_annual_leave(
        years, last_day, taken, wage, company=CompanyLeaveRule(company_days, prorate, rate), company_taken=0
    )
    # the pay line and the daily wage line always; the days line whenever there is an entitlement
    assert check(result.basis) >= 2
    assert f"合计：{result.total_pay:,.2f}元。" in result.basis[-1]


@settings(max_examples=300, deadline=None)
@given(
    wage=money,
    hire=st.dates(date(2008, 1, 1), date(2026, 6, 30)),
    days=st.integers(0, 12_000),
    case=st.sampled_from([c for c in CompensationCase if c.value not in ("resign", "misconduct", "probation")]),
    local=st.one_of(st.none(), st.integers(100_000, 2_000_000).map(lambda fen: D(fen) / 100)),
)
def test_compensation_working_holds_as_printed(wage, hire, days, case, local):
    result = economic_compensation(case, hire, hire + timedelta(days=days), wage, local_average_monthly=local)
    assert check(result.basis) >= 1  # the N line: wage × months = compensation
    assert result.compensation == (result.wage_base * result.months_counted * result.multiplier).quantize(
        D("0.01"), rounding=ROUND_HALF_UP
    )

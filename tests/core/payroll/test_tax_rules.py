"""Income tax rules (rules doc sections 1, 3, 4) against figures worked out by hand, with the default
tables shipped in resources/data/payroll-policies.json."""

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrdesk.core.kernel.resources_data import load_data_file
from hrdesk.core.payroll.rules.tax import TaxTable, bonus_tax, cumulative_withholding, severance_tax

DATA = load_data_file("payroll-policies.json")
ANNUAL = TaxTable.from_data(DATA["iit_annual"][-1]["brackets"])
MONTHLY = TaxTable.from_data(DATA["iit_monthly"][-1]["brackets"])
BASIC = D(DATA["iit_deductions"][-1]["basic_monthly"])


def test_basic_deduction_is_5000():
    assert BASIC == D("5000")


@pytest.mark.parametrize(
    "taxable, expected",
    [
        ("36000", "1080.00"),  # 36,000 × 3% − 0 = 1,080: the edge belongs to the lower band
        ("36000.01", "1080.00"),  # 36,000.01 × 10% − 2,520 = 1,080.001 → 1,080.00 (the table is continuous)
        ("36001", "1080.10"),  # 3,600.10 − 2,520
        ("144000", "11880.00"),  # 144,000 × 10% − 2,520 = 14,400 − 2,520
        ("144000.01", "11880.00"),  # × 20% − 16,920 = 28,800.002 − 16,920 = 11,880.002
        ("300000", "43080.00"),  # 300,000 × 20% − 16,920 = 60,000 − 16,920
        ("960000", "250080.00"),  # 960,000 × 35% − 85,920 = 336,000 − 85,920
        ("1000000", "268080.00"),  # 1,000,000 × 45% − 181,920 = 450,000 − 181,920
        ("0", "0.00"),
        ("-5", "0.00"),
    ],
)
def test_annual_table(taxable, expected):
    assert ANNUAL.tax_on(D(taxable)) == D(expected)


def test_band_edges_belong_to_the_lower_band():
    assert ANNUAL.bracket_for(D("36000")).rate == D("0.03")
    assert ANNUAL.bracket_for(D("36000.01")).rate == D("0.10")
    assert MONTHLY.bracket_for(D("3000")).rate == D("0.03")
    assert MONTHLY.bracket_for(D("3000.01")).rate == D("0.10")


def test_cumulative_withholding_crosses_bands():
    # gross 20,000, insurance 2,000, no special deductions: taxable 20,000 − 5,000 − 2,000 = 13,000 a month.
    # month 1: 13,000 × 3% = 390
    # month 2: 26,000 × 3% = 780 → 780 − 390 = 390
    # month 3: 39,000 × 10% − 2,520 = 1,380 → 1,380 − 780 = 600 (crosses 36,000)
    # months 4–11: 13,000 × 10% = 1,300 each (month 11: 143,000 → 14,300 − 2,520 = 11,780)
    # month 12: 156,000 × 20% − 16,920 = 14,280 → 14,280 − 11,780 = 2,500 (crosses 144,000)
    rows = cumulative_withholding(D("20000"), D("2000"), D("0"), 12, ANNUAL, BASIC)
    assert [r.month for r in rows] == list(range(1, 13))
    assert [r.tax_this_month for r in rows] == [D("390.00"), D("390.00"), D("600.00")] + [D("1300.00")] * 8 + [
        D("2500.00")
    ]
    assert rows[2].cumulative_taxable == D("39000")
    assert rows[2].cumulative_tax == D("1380.00")
    assert rows[2].rate == D("0.10")
    assert rows[-1].cumulative_tax == D("14280.00")
    assert rows[-1].rate == D("0.20")
    assert rows[2].net_this_month == D("17400.00")  # 20,000 − 2,000 − 600


def test_withholding_from_a_later_first_month():
    # a July hire: 5,000 a month from July only; gross 10,000, insurance 1,000, special 1,500:
    # taxable 2,500 a month → July 75, August 5,000 × 3% = 150 → 75
    rows = cumulative_withholding(D("10000"), D("1000"), D("1500"), 2, ANNUAL, BASIC, first_month=7)
    assert [(r.month, r.tax_this_month) for r in rows] == [(7, D("75.00")), (8, D("75.00"))]


def test_no_tax_below_the_basic_deduction():
    rows = cumulative_withholding(D("5000"), D("500"), D("0"), 12, ANNUAL, BASIC)
    assert all(r.cumulative_taxable == 0 and r.tax_this_month == 0 for r in rows)


@pytest.mark.parametrize(
    "bonus, rate, expected",
    [
        ("36000", "0.03", "1080.00"),  # 36,000 / 12 = 3,000 → 3% band: 36,000 × 3% = 1,080
        ("36000.12", "0.10", "3390.01"),  # 3,000.01 → 10% band: 3,600.012 − 210 = 3,390.012 → 3,390.01
        ("144000", "0.10", "14190.00"),  # 12,000 → 10%: 14,400 − 210
        ("144000.12", "0.20", "27390.02"),  # 12,000.01 → 20%: 28,800.024 − 1,410 = 27,390.024
        ("960000", "0.35", "328840.00"),  # 80,000 exactly → 35% band: 336,000 − 7,160
        ("960000.12", "0.45", "416840.05"),  # 80,000.01 → 45%: 432,000.054 − 15,160 = 416,840.054
        ("0", "0", "0.00"),
    ],
)
def test_bonus_tax(bonus, rate, expected):
    result = bonus_tax(D(bonus), MONTHLY)
    assert result.rate == D(rate)
    assert result.tax == D(expected)


def test_bonus_monthly_equivalent_is_shown_to_the_fen():
    assert bonus_tax(D("36000.12"), MONTHLY).monthly_equivalent == D("3000.01")


def test_severance_above_the_exemption():
    # Shanghai 2024 average annual wage 149,208: exempt up to 3 × 149,208 = 447,624.
    # 500,000 − 447,624 = 52,376 taxed alone with the annual table: 10% band, 5,237.60 − 2,520 = 2,717.60
    result = severance_tax(D("500000"), D("149208"), ANNUAL)
    assert result.exempt_limit == D("447624.00")
    assert result.exempt == D("447624.00")
    assert result.taxable == D("52376.00")
    assert result.rate == D("0.10")
    assert result.tax == D("2717.60")


def test_severance_within_the_exemption_is_free():
    assert severance_tax(D("447624"), D("149208"), ANNUAL).tax == D("0.00")
    # one fen over: 0.01 × 3% = 0.0003 → 0.00
    over = severance_tax(D("447624.01"), D("149208"), ANNUAL)
    assert over.taxable == D("0.01") and over.tax == D("0.00")
    # 100,000 over: 100,000 × 10% − 2,520 = 7,480
    assert severance_tax(D("547624"), D("149208"), ANNUAL).tax == D("7480.00")


money = st.integers(min_value=0, max_value=30_000_000).map(lambda fen: D(fen) / 100)


@settings(max_examples=300, deadline=None)
@given(
    gross=money,
    insurance_share=st.integers(0, 30),
    special=st.integers(0, 1_000_000).map(lambda f: D(f) / 100),
    first_month=st.integers(1, 12),
    data=st.data(),
)
def test_withholding_never_decreases_and_never_refunds(gross, insurance_share, special, first_month, data):
    months = data.draw(st.integers(1, 13 - first_month))
    insurance = (gross * insurance_share / 100).quantize(D("0.01"))
    rows = cumulative_withholding(gross, insurance, special, months, ANNUAL, BASIC, first_month=first_month)
    assert len(rows) == months
    previous = D(0)
    for row in rows:
        assert row.tax_this_month >= 0
        assert row.cumulative_tax >= previous
        assert row.cumulative_tax == previous + row.tax_this_month
        # with the same wage every month the cumulative tax is exactly the table on the cumulative income
        assert row.cumulative_tax == ANNUAL.tax_on(row.cumulative_taxable)
        previous = row.cumulative_tax


def test_the_bonus_working_shows_the_division_it_compared_with_the_band_edge():
    """A displayed ÷ 12 must not round 36,000.01 down to the 3,000.00 edge of the 3% band while the
    10% band is applied; below the edge it must not round up to it either."""
    from hrdesk.core.payroll.rules.tax import division_text

    table = TaxTable.from_data(load_data_file("payroll-policies.json")["iit_monthly"][0]["brackets"])
    above = bonus_tax(D("36000.01"), table)
    assert above.rate == D("0.10") and above.monthly_equivalent_text == "3,000.0008…"
    below = bonus_tax(D("35999.99"), table)
    assert below.rate == D("0.03") and below.monthly_equivalent_text == "2,999.9991…"
    assert division_text(D("36000"), 12) == "3,000.00" and division_text(D("1.2"), 12) == "0.10"

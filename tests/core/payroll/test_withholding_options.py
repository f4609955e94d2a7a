"""Cumulative withholding with a different amount each month, the 6万 option (国家税务总局公告2020年
第19号) and the 13号 rule (公告2020年第13号), worked out by hand; and the payroll engine and the
个税计算器 giving the same tax for the same figures (they share ``withhold`` and the 减除费用 rules)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrdesk.core.kernel.resources_data import load_data_file
from hrdesk.core.payroll.rules.calculation import TaxOptions, YearToDate, calculate
from hrdesk.core.payroll.rules.tax import (
    TaxTable,
    basic_deduction_added,
    basic_deduction_applied,
    cumulative_withholding,
    withhold,
)
from tests.payroll_rules import employee, rules

DATA = load_data_file("payroll-policies.json")
ANNUAL = TaxTable.from_data(DATA["iit_annual"][-1]["brackets"])
BASIC = D(DATA["iit_deductions"][-1]["basic_monthly"])
LOW = D(DATA["iit_deductions"][-1]["low_income_annual"])


def taxes(rows):
    return [row.tax_this_month for row in rows]


def test_the_shipped_figures():
    assert BASIC == D("5000") and LOW == D("60000")


def test_a_different_wage_each_month():
    # 12,000 / 12,000 / 30,000, insurance 1,200 a month, 5,000 a month deducted:
    # Jan 12,000 − 5,000 − 1,200 = 5,800 × 3% = 174
    # Feb 11,600 × 3% = 348 → 174
    # Mar 54,000 − 15,000 − 3,600 = 35,400 × 3% = 1,062 → 714 (still under 36,000)
    rows = cumulative_withholding([D("12000"), D("12000"), D("30000")], D("1200"), D("0"), 3, ANNUAL, BASIC)
    assert taxes(rows) == [D("174.00"), D("174.00"), D("714.00")]
    assert [r.gross for r in rows] == [D("12000"), D("12000"), D("30000")]
    assert rows[2].cumulative_income == D("54000") and rows[2].cumulative_basic == D("15000")
    assert rows[2].cumulative_special == D("3600") and rows[2].cumulative_taxable == D("35400")
    assert rows[2].net_this_month == D("30000") - D("1200") - D("714.00")


def test_per_month_insurance_and_special_additional_deductions():
    # Jan: 20,000 − 5,000 − 2,000 = 13,000 × 3% = 390
    # Feb (insurance 2,500, child education 3,000 from February): 40,000 − 10,000 − 4,500 − 3,000
    #      = 22,500 × 3% = 675 → 675 − 390 = 285
    rows = cumulative_withholding(D("20000"), [D("2000"), D("2500")], [D("0"), D("3000")], 2, ANNUAL, BASIC)
    assert taxes(rows) == [D("390.00"), D("285.00")]
    assert rows[1].cumulative_additional == D("3000") and rows[1].cumulative_special == D("4500")


def test_no_refund_in_the_year_when_income_falls():
    # Jan 30,000: 25,000 × 3% = 750; Feb nothing paid: 30,000 − 10,000 = 20,000 → due 600 < 750 withheld:
    # nothing this month, nothing back; Mar: 15,000 → 450, still nothing
    rows = cumulative_withholding([D("30000"), D("0"), D("0")], D("0"), D("0"), 3, ANNUAL, BASIC)
    assert taxes(rows) == [D("750.00"), D("0.00"), D("0.00")]
    assert [r.cumulative_due for r in rows] == [D("750.00"), D("600.00"), D("450.00")]
    assert [r.cumulative_tax for r in rows] == [D("750.00")] * 3


def test_the_6wan_option_deducts_60000_from_january():
    # 8,000 a month, insurance 800: with the option nothing is taxable until 7,200 × k > 60,000:
    # Sep 64,800 − 60,000 = 4,800 → 144; Oct 12,000 → 360 → 216; Nov 19,200 → 576 → 216; Dec 26,400 → 792 → 216
    with_option = cumulative_withholding(D("8000"), D("800"), D("0"), 12, ANNUAL, BASIC, low_income_annual=LOW)
    assert taxes(with_option) == [D("0.00")] * 8 + [D("144.00")] + [D("216.00")] * 3
    assert all(r.cumulative_basic == LOW for r in with_option)
    # without it: 2,200 a month × 3% = 66 every month; the same 792 for a whole year from January
    without = cumulative_withholding(D("8000"), D("800"), D("0"), 12, ANNUAL, BASIC)
    assert taxes(without) == [D("66.00")] * 12
    assert sum(taxes(with_option)) == sum(taxes(without)) == D("792.00")
    # month by month the option never withholds more
    assert all(a.cumulative_tax <= b.cumulative_tax for a, b in zip(with_option, without, strict=True))


def test_the_13_rule_counts_the_first_month_from_january():
    # first wages in July, 15,000 a month, nothing earlier this year:
    # Jul 15,000 − 35,000 → 0; Aug 30,000 − 40,000 → 0; Sep 45,000 − 45,000 → 0;
    # Oct 60,000 − 50,000 = 10,000 → 300; Nov 20,000 → 600 → 300; Dec 30,000 → 900 → 300
    rows = cumulative_withholding(D("15000"), D("0"), D("0"), 6, ANNUAL, BASIC, 7, counted_from_january=True)
    assert [r.cumulative_basic for r in rows] == [D(35000), D(40000), D(45000), D(50000), D(55000), D(60000)]
    assert taxes(rows) == [D("0.00")] * 3 + [D("300.00")] * 3
    # without it (employed elsewhere earlier): 10,000 a month taxable from July on
    plain = cumulative_withholding(D("15000"), D("0"), D("0"), 6, ANNUAL, BASIC, 7)
    assert [r.cumulative_basic for r in plain] == [D(5000 * k) for k in range(1, 7)]
    assert taxes(plain)[0] == D("300.00") and plain[-1].cumulative_tax == D("3480.00")  # 60,000 × 10% − 2,520
    # in January the rule changes nothing
    january = cumulative_withholding(D("15000"), D("0"), D("0"), 12, ANNUAL, BASIC, counted_from_january=True)
    assert january == cumulative_withholding(D("15000"), D("0"), D("0"), 12, ANNUAL, BASIC)


def test_the_shared_pieces():
    assert basic_deduction_added(BASIC, 7, counted_from_january=True) == D("35000")
    assert basic_deduction_added(BASIC, 7, counted_from_january=False) == D("5000")
    assert basic_deduction_applied(D("15000"), None) == D("15000")
    assert basic_deduction_applied(D("15000"), LOW) == LOW
    result = withhold(D("39000"), D("0"), D("780"), ANNUAL)  # 39,000 × 10% − 2,520 = 1,380 − 780
    assert (result.taxable, result.rate, result.quick_deduction, result.due, result.this_month) == (
        D("39000"),
        D("0.10"),
        D("2520"),
        D("1380.00"),
        D("600.00"),
    )
    nothing = withhold(D("4000"), D("5000"), D("0"), ANNUAL)
    assert nothing.taxable == 0 and nothing.rate == 0 and nothing.due == 0 and nothing.this_month == 0


def test_amounts_per_month_must_match_the_months():
    with pytest.raises(ValueError, match="gross"):
        cumulative_withholding([D("1"), D("2")], D("0"), D("0"), 3, ANNUAL, BASIC)


# --- the payroll engine and the calculator agree ---------------------------------------------------


salaries = st.integers(min_value=0, max_value=8_000_000).map(lambda fen: D(fen) / 100)


@settings(max_examples=60, deadline=None)
@given(
    first=st.integers(1, 12),
    data=st.data(),
    low_income=st.booleans(),
    from_january=st.booleans(),
    special=st.sampled_from([D("0"), D("1500"), D("3000")]),
)
def test_the_engine_withholds_what_the_calculator_shows(first, data, low_income, from_january, special):
    months = data.draw(st.integers(1, 13 - first))
    wages = data.draw(st.lists(salaries.filter(lambda s: s >= 1), min_size=months, max_size=months))
    options = TaxOptions(low_income=low_income, basic_from_january=from_january)
    prior = YearToDate()
    slips = []
    for index, wage in enumerate(wages):
        month = date(2026, first + index, 1)
        slip = calculate(
            employee(
                month,
                str(wage),
                hired=date(2026, first, 1),
                options=options,
                prior=prior,
                special_additional=(("child_education", special),),
            ),
            rules(month=month),
        )
        slips.append(slip)
        prior = slip.ytd
    rows = cumulative_withholding(
        [s.income for s in slips],
        [s.employee_insurance for s in slips],
        special,
        months,
        ANNUAL,
        BASIC,
        first,
        low_income_annual=LOW if low_income else None,
        counted_from_january=from_january,
    )
    assert [s.wage_tax for s in slips] == taxes(rows)
    assert [s.basic_deduction for s in slips] == [r.cumulative_basic for r in rows]
    assert [s.cumulative_taxable for s in slips] == [r.cumulative_taxable for r in rows]
    assert [s.cumulative_tax_due for s in slips] == [r.cumulative_due for r in rows]

"""Income tax is rounded to the fen half up (四舍五入), never to the nearest even fen.

Each case below is chosen so that the exact tax ends in half a fen after an even fen, where
rounding half up and Python's default (half even) disagree; found by mutation testing (issue 12,
docs/mutation.md), where replacing ROUND_HALF_UP by the default survived every other test.
"""

from decimal import Decimal as D

from hrdesk.core.kernel.resources_data import load_data_file
from hrdesk.core.payroll.rules.tax import TaxTable, bonus_tax, cumulative_withholding, severance_tax, withhold

DATA = load_data_file("payroll-policies.json")
ANNUAL = TaxTable.from_data(DATA["iit_annual"][-1]["brackets"])
MONTHLY = TaxTable.from_data(DATA["iit_monthly"][-1]["brackets"])


def test_the_annual_table_rounds_half_a_fen_up():
    # 36,000.05 × 10% − 2,520 = 1,080.005 → 1,080.01 (half even would give 1,080.00)
    assert ANNUAL.tax_on(D("36000.05")) == D("1080.01")
    # 1.50 × 3% = 0.045 → 0.05 (half even: 0.04)
    assert ANNUAL.tax_on(D("1.50")) == D("0.05")


def test_cumulative_withholding_rounds_half_a_fen_up():
    # 累计收入 5,001.50 − 减除费用 5,000 = 1.50 taxable → 0.045 → 0.05 withheld this month
    result = withhold(D("5001.50"), D("5000"), D("0"), ANNUAL)
    assert result.due == D("0.05") and result.this_month == D("0.05")
    # the same through the month-by-month table: 5,001.50 a month, no insurance
    first = cumulative_withholding(D("5001.50"), D("0"), D("0"), 1, ANNUAL, D("5000"))[0]
    assert first.tax_this_month == D("0.05")


def test_the_bonus_tax_and_its_monthly_figure_round_half_a_fen_up():
    # 36,000.06 ÷ 12 = 3,000.005 → shown as 3,000.01 (half even would show the 3,000.00 band edge);
    # 10% band: 3,600.006 − 210 = 3,390.006 → 3,390.01
    result = bonus_tax(D("36000.06"), MONTHLY)
    assert result.monthly_equivalent == D("3000.01")
    assert result.tax == D("3390.01")
    # 36,000.05 → 3,600.005 − 210 = 3,390.005 → 3,390.01 (half even: 3,390.00)
    assert bonus_tax(D("36000.05"), MONTHLY).tax == D("3390.01")


def test_the_severance_tax_rounds_half_a_fen_up():
    # the exempt limit 3 × 149,208 = 447,624; 483,624.05 − 447,624 = 36,000.05 taxed alone → 1,080.01
    result = severance_tax(D("483624.05"), D("149208"), ANNUAL)
    assert result.taxable == D("36000.05")
    assert result.tax == D("1080.01")

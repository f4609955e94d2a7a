"""The bonus and severance tax results report every figure of their working, also when nothing or
very little is taxable: the amount, the band's rate and quick deduction (0 when nothing is taxed),
and the tax. The payslip and the 个税计算器 print these; mutation testing (issue 12,
docs/mutation.md) found the zero results and the reported amount unchecked.
"""

from decimal import Decimal as D

from hrdesk.core.kernel.resources_data import load_data_file
from hrdesk.core.payroll.rules.tax import BonusTax, TaxTable, bonus_tax, severance_tax, withhold

DATA = load_data_file("payroll-policies.json")
ANNUAL = TaxTable.from_data(DATA["iit_annual"][-1]["brackets"])
MONTHLY = TaxTable.from_data(DATA["iit_monthly"][-1]["brackets"])
SHANGHAI_2024 = D("149208")  # average annual wage: the exemption is 3 × = 447,624


def test_no_bonus_is_no_tax_and_no_band():
    assert bonus_tax(D("0"), MONTHLY) == BonusTax(D("0"), D("0.00"), D("0"), D("0.00"), D("0.00"))


def test_a_bonus_under_one_yuan_is_still_taxed():
    # 0.50 ÷ 12 = 0.04 → 3% band: 0.50 × 3% = 0.015 → 0.02
    result = bonus_tax(D("0.50"), MONTHLY)
    assert result.bonus == D("0.50") and result.rate == D("0.03") and result.tax == D("0.02")


def test_severance_at_the_exemption_limit_is_untaxed_with_no_band():
    result = severance_tax(D("447624"), SHANGHAI_2024, ANNUAL)
    assert result.amount == D("447624")
    assert result.exempt == D("447624.00") and result.taxable == D("0.00")
    assert result.rate == D("0") and result.quick_deduction == D("0.00") and result.tax == D("0.00")


def test_severance_above_the_limit_reports_amount_band_and_quick_deduction():
    # 500,000 − 447,624 = 52,376 → 10% band, quick deduction 2,520: 5,237.60 − 2,520 = 2,717.60
    result = severance_tax(D("500000"), SHANGHAI_2024, ANNUAL)
    assert result.amount == D("500000")
    assert (result.rate, result.quick_deduction, result.tax) == (D("0.10"), D("2520"), D("2717.60"))


def test_taxable_income_under_one_yuan_is_taxed_in_the_first_band():
    # 0.50 × 3% = 0.015 → 0.02, rate 3%, quick deduction 0
    assert ANNUAL.tax_on(D("0.50")) == D("0.02")
    result = withhold(D("5000.50"), D("5000"), D("0"), ANNUAL)
    assert (result.taxable, result.rate, result.due) == (D("0.50"), D("0.03"), D("0.02"))

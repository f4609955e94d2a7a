"""The 个税计算器's month-by-month table stays inside one tax year (the calendar year, 公告2018年第61号
counts from January): a first month from 1 to 12 and as many months as remain, at least one; a list
of amounts must have one per month, and the error names which input is wrong. Each row shows the
month's own insurance and special deductions and the cumulative deductions it subtracted.
Mutation testing (issue 12, docs/mutation.md) found these limits and columns unchecked.
"""

from decimal import Decimal as D

import pytest

from hrdesk.core.kernel.resources_data import load_data_file
from hrdesk.core.payroll.rules.tax import TaxTable, cumulative_withholding

ANNUAL = TaxTable.from_data(load_data_file("payroll-policies.json")["iit_annual"][-1]["brackets"])
BASIC = D("5000")


@pytest.mark.parametrize("first_month, months", [(1, 12), (12, 1), (7, 6)])
def test_a_table_up_to_december_is_accepted(first_month, months):
    assert len(cumulative_withholding(D("9000"), D("0"), D("0"), months, ANNUAL, BASIC, first_month)) == months


@pytest.mark.parametrize("first_month, months", [(0, 1), (13, 1), (1, 0), (1, 13), (12, 2), (7, 7)])
def test_a_table_leaving_the_tax_year_is_refused(first_month, months):
    with pytest.raises(ValueError):
        cumulative_withholding(D("9000"), D("0"), D("0"), months, ANNUAL, BASIC, first_month)


@pytest.mark.parametrize("name", ["gross", "insurance", "special_additional"])
def test_a_list_of_the_wrong_length_names_its_input(name):
    values = {"gross": D("9000"), "insurance": D("0"), "special_additional": D("0")}
    values[name] = [D("1")] * 3
    with pytest.raises(ValueError, match=f"^{name}: 3 amounts for 2 months$"):
        cumulative_withholding(values["gross"], values["insurance"], values["special_additional"], 2, ANNUAL, BASIC)


def test_each_row_shows_its_own_deductions_and_the_cumulative_ones():
    # month 1: 12,000 − 5,000 − 1,000 − 2,000 = 4,000 × 3% = 120
    # month 2: 24,000 − 10,000 − 2,200 − 3,500 = 8,300 → 249 − 120 = 129
    rows = cumulative_withholding(
        [D("12000"), D("12000")], [D("1000"), D("1200")], [D("2000"), D("1500")], 2, ANNUAL, BASIC
    )
    first, second = rows
    assert (first.insurance, first.special_additional, first.cumulative_deductions) == (D("1000"), D("2000"), D("8000"))
    assert (second.insurance, second.special_additional) == (D("1200"), D("1500"))
    assert second.cumulative_deductions == D("15700") and second.cumulative_taxable == D("8300")
    assert (second.rate, second.quick_deduction, second.tax_this_month) == (D("0.03"), D("0"), D("129.00"))

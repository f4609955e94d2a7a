"""Pay for part of a month and for a month whose salary changed (劳社部发〔2008〕3号: monthly ÷ 21.75 ×
paid days; a part month never above the whole month's salary), fixed allowances prorated the same
way only in a part month, each item's own line, contributions for what the person is enrolled in,
and the once-a-year separate bonus taxation not used up by a month without a bonus. Mutation
testing (issue 12, docs/mutation.md) found these paths unchecked by the rules' tests.
"""

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

from hrdesk.core.payroll.rules.calculation import TaxOptions, calculate
from hrdesk.core.payroll.rules.insurance import InsuranceItem
from hrdesk.core.payroll.rules.items import PayCategory, PayItem
from tests.payroll_rules import employee, rules

MARCH, FEBRUARY = date(2026, 3, 1), date(2026, 2, 1)  # 22 and 20 paid days


def base_lines(slip):
    return [(line.code, line.amount) for line in slip.lines if line.group == "pay"]


def test_a_whole_month_is_the_monthly_salary_in_one_line():
    slip = calculate(employee(MARCH, "10000"), rules())
    assert base_lines(slip) == [("base", D("10000"))] and slip.base_pay == D("10000")


def test_two_raises_in_a_month_pay_each_salary_for_its_own_days():
    # 10,000 to 10 Mar (7 paid days), 12,000 from 11 Mar (8), 15,000 from 21 Mar (7):
    # 10,000 × 7 ÷ 21.75 = 3,218.39; 12,000 × 8 ÷ 21.75 = 4,413.79; 15,000 × 7 ÷ 21.75 = 4,827.59
    salary = ((date.min, D("10000")), (date(2026, 3, 11), D("12000")), (date(2026, 3, 21), D("15000")))
    slip = calculate(replace(employee(MARCH), salary=salary), rules())
    assert base_lines(slip) == [("base", D("3218.39")), ("base", D("4413.79")), ("base", D("4827.59"))]
    assert slip.base_pay == D("12459.77")


def test_a_raise_on_the_last_day_worked_pays_that_one_day_at_the_new_salary():
    # leaves Friday 20 Mar; 14 paid days at 10,000 (6,436.78) and the 20th at 12,000 (551.72)
    salary = ((date.min, D("10000")), (date(2026, 3, 20), D("12000")))
    slip = calculate(replace(employee(MARCH, last_day=date(2026, 3, 20)), salary=salary), rules())
    assert base_lines(slip) == [("base", D("6436.78")), ("base", D("551.72"))]


def test_a_split_month_is_capped_at_the_whole_month_salary():
    # 10,000 for 10 paid days (4,597.70) and 10,100 for 12 (5,572.41) = 10,170.11 > 10,100
    salary = ((date.min, D("10000")), (date(2026, 3, 16), D("10100")))
    slip = calculate(replace(employee(MARCH), salary=salary), rules())
    assert base_lines(slip) == [("base", D("4597.70")), ("base", D("5572.41")), ("base_cap", D("-70.11"))]
    assert slip.base_pay == D("10100")


def allowance(amount: str, code: str = "meal", *, prorate: bool = True, taxable: bool = True) -> PayItem:
    return PayItem(code, "餐补", PayCategory.EARNING, D(amount), taxable, prorate, "allowance")


def test_a_prorated_allowance_is_paid_in_full_for_a_whole_month_of_20_paid_days():
    slip = calculate(employee(FEBRUARY, "10000", items=(allowance("500"),)), rules(month=FEBRUARY))
    assert [i.amount for i in slip.items] == [D("500")]


def test_a_prorated_allowance_follows_the_days_of_a_part_month():
    # hired Monday 16 Mar: 12 paid days; 500 × 12 ÷ 21.75 = 275.86; a second one not prorated stays whole
    items = (allowance("500"), allowance("300", "phone", prorate=False))
    slip = calculate(employee(MARCH, "10000", hired=date(2026, 3, 16), items=items), rules())
    assert [i.amount for i in slip.items] == [D("275.86"), D("300")]
    item_lines = [(line.group, line.code, line.label, line.amount) for line in slip.lines if line.group == "item"]
    assert item_lines == [("item", "meal", "餐补", D("275.86")), ("item", "phone", "餐补", D("300"))]
    assert all(line.basis for line in slip.lines if line.group == "item")


def test_several_earnings_of_a_kind_add_up():
    items = (allowance("500", "a", prorate=False), allowance("300", "b", prorate=False))
    items += (allowance("200", "c", prorate=False, taxable=False), allowance("100", "d", prorate=False, taxable=False))
    slip = calculate(employee(MARCH, "10000", items=items), rules())
    assert slip.taxable_earnings == D("800") and slip.tax_free_earnings == D("300")
    assert slip.gross_pay == D("11100")


def test_several_deductions_and_reimbursements_of_a_kind_add_up():
    def entry(code, category, amount):
        return PayItem(code, code, category, D(amount))

    items = (
        entry("absence1", PayCategory.PRE_TAX_DEDUCTION, "100"),
        entry("absence2", PayCategory.PRE_TAX_DEDUCTION, "50"),
        entry("loan1", PayCategory.AFTER_TAX_DEDUCTION, "200"),
        entry("loan2", PayCategory.AFTER_TAX_DEDUCTION, "300"),
        entry("taxi1", PayCategory.REIMBURSEMENT, "40"),
        entry("taxi2", PayCategory.REIMBURSEMENT, "60"),
    )
    slip = calculate(employee(MARCH, "10000", items=items), rules())
    assert (slip.pre_tax_deductions, slip.after_tax_deductions, slip.reimbursements) == (D("150"), D("500"), D("100"))
    assert slip.gross_pay == D("9850")


def test_social_insurance_without_the_housing_fund_and_the_reverse():
    no_fund = calculate(employee(MARCH, "10000", housing_fund=False), rules())
    items = {c.item for c in no_fund.contributions}
    assert InsuranceItem.PENSION in items and InsuranceItem.HOUSING_FUND not in items
    fund_only = calculate(employee(MARCH, "10000", insurance=False), rules())
    assert [c.item for c in fund_only.contributions] == [InsuranceItem.HOUSING_FUND]


def test_a_month_without_a_bonus_does_not_use_up_the_separate_bonus_taxation():
    slip = calculate(employee(MARCH, "10000", options=TaxOptions(bonus_separately=True)), rules())
    assert slip.bonus_tax is None and slip.ytd.bonus_taxed_separately is False

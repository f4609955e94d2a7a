"""The tax section of a payslip: the annual bonus taxed on its own (财政部 税务总局公告2023年第30号)
or merged, even a bonus under one yuan; severance taxed on its own (财税〔2018〕164号) with a warning
only when the local average wage is missing; the year-to-date figures carried from the previous
month (other deductions, the once-a-year separate bonus taxation); the 6万 note only with the
option; and the lines' groups and codes that the exports look up. Mutation testing (issue 12,
docs/mutation.md) found these unchecked by the rules' tests.
"""

from datetime import date
from decimal import Decimal as D

from hrdesk.core.payroll.rules.calculation import TaxOptions, YearToDate, calculate
from hrdesk.core.payroll.rules.items import PayCategory, PayItem
from tests.payroll_rules import employee, rules

MARCH = date(2026, 3, 1)


def bonus(amount: str) -> PayItem:
    return PayItem("annual_bonus", "年终奖", PayCategory.ANNUAL_BONUS, D(amount))


def severance(amount: str) -> PayItem:
    return PayItem("severance", "经济补偿", PayCategory.SEVERANCE, D(amount))


def codes(slip, group="tax"):
    return [line.code for line in slip.lines if line.group == group]


def test_a_bonus_under_one_yuan_is_still_taxed_on_its_own():
    slip = calculate(employee(MARCH, "10000", items=(bonus("0.50"),)), rules())
    assert slip.bonus_tax is not None and slip.bonus_tax.tax == D("0.02")
    assert "bonus_tax" in codes(slip) and "bonus_merged" not in codes(slip)
    assert slip.ytd.bonus_taxed_separately is True


def test_a_merged_bonus_has_its_line_and_no_bonus_no_line():
    merged = calculate(
        employee(MARCH, "10000", items=(bonus("0.50"),), options=TaxOptions(bonus_separately=False)), rules()
    )
    assert "bonus_merged" in codes(merged) and merged.bonus_tax is None
    none = calculate(employee(MARCH, "10000", options=TaxOptions(bonus_separately=False)), rules())
    assert "bonus_merged" not in codes(none)
    assert "bonus_merged" not in codes(calculate(employee(MARCH, "10000"), rules()))


def test_severance_under_one_yuan_is_taxed_on_its_own_and_none_is_not():
    slip = calculate(employee(MARCH, "10000", items=(severance("0.50"),)), rules())
    assert slip.severance_tax is not None and "severance_tax" in codes(slip)
    assert calculate(employee(MARCH, "10000"), rules()).severance_tax is None


def test_the_missing_average_wage_warning_only_when_it_is_missing():
    with_average = calculate(employee(MARCH, "10000", items=(severance("600000"),)), rules())
    assert not any("当地上年职工平均工资" in w for w in with_average.warnings)
    without = calculate(employee(MARCH, "10000", items=(severance("600000"),)), rules(city=None))
    assert any("当地上年职工平均工资" in w for w in without.warnings)


def test_the_year_to_date_carries_other_deductions_and_the_separate_bonus_mark():
    # prior: 2 months, income 20,000, basic 10,000, special 0, other 1,200; March 10,000 with the city's
    # insurance off: taxable 30,000 − 15,000 − 1,200 = 13,800
    prior = YearToDate(2, D("20000"), D("0"), D("10000"), D("0"), D("0"), D("1200"), D("0"), True)
    slip = calculate(employee(MARCH, "10000", prior=prior, insurance=False, housing_fund=False), rules())
    assert slip.ytd.other == D("1200") and slip.ytd.bonus_taxed_separately is True
    assert slip.cumulative_taxable == D("13800")


def test_the_6wan_note_only_with_the_option():
    def basic_line(slip):
        return next(line for line in slip.lines if line.code == "cum_basic")

    low = calculate(employee(MARCH, "4000", options=TaxOptions(low_income=True)), rules())
    assert "6万" in basic_line(low).basis
    normal = calculate(employee(MARCH, "4000"), rules())
    assert "6万" not in basic_line(normal).basis


def test_the_tax_lines_groups_and_codes():
    slip = calculate(employee(MARCH, "10000", items=(bonus("36000"), severance("600000"))), rules())
    assert codes(slip)[:2] == ["bonus_tax", "severance_tax"]
    assert {"cum_income", "cum_tax_free", "cum_basic", "cum_special", "cum_additional", "cum_taxable"} <= set(
        codes(slip)
    )
    assert {"cum_tax_due", "wage_tax"} <= set(codes(slip))

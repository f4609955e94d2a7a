"""Net pay (实发工资): gross less the employee's own insurance, the wage tax, the separately taxed
bonus's and severance's own taxes and the after-tax deductions, plus reimbursements; a warning
only when it is below zero, not at zero; the rates in the working written as percentages without
trailing zeros. Mutation testing (issue 12, docs/mutation.md) found that leaving the bonus's or
the severance's tax out of net pay, or adding it, survived every rule test.
"""

from datetime import date
from decimal import Decimal as D

import pytest

from hrdesk.core.payroll.defaults import default_versions
from hrdesk.core.payroll.rules.calculation import calculate
from hrdesk.core.payroll.rules.items import PayCategory, PayItem
from hrdesk.core.payroll.rules.policy import PolicyError, PolicySet
from tests.payroll_rules import employee, rules

MARCH = date(2026, 3, 1)


def item(code: str, category: PayCategory, amount: str) -> PayItem:
    return PayItem(code, code, category, D(amount))


def test_net_pay_takes_every_tax_off_and_adds_reimbursements():
    items = (
        item("annual_bonus", PayCategory.ANNUAL_BONUS, "36000"),
        item("severance", PayCategory.SEVERANCE, "600000"),
        item("loan", PayCategory.AFTER_TAX_DEDUCTION, "500"),
        item("taxi", PayCategory.REIMBURSEMENT, "80"),
    )
    slip = calculate(employee(MARCH, "20000", items=items), rules())
    assert slip.bonus_tax.tax == D("1080.00")  # 36,000 ÷ 12 = 3,000 → 3%
    assert slip.severance_tax.tax > 0
    expected = (
        slip.gross_pay
        - slip.employee_insurance
        - slip.wage_tax
        - slip.bonus_tax.tax
        - slip.severance_tax.tax
        - D("500")
        + D("80")
    )
    assert slip.net_pay == expected
    (net_line,) = [line for line in slip.lines if line.group == "net"]
    assert (net_line.code, net_line.amount) == ("net_pay", expected)


def test_a_warning_only_when_net_pay_is_below_zero():
    plain = calculate(employee(MARCH, "10000"), rules())  # an after-tax deduction of exactly its net pay
    exactly_zero = calculate(
        employee(MARCH, "10000", items=(item("loan", PayCategory.AFTER_TAX_DEDUCTION, str(plain.net_pay)),)), rules()
    )
    assert exactly_zero.net_pay == 0 and not any("负数" in w for w in exactly_zero.warnings)
    below = calculate(
        employee(MARCH, "10000", items=(item("loan", PayCategory.AFTER_TAX_DEDUCTION, str(plain.net_pay + 1)),)),
        rules(),
    )
    assert below.net_pay == D("-1") and any("负数" in w for w in below.warnings)


def test_rates_in_the_working_are_plain_percentages():
    slip = calculate(
        employee(MARCH, "20000", items=(item("annual_bonus", PayCategory.ANNUAL_BONUS, "36000.12"),)), rules()
    )
    bonus_line = next(line for line in slip.lines if line.code == "bonus_tax")
    assert "适用税率 10%" in bonus_line.basis
    due_line = next(line for line in slip.lines if line.code == "cum_tax_due")
    assert "× 3% −" in due_line.basis
    # nothing taxable: a rate of 0 is written 0%, not an empty percentage
    low = calculate(employee(MARCH, "4000"), rules())
    assert "× 0% −" in next(line for line in low.lines if line.code == "cum_tax_due").basis


def test_a_month_without_a_monthly_table_is_refused():
    versions = [v for v in default_versions() if v.kind != "iit_monthly"]
    with pytest.raises(PolicyError):
        PolicySet(versions).rules(MARCH, "上海")

"""Social insurance and housing fund contributions (社会保险法; 住房公积金管理条例) as the city data
states them: each rounding mode at a tie and just above a unit, a declared base exactly at the
floor or the cap is used as declared (not "clamped"), each item on its own base, the items left
out when not enrolled, an item one side does not pay, and the rates as the payslip writes them.
Mutation testing (issue 12, docs/mutation.md) found these unchecked by the rules' tests.
"""

from datetime import date
from decimal import Decimal as D

import pytest

from hrdesk.core.payroll.rules.insurance import (
    CityPolicy,
    InsuranceItem,
    ItemRule,
    Rounding,
    clamp,
    contributions,
)


@pytest.mark.parametrize(
    "mode, amount, expected",
    [
        (Rounding.FEN, "0.125", "0.13"),  # half up (half even would give 0.12)
        (Rounding.JIAO, "12.25", "12.30"),
        (Rounding.YUAN, "2610.50", "2611.00"),
        (Rounding.YUAN, "2611.49", "2611.00"),
        (Rounding.FEN_UP, "0.121", "0.13"),  # always up
        (Rounding.JIAO_UP, "12.201", "12.30"),
        (Rounding.YUAN_UP, "2611.01", "2612.00"),
    ],
)
def test_each_rounding_mode(mode, amount, expected):
    assert mode.apply(D(amount)) == D(expected)


PENSION = ItemRule(InsuranceItem.PENSION, D("0.08"), D("0.16"), D("7460"), D("37302"))
INJURY = ItemRule(InsuranceItem.WORK_INJURY, D("0"), D("0.0026"), D("7460"), D("37302"))  # employer only
FUND = ItemRule(InsuranceItem.HOUSING_FUND, D("0.07"), D("0.07"), D("2690"), D("37302"), rounding=Rounding.YUAN)
POLICY = CityPolicy("上海", date(2025, 7, 1), (PENSION, INJURY, FUND))


@pytest.mark.parametrize("declared", ["7460", "37302"])
def test_a_base_exactly_at_the_floor_or_the_cap_is_not_clamped(declared):
    assert clamp(D(declared), PENSION) == (D(declared), None)


def test_a_base_outside_is_clamped_and_says_which_side():
    assert clamp(D("7459.99"), PENSION) == (D("7460"), "floor")
    assert clamp(D("37302.01"), PENSION) == (D("37302"), "cap")


def test_every_item_is_paid_by_default_each_on_its_own_base():
    # 社保基数 10,000, 公积金基数 20,000: pension 800 / 1,600; injury 0 / 26; fund 1,400 / 1,400
    result = {c.item: c for c in contributions(POLICY, D("10000"), D("20000"))}
    assert list(result) == [InsuranceItem.PENSION, InsuranceItem.WORK_INJURY, InsuranceItem.HOUSING_FUND]
    assert (result[InsuranceItem.PENSION].employee_amount, result[InsuranceItem.PENSION].employer_amount) == (
        D("800.00"),
        D("1600.00"),
    )
    assert result[InsuranceItem.WORK_INJURY].employee_amount == D("0")
    assert result[InsuranceItem.WORK_INJURY].employer_amount == D("26.00")
    assert result[InsuranceItem.HOUSING_FUND].base == D("20000")
    assert result[InsuranceItem.HOUSING_FUND].employee_amount == D("1400.00")


def test_an_item_nobody_pays_on_one_side_is_zero_on_that_side():
    nobody = ItemRule(InsuranceItem.MATERNITY, D("0"), D("0"), D("7460"), D("37302"), rounding=Rounding.YUAN_UP)
    (only,) = contributions(CityPolicy("上海", date(2025, 7, 1), (nobody,)), D("10000.10"), D("0"))
    assert (only.employee_amount, only.employer_amount) == (D("0"), D("0"))


def test_items_not_enrolled_are_left_out():
    fund_only = contributions(POLICY, D("10000"), D("20000"), insurance=False)
    assert [c.item for c in fund_only] == [InsuranceItem.HOUSING_FUND]
    insurance_only = contributions(POLICY, D("10000"), D("20000"), housing_fund=False)
    assert [c.item for c in insurance_only] == [InsuranceItem.PENSION, InsuranceItem.WORK_INJURY]
    assert contributions(POLICY, D("10000"), D("20000"), insurance=False, housing_fund=False) == []


def test_the_rates_are_written_as_percentages_without_trailing_zeros():
    (pension, injury, fund) = contributions(POLICY, D("10000"), D("20000"))
    assert "个人 8% / 单位 16%" in pension.explain()
    assert "个人 0% / 单位 0.26%" in injury.explain()
    assert "个人 7% / 单位 7%" in fund.explain()

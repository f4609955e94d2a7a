"""A city's contribution policy as stored data and as the rates editor checks it (薪资设置).

Every shipped city version survives the trip to its stored form and back unchanged (the tax tables
too); a policy finds each insurance item's own rule; and ``validate_city_policy`` names each
problem a person editing the rates can make, on both sides of each limit. Mutation testing
(issue 12, docs/mutation.md) found the stored form, the item lookup and the checks unexercised by
the rules' tests.
"""

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

import pytest

from hrdesk.core.kernel.resources_data import load_data_file
from hrdesk.core.payroll.rules.insurance import CityPolicy, InsuranceItem, ItemRule, Rounding, validate_city_policy
from hrdesk.core.payroll.rules.tax import TaxTable
from tests.payroll_rules import policies

SHIPPED = [
    policies().at("insurance", city, version.effective_from)
    for city in policies().cities()
    for version in policies()._versions[("insurance", city)]
]
VERSION_IDS = [f"version{i}" for i in range(len(SHIPPED))]  # ASCII test ids, which mutmut passes back to pytest


def test_the_shipped_cities_are_listed():
    assert policies().cities() == sorted(["上海", "北京", "深圳", "广州", "杭州"])


@pytest.mark.parametrize("policy", SHIPPED, ids=VERSION_IDS)
def test_a_shipped_city_policy_reads_back_from_its_stored_form(policy):
    back = CityPolicy.from_data(policy.city, policy.effective_from, policy.to_data())
    assert back == policy
    assert [ItemRule.from_data(r.to_data()) for r in policy.items] == list(policy.items)


def test_housing_fund_from_the_next_month_is_kept_in_the_stored_form():
    # 住房公积金管理条例 art. 17 as some cities apply it: a per-city setting that must survive storing
    policy = replace(SHIPPED[0], housing_fund_from_next_month=True)
    assert CityPolicy.from_data(policy.city, policy.effective_from, policy.to_data()).housing_fund_from_next_month


@pytest.mark.parametrize("kind", ["iit_annual", "iit_monthly"])
def test_the_shipped_tax_tables_read_back_from_their_stored_form(kind):
    for version in load_data_file("payroll-policies.json")[kind]:
        table = TaxTable.from_data(version["brackets"])
        assert TaxTable.from_data(table.to_data()) == table


@pytest.mark.parametrize("policy", SHIPPED, ids=VERSION_IDS)
def test_each_item_finds_its_own_rule_and_a_missing_one_none(policy):
    for rule in policy.items:
        assert policy.rule(rule.item) is rule
    missing = [item for item in InsuranceItem if item not in {r.item for r in policy.items}]
    for item in missing:
        assert policy.rule(item) is None


@pytest.mark.parametrize("policy", SHIPPED, ids=VERSION_IDS)
def test_the_shipped_policies_have_no_problems(policy):
    assert validate_city_policy(policy) == []


PENSION = ItemRule(InsuranceItem.PENSION, D("0.08"), D("0.16"), D("7460"), D("37302"), D("0"), Rounding.FEN)
GOOD = CityPolicy("上海", date(2025, 7, 1), (PENSION,), effective_to=date(2026, 6, 30))


@pytest.mark.parametrize(
    "change",
    [
        {"employee_rate": D("0")},  # 0 is a rate (an item only the employer pays)
        {"employer_rate": D("0.99")},
        {"floor": D("0"), "cap": D("0")},  # a cap equal to the floor
        {"employee_fixed": D("0")},
    ],
)
def test_rates_and_bases_at_their_limits_are_accepted(change):
    assert validate_city_policy(replace(GOOD, items=(replace(PENSION, **change),))) == []


@pytest.mark.parametrize(
    "change",
    [
        {"employee_rate": D("1")},  # 100% is not below 100%
        {"employer_rate": D("1.5")},
        {"employee_rate": D("-0.01")},
        {"employer_rate": D("-0.01")},
        {"floor": D("-1")},
        {"cap": D("7459.99")},  # below the floor
        {"employee_fixed": D("-3")},
    ],
)
def test_each_bad_rate_or_base_is_one_problem(change):
    problems = validate_city_policy(replace(GOOD, items=(replace(PENSION, **change),)))
    assert len(problems) == 1 and InsuranceItem.PENSION.label in problems[0]


def test_both_rates_wrong_is_still_one_problem_for_the_item():
    bad = replace(PENSION, employee_rate=D("1"), employer_rate=D("2"))
    assert len(validate_city_policy(replace(GOOD, items=(bad,)))) == 1


def test_a_repeated_item_no_item_and_an_end_before_the_start_are_problems():
    assert len(validate_city_policy(replace(GOOD, items=(PENSION, PENSION)))) == 1
    assert len(validate_city_policy(replace(GOOD, items=()))) == 1
    assert len(validate_city_policy(replace(GOOD, effective_to=date(2025, 6, 30)))) == 1
    assert validate_city_policy(replace(GOOD, effective_to=date(2025, 7, 1))) == []
    assert validate_city_policy(replace(GOOD, effective_to=None)) == []

"""The payroll policy versions as read from their stored data (薪资设置, payroll-policies.json):
the local average wage with its year, amounts and source, the deduction limits, a city version's
optional fields, the tax table's own checks, and the calendar a policy set is given. Mutation
testing (issue 12, docs/mutation.md) found these unchecked by the rules' tests.
"""

from datetime import date
from decimal import Decimal as D

import pytest

from hrdesk.core.kernel.calendar import WorkCalendar
from hrdesk.core.payroll.defaults import default_versions
from hrdesk.core.payroll.rules.insurance import CityPolicy
from hrdesk.core.payroll.rules.policy import AverageWage, PolicySet
from hrdesk.core.payroll.rules.tax import Bracket, TaxTable
from tests.payroll_rules import policies


def test_the_local_average_wage_is_read_with_its_year_and_source():
    wage = policies().at("local_average_wage", "上海", date(2025, 7, 1))
    assert isinstance(wage, AverageWage)
    assert (wage.city, wage.year, wage.monthly, wage.annual) == ("上海", 2024, D("12434"), D("149208"))
    assert "2024年度" in wage.source


def test_the_deduction_limits_are_read():
    deductions = policies().at("iit_deductions", "", date(2026, 3, 1))
    assert (deductions.basic_monthly, deductions.low_income_annual) == (D("5000"), D("60000"))
    assert deductions.limits["child_education"] == D("2000") and deductions.limits["housing_rent"] == D("1500")


def test_a_city_version_without_its_optional_fields():
    data = {"items": [{"item": "pension", "employee_rate": "0.08", "employer_rate": "0.16", "floor": "1", "cap": "2"}]}
    policy = CityPolicy.from_data("上海", date(2025, 7, 1), data)
    assert (policy.source, policy.year_label, policy.effective_to) == ("", "", None)
    assert policy.housing_fund_from_next_month is False


def test_a_city_version_is_read_under_its_own_city_and_date():
    policy = policies().at("insurance", "北京", date(2025, 7, 1))
    assert policy.city == "北京" and policy.effective_from <= date(2025, 7, 1)


def test_an_empty_upper_edge_is_the_open_top_band():
    table = TaxTable.from_data(
        [
            {"up_to": "36000", "rate": "0.03", "quick_deduction": "0"},
            {"up_to": "", "rate": "0.1", "quick_deduction": "2520"},
        ]
    )
    assert table.brackets[-1].up_to is None


def bands(*edges):
    return tuple(Bracket(None if e is None else D(e), D("0.1"), D("0")) for e in edges)


@pytest.mark.parametrize(
    "brackets, message",
    [
        ((), "open top band"),
        (bands("100", "200"), "open top band"),
        (bands("200", "100", None), "edges must increase"),
        (bands("100", "100", None), "edges must increase"),
    ],
)
def test_a_malformed_tax_table_is_refused(brackets, message):
    with pytest.raises(ValueError, match=message):
        TaxTable(brackets)


def test_three_increasing_bands_are_a_table():
    assert len(TaxTable(bands("100", "200", None)).brackets) == 3


def test_a_policy_set_uses_the_calendar_it_is_given():
    calendar = WorkCalendar()  # no holidays at all
    assert PolicySet(default_versions(), calendar).calendar is calendar

"""Policy data has no holes in time (issue 11, item 5): a month before a city's first contribution
version is an error that names the missing period; a month after a version's stated end is
calculated with it, with a warning on the run and the payslips until a new version is entered."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal as D

import pytest

from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.payroll import policies, runs
from hrdesk.core.payroll.defaults import default_versions
from hrdesk.core.payroll.rules import policy
from hrdesk.core.payroll.rules.calculation import calculate
from hrdesk.core.payroll.rules.insurance import InsuranceItem
from hrdesk.core.payroll.rules.policy import PolicyError
from tests.payroll_rules import employee, rules


def _city_versions(kind: str) -> dict[str, list[policy.Version]]:
    by_city: dict[str, list[policy.Version]] = {}
    for version in sorted(default_versions(), key=lambda v: v.effective_from):
        if version.kind == kind:
            by_city.setdefault(version.key, []).append(version)
    return by_city


@pytest.mark.parametrize("kind", policy.PER_CITY)
def test_shipped_city_versions_follow_each_other_without_gaps_and_name_their_source(kind):
    for city, versions in _city_versions(kind).items():
        for version in versions:
            assert version.source.strip(), (city, version.effective_from)
            assert version.data.get("effective_to"), (city, version.effective_from)
        for earlier, later in zip(versions, versions[1:], strict=False):
            end = date.fromisoformat(earlier.data["effective_to"])
            assert end + timedelta(days=1) == later.effective_from, city


def test_a_month_before_the_first_version_is_an_error_naming_the_period():
    first = min(v.effective_from for v in _city_versions(policy.INSURANCE)["深圳"])
    month = date(first.year, first.month, 1) - timedelta(days=1)
    month = month.replace(day=1)
    with pytest.raises(PolicyError) as caught:
        rules("深圳", month)
    message = str(caught.value)
    assert "深圳" in message and month.strftime("%Y-%m") in message and first.isoformat() in message
    assert "未设置社保缴纳城市" not in message


def test_a_month_after_the_stated_end_warns_that_last_years_bases_are_used():
    latest = _city_versions(policy.INSURANCE)["上海"][-1]
    end = date.fromisoformat(latest.data["effective_to"])
    after = end + timedelta(days=1)
    slip = calculate(employee(after, "5000"), rules("上海", after))
    pension = slip.contribution(InsuranceItem.PENSION)
    floor = next(i for i in latest.data["items"] if i["item"] == "pension")["floor"]
    assert pension is not None and pension.base == D(floor)  # still calculated, with last year's floor
    assert any("已于" + end.isoformat() + "到期" in w for w in slip.warnings)
    inside = calculate(employee(end.replace(day=1), "5000"), rules("上海", end.replace(day=1)))
    assert not any("到期" in w for w in inside.warnings)


def test_shanghai_housing_fund_floor_is_the_minimum_wage_in_force():
    """The 2025年度 floor of 上海's 公积金 base is the minimum wage from 2025-07-01 (2,740), not
    2024's 2,690; social insurance 2025年度 7,460–37,302 and 2024年度 7,384–36,921."""
    shanghai = _city_versions(policy.INSURANCE)["上海"]
    by_year = {v.effective_from: {i["item"]: (i["floor"], i["cap"]) for i in v.data["items"]} for v in shanghai}
    assert by_year[date(2025, 7, 1)]["housing_fund"][0] == "2740"
    assert by_year[date(2025, 7, 1)]["pension"] == ("7460", "37302")
    assert by_year[date(2024, 7, 1)]["pension"] == ("7384", "36921")
    assert by_year[date(2024, 7, 1)]["housing_fund"][0] == "2690"


def test_the_run_refuses_a_month_without_a_version_and_warns_once_after_the_end(company):
    hr = company.login("hr")
    with pytest.raises(ValidationError, match="2024-06"):
        runs.calculate_month(hr, date(2024, 6, 1))  # the company's 上海 versions begin 2024-07-01
    summary = runs.calculate_month(hr, date(2026, 7, 1))  # after the 2025年度 version's end
    expired = [w for w in summary.warnings if "到期" in w]
    assert len(expired) == 1 and "2026-06-30" in expired[0]
    versions = policies.versions(company.login("finance"), policy.INSURANCE, "上海")
    assert {v.effective_from for v in versions} >= {date(2024, 7, 1), date(2025, 7, 1)}

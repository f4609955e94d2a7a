"""The 6万 option (公告2020年第19号) is granted only when the company's own records support it:
employed by this company for the whole previous year, and that year's wage income — bonuses and
tax-free income included, before any deduction — at most the threshold (60,000)."""

from __future__ import annotations

from datetime import date

import pytest

from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.payroll import declarations, inputs, runs
from hrdesk.core.payroll.declarations import TaxProfile
from hrdesk.core.people import employees
from tests.helpers import employee_input

DEC_2025 = date(2025, 12, 1)


def _opening_2025(hr, emp_id, months, income):
    declarations.save_tax_profile(hr, TaxProfile(emp_id, 2025, opening_months=months, opening_income=income))


def test_refused_when_last_years_wages_here_exceed_the_threshold(company):
    hr, li = company.login("hr"), company.emps["李四"]
    _opening_2025(hr, li, 11, "50000.01")
    runs.calculate_month(hr, DEC_2025)  # December 2025: 12,000 → 62,000.01 in the year
    with pytest.raises(ValidationError, match="超过 60,000") as caught:
        declarations.save_tax_profile(hr, TaxProfile(li, 2026, low_income=True))
    assert "62,000.01" in str(caught.value) and "12个月" in str(caught.value)
    assert not declarations.tax_profile(hr, li, 2026).low_income  # nothing stored


def test_a_separately_taxed_bonus_counts_towards_the_threshold(company):
    hr, zhao = company.login("hr"), company.emps["赵六"]
    _opening_2025(hr, zhao, 11, "44000")
    inputs.add_entry(hr, DEC_2025, zhao, "annual_bonus", "4000.01", "2025年终奖")
    runs.calculate_month(hr, DEC_2025)  # 44,000 + 12,000 wages + 4,000.01 bonus = 60,000.01
    with pytest.raises(ValidationError, match="60,000.01"):
        declarations.save_tax_profile(hr, TaxProfile(zhao, 2026, low_income=True))


def test_granted_when_the_records_support_it(company):
    hr, li = company.login("hr"), company.emps["李四"]
    _opening_2025(hr, li, 11, "48000")
    runs.calculate_month(hr, DEC_2025)  # exactly 60,000: at most the threshold
    saved = declarations.save_tax_profile(hr, TaxProfile(li, 2026, low_income=True))
    assert saved.low_income
    # without any record of the previous year, hired long before: nothing shows otherwise
    assert declarations.save_tax_profile(hr, TaxProfile(company.emps["孙员工"], 2026, low_income=True)).low_income


def _hire(company, seq, name, hired):
    dept = company.depts["销售部"]
    values = employee_input(
        f"E{seq:06d}", name, dept, seq, hire_date=hired, contract_start=hired, probation_end_date=None
    )
    return employees.create(company.system, values).id


def test_refused_for_someone_not_employed_all_of_last_year(company):
    hr = company.login("hr")
    new = _hire(company, 20, "吴新", date(2025, 3, 2))
    with pytest.raises(ValidationError, match="2025-03-02入职"):
        declarations.save_tax_profile(hr, TaxProfile(new, 2026, low_income=True))
    since_new_year = _hire(company, 21, "郑元", date(2025, 1, 1))
    assert declarations.save_tax_profile(hr, TaxProfile(since_new_year, 2026, low_income=True)).low_income

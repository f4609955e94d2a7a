"""The shipped payroll policy tables as domain objects, for tests that calculate without a database."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hrdesk.core.payroll.defaults import default_versions
from hrdesk.core.payroll.rules.calculation import EmployeeMonth, MonthRules
from hrdesk.core.payroll.rules.policy import PolicySet


def policies() -> PolicySet:
    return PolicySet(default_versions())


def rules(city: str | None = "上海", month: date = date(2026, 3, 1)) -> MonthRules:
    return policies().rules(month, city)


def employee(
    month: date,
    salary: str = "20000",
    *,
    hired: date = date(2020, 1, 6),
    last_day: date | None = None,
    base: str | None = None,
    **kw,
) -> EmployeeMonth:
    """An employee of the whole month unless hired or leaving inside it."""
    from hrdesk.core.kernel.months import month_end

    amount = Decimal(salary)
    values = dict(
        employee_id=1,
        emp_no="E1",
        name="张三",
        month=month,
        employed_from=max(hired, month),
        employed_to=min(last_day, month_end(month)) if last_day else month_end(month),
        salary=((date.min, amount),),
        insurance_base=Decimal(base or salary),
        housing_fund_base=Decimal(base or salary),
    )
    values.update(kw)
    return EmployeeMonth(**values)

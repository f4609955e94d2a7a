"""Reading everything one month's payroll needs, in a few bulk queries (10,000 employees in well
under a second), and turning it into ``EmployeeMonth`` inputs for the calculation.

Sources: the register (hire date, last working day, city, contribution bases, department), the
salary changes of the 调岗/调薪 flow (applied or still pending, so a change effective mid-month is
paid from its day), fixed allowances, the month's one-off entries, declared special additional
deductions, tax options, and the year-to-date figures: the latest earlier result of the same tax
year, or the opening figures entered for a company that started mid-year.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import Row, select, true
from sqlalchemy.orm import Session

from hrdesk.core.flows.tables import EmployeeChange
from hrdesk.core.kernel.months import month_end
from hrdesk.core.payroll.declarations import MONTHLY_ADDITIONAL_CODES
from hrdesk.core.payroll.rules.calculation import EmployeeMonth, MonthRules, TaxOptions, YearToDate
from hrdesk.core.payroll.rules.items import PayCategory, PayItem
from hrdesk.core.payroll.rules.policy import PolicySet
from hrdesk.core.payroll.tables import (
    EmployeeAllowance,
    PayItemType,
    PayrollEntry,
    PayrollResult,
    PayrollRun,
    SpecialDeduction,
    TaxYearProfile,
)
from hrdesk.core.people.employee_rules import EmployeeStatus
from hrdesk.core.people.tables import Employee

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Gathered:
    """One employee's inputs for the month and the rules that apply to them."""

    employee: EmployeeMonth
    rules: MonthRules
    department_id: int | None
    project_department_id: int | None
    city: str
    insurance_change: str  # add, stop or ""
    # Worked here earlier this year, but neither an earlier result nor opening figures exist: the
    # cumulative tax would start from zero (a company starting mid-year enters them once).
    missing_year_to_date: bool = False


def salary_timeline(current: Decimal, changes: list[tuple[date, dict, bool]]) -> tuple[tuple[date, Decimal], ...]:
    """(in force from, monthly salary) from the salary changes, oldest first.

    ``changes`` are (effective date, {"from", "to"}, applied). The register's current salary is the
    truth for the time after the last applied change (an HR correction in the register wins);
    pending changes follow from their effective dates.
    """
    if not changes:
        return ((date.min, current),)
    changes = sorted(changes, key=lambda c: c[0])
    timeline = [(date.min, Decimal(changes[0][1]["from"]))]
    last_applied = None
    for index, (effective, values, applied) in enumerate(changes):
        timeline.append((effective, Decimal(values["to"])))
        if applied:
            last_applied = index + 1
    if last_applied is None:
        timeline[0] = (date.min, current)
    else:
        timeline[last_applied] = (timeline[last_applied][0], current)
    return tuple(timeline)


_YTD_COLUMNS = (
    PayrollResult.employee_id,
    PayrollResult.ytd_months,
    PayrollResult.ytd_income,
    PayrollResult.ytd_tax_free,
    PayrollResult.ytd_basic,
    PayrollResult.ytd_special,
    PayrollResult.ytd_additional,
    PayrollResult.ytd_other,
    PayrollResult.ytd_tax,
    PayrollResult.ytd_bonus_separately,
)


def _year_to_date(
    row: Row[int, int, Decimal, Decimal, Decimal, Decimal, Decimal, Decimal, Decimal, bool],
) -> YearToDate:
    """The figures of one row of ``_YTD_COLUMNS`` (the employee id first)."""
    return YearToDate(
        months=row[1],
        income=row[2],
        tax_free=row[3],
        basic=row[4],
        special=row[5],
        additional=row[6],
        other=row[7],
        tax=row[8],
        bonus_taxed_separately=row[9],
    )


def _prior_results(session: Session, month: date, employee_ids: set[int], only) -> dict[int, YearToDate]:
    """Each employee's year-to-date figures after their latest earlier month of the same year.

    Months of a year are calculated without gaps, so almost everyone is in the previous month's run:
    that run is read whole; only the few who are not (back from a break) are looked up further back.
    """
    runs = (
        session.execute(
            select(PayrollRun.id)
            .where(PayrollRun.month >= date(month.year, 1, 1), PayrollRun.month < month)
            .order_by(PayrollRun.month.desc())
        )
        .scalars()
        .all()
    )
    prior: dict[int, YearToDate] = {}
    if not runs:
        return prior
    for row in session.execute(
        select(*_YTD_COLUMNS).where(PayrollResult.run_id == runs[0], only(PayrollResult.employee_id))
    ):
        prior[row[0]] = _year_to_date(row)
    missing = [e for e in employee_ids if e not in prior]
    for start in range(0, len(missing), 500):
        chunk = missing[start : start + 500]
        query = (
            select(*_YTD_COLUMNS)
            .join(PayrollRun, PayrollRun.id == PayrollResult.run_id)
            .where(PayrollResult.run_id.in_(runs[1:]), PayrollResult.employee_id.in_(chunk))
            .order_by(PayrollRun.month.desc())
        )
        for row in session.execute(query):
            prior.setdefault(row[0], _year_to_date(row))
    return prior


def _opening(profile: TaxYearProfile, basic_monthly: Decimal) -> YearToDate:
    return YearToDate(
        profile.opening_months,
        profile.opening_income,
        profile.opening_tax_free,
        basic_monthly * profile.opening_months,
        profile.opening_special,
        profile.opening_additional,
        profile.opening_other,
        profile.opening_tax,
        False,
    )


def gather(session: Session, month: date, policies: PolicySet, employee_ids: list[int] | None = None) -> list[Gathered]:
    """Everyone paid in ``month`` (or only ``employee_ids``, for one leaver's settlement)."""
    last = month_end(month)
    only = (lambda column: column.in_(employee_ids)) if employee_ids is not None else (lambda column: true())
    emp_rows = session.execute(
        select(
            Employee.id,
            Employee.emp_no,
            Employee.name,
            Employee.hire_date,
            Employee.last_working_day,
            Employee.status,
            Employee.base_salary,
            Employee.insurance_base,
            Employee.housing_fund_base,
            Employee.social_security_city,
            Employee.department_id,
            Employee.project_department_id,
        )
        .where(Employee.hire_date <= last, only(Employee.id))
        .order_by(Employee.emp_no)
    ).all()

    changes: dict[int, list] = defaultdict(list)
    for emp_id, effective, text, applied_at in session.execute(
        select(
            EmployeeChange.employee_id, EmployeeChange.effective_date, EmployeeChange.changes, EmployeeChange.applied_at
        ).where(EmployeeChange.changes.contains("base_salary"), only(EmployeeChange.employee_id))
    ):
        values = json.loads(text).get("base_salary")
        if values:
            changes[emp_id].append((effective, values, applied_at is not None))

    types = {t.id: t for t in session.execute(select(PayItemType)).scalars()}
    items: dict[int, list[PayItem]] = defaultdict(list)
    for allowance in session.execute(
        select(EmployeeAllowance).where(
            EmployeeAllowance.from_month <= month,
            (EmployeeAllowance.to_month.is_(None)) | (EmployeeAllowance.to_month >= month),
            only(EmployeeAllowance.employee_id),
        )
    ).scalars():
        t = types[allowance.item_type_id]
        items[allowance.employee_id].append(
            PayItem(t.code, t.name, PayCategory(t.category), allowance.amount, t.taxable, t.prorate, "allowance")
        )
    entry_employees = set()
    for entry in session.execute(
        select(PayrollEntry)
        .where(PayrollEntry.month == month, only(PayrollEntry.employee_id))
        .order_by(PayrollEntry.id)
    ).scalars():
        t = types[entry.item_type_id]
        items[entry.employee_id].append(
            PayItem(
                t.code, t.name, PayCategory(t.category), entry.amount, t.taxable, False, entry.source, entry.note or ""
            )
        )
        entry_employees.add(entry.employee_id)

    declarations: dict[int, SpecialDeduction] = {}
    for row in session.execute(
        select(SpecialDeduction)
        .where(
            SpecialDeduction.month >= date(month.year, 1, 1),
            SpecialDeduction.month <= month,
            only(SpecialDeduction.employee_id),
        )
        .order_by(SpecialDeduction.month)
    ).scalars():
        declarations[row.employee_id] = row  # the latest one wins
    profiles = {
        p.employee_id: p
        for p in session.execute(
            select(TaxYearProfile).where(TaxYearProfile.year == month.year, only(TaxYearProfile.employee_id))
        ).scalars()
    }
    prior = _prior_results(session, month, {row[0] for row in emp_rows}, only)

    result = []
    for emp_id, emp_no, name, hire, lwd, status, base, ins_base, fund_base, city, dept, project in emp_rows:
        ended = lwd is not None and lwd < month
        if ended and emp_id not in entry_employees:
            continue
        if status == EmployeeStatus.SEPARATED.value and lwd is None:
            continue
        employed_from = max(hire, month)
        employed_to = min(lwd, last) if lwd is not None else last
        employed = not ended
        rules = policies.rules(month, city or None)
        profile = profiles.get(emp_id)
        options = (
            TaxOptions(profile.low_income, profile.bonus_separately, profile.basic_from_january)
            if profile
            else TaxOptions()
        )
        opening = profile if profile is not None and profile.opening_months > 0 else None
        has_opening = opening is not None
        ytd = prior.get(emp_id) or (_opening(opening, rules.basic_monthly) if opening is not None else YearToDate())
        missing = (
            month.month > 1
            and hire < month
            and emp_id not in prior
            and not has_opening
            and not (profile is not None and profile.basic_from_january)
        )
        declaration = declarations.get(emp_id)
        additional = (
            tuple((code, getattr(declaration, code)) for code in MONTHLY_ADDITIONAL_CODES if getattr(declaration, code))
            if declaration
            else ()
        )
        fund_next_month = rules.city is not None and rules.city.housing_fund_from_next_month
        hired_this_month = hire >= month
        insurance_change = "stop" if (lwd is not None and month <= lwd <= last) else ("add" if hired_this_month else "")
        if not employed:
            insurance_change = ""
            employed_from, employed_to = month, month - timedelta(days=1)  # no day employed: items only
        employee = EmployeeMonth(
            employee_id=emp_id,
            emp_no=emp_no,
            name=name,
            month=month,
            employed_from=employed_from,
            employed_to=employed_to,
            salary=salary_timeline(base, changes.get(emp_id, [])),
            insurance_base=ins_base if ins_base is not None else base,
            housing_fund_base=fund_base if fund_base is not None else base,
            insurance=employed,
            housing_fund=employed and not (fund_next_month and hired_this_month),
            items=tuple(items.get(emp_id, ())),
            special_additional=additional,
            prior=ytd,
            options=options,
        )
        result.append(Gathered(employee, rules, dept, project, city or "", insurance_change, missing))
    return result

"""Payroll data for the demo company: fixed allowances, declared special additional deductions, a
few one-off items, and (for small demos) the paid payroll months of the year so far, so the
payroll pages, the exports and the cumulative tax show real figures from the first sign-in.
"""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import insert, select

from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.org.tables import Position
from hrdesk.core.payroll import defaults, runs
from hrdesk.core.payroll.tables import EmployeeAllowance, PayItemType, PayrollEntry, SpecialDeduction
from hrdesk.core.people.tables import Employee

MAX_EMPLOYEES_WITH_HISTORY = 2000  # larger demos are for benchmarks: inputs only, no calculated months


def seed_payroll(ctx: ServiceContext, today: date, seed: int) -> None:
    rng = random.Random(seed * 7919)
    year_start = date(today.year, 1, 1)
    with ctx.transaction() as tx:
        session, now = tx.session, ctx.clock.now()
        defaults.ensure_defaults(session, now)
        defaults.ensure_item_types(session, now)
        types = dict(session.execute(select(PayItemType.code, PayItemType.id)).all())
        people = session.execute(
            select(Employee.id, Employee.hire_date, Position.name)
            .outerjoin(Position, Position.id == Employee.position_id)
            .where(Employee.status != "separated")
        ).all()
        allowances, declarations, entries = [], [], []
        for emp_id, hire, position in people:
            start = max(hire.replace(day=1), year_start)
            allowances.append(
                {
                    "employee_id": emp_id,
                    "item_type_id": types["transport_allowance"],
                    "amount": 500,
                    "from_month": start,
                    "to_month": None,
                    "created_at": now,
                }
            )
            allowances.append(
                {
                    "employee_id": emp_id,
                    "item_type_id": types["meal_allowance"],
                    "amount": 440,
                    "from_month": start,
                    "to_month": None,
                    "created_at": now,
                }
            )
            if position and ("经理" in position or "总监" in position):
                allowances.append(
                    {
                        "employee_id": emp_id,
                        "item_type_id": types["position_allowance"],
                        "amount": 2000,
                        "from_month": start,
                        "to_month": None,
                        "created_at": now,
                    }
                )
            if rng.random() < 0.45:
                housing = rng.choice(("housing_loan", "housing_rent", None))
                declarations.append(
                    {
                        "employee_id": emp_id,
                        "month": start,
                        "child_education": 2000 * rng.choice((0, 1, 1, 2)),
                        "infant_care": 2000 if rng.random() < 0.1 else 0,
                        "elderly_support": rng.choice((0, 1500, 3000)),
                        "continuing_education": 0,
                        "housing_loan": 1000 if housing == "housing_loan" else 0,
                        "housing_rent": 1500 if housing == "housing_rent" else 0,
                        "serious_illness": 0,
                        "updated_at": now,
                    }
                )
            if rng.random() < 0.2:
                entries.append(
                    {
                        "month": today.replace(day=1),
                        "employee_id": emp_id,
                        "item_type_id": types["performance_bonus"],
                        "amount": rng.choice((800, 1500, 3000)),
                        "note": tr("季度绩效"),
                        "source": "import",
                        "locked": False,
                        "created_by": ctx.actor.display_name,
                        "created_at": now,
                    }
                )
        for table, rows in ((EmployeeAllowance, allowances), (SpecialDeduction, declarations), (PayrollEntry, entries)):
            if rows:
                session.execute(insert(table), rows)
        tx.audit(
            "demo.payroll",
            "company",
            1,
            tr("示例数据：{0}条固定津贴、{1}份专项附加扣除申报、{2}条本月项目").format(
                len(allowances), len(declarations), len(entries)
            ),
        )
    if len(people) <= MAX_EMPLOYEES_WITH_HISTORY:
        for month in range(1, today.month):
            day = date(today.year, month, 1)
            runs.calculate_month(ctx, day)
            runs.approve(ctx, day)
            runs.mark_paid(ctx, day)

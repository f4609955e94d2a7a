"""Flows in progress for the demo company, so every demo login finds something in its 待办.

They are started and moved on through the flow services (as the system, recorded as 示例数据), so
they look and behave exactly like real ones: tasks, deadlines, checklists and notice drafts.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select

from hrdesk.core.accounts.tables import User
from hrdesk.core.flows import checklists, engine, lifecycle, separations
from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.flows.workflow import Action
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import StateError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.persistence.rows import stored_row
from hrdesk.core.org.tables import Department
from hrdesk.core.people.employee_rules import EmployeeStatus
from hrdesk.core.people.tables import Employee

# (reason, approvals to give after starting, checklist items to confirm)
_SEPARATIONS = (
    (SeparationReason.RESIGNATION, 0, 0),  # waits for the 直属上级
    (SeparationReason.RESIGNATION, 1, 0),  # … for the 项目负责人 or 人事
    (SeparationReason.MUTUAL, 2, 3),
    (SeparationReason.EXPIRY, 3, 6),  # … for 财务
    (SeparationReason.RESIGNATION, 4, 8),  # … for 人事归档, two checklist items still open
)


def start_sample_flows(ctx: ServiceContext, today: date, seed: int) -> int:
    """Start a handful of flows at different stages; returns how many were started."""
    rng = random.Random(seed * 7919 + 1)
    candidates = _candidates(ctx)
    if len(candidates) < 10:
        return 0
    rng.shuffle(candidates)
    started = 0
    for (reason, approvals, confirmations), employee_id in zip(
        _SEPARATIONS, candidates[: len(_SEPARATIONS)], strict=False
    ):
        last_day = today + timedelta(days=35 + rng.randint(0, 20))
        detail = separations.start(ctx, employee_id, reason, last_day, tr("示例：员工已提交书面离职申请"), today)
        for _ in range(approvals):
            try:
                detail = engine.act(ctx, detail.summary.id, Action.APPROVE, tr("同意（示例）"))
            except StateError:  # reached 人事归档, which waits for the checklist
                break
        for item in detail.checklist[:confirmations]:
            checklists.confirm(ctx, item.id, tr("已交接（示例）"))
        started += 1
    probation = _in_probation(ctx, [c for c in candidates[len(_SEPARATIONS) :]])
    if probation is not None:
        lifecycle.start_confirmation(
            ctx, probation, today + timedelta(days=14), tr("试用期表现良好，建议按期转正（示例）")
        )
        started += 1
    raise_for = candidates[len(_SEPARATIONS) + 1]
    with ctx.read() as session:
        salary = stored_row(session, Employee, raise_for).base_salary
    detail = lifecycle.start_transfer(
        ctx,
        raise_for,
        date(today.year, today.month, 1) + timedelta(days=31),
        {"base_salary": str((salary * 11 / 10).quantize(salary))},
        tr("年度调薪（示例）"),
    )
    engine.act(ctx, detail.summary.id, Action.APPROVE, tr("同意（示例）"))
    return started + 1


def _candidates(ctx: ServiceContext) -> list[int]:
    """Regular staff who head nothing, have a manager and no login (the demo logins stay intact)."""
    with ctx.read() as session:
        heads = set(session.execute(select(Department.head_employee_id)).scalars())
        with_login = set(session.execute(select(User.employee_id)).scalars())
        rows = session.execute(
            select(Employee.id)
            .where(
                Employee.status.in_((EmployeeStatus.REGULAR.value, EmployeeStatus.PROBATION.value)),
                Employee.manager_id.is_not(None),
            )
            .order_by(Employee.id)
            .limit(5000)
        ).scalars()
        return [r for r in rows if r not in heads and r not in with_login]


def _in_probation(ctx: ServiceContext, ids: list[int]) -> int | None:
    with ctx.read() as session:
        for employee_id in ids:
            if stored_row(session, Employee, employee_id).status == EmployeeStatus.PROBATION.value:
                return employee_id
    return None

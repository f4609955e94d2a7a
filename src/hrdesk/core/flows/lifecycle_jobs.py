"""Date-driven consequences of completed flows, run when the company is opened.

A transfer approved in March to take effect on 1 April is applied on the first opening on or after
1 April; running twice changes nothing.
"""

from __future__ import annotations

from sqlalchemy import select

from hrdesk.core.flows.effects import apply_change
from hrdesk.core.flows.tables import EmployeeChange
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Actor
from hrdesk.core.kernel.persistence.database import CompanyDatabase


def apply_due_changes(db: CompanyDatabase, clock=None) -> int:
    ctx = (
        ServiceContext(db, Actor.system(tr("定时任务")))
        if clock is None
        else ServiceContext(db, Actor.system(tr("定时任务")), clock)
    )
    with ctx.transaction() as tx:
        due = (
            tx.session.execute(
                select(EmployeeChange)
                .where(EmployeeChange.applied_at.is_(None), EmployeeChange.effective_date <= ctx.clock.today())
                .order_by(EmployeeChange.effective_date, EmployeeChange.id)
            )
            .scalars()
            .all()
        )
        for change in due:
            apply_change(tx, change)
        return len(due)

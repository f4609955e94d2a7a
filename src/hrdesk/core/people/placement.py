"""Where employees are placed in the organisation, answered for the departments and positions
services (see :mod:`org_occupancy` for why the answers come from here)."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from hrdesk.core.kernel.i18n import tr
from hrdesk.core.org import occupancy
from hrdesk.core.people.employee_rules import EmployeeStatus
from hrdesk.core.people.tables import Employee

_CURRENT = Employee.status != EmployeeStatus.SEPARATED.value


class Placement:
    def placements(self, session: Session) -> Counter:
        return Counter(
            {
                (r[0], r[1]): r[2]
                for r in session.execute(
                    select(Employee.department_id, Employee.project_department_id, func.count())
                    .where(_CURRENT)
                    .group_by(Employee.department_id, Employee.project_department_id)
                )
            }
        )

    def members(self, session: Session, dept_id: int, *, current_only: bool) -> int:
        query = select(func.count()).where(
            or_(Employee.department_id == dept_id, Employee.project_department_id == dept_id)
        )
        return session.execute(query.where(_CURRENT) if current_only else query).scalar_one()

    def project_members(self, session: Session, dept_id: int) -> int:
        return session.execute(select(func.count()).where(Employee.project_department_id == dept_id)).scalar_one()

    def position_holders(self, session: Session) -> dict[int, int]:
        rows = session.execute(
            select(Employee.position_id, func.count()).where(_CURRENT).group_by(Employee.position_id)
        )
        return {position_id: count for position_id, count in rows if position_id is not None}

    def position_uses(self, session: Session, position_id: int) -> int:
        return session.execute(select(func.count()).where(Employee.position_id == position_id)).scalar_one()

    def names(self, session: Session, employee_ids: set[int]) -> dict[int, str]:
        return dict(session.execute(select(Employee.id, Employee.name).where(Employee.id.in_(employee_ids))).all())

    def head_problem(self, session: Session, employee_id: int) -> str | None:
        head = session.get(Employee, employee_id)
        if head is None:
            return tr("负责人不存在")
        if head.status == EmployeeStatus.SEPARATED.value:
            return tr("负责人已离职")
        return None


occupancy.provide(Placement())

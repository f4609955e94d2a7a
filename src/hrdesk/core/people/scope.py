"""Turning an actor's data scope into a query condition over employees.

self: the actor's own record. team: plus direct reports. department: plus everyone in the subtree of
any department or 项目部 the actor heads. all: no condition. The condition is plain SQLAlchemy, so
the same narrowing runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import false, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from hrdesk.core.kernel.permissions import Actor, Permission, Scope
from hrdesk.core.org.tables import Department
from hrdesk.core.org.tree import subtree_ids
from hrdesk.core.people.tables import Employee


def headed_subtree(session: Session, employee_id: int) -> set[int]:
    """Departments (and 项目部) the employee heads, with everything below them."""
    rows = session.execute(select(Department.id, Department.parent_id, Department.head_employee_id)).all()
    parent_of = {r.id: r.parent_id for r in rows}
    roots = [r.id for r in rows if r.head_employee_id == employee_id]
    return subtree_ids(parent_of, roots) if roots else set()


def employee_condition(session: Session, actor: Actor, scope: Scope) -> ColumnElement[bool] | None:
    """A WHERE condition limiting employees to ``scope`` for ``actor``; None means no limit."""
    if scope is Scope.ALL:
        return None
    me = actor.employee_id
    if scope is Scope.NONE or me is None:
        return false()
    terms = [Employee.id == me]
    if scope >= Scope.TEAM:
        terms.append(Employee.manager_id == me)
    if scope >= Scope.DEPARTMENT:
        depts = headed_subtree(session, me)
        if depts:
            terms.append(Employee.department_id.in_(depts))
            terms.append(Employee.project_department_id.in_(depts))
    return or_(*terms)


def visible_ids(session: Session, actor: Actor, permission: Permission) -> set[int] | None:
    """Employee ids within the actor's scope for ``permission``; None means all."""
    scope = actor.scope_for(permission)
    condition = employee_condition(session, actor, scope)
    if condition is None:
        return None
    return set(session.execute(select(Employee.id).where(condition)).scalars())


def in_scope(session: Session, actor: Actor, permission: Permission, employee_id: int) -> bool:
    scope = actor.scope_for(permission)
    condition = employee_condition(session, actor, scope)
    if condition is None:
        return True
    found = session.execute(select(Employee.id).where(Employee.id == employee_id, condition)).first()
    return found is not None

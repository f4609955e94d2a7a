"""The scope labels of the matrix's cases are true of the company world.py builds: table.py works
them out from its own description of who heads and manages whom, and this checks that description
against the scope conditions the services use (people.scope)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hrdesk.core.kernel.permissions import Scope
from hrdesk.core.people.scope import employee_condition
from hrdesk.core.people.tables import Employee
from tests.core.permission_matrix.table import EMPLOYEE_OF, PEOPLE, relation

WITHIN = {
    Scope.SELF: {"self"},
    Scope.TEAM: {"self", "team"},
    Scope.DEPARTMENT: {"self", "team", "project", "department"},
}


@pytest.mark.parametrize("user", sorted(EMPLOYEE_OF))
def test_relations_match_the_company(w, user):
    assert set(PEOPLE) == {name for name in w.emp}, "table.PEOPLE lists everyone in world.py"
    names = {emp_id: name for name, emp_id in w.emp.items()}
    actor = w.actors[user]
    assert names[actor.employee_id] == EMPLOYEE_OF[user]
    with w.system.read() as session:
        for scope, relations in WITHIN.items():
            condition = employee_condition(session, actor, scope)
            reached = {names[i] for i in session.execute(select(Employee.id).where(condition)).scalars()}
            assert reached == {p for p in PEOPLE if relation(user, p) in relations}, (user, scope)


def test_every_scope_label_occurs():
    from tests.core.permission_matrix.table import cases

    assert {case.scope for case in cases()} == {"self", "team", "project", "department", "none", "all"}

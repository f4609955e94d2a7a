"""The grants table itself, against a reviewed copy: widening any role fails here first, before any
service case (the administrator getting 审核工资, the auditor payroll.view or document.issue, a
manager flow.admin).

Changing a line below is changing who may do what in every company: it needs the same review as
the change to kernel/permissions.py, and the matrix (table.py) says what it means per service.
"""

from __future__ import annotations

from hrdesk.core.kernel.permissions import BASE_GRANTS, ROLE_GRANTS, Permission, Role, Scope, grants_for

REVIEWED_BASE = {
    "employee.view": "self",
    "employee.sensitive": "self",
    "org.view": "all",
    "flow.view": "self",
    "payroll.view": "self",
}

REVIEWED_ROLES = {
    "employee": {},
    "manager": {"employee.view": "team", "flow.view": "team", "flow.propose": "team"},
    "project_lead": {"employee.view": "department", "flow.view": "department", "flow.propose": "department"},
    "hr": {
        "employee.view": "all",
        "employee.edit": "all",
        "employee.sensitive": "all",
        "flow.view": "all",
        "flow.propose": "all",
        "flow.on_behalf": "all",
        "checklist.waive": "all",
        "payroll.view": "all",
        "payroll.input": "all",
        "payroll.calculate": "all",
        "payroll.policy": "all",
        "document.issue": "all",
    },
    "finance": {
        "employee.view": "all",
        "employee.sensitive": "all",
        "flow.view": "all",
        "payroll.view": "all",
        "payroll.input": "all",
        "payroll.approve": "all",
        "payroll.policy": "all",
    },
    "admin": {
        "employee.view": "all",
        "org.manage": "all",
        "account.manage": "all",
        "custom_field.manage": "all",
        "company.manage": "all",
        "flow.admin": "all",
        "backup.manage": "all",
    },
    "auditor": {"employee.view": "all", "audit.view": "all", "flow.view": "all"},
}


def _readable(grants: dict[Permission, Scope]) -> dict[str, str]:
    return {permission.value: scope.name.lower() for permission, scope in grants.items()}


def test_the_base_grants_are_the_reviewed_ones():
    assert _readable(BASE_GRANTS) == REVIEWED_BASE


def test_every_role_grants_exactly_the_reviewed_permissions():
    assert {role.value: _readable(grants) for role, grants in ROLE_GRANTS.items()} == REVIEWED_ROLES


def test_separation_of_duties_holds_for_every_single_role():
    """Whoever calculates a month does not approve it; the auditor neither changes nor sees pay; no
    role but HR issues documents; no administrator touches payroll."""
    for role in Role:
        grants = grants_for({role})
        assert not (grants.get(Permission.PAYROLL_CALCULATE) and grants.get(Permission.PAYROLL_APPROVE)), role
    auditor = grants_for({Role.AUDITOR})
    assert auditor[Permission.PAYROLL_VIEW] is Scope.SELF and auditor[Permission.EMPLOYEE_SENSITIVE] is Scope.SELF
    assert [r for r in Role if Permission.DOCUMENT_ISSUE in ROLE_GRANTS[r]] == [Role.HR]
    assert not {p for p in ROLE_GRANTS[Role.ADMIN] if p.value.startswith("payroll.")}

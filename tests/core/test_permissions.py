"""Each permission rule proven at the service level, without any GUI.

The fixture company: 王经理 heads 销售部 and manages 李四 and 赵六; 陈工 heads 地铁项目部 (项目负责人)
where 周七 works; 刘人事 (hr), 钱财务 (finance), 孙员工 (staff); admin and auditor accounts.
"""

import pytest

from hrdesk.core.accounts import users
from hrdesk.core.audit import audit_log
from hrdesk.core.kernel.errors import PermissionDenied
from hrdesk.core.kernel.masking import MASKED_MONEY
from hrdesk.core.kernel.permissions import Permission, Role, Scope, grants_for
from hrdesk.core.org import departments, positions
from hrdesk.core.org.tree import DepartmentKind
from hrdesk.core.people import custom_fields, employee_table, employees
from hrdesk.core.people.custom_field_types import FieldType
from tests.helpers import employee_input


def visible(ctx) -> dict[str, dict]:
    return {row["name"]: row for row in employee_table.load(ctx).as_dicts()}


def test_widest_scope_wins_across_roles():
    grants = grants_for({Role.MANAGER, Role.PROJECT_LEAD, Role.EMPLOYEE})
    assert grants[Permission.EMPLOYEE_VIEW] is Scope.DEPARTMENT
    assert grants[Permission.EMPLOYEE_SENSITIVE] is Scope.SELF
    assert Permission.EMPLOYEE_EDIT not in grants


def test_employee_sees_only_self_with_own_sensitive_values(company):
    rows = visible(company.login("staff"))
    assert set(rows) == {"孙员工"}
    me = rows["孙员工"]
    assert me["base_salary"] != MASKED_MONEY and "*" not in me["id_number"] and "*" not in me["bank_account"]


def test_manager_sees_team_masked_and_self_clear(company):
    rows = visible(company.login("manager"))
    assert set(rows) == {"王经理", "李四", "赵六"}
    assert rows["李四"]["base_salary"] == MASKED_MONEY
    assert rows["李四"]["id_number"][:3] + "*" * 11 == rows["李四"]["id_number"][:14]
    assert rows["李四"]["bank_account"].count("*") == len(rows["李四"]["bank_account"]) - 8
    assert rows["王经理"]["base_salary"] != MASKED_MONEY


def test_project_lead_sees_project_department_masked(company):
    rows = visible(company.login("lead"))
    assert set(rows) == {"陈工", "周七"}
    assert rows["周七"]["base_salary"] == MASKED_MONEY


@pytest.mark.parametrize("user", ["hr", "finance"])
def test_hr_and_finance_see_everyone_in_clear(company, user):
    rows = visible(company.login(user))
    assert len(rows) == 8
    assert all(r["base_salary"] != MASKED_MONEY and "*" not in r["id_number"] for r in rows.values())


@pytest.mark.parametrize("user", ["admin", "auditor"])
def test_admin_and_auditor_see_everyone_masked(company, user):
    rows = visible(company.login(user))
    assert len(rows) == 8
    assert all(r["base_salary"] == MASKED_MONEY and "*" in r["id_number"] for r in rows.values())


def test_mask_format_keeps_region_and_last_four(company):
    rows = visible(company.login("admin"))
    full = visible(company.login("hr"))
    masked, clear = rows["李四"]["id_number"], full["李四"]["id_number"]
    assert masked == clear[:3] + "*" * 11 + clear[-4:]


def test_detail_follows_the_same_rules(company):
    manager = company.login("manager")
    detail = employees.get(manager, company.emps["李四"])
    assert not detail.sensitive_visible and detail.base_salary is None and detail.base_salary_text == MASKED_MONEY
    assert not detail.editable
    with pytest.raises(PermissionDenied):
        employees.get(manager, company.emps["孙员工"])
    with pytest.raises(PermissionDenied):
        employees.get(company.login("staff"), company.emps["王经理"])
    assert employees.get(company.login("hr"), company.emps["李四"]).editable


@pytest.mark.parametrize("user", ["manager", "lead", "finance", "admin", "auditor", "staff"])
def test_only_hr_creates_and_edits_employees(company, user):
    ctx = company.login(user)
    with pytest.raises(PermissionDenied):
        employees.create(ctx, employee_input("E000100", "新人", company.depts["销售部"], 100))
    detail = employees.get(company.system, company.emps["孙员工"])
    with pytest.raises(PermissionDenied):
        employees.update(
            ctx, detail.id, employee_input("E000008", "孙员工", company.depts["销售部"], 8), detail.version
        )
    assert employees.count(company.system) == 8


@pytest.mark.parametrize("user", ["hr", "finance", "manager", "staff", "auditor"])
def test_only_admin_manages_org_accounts_and_fields(company, user):
    ctx = company.login(user)
    with pytest.raises(PermissionDenied):
        departments.create_department(ctx, "新部门", DepartmentKind.BUSINESS)
    with pytest.raises(PermissionDenied):
        positions.create_position(ctx, "新岗位")
    with pytest.raises(PermissionDenied):
        users.list_accounts(ctx)
    with pytest.raises(PermissionDenied):
        custom_fields.create_definition(ctx, "title", "职称", FieldType.TEXT)


def test_admin_manages_org(company):
    ctx = company.login("admin")
    departments.create_department(ctx, "新部门", DepartmentKind.BUSINESS)
    assert any(d.name == "新部门" for d in departments.list_departments(ctx))


@pytest.mark.parametrize("user", ["hr", "admin", "finance", "staff"])
def test_only_auditor_reads_the_audit_trail(company, user):
    with pytest.raises(PermissionDenied):
        audit_log.list_entries(company.login(user))
    with pytest.raises(PermissionDenied):
        audit_log.verify_chain(company.login(user))


def test_auditor_sees_audit_values_masked(company):
    entries = audit_log.list_entries(company.login("auditor"), entity_type="employee", entity_id=company.emps["李四"])
    created = [e for e in entries if e.action == "employee.create"][0]
    assert created.after["base_salary"] == MASKED_MONEY
    assert "*" in created.after["id_number"]


def test_permission_denied_message_is_chinese(company):
    with pytest.raises(PermissionDenied, match="权限"):
        users.list_accounts(company.login("hr"))

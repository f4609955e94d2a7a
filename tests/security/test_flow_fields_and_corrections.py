"""HR raised its own base salary through the employee service with no flow (issue 12). Pay,
department, position, manager and status change only through their flows; a typing error is put
right with a 更正 — HR only, never one's own record, a reason required, audited as a correction the
auditor can list."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from hrdesk.core.audit import audit_log
from hrdesk.core.kernel.errors import PermissionDenied, ValidationError
from hrdesk.core.kernel.persistence.tables import AuditRecord
from hrdesk.core.people import employees
from hrdesk.core.people.employee_rules import EmployeeStatus
from hrdesk.core.people.tables import Employee
from tests.helpers import stored_input


def as_input(company, detail, **changes):
    """The record as the employee dialog would send it back, with ``changes``."""
    return stored_input(company.system, detail.id, **changes)[0]


def trail_length(company) -> int:
    with company.db.session() as s:
        return s.execute(select(func.count()).select_from(AuditRecord)).scalar_one()


def stored_salary(company, name):
    with company.db.session() as s:
        return s.get(Employee, company.emps[name]).base_salary


def test_hr_cannot_raise_its_own_salary_through_the_register(company):
    hr = company.login("hr")
    own = employees.get(company.system, company.emps["刘人事"])
    before, length = stored_salary(company, "刘人事"), trail_length(company)
    with pytest.raises(ValidationError) as refused:
        employees.update(hr, own.id, as_input(company, own, base_salary="99999"), own.version)
    assert "base_salary" in refused.value.errors and "调岗/调薪" in refused.value.errors["base_salary"]
    assert stored_salary(company, "刘人事") == before and trail_length(company) == length


@pytest.mark.parametrize(
    "field, value",
    [
        ("base_salary", "23456"),
        ("department_id", "财务部"),
        ("position_id", "会计"),
        ("manager_id", "陈工"),
        ("status", EmployeeStatus.PROBATION),
    ],
)
def test_the_register_refuses_every_flow_field_for_anyone(company, field, value):
    hr = company.login("hr")
    li = employees.get(company.system, company.emps["李四"])
    if field == "department_id":
        value = company.depts[value]
    elif field == "position_id":
        value = company.positions[value]
    elif field == "manager_id":
        value = company.emps[value]
    length = trail_length(company)
    with pytest.raises(ValidationError) as refused:
        employees.update(hr, li.id, as_input(company, li, **{field: value}), li.version)
    assert set(refused.value.errors) == {field}
    assert trail_length(company) == length


def test_harmless_fields_are_still_edited_in_the_register(company):
    hr = company.login("hr")
    li = employees.get(company.system, company.emps["李四"])
    changed = employees.update(hr, li.id, as_input(company, li, phone="13900001111"), li.version)
    assert changed.phone == "13900001111"


def test_a_correction_needs_a_reason_and_is_audited_as_one(company):
    hr = company.login("hr")
    li = employees.get(company.system, company.emps["李四"])
    for reason in ("", "  ", "错"):
        with pytest.raises(ValidationError) as refused:
            employees.correct(hr, li.id, as_input(company, li, base_salary="12345"), li.version, reason)
        assert "reason" in refused.value.errors
    corrected = employees.correct(
        hr, li.id, as_input(company, li, base_salary="12345"), li.version, "入职时把 21345 录成了 12345 以外的数"
    )
    assert corrected.base_salary is not None and str(corrected.base_salary) == "12345.00"
    listed = audit_log.list_entries(company.login("auditor"), action=employees.CORRECTION_ACTION)
    assert len(listed) == 1
    entry = listed[0]
    assert entry.entity_type == "employee" and entry.entity_id == str(li.id)
    assert "入职时把" in entry.summary and "base_salary" in entry.after  # masked for the auditor


def test_nobody_corrects_their_own_record(company):
    hr = company.login("hr")
    own = employees.get(company.system, company.emps["刘人事"])
    before, length = stored_salary(company, "刘人事"), trail_length(company)
    with pytest.raises(PermissionDenied, match="本人"):
        employees.correct(
            hr, own.id, as_input(company, own, base_salary="99999"), own.version, "工资录错了，应为 99999"
        )
    assert stored_salary(company, "刘人事") == before
    with company.db.session() as s:  # the refusal is the only record added
        added = s.execute(select(AuditRecord).where(AuditRecord.seq > length)).scalars().all()
    assert [r.action for r in added] == ["security.denied"]


@pytest.mark.parametrize("username", ["manager", "finance", "admin", "auditor"])
def test_only_hr_corrects(company, username):
    ctx = company.login(username)
    li = employees.get(company.system, company.emps["李四"])
    with pytest.raises(PermissionDenied):
        employees.correct(ctx, li.id, as_input(company, li, base_salary="12345"), li.version, "工资录错了，应为 12345")

"""What each role sees of salary, ID number and bank account where it may read a record at all (the
matrix says where it may): ``C`` in clear, ``M`` masked, ``-`` cannot read it (refused, or not
among the rows the caller gets).

Clear for HR and finance (employee.sensitive for everyone) and for the person themself; masked for
everyone else, the administrator and the auditor included, in the record, the register, the trail
and the payroll lines.
"""

from __future__ import annotations

import pytest

from hrdesk.core.audit import audit_log, trail
from hrdesk.core.kernel.errors import PermissionDenied
from hrdesk.core.kernel.masking import MASKED_MONEY
from hrdesk.core.payroll import runs
from hrdesk.core.people import employee_table, employees
from hrdesk.core.people.tables import Employee
from tests.core.permission_matrix.table import COLUMNS, ROLE_OF, relation
from tests.core.permission_matrix.world import JAN

SEES = """
read                 target   admin  hr  finance  manager  lead  staff  auditor
people.get           孙员工     M     C     C        -       -     C      M
people.get           李四       M     C     C        M       -     -      M
people.get           周七       M     C     C        -       M     -      M
people.get           王经理     M     C     C        C       -     -      M
people.table         孙员工     M     C     C        -       -     C      M
people.table         李四       M     C     C        M       -     -      M
people.table         试用乙     M     C     C        -       M     -      M
audit.trail          李四       -     C     -        -       -     -      M
audit.list_entries   李四       -     -     -        -       -     -      M
payroll.rows         李四       -     C     C        -       -     -      -
"""


def _cases():
    rows = [r.split() for r in SEES.strip().splitlines()]
    assert rows[0][2:] == list(COLUMNS)
    for read, target, *cells in rows[1:]:
        for user, cell in zip(COLUMNS, cells, strict=True):
            seen = {"C": "clear", "M": "masked", "-": "unreadable"}[cell]
            name = f"{read}[{target}]-{ROLE_OF[user]}-{relation(user, target)}-{seen}"
            yield pytest.param(read, target, user, seen, id=name)


def _salary_id_bank(w, read: str, target: str, ctx) -> tuple[object, str, str | None]:
    """(salary, ID number, bank account) of ``target`` as ``read`` shows them to ``ctx``."""
    emp_id = w.emp[target]
    if read == "people.get":
        detail = employees.get(ctx, emp_id)
        return detail.base_salary_text, detail.id_number, detail.bank_account
    if read == "people.table":
        row = next(r for r in employee_table.load(ctx).as_dicts() if r["emp_no"] == _emp_no(w, target))
        return row["base_salary"], row["id_number"], row["bank_account"]
    if read in ("audit.trail", "audit.list_entries"):
        entries = (
            trail.trail(ctx, emp_id)
            if read == "audit.trail"
            else audit_log.list_entries(ctx, entity_type="employee", entity_id=emp_id)
        )
        created = next(e for e in entries if e.action == "employee.create").after
        assert created is not None
        return created["base_salary"], created["id_number"], created["bank_account"]
    line = next(r for r in runs.rows(ctx, JAN) if r.employee_id == emp_id)
    return None, line.id_number, line.bank_account


def _emp_no(w, name: str) -> str:
    with w.system.read() as session:
        emp = session.get(Employee, w.emp[name])
        assert emp is not None
        return emp.emp_no


@pytest.mark.parametrize(("read", "target", "user", "seen"), list(_cases()))
def test_sensitive_values(w, read, target, user, seen):
    if seen == "unreadable":  # refused, or not among the rows the caller gets
        with pytest.raises((PermissionDenied, StopIteration)):
            _salary_id_bank(w, read, target, w.ctx(user))
        return
    salary, id_number, bank = _salary_id_bank(w, read, target, w.ctx(user))
    clear = seen == "clear"
    assert ("*" not in id_number) is clear, id_number
    assert ("*" not in (bank or "")) is clear, bank
    if salary is not None:
        assert (salary != MASKED_MONEY) is clear, salary

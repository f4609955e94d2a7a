"""Refusals are security events (issue 12): a refused call is in the trail with who, what and why,
although the work itself is refused and rolled back."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from hrdesk.core.company import backups
from hrdesk.core.kernel.errors import PermissionDenied
from hrdesk.core.kernel.permissions import Permission
from hrdesk.core.kernel.persistence.tables import AuditRecord


def refusals(company) -> list[AuditRecord]:
    with company.db.session() as s:
        return list(
            s.execute(
                select(AuditRecord).where(AuditRecord.action == "security.denied").order_by(AuditRecord.seq)
            ).scalars()
        )


def test_a_refused_service_call_is_recorded_with_who_and_what(company):
    hr = company.login("hr")
    with pytest.raises(PermissionDenied):
        backups.create_backup(hr)
    (record,) = refusals(company)
    assert record.actor_user_id == hr.actor.user_id and "(hr)" in record.actor_name
    assert "company.backups.create_backup" in record.summary and "备份与恢复公司数据" in record.summary
    assert '"permission":"backup.manage"' in record.after


def test_a_refusal_inside_a_transaction_is_recorded_after_its_rollback(company):
    staff = company.login("staff")
    with pytest.raises(PermissionDenied):
        with staff.transaction() as tx:
            tx.audit("test.write", "user", 1, "不应留下")
            staff.require_all(Permission.PAYROLL_APPROVE)
    with company.db.session() as s:
        actions = list(s.execute(select(AuditRecord.action).order_by(AuditRecord.seq)).scalars())
    assert actions[-1] == "security.denied" and "test.write" not in actions


def test_refusals_from_two_threads_are_each_recorded(company):
    staff = company.login("staff")
    errors: list[BaseException] = []

    def refused():
        try:
            staff.require_all(Permission.ACCOUNT_MANAGE)
        except PermissionDenied as exc:
            errors.append(exc)

    threads = [threading.Thread(target=refused) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(errors) == 4 and len(refusals(company)) == 4


def test_the_system_is_never_refused_and_records_nothing(company):
    company.system.require_all(Permission.BACKUP_MANAGE)
    assert refusals(company) == []

"""Reading and verifying the audit trail (auditors; and HR for the records of one employee)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrdesk.core.kernel import audit_chain
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.masking import giveaways, mask_record
from hrdesk.core.kernel.permissions import Permission, Scope
from hrdesk.core.kernel.persistence.tables import AuditRecord
from hrdesk.core.people.tables import Employee


@dataclass(frozen=True)
class AuditEntryView:
    seq: int
    created_at: datetime
    actor_name: str
    on_behalf_of: str | None
    action: str
    entity_type: str
    entity_id: str | None
    summary: str
    before: dict | None
    after: dict | None


def sees_everything(ctx: ServiceContext) -> bool:
    """Whether the reader may see every employee's sensitive values, hence the trail unmasked."""
    return ctx.actor.scope_for(Permission.EMPLOYEE_SENSITIVE) is Scope.ALL


def entry_view(record: AuditRecord, clear: bool, secrets: tuple[str, ...] = ()) -> AuditEntryView:
    """One record as its reader may see it; every view of the trail (the auditor's list, the trail of
    an employee or a flow, their Excel files, the command line) reads records through this.

    Unless ``clear``, the summary and the values are masked by the register's rules
    (kernel.masking), nested values included; ``secrets`` are the giveaways of the person's ID
    number, for the values of their company-defined fields."""
    before = json.loads(record.before) if record.before else None
    after = json.loads(record.after) if record.after else None
    summary = record.summary
    if not clear:
        summary, before, after = mask_record(record.entity_type, summary, before, after, secrets)
    return AuditEntryView(
        record.seq,
        record.created_at,
        record.actor_name,
        record.on_behalf_of,
        record.action,
        record.entity_type,
        record.entity_id,
        summary,
        before,
        after,
    )


def employee_secrets(session: Session, employee_ids: set[int]) -> dict[int, tuple[str, ...]]:
    """The giveaways of these employees' ID numbers, by employee id (one query)."""
    if not employee_ids:
        return {}
    rows = session.execute(select(Employee.id, Employee.id_number).where(Employee.id.in_(employee_ids)))
    return {emp_id: giveaways(id_number) for emp_id, id_number in rows}


def list_entries(
    ctx: ServiceContext,
    *,
    entity_type: str | None = None,
    entity_id: str | int | None = None,
    action: str | None = None,
    limit: int = 1000,
    before_seq: int | None = None,
) -> list[AuditEntryView]:
    """Newest first; sensitive values masked unless the reader may see them for everyone.
    ``action`` lists one kind of record, e.g. the register's corrections ("employee.correct")."""
    ctx.require_all(Permission.AUDIT_VIEW)
    clear = sees_everything(ctx)
    query = select(AuditRecord).order_by(AuditRecord.seq.desc()).limit(limit)
    if action:
        query = query.where(AuditRecord.action == action)
    if entity_type:
        query = query.where(AuditRecord.entity_type == entity_type)
    if entity_id is not None:
        query = query.where(AuditRecord.entity_id == str(entity_id))
    if before_seq is not None:
        query = query.where(AuditRecord.seq < before_seq)
    with ctx.read() as session:
        records = session.execute(query).scalars().all()
        people = {r.seq: _employee_of(r) for r in records}
        secrets = {} if clear else employee_secrets(session, {p for p in people.values() if p is not None})
    return [entry_view(r, clear, secrets.get(people[r.seq] or 0, ())) for r in records]


def _employee_of(record: AuditRecord) -> int | None:
    """The employee a record is about, for the records of the employee register."""
    if record.entity_type == "employee" and record.entity_id and record.entity_id.isdigit():
        return int(record.entity_id)
    return None


def verify_chain(ctx: ServiceContext) -> audit_chain.ChainReport:
    ctx.require_all(Permission.AUDIT_VIEW)
    with ctx.read() as session:
        return audit_chain.verify_rows(audit_chain.iter_chain_rows(session), bytes.fromhex(ctx.db.audit_key))

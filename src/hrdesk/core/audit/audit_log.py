"""Reading and verifying the audit trail (auditors; and HR for the records of one employee)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from hrdesk.core.kernel import audit_chain
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.masking import MASKED_MONEY, mask_bank_account, mask_id_number
from hrdesk.core.kernel.permissions import Permission, Scope
from hrdesk.core.kernel.persistence.tables import AuditRecord

_MASKERS = {
    "id_number": mask_id_number,
    "bank_account": mask_bank_account,
    "base_salary": lambda v: MASKED_MONEY if v is not None else None,
    "insurance_base": lambda v: MASKED_MONEY if v is not None else None,
    "housing_fund_base": lambda v: MASKED_MONEY if v is not None else None,
}


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


def mask_sensitive(values: dict | None) -> dict | None:
    """Sensitive values (ID and bank numbers, salary) of an audit record, masked for a reader who
    may not see them; used by every view of the trail."""
    if values is None:
        return None
    return {k: (_MASKERS[k](v) if k in _MASKERS and isinstance(v, str) else v) for k, v in values.items()}


def list_entries(
    ctx: ServiceContext,
    *,
    entity_type: str | None = None,
    entity_id: str | int | None = None,
    limit: int = 1000,
    before_seq: int | None = None,
) -> list[AuditEntryView]:
    """Newest first; sensitive values masked unless the reader may see them for everyone."""
    ctx.require_all(Permission.AUDIT_VIEW)
    clear = ctx.actor.scope_for(Permission.EMPLOYEE_SENSITIVE) is Scope.ALL
    query = select(AuditRecord).order_by(AuditRecord.seq.desc()).limit(limit)
    if entity_type:
        query = query.where(AuditRecord.entity_type == entity_type)
    if entity_id is not None:
        query = query.where(AuditRecord.entity_id == str(entity_id))
    if before_seq is not None:
        query = query.where(AuditRecord.seq < before_seq)
    with ctx.read() as session:
        records = session.execute(query).scalars().all()
    result = []
    for r in records:
        before = json.loads(r.before) if r.before else None
        after = json.loads(r.after) if r.after else None
        if not clear:
            before, after = mask_sensitive(before), mask_sensitive(after)
        result.append(
            AuditEntryView(
                r.seq,
                r.created_at,
                r.actor_name,
                r.on_behalf_of,
                r.action,
                r.entity_type,
                r.entity_id,
                r.summary,
                before,
                after,
            )
        )
    return result


def verify_chain(ctx: ServiceContext) -> audit_chain.ChainReport:
    ctx.require_all(Permission.AUDIT_VIEW)
    with ctx.read() as session:
        return audit_chain.verify_rows(audit_chain.iter_chain_rows(session))

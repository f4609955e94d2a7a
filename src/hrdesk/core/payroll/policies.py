"""Payroll policy tables as data with effective dates: read them and add versions.

The shipped versions are installed by :mod:`payroll_defaults`. After that the company's own
versions count: a new rate is a new version from a date, and older months keep being calculated
with the version that was in force for them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrdesk.core.kernel.context import ServiceContext, Transaction
from hrdesk.core.kernel.errors import Conflict, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Permission
from hrdesk.core.payroll import defaults
from hrdesk.core.payroll.rules import policy
from hrdesk.core.payroll.rules.insurance import validate_city_policy
from hrdesk.core.payroll.tables import PolicyVersion


@dataclass(frozen=True)
class StoredVersion:
    id: int
    kind: str
    key: str
    effective_from: date
    data: dict
    source: str
    created_by: str

    def as_version(self) -> policy.Version:
        return policy.Version(self.kind, self.key, self.effective_from, self.data, self.source)


def _stored(row: PolicyVersion) -> StoredVersion:
    return StoredVersion(
        row.id, row.kind, row.key, row.effective_from, json.loads(row.data), row.source, row.created_by
    )


def load_set(session: Session) -> policy.PolicySet:
    rows = session.execute(select(PolicyVersion)).scalars()
    return policy.PolicySet([_stored(r).as_version() for r in rows])


def policy_set(ctx: ServiceContext) -> policy.PolicySet:
    defaults.install_defaults(ctx)
    with ctx.read() as session:
        return load_set(session)


def versions(ctx: ServiceContext, kind: str, key: str = "") -> list[StoredVersion]:
    """Every version of one table, newest first (anyone who works on payroll may read them)."""
    ctx.require(Permission.PAYROLL_VIEW)
    defaults.install_defaults(ctx)
    with ctx.read() as session:
        rows = session.execute(
            select(PolicyVersion)
            .where(PolicyVersion.kind == kind, PolicyVersion.key == key)
            .order_by(PolicyVersion.effective_from.desc())
        ).scalars()
        return [_stored(r) for r in rows]


def cities(ctx: ServiceContext) -> list[str]:
    defaults.install_defaults(ctx)
    with ctx.read() as session:
        return list(
            session.execute(
                select(PolicyVersion.key)
                .where(PolicyVersion.kind == policy.INSURANCE)
                .distinct()
                .order_by(PolicyVersion.key)
            ).scalars()
        )


def save_version(
    ctx: ServiceContext, kind: str, key: str, effective_from: date, data: dict, source: str
) -> StoredVersion:
    """Add a version in force from ``effective_from`` (or replace the company's own version of that
    same date). Checked by parsing it the way the calculation will; a new city is just a new key."""
    ctx.require_all(Permission.PAYROLL_POLICY)
    key = (key or "").strip()
    source = (source or "").strip()
    errors = {}
    if kind not in policy.KINDS:
        raise ValidationError({"kind": tr("未知的政策类型")})
    if kind in policy.PER_CITY and not key:
        errors["key"] = tr("请填写城市")
    if not source:
        errors["source"] = tr("请填写政策来源（文件名或文号），便于日后核对")
    version = policy.Version(kind, key if kind in policy.PER_CITY else "", effective_from, data, source)
    try:
        parsed = policy.parse(version)
    except policy.PolicyError as exc:
        errors["data"] = str(exc)
        parsed = None
    if kind == policy.INSURANCE and parsed is not None:
        problems = validate_city_policy(parsed)
        if problems:
            errors["data"] = "；".join(problems)
    if errors:
        raise ValidationError(errors)
    with ctx.transaction() as tx:
        defaults.ensure_defaults(tx.session, ctx.clock.now())
        row = _save(tx, version)
        return _stored(row)


def _save(tx: Transaction, version: policy.Version) -> PolicyVersion:
    session = tx.session
    row = session.execute(
        select(PolicyVersion).where(
            PolicyVersion.kind == version.kind,
            PolicyVersion.key == version.key,
            PolicyVersion.effective_from == version.effective_from,
        )
    ).scalar_one_or_none()
    before = None
    text = json.dumps(version.data, ensure_ascii=False)
    if row is None:
        row = PolicyVersion(
            kind=version.kind, key=version.key, effective_from=version.effective_from, created_at=tx.ctx.clock.now()
        )
        session.add(row)
    else:
        if row.data == text and row.source == version.source:
            raise Conflict(tr("内容与现有版本相同，没有保存。"))
        before = {"data": json.loads(row.data), "source": row.source}
    row.data, row.source, row.created_by = text, version.source, tx.ctx.actor.display_name
    session.flush()
    label = policy.kind_label(version.kind) + (f"（{version.key}）" if version.key else "")
    tx.audit(
        "policy.save",
        "policy",
        row.id,
        tr("保存{0}，自 {1} 起执行").format(label, version.effective_from.isoformat()),
        before,
        {"data": version.data, "source": version.source, "effective_from": version.effective_from},
    )
    tx.changed("policy", "updated", row.id)
    return row

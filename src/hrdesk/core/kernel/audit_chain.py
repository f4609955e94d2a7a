"""The tamper-evident audit trail (操作留痕): an append-only hash chain of every change.

Each record stores a MAC of its own content together with the previous record's hash, so altering,
deleting or reordering any past record breaks every hash after it. The MAC is HMAC-SHA256 under the
audit key (kernel.audit_key), which is kept apart from the database key: whoever can open the file
but lacks that key cannot recompute the hashes after an edit. (Chains from before keyed chains used
plain SHA-256; ``key=None`` still verifies those, for the one-time upgrade and for old backups.)
``seq`` is unique and consecutive: two writers racing for the same position get an integrity error
instead of a fork. Cutting the chain's tail is caught against a head kept outside (audit.checkpoints).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from hrdesk.core.kernel.errors import StateError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Actor
from hrdesk.core.kernel.persistence.database import AUDIT_KEY_INFO
from hrdesk.core.kernel.persistence.tables import AuditRecord

GENESIS_HASH = "0" * 64


def _json_default(value: Any):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def canonical_json(value: Any) -> str | None:
    """The exact text stored and hashed: sorted keys, no whitespace, Chinese kept as is."""
    if value is None:
        return None
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_json_default)


def record_hash(
    key: bytes | None,
    prev_hash: str,
    seq: int,
    created_at: datetime,
    actor_user_id: int | None,
    actor_name: str,
    on_behalf_of: str | None,
    action: str,
    entity_type: str,
    entity_id: str | None,
    summary: str,
    before: str | None,
    after: str | None,
) -> str:
    content = json.dumps(
        [
            prev_hash,
            seq,
            created_at.isoformat(),
            actor_user_id,
            actor_name,
            on_behalf_of,
            action,
            entity_type,
            entity_id,
            summary,
            before,
            after,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    data = content.encode("utf-8")
    if key is None:
        return hashlib.sha256(data).hexdigest()
    return hmac.new(key, data, hashlib.sha256).hexdigest()


def session_key(session: Session) -> bytes:
    """The audit key the session's database was opened with; appending without one is refused
    rather than writing records nobody can verify."""
    key = session.info.get(AUDIT_KEY_INFO)
    if not isinstance(key, bytes):
        raise StateError(tr("审计密钥不可用，无法记录操作日志，未保存任何改动。"))
    return key


def diff(before: dict | None, after: dict | None) -> tuple[dict | None, dict | None]:
    """Only the fields that changed, so each record shows what an edit actually did."""
    if before is None or after is None:
        return before, after
    keys = [k for k in after if before.get(k) != after.get(k)] + [k for k in before if k not in after]
    return {k: before.get(k) for k in keys}, {k: after.get(k) for k in keys}


def append(
    session: Session,
    actor: Actor,
    now: datetime,
    action: str,
    entity_type: str,
    entity_id: Any,
    summary: str,
    before: dict | None = None,
    after: dict | None = None,
    on_behalf_of: str | None = None,
) -> None:
    """Add one record to the chain inside the caller's transaction."""
    append_many(session, actor, now, [Entry(action, entity_type, entity_id, summary, before, after, on_behalf_of)])


@dataclass(frozen=True)
class Entry:
    """One record to append with :func:`append_many`."""

    action: str
    entity_type: str
    entity_id: Any
    summary: str
    before: dict | None = None
    after: dict | None = None
    on_behalf_of: str | None = None


def append_many(session: Session, actor: Actor, now: datetime, entries: Iterable[Entry]) -> int:
    """Append many records with one look-up of the chain head (bulk imports, demo data)."""
    key = session_key(session)
    last = session.execute(select(AuditRecord.seq, AuditRecord.hash).order_by(AuditRecord.seq.desc()).limit(1)).first()
    seq, prev_hash = (last.seq, last.hash) if last else (0, GENESIS_HASH)
    actor_name = actor.display_name if actor.is_system else f"{actor.display_name}({actor.username})"
    rows = []
    for entry in entries:
        seq += 1
        before_text, after_text = canonical_json(entry.before), canonical_json(entry.after)
        entity_text = None if entry.entity_id is None else str(entry.entity_id)
        summary = entry.summary[:300]
        digest = record_hash(
            key,
            prev_hash,
            seq,
            now,
            actor.user_id,
            actor_name,
            entry.on_behalf_of,
            entry.action,
            entry.entity_type,
            entity_text,
            summary,
            before_text,
            after_text,
        )
        rows.append(
            dict(
                seq=seq,
                created_at=now,
                actor_user_id=actor.user_id,
                actor_name=actor_name,
                on_behalf_of=entry.on_behalf_of,
                action=entry.action,
                entity_type=entry.entity_type,
                entity_id=entity_text,
                summary=summary,
                before=before_text,
                after=after_text,
                prev_hash=prev_hash,
                hash=digest,
            )
        )
        prev_hash = digest
    if rows:
        session.execute(insert(AuditRecord), rows)
    return len(rows)


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    reason: str


@dataclass(frozen=True)
class ChainReport:
    checked: int
    first_break: ChainBreak | None

    @property
    def ok(self) -> bool:
        return self.first_break is None


CHAIN_COLUMNS = (
    AuditRecord.seq,
    AuditRecord.created_at,
    AuditRecord.actor_user_id,
    AuditRecord.actor_name,
    AuditRecord.on_behalf_of,
    AuditRecord.action,
    AuditRecord.entity_type,
    AuditRecord.entity_id,
    AuditRecord.summary,
    AuditRecord.before,
    AuditRecord.after,
    AuditRecord.prev_hash,
    AuditRecord.hash,
)


def iter_chain_rows(session: Session, batch: int = 20000) -> Iterator[tuple]:
    """All records in chain order as plain tuples, streamed in batches (a million fit in memory
    only as a stream)."""
    result = session.execute(select(*CHAIN_COLUMNS).order_by(AuditRecord.seq).execution_options(yield_per=batch))
    for partition in result.partitions(batch):
        yield from partition


def verify_rows(rows: Iterable[tuple], key: bytes | None) -> ChainReport:
    """Check hashes (keyed with ``key``; None for a chain from before keyed chains), links and
    numbering; report the first record that does not fit."""
    expected_prev, expected_seq, checked = GENESIS_HASH, 1, 0
    for (
        seq,
        created_at,
        actor_user_id,
        actor_name,
        on_behalf_of,
        action,
        entity_type,
        entity_id,
        summary,
        before,
        after,
        prev_hash,
        stored_hash,
    ) in rows:
        if seq != expected_seq:
            return ChainReport(
                checked, ChainBreak(seq, tr("序号不连续（应为 {0}），有记录被删除或插入").format(expected_seq))
            )
        if prev_hash != expected_prev:
            return ChainReport(checked, ChainBreak(seq, tr("与前一条记录的链接断开，记录被删除或调换了顺序")))
        actual = record_hash(
            key,
            prev_hash,
            seq,
            created_at,
            actor_user_id,
            actor_name,
            on_behalf_of,
            action,
            entity_type,
            entity_id,
            summary,
            before,
            after,
        )
        if actual != stored_hash:
            return ChainReport(checked, ChainBreak(seq, tr("内容与其哈希不符，记录被修改过")))
        expected_prev, expected_seq = stored_hash, seq + 1
        checked += 1
    return ChainReport(checked, None)


def chain_problem(session: Session, key: bytes | None) -> str | None:
    """The whole chain verified, as a sentence when it is broken (for file checks); None when it holds."""
    report = verify_rows(iter_chain_rows(session), key)
    if report.first_break is None:
        return None
    return tr("操作日志哈希链在第 {0} 条断开：{1}").format(report.first_break.seq, report.first_break.reason)

"""Anchoring the audit chain outside the database: checkpoints, and verifying against them.

A chain inside the database can be cut: deleting its last records (or all of them) leaves a chain
that still verifies, because nothing inside says how long it was. A checkpoint says it from outside:
the chain's length and the hash of its last record at a moment, in a small file the auditor keeps
elsewhere (``hrdesk audit checkpoint --out FILE``); every backup manifest holds the same pair.
``verify_against`` proves the current chain still contains that head: at least as long, and the
record at that position has that hash. Records added since are fine; records removed or rewritten
up to that point are found.

The file carries an HMAC made with a key derived from the audit key (kernel.audit_key), so a
checkpoint of another company, or one edited by hand, is recognised as such. (It cannot stop someone
holding the audit key from writing a false checkpoint; the auditor's own copy is what they cannot
reach.)
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import select

from hrdesk.core.documents.tables import IssuedDocument
from hrdesk.core.kernel import audit_chain
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import StateError, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Permission
from hrdesk.core.kernel.persistence import backup_store, snapshots
from hrdesk.core.kernel.persistence.tables import AuditRecord
from hrdesk.core.payroll.excel.sheet import ANCHOR_PREFIX

CHECKPOINT_FORMAT = 1


@dataclass(frozen=True)
class Checkpoint:
    database_id: str
    created_at: str  # ISO 8601 UTC
    chain_length: int
    chain_head: str
    signature: str = ""
    format: int = CHECKPOINT_FORMAT


def _signing_key(ctx: ServiceContext) -> bytes:
    return hashlib.sha256(b"hrdesk-audit-checkpoint:" + bytes.fromhex(ctx.db.audit_key)).digest()


def _payload(c: Checkpoint) -> bytes:
    return json.dumps([c.format, c.database_id, c.created_at, c.chain_length, c.chain_head]).encode()


def _sign(ctx: ServiceContext, c: Checkpoint) -> str:
    return hmac.new(_signing_key(ctx), _payload(c), hashlib.sha256).hexdigest()


def _database_id(ctx: ServiceContext) -> str:
    return ctx.db.data_dir.database_id() if ctx.db.data_dir is not None else ""


def write_checkpoint(ctx: ServiceContext, path: str | os.PathLike) -> Checkpoint:
    """The chain's head now, signed, written to ``path`` (a file the auditor keeps elsewhere)."""
    ctx.require_all(Permission.AUDIT_VIEW)
    with ctx.read() as session:
        report = audit_chain.verify_rows(audit_chain.iter_chain_rows(session), bytes.fromhex(ctx.db.audit_key))
        if not report.ok:
            assert report.first_break is not None
            raise StateError(
                tr("操作日志哈希链已断开（第 {0} 条：{1}），不能作为检查点。").format(
                    report.first_break.seq, report.first_break.reason
                )
            )
        length, head = snapshots.chain_head(session)
    unsigned = Checkpoint(_database_id(ctx), ctx.clock.now().isoformat() + "Z", length, head)
    checkpoint = Checkpoint(**{**asdict(unsigned), "signature": _sign(ctx, unsigned)})
    target = Path(path)
    target.write_text(json.dumps(asdict(checkpoint), ensure_ascii=False, indent=2), encoding="utf-8")
    return checkpoint


@dataclass(frozen=True)
class AnchorReport:
    """The chain checked against an outside head: ``problem`` is None when it still holds it."""

    source: str  # what the head came from (a checkpoint file, a backup)
    anchored_length: int
    chain_length: int
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.problem is None


def read_anchor(ctx: ServiceContext, path: str | os.PathLike) -> tuple[str, int, str]:
    """(description, length, head) from a checkpoint file, a backup, or a backup's manifest."""
    file = Path(path)
    unreadable = ValidationError({"against": tr("无法读取 {0}：不是 HRDesk 的检查点文件或备份").format(file)})
    if file.suffix.lower() == ".xlsx":
        return _workbook_anchor(file, unreadable)
    if file.suffix == ".db":
        manifest = snapshots.read_manifest(file)
        if manifest is None:
            raise unreadable
        _same_company(ctx, manifest.database_id, file)
        return tr("备份 {0}").format(file.name), manifest.chain_length, manifest.chain_head
    try:
        text = file.read_text(encoding="utf-8")
        raw = json.loads(text)
        if not isinstance(raw, dict):
            raise ValueError
        if "signature" not in raw:
            manifest = snapshots.Manifest.from_json(text)
            _same_company(ctx, manifest.database_id, file)
            return tr("备份清单 {0}").format(file.name), manifest.chain_length, manifest.chain_head
        checkpoint = Checkpoint(**raw)
    except (OSError, ValueError, TypeError, KeyError):
        raise unreadable from None
    _same_company(ctx, checkpoint.database_id, file)
    if not hmac.compare_digest(str(checkpoint.signature), _sign(ctx, Checkpoint(**{**raw, "signature": ""}))):
        raise ValidationError({"against": tr("{0} 的签名不符：检查点被改动过，或不是这家公司的").format(file.name)})
    return tr("检查点 {0}").format(file.name), int(checkpoint.chain_length), str(checkpoint.chain_head)


def _workbook_anchor(file: Path, unreadable: ValidationError) -> tuple[str, int, str]:
    """The head an exported 工资表 recorded in its keywords ("hrdesk-audit-head <length> <hash>")."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(file, read_only=True)
        keywords = (workbook.properties.keywords or "").split()
        workbook.close()
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        raise unreadable from None
    if len(keywords) != 3 or keywords[0] != ANCHOR_PREFIX or not keywords[1].isdigit():
        raise ValidationError({"against": tr("{0} 中没有操作日志锚点（不是 HRDesk 导出的工资表）").format(file.name)})
    return tr("工资表 {0}").format(file.name), int(keywords[1]), keywords[2]


def _same_company(ctx: ServiceContext, database_id: str, file: Path) -> None:
    if database_id and database_id != _database_id(ctx):
        raise ValidationError({"against": tr("{0} 属于另一家公司").format(file.name)})


def verify_against(ctx: ServiceContext, path: str | os.PathLike) -> AnchorReport:
    """Whether the chain still contains the head recorded in ``path`` (see the module's docstring)."""
    ctx.require_all(Permission.AUDIT_VIEW)
    source, length, head = read_anchor(ctx, path)
    with ctx.read() as session:
        return _held(session, source, length, head)


def verify_known_anchors(ctx: ServiceContext) -> list[AnchorReport]:
    """The chain against the heads HRDesk itself kept: the newest backup of this company (a file
    outside the database) and the newest issued document's register entry. ``audit verify`` runs
    these without being told, so a cut tail is found whenever a backup or a document came after."""
    ctx.require_all(Permission.AUDIT_VIEW)
    anchors: list[tuple[str, int, str]] = []
    with ctx.read() as session:
        data_dir = ctx.db.data_dir
        if data_dir is not None:
            # a restore puts an older chain back: backups made before it hold heads it never had
            restored = session.execute(
                select(AuditRecord.created_at)
                .where(AuditRecord.action == "backup.restore")
                .order_by(AuditRecord.seq.desc())
            ).scalar()
            own = _database_id(ctx)
            for backup in backup_store.list_backups(data_dir.backups_dir):  # newest first
                manifest = backup.manifest
                if manifest is None or manifest.database_id != own or manifest.kind == backup_store.REPLACED:
                    continue
                if restored is not None and manifest.created < restored:
                    break
                if backup_store.is_intact(backup):
                    source = tr("备份 {0}").format(backup.path.name)
                    anchors.append((source, manifest.chain_length, manifest.chain_head))
                    break
        newest = session.execute(
            select(IssuedDocument.number, IssuedDocument.chain_length, IssuedDocument.chain_head)
            .where(IssuedDocument.chain_length.is_not(None))
            .order_by(IssuedDocument.chain_length.desc())
            .limit(1)
        ).first()
        if newest is not None and newest.chain_head:
            anchors.append((tr("文件 {0} 的登记").format(newest.number), int(newest.chain_length), newest.chain_head))
        return [_held(session, source, length, head) for source, length, head in anchors]


def _held(session, source: str, length: int, head: str) -> AnchorReport:
    current, _ = snapshots.chain_head(session)
    at = session.execute(select(AuditRecord.hash).where(AuditRecord.seq == length)).scalar()
    if length == 0:
        return AnchorReport(source, 0, current, None)
    if current < length:
        missing = length - current
        return AnchorReport(
            source,
            length,
            current,
            tr("操作日志只有 {0} 条，{1}时有 {2} 条：末尾 {3} 条被删除").format(current, source, length, missing),
        )
    if at != head:
        return AnchorReport(
            source, length, current, tr("第 {0} 条记录与{1}记录的哈希不符：记录被改写过").format(length, source)
        )
    return AnchorReport(source, length, current, None)

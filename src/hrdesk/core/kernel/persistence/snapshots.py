"""Consistent encrypted copies of a company file, the checks that prove a copy is good, and the
manifest that travels with every backup.

A copy is never a file copy of a live database: with WAL, the main file alone can miss committed
transactions, and a copy taken while another process writes can be torn. SQLite's online backup
API (through SQLCipher, which encrypts the destination with the same key) copies a snapshot that a
single read transaction sees, while others keep working. The copy is written under a temporary name
and renamed only when complete, so a kill at any moment leaves either no backup or a whole one.

:func:`check_file` is what "verified" means everywhere (backup, restore, migration, ``hrdesk
check``): the file opens with the key, is an HRDesk file, every page's HMAC holds (SQLCipher's
``cipher_integrity_check`` reads all pages, so a flipped byte in a page nobody read is found), SQLite's
``integrity_check`` passes, and the audit chain verifies. The manifest records what the file held
(program and schema version, rows per table, chain length and head hash, which key), so a restore
can prove it got back exactly what was saved.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3
from sqlalchemy import select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from hrdesk.core.kernel.errors import StorageError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.persistence.engine import sqlcipher_engine
from hrdesk.core.kernel.persistence.keys import parse_hex_key
from hrdesk.core.kernel.persistence.tables import AuditRecord

MANIFEST_FORMAT = 1
APPLICATION_ID = 0x48524453  # "HRDS", stored in the (encrypted) SQLite header
SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"
PARTIAL_SUFFIX = ".partial"
GENESIS_HASH = "0" * 64  # the previous hash of the first audit record (kernel.audit_chain)

# Verifies the audit chain in an open session: None when it holds, else what is wrong. The audit
# chain lives above persistence (it writes through the tables), so callers pass it in.
ChainVerifier = Callable[[Session], str | None]


def key_id(key_hex: str) -> str:
    """A short public name for a key (which key encrypts a backup) that reveals nothing about it."""
    return hashlib.sha256(b"hrdesk-key-id:" + bytes.fromhex(parse_hex_key(key_hex))).hexdigest()[:16]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles to sync)."""
    if os.name == "nt":  # pragma: no cover - Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _keyed(path: Path, key_hex: str) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(path), check_same_thread=False)
    conn.execute(f"PRAGMA key = \"x'{parse_hex_key(key_hex)}'\"")
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def online_copy(source: Path, key_hex: str, target: Path) -> Path:
    """A consistent copy of ``source`` at ``target``, encrypted with the same key, written whole or
    not at all. ``source`` may be in use by other connections and processes."""
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    partial.unlink(missing_ok=True)
    try:
        src = _keyed(source, key_hex)
        try:
            src.execute("SELECT count(*) FROM sqlite_master").fetchone()
            dst = _keyed(partial, key_hex)
            try:
                src.backup(dst)  # all pages in one step: one read snapshot of the source
                # The destination keeps the source's WAL flag; a copy that stands alone (a backup on a USB
                # drive) is simpler as a rollback-journal file; it is switched back when opened as a company.
                dst.execute("PRAGMA journal_mode = DELETE").fetchone()
            finally:
                dst.close()
        finally:
            src.close()
        _fsync_file(partial)
        os.replace(partial, target)
        fsync_folder(target.parent)
    except (OSError, sqlcipher3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise StorageError(tr("无法复制公司数据文件（{0}）。").format(exc)) from None
    return target


# ---- checking a file ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FileCheck:
    """What :func:`check_file` found. ``problems`` are sentences for people; none means the file is good."""

    path: Path
    problems: tuple[str, ...]
    schema_revision: str | None = None
    row_counts: dict[str, int] = field(default_factory=dict)
    chain_length: int = 0
    chain_head: str = GENESIS_HASH

    @property
    def ok(self) -> bool:
        return not self.problems


def table_row_counts(conn) -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        )
    ]
    return {name: int(conn.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one()) for name in names}


def chain_head(session: Session) -> tuple[int, str]:
    """(length, hash of the last record) of the audit chain; (0, genesis) when it is empty."""
    last = session.execute(select(AuditRecord.seq, AuditRecord.hash).order_by(AuditRecord.seq.desc()).limit(1)).first()
    return (int(last.seq), str(last.hash)) if last else (0, GENESIS_HASH)


def check_file(
    path: Path,
    key_hex: str,
    *,
    progress: Callable[[str], None] | None = None,
    verify_chain: ChainVerifier | None = None,
) -> FileCheck:
    """Every check a company file must pass before it is trusted (see the module's docstring);
    the audit chain is verified when ``verify_chain`` is given, its head always recorded."""
    say = progress or (lambda _step: None)
    if not path.exists():
        return FileCheck(path, (tr("文件不存在：{0}").format(path),))
    try:
        with open(path, "rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        return FileCheck(path, (tr("无法读取文件（{0}）").format(exc.strerror or exc),))
    if header == SQLITE_PLAIN_HEADER:
        return FileCheck(path, (tr("这是未加密的 SQLite 数据库，不是 HRDesk 的公司数据文件"),))
    engine = sqlcipher_engine(path, key_hex)
    try:
        return _check_open_file(path, engine, say, verify_chain)
    finally:
        engine.dispose()


def _check_open_file(
    path: Path, engine: Engine, say: Callable[[str], None], verify_chain: ChainVerifier | None
) -> FileCheck:
    problems: list[str] = []
    try:
        with engine.connect() as conn:
            say(tr("打开文件"))
            conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
            if conn.execute(text("PRAGMA application_id")).scalar_one() != APPLICATION_ID:
                return FileCheck(path, (tr("不是 HRDesk 的公司数据文件"),))
            say(tr("校验每一页的加密签名（HMAC）"))
            broken_pages = conn.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall()
            if broken_pages:
                first = broken_pages[0][0]
                problems.append(
                    tr("{0} 处加密页校验失败（文件被改动或损坏），如：{1}").format(len(broken_pages), first)
                )
            say(tr("检查数据库结构（integrity_check）"))
            integrity = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
            if integrity != ["ok"]:
                problems.append(tr("数据库结构检查未通过：{0}").format("；".join(integrity[:3])))
            revision = (
                conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
                if _has_table(conn, "alembic_version")
                else None
            )
            counts = table_row_counts(conn)
    except DBAPIError as exc:
        message = str(getattr(exc, "orig", exc)).lower()
        if "not a database" in message or "encrypted" in message:
            return FileCheck(path, (tr("无法用此密钥打开：密钥不对，或文件不是 HRDesk 的公司数据文件"),))
        return FileCheck(path, (*problems, tr("读取失败：{0}").format(getattr(exc, "orig", exc))))
    length, head = 0, GENESIS_HASH
    if "audit_log" in counts and not problems:
        with Session(engine) as session:
            if verify_chain is not None:
                say(tr("校验操作日志的哈希链"))
                broken = verify_chain(session)
                if broken:
                    problems.append(broken)
            length, head = chain_head(session)
    return FileCheck(path, tuple(problems), revision, counts, length, head)


def _has_table(conn, name: str) -> bool:
    found = conn.execute(text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :n"), {"n": name})
    return found.first() is not None


# ---- the manifest ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Manifest:
    """What a backup holds, written beside it as JSON (``<backup>.json``). It holds no names or pay:
    only identifiers, versions, counts and hashes, so it may be read without the key."""

    database_id: str
    kind: str  # daily, manual, before-migration, replaced (the company a restore replaced)
    created_at: str  # ISO 8601 UTC
    program_version: str
    schema_revision: str | None
    key_id: str
    file_sha256: str
    file_size: int
    row_counts: dict[str, int]
    chain_length: int
    chain_head: str
    format: int = MANIFEST_FORMAT

    @property
    def created(self) -> datetime:
        """The creation time as naive UTC, as the rest of the program stores times."""
        moment = datetime.fromisoformat(self.created_at)
        return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, data: str) -> Manifest:
        raw = json.loads(data)
        if not isinstance(raw, dict) or raw.get("format") != MANIFEST_FORMAT:
            raise ValueError("unknown manifest format")
        return cls(
            database_id=str(raw["database_id"]),
            kind=str(raw["kind"]),
            created_at=str(raw["created_at"]),
            program_version=str(raw["program_version"]),
            schema_revision=raw["schema_revision"],
            key_id=str(raw["key_id"]),
            file_sha256=str(raw["file_sha256"]),
            file_size=int(raw["file_size"]),
            row_counts={str(k): int(v) for k, v in dict(raw["row_counts"]).items()},
            chain_length=int(raw["chain_length"]),
            chain_head=str(raw["chain_head"]),
        )


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + ".json")


def write_manifest(backup: Path, manifest: Manifest) -> Path:
    target = manifest_path(backup)
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    partial.write_text(manifest.to_json(), encoding="utf-8")
    _fsync_file(partial)
    os.replace(partial, target)
    fsync_folder(target.parent)
    return target


def read_manifest(backup: Path) -> Manifest | None:
    """The backup's manifest; None when it has none (an older program's backup) or it is unreadable."""
    try:
        return Manifest.from_json(manifest_path(backup).read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def manifest_for(
    backup: Path, check: FileCheck, *, database_id: str, kind: str, key_hex: str, program_version: str, now: datetime
) -> Manifest:
    return Manifest(
        database_id=database_id,
        kind=kind,
        created_at=now.replace(tzinfo=UTC).isoformat() if now.tzinfo is None else now.isoformat(),
        program_version=program_version,
        schema_revision=check.schema_revision,
        key_id=key_id(key_hex),
        file_sha256=file_sha256(backup),
        file_size=backup.stat().st_size,
        row_counts=dict(check.row_counts),
        chain_length=check.chain_length,
        chain_head=check.chain_head,
    )


def compare_with_manifest(check: FileCheck, manifest: Manifest, *, migrated: bool = False) -> list[str]:
    """What a checked file lacks against its manifest: the chain must still end in the recorded head,
    and (unless migrations changed the tables since) every table must hold the recorded rows."""
    problems = []
    if check.chain_length < manifest.chain_length:
        problems.append(tr("操作日志只有 {0} 条，备份时有 {1} 条").format(check.chain_length, manifest.chain_length))
    elif check.chain_length == manifest.chain_length and check.chain_head != manifest.chain_head:
        problems.append(tr("操作日志最后一条的哈希与备份清单不符"))
    if not migrated:
        for table, rows in sorted(manifest.row_counts.items()):
            found = check.row_counts.get(table)
            if found != rows:
                problems.append(
                    tr("表 {0} 有 {1} 行，备份清单记录 {2} 行").format(table, "无" if found is None else found, rows)
                )
    return problems

"""备份与恢复: backing up an open company, checking backups, and restoring one safely.

- A backup is a consistent copy taken while the company is open (SQLite's online backup API
  through SQLCipher), encrypted with the company key, checked, and described by its manifest
  (kernel ``snapshots`` and ``backup_store``). The first start of each day takes one by itself;
  an administrator can take one at any time, and may name a second folder (a USB drive, a network
  share) that receives a copy of each.
- A restore never overwrites the company with something unproven: the backup is copied into a
  new folder, checked (it opens, every page and the structure check out, migrations bring it to
  this version, the audit chain holds and still ends in the head the manifest recorded, the rows
  match the manifest), and only then swapped in, after the company it replaces was itself backed
  up (kind ``replaced``). A backup of another company, or from a newer program, is refused.

Backups, checks and restores need the company key (holding it is the same power as reading every
record), so the command line runs them without signing in; in the GUI they are for
administrators (``Permission.BACKUP_MANAGE``).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from hrdesk.core.company import key_rotation
from hrdesk.core.kernel import audit_key
from hrdesk.core.kernel.clock import local_date
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import Conflict, NotFound, StateError, StorageError, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Actor, Permission
from hrdesk.core.kernel.persistence import backup_store, keys, snapshots
from hrdesk.core.kernel.persistence.backup_store import Backup
from hrdesk.core.kernel.persistence.company_file import head_revision, known_revisions, open_existing
from hrdesk.core.kernel.persistence.database import CompanyDatabase
from hrdesk.core.kernel.persistence.datadir import DataDir
from hrdesk.core.kernel.persistence.engine import sqlcipher_engine
from hrdesk.core.kernel.persistence.instance_lock import InstanceLock
from hrdesk.core.kernel.persistence.tables import Setting

SECOND_FOLDER_KEY = "backup.second_folder"
RESTORING_PREFIX = "restoring-"


@dataclass(frozen=True)
class BackupView:
    """One backup as the 备份与恢复 page and ``backup list`` show it."""

    path: Path
    created: datetime  # naive UTC
    kind: str
    kind_label: str
    size: int
    program_version: str  # "" when the backup has no manifest
    schema_revision: str | None
    chain_length: int | None
    key_id: str | None
    has_manifest: bool


def size_text(size: int) -> str:
    """A backup's size as the page and ``backup list`` show it: "84.7 MB", "420 KB"."""
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(1, size // 1024)} KB"


def _view(backup: Backup) -> BackupView:
    m = backup.manifest
    try:
        size = backup.path.stat().st_size
    except OSError:
        size = 0
    return BackupView(
        backup.path,
        backup.created,
        backup.kind,
        backup.kind_label,
        size,
        m.program_version if m else "",
        m.schema_revision if m else None,
        m.chain_length if m else None,
        m.key_id if m else None,
        m is not None,
    )


def _require_file_company(db: CompanyDatabase) -> tuple[DataDir, str]:
    if db.data_dir is None or db.key_hex is None:
        raise StateError(tr("服务器模式的公司数据由数据库服务器备份，不在此处备份。"))
    return db.data_dir, db.key_hex


# ---- backing up -----------------------------------------------------------------------------------


def second_folder(db: CompanyDatabase) -> Path | None:
    with db.session() as session:
        row = session.get(Setting, SECOND_FOLDER_KEY)
        folder = json.loads(row.value) if row else None
        return Path(folder) if folder else None


def set_second_folder(ctx: ServiceContext, folder: str | None) -> Path | None:
    """Name (or clear, with None or "") the folder that receives a copy of every backup."""
    ctx.require_all(Permission.BACKUP_MANAGE)
    cleaned = (folder or "").strip()
    target = Path(cleaned).expanduser() if cleaned else None
    if target is not None:
        data_dir, _ = _require_file_company(ctx.db)
        if not target.is_absolute():
            raise ValidationError({"folder": tr("请填写完整的文件夹路径")})
        try:
            target.resolve().relative_to(data_dir.root.resolve())
            raise ValidationError({"folder": tr("第二备份位置不能在公司数据文件夹之内，应选U盘或网络共享等其他位置")})
        except ValueError:
            pass
        try:
            target.mkdir(parents=True, exist_ok=True)
            probe = target / f".hrdesk-write-test-{os.getpid()}"
            probe.write_bytes(b"0")
            probe.unlink()
        except OSError as exc:
            raise ValidationError(
                {"folder": tr("无法写入文件夹 {0}（{1}）").format(target, exc.strerror or exc)}
            ) from None
    with ctx.transaction() as tx:
        row = tx.session.get(Setting, SECOND_FOLDER_KEY)
        before = json.loads(row.value) if row else None
        value = json.dumps(str(target) if target else None, ensure_ascii=False)
        if row is None:
            tx.session.add(Setting(key=SECOND_FOLDER_KEY, value=value, updated_at=ctx.clock.now()))
        else:
            row.value, row.updated_at = value, ctx.clock.now()
        tx.audit(
            "backup.second_folder",
            "settings",
            SECOND_FOLDER_KEY,
            tr("第二备份位置：{0}").format(target or tr("不使用")),
            {"folder": before},
            {"folder": str(target) if target else None},
        )
        tx.changed("settings", "updated", SECOND_FOLDER_KEY)
    return target


@dataclass(frozen=True)
class BackupResult:
    backup: BackupView
    copied_to: Path | None  # the copy in the second folder
    copy_problem: str | None  # why the second copy failed (the backup itself is fine)
    removed: int  # old backups the retention rule removed


def _backup(db: CompanyDatabase, actor: Actor, kind: str, now: datetime) -> BackupResult:
    data_dir, key = _require_file_company(db)
    database_id = data_dir.database_id()
    backup, _check = backup_store.write_backup(
        data_dir.db_path,
        key,
        data_dir.backups_dir,
        database_id=database_id,
        kind=kind,
        now=now,
        verify_chain=audit_key.file_checker(db.audit_key),
    )
    copied_to, problem = None, None
    folder = second_folder(db)
    if folder is not None:
        try:
            copied_to = backup_store.copy_backup(backup, folder)
            backup_store.prune(folder, now)
        except StorageError as exc:
            problem = exc.message
    removed = backup_store.prune(data_dir.backups_dir, now)
    key_rotation.forget_unused_keys(data_dir)
    manifest = backup.manifest
    assert manifest is not None
    _audit_with_retry(
        ServiceContext(db, actor),
        "backup.create",
        tr("备份公司数据（{0}）：{1}").format(backup.kind_label, backup.path.name),
        {
            "file": backup.path.name,
            "kind": kind,
            "sha256": manifest.file_sha256,
            "chain_length": manifest.chain_length,
            "chain_head": manifest.chain_head,
            "second_copy": str(copied_to) if copied_to else None,
        },
    )
    return BackupResult(_view(backup), copied_to, problem, len(removed))


def _audit_with_retry(ctx: ServiceContext, action: str, summary: str, after: dict, attempts: int = 5) -> None:
    """The record of a backup or restore. The file is already written, so the record must not be
    lost because other writers kept the file busy for longer than the busy timeout: it is tried
    again, on top of whatever head the chain has by then."""
    for attempt in range(attempts):
        try:
            with ctx.transaction() as tx:
                tx.audit(action, "company", 1, summary, None, after)
            return
        except (Conflict, StorageError):
            if attempt == attempts - 1:
                raise
            time.sleep(0.2 * (attempt + 1))


def create_backup(ctx: ServiceContext) -> BackupResult:
    """An administrator's backup now (手动备份)."""
    ctx.require_all(Permission.BACKUP_MANAGE)
    return _backup(ctx.db, ctx.actor, backup_store.MANUAL, ctx.clock.now())


def backup_as_system(
    db: CompanyDatabase, *, kind: str = backup_store.MANUAL, now: datetime | None = None
) -> BackupResult:
    """A backup by the program itself or the command line (which holds the key)."""
    actor = Actor.system(tr("自动备份") if kind == backup_store.DAILY else tr("命令行"))
    return _backup(db, actor, kind, now or backup_store.utc_now())


def daily_backup_if_due(db: CompanyDatabase, now: datetime | None = None) -> BackupResult | None:
    """The first start of each (local) day takes a backup; later starts that day do not."""
    if db.data_dir is None or db.key_hex is None:
        return None
    now = now or backup_store.utc_now()
    today = local_date(now)
    for backup in backup_store.list_backups(db.data_dir.backups_dir):
        if backup.kind == backup_store.DAILY and local_date(backup.created) == today and backup.manifest:
            return None
    return backup_as_system(db, kind=backup_store.DAILY, now=now)


def list_backups(ctx: ServiceContext) -> list[BackupView]:
    ctx.require_all(Permission.BACKUP_MANAGE)
    data_dir, _ = _require_file_company(ctx.db)
    return [_view(b) for b in backup_store.list_backups(data_dir.backups_dir)]


def backups_in(folder: Path) -> list[BackupView]:
    """The backups in a folder (the command line's ``backup list``, or a second folder)."""
    return [_view(b) for b in backup_store.list_backups(folder)]


# ---- checking -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verification:
    path: Path
    problems: tuple[str, ...]
    manifest: snapshots.Manifest | None
    check: snapshots.FileCheck | None

    @property
    def ok(self) -> bool:
        return not self.problems


def _backup_at(path: Path) -> Backup:
    if not path.is_file():
        raise NotFound(tr("找不到备份文件 {0}").format(path))
    backup = next((b for b in backup_store.list_backups(path.parent) if b.path.name == path.name), None)
    if backup is None:
        manifest = snapshots.read_manifest(path)
        created = manifest.created if manifest else datetime.fromtimestamp(path.stat().st_mtime)
        backup = Backup(path, created, manifest.kind if manifest else "", manifest)
    return backup


def verify_backup(
    path: Path,
    key_hex: str,
    *,
    audit_key_hex: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> Verification:
    """Everything a backup must pass before it is trusted: its manifest (size and SHA-256 of the
    file, the key it was made with) and every check of :func:`snapshots.check_file`, its audit
    chain checked with the company's audit key (``audit_key_hex``, else the one this machine keeps)."""
    backup = _backup_at(path)
    manifest = backup.manifest
    if audit_key_hex is None and manifest is not None and manifest.database_id:
        audit_key_hex = audit_key.known_key(manifest.database_id)
    problems: list[str] = []
    if manifest is None:
        problems.append(tr("缺少备份清单（{0}），无法核对内容是否完整").format(snapshots.manifest_path(path).name))
    else:
        if manifest.key_id != snapshots.key_id(key_hex):
            return Verification(path, (tr("此备份不是用这把密钥加密的（可能是更换密钥之前的备份）"),), manifest, None)
        if not backup_store.is_intact(backup):
            problems.append(tr("文件大小或 SHA-256 与备份清单不符：备份被改动或不完整"))
    check = snapshots.check_file(path, key_hex, progress=progress, verify_chain=audit_key.file_checker(audit_key_hex))
    problems.extend(check.problems)
    if manifest is not None and check.ok:
        problems.extend(snapshots.compare_with_manifest(check, manifest))
    return Verification(path, tuple(problems), manifest, check)


def check_company(
    db_path: Path, key_hex: str, audit_key_hex: str | None, *, progress: Callable[[str], None] | None = None
) -> snapshots.FileCheck:
    """``hrdesk check``: the company's file, every page and the structure, and its chain."""
    return snapshots.check_file(db_path, key_hex, progress=progress, verify_chain=audit_key.file_checker(audit_key_hex))


# ---- restoring ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    replaced_backup: Path | None  # the company as it was before, kept as a backup
    migrated: bool
    chain_length: int


def _key_for(data_dir: DataDir, manifest: snapshots.Manifest | None, key_hex: str | None) -> str:
    """The key the backup was made with: the given one, the company's, or an older key still kept."""
    if key_hex:
        return key_hex
    database_id = manifest.database_id if manifest else data_dir.database_id()
    current = keys.resolve_key(database_id)
    if manifest is None or manifest.key_id == snapshots.key_id(current):
        return current
    older = keys.KeyStore(database_id).load_retired(manifest.key_id)
    if older is None:
        raise ValidationError({"recovery_key": tr("此备份使用的是以前的密钥，本机已不保存。请输入当时的恢复密钥。")})
    return older


def restore_backup(
    data_dir: DataDir,
    path: Path,
    *,
    key_hex: str | None = None,
    audit_key_hex: str | None = None,
    progress: Callable[[str], None] | None = None,
    lock_held: bool = False,
) -> RestoreResult:
    """Replace the company in ``data_dir`` with the backup at ``path``, proven first (see the
    module's docstring). The company must not be open in another window; ``lock_held`` says the
    caller is the window that holds the company's instance lock and has closed its connections."""
    say = progress or (lambda _step: None)
    backup = _backup_at(path)
    manifest = backup.manifest
    if manifest is None:
        raise ValidationError({"backup": tr("此备份没有备份清单，无法证明其完整，不能恢复。")})
    if data_dir.meta_path.exists() and manifest.database_id != data_dir.database_id():
        raise ValidationError({"backup": tr("这是另一家公司的备份（数据库标识不同），不能恢复到这家公司。")})
    known = known_revisions()
    if manifest.schema_revision is not None and manifest.schema_revision not in known:
        raise ValidationError(
            {"backup": tr("此备份由更新版本的 HRDesk（{0}）创建，请先升级程序。").format(manifest.program_version)}
        )
    key = _key_for(data_dir, manifest, key_hex)
    chain_key = audit_key_hex or audit_key.known_key(manifest.database_id)
    say(tr("校验备份"))
    verification = verify_backup(path, key, audit_key_hex=chain_key)
    if not verification.ok:
        raise StorageError(tr("备份未通过校验，未做任何改动：{0}").format("；".join(verification.problems)))

    with contextlib.nullcontext() if lock_held else InstanceLock(data_dir.lock_path):
        stamp = backup_store.utc_now()
        work_dir = DataDir(data_dir.root / f"{RESTORING_PREFIX}{stamp:%Y%m%d-%H%M%S-%f}")
        work_dir.root.mkdir(parents=True)
        try:
            say(tr("复制备份到新文件夹"))
            snapshots.online_copy(path, key, work_dir.db_path)
            work_dir.write_meta(manifest.database_id)
            migrated = manifest.schema_revision != head_revision()
            say(tr("升级到当前版本") if migrated else tr("打开并检查"))
            engine = open_existing(work_dir, key)  # migrates a copy, verified, when the backup is older
            try:
                with engine.begin() as conn:
                    conn.execute(text("PRAGMA journal_mode = WAL"))
            finally:
                engine.dispose()
            check = snapshots.check_file(
                work_dir.db_path, key, progress=progress, verify_chain=audit_key.file_checker(chain_key)
            )
            problems = list(check.problems) + snapshots.compare_with_manifest(check, manifest, migrated=migrated)
            if problems:
                raise StorageError(tr("恢复出的数据未通过校验，未做任何改动：{0}").format("；".join(problems)))
            chain_key = _sealed(work_dir.db_path, key, manifest.database_id, chain_key)
            say(tr("备份当前的公司数据"))
            replaced = _keep_current(data_dir, stamp)
            say(tr("替换公司数据"))
            for suffix in ("-wal", "-shm"):
                Path(str(data_dir.db_path) + suffix).unlink(missing_ok=True)
            os.replace(work_dir.db_path, data_dir.db_path)
            snapshots.fsync_folder(data_dir.root)
            if not data_dir.meta_path.exists():
                data_dir.write_meta(manifest.database_id)
        finally:
            shutil.rmtree(work_dir.root, ignore_errors=True)
    _record_restore(data_dir, key, chain_key, backup, replaced)
    if key != _current_key_or_none(manifest.database_id):
        try:
            keys.KeyStore(manifest.database_id).save(key)  # the restored file's key is the company's again
        except StorageError:
            pass
    return RestoreResult(path, replaced, migrated, check.chain_length + 1)


def _current_key_or_none(database_id: str) -> str | None:
    try:
        return keys.resolve_key(database_id)
    except StorageError:
        return None


def _keep_current(data_dir: DataDir, now: datetime) -> Path | None:
    """The company a restore replaces, kept: a verified backup when it opens, else the file moved aside."""
    if not data_dir.db_path.exists():
        return None
    try:
        current_key = keys.resolve_key(data_dir.database_id())
        backup, _ = backup_store.write_backup(
            data_dir.db_path,
            current_key,
            data_dir.backups_dir,
            database_id=data_dir.database_id(),
            kind=backup_store.REPLACED,
            now=now,
        )
        return backup.path
    except StorageError:
        data_dir.backups_dir.mkdir(parents=True, exist_ok=True)
        aside = data_dir.backups_dir / backup_store.backup_name(now, "replaced-unreadable")
        shutil.copy2(data_dir.db_path, aside)
        return aside


def _sealed(db_path: Path, key: str, database_id: str, chain_key: str | None) -> str:
    """The restored copy's audit key (its chain was verified with it a moment ago): a backup from
    before keyed chains is sealed under the company's key now, so the company opens afterwards."""
    engine = sqlcipher_engine(db_path, key)
    try:
        with Session(engine) as session:
            if audit_key.stored_fingerprint(session) is not None:
                assert chain_key is not None  # else the file check failed: "缺少审计密钥"
                return chain_key
        chain_key = chain_key or audit_key.create(database_id)
        audit_key.upgrade(engine, chain_key)
        with Session(engine) as session:
            problem = audit_key.file_checker(chain_key)(session)
        if problem:
            raise StorageError(tr("恢复出的数据未通过校验，未做任何改动：{0}").format(problem))
        return chain_key
    finally:
        engine.dispose()


def _record_restore(data_dir: DataDir, key: str, chain_key: str, backup: Backup, replaced: Path | None) -> None:
    engine = sqlcipher_engine(data_dir.db_path, key)
    try:
        db = CompanyDatabase(engine, data_dir, key, audit_key=chain_key)
        manifest = backup.manifest
        assert manifest is not None
        _audit_with_retry(
            ServiceContext(db, Actor.system(tr("备份恢复"))),
            "backup.restore",
            tr("从备份 {0} 恢复公司数据（备份时间 {1}）").format(backup.path.name, manifest.created_at[:19]),
            {
                "file": backup.path.name,
                "sha256": manifest.file_sha256,
                "chain_length": manifest.chain_length,
                "chain_head": manifest.chain_head,
                "replaced": replaced.name if replaced else None,
            },
        )
    finally:
        engine.dispose()

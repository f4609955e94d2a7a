"""Opening and creating the encrypted company file, safely.

Opening never writes before the key is proven right and the file is proven ours: a wrong key, a
foreign file or a plain SQLite file is reported and left untouched. Pending migrations run on a
verified copy after a verified backup, and the copy replaces the file only when it is complete.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from hrdesk.core.kernel.errors import MigrationFailed, NotInitialized, StorageError, WrongKey
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.persistence import backup_store, keys, snapshots
from hrdesk.core.kernel.persistence.datadir import DataDir
from hrdesk.core.kernel.persistence.engine import sqlcipher_engine
from hrdesk.core.kernel.persistence.snapshots import APPLICATION_ID, SQLITE_PLAIN_HEADER

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
MIGRATING_PREFIX = ".migrating-"
__all__ = ["APPLICATION_ID", "SQLITE_PLAIN_HEADER", "create_new", "open_existing"]


def storage_error_from(exc: BaseException) -> StorageError:
    """A user message for a database error that is about the file, not about the data."""
    message = str(getattr(exc, "orig", exc) or exc).lower()
    if "locked" in message or "busy" in message:
        return StorageError(tr("公司数据文件正被其他程序占用（可能是另一个 HRDesk 窗口），请稍后再试。"))
    if "readonly" in message or "read-only" in message:
        return StorageError(tr("公司数据文件或其所在文件夹是只读的，无法保存。请检查文件夹权限。"))
    if "disk is full" in message or "database or disk is full" in message:
        return StorageError(tr("磁盘空间不足，未能保存。请清理磁盘后重试；已有数据未受影响。"))
    if "not a database" in message:
        return WrongKey(_wrong_key_message())
    if "unable to open" in message:
        return StorageError(tr("无法打开公司数据文件，请检查文件夹是否存在且可写。"))
    return StorageError(tr("数据库错误：{0}").format(getattr(exc, "orig", exc)))


def _wrong_key_message() -> str:
    return tr(
        "无法打开公司数据文件：密钥不正确，或该文件不是 HRDesk 的公司数据文件。"
        "文件未被修改。请使用恢复密钥打开，或检查 HRDESK_DB_KEY。"
    )


def alembic_config(engine_connection=None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine_connection is not None:
        cfg.attributes["connection"] = engine_connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # the migration scripts are missing from this installation
        raise StorageError(
            tr("程序缺少数据库迁移脚本（{0}），安装可能已损坏，请重新安装 HRDesk。").format(MIGRATIONS_DIR)
        )
    return head


def known_revisions() -> set[str]:
    """Every schema revision this program knows; a file (or backup) at another is from a newer one."""
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _check_not_plain_sqlite(path: Path) -> None:
    with open(path, "rb") as fh:
        header = fh.read(16)
    if header == SQLITE_PLAIN_HEADER:
        raise StorageError(tr("{0} 是未加密的 SQLite 数据库，不是 HRDesk 的公司数据文件，未做任何修改。").format(path))


def open_existing(data_dir: DataDir, key_hex: str, *, migrate: bool = True) -> Engine:
    """Open the company file read-checked; migrate it when it is behind (see :func:`migrate_safely`)."""
    path = data_dir.db_path
    if not path.exists():
        raise NotInitialized(tr("数据文件夹 {0} 中还没有公司数据。").format(data_dir.root))
    _check_not_plain_sqlite(path)
    engine = sqlcipher_engine(path, key_hex)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
            app_id = conn.execute(text("PRAGMA application_id")).scalar_one()
            if app_id != APPLICATION_ID:
                raise StorageError(tr("{0} 不是 HRDesk 的公司数据文件，未做任何修改。").format(path))
            current = MigrationContext.configure(conn).get_current_revision()
    except DBAPIError as exc:
        engine.dispose()
        raise storage_error_from(exc) from None
    except StorageError:
        engine.dispose()
        raise
    head = head_revision()
    if current != head:
        if current is not None and current not in known_revisions():
            engine.dispose()
            raise StorageError(tr("公司数据文件由更新版本的 HRDesk 创建，请升级程序后再打开。"))
        if migrate:
            engine.dispose()
            _migrate_reporting_repeats(data_dir, key_hex, current, head)
            engine = sqlcipher_engine(path, key_hex)
    return engine


def _migrate_reporting_repeats(data_dir: DataDir, key_hex: str, current: str | None, head: str) -> None:
    """Migrate; when it fails, say so, and from the second identical failure on offer the restore."""
    failures = backup_store.StartupFailures(data_dir)
    try:
        migrate_safely(data_dir, key_hex, current, head)
    except (StorageError, DBAPIError, OSError, sqlite3.Error, RuntimeError, ValueError) as exc:
        reason = exc.message if isinstance(exc, StorageError) else str(getattr(exc, "orig", exc))
        times = failures.record(f"migrate {current}->{head}: {type(exc).__name__}: {reason}")
        message = tr("公司数据升级失败（{0}）。公司数据文件未被改动，升级前的备份在 {1}。").format(
            reason, data_dir.backups_dir
        )
        if times >= 2:
            message += tr(
                "已连续 {0} 次以同样方式失败。可以从备份恢复：在登录窗口选择“从备份恢复”，"
                "或运行 hrdesk backup list 查看备份、hrdesk backup restore 备份文件 恢复。"
            ).format(times)
        raise MigrationFailed(message, repeated=times) from None
    failures.clear()


def migrate_safely(data_dir: DataDir, key_hex: str, current: str | None, head: str) -> None:
    """Bring the company file to ``head`` without ever leaving it half-migrated: a copy is migrated
    and must open at ``head`` before it replaces the file (see :func:`_replace_with_checked_copy`)."""
    path = data_dir.db_path

    def build(work: Path) -> None:
        snapshots.online_copy(path, key_hex, work)
        migrated = sqlcipher_engine(work, key_hex)
        try:
            _upgrade(migrated)
            with migrated.connect() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode = WAL")
        finally:
            migrated.dispose()

    def accept(check: snapshots.FileCheck) -> None:
        if check.schema_revision != head:
            raise StorageError(tr("升级后的副本版本为 {0}，应为 {1}").format(check.schema_revision, head))

    _replace_with_checked_copy(data_dir, key_hex, key_hex, build, accept, backup_store.BEFORE_MIGRATION, tr("升级"))


def rekey_safely(data_dir: DataDir, old_key: str, new_key: str) -> None:
    """Encrypt the company file with ``new_key``: the file is exported into a copy under the new
    key (``sqlcipher_export``), which must open with it and hold the same rows and audit chain
    before it replaces the file. A backup under the old key is written first."""
    path = data_dir.db_path
    before = snapshots.check_file(path, old_key)
    if not before.ok:
        raise StorageError(tr("公司数据文件未通过检查，未更换密钥：{0}").format("；".join(before.problems)))

    def build(work: Path) -> None:
        source = sqlcipher_engine(path, old_key)
        try:
            with source.connect() as conn:
                user_version = conn.exec_driver_sql("PRAGMA user_version").scalar()
                conn.exec_driver_sql(
                    f"ATTACH DATABASE ? AS rekeyed KEY \"x'{keys.parse_hex_key(new_key)}'\"", (str(work),)
                )
                conn.exec_driver_sql("SELECT sqlcipher_export('rekeyed')")
                conn.exec_driver_sql(f"PRAGMA rekeyed.user_version = {int(user_version or 0)}")
                conn.exec_driver_sql(f"PRAGMA rekeyed.application_id = {APPLICATION_ID}")
                conn.exec_driver_sql("DETACH DATABASE rekeyed")
        finally:
            source.dispose()
        rekeyed = sqlcipher_engine(work, new_key)
        try:
            with rekeyed.connect() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode = WAL")
        finally:
            rekeyed.dispose()

    def accept(check: snapshots.FileCheck) -> None:
        if check.row_counts != before.row_counts or check.chain_head != before.chain_head:
            raise StorageError(tr("用新密钥导出的副本与原文件内容不一致"))

    kind = backup_store.BEFORE_KEY_CHANGE
    _replace_with_checked_copy(data_dir, old_key, new_key, build, accept, kind, tr("更换密钥"))


def _replace_with_checked_copy(
    data_dir: DataDir,
    key_hex: str,
    result_key: str,
    build: Callable[[Path], None],
    accept: Callable[[snapshots.FileCheck], None],
    backup_kind: str,
    what: str,
) -> None:
    """Replace the company file with a transformed copy, never leaving it half-done.

    A verified backup is written first. Then ``build`` writes the copy and it is checked (it opens
    with ``result_key``, every page and the structure check out, and ``accept`` agrees), and only
    then swapped in with one atomic rename. A kill at any point leaves the original file as it was
    (and the copy, which the next start removes). Meanwhile the original is held in a write
    transaction, so no other process can write to it and be lost by the swap.
    """
    data_dir.ensure_writable()
    remove_leftovers(data_dir)
    path = data_dir.db_path
    now = backup_store.utc_now()
    try:
        database_id = data_dir.database_id()
    except StorageError:
        database_id = ""
    holder = sqlcipher_engine(path, key_hex).connect()
    work = data_dir.root / f"{MIGRATING_PREFIX}{now:%Y%m%d-%H%M%S-%f}.db"
    try:
        holder.exec_driver_sql("BEGIN IMMEDIATE")  # no other writer meanwhile; readers go on
        backup_store.write_backup(
            path, key_hex, data_dir.backups_dir, database_id=database_id, kind=backup_kind, now=now
        )
        build(work)
        check = snapshots.check_file(work, result_key)
        if not check.ok:
            raise StorageError(tr("{0}后的副本未通过校验：{1}").format(what, "；".join(check.problems)))
        accept(check)
        holder.exec_driver_sql("ROLLBACK")
        holder.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except BaseException:
        holder.close()
        holder.engine.dispose()
        _remove_file_set(work)
        raise
    holder.close()
    holder.engine.dispose()
    wal = Path(str(path) + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        _remove_file_set(work)
        raise StorageError(tr("公司数据文件正被其他程序使用，无法{0}。请关闭其他 HRDesk 窗口后重试。").format(what))
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    os.replace(work, path)
    snapshots.fsync_folder(data_dir.root)
    backup_store.prune(data_dir.backups_dir, now)


def remove_leftovers(data_dir: DataDir) -> None:
    """Copies a killed migration or restore left in the data folder (never the company file)."""
    for leftover in data_dir.root.glob(MIGRATING_PREFIX + "*"):
        leftover.unlink(missing_ok=True)
    for leftover in data_dir.root.glob("*" + snapshots.PARTIAL_SUFFIX):
        leftover.unlink(missing_ok=True)


def _remove_file_set(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def create_new(data_dir: DataDir, key_hex: str) -> Engine:
    """A new, empty, encrypted company file at the head revision. Refuses to touch an existing one."""
    data_dir.ensure_writable()
    path = data_dir.db_path
    if path.exists():
        raise StorageError(tr("{0} 已存在公司数据文件，不会覆盖。").format(data_dir.root))
    engine = sqlcipher_engine(path, key_hex)
    try:
        with engine.begin() as conn:
            conn.execute(text("PRAGMA journal_mode = WAL"))
            conn.execute(text(f"PRAGMA application_id = {APPLICATION_ID}"))
        _upgrade(engine)
    except DBAPIError as exc:
        engine.dispose()
        _remove_partial(path)
        raise storage_error_from(exc) from None
    except BaseException:
        engine.dispose()
        _remove_partial(path)
        raise
    return engine


def _remove_partial(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        try:
            os.remove(str(path) + suffix)
        except OSError:
            pass


def _upgrade(engine: Engine) -> None:
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")

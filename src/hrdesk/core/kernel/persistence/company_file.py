"""Opening and creating the encrypted company file, safely.

Opening never writes before the key is proven right and the file is proven ours: a wrong key, a
foreign file or a plain SQLite file is reported and left untouched. Pending migrations run only
after a backup copy of the file has been written.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from hrdesk.core.kernel.errors import NotInitialized, StorageError, WrongKey
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.persistence.datadir import DataDir
from hrdesk.core.kernel.persistence.engine import sqlcipher_engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
APPLICATION_ID = 0x48524453  # "HRDS", stored in the (encrypted) SQLite header
SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"
KEEP_BACKUPS = 20


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


def _check_not_plain_sqlite(path: Path) -> None:
    with open(path, "rb") as fh:
        header = fh.read(16)
    if header == SQLITE_PLAIN_HEADER:
        raise StorageError(tr("{0} 是未加密的 SQLite 数据库，不是 HRDesk 的公司数据文件，未做任何修改。").format(path))


def open_existing(data_dir: DataDir, key_hex: str, *, migrate: bool = True) -> Engine:
    """Open the company file read-checked; migrate it (after a backup) when it is behind."""
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
    script = ScriptDirectory.from_config(alembic_config())
    if current != head:
        known = {rev.revision for rev in script.walk_revisions()}
        if current is not None and current not in known:
            engine.dispose()
            raise StorageError(tr("公司数据文件由更新版本的 HRDesk 创建，请升级程序后再打开。"))
        if migrate:
            data_dir.ensure_writable()
            backup_file(engine, data_dir, label=f"before-{current or 'empty'}")
            _upgrade(engine)
    return engine


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


def backup_file(engine: Engine, data_dir: DataDir, *, label: str) -> Path:
    """An encrypted copy (same key) of the whole file, taken before a migration changes it.

    A full checkpoint first moves everything from the WAL into the main file; at this point the
    opening process is the only writer (migrations run before anyone logs in), so a file copy is a
    consistent snapshot. The copy is as encrypted as the original.
    """
    data_dir.backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = data_dir.backups_dir / f"hrdesk-{stamp}-{label}.db"
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(FULL)")
            conn.commit()
        shutil.copy2(data_dir.db_path, target)
    except (OSError, DBAPIError, sqlite3.Error) as exc:
        raise StorageError(tr("迁移前备份失败，已停止升级（{0}）。").format(exc)) from None
    _prune_backups(data_dir)
    return target


def _prune_backups(data_dir: DataDir) -> None:
    backups = sorted(data_dir.backups_dir.glob("hrdesk-*.db"))
    for old in backups[:-KEEP_BACKUPS]:
        try:
            old.unlink()
        except OSError:
            pass

"""The company file on disk: encrypted, never touched with a wrong key, migrated only after a backup."""

import hashlib
import os
import sqlite3

import keyring
import keyring.backends.fail
import pytest
from sqlalchemy import text

from hrdesk.core.company import setup as company_service
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import KeyUnavailable, StorageError, ValidationError, WrongKey
from hrdesk.core.kernel.permissions import Actor
from hrdesk.core.kernel.persistence import backup_store, keys
from hrdesk.core.kernel.persistence import engine as engine_module
from hrdesk.core.kernel.persistence.company_file import APPLICATION_ID, open_existing
from hrdesk.core.kernel.persistence.datadir import DataDir
from hrdesk.core.kernel.persistence.engine import sqlcipher_engine
from hrdesk.core.people import employees
from tests.helpers import ADMIN_PASSWORD, employee_input, environment_keys, read_only_folder


def file_digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def all_bytes(data_dir: DataDir) -> bytes:
    return b"".join(p.read_bytes() for p in data_dir.root.glob("hrdesk.db*"))


def test_file_contains_no_plaintext(company):
    company.db.dispose()
    raw = all_bytes(company.data_dir)
    assert not raw.startswith(b"SQLite format 3")
    for needle in ("王经理", "测试科技有限公司", "E000001", "人事部", "admin"):
        assert needle.encode("utf-8") not in raw, needle
    assert b"employees" not in raw  # not even table names


def test_key_is_stored_in_keyring_and_reopens(company, memory_keyring):
    company.db.dispose()
    database_id = company.data_dir.database_id()
    stored = memory_keyring.get_password(keys.KEYRING_SERVICE, f"database-{database_id}")
    assert stored and len(stored) == 64
    db = company_service.open_company(company.data_dir)
    with db.session() as session:
        assert session.execute(text("select count(*) from employees")).scalar() == 8
    db.dispose()


def test_wrong_key_is_refused_and_file_unchanged(company, monkeypatch):
    company.db.dispose()
    before = file_digest(company.data_dir.db_path)
    environment_keys(monkeypatch)
    with pytest.raises(WrongKey, match="恢复密钥"):
        company_service.open_company(company.data_dir)
    assert file_digest(company.data_dir.db_path) == before
    assert not company.data_dir.backups_dir.exists()


def test_missing_key_asks_for_recovery_key_and_recovery_restores_it(company, memory_keyring):
    company.db.dispose()
    sheet = keys.recovery_key_for(company.db.audit_key)
    memory_keyring.store.clear()
    with pytest.raises(KeyUnavailable, match="恢复密钥"):
        company_service.open_company(company.data_dir)
    with pytest.raises(ValidationError):
        company_service.open_with_recovery_key(company.data_dir, "AAAA-BBBB")
    with pytest.raises(KeyUnavailable, match="审计密钥"):  # the sheet's second key is needed too
        company_service.open_with_recovery_key(company.data_dir, company.recovery_key)
    db, stored = company_service.open_with_recovery_key(company.data_dir, company.recovery_key, sheet)
    db.dispose()
    assert stored
    company_service.open_company(company.data_dir).dispose()  # from the keyring again


def test_no_keyring_backend_gives_clear_message(company, monkeypatch):
    company.db.dispose()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    with pytest.raises(KeyUnavailable, match="HRDESK_DB_KEY"):
        company_service.open_company(company.data_dir)


def test_setup_without_keyring_and_without_env_key_creates_nothing(tmp_path):
    keyring.set_keyring(keyring.backends.fail.Keyring())
    data_dir = DataDir(tmp_path / "fresh")
    with pytest.raises(KeyUnavailable, match="HRDESK_DB_KEY"):
        company_service.setup_company(
            data_dir,
            company_name="甲公司",
            admin_username="admin",
            admin_display_name="管理员",
            admin_password=ADMIN_PASSWORD,
        )
    assert not data_dir.db_path.exists()
    assert not data_dir.meta_path.exists()


def test_setup_with_env_key_needs_no_keyring(tmp_path, monkeypatch):
    keyring.set_keyring(keyring.backends.fail.Keyring())
    key = environment_keys(monkeypatch)
    data_dir = DataDir(tmp_path / "env")
    result = company_service.setup_company(
        data_dir,
        company_name="乙公司",
        admin_username="admin",
        admin_display_name="管理员",
        admin_password=ADMIN_PASSWORD,
    )
    assert not result.key_in_keyring
    assert keys.key_from_recovery(result.recovery_key) == key
    result.db.dispose()
    company_service.open_company(data_dir).dispose()


def test_setup_validates_before_touching_disk(tmp_path):
    data_dir = DataDir(tmp_path / "bad")
    with pytest.raises(ValidationError) as info:
        company_service.setup_company(
            data_dir, company_name="", admin_username="A B", admin_display_name="", admin_password="short"
        )
    assert set(info.value.errors) == {"company_name", "admin_username", "admin_display_name", "admin_password"}
    assert not data_dir.root.exists()


def test_setup_refuses_existing_company(company):
    with pytest.raises(StorageError, match="不会覆盖"):
        company_service.setup_company(
            company.data_dir,
            company_name="丙公司",
            admin_username="admin",
            admin_display_name="管理员",
            admin_password=ADMIN_PASSWORD,
        )


def test_plain_sqlite_file_is_not_ours_and_unchanged(tmp_path, monkeypatch):
    data_dir = DataDir(tmp_path / "plain")
    data_dir.root.mkdir()
    conn = sqlite3.connect(data_dir.db_path)
    conn.execute("create table t(x)")
    conn.commit()
    conn.close()
    data_dir.write_meta("00000000-0000-4000-8000-000000000000")
    before = file_digest(data_dir.db_path)
    environment_keys(monkeypatch)
    with pytest.raises(StorageError, match="未加密"):
        company_service.open_company(data_dir)
    assert file_digest(data_dir.db_path) == before


def test_random_file_is_refused_unchanged(tmp_path, monkeypatch):
    data_dir = DataDir(tmp_path / "random")
    data_dir.root.mkdir()
    data_dir.db_path.write_bytes(os.urandom(8192))
    data_dir.write_meta("00000000-0000-4000-8000-000000000000")
    before = file_digest(data_dir.db_path)
    environment_keys(monkeypatch)
    with pytest.raises(WrongKey):
        company_service.open_company(data_dir)
    assert file_digest(data_dir.db_path) == before


def test_encrypted_file_of_another_application_is_refused(tmp_path):
    data_dir = DataDir(tmp_path / "other")
    data_dir.root.mkdir()
    key = keys.generate_key()
    other = sqlcipher_engine(data_dir.db_path, key)
    with other.begin() as conn:
        conn.execute(text("create table notes(x)"))
    other.dispose()
    with pytest.raises(StorageError, match="不是 HRDesk"):
        open_existing(data_dir, key)


def test_pending_migration_runs_after_backup(tmp_path):
    """A file behind the code (here: no tables yet) is backed up, then upgraded."""
    data_dir = DataDir(tmp_path / "old")
    data_dir.root.mkdir()
    key = keys.generate_key()
    old = sqlcipher_engine(data_dir.db_path, key)
    with old.begin() as conn:
        conn.execute(text(f"PRAGMA application_id = {APPLICATION_ID}"))
        conn.execute(text("create table legacy_marker(x)"))
    old.dispose()
    engine = open_existing(data_dir, key)
    backups = list(data_dir.backups_dir.glob("hrdesk-*.db"))
    assert len(backups) == 1 and backups[0].name.endswith("-before-migration.db")
    backup_engine = sqlcipher_engine(backups[0], key)  # the backup is encrypted with the same key
    with backup_engine.connect() as conn:
        tables = {r[0] for r in conn.execute(text("select name from sqlite_master where type='table'"))}
    backup_engine.dispose()
    assert tables == {"legacy_marker"}
    with engine.connect() as conn:
        assert conn.execute(text("select count(*) from employees")).scalar() == 0
    engine.dispose()


def test_up_to_date_file_is_not_backed_up_again(company):
    company.db.dispose()
    company_service.open_company(company.data_dir).dispose()
    assert not company.data_dir.backups_dir.exists()


def test_read_only_data_folder_gives_clear_message(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    with read_only_folder(folder):
        with pytest.raises(StorageError, match="无法写入"):
            company_service.setup_company(
                DataDir(folder),
                company_name="丁公司",
                admin_username="admin",
                admin_display_name="管理员",
                admin_password=ADMIN_PASSWORD,
            )
    assert list(folder.iterdir()) == []


def test_locked_database_gives_clear_message_and_changes_nothing(company, monkeypatch):
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 100)
    company.db.dispose()
    db = company_service.open_company(company.data_dir)
    key = keys.resolve_key(company.data_dir.database_id())
    other = sqlcipher_engine(company.data_dir.db_path, key)
    holder = other.connect()
    holder.exec_driver_sql("BEGIN EXCLUSIVE")
    ctx = ServiceContext(db, Actor.system())
    try:
        with pytest.raises(StorageError, match="占用"):
            employees.create(ctx, employee_input("E009999", "锁测试", company.depts["人事部"], 99))
    finally:
        holder.exec_driver_sql("ROLLBACK")
        holder.close()
        other.dispose()
    assert employees.count(ctx) == 8
    db.dispose()


def test_upgrade_from_first_release_keeps_data_and_backs_up(tmp_path):
    from alembic import command

    from hrdesk.core.kernel.persistence.company_file import alembic_config

    data_dir = DataDir(tmp_path / "v1")
    data_dir.root.mkdir()
    key = keys.generate_key()
    old = sqlcipher_engine(data_dir.db_path, key)
    with old.begin() as conn:
        conn.execute(text(f"PRAGMA application_id = {APPLICATION_ID}"))
        command.upgrade(alembic_config(conn), "0001")
        conn.execute(
            text(
                "INSERT INTO departments (id, name, kind, sort_order, active, created_at) "
                "VALUES (1, '人事部', 'function', 0, 1, '2025-01-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO employees (id, emp_no, name, id_number, gender, birth_date, department_id, hire_date, "
                "status, base_salary, created_at, updated_at, version) "
                "VALUES (1, 'E1', '老员工', '11010519900307123X', "
                "'M', '1990-03-07', 1, '2020-01-01', 'regular', 800000, '2025-01-01 00:00:00', "
                "'2025-01-01 00:00:00', 1)"
            )
        )
    old.dispose()
    engine = open_existing(data_dir, key)
    with engine.connect() as conn:
        row = conn.execute(text("SELECT name, base_salary, confirmation_date FROM employees")).one()
        assert conn.execute(text("SELECT count(*) FROM flow_instances")).scalar() == 0
    engine.dispose()
    assert tuple(row) == ("老员工", 800000, None)
    (backup,) = backup_store.list_backups(data_dir.backups_dir)
    assert backup.kind == "before-migration" and backup.manifest is not None
    assert backup.manifest.schema_revision == "0001" and backup.manifest.row_counts["employees"] == 1

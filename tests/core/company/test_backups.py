"""备份与恢复 (issue 12): consistent online backups with a manifest, verification that finds a
flipped byte, restores that prove the backup first and keep what they replace, retention that
never drops the last good copy, and the recovery key that works without hrdesk.json."""

from __future__ import annotations

import json
import threading
import time
from datetime import datetime, timedelta
from decimal import Decimal as D
from pathlib import Path

import pytest
from sqlalchemy import delete, select, text

from hrdesk.core.audit import audit_log
from hrdesk.core.company import backups
from hrdesk.core.company import setup as company_setup
from hrdesk.core.kernel.errors import KeyUnavailable, PermissionDenied, StorageError, ValidationError
from hrdesk.core.kernel.persistence import backup_store, keys, snapshots
from hrdesk.core.kernel.persistence.datadir import DataDir
from hrdesk.core.kernel.persistence.instance_lock import InstanceLock
from hrdesk.core.kernel.persistence.tables import AuditRecord, Setting
from hrdesk.core.people import employees
from hrdesk.core.people.tables import Employee
from tests.helpers import employee_input, flip_byte


def key_of(company) -> str:
    return keys.resolve_key(company.data_dir.database_id())


def salary_of(company, name: str) -> D:
    return employees.get(company.system, company.emps[name]).base_salary


def set_salary(company, name: str, amount: str) -> None:
    with company.db.session() as session, session.begin():
        session.get(Employee, company.emps[name]).base_salary = D(amount)


def test_a_backup_of_the_open_company_is_consistent_and_described_by_its_manifest(company):
    result = backups.create_backup(company.login("admin"))
    view = result.backup
    manifest = snapshots.read_manifest(view.path)
    assert manifest is not None and manifest.kind == "manual"
    assert manifest.database_id == company.data_dir.database_id()
    assert manifest.key_id == snapshots.key_id(key_of(company))
    with company.db.engine.connect() as conn:
        live_counts = snapshots.table_row_counts(conn)
    live_counts["audit_log"] -= 1  # the record of taking the backup came after the copy
    assert manifest.row_counts == live_counts  # every table, as it was
    assert manifest.row_counts["employees"] == len(company.emps)
    # the chain head the manifest names is the live chain's record at that length
    with company.db.session() as session:
        recorded = session.execute(select(AuditRecord.hash).where(AuditRecord.seq == manifest.chain_length)).scalar()
    assert recorded == manifest.chain_head
    entries = audit_log.list_entries(company.system, limit=10)
    # the backup itself is encrypted: no SQLite header, no employee name in the bytes
    data = view.path.read_bytes()
    assert not data.startswith(b"SQLite format 3") and "李四".encode() not in data
    assert backups.verify_backup(view.path, key_of(company)).ok
    # taking it was recorded in the live trail, with the head it anchors
    latest = entries[0]
    assert latest.action == "backup.create" and latest.after["chain_head"] == manifest.chain_head


def test_a_backup_taken_while_another_connection_writes_is_a_consistent_snapshot(company):
    ctx = company.system
    stop = threading.Event()
    made: list[int] = []

    def keep_writing():
        n = 0
        while not stop.is_set() and n < 200:
            n += 1
            employees.create(ctx, employee_input(f"W{n:05d}", f"并发{n}", company.depts["人事部"], 1000 + n))
            made.append(n)
            time.sleep(0.005)  # a busy office, not a loop that never lets go of the write lock

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        taken = [backups.backup_as_system(company.db).backup for _ in range(3)]
    finally:
        stop.set()
        writer.join(60)
    for view in taken:
        check = backups.verify_backup(view.path, key_of(company))
        assert check.ok, check.problems
        assert check.check is not None
        # employees and their audit records come from the same transactions: a torn copy would disagree
        rows = check.check.row_counts
        assert rows["employees"] - len(company.emps) <= len(made)


def test_only_an_administrator_backs_up(company):
    with pytest.raises(PermissionDenied):
        backups.create_backup(company.login("hr"))
    with pytest.raises(PermissionDenied):
        backups.list_backups(company.login("auditor"))


def test_a_flipped_byte_in_a_page_nobody_reads_is_found(company):
    view = backups.backup_as_system(company.db).backup
    size = view.path.stat().st_size
    flip_byte(view.path, size - 2000)  # the middle of the last page
    result = backups.verify_backup(view.path, key_of(company))
    assert not result.ok
    assert any("SHA-256" in p for p in result.problems)
    assert any("加密页校验失败" in p for p in result.problems)


def test_check_finds_a_flipped_byte_in_the_live_file(company):
    key = key_of(company)
    company.db.dispose()
    assert backups.check_company(company.data_dir.db_path, key, company.db.audit_key).ok
    flip_byte(company.data_dir.db_path, company.data_dir.db_path.stat().st_size - 3000)
    result = backups.check_company(company.data_dir.db_path, key, company.db.audit_key)
    assert not result.ok and "加密页校验失败" in result.problems[0]


def test_restore_brings_back_the_backup_and_keeps_what_it_replaced(company):
    key = key_of(company)
    before = salary_of(company, "李四")
    taken = backups.backup_as_system(company.db).backup
    set_salary(company, "李四", "99999.00")
    assert salary_of(company, "李四") == D("99999.00")
    company.db.dispose()

    result = backups.restore_backup(company.data_dir, taken.path)
    reopened = company_setup.open_company(company.data_dir)
    company.db = reopened
    assert salary_of(company, "李四") == before
    # the company it replaced is a verified backup of its own, with the changed salary in it
    assert result.replaced_backup is not None
    replaced = backups.verify_backup(result.replaced_backup, key)
    assert replaced.ok and replaced.manifest is not None and replaced.manifest.kind == "replaced"
    # the restore is in the trail, and the chain still verifies from the first record
    assert audit_log.verify_chain(company.system).ok
    assert audit_log.list_entries(company.system, limit=1)[0].action == "backup.restore"
    assert not list(company.data_dir.root.glob("restoring-*"))


def test_a_tampered_backup_is_not_restored_and_nothing_changes(company):
    taken = backups.backup_as_system(company.db).backup
    set_salary(company, "李四", "88888.00")
    company.db.dispose()
    flip_byte(taken.path, 6000)
    with pytest.raises(StorageError, match="未通过校验"):
        backups.restore_backup(company.data_dir, taken.path)
    company.db = company_setup.open_company(company.data_dir)
    assert salary_of(company, "李四") == D("88888.00")


def test_a_backup_of_another_company_or_a_newer_program_is_refused(company, tmp_path):
    taken = backups.backup_as_system(company.db).backup
    company.db.dispose()
    manifest_file = snapshots.manifest_path(taken.path)
    original = manifest_file.read_text(encoding="utf-8")
    foreign = json.loads(original) | {"database_id": "00000000-0000-4000-8000-000000000000"}
    manifest_file.write_text(json.dumps(foreign), encoding="utf-8")
    with pytest.raises(ValidationError, match="另一家公司"):
        backups.restore_backup(company.data_dir, taken.path)
    newer = json.loads(original) | {"schema_revision": "9999", "program_version": "9.0.0"}
    manifest_file.write_text(json.dumps(newer), encoding="utf-8")
    with pytest.raises(ValidationError, match="更新版本"):
        backups.restore_backup(company.data_dir, taken.path)


def test_restore_refuses_while_the_company_is_open_in_a_window(company):
    taken = backups.backup_as_system(company.db).backup
    with InstanceLock(company.data_dir.lock_path):
        with pytest.raises(StorageError, match="另一个 HRDesk 窗口"):
            backups.restore_backup(company.data_dir, taken.path)


def test_the_first_start_of_a_day_backs_up_once(company):
    morning = datetime(2026, 12, 4, 1, 0)
    first = backups.daily_backup_if_due(company.db, morning)
    assert first is not None and first.backup.kind == "daily"
    assert backups.daily_backup_if_due(company.db, morning + timedelta(hours=3)) is None
    assert backups.daily_backup_if_due(company.db, morning + timedelta(days=1)) is not None


def test_the_second_folder_receives_a_copy_of_every_backup(company, tmp_path):
    usb = tmp_path / "usb"
    with pytest.raises(ValidationError, match="不能在公司数据文件夹之内"):
        backups.set_second_folder(company.login("admin"), str(company.data_dir.root / "copies"))
    backups.set_second_folder(company.login("admin"), str(usb))
    result = backups.create_backup(company.login("admin"))
    assert result.copied_to is not None and result.copied_to.parent == usb
    (copied,) = backups.backups_in(usb)
    assert copied.has_manifest and backups.verify_backup(copied.path, key_of(company)).ok


# ---- retention ------------------------------------------------------------------------------------


def fake_backup(folder: Path, when: datetime, kind: str = backup_store.DAILY, *, intact: bool = True) -> Path:
    path = folder / backup_store.backup_name(when, kind)
    payload = when.isoformat().encode()
    path.write_bytes(payload)
    manifest = snapshots.Manifest(
        database_id="d",
        kind=kind,
        created_at=when.isoformat() + "+00:00",
        program_version="1",
        schema_revision="0004",
        key_id="k",
        file_sha256=snapshots.file_sha256(path) if intact else "0" * 64,
        file_size=len(payload),
        row_counts={},
        chain_length=1,
        chain_head="h",
    )
    snapshots.write_manifest(path, manifest)
    return path


def test_retention_keeps_7_daily_4_weekly_12_monthly(tmp_path):
    start = datetime(2025, 1, 1, 9, 0)
    for day in range(500):
        fake_backup(tmp_path, start + timedelta(days=day))
    now = start + timedelta(days=499, hours=1)
    backup_store.prune(tmp_path, now)
    kept = backup_store.list_backups(tmp_path)
    days = sorted({b.created.date() for b in kept}, reverse=True)
    assert days[:7] == [(now - timedelta(days=n)).date() for n in range(7)]  # the last seven days
    assert len({b.created.date().isocalendar()[:2] for b in kept}) >= 4
    months = {(b.created.year, b.created.month) for b in kept}
    assert len(months) == 12
    assert len(kept) <= 7 + 4 + 12


def test_retention_never_removes_the_newest_backup_that_is_intact(tmp_path):
    old_good = fake_backup(tmp_path, datetime(2024, 1, 1))
    for n in range(40):  # a year later, broken copies every day
        fake_backup(tmp_path, datetime(2025, 1, 1) + timedelta(days=n), intact=False)
    backup_store.prune(tmp_path, datetime(2025, 3, 1))
    assert old_good in {b.path for b in backup_store.list_backups(tmp_path)}


# ---- the recovery key -----------------------------------------------------------------------------


def test_the_recovery_key_opens_a_company_whose_hrdesk_json_is_lost(company, memory_keyring):
    database_id = company.data_dir.database_id()
    backups.backup_as_system(company.db)
    company.db.dispose()
    company.data_dir.meta_path.unlink()
    sheet = keys.recovery_key_for(company.db.audit_key)
    memory_keyring.store.clear()  # and both keys are gone from this computer's credential store
    db, stored = company_setup.open_with_recovery_key(company.data_dir, company.recovery_key, sheet)
    company.db = db
    assert stored and company.data_dir.database_id() == database_id  # recovered from the backup manifest
    db.dispose()
    company.db = company_setup.open_company(company.data_dir)  # the key is back in the credential store
    assert employees.count(company.system) == len(company.emps)


def test_without_any_backup_the_file_gives_its_own_identifier_back(company):
    old_id = company.data_dir.database_id()
    company.db.dispose()
    company.data_dir.meta_path.unlink()
    db, stored = company_setup.open_with_recovery_key(company.data_dir, company.recovery_key)
    db.dispose()
    assert stored and company.data_dir.database_id() == old_id
    company.db = company_setup.open_company(company.data_dir)
    with company.db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM employees")).scalar() == len(company.emps)


def test_an_older_file_without_its_identifier_and_without_backups_gets_a_new_one(company):
    """Files from before they kept their identifier: a new one, and the recovery sheet's audit key
    (the credential store keeps that under the old identifier)."""
    old_id = company.data_dir.database_id()
    sheet = keys.recovery_key_for(company.db.audit_key)
    with company.db.session() as s, s.begin():
        s.execute(delete(Setting).where(Setting.key == company_setup.IDENTITY_SETTING))
    company.db.dispose()
    company.data_dir.meta_path.unlink()
    with pytest.raises(KeyUnavailable, match="审计密钥"):
        company_setup.open_with_recovery_key(company.data_dir, company.recovery_key)
    db, stored = company_setup.open_with_recovery_key(company.data_dir, company.recovery_key, sheet)
    db.dispose()
    assert stored and company.data_dir.database_id() != old_id
    company.db = company_setup.open_company(company.data_dir)
    with company.db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM employees")).scalar() == len(company.emps)


def test_a_wrong_recovery_key_without_hrdesk_json_writes_nothing(company):
    company.db.dispose()
    company.data_dir.meta_path.unlink()
    wrong = keys.recovery_key_for(keys.generate_key())
    with pytest.raises(StorageError):
        company_setup.open_with_recovery_key(company.data_dir, wrong)
    assert not company.data_dir.meta_path.exists()
    company.db = company_setup.open_with_recovery_key(company.data_dir, company.recovery_key)[0]


def test_data_dir_without_a_company_is_reported(tmp_path):
    with pytest.raises(Exception, match="还没有公司数据"):
        company_setup.open_with_recovery_key(DataDir(tmp_path / "none"), keys.recovery_key_for(keys.generate_key()))

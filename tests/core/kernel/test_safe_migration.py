"""Migrations cannot leave a company unopenable (issue 12): a kill mid-migration, a migration that
keeps failing, and the backups that must survive it all."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from hrdesk.core.kernel.errors import MigrationFailed
from hrdesk.core.kernel.persistence import backup_store, company_file, keys, snapshots
from hrdesk.core.kernel.persistence.company_file import APPLICATION_ID, alembic_config, head_revision, open_existing
from hrdesk.core.kernel.persistence.datadir import DataDir
from hrdesk.core.kernel.persistence.engine import sqlcipher_engine

ROOT = Path(__file__).resolve().parents[3]


def old_company(folder: Path) -> tuple[DataDir, str]:
    """A company file at the first release's schema, with one department and one employee, in WAL."""
    data_dir = DataDir(folder)
    folder.mkdir()
    data_dir.write_meta("6f1c1f9e-2d0b-4a47-9d3c-000000000001")
    key = keys.generate_key()
    engine = sqlcipher_engine(data_dir.db_path, key)
    with engine.begin() as conn:
        conn.execute(text("PRAGMA journal_mode = WAL"))
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
                "status, base_salary, created_at, updated_at, version) VALUES (1, 'E1', '老员工', "
                "'11010519900307123X', 'M', '1990-03-07', 1, '2020-01-01', 'regular', 800000, "
                "'2025-01-01 00:00:00', '2025-01-01 00:00:00', 1)"
            )
        )
    engine.dispose()
    return data_dir, key


def revision_of(data_dir: DataDir, key: str) -> str | None:
    engine = sqlcipher_engine(data_dir.db_path, key)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()


KILLED_MIGRATION = textwrap.dedent(
    """
    import os, signal, sys
    from alembic import command
    from hrdesk.core.kernel.persistence import company_file
    from hrdesk.core.kernel.persistence.datadir import DataDir

    def half_way(engine):
        with engine.begin() as conn:
            command.upgrade(company_file.alembic_config(conn), "0002")  # one step of several
        with engine.begin() as conn:  # the next step's first table is made, then the power goes
            conn.exec_driver_sql("CREATE TABLE pay_item_types (id INTEGER PRIMARY KEY)")
        os.kill(os.getpid(), signal.SIGKILL)

    company_file._upgrade = half_way
    company_file.open_existing(DataDir(__import__("pathlib").Path(sys.argv[1])), sys.argv[2])
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is POSIX")
def test_a_migration_killed_half_way_leaves_the_company_openable(tmp_path):
    data_dir, key = old_company(tmp_path / "company")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", KILLED_MIGRATION, str(data_dir.root), key], env=env, timeout=120, capture_output=True
    )
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()
    assert revision_of(data_dir, key) == "0001"  # the company file itself was never touched

    engine = open_existing(data_dir, key)  # the next start simply migrates
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name, base_salary FROM employees")).one() == ("老员工", 800000)
    engine.dispose()
    assert revision_of(data_dir, key) == head_revision()
    assert not list(data_dir.root.glob(".migrating-*")) and not list(data_dir.root.glob("*.partial"))
    assert snapshots.check_file(data_dir.db_path, key).ok


def test_a_failing_migration_changes_nothing_and_the_second_failure_offers_the_restore(tmp_path, monkeypatch):
    data_dir, key = old_company(tmp_path / "company")
    before = snapshots.check_file(data_dir.db_path, key)

    def broken(engine):
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0002")
        raise RuntimeError("table payroll_runs already exists")

    monkeypatch.setattr(company_file, "_upgrade", broken)
    with pytest.raises(MigrationFailed) as first:
        open_existing(data_dir, key)
    assert first.value.repeated == 1 and "未被改动" in str(first.value) and "连续" not in str(first.value)
    with pytest.raises(MigrationFailed) as second:
        open_existing(data_dir, key)
    assert second.value.repeated == 2
    assert "已连续 2 次以同样方式失败" in str(second.value) and "hrdesk backup restore" in str(second.value)
    after = snapshots.check_file(data_dir.db_path, key)
    assert after.ok and after.schema_revision == "0001" and after.row_counts == before.row_counts
    assert not list(data_dir.root.glob(".migrating-*"))

    monkeypatch.undo()
    open_existing(data_dir, key).dispose()  # fixed program: migrates, and the count starts again
    assert revision_of(data_dir, key) == head_revision()
    assert not (data_dir.root / backup_store.FAILURES_FILE).exists()


def test_every_failed_start_keeps_the_newest_backup_that_opens(tmp_path, monkeypatch):
    """Twenty-five failing starts each write a backup; the last good one from before them survives."""
    data_dir, key = old_company(tmp_path / "company")
    good_time = datetime(2026, 1, 1, 8, 0)
    good, _ = backup_store.write_backup(
        data_dir.db_path, key, data_dir.backups_dir, database_id="x", kind=backup_store.DAILY, now=good_time
    )

    def broken(engine):
        raise RuntimeError("boom")

    monkeypatch.setattr(company_file, "_upgrade", broken)
    for _ in range(25):
        with pytest.raises(MigrationFailed):
            open_existing(data_dir, key)
    # the failed starts' backups are corrupted afterwards (the disk failing, say): only the old one is good
    for backup in backup_store.list_backups(data_dir.backups_dir):
        if backup.path != good.path:
            with open(backup.path, "r+b") as fh:
                fh.seek(5000)
                fh.write(b"\xff" * 16)
    backup_store.prune(data_dir.backups_dir, good_time + timedelta(days=400))
    remaining = {b.path for b in backup_store.list_backups(data_dir.backups_dir)}
    assert good.path in remaining
    assert snapshots.check_file(good.path, key).ok

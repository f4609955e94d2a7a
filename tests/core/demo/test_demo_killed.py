"""A demo killed half-way (issue 12): the company is built beside the data folder and moved in only
when complete, so a killed build leaves the data folder as it was and the next demo succeeds."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hrdesk.core.company import setup
from hrdesk.core.demo import staging
from hrdesk.core.demo.demo_company import create_demo_company
from hrdesk.core.kernel.errors import StorageError
from hrdesk.core.kernel.persistence import keys
from hrdesk.core.kernel.persistence.datadir import DataDir
from hrdesk.core.kernel.persistence.instance_lock import InstanceLock
from hrdesk.core.people.tables import Employee
from tests.helpers import read_only_folder

TODAY = date(2026, 3, 15)


def _company_files(folder: Path) -> int:
    """Bytes written so far of a company file and its WAL, wherever it is being built."""
    total = 0
    for db in folder.rglob("hrdesk.db"):
        for suffix in ("", "-wal"):
            try:
                total += (db.parent / (db.name + suffix)).stat().st_size
            except OSError:
                pass
    return total


def _building(parent: Path, root: Path) -> list[Path]:
    return sorted(p for p in parent.iterdir() if p.name.startswith(f".{root.name}.building-"))


def test_a_demo_killed_half_way_leaves_the_folder_as_it_was_and_the_next_demo_succeeds(tmp_path, monkeypatch):
    parent = tmp_path / "用户"
    parent.mkdir()
    root = parent / "公司数据"
    key, chain_key = keys.generate_key(), keys.generate_key()
    env = dict(os.environ, HRDESK_DB_KEY=key, HRDESK_AUDIT_KEY=chain_key)
    build = subprocess.Popen(
        [sys.executable, "-m", "hrdesk", "--data-dir", str(root), "demo", "--employees", "3000"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 240
    while _company_files(parent) < 1_500_000:  # the schema is written, the people are going in
        if build.poll() is not None:
            pytest.fail(f"the demo ended (exit {build.returncode}) before it could be killed: {build.stderr.read()}")
        if time.monotonic() > deadline:
            build.kill()
            pytest.fail("the demo never got going")
        time.sleep(0.005)
    build.kill()  # SIGKILL: no handler, no cleanup
    build.wait(timeout=30)

    assert not root.exists() or list(root.iterdir()) == []
    assert not DataDir(root).is_initialized()
    assert _building(parent, root)  # the half-built company is there, out of the way

    monkeypatch.setenv(keys.ENV_KEY, key)
    monkeypatch.setenv("HRDESK_AUDIT_KEY", chain_key)
    result = create_demo_company(DataDir(root), employees=20, seed=2, today=TODAY)
    try:
        assert _building(parent, root) == []  # what the killed build left is gone, lock and all
        with result.db.session() as session:
            assert session.scalar(select(func.count()).select_from(Employee)) == 20
    finally:
        result.db.dispose()
    assert sorted(p.name for p in root.iterdir()) == ["hrdesk.db", "hrdesk.json"]
    reopened = setup.open_company(DataDir(root))
    reopened.dispose()


def test_the_company_goes_into_an_existing_empty_folder(tmp_path):
    root = tmp_path / "empty"
    root.mkdir()
    result = create_demo_company(DataDir(root), employees=5, today=TODAY)
    result.db.dispose()
    assert sorted(p.name for p in root.iterdir()) == ["hrdesk.db", "hrdesk.json"]
    assert [p.name for p in tmp_path.iterdir()] == ["empty"]
    setup.open_company(DataDir(root)).dispose()  # the stored key still fits after the move


def test_a_folder_that_has_a_company_is_refused_before_anything_is_built(tmp_path):
    root = tmp_path / "d"
    create_demo_company(DataDir(root), employees=3, today=TODAY).db.dispose()
    before = {p.name: p.stat().st_mtime_ns for p in root.iterdir()}
    with pytest.raises(StorageError, match="已有公司数据"):
        create_demo_company(DataDir(root), employees=3, today=TODAY)
    assert {p.name: p.stat().st_mtime_ns for p in root.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["d"]


def test_when_the_parent_folder_is_read_only_the_company_is_built_inside_the_data_folder(tmp_path):
    parent = tmp_path / "locked"
    root = parent / "data"
    root.mkdir(parents=True)
    with read_only_folder(parent):
        result = create_demo_company(DataDir(root), employees=5, today=TODAY)
        result.db.dispose()
        assert sorted(p.name for p in root.iterdir()) == ["hrdesk.db", "hrdesk.json"]
    setup.open_company(DataDir(root)).dispose()


def test_stale_building_folders_go_with_their_key_and_live_ones_stay(tmp_path, memory_keyring):
    root = tmp_path / "data"
    dead = tmp_path / ".data.building-999-dead"
    dead.mkdir()
    database_id = "6f1c2f8e-7f64-4b9b-9f3c-1d2e3f4a5b6c"
    DataDir(dead).write_meta(database_id)
    keys.KeyStore(database_id).save(keys.generate_key())
    (tmp_path / ".data.building-999-dead.lock").write_text("999")
    no_lock = tmp_path / ".data.building-998-killed"  # the lock file comes first and goes last, so a
    no_lock.mkdir()  # folder without one is a dead builder's too
    live = tmp_path / ".data.building-1-live"
    live.mkdir()
    holder = InstanceLock(tmp_path / ".data.building-1-live.lock")
    holder.acquire()
    try:
        removed = staging.remove_stale(DataDir(root))
        assert sorted(removed) == sorted([dead, no_lock])
        assert not dead.exists() and not no_lock.exists()
        assert not (tmp_path / ".data.building-999-dead.lock").exists()
        assert keys.KeyStore(database_id).load() is None
        assert live.exists()
    finally:
        holder.release()


def test_a_failed_move_puts_back_what_it_moved(tmp_path, monkeypatch):
    root = tmp_path / "data"
    root.mkdir()
    real_replace = os.replace

    def replace(src, dst):
        if Path(dst).name == "hrdesk.db":
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(staging.os, "replace", replace)
    with pytest.raises(StorageError, match="无法把示例公司移入"):
        create_demo_company(DataDir(root), employees=3, today=TODAY)
    assert list(root.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir()] == ["data"]

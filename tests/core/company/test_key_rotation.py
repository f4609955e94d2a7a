"""hrdesk key rotate (issue 12): a new key and recovery key; older backups stay restorable."""

from __future__ import annotations

import pytest

from hrdesk.cli.main import run
from hrdesk.core.company import backups, key_rotation
from hrdesk.core.company import setup as company_setup
from hrdesk.core.kernel.errors import StorageError
from hrdesk.core.kernel.persistence import backup_store, keys, snapshots
from hrdesk.core.kernel.persistence.instance_lock import InstanceLock
from hrdesk.core.people import employees


def test_rotation_changes_the_key_and_keeps_every_record(company):
    old_key = keys.resolve_key(company.data_dir.database_id())
    count = employees.count(company.system)
    company.db.dispose()
    result = key_rotation.rotate_key(company.data_dir)
    new_key = keys.resolve_key(company.data_dir.database_id())
    assert new_key != old_key and keys.key_from_recovery(result.recovery_key) == new_key
    assert result.key_in_keyring and result.retired_key_id == snapshots.key_id(old_key)
    assert not snapshots.check_file(company.data_dir.db_path, old_key).ok  # the old key opens nothing now
    check = backups.check_company(company.data_dir.db_path, new_key, company.db.audit_key)
    assert check.ok
    company.db = company_setup.open_company(company.data_dir)
    assert employees.count(company.system) == count
    # the old recovery key no longer opens the company
    with pytest.raises(StorageError):
        company_setup.open_with_recovery_key(company.data_dir, company.recovery_key)


def test_a_backup_from_before_the_rotation_is_still_restorable(company):
    taken = backups.backup_as_system(company.db).backup
    company.db.dispose()
    key_rotation.rotate_key(company.data_dir)
    kinds = [b.kind for b in backup_store.list_backups(company.data_dir.backups_dir)]
    assert backup_store.BEFORE_KEY_CHANGE in kinds
    result = backups.restore_backup(company.data_dir, taken.path)  # the retired key is found by its id
    assert result.restored_from == taken.path
    company.db = company_setup.open_company(company.data_dir)
    assert employees.count(company.system) == len(company.emps)


def test_rotation_is_refused_while_a_window_has_the_company_open(company):
    company.db.dispose()
    before = keys.resolve_key(company.data_dir.database_id())
    with InstanceLock(company.data_dir.lock_path):
        with pytest.raises(StorageError, match="另一个 HRDesk 窗口"):
            key_rotation.rotate_key(company.data_dir)
    assert keys.resolve_key(company.data_dir.database_id()) == before
    company.db = company_setup.open_company(company.data_dir)


def test_the_retired_key_is_forgotten_once_no_backup_needs_it(company, memory_keyring):
    company.db.dispose()
    result = key_rotation.rotate_key(company.data_dir)
    store = keys.KeyStore(company.data_dir.database_id())
    assert store.load_retired(result.retired_key_id) is not None
    assert key_rotation.forget_unused_keys(company.data_dir) == []  # the pre-rotation backup needs it
    for backup in backup_store.list_backups(company.data_dir.backups_dir):
        backup.path.unlink()
        snapshots.manifest_path(backup.path).unlink(missing_ok=True)
    assert key_rotation.forget_unused_keys(company.data_dir) == [result.retired_key_id]
    assert store.load_retired(result.retired_key_id) is None and company.data_dir.retired_key_ids() == []
    company.db = company_setup.open_company(company.data_dir)


def test_key_rotate_on_the_command_line_needs_yes_and_prints_the_new_recovery_key(company, capsys):
    company.db.dispose()
    assert run(["--data-dir", str(company.data_dir.root), "key", "rotate"]) == 2
    assert "--yes" in capsys.readouterr().err
    assert run(["--data-dir", str(company.data_dir.root), "key", "rotate", "--yes"]) == 0
    out = capsys.readouterr().out
    printed = out.strip().splitlines()[-1]
    assert keys.key_from_recovery(printed) == keys.resolve_key(company.data_dir.database_id())
    company.db = company_setup.open_company(company.data_dir)

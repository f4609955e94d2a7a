"""``hrdesk key rotate``: a new database key, with a new recovery key shown once.

The file is re-encrypted through a checked copy (kernel ``company_file.rekey_safely``), so a kill
at any point leaves a company that opens with one of the two keys, and the new key is in the
credential store before the file depends on it. The old key stays in the credential store (by its
public id) for as long as backups made with it are kept, so they remain restorable without the
old recovery sheet; :func:`forget_unused_keys` removes it after the last such backup is pruned.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from hrdesk.core.kernel import audit_chain, audit_key
from hrdesk.core.kernel.errors import KeyUnavailable, StorageError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Actor
from hrdesk.core.kernel.persistence import backup_store, company_file, keys, snapshots
from hrdesk.core.kernel.persistence.datadir import DataDir
from hrdesk.core.kernel.persistence.engine import sqlcipher_engine
from hrdesk.core.kernel.persistence.instance_lock import InstanceLock


@dataclass(frozen=True)
class KeyRotation:
    recovery_key: str  # shown once
    key_id: str
    retired_key_id: str
    key_in_keyring: bool  # False when HRDESK_DB_KEY supplies the key: the variable must be updated


def rotate_key(data_dir: DataDir) -> KeyRotation:
    """Re-encrypt the company with a new key. Refused while the company is open in a window."""
    with InstanceLock(data_dir.lock_path):
        database_id = data_dir.database_id()
        old = keys.resolve_key(database_id)
        chain_key = audit_key.known_key(database_id)
        if chain_key is None:  # the rotation is recorded in the chain: refuse before changing anything
            raise KeyUnavailable(audit_key.missing_message())
        from_environment = keys.key_from_environment() is not None
        new = keys.generate_key()
        old_id, new_id = snapshots.key_id(old), snapshots.key_id(new)
        store = keys.KeyStore(database_id)
        if not from_environment:
            store.save_retired(old_id, old)  # backups made so far stay restorable
            store.save_retired(new_id, new)  # the new key is kept before the file depends on it
        company_file.rekey_safely(data_dir, old, new)
        stored = False
        if not from_environment:
            try:
                store.save(new)
                store.delete_retired(new_id)
                stored = True
            except KeyUnavailable:
                stored = False
        data_dir.set_retired_key_ids([*data_dir.retired_key_ids(), old_id])
        _record(data_dir, new, chain_key, old_id, new_id)
        return KeyRotation(keys.recovery_key_for(new), new_id, old_id, stored)


def _record(data_dir: DataDir, key: str, chain_key: str, old_id: str, new_id: str) -> None:
    engine = sqlcipher_engine(data_dir.db_path, key)
    try:
        with Session(engine, info=audit_key.session_info(chain_key)) as session, session.begin():
            audit_chain.append(
                session,
                Actor.system(tr("命令行")),
                backup_store.utc_now(),
                "key.rotate",
                "company",
                1,
                tr("更换数据库密钥（旧密钥 {0}，新密钥 {1}）").format(old_id, new_id),
                {"key_id": old_id},
                {"key_id": new_id},
            )
    finally:
        engine.dispose()


def forget_unused_keys(data_dir: DataDir) -> list[str]:
    """Retired keys no kept backup needs any more are removed from the credential store."""
    retired = data_dir.retired_key_ids()
    if not retired:
        return []
    needed = {b.manifest.key_id for b in backup_store.list_backups(data_dir.backups_dir) if b.manifest is not None}
    forgotten = [key_id for key_id in retired if key_id not in needed]
    if forgotten:
        store = keys.KeyStore(data_dir.database_id())
        for key_id in forgotten:
            store.delete_retired(key_id)
        try:
            data_dir.set_retired_key_ids([k for k in retired if k not in forgotten])
        except (OSError, StorageError):
            pass
    return forgotten

"""The audit chain keyed apart from the database key (issue 12): editing a record and recomputing
the later hashes with what the database key gives passed `audit verify`; now it needs the audit key,
which lives in the credential store and on the recovery sheet, never in the file."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select, update

from hrdesk.core.audit import audit_log
from hrdesk.core.company import backups
from hrdesk.core.company import setup as company_setup
from hrdesk.core.kernel import audit_chain, audit_key
from hrdesk.core.kernel.errors import KeyUnavailable
from hrdesk.core.kernel.persistence import backup_store, keys
from hrdesk.core.kernel.persistence.engine import sqlcipher_engine
from hrdesk.core.kernel.persistence.tables import AuditRecord, Setting
from hrdesk.core.people.tables import Employee


def rewrite_chain(company, key: bytes | None) -> None:
    """Recompute every hash and link, as someone who opened the file would after an edit."""
    with company.db.session() as s, s.begin():
        prev = audit_chain.GENESIS_HASH
        for r in s.execute(select(AuditRecord).order_by(AuditRecord.seq)).scalars():
            r.prev_hash = prev
            r.hash = audit_chain.record_hash(
                key, prev, r.seq, r.created_at, r.actor_user_id, r.actor_name, r.on_behalf_of, r.action,
                r.entity_type, r.entity_id, r.summary, r.before, r.after,
            )  # fmt: skip
            prev = r.hash


def raise_salary_directly(company) -> None:
    with company.db.session() as s, s.begin():
        s.execute(update(Employee).where(Employee.id == company.emps["刘人事"]).values(base_salary=9_999_900))
        last = s.execute(select(AuditRecord).order_by(AuditRecord.seq.desc()).limit(1)).scalar_one()
        last.summary = "无事发生"


def reopen(company):
    company.db.dispose()
    company.db = company_setup.open_company(company.data_dir)
    return company.db


@pytest.mark.parametrize("attacker_key", [None, b"\x01" * 32], ids=["plain-sha256", "hmac-wrong-key"])
def test_recomputing_the_chain_without_the_audit_key_is_found(company, attacker_key):
    raise_salary_directly(company)
    rewrite_chain(company, attacker_key)
    report = audit_log.verify_chain(company.system)
    assert not report.ok and report.first_break is not None and report.first_break.seq == 1


def test_the_audit_key_is_nowhere_in_the_company_file(company, tmp_path):
    chain_key = company.db.audit_key
    plain = tmp_path / "plain.db"
    with company.db.engine.connect() as conn:  # the whole file decrypted, as the database key allows
        conn.exec_driver_sql(f"ATTACH DATABASE '{plain}' AS plain KEY ''")
        conn.exec_driver_sql("SELECT sqlcipher_export('plain')")
        conn.exec_driver_sql("DETACH DATABASE plain")
    content = plain.read_bytes()
    assert audit_key.fingerprint(chain_key).encode() in content  # only its public name is recorded
    for form in (chain_key, chain_key.upper(), keys.recovery_key_for(chain_key)):
        assert form.encode() not in content
    assert bytes.fromhex(chain_key) not in content
    assert chain_key != company.db.key_hex


def test_the_recovery_sheet_brings_a_lost_audit_key_back(company, memory_keyring):
    database_id = company.data_dir.database_id()
    sheet = keys.recovery_key_for(company.db.audit_key)
    company.db.dispose()
    keys.KeyStore(database_id, "audit").delete()  # another PC, another Windows account
    with pytest.raises(KeyUnavailable, match="审计密钥"):
        company_setup.open_company(company.data_dir)
    db, _ = company_setup.open_with_recovery_key(company.data_dir, company.recovery_key, sheet)
    db.dispose()
    company.db = company_setup.open_company(company.data_dir)  # stored again
    assert audit_log.verify_chain(company.system).ok


def test_a_wrong_audit_key_in_the_environment_is_refused_before_anything_is_written(company, monkeypatch):
    before = _chain_length(company)
    company.db.dispose()
    monkeypatch.setenv(audit_key.ENV_AUDIT_KEY, keys.generate_key())
    with pytest.raises(KeyUnavailable, match="不符"):
        company_setup.open_company(company.data_dir)
    monkeypatch.delenv(audit_key.ENV_AUDIT_KEY)
    reopen(company)
    assert _chain_length(company) == before and audit_log.verify_chain(company.system).ok


def _chain_length(company) -> int:
    with company.db.session() as s:
        return s.execute(select(AuditRecord.seq).order_by(AuditRecord.seq.desc()).limit(1)).scalar() or 0


def make_legacy(company) -> None:
    """The company as a file from before keyed chains: plain SHA-256 and no audit key anywhere."""
    rewrite_chain(company, None)
    with company.db.session() as s, s.begin():
        s.execute(delete(Setting).where(Setting.key == audit_key.FINGERPRINT_SETTING))
    audit_key.forget(company.data_dir.database_id())


def test_a_file_from_before_keyed_chains_is_sealed_once_when_opened(company):
    make_legacy(company)
    length = _chain_length(company)
    reopen(company)
    assert audit_log.verify_chain(company.system).ok
    with company.db.session() as s:
        last = s.execute(select(AuditRecord).order_by(AuditRecord.seq.desc()).limit(1)).scalar_one()
    assert last.action == "audit.keyed" and last.seq == length + 1
    assert '"unkeyed_check":"完整"' in last.after
    key = company.db.audit_key
    reopen(company)
    assert company.db.audit_key == key and _chain_length(company) == length + 1  # once


def test_a_break_found_when_sealing_stays_on_record(company):
    make_legacy(company)
    with company.db.session() as s, s.begin():
        s.execute(update(AuditRecord).where(AuditRecord.seq == 2).values(summary="改过"))
    reopen(company)
    with company.db.session() as s:
        last = s.execute(select(AuditRecord).order_by(AuditRecord.seq.desc()).limit(1)).scalar_one()
    assert last.action == "audit.keyed" and "第 2 条断开" in last.after


def test_a_keyed_chain_rewritten_unkeyed_is_not_sealed_over(company):
    """The downgrade: drop the fingerprint and rewrite the chain with plain SHA-256, hoping the next
    start takes it for an old file and seals it. The key in the store says otherwise."""
    raise_salary_directly(company)
    rewrite_chain(company, None)
    with company.db.session() as s, s.begin():
        s.execute(delete(Setting).where(Setting.key == audit_key.FINGERPRINT_SETTING))
    company.db.dispose()
    with pytest.raises(KeyUnavailable, match="改写"):
        company_setup.open_company(company.data_dir)


def test_a_kill_after_sealing_but_before_the_key_was_promoted_finishes_at_the_next_start(company, memory_keyring):
    make_legacy(company)
    database_id = company.data_dir.database_id()
    company.db.dispose()
    # what the start before the kill did: the pending key stored, the chain sealed and committed
    pending = keys.generate_key()
    keys.KeyStore(database_id, "audit-pending").save(pending)
    engine = sqlcipher_engine(company.data_dir.db_path, company.db.key_hex)
    audit_key.upgrade(engine, pending)
    engine.dispose()
    company.db = company_setup.open_company(company.data_dir)
    assert company.db.audit_key == pending
    assert keys.KeyStore(database_id, "audit").load() == pending
    assert keys.KeyStore(database_id, "audit-pending").load() is None
    assert audit_log.verify_chain(company.system).ok


def test_a_backup_checked_where_the_audit_key_is_missing_says_so(company, tmp_path):
    taken = backups.backup_as_system(company.db).backup
    chain_key = company.db.audit_key
    audit_key.forget(company.data_dir.database_id())
    result = backups.verify_backup(taken.path, company.db.key_hex)
    assert not result.ok and any("审计密钥" in p for p in result.problems)
    assert backups.verify_backup(taken.path, company.db.key_hex, audit_key_hex=chain_key).ok


def test_a_backup_from_before_keyed_chains_restores_and_opens(company):
    make_legacy(company)
    company.db.dispose()
    data_dir = company.data_dir
    taken, _ = backup_store.write_backup(
        data_dir.db_path,
        company.db.key_hex,
        data_dir.backups_dir,
        database_id=data_dir.database_id(),
        kind=backup_store.MANUAL,
        now=backup_store.utc_now(),
        verify_chain=audit_key.file_checker(None),
    )
    company.db = company_setup.open_company(data_dir)  # a later start seals the live file
    key = company.db.audit_key
    company.db.dispose()
    backups.restore_backup(data_dir, taken.path)
    company.db = company_setup.open_company(data_dir)
    assert company.db.audit_key == key
    assert audit_log.verify_chain(company.system).ok

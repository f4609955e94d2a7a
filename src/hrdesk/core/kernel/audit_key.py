"""The audit chain's own key: an HMAC key kept apart from the database key.

Why a second key: with plain SHA-256, whoever can open the company file (the database key, the
recovery key) can edit a salary and an audit record and recompute every later hash, and the chain
still verifies. So each record's hash is an HMAC-SHA256 under a second 256-bit key (kernel.audit_chain).
That key lives in the credential store under its own name ("audit-<database id>") or in
HRDESK_AUDIT_KEY, and on the recovery sheet — never in the database. The database holds only the
key's fingerprint (setting ``audit.key_id``), so a wrong key is told apart from a rewritten chain.

A company file from before keyed chains is upgraded once, when opened: its chain is verified as it
was (plain SHA-256), re-sealed under a new key, and a record says so, with the result of that last
unkeyed check, so a break found then stays on record instead of being sealed over. The new key is
stored as "pending" first and promoted after the commit: a kill in between is finished at the next
start instead of losing the key.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

import keyring.errors
from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from hrdesk.core.kernel import audit_chain
from hrdesk.core.kernel.clock import SystemClock
from hrdesk.core.kernel.errors import KeyUnavailable, StorageError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Actor
from hrdesk.core.kernel.persistence import keys
from hrdesk.core.kernel.persistence.database import AUDIT_KEY_INFO
from hrdesk.core.kernel.persistence.engine import begin_immediate
from hrdesk.core.kernel.persistence.tables import AuditRecord, Setting

ENV_AUDIT_KEY = "HRDESK_AUDIT_KEY"
FINGERPRINT_SETTING = "audit.key_id"
_PURPOSE, _PENDING = "audit", "audit-pending"
_UPGRADE_BATCH = 20000


def fingerprint(key_hex: str) -> str:
    """A public name of the key (16 hex digits): says which key, reveals nothing of it."""
    return hashlib.sha256(b"hrdesk-audit-key-id:" + bytes.fromhex(key_hex)).hexdigest()[:16]


def session_info(key_hex: str) -> dict:
    """What a session needs to append to the chain (CompanyDatabase passes it to every session)."""
    return {AUDIT_KEY_INFO: bytes.fromhex(key_hex)}


def stored_fingerprint(session: Session) -> str | None:
    value = session.get(Setting, FINGERPRINT_SETTING)
    return json.loads(value.value) if value is not None else None


def _store_fingerprint(session: Session, key_hex: str) -> None:
    now = SystemClock().now()
    row = session.get(Setting, FINGERPRINT_SETTING)
    if row is None:
        session.add(Setting(key=FINGERPRINT_SETTING, value=json.dumps(fingerprint(key_hex)), updated_at=now))
    else:
        row.value, row.updated_at = json.dumps(fingerprint(key_hex)), now


def missing_message() -> str:
    return tr(
        "本机凭据存储中没有这家公司的审计密钥（操作日志的签名密钥）。请在“用恢复单打开”中输入恢复单上的审计密钥，"
        "或设置环境变量 {0}。"
    ).format(ENV_AUDIT_KEY)


def _mismatch_message() -> str:
    return tr(
        "审计密钥与这家公司操作日志记录的密钥编号不符：可能是环境变量 {0} 或输入的审计密钥有误，"
        "也可能操作日志被人用其他密钥重新签名过。公司数据未被改动；请核对审计密钥，或从备份恢复。"
    ).format(ENV_AUDIT_KEY)


def create(database_id: str) -> str:
    """A new company's audit key, stored (or taken from HRDESK_AUDIT_KEY) before anything is written;
    KeyUnavailable when it can be kept nowhere."""
    env = keys.key_from_environment(ENV_AUDIT_KEY)
    if env is not None:
        return env
    key = keys.generate_key()
    _save(keys.KeyStore(database_id, _PURPOSE), key)
    return key


def _save(store: keys.KeyStore, key: str) -> None:
    try:
        store.save(key)
    except KeyUnavailable:
        raise KeyUnavailable(
            tr(
                "本机没有可用的系统凭据存储，无法保存审计密钥（操作日志的签名密钥）。"
                "请设置环境变量 {0}（64位十六进制密钥，与数据库密钥不同），妥善保管。"
            ).format(ENV_AUDIT_KEY)
        ) from None


def seal_new(session: Session, key_hex: str) -> None:
    """Record the key's fingerprint in a new company file (inside its first transaction)."""
    _store_fingerprint(session, key_hex)


def forget(database_id: str) -> None:
    """Remove the stored key (a setup that failed, a demo that is thrown away)."""
    for purpose in (_PURPOSE, _PENDING):
        try:
            keys.KeyStore(database_id, purpose).delete()
        except keyring.errors.KeyringError:
            pass  # no credential store: nothing was stored


def _load(store: keys.KeyStore) -> str | None:
    try:
        return store.load()
    except StorageError:  # no store at all, or a damaged entry: as if nothing were stored
        return None


def known_key(database_id: str) -> str | None:
    """The company's audit key where this machine has it (HRDESK_AUDIT_KEY, the store), else None:
    for checking copies of the file, which must never fail only because a store is missing."""
    try:
        env = keys.key_from_environment(ENV_AUDIT_KEY)
    except StorageError:
        env = None
    return env or _load(keys.KeyStore(database_id, _PURPOSE)) or _load(keys.KeyStore(database_id, _PENDING))


def open_key(engine: Engine, database_id: str, given: str | None = None) -> str:
    """The audit key of an opened company file, checked against its fingerprint.

    ``given`` is a key typed from the recovery sheet (kept in the credential store once it fits);
    otherwise HRDESK_AUDIT_KEY or the credential store. A file from before keyed chains is upgraded
    here (see the module docstring). KeyUnavailable says what is missing or does not fit.
    """
    store, pending_store = keys.KeyStore(database_id, _PURPOSE), keys.KeyStore(database_id, _PENDING)
    env = keys.key_from_environment(ENV_AUDIT_KEY)
    stored, pending = _load(store), _load(pending_store)
    with Session(engine) as session:
        recorded = stored_fingerprint(session)
    if recorded is None:
        if given is None and env is None and stored is not None and pending is None:
            # The file's chain is unkeyed although this company has a key: an old copy put back by
            # hand, or a chain rewritten without the key. Sealing it now would hide that.
            raise KeyUnavailable(
                tr(
                    "这家公司的操作日志应有审计密钥签名，但公司数据文件中的操作日志没有：文件可能被替换成了旧副本，"
                    "或操作日志被人改写过。公司数据未被改动；请用“备份与恢复”恢复备份。"
                )
            )
        key = given or env or pending
        if key is None:
            key = keys.generate_key()
            _save(pending_store, key)  # KeyUnavailable where there is no store at all: set HRDESK_AUDIT_KEY
            pending = key
        upgrade(engine, key)
    else:
        # A key typed or set for automation must fit: silently using another would hide the mistake.
        candidates = [k for k in (given or env,) if k is not None] or [k for k in (stored, pending) if k is not None]
        if not candidates:
            raise KeyUnavailable(missing_message())
        fitting = [k for k in candidates if fingerprint(k) == recorded]
        if not fitting:
            raise KeyUnavailable(_mismatch_message())
        key = fitting[0]
    if key not in (env, stored):
        try:
            store.save(key)  # typed from the sheet, or a pending key promoted after its upgrade
        except KeyUnavailable:
            return key  # no credential store here: the key stays where it came from
        if key == pending:
            pending_store.delete()
    return key


def upgrade(engine: Engine, key_hex: str) -> None:
    """Re-seal an unkeyed chain under ``key_hex`` in one transaction, recording the last unkeyed
    check's result in the chain itself."""
    key = bytes.fromhex(key_hex)
    with Session(engine, info=session_info(key_hex)) as session, session.begin():
        begin_immediate(session)
        legacy = audit_chain.verify_rows(audit_chain.iter_chain_rows(session), None)
        resealed = _reseal(session, key)
        _store_fingerprint(session, key_hex)
        legacy_result = (
            tr("完整")
            if legacy.first_break is None
            else tr("第 {0} 条断开：{1}").format(legacy.first_break.seq, legacy.first_break.reason)
        )
        audit_chain.append(
            session,
            Actor.system(tr("审计链升级")),
            SystemClock().now(),
            "audit.keyed",
            "audit",
            None,
            tr("操作日志改用审计密钥签名（{0} 条记录重新签名；升级前校验：{1}）").format(resealed, legacy_result),
            None,
            {"key_id": fingerprint(key_hex), "records": resealed, "unkeyed_check": legacy_result},
        )


def _reseal(session: Session, key: bytes) -> int:
    """New keyed hashes and links for every record, in seq order, in batches (ORM bulk UPDATE by
    primary key)."""
    prev, last_seq, count = audit_chain.GENESIS_HASH, 0, 0
    while True:
        rows = session.execute(
            select(AuditRecord.id, *audit_chain.CHAIN_COLUMNS)
            .where(AuditRecord.seq > last_seq)
            .order_by(AuditRecord.seq)
            .limit(_UPGRADE_BATCH)
        ).all()
        if not rows:
            return count
        changes = []
        for row_id, seq, created_at, user_id, name, behalf, action, etype, eid, summary, before, after, *_ in rows:
            digest = audit_chain.record_hash(
                key, prev, seq, created_at, user_id, name, behalf, action, etype, eid, summary, before, after
            )
            changes.append({"id": row_id, "prev_hash": prev, "hash": digest})
            prev, last_seq = digest, seq
        session.execute(update(AuditRecord), changes)
        count += len(changes)


def file_checker(key_hex: str | None) -> Callable[[Session], str | None]:
    """A chain check for a copy of the company file (backups, restores, ``hrdesk check``): keyed
    with ``key_hex`` when the file records that key, unkeyed for a file from before keyed chains."""

    def check(session: Session) -> str | None:
        recorded = stored_fingerprint(session)
        if recorded is None:
            return audit_chain.chain_problem(session, None)
        if key_hex is None:
            return tr("缺少审计密钥，无法校验操作日志哈希链")
        if fingerprint(key_hex) != recorded:
            return tr("审计密钥与文件记录的密钥编号不符，无法校验操作日志哈希链")
        return audit_chain.chain_problem(session, bytes.fromhex(key_hex))

    return check

"""Creating a company file with its first administrator, and opening it with the stored key or the
recovery key.

Setup validates everything before touching the disk, and removes what it created if any later step
fails, so a failed setup leaves the data folder as it found it.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from hrdesk.core.accounts.passwords import hash_password, password_problems
from hrdesk.core.accounts.tables import User, UserRole
from hrdesk.core.accounts.users import USERNAME_PATTERN
from hrdesk.core.company.details import validate_company
from hrdesk.core.kernel import audit_chain, audit_key
from hrdesk.core.kernel.clock import SystemClock
from hrdesk.core.kernel.errors import KeyUnavailable, NotInitialized, StorageError, ValidationError
from hrdesk.core.kernel.exports import workfolder
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Actor, Role
from hrdesk.core.kernel.persistence import backup_store, keys, snapshots
from hrdesk.core.kernel.persistence.company_file import create_new, open_existing
from hrdesk.core.kernel.persistence.database import CompanyDatabase
from hrdesk.core.kernel.persistence.datadir import DataDir
from hrdesk.core.kernel.persistence.tables import Company, Setting


@dataclass(frozen=True)
class SetupResult:
    db: CompanyDatabase
    recovery_key: str
    key_in_keyring: bool  # False when HRDESK_DB_KEY supplied the key
    audit_recovery_key: str  # the audit chain's key, for the recovery sheet (kernel.audit_key)


def setup_company(
    data_dir: DataDir,
    *,
    company_name: str,
    admin_username: str,
    admin_display_name: str,
    admin_password: str,
    credit_code: str | None = None,
    clock=None,
) -> SetupResult:
    """Create the encrypted company file with its first administrator, and keep the key safe."""
    clock = clock or SystemClock()
    username = validate_first_administrator(
        company_name, credit_code, admin_username, admin_display_name, admin_password
    )
    if data_dir.is_initialized():
        raise StorageError(tr("{0} 已有公司数据，不会覆盖。").format(data_dir.root))
    data_dir.ensure_writable()

    database_id = str(uuid.uuid4())
    key = keys.key_from_environment()
    store = keys.KeyStore(database_id)
    key_in_keyring = key is None
    if key is None:
        key = keys.generate_key()
        store.save(key)  # raises KeyUnavailable before anything is written
    try:
        chain_key = audit_key.create(database_id)
        data_dir.write_meta(database_id)
        engine = create_new(data_dir, key)
    except BaseException:
        if key_in_keyring:
            store.delete()
        audit_key.forget(database_id)
        data_dir.meta_path.unlink(missing_ok=True)
        raise
    db = CompanyDatabase(engine, data_dir, key, audit_key=chain_key)
    now = clock.now()
    try:
        with db.session() as session, session.begin():
            write_first_rows(
                session, company_name, credit_code, username, admin_display_name, admin_password, chain_key, now
            )
            record_identity(session, database_id, now)
    except BaseException:
        db.dispose()
        for suffix in ("", "-wal", "-shm"):
            (data_dir.root / (data_dir.db_path.name + suffix)).unlink(missing_ok=True)
        data_dir.meta_path.unlink(missing_ok=True)
        if key_in_keyring:
            store.delete()
        audit_key.forget(database_id)
        raise
    workfolder.use_data_folder(data_dir.root)
    return SetupResult(db, keys.recovery_key_for(key), key_in_keyring, keys.recovery_key_for(chain_key))


def validate_first_administrator(
    company_name: str, credit_code: str | None, admin_username: str, admin_display_name: str, admin_password: str
) -> str:
    """The administrator's user name, normalised; a ValidationError naming every field that is wrong."""
    username = (admin_username or "").strip().lower()
    errors = validate_company(company_name, credit_code)
    if not USERNAME_PATTERN.match(username):
        errors["admin_username"] = tr("用户名为2到40位小写字母、数字、点、下划线或短横线，以字母或数字开头")
    if not (admin_display_name or "").strip():
        errors["admin_display_name"] = tr("请填写管理员姓名")
    problem = password_problems(admin_password, username)
    if problem:
        errors["admin_password"] = problem
    if errors:
        raise ValidationError(errors)
    return username


def write_first_rows(
    session,
    company_name: str,
    credit_code: str | None,
    username: str,
    admin_display_name: str,
    admin_password: str,
    chain_key: str,
    now,
) -> None:
    """A new company's first rows, in the caller's transaction: the company, the audit key's
    fingerprint, the first administrator, and their records, the first of the chain. The same for
    a company file and for a company on a database server."""
    session.add(
        Company(
            id=1, name=company_name.strip(), credit_code=(credit_code or "").strip().upper() or None, created_at=now
        )
    )
    audit_key.seal_new(session, chain_key)
    admin = User(
        username=username,
        display_name=admin_display_name.strip(),
        password_hash=hash_password(admin_password),
        active=True,
        failed_logins=0,
        must_change_password=False,
        created_at=now,
        roles=[UserRole(role=Role.ADMIN.value)],
    )
    session.add(admin)
    session.flush()
    system = Actor.system(tr("初始化"))
    audit_chain.append(
        session,
        system,
        now,
        "company.create",
        "company",
        1,
        tr("创建公司“{0}”").format(company_name.strip()),
        None,
        {"name": company_name.strip()},
    )
    audit_chain.append(
        session,
        system,
        now,
        "user.create",
        "user",
        admin.id,
        tr("创建管理员账号 {0}").format(username),
        None,
        {"username": username, "roles": [Role.ADMIN.value]},
    )


def open_company(data_dir: DataDir) -> CompanyDatabase:
    """Open with HRDESK_DB_KEY or the key in the credential store (migrating after a backup)."""
    if not data_dir.is_initialized():
        raise NotInitialized(tr("数据文件夹 {0} 中还没有公司数据。").format(data_dir.root))
    database_id = data_dir.database_id()
    key = keys.resolve_key(database_id)
    db = _opened(data_dir, open_existing(data_dir, key), key, database_id)
    _ensure_identity(db, database_id)
    workfolder.use_data_folder(data_dir.root)  # export temporaries go there; a killed run's are removed
    return db


IDENTITY_SETTING = "company.database_id"


def record_identity(session, database_id: str, now) -> None:
    """The file keeps its own identifier, so losing hrdesk.json loses nothing: the keys in the
    credential store are found again under it."""
    row = session.get(Setting, IDENTITY_SETTING)
    if row is None:
        session.add(Setting(key=IDENTITY_SETTING, value=json.dumps(database_id), updated_at=now))


def _ensure_identity(db: CompanyDatabase, database_id: str) -> None:
    """A file from before it kept its identifier gets it (once, quietly: it is not a business fact)."""
    with db.session() as session, session.begin():
        record_identity(session, database_id, SystemClock().now())


def _identity_in_file(engine) -> str | None:
    with Session(engine) as session:
        row = session.get(Setting, IDENTITY_SETTING)
        return json.loads(row.value) if row is not None else None


def _opened(data_dir: DataDir, engine, key: str, database_id: str, audit_recovery_key: str | None = None):
    """The database of an opened file, with its audit key (the engine is closed when that fails)."""
    try:
        chain_key = audit_key.open_key(engine, database_id, audit_recovery_key)
    except BaseException:
        engine.dispose()
        raise
    return CompanyDatabase(engine, data_dir, key, audit_key=chain_key)


def parse_audit_recovery_key(text: str | None) -> str | None:
    """The audit key typed from the recovery sheet (None when left empty)."""
    if not (text or "").strip():
        return None
    try:
        return keys.key_from_recovery(text or "")
    except ValueError as exc:
        raise ValidationError({"audit_key": str(exc)}, tr("审计密钥：{0}").format(exc)) from None


def open_with_recovery_key(
    data_dir: DataDir, recovery_key: str, audit_recovery_key: str | None = None
) -> tuple[CompanyDatabase, bool]:
    """Open with the recovery key and put the key back into the credential store.

    The recovery key alone is enough, even when hrdesk.json (which names the key in the credential
    store) is lost: the identifier is recovered from a backup manifest made with this key, or a new
    one is written. Returns the database and whether the key could be stored (False where no store
    exists; the caller should then tell the user about HRDESK_DB_KEY). ``audit_recovery_key``, the
    sheet's second key, is needed where the credential store lost the audit key too.
    """
    try:
        key = keys.key_from_recovery(recovery_key)
    except ValueError as exc:
        raise ValidationError({"recovery_key": str(exc)}, str(exc)) from None
    chain_key = parse_audit_recovery_key(audit_recovery_key)
    if not data_dir.is_initialized():
        raise NotInitialized(tr("数据文件夹 {0} 中还没有公司数据。").format(data_dir.root))
    engine = open_existing(data_dir, key) if data_dir.meta_path.exists() else _open_without_meta(data_dir, key)
    db = _opened(data_dir, engine, key, data_dir.database_id(), chain_key)
    _ensure_identity(db, data_dir.database_id())
    try:
        keys.KeyStore(data_dir.database_id()).save(key)
        stored = True
    except KeyUnavailable:
        stored = False
    workfolder.use_data_folder(data_dir.root)
    return db, stored


def _open_without_meta(data_dir: DataDir, key: str):
    """hrdesk.json is gone: prove the key opens the file (nothing is written before), then write
    hrdesk.json again with the identifier the file itself keeps, or the one its backups recorded
    (files from before it kept one), or a new one."""
    engine = open_existing(data_dir, key, migrate=False)
    try:
        own = _identity_in_file(engine)
    finally:
        engine.dispose()
    wanted = snapshots.key_id(key)
    recorded = [own] if own else []
    recorded += [
        b.manifest.database_id
        for b in backup_store.list_backups(data_dir.backups_dir)
        if b.manifest is not None and b.manifest.key_id == wanted and b.manifest.database_id
    ]
    data_dir.write_meta(recorded[0] if recorded else str(uuid.uuid4()))
    return open_existing(data_dir, key)

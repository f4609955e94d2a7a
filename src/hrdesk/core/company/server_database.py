"""A company on a PostgreSQL server (issue 13, the shared company): the same schema from the same
Alembic history, the same first rows and the same services as a company file.

There is no company file and no data folder: the database server keeps the rows, and its own
backups are its business. The audit key comes from the server's environment (HRDESK_AUDIT_KEY),
never from the database, as for a company file it never lives in the file.
"""

from __future__ import annotations

import uuid

from alembic import command
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from hrdesk.core.company import setup
from hrdesk.core.kernel import audit_key
from hrdesk.core.kernel.clock import SystemClock
from hrdesk.core.kernel.errors import KeyUnavailable, StorageError, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.persistence import keys
from hrdesk.core.kernel.persistence.company_file import alembic_config, head_revision, known_revisions
from hrdesk.core.kernel.persistence.database import CompanyDatabase


def server_engine(url: str) -> Engine:
    """An engine for a PostgreSQL URL (``postgresql://…`` or ``postgresql+psycopg://…``)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ValidationError({"database": tr("数据库地址格式不正确：{0}").format(url)}) from None
    if parsed.get_backend_name() != "postgresql":
        raise ValidationError({"database": tr("服务器模式只支持 PostgreSQL（postgresql://…）")})
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return create_engine(parsed, pool_pre_ping=True)


def _server_audit_key() -> str:
    key = keys.key_from_environment(audit_key.ENV_AUDIT_KEY)
    if key is None:
        raise KeyUnavailable(
            tr(
                "服务器模式需要审计密钥：请在服务器的环境变量 {0} 中设置（64位十六进制，与其他密钥不同），并妥善保管。"
            ).format(audit_key.ENV_AUDIT_KEY)
        )
    return key


def init_server(
    url: str,
    *,
    company_name: str,
    admin_username: str,
    admin_display_name: str,
    admin_password: str,
    credit_code: str | None = None,
    clock=None,
) -> CompanyDatabase:
    """Create the schema in an empty database and the company with its first administrator; a
    database that already holds tables is refused and left as it was."""
    username = setup.validate_first_administrator(
        company_name, credit_code, admin_username, admin_display_name, admin_password
    )
    chain_key = _server_audit_key()
    engine = server_engine(url)
    try:
        with engine.begin() as conn:
            if inspect(conn).get_table_names():
                raise StorageError(tr("数据库中已有数据表，不会覆盖。请使用一个空的数据库。"))
            command.upgrade(alembic_config(conn), "head")
        db = CompanyDatabase(engine, None, None, audit_key=chain_key)
        now = (clock or SystemClock()).now()
        with db.session() as session, session.begin():
            setup.write_first_rows(
                session, company_name, credit_code, username, admin_display_name, admin_password, chain_key, now
            )
            setup.record_identity(session, str(uuid.uuid4()), now)
    except DBAPIError as exc:
        engine.dispose()
        raise StorageError(tr("无法在数据库服务器上创建公司：{0}").format(exc.orig)) from None
    except BaseException:
        engine.dispose()
        raise
    return db


def open_server(url: str) -> CompanyDatabase:
    """The company on the server, at this program's schema revision, with its audit key checked."""
    engine = server_engine(url)
    try:
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
        if current is None:
            raise StorageError(tr("数据库中还没有公司数据，请先运行 hrdesk server init。"))
        if current != head_revision():
            if current not in known_revisions():
                raise StorageError(tr("数据库由更新版本的 HRDesk 创建，请升级程序。"))
            raise StorageError(tr("数据库需要升级到当前版本（{0} → {1}）。").format(current, head_revision()))
        chain_key = audit_key.open_key(engine, "", _server_audit_key())
    except DBAPIError as exc:
        engine.dispose()
        raise StorageError(tr("无法连接数据库服务器：{0}").format(exc.orig)) from None
    except BaseException:
        engine.dispose()
        raise
    return CompanyDatabase(engine, None, None, audit_key=chain_key)

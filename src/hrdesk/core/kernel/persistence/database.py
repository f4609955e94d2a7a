"""An open company database: the engine, a session factory and the change bus, one per process."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from hrdesk.core.kernel.events import ChangeBus
from hrdesk.core.kernel.persistence.datadir import DataDir

AUDIT_KEY_INFO = "audit_key"  # the session.info entry that carries the audit key (kernel.audit_chain)


class CompanyDatabase:
    def __init__(
        self,
        engine: Engine,
        data_dir: DataDir | None = None,
        key_hex: str | None = None,
        *,
        audit_key: str,
    ):
        self.engine = engine
        self.data_dir = data_dir
        # The file's key, for consistent backups of the open company (the engine holds it anyway);
        # None for a server database, whose backups are the database server's business.
        self.key_hex = key_hex
        # expire_on_commit=False: services return plain data built inside the transaction anyway,
        # and nothing should lazy-load after commit.
        # The audit key rides on every session, so appending to the chain needs no extra argument
        # (kernel.audit_key: it is kept apart from the database key).
        self.audit_key = audit_key
        self._sessions = sessionmaker(
            bind=engine, expire_on_commit=False, info={AUDIT_KEY_INFO: bytes.fromhex(audit_key)}
        )
        self.bus = ChangeBus()

    def session(self) -> Session:
        return self._sessions()

    def dispose(self) -> None:
        self.engine.dispose()

"""Engines: SQLCipher for the embedded company file, any SQLAlchemy URL for a server database.

The SQLCipher key is passed as the URL password in the raw-key form ``x'<64 hex>'``; SQLAlchemy's
pysqlcipher dialect quotes it into ``PRAGMA key = "x'…'"``, which skips PBKDF2 (≈130 ms) on every
connection.

The dialect's default pool (SingletonThreadPool: one connection per thread) does not fit a GUI with
a thread pool: worker threads come and go, and once five connections exist the pool closes an
arbitrary one, possibly the GUI thread's, which then fails with "Cannot operate on a closed
database". A QueuePool hands each checkout its own connection, used by one thread at a time
(hence check_same_thread=False), and WAL lets readers and the one writer proceed together.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine
from sqlalchemy.pool import QueuePool

from hrdesk.core.kernel.persistence.keys import parse_hex_key

BUSY_TIMEOUT_MS = 5000


def sqlcipher_engine(path: Path, key_hex: str, *, busy_timeout_ms: int | None = None) -> Engine:
    """``busy_timeout_ms``: how long a write waits for another process's lock before giving up
    (default BUSY_TIMEOUT_MS, read at call time so tests can shorten it)."""
    if busy_timeout_ms is None:
        busy_timeout_ms = BUSY_TIMEOUT_MS
    url = URL.create("sqlite+pysqlcipher", password=f"x'{parse_hex_key(key_hex)}'", database=str(path))
    engine = create_engine(
        url, poolclass=QueuePool, pool_size=5, max_overflow=10, connect_args={"check_same_thread": False}
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        # The dialect has already sent the key. SQLCipher would otherwise print "hmac check failed"
        # to stderr for a wrong key; we report that ourselves.
        cursor.execute("PRAGMA cipher_log_level = NONE")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    return engine


def begin_immediate(session) -> None:
    """Start the session's transaction as a writer at once (SQLite ``BEGIN IMMEDIATE``).

    SQLite starts transactions deferred: one that reads first and writes later fails at once with
    SQLITE_BUSY, whatever the busy timeout, when another connection wrote in between. A transaction
    that must write (counting a sign-in try, appending to the audit chain) takes the write lock
    first instead, and so waits its turn. Call it before the transaction's first statement; other
    databases need nothing (their row locks do this).
    """
    if session.get_bind().dialect.name == "sqlite":
        session.connection().exec_driver_sql("BEGIN IMMEDIATE")

"""The one declarative base every area's tables are declared on, so that they share one
metadata and one migration history.

Plain SQLAlchemy types only (no SQLite-specific constructs), so the same tables run on PostgreSQL.
Enumerated values are stored as their short codes (String), not database enums. Every schema
change needs an Alembic migration (kernel/persistence/migrations).
"""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass

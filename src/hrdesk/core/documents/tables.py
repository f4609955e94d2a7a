"""The register of documents the company has issued.

Plain SQLAlchemy types only (no SQLite-specific constructs), so the same tables run on PostgreSQL.
Enumerated values are stored as their short codes (String), not database enums. Every schema
change needs an Alembic migration (kernel/persistence/migrations).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from hrdesk.core.kernel.persistence.base import Base


class IssuedDocument(Base):
    """A numbered PDF the company issued (离职证明, 在职证明, 离职结算单): what it said, so it can be
    reissued byte for byte, and its SHA-256, so a copy can be verified."""

    __tablename__ = "issued_documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(30), unique=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    content: Mapped[str] = mapped_column(Text)  # JSON of the fields rendered
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    issued_at: Mapped[datetime] = mapped_column(DateTime)
    issued_by: Mapped[str] = mapped_column(String(80))
    # The audit trail's head when it was issued (length, last hash): each register entry anchors
    # the trail, so cutting its tail means rewriting every later entry too (audit.checkpoints).
    chain_length: Mapped[int | None] = mapped_column(Integer)
    chain_head: Mapped[str | None] = mapped_column(String(64))

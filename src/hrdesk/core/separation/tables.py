"""The settlement of a separation, as drafted and as frozen when finance approves.

Plain SQLAlchemy types only (no SQLite-specific constructs), so the same tables run on PostgreSQL.
Enumerated values are stored as their short codes (String), not database enums. Every schema
change needs an Alembic migration (kernel/persistence/migrations).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from hrdesk.core.kernel.persistence.base import Base
from hrdesk.core.kernel.persistence.types import Money


class Settlement(Base):
    """离职结算 of one separation: what HR and finance entered (working years, leave taken, options,
    confirmed deductions) and, once finance approves its flow step, the statement frozen as issued."""

    __tablename__ = "settlements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    separation_id: Mapped[int] = mapped_column(ForeignKey("separations.id"), unique=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    params: Mapped[str] = mapped_column(Text)  # JSON, see services.settlement_statement.SettlementParams
    status: Mapped[str] = mapped_column(String(20))  # draft, approved
    statement: Mapped[str | None] = mapped_column(Text)  # JSON of the approved statement
    net_amount: Mapped[Decimal | None] = mapped_column(Money)
    payroll_month: Mapped[date | None] = mapped_column(Date)  # where its items were posted
    approved_at: Mapped[datetime | None] = mapped_column(DateTime)
    approved_by: Mapped[str | None] = mapped_column(String(80))
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}

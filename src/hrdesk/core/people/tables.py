"""The register's tables: employees and the values of company-defined fields.

Plain SQLAlchemy types only (no SQLite-specific constructs), so the same tables run on PostgreSQL.
Enumerated values are stored as their short codes (String), not database enums. Every schema
change needs an Alembic migration (kernel/persistence/migrations).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hrdesk.core.kernel.persistence.base import Base
from hrdesk.core.kernel.persistence.types import Money


class Employee(Base):
    __tablename__ = "employees"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    emp_no: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(40), index=True)
    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    gender: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[date] = mapped_column(Date)
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(120))
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    project_department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"), index=True)
    position_id: Mapped[int | None] = mapped_column(ForeignKey("positions.id"))
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"), index=True)
    hire_date: Mapped[date] = mapped_column(Date)
    probation_end_date: Mapped[date | None] = mapped_column(Date)
    contract_type: Mapped[str | None] = mapped_column(String(20))
    contract_start: Mapped[date | None] = mapped_column(Date)
    contract_end: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), index=True)
    last_working_day: Mapped[date | None] = mapped_column(Date)
    social_security_city: Mapped[str | None] = mapped_column(String(30))
    base_salary: Mapped[Decimal] = mapped_column(Money)
    # 社保基数 / 公积金基数 as declared (empty: the base salary); clamped to the city's floor and cap
    # when payroll is calculated, not here, because the limits change every year.
    insurance_base: Mapped[Decimal | None] = mapped_column(Money)
    housing_fund_base: Mapped[Decimal | None] = mapped_column(Money)
    bank_account: Mapped[str | None] = mapped_column(String(19))
    bank_name: Mapped[str | None] = mapped_column(String(60))
    confirmation_date: Mapped[date | None] = mapped_column(Date)  # 转正日期, set by the 转正 flow
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # Optimistic locking: an edit based on an old copy fails instead of overwriting someone else's.
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}

    custom_values: Mapped[list[CustomFieldValue]] = relationship(
        back_populates="employee", cascade="all, delete-orphan"
    )


class CustomFieldDefinition(Base):
    __tablename__ = "custom_field_defs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    label: Mapped[str] = mapped_column(String(30), unique=True)
    field_type: Mapped[str] = mapped_column(String(10))
    choices: Mapped[str | None] = mapped_column(Text)  # newline-separated, for choice fields
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class CustomFieldValue(Base):
    __tablename__ = "custom_field_values"

    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), primary_key=True)
    field_id: Mapped[int] = mapped_column(ForeignKey("custom_field_defs.id"), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))

    employee: Mapped[Employee] = relationship(back_populates="custom_values")

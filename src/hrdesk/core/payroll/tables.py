"""Payroll's tables: policy versions, pay item types, allowances, one-off entries,
declarations, tax-year profiles, the wage history before HRDesk, runs and their results.

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
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql.expression import false

from hrdesk.core.kernel.persistence.base import Base
from hrdesk.core.kernel.persistence.types import Money


class PolicyVersion(Base):
    """One version of a payroll policy table (tax table, a city's contribution rules, a local
    average wage …), in force from ``effective_from`` until the next version of the same kind/key."""

    __tablename__ = "policy_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    key: Mapped[str] = mapped_column(String(30), default="")  # the city for per-city tables
    effective_from: Mapped[date] = mapped_column(Date)
    data: Mapped[str] = mapped_column(Text)  # JSON, see services.payroll_policies
    source: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(80))

    __table_args__ = (UniqueConstraint("kind", "key", "effective_from", name="uq_policy_versions_kind_key_from"),)


class PayItemType(Base):
    """A kind of payroll item (岗位津贴, 绩效奖金, 借款归还 …); the category decides its tax treatment."""

    __tablename__ = "pay_item_types"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)
    category: Mapped[str] = mapped_column(String(30))
    taxable: Mapped[bool] = mapped_column(Boolean, default=True)
    prorate: Mapped[bool] = mapped_column(Boolean, default=False)
    recurring: Mapped[bool] = mapped_column(Boolean, default=False)  # offered as a fixed monthly allowance
    # 加班工资: left out of the wage for annual-leave pay (带薪年休假实施办法 art. 11)
    overtime: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class EmployeeAllowance(Base):
    """A fixed monthly amount for one employee from one month until an optional last month."""

    __tablename__ = "employee_allowances"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    item_type_id: Mapped[int] = mapped_column(ForeignKey("pay_item_types.id"))
    amount: Mapped[Decimal] = mapped_column(Money)
    from_month: Mapped[date] = mapped_column(Date)
    to_month: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class PayrollEntry(Base):
    """A one-off amount for one employee in one month (bonus, deduction, reimbursement, a settlement
    item or an adjustment of a locked month). Locked entries came from a settlement and only change
    with it."""

    __tablename__ = "payroll_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[date] = mapped_column(Date, index=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    item_type_id: Mapped[int] = mapped_column(ForeignKey("pay_item_types.id"))
    amount: Mapped[Decimal] = mapped_column(Money)
    note: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(20))  # manual, import, settlement, adjustment
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class SpecialDeduction(Base):
    """Monthly 专项附加扣除 an employee declared, in force from ``month`` until the next declaration
    in the same tax year."""

    __tablename__ = "special_deductions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    month: Mapped[date] = mapped_column(Date)
    child_education: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    infant_care: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    elderly_support: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    continuing_education: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    housing_loan: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    housing_rent: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    serious_illness: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))  # annual reconciliation only
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (UniqueConstraint("employee_id", "month", name="uq_special_deductions_employee_month"),)


class TaxYearProfile(Base):
    """An employee's tax options for a year and, for a company that starts mid-year, the
    year-to-date figures before its first HRDesk month."""

    __tablename__ = "tax_year_profiles"

    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    low_income: Mapped[bool] = mapped_column(Boolean, default=False)
    bonus_separately: Mapped[bool] = mapped_column(Boolean, default=True)
    basic_from_january: Mapped[bool] = mapped_column(Boolean, default=False)
    opening_months: Mapped[int] = mapped_column(Integer, default=0)
    opening_income: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    opening_tax_free: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    opening_special: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    opening_additional: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    opening_other: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    opening_tax: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class WageHistory(Base):
    """One month's pay from before the company used HRDesk (or from another system), as HR entered
    or imported it: the 应发 of the month and the overtime part of it. The settlement's 前十二个月
    平均工资 (实施条例 art. 27) and annual-leave pay without overtime (带薪年休假实施办法 art. 11)
    read it for the months HRDesk did not calculate; a month HRDesk calculated is never taken from
    here."""

    __tablename__ = "wage_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    month: Mapped[date] = mapped_column(Date)
    gross: Mapped[Decimal] = mapped_column(Money)  # 应发工资 of the month, severance excluded
    overtime: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))  # 其中加班工资
    note: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(20))  # manual, import
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (UniqueConstraint("employee_id", "month", name="uq_wage_history_employee_month"),)


class PayrollRun(Base):
    """One month's payroll: 草稿 → 已计算 → 已审核 → 已发放 (locked)."""

    __tablename__ = "payroll_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[date] = mapped_column(Date, unique=True)
    status: Mapped[str] = mapped_column(String(20))
    input_hash: Mapped[str | None] = mapped_column(String(64))  # what the results were computed from
    employee_count: Mapped[int] = mapped_column(Integer, default=0)
    total_gross: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    total_net: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    total_tax: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    total_employer_cost: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    calculated_at: Mapped[datetime | None] = mapped_column(DateTime)
    calculated_by: Mapped[str | None] = mapped_column(String(80))
    approved_at: Mapped[datetime | None] = mapped_column(DateTime)
    approved_by: Mapped[str | None] = mapped_column(String(80))
    paid_at: Mapped[datetime | None] = mapped_column(DateTime)
    paid_by: Mapped[str | None] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}


class PayrollResult(Base):
    """One employee's payslip in a run: the figures queried often as columns, the full payslip
    with its explanations as JSON (see domain.payroll.codec)."""

    __tablename__ = "payroll_results"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("payroll_runs.id"), index=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    department_id: Mapped[int | None] = mapped_column(Integer)
    project_department_id: Mapped[int | None] = mapped_column(Integer)
    gross_pay: Mapped[Decimal] = mapped_column(Money)
    employee_insurance: Mapped[Decimal] = mapped_column(Money)
    employer_insurance: Mapped[Decimal] = mapped_column(Money)
    total_tax: Mapped[Decimal] = mapped_column(Money)
    net_pay: Mapped[Decimal] = mapped_column(Money)
    employer_cost: Mapped[Decimal] = mapped_column(Money)
    ytd_months: Mapped[int] = mapped_column(Integer)
    ytd_income: Mapped[Decimal] = mapped_column(Money)
    ytd_tax_free: Mapped[Decimal] = mapped_column(Money)
    ytd_basic: Mapped[Decimal] = mapped_column(Money)
    ytd_special: Mapped[Decimal] = mapped_column(Money)
    ytd_additional: Mapped[Decimal] = mapped_column(Money)
    ytd_other: Mapped[Decimal] = mapped_column(Money)
    ytd_tax: Mapped[Decimal] = mapped_column(Money)
    ytd_bonus_separately: Mapped[bool] = mapped_column(Boolean)
    detail: Mapped[str] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("run_id", "employee_id", name="uq_payroll_results_run_employee"),)

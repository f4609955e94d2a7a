"""The ORM model of a company file. Every schema change here needs an Alembic migration.

Plain SQLAlchemy types only (no SQLite-specific constructs), so the same model runs on PostgreSQL.
Enumerated values are stored as their short codes (String), not database enums, which keeps
migrations simple when a value is added.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from hrdesk.core.persistence.types import Money


class Base(DeclarativeBase):
    pass


class Company(Base):
    """The one company a file belongs to (a row with id 1)."""

    __tablename__ = "company"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    credit_code: Mapped[str | None] = mapped_column(String(18))  # 统一社会信用代码
    address: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Department(Base):
    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    code: Mapped[str | None] = mapped_column(String(30), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"), index=True)
    # 部门负责人; for a 项目部 this is the 项目负责人.
    head_employee_id: Mapped[int | None] = mapped_column(
        ForeignKey("employees.id", use_alter=True, name="fk_departments_head_employee")
    )
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (UniqueConstraint("parent_id", "name", name="uq_departments_parent_name"),)


class Position(Base):
    __tablename__ = "positions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    code: Mapped[str | None] = mapped_column(String(30), unique=True)
    description: Mapped[str | None] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


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

    custom_values: Mapped[list["CustomFieldValue"]] = relationship(
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


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(40))
    password_hash: Mapped[str] = mapped_column(String(200))
    employee_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    # Sign-in refused after this day: a separated employee's account ends with the last working day.
    active_until: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)

    roles: Mapped[list["UserRole"]] = relationship(cascade="all, delete-orphan", lazy="selectin")


class UserRole(Base):
    __tablename__ = "user_roles"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(20), primary_key=True)


class AuditRecord(Base):
    """One link of the hash chain: see hrdesk.core.audit for what is hashed and how it is checked."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    actor_user_id: Mapped[int | None] = mapped_column(Integer)
    actor_name: Mapped[str] = mapped_column(String(80))
    on_behalf_of: Mapped[str | None] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(40))
    summary: Mapped[str] = mapped_column(String(300))
    before: Mapped[str | None] = mapped_column(Text)  # canonical JSON, hashed as stored
    after: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_audit_log_entity", "entity_type", "entity_id"),)


class Setting(Base):
    """Company-wide settings as JSON values (SMTP server, notification options …)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class FlowDefinitionRecord(Base):
    """One immutable version of a flow definition; editing creates the next version."""

    __tablename__ = "flow_definitions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(60))
    steps: Mapped[str] = mapped_column(Text)  # JSON, see domain.workflow.steps_to_json
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(80))

    __table_args__ = (UniqueConstraint("kind", "version", name="uq_flow_definitions_kind_version"),)


class FlowInstance(Base):
    __tablename__ = "flow_instances"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    definition_id: Mapped[int] = mapped_column(ForeignKey("flow_definitions.id"))
    subject_employee_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"), index=True)
    title: Mapped[str] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(20), index=True)
    step_index: Mapped[int] = mapped_column(Integer)
    step_started_at: Mapped[datetime] = mapped_column(DateTime)
    due_date: Mapped[date | None] = mapped_column(Date)
    initiator_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    initiator_name: Mapped[str] = mapped_column(String(80))
    on_behalf_of: Mapped[str | None] = mapped_column(String(80))
    payload: Mapped[str] = mapped_column(Text)  # JSON: reason, dates, proposed changes …
    created_at: Mapped[datetime] = mapped_column(DateTime)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}


class FlowTask(Base):
    """Who may act on the current step (resolved when the step starts, so the record shows who
    was asked even if the org chart changes later)."""

    __tablename__ = "flow_tasks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    instance_id: Mapped[int] = mapped_column(ForeignKey("flow_instances.id"), index=True)
    step_index: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    reason: Mapped[str | None] = mapped_column(String(120))  # e.g. "无直属上级账号，由人事代办"
    created_at: Mapped[datetime] = mapped_column(DateTime)


class FlowTransition(Base):
    __tablename__ = "flow_transitions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    instance_id: Mapped[int] = mapped_column(ForeignKey("flow_instances.id"), index=True)
    step_index: Mapped[int] = mapped_column(Integer)
    step_name: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(20))
    actor_user_id: Mapped[int | None] = mapped_column(Integer)
    actor_name: Mapped[str] = mapped_column(String(80))
    on_behalf_of: Mapped[str | None] = mapped_column(String(80))
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ChecklistItem(Base):
    """One line of a 交接清单: something to hand back, settle or switch off before separation."""

    __tablename__ = "checklist_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    instance_id: Mapped[int] = mapped_column(ForeignKey("flow_instances.id"), index=True)
    category: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(120))
    asset_no: Mapped[str | None] = mapped_column(String(40))
    amount: Mapped[Decimal | None] = mapped_column(Money)
    owner_role: Mapped[str | None] = mapped_column(String(20))
    owner_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(10))  # open, done, waived
    resolved_by: Mapped[str | None] = mapped_column(String(80))
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    note: Mapped[str | None] = mapped_column(String(300))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class ChecklistTemplate(Base):
    """Items to generate per department and/or position (both empty: the company default)."""

    __tablename__ = "checklist_templates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    position_id: Mapped[int | None] = mapped_column(ForeignKey("positions.id"))
    items: Mapped[str] = mapped_column(Text)  # JSON list
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class Separation(Base):
    __tablename__ = "separations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    instance_id: Mapped[int] = mapped_column(ForeignKey("flow_instances.id"), unique=True)
    reason: Mapped[str] = mapped_column(String(20))
    notice_date: Mapped[date] = mapped_column(Date)
    last_working_day: Mapped[date] = mapped_column(Date)
    stop_month: Mapped[date] = mapped_column(Date)  # 停保月份: last month contributed (first day)
    notice_warning: Mapped[str | None] = mapped_column(String(300))
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)


class EmployeeChange(Base):
    """A change of department, position, manager or salary effective on a date (调岗/调薪)."""

    __tablename__ = "employee_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    instance_id: Mapped[int | None] = mapped_column(ForeignKey("flow_instances.id"))
    effective_date: Mapped[date] = mapped_column(Date, index=True)
    changes: Mapped[str] = mapped_column(Text)  # JSON {field: {"from": old, "to": new}}
    applied_at: Mapped[datetime | None] = mapped_column(DateTime)


class NotificationPolicy(Base):
    __tablename__ = "notification_policies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event: Mapped[str] = mapped_column(String(40), unique=True)
    rules: Mapped[str] = mapped_column(Text)  # JSON, see domain.notifications
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class Notification(Base):
    """An in-app notice for one user."""

    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    event: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(120))
    body: Mapped[str] = mapped_column(Text)
    instance_id: Mapped[int | None] = mapped_column(ForeignKey("flow_instances.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    read_at: Mapped[datetime | None] = mapped_column(DateTime)


class OutboxMessage(Base):
    """An e-mail waiting to be sent; kept until delivered, retried with backoff."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    to_address: Mapped[str] = mapped_column(String(120))
    to_name: Mapped[str] = mapped_column(String(80))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), index=True)  # pending, sent, failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(String(300))
    notification_id: Mapped[int | None] = mapped_column(ForeignKey("notifications.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)


class NoticeDraft(Base):
    """A notice the policy proposes after a lifecycle event, waiting for its sender to check the
    recipient list (remove only) and send it. Kept until sent, so closing the program loses nothing."""

    __tablename__ = "notice_drafts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    instance_id: Mapped[int] = mapped_column(ForeignKey("flow_instances.id"), index=True)
    event: Mapped[str] = mapped_column(String(40))
    sender_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    title: Mapped[str] = mapped_column(String(120))
    body: Mapped[str] = mapped_column(Text)
    recipients: Mapped[str] = mapped_column(Text)  # JSON list proposed by the policy
    status: Mapped[str] = mapped_column(String(10))  # pending, sent, cancelled
    created_at: Mapped[datetime] = mapped_column(DateTime)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)


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

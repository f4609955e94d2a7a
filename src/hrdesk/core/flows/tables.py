"""The lifecycle flows' tables: definitions, running instances with their tasks and history,
handover checklists, separations, effective-dated changes, notices and the mail outbox.

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
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from hrdesk.core.kernel.persistence.base import Base
from hrdesk.core.kernel.persistence.types import Money


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

"""Targeted notifications: task notices to approvers, and event notices decided by the policy.

Event notices are drafted, not sent: the sender sees exactly who the policy proposes, may remove
people but not add anyone, and then sends. Delivery is an in-app notice for everyone with an
account and an e-mail (through the outbox) for everyone with an address when a mail server is set.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hrdesk.core.accounts.tables import User
from hrdesk.core.flows import mail
from hrdesk.core.flows.notice_policy import Event, Policy, Recipient, Relation, choose, merge_recipients
from hrdesk.core.flows.participants import department_head, project_department, subject_of, users_with_role
from hrdesk.core.flows.tables import (
    ChecklistItem,
    FlowInstance,
    FlowTransition,
    NoticeDraft,
    Notification,
    NotificationPolicy,
    OutboxMessage,
)
from hrdesk.core.kernel.context import ServiceContext, Transaction
from hrdesk.core.kernel.errors import NotFound, PermissionDenied, StateError, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Permission, Role
from hrdesk.core.kernel.persistence.rows import stored_row
from hrdesk.core.kernel.refusals import worded
from hrdesk.core.kernel.resources_data import load_data_file
from hrdesk.core.kernel.text_rules import clean_text
from hrdesk.core.people.tables import Employee

MAX_COLLEAGUES = 2000  # a notice to a whole department is fine; to the whole company is a mistake


@dataclass(frozen=True)
class DraftView:
    id: int
    instance_id: int
    event: Event
    title: str
    body: str
    recipients: list[Recipient]
    status: str
    created_at: datetime


@dataclass(frozen=True)
class NotificationView:
    id: int
    title: str
    body: str
    instance_id: int | None
    created_at: datetime
    read: bool


# --- policies ---------------------------------------------------------------------------------


def policy_for(session: Session, event: Event) -> Policy:
    row = session.execute(select(NotificationPolicy).where(NotificationPolicy.event == event.value)).scalar()
    if row is not None:
        return Policy.from_json(event, row.rules)
    return Policy.from_json(event, json.dumps(load_data_file("notification-policies-default.json")[event.value]))


def get_policy(ctx: ServiceContext, event: Event) -> Policy:
    with ctx.read() as session:
        return policy_for(session, event)


def save_policy(ctx: ServiceContext, policy: Policy) -> None:
    ctx.require_all(Permission.FLOW_ADMIN)
    with ctx.transaction() as tx:
        row = tx.session.execute(
            select(NotificationPolicy).where(NotificationPolicy.event == policy.event.value)
        ).scalar()
        before = json.loads(row.rules) if row else None
        if row is None:
            row = NotificationPolicy(event=policy.event.value, rules="{}", updated_at=ctx.clock.now())
            tx.session.add(row)
        row.rules = policy.to_json()
        row.updated_at = ctx.clock.now()
        tx.session.flush()
        tx.audit(
            "notification_policy.save",
            "notification_policy",
            policy.event.value,
            tr("修改通知策略：{0}").format(policy.event.label),
            before,
            json.loads(row.rules),
        )
        tx.changed("notification_policy", "updated", row.id)


# --- who the policy reaches ----------------------------------------------------------------------


def _employees_as_recipients(session: Session, condition, reason: str, limit: int | None = None) -> list[Recipient]:
    """Employees matching ``condition`` as recipients, their active account joined in one query
    (a department of a thousand people is one statement, not two thousand)."""
    query = (
        select(Employee.id, Employee.name, Employee.email, User.id)
        .outerjoin(User, (User.employee_id == Employee.id) & User.active.is_(True))
        .where(condition)
        .order_by(Employee.id)
    )
    if limit is not None:
        query = query.limit(limit)
    return [
        Recipient(f"user:{user_id}" if user_id else f"employee:{emp_id}", name, user_id, email, (reason,))
        for emp_id, name, email, user_id in session.execute(query)
    ]


def _employee_recipient(session: Session, employee_id: int | None, reason: str) -> list[Recipient]:
    if employee_id is None:
        return []
    return _employees_as_recipients(session, Employee.id == employee_id, reason)


def _users_as_recipients(session: Session, user_ids, reason: str) -> list[Recipient]:
    user_ids = list(user_ids)
    if not user_ids:
        return []
    rows = session.execute(
        select(User.id, User.display_name, Employee.email)
        .outerjoin(Employee, Employee.id == User.employee_id)
        .where(User.id.in_(user_ids), User.active.is_(True))
        .order_by(User.id)
    )
    return [Recipient(f"user:{uid}", name, uid, email, (reason,)) for uid, name, email in rows]


def recipients_for(session: Session, instance: FlowInstance, policy: Policy) -> list[Recipient]:
    """Everyone the policy reaches for this case, each with the reasons they are on the list."""
    found: list[Recipient] = []
    payload = json.loads(instance.payload)
    subject = subject_of(session, instance.subject_employee_id) if instance.subject_employee_id else None
    for role in sorted(policy.roles, key=lambda r: r.value):
        found += _users_as_recipients(session, users_with_role(session, role), role.label)
    if subject is not None:
        rel = policy.relations
        if Relation.SUBJECT in rel:
            found += _employee_recipient(session, subject.employee_id, Relation.SUBJECT.label)
        if Relation.MANAGER in rel:
            manager = payload.get("changes", {}).get("manager_id", {}).get("from", subject.manager_id)
            found += _employee_recipient(session, manager, Relation.MANAGER.label)
        if Relation.NEW_MANAGER in rel:
            new = payload.get("changes", {}).get("manager_id", {}).get("to")
            found += _employee_recipient(session, new, Relation.NEW_MANAGER.label)
        project = project_department(session, subject)
        if Relation.PROJECT_LEAD in rel and project is not None:
            found += _employee_recipient(
                session, department_head(session, project, subject.employee_id), Relation.PROJECT_LEAD.label
            )
        if Relation.DEPARTMENT_HEAD in rel:
            found += _employee_recipient(
                session,
                department_head(session, subject.department_id, subject.employee_id),
                Relation.DEPARTMENT_HEAD.label,
            )
        colleague = (Employee.status != "separated") & (Employee.id != subject.employee_id)
        if Relation.DEPARTMENT_COLLEAGUES in rel and subject.department_id is not None:
            found += _employees_as_recipients(
                session,
                colleague & (Employee.department_id == subject.department_id),
                Relation.DEPARTMENT_COLLEAGUES.label,
                MAX_COLLEAGUES,
            )
        if Relation.PROJECT_COLLEAGUES in rel and project is not None:
            found += _employees_as_recipients(
                session,
                colleague & or_(Employee.project_department_id == project, Employee.department_id == project),
                Relation.PROJECT_COLLEAGUES.label,
                MAX_COLLEAGUES,
            )
    if Relation.FLOW_PARTICIPANTS in policy.relations:
        actors = session.execute(
            select(FlowTransition.actor_user_id)
            .where(FlowTransition.instance_id == instance.id, FlowTransition.actor_user_id.is_not(None))
            .distinct()
        )
        found += _users_as_recipients(session, (u for (u,) in actors), Relation.FLOW_PARTICIPANTS.label)
    if Relation.CHECKLIST_OWNERS in policy.relations:
        owners = session.execute(
            select(ChecklistItem.owner_user_id, ChecklistItem.owner_role)
            .where(ChecklistItem.instance_id == instance.id)
            .distinct()
        ).all()
        owner_users = {user_id for user_id, _ in owners if user_id is not None}
        for code in {code for user_id, code in owners if user_id is None and code}:
            owner_users.update(users_with_role(session, Role(code)))
        found += _users_as_recipients(session, sorted(owner_users), Relation.CHECKLIST_OWNERS.label)
    return merge_recipients(found)


# --- drafts and sending ---------------------------------------------------------------------------


def draft(
    tx: Transaction, instance: FlowInstance, event: Event, title: str, body: str, sender_user_id: int | None
) -> int:
    """Store a notice for ``event`` to be checked and sent by its sender.

    The recipients are worked out from the policy when the sender looks at the draft (and again
    when they send it), so the list is the one in force at that moment and a notice to a department
    of a thousand people does not store a thousand names until it is actually sent.
    """
    row = NoticeDraft(
        instance_id=instance.id,
        event=event.value,
        sender_user_id=sender_user_id,
        title=title,
        body=body,
        recipients="[]",
        status="pending",
        created_at=tx.ctx.clock.now(),
    )
    tx.session.add(row)
    tx.session.flush()
    tx.changed("notice", "created", row.id)
    return row.id


def _proposed(session: Session, row: NoticeDraft) -> list[Recipient]:
    instance = stored_row(session, FlowInstance, row.instance_id)
    return recipients_for(session, instance, policy_for(session, Event(row.event)))


def _draft_view(session: Session, row: NoticeDraft) -> DraftView:
    if row.status == "pending":
        recipients = _proposed(session, row)
    else:  # what was actually sent, as recorded
        recipients = [
            Recipient(r["key"], r["name"], r["user_id"], r["email"], tuple(r["reasons"]))
            for r in json.loads(row.recipients)
        ]
    return DraftView(
        row.id, row.instance_id, Event(row.event), row.title, row.body, recipients, row.status, row.created_at
    )


def _may_send(ctx: ServiceContext, row: NoticeDraft) -> bool:
    if row.sender_user_id is not None:
        return row.sender_user_id == ctx.actor.user_id
    return ctx.actor.can_all(Permission.FLOW_ON_BEHALF)  # unaddressed drafts are HR's


def pending_drafts(ctx: ServiceContext) -> list[DraftView]:
    with ctx.read() as session:
        rows = session.execute(
            select(NoticeDraft).where(NoticeDraft.status == "pending").order_by(NoticeDraft.id)
        ).scalars()
        return [_draft_view(session, r) for r in rows if _may_send(ctx, r)]


def get_draft(ctx: ServiceContext, draft_id: int) -> DraftView:
    with ctx.read() as session:
        row = session.get(NoticeDraft, draft_id)
        if row is None:
            raise NotFound(tr("找不到该通知。"))
        if not _may_send(ctx, row):
            raise PermissionDenied(tr("这份通知不由您发送。"))
        return _draft_view(session, row)


def send_draft(ctx: ServiceContext, draft_id: int, keep: list[str] | None = None) -> int:
    """Send to the proposed recipients the sender kept (all when ``keep`` is None); returns how many."""
    with ctx.transaction() as tx:
        row = tx.session.get(NoticeDraft, draft_id)
        if row is None:
            raise NotFound(tr("找不到该通知。"))
        if not _may_send(ctx, row):
            raise worded(ctx.denied(Permission.FLOW_ON_BEHALF), tr("这份通知不由您发送。"))
        if row.status != "pending":
            raise StateError(tr("这份通知已经处理过了。"))
        proposed = _proposed(tx.session, row)
        try:
            final = choose(proposed, [r.key for r in proposed] if keep is None else keep)
        except PermissionError as exc:
            raise worded(ctx.denied(Permission.FLOW_ON_BEHALF), str(exc)) from None
        if not final:
            raise ValidationError({"recipients": tr("至少保留一位收件人，或取消这份通知")})
        policy = policy_for(tx.session, Event(row.event))
        for recipient in final:
            deliver(tx, recipient, row.title, row.body, row.event, row.instance_id, email=policy.email)
        removed = [r.name for r in proposed if r.key not in {f.key for f in final}]
        row.status, row.sent_at = "sent", ctx.clock.now()
        row.recipients = json.dumps([r.__dict__ for r in final], ensure_ascii=False)
        tx.audit(
            "notice.send",
            "flow",
            row.instance_id,
            tr("发送通知“{0}”给 {1} 人").format(row.title, len(final)),
            None,
            {"event": row.event, "recipients": [r.name for r in final], "removed": removed},
        )
        tx.changed("notice", "updated", row.id)
        return len(final)


def cancel_draft(ctx: ServiceContext, draft_id: int, reason: str) -> None:
    """The sender drops a drafted notice, with the reason; anyone else is refused as they would be
    sending it (PermissionDenied, not NotFound: get_draft already tells them the draft exists)."""
    reason = clean_text(reason, tr("取消原因"), "reason", multiline=True)
    if len(reason) < 2:
        raise ValidationError({"reason": tr("请写明取消这份通知的原因")})
    with ctx.transaction() as tx:
        row = tx.session.get(NoticeDraft, draft_id)
        if row is None:
            raise NotFound(tr("找不到该通知。"))
        if not _may_send(ctx, row):
            raise worded(ctx.denied(Permission.FLOW_ON_BEHALF), tr("这份通知不由您发送。"))
        if row.status != "pending":
            raise StateError(tr("这份通知已经处理过了。"))
        row.status = "cancelled"
        tx.audit(
            "notice.cancel", "flow", row.instance_id, tr("取消通知“{0}”").format(row.title), None, {"reason": reason}
        )
        tx.changed("notice", "updated", row.id)


def deliver(
    tx: Transaction,
    recipient: Recipient,
    title: str,
    body: str,
    event: str,
    instance_id: int | None,
    email: bool = True,
) -> None:
    """In-app notice for an account holder; an e-mail in the outbox for an address."""
    now = tx.ctx.clock.now()
    notification_id = None
    send_mail = email and recipient.email and mail.enabled(tx.session)
    if recipient.user_id is not None:
        note = Notification(
            user_id=recipient.user_id,
            event=event,
            title=title[:120],
            body=body,
            instance_id=instance_id,
            created_at=now,
        )
        tx.session.add(note)
        if send_mail:
            tx.session.flush()  # the outbox row points at the notice
            notification_id = note.id
    if send_mail:
        tx.session.add(
            OutboxMessage(
                to_address=recipient.email,
                to_name=recipient.name,
                subject=title[:200],
                body=body,
                status="pending",
                attempts=0,
                next_attempt_at=now,
                notification_id=notification_id,
                created_at=now,
            )
        )
    tx.changed("notification", "created")


def notify_users(
    tx: Transaction, user_ids: list[int], title: str, body: str, event: str, instance_id: int | None
) -> None:
    """Direct notices that need no policy, e.g. "a step is waiting for you" to its assignees."""
    for recipient in _users_as_recipients(tx.session, dict.fromkeys(user_ids), ""):
        deliver(tx, recipient, title, body, event, instance_id)


# --- the user's own notices -------------------------------------------------------------------


def my_notifications(ctx: ServiceContext, unread_only: bool = False, limit: int = 200) -> list[NotificationView]:
    with ctx.read() as session:
        query = select(Notification).where(Notification.user_id == ctx.actor.user_id)
        if unread_only:
            query = query.where(Notification.read_at.is_(None))
        rows = session.execute(query.order_by(Notification.id.desc()).limit(limit)).scalars()
        return [
            NotificationView(r.id, r.title, r.body, r.instance_id, r.created_at, r.read_at is not None) for r in rows
        ]


def mark_read(ctx: ServiceContext, notification_ids: list[int]) -> None:
    with ctx.transaction() as tx:
        for row in tx.session.execute(
            select(Notification).where(Notification.id.in_(notification_ids), Notification.user_id == ctx.actor.user_id)
        ).scalars():
            if row.read_at is None:
                row.read_at = ctx.clock.now()
        tx.changed("notification", "updated")

"""Stuck flows: steps nobody may take, and the administrator who names a handler for them.

Nobody approves their own case or proposal (see :func:`.participants.assignees`). Where that
leaves nobody for a step — the only 人事 account proposed the raise, and the employee has no
manager with an account — the flow neither lets the initiator act nor fails: it waits at the step
with no tasks, the administrators are told, and one of them names someone else, with a reason, in
the audited :func:`assign_stuck`.

Stuck is derived, never stored: a running flow is stuck when its current step has no task, from
this visit of the step, for an active account that is neither the subject's nor the initiator's.
That also catches a flow whose only handler's account was disabled later, and a task given to the
initiator before this rule existed; and there is no flag to forget to clear.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session

from hrdesk.core.accounts.tables import User
from hrdesk.core.flows import definitions as flow_definitions
from hrdesk.core.flows import notices
from hrdesk.core.flows.participants import barred_users, users_with_role
from hrdesk.core.flows.tables import FlowInstance, FlowTask, FlowTransition
from hrdesk.core.flows.workflow import Action, ActorKind, FlowKind, FlowStatus, StepDef
from hrdesk.core.kernel.calendar import china_calendar
from hrdesk.core.kernel.context import ServiceContext, Transaction
from hrdesk.core.kernel.errors import NotFound, PermissionDenied, StateError, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import ROLE_GRANTS, Permission, Role, Scope
from hrdesk.core.people.tables import Employee

MIN_REASON = 2
STUCK_EVENT = "flow.stuck"


# --- the rule ------------------------------------------------------------------------------------


def current_visit():
    """Tasks of the step the flow is at, from this visit of it (a step returned to and entered
    again gets new tasks; the earlier ones are history)."""
    return and_(
        FlowTask.instance_id == FlowInstance.id,
        FlowTask.step_index == FlowInstance.step_index,
        FlowTask.created_at >= FlowInstance.step_started_at,
    )


def may_act():
    """The task's account may act: active, not the initiator's, not the subject's."""
    return and_(
        User.id == FlowTask.user_id,
        User.active.is_(True),
        or_(FlowInstance.initiator_user_id.is_(None), User.id != FlowInstance.initiator_user_id),
        or_(
            FlowInstance.subject_employee_id.is_(None),
            User.employee_id.is_(None),
            User.employee_id != FlowInstance.subject_employee_id,
        ),
    )


def is_stuck():
    """SQL condition on FlowInstance: running, and nobody who may act has a task at this step."""
    return and_(
        FlowInstance.status == FlowStatus.RUNNING.value,
        ~exists(select(FlowTask.id).join(User, User.id == FlowTask.user_id).where(current_visit(), may_act())),
    )


def handler_ids(session: Session, instance: FlowInstance) -> list[int]:
    """The accounts that may act on the instance's current step now (empty: stuck, or not running)."""
    if instance.status != FlowStatus.RUNNING.value:
        return []
    return list(
        session.execute(
            select(FlowTask.user_id)
            .join(FlowInstance, FlowInstance.id == FlowTask.instance_id)
            .join(User, User.id == FlowTask.user_id)
            .where(FlowInstance.id == instance.id, current_visit(), may_act())
            .order_by(FlowTask.id)
        )
        .scalars()
        .unique()
    )


def flow_admins(session: Session) -> list[int]:
    """Active accounts holding a role that may administer flows (the administrator, as shipped)."""
    roles = [role for role, grants in ROLE_GRANTS.items() if grants.get(Permission.FLOW_ADMIN) is Scope.ALL]
    return sorted({user for role in roles for user in users_with_role(session, role)})


def stuck_reason(session: Session, instance: FlowInstance) -> str:
    """Why the current step has nobody: what the system recorded when the step started, or, for a
    handler lost since (an account disabled), a plain statement of that."""
    recorded = session.execute(
        select(FlowTransition.comment)
        .where(
            FlowTransition.instance_id == instance.id,
            FlowTransition.step_index == instance.step_index,
            FlowTransition.action == Action.COMMENT.value,
            FlowTransition.actor_user_id.is_(None),
            FlowTransition.created_at >= instance.step_started_at,
        )
        .order_by(FlowTransition.id.desc())
        .limit(1)
    ).scalar()
    return recorded or tr("原定处理人的账号已停用，或是发起人、当事人本人，等待管理员指定处理人")


def record_stuck(tx: Transaction, instance: FlowInstance, step: StepDef, reason: str) -> None:
    """The flow reached a step nobody may take: say so in its history and the trail, and tell the
    administrators, who name a handler."""
    now = tx.ctx.clock.now()
    tx.session.add(
        FlowTransition(
            instance_id=instance.id,
            step_index=instance.step_index,
            step_name=step.name,
            action=Action.COMMENT.value,
            actor_user_id=None,
            actor_name=tr("系统"),
            comment=reason,
            created_at=now,
        )
    )
    tx.audit(
        "flow.stuck",
        "flow",
        instance.id,
        tr("{0}：“{1}”无人可以处理，等待管理员指定处理人").format(instance.title, step.name),
        None,
        {"step": instance.step_index, "reason": reason},
    )
    notices.notify_users(
        tx,
        flow_admins(tx.session),
        tr("流程无人处理：{0}").format(instance.title),
        tr("“{0}”已到“{1}”，但{2}。请在 HRDesk 的“卡住的流程”中指定处理人。").format(instance.title, step.name, reason),
        STUCK_EVENT,
        instance.id,
    )


# --- the administrator's list -------------------------------------------------------------------


@dataclass(frozen=True)
class StuckFlow:
    id: int
    kind: FlowKind
    title: str
    subject_name: str
    step_name: str
    step_actor: str  # who the step is for (人事, 直属上级 …)
    initiator_name: str
    on_behalf_of: str | None
    since: datetime  # when the flow reached the step
    reason: str


@dataclass(frozen=True)
class Candidate:
    """An account the administrator may name as handler of a stuck step."""

    user_id: int
    username: str
    display_name: str
    roles: tuple[Role, ...]
    suggested: bool  # holds the role the step (or its fallback) is for


@dataclass(frozen=True)
class HandlerAssigned:
    instance_id: int
    step_name: str
    user_name: str


def _subject_name(session: Session, instance: FlowInstance) -> str:
    if instance.subject_employee_id is not None:
        employee = session.get(Employee, instance.subject_employee_id)
        if employee is not None:
            return employee.name
    return str(json.loads(instance.payload).get("name", ""))


def _step(session: Session, instance: FlowInstance) -> StepDef:
    return flow_definitions.by_id(session, instance.definition_id).step(instance.step_index)


def _stuck_flow(session: Session, instance: FlowInstance) -> StuckFlow:
    step = _step(session, instance)
    return StuckFlow(
        instance.id,
        FlowKind(instance.kind),
        instance.title,
        _subject_name(session, instance),
        step.name,
        step.actor_label(),
        instance.initiator_name,
        instance.on_behalf_of,
        instance.step_started_at,
        stuck_reason(session, instance),
    )


def stuck_flows(ctx: ServiceContext) -> list[StuckFlow]:
    """Running flows whose current step nobody may take, longest waiting first (administrators)."""
    ctx.require_all(Permission.FLOW_ADMIN)
    with ctx.read() as session:
        rows = session.execute(
            select(FlowInstance).where(is_stuck()).order_by(FlowInstance.step_started_at, FlowInstance.id)
        ).scalars()
        return [_stuck_flow(session, instance) for instance in rows]


def _stuck_instance(session: Session, ctx: ServiceContext, instance_id: int) -> FlowInstance:
    instance = session.get(FlowInstance, instance_id)
    if instance is None:
        raise NotFound(tr("找不到编号为 {0} 的流程。").format(instance_id))
    if instance.status != FlowStatus.RUNNING.value:
        raise StateError(tr("该流程不在审批中（{0}），无需指定处理人。").format(FlowStatus(instance.status).label))
    if handler_ids(session, instance):
        raise StateError(tr("该流程当前步骤已有处理人，不需要指定。"))
    if ctx.actor.user_id is not None and ctx.actor.user_id in _barred(session, instance):
        raise PermissionDenied(tr("您是这个流程的发起人或当事人，不能为它指定处理人，请由其他管理员处理。"))
    return instance


def _barred(session: Session, instance: FlowInstance) -> frozenset[int]:
    return barred_users(session, instance.subject_employee_id, instance.initiator_user_id)


def handler_candidates(ctx: ServiceContext, instance_id: int) -> list[Candidate]:
    """Active accounts that may be named for a stuck flow's step (never its subject or initiator),
    those holding the step's role (or the role that stands in for it) first."""
    ctx.require_all(Permission.FLOW_ADMIN)
    with ctx.read() as session:
        instance = _stuck_instance(session, ctx, instance_id)
        step = _step(session, instance)
        wanted = {step.role} if step.actor_kind is ActorKind.ROLE and step.role else set()
        wanted.add(Role.HR if step.role is not Role.HR else Role.ADMIN)
        barred = _barred(session, instance)
        users = session.execute(select(User).where(User.active.is_(True)).order_by(User.username)).scalars()
        result = []
        for user in users:
            if user.id in barred:
                continue
            roles = tuple(sorted((Role(r.role) for r in user.roles), key=list(Role).index))
            result.append(Candidate(user.id, user.username, user.display_name, roles, bool(wanted & set(roles))))
        return sorted(result, key=lambda c: not c.suggested)


def assign_stuck(ctx: ServiceContext, instance_id: int, user_id: int, reason: str) -> HandlerAssigned:
    """The administrator names ``user_id`` to take a stuck flow's current step, with a reason.

    The handler may not be the flow's subject or initiator (nor may an administrator who is either
    name anyone: choosing the approver of one's own proposal is approving it by proxy). The task
    is created as the step's would have been, with the reason on it; it is in the flow's history,
    the trail and the handler's notices."""
    ctx.require_all(Permission.FLOW_ADMIN)
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON:
        raise ValidationError({"reason": tr("请写明为什么由这位同事处理")})
    with ctx.transaction() as tx:
        session = tx.session
        instance = _stuck_instance(session, ctx, instance_id)
        user = session.get(User, user_id)
        if user is None or not user.active:
            raise ValidationError({"user_id": tr("所选账号不存在或已停用")})
        if user.id in _barred(session, instance):
            raise ValidationError(
                {"user_id": tr("{0}是这个流程的发起人或当事人，不能处理它").format(user.display_name)}
            )
        step = _step(session, instance)
        now = ctx.clock.now()
        note = tr("管理员指定：{0}").format(reason)[:120]
        # never before the step started, or a clock set back would hide the task from this visit
        session.add(
            FlowTask(
                instance_id=instance.id,
                step_index=instance.step_index,
                user_id=user.id,
                reason=note,
                created_at=max(now, instance.step_started_at),
            )
        )
        session.add(
            FlowTransition(
                instance_id=instance.id,
                step_index=instance.step_index,
                step_name=step.name,
                action=Action.COMMENT.value,
                actor_user_id=ctx.actor.user_id,
                actor_name=ctx.actor.display_name,
                comment=tr("指定{0}处理“{1}”：{2}").format(user.display_name, step.name, reason),
                created_at=now,
            )
        )
        if step.deadline_days:
            instance.due_date = china_calendar().add_working_days(ctx.clock.today(), step.deadline_days)
        tx.audit(
            "flow.assign",
            "flow",
            instance.id,
            tr("{0}：指定{1}处理“{2}”").format(instance.title, user.display_name, step.name),
            None,
            {"step": instance.step_index, "user": user.username, "reason": reason},
        )
        notices.notify_users(
            tx,
            [user.id],
            tr("待您审批：{0}").format(instance.title),
            tr("“{0}”已到“{1}”，管理员指定由您处理：{2}。请在 HRDesk 的待办中处理。").format(
                instance.title, step.name, reason
            ),
            "flow.task",
            instance.id,
        )
        tx.changed("flow", "updated", instance.id)
        session.flush()
        return HandlerAssigned(instance.id, step.name, user.display_name)

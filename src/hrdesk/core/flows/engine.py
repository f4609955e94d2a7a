"""Lifecycle flows: starting them, acting on them, and reading them (inbox, lists, one instance).

Only the users whose turn it is may act (checked here, against the tasks stored when the step
started), and never the flow's subject or initiator, even with a task: nobody approves their own
case or proposal. A step nobody else may take waits for the administrator (see stuck). Every
action is a transition with actor, time, action and comment, plus an audit record, in the same
transaction. The employee's record changes only when a flow completes (see flow_effects);
starting a separation only marks the employee 待离职.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrdesk.core.accounts.tables import User
from hrdesk.core.flows import checklists, effects, notices, step_hooks, stuck
from hrdesk.core.flows import definitions as flow_definitions
from hrdesk.core.flows.participants import Subject, assignees, barred_users, facts_for, subject_of
from hrdesk.core.flows.tables import ChecklistItem, FlowInstance, FlowTask, FlowTransition
from hrdesk.core.flows.workflow import (
    INITIATOR,
    STEP_ACTIONS,
    Action,
    FlowDefinition,
    FlowKind,
    FlowStatus,
    Move,
    Position,
    TransitionError,
    submit,
)
from hrdesk.core.flows.workflow import act as move
from hrdesk.core.kernel.calendar import china_calendar
from hrdesk.core.kernel.context import ServiceContext, Transaction
from hrdesk.core.kernel.errors import Conflict, NotFound, PermissionDenied, StateError, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.masking import giveaways, mask_values
from hrdesk.core.kernel.permissions import Permission
from hrdesk.core.kernel.refusals import worded
from hrdesk.core.kernel.text_rules import clean_text
from hrdesk.core.org.tables import Department
from hrdesk.core.org.tables import Position as PositionRecord
from hrdesk.core.people.scope import employee_condition, in_scope
from hrdesk.core.people.tables import Employee

OPEN_STATUSES = (FlowStatus.RUNNING.value, FlowStatus.RETURNED.value)


@dataclass(frozen=True)
class FlowSummary:
    id: int
    kind: FlowKind
    title: str
    subject_employee_id: int | None
    subject_name: str
    status: FlowStatus
    step_name: str  # the current step, or the status when not running
    waiting_since: datetime
    due_date: date | None
    overdue: bool
    initiator_name: str
    on_behalf_of: str | None
    created_at: datetime


@dataclass(frozen=True)
class StepState:
    index: int
    name: str
    actor: str
    state: str  # done | current | pending | skipped | not_applicable


@dataclass(frozen=True)
class TransitionView:
    step_name: str
    action: Action
    actor_name: str
    on_behalf_of: str | None
    comment: str | None
    created_at: datetime


@dataclass(frozen=True)
class FlowDetail:
    summary: FlowSummary
    definition_name: str
    definition_version: int
    payload: dict
    steps: list[StepState]
    transitions: list[TransitionView]
    checklist: list[checklists.ChecklistItemView]
    assignees: list[str]
    assignee_note: str | None
    my_actions: tuple[Action, ...]  # what the caller may do now
    acting_on_behalf: bool  # the caller's action would be recorded as on behalf of the subject
    version: int
    stuck: bool = False  # running, and nobody may take the current step: waits for the administrator


# --- starting ---------------------------------------------------------------------------------


def _actor_label(ctx: ServiceContext) -> str:
    return ctx.actor.display_name


def create_instance(
    tx: Transaction,
    kind: FlowKind,
    subject: Subject,
    title: str,
    payload: dict,
    on_behalf_of: str | None,
    comment: str | None,
) -> FlowInstance:
    """Store a new instance at the initiator and submit it to its first step."""
    ctx, session, now = tx.ctx, tx.session, tx.ctx.clock.now()
    definition_row = flow_definitions.current_row(session, kind, now)
    instance = FlowInstance(
        kind=kind.value,
        definition_id=definition_row.id,
        subject_employee_id=subject.employee_id,
        title=title[:120],
        status=FlowStatus.RUNNING.value,
        step_index=INITIATOR,
        step_started_at=now,
        initiator_user_id=ctx.actor.user_id,
        initiator_name=_actor_label(ctx),
        on_behalf_of=on_behalf_of,
        payload=json.dumps(payload, ensure_ascii=False, default=str),
        created_at=now,
    )
    session.add(instance)
    session.flush()
    return instance


def submit_new(tx: Transaction, instance: FlowInstance, subject: Subject, comment: str | None) -> Move:
    definition = flow_definitions.by_id(tx.session, instance.definition_id)
    facts = facts_for(tx.session, subject, instance.id, json.loads(instance.payload))
    result = submit(definition, facts)
    _record(tx, instance, definition, Action.SUBMIT, comment, instance.on_behalf_of, INITIATOR)
    _advance(tx, instance, definition, subject, result)
    return result


# --- acting -------------------------------------------------------------------------------------


def act(
    ctx: ServiceContext,
    instance_id: int,
    action: Action,
    comment: str | None = None,
    expected_version: int | None = None,
) -> FlowDetail:
    """The caller approves, rejects, returns, comments, resubmits or withdraws."""
    comment = clean_text(comment, tr("意见"), "comment", multiline=True) or None
    if action in (Action.REJECT, Action.RETURN) and not comment:
        raise ValidationError({"comment": tr("驳回或退回时请写明原因")})
    if action is Action.COMMENT and not comment:
        raise ValidationError({"comment": tr("请填写评论内容")})
    if action is Action.SKIP:
        raise ValidationError({"action": tr("“跳过”只能由系统记录")})
    with ctx.transaction() as tx:
        session = tx.session
        instance = _instance(session, instance_id)
        if expected_version is not None and instance.version != expected_version:
            raise Conflict(tr("该流程刚刚被其他人处理过，请刷新后再操作。"))
        definition = flow_definitions.by_id(session, instance.definition_id)
        subject = _subject(session, instance)
        position = Position(FlowStatus(instance.status), instance.step_index)
        if not position.status.is_open:
            raise StateError(tr("该流程已经结束（{0}），不能再操作。").format(position.status.label))
        on_behalf = _authorize(session, ctx, instance, subject, action)
        facts = facts_for(session, subject, instance.id, json.loads(instance.payload))
        if position.status is FlowStatus.RUNNING and action is Action.APPROVE:
            step = definition.step(position.step)
            if step.requires_checklist_closed:
                remaining = checklists.open_count(session, instance.id)
                if remaining:
                    raise StateError(
                        tr("交接清单还有 {0} 项未确认，不能归档。请等相关负责人确认，或由人事写明原因后豁免。").format(
                            remaining
                        )
                    )
        try:
            result = move(definition, position, action, facts)
        except TransitionError as exc:
            raise StateError(str(exc)) from None
        if position.status is FlowStatus.RUNNING and action is Action.APPROVE:
            step_hooks.approved(tx, instance, definition, position.step)
        _record(tx, instance, definition, action, comment, on_behalf, position.step)
        if action is not Action.COMMENT:
            _advance(tx, instance, definition, subject, result)
            if action in (Action.RETURN, Action.REJECT, Action.WITHDRAW):
                step_hooks.reopened(tx, instance, definition)
        tx.changed("flow", "updated", instance.id)
        session.flush()
        # Built in the same session: what the caller sees is exactly what commits, without
        # reading it all back.
        return _detail(session, ctx, instance, subject, facts)


def _authorize(
    session: Session, ctx: ServiceContext, instance: FlowInstance, subject: Subject, action: Action
) -> str | None:
    """PermissionDenied unless it is the caller's turn; returns the on-behalf name if HR acts for
    the employee."""
    user_id = ctx.actor.user_id
    if instance.status == FlowStatus.RETURNED.value or action is Action.WITHDRAW:
        if action not in (Action.SUBMIT, Action.WITHDRAW, Action.COMMENT):
            raise StateError(tr("流程已退回发起人，只能重新提交或撤回。"))
        own = subject.employee_id is not None and subject.employee_id == ctx.actor.employee_id
        if user_id is not None and (user_id == instance.initiator_user_id or own):
            return None
        if ctx.actor.can_all(Permission.FLOW_ON_BEHALF):
            return instance.on_behalf_of or subject.name
        raise worded(
            ctx.denied(Permission.FLOW_ON_BEHALF), tr("只有发起人（或代办的人事）可以重新提交或撤回这个流程。")
        )
    if (
        action in STEP_ACTIONS
        and user_id is not None
        and user_id in barred_users(session, subject.employee_id, instance.initiator_user_id)
    ):
        # Defence in depth: no task is ever made for them, but one stored otherwise does not count.
        raise worded(
            ctx.denied(Permission.FLOW_VIEW),
            tr("您是这个流程的发起人或当事人，不能{0}自己的申请或提议；需由其他同事处理。").format(action.label),
        )
    task = (
        session.execute(
            select(FlowTask.id)
            .join(FlowInstance, FlowInstance.id == FlowTask.instance_id)
            .where(FlowInstance.id == instance.id, stuck.current_visit(), FlowTask.user_id == user_id)
        ).first()
        if user_id is not None
        else None
    )
    if task is None and not ctx.actor.is_system:
        definition = flow_definitions.by_id(session, instance.definition_id)
        step = definition.step(instance.step_index)
        raise worded(
            ctx.denied(Permission.FLOW_VIEW),
            tr("现在轮到“{0}”（{1}）处理，不是您。").format(step.name, step.actor_label()),
        )
    return None


def _record(
    tx: Transaction,
    instance: FlowInstance,
    definition: FlowDefinition,
    action: Action,
    comment: str | None,
    on_behalf: str | None,
    step_index: int,
) -> None:
    step_name = tr("发起") if step_index == INITIATOR else definition.step(step_index).name
    now = tx.ctx.clock.now()
    tx.session.add(
        FlowTransition(
            instance_id=instance.id,
            step_index=step_index,
            step_name=step_name,
            action=action.value,
            actor_user_id=tx.ctx.actor.user_id,
            actor_name=_actor_label(tx.ctx),
            on_behalf_of=on_behalf,
            comment=comment,
            created_at=now,
        )
    )
    after: dict = {"comment": comment}
    tx.audit(
        f"flow.{action.value}",
        "flow",
        instance.id,
        tr("{0}：{1} {2}").format(instance.title, step_name, action.label),
        {"status": instance.status, "step": instance.step_index},
        after,
        on_behalf_of=on_behalf,
    )
    # Where the action left the flow, once the automatic steps after it have run: the trail says
    # what the flow became (audit.deep_check compares it with the stored flow).
    tx.before_chaining(lambda: after.update(status=instance.status, step=instance.step_index))


def _advance(
    tx: Transaction, instance: FlowInstance, definition: FlowDefinition, subject: Subject, result: Move
) -> None:
    """Move the instance, record skipped steps, create the new step's tasks, run completion effects."""
    session, now = tx.session, tx.ctx.clock.now()
    for index in result.skipped:
        session.add(
            FlowTransition(
                instance_id=instance.id,
                step_index=index,
                step_name=definition.step(index).name,
                action=Action.SKIP.value,
                actor_user_id=None,
                actor_name=tr("系统"),
                comment=tr("不满足条件，自动跳过"),
                created_at=now,
            )
        )
    previous_status = instance.status
    instance.status = result.position.status.value
    instance.step_index = result.position.step
    instance.step_started_at = now
    instance.due_date = None
    status = result.position.status
    if status is FlowStatus.RUNNING:
        step = definition.step(result.position.step)
        payload = json.loads(instance.payload)
        facts = facts_for(session, subject, instance.id, payload)
        # The proposal may stand for this step's decision only if someone else decides after it.
        later_step = not move(definition, result.position, Action.APPROVE, facts).completed
        assignment = assignees(session, step, subject, payload, instance.initiator_user_id, later_step)
        if assignment.initiator_is_approver:
            # The initiator already decided this step by proposing (a manager proposing 转正).
            session.add(
                FlowTransition(
                    instance_id=instance.id,
                    step_index=result.position.step,
                    step_name=step.name,
                    action=Action.APPROVE.value,
                    actor_user_id=None,
                    actor_name=tr("系统"),
                    comment=tr("发起人即本步审批人，自动通过"),
                    created_at=now,
                )
            )
            _advance(tx, instance, definition, subject, move(definition, result.position, Action.APPROVE, facts))
            return
        if assignment.stuck:
            stuck.record_stuck(tx, instance, step, assignment.reason or "")
            session.flush()
            return
        for user_id in assignment.users:
            session.add(
                FlowTask(
                    instance_id=instance.id,
                    step_index=result.position.step,
                    user_id=user_id,
                    reason=assignment.reason,
                    created_at=now,
                )
            )
        if step.deadline_days:
            instance.due_date = china_calendar().add_working_days(tx.ctx.clock.today(), step.deadline_days)
        notices.notify_users(
            tx,
            assignment.users,
            tr("待您审批：{0}").format(instance.title),
            tr("“{0}”已到“{1}”，请在 HRDesk 的待办中处理。{2}").format(
                instance.title, step.name, assignment.reason or ""
            ),
            "flow.task",
            instance.id,
        )
    elif status is FlowStatus.RETURNED:
        initiator = [instance.initiator_user_id] if instance.initiator_user_id else []
        notices.notify_users(
            tx,
            initiator,
            tr("已退回：{0}").format(instance.title),
            tr("“{0}”被退回，请修改后重新提交或撤回。").format(instance.title),
            "flow.returned",
            instance.id,
        )
    elif status is FlowStatus.COMPLETED:
        instance.completed_at = now
        effects.on_completed(tx, instance, subject)
    elif status in (FlowStatus.REJECTED, FlowStatus.WITHDRAWN):
        instance.completed_at = now
        effects.on_abandoned(tx, instance, subject, previous_status)
        initiator = [instance.initiator_user_id] if instance.initiator_user_id else []
        notices.notify_users(
            tx,
            initiator,
            tr("{0}：{1}").format(status.label, instance.title),
            tr("“{0}”{1}。").format(instance.title, status.label),
            "flow.closed",
            instance.id,
        )
    session.flush()


# --- reading ------------------------------------------------------------------------------------


def _instance(session: Session, instance_id: int) -> FlowInstance:
    instance = session.get(FlowInstance, instance_id)
    if instance is None:
        raise NotFound(tr("找不到编号为 {0} 的流程。").format(instance_id))
    return instance


def _subject(session: Session, instance: FlowInstance) -> Subject:
    if instance.subject_employee_id is not None:
        return subject_of(session, instance.subject_employee_id)
    payload = json.loads(instance.payload)
    return Subject(
        None,
        payload.get("name", ""),
        payload.get("department_id"),
        payload.get("project_department_id"),
        payload.get("manager_id"),
        None,
    )


def _can_view(session: Session, ctx: ServiceContext, instance: FlowInstance) -> bool:
    if ctx.actor.can_all(Permission.FLOW_VIEW):
        return True
    user_id = ctx.actor.user_id
    if user_id is not None and (
        instance.initiator_user_id == user_id
        or session.execute(
            select(FlowTask.id).where(FlowTask.instance_id == instance.id, FlowTask.user_id == user_id)
        ).first()
    ):
        return True
    if instance.subject_employee_id is not None and in_scope(
        session, ctx.actor, Permission.FLOW_VIEW, instance.subject_employee_id
    ):
        return True
    # Whoever must confirm a handover item (行政/IT for laptops and accounts) may read the flow.
    roles = [r.value for r in ctx.actor.roles]
    return (
        session.execute(
            select(ChecklistItem.id).where(
                ChecklistItem.instance_id == instance.id,
                (ChecklistItem.owner_user_id == user_id) | ChecklistItem.owner_role.in_(roles),
            )
        ).first()
        is not None
    )


def _summary(
    session: Session, instance: FlowInstance, definition: FlowDefinition, today: date, subject: Subject | None = None
) -> FlowSummary:
    status = FlowStatus(instance.status)
    if status is FlowStatus.RUNNING:
        step_name = definition.step(instance.step_index).name
    elif status is FlowStatus.RETURNED:
        step_name = tr("退回发起人")
    else:
        step_name = status.label
    subject = subject or _subject(session, instance)
    overdue = status is FlowStatus.RUNNING and instance.due_date is not None and today > instance.due_date
    return FlowSummary(
        instance.id,
        FlowKind(instance.kind),
        instance.title,
        instance.subject_employee_id,
        subject.name,
        status,
        step_name,
        instance.step_started_at,
        instance.due_date,
        overdue,
        instance.initiator_name,
        instance.on_behalf_of,
        instance.created_at,
    )


def get(ctx: ServiceContext, instance_id: int) -> FlowDetail:
    with ctx.read() as session:
        instance = _instance(session, instance_id)
        if not _can_view(session, ctx, instance):
            raise PermissionDenied(tr("您无权查看这个流程。"))
        return _detail(session, ctx, instance)


def _detail(
    session: Session,
    ctx: ServiceContext,
    instance: FlowInstance,
    subject: Subject | None = None,
    facts: dict[str, bool] | None = None,
) -> FlowDetail:
    definition = flow_definitions.by_id(session, instance.definition_id)
    subject = subject or _subject(session, instance)
    summary = _summary(session, instance, definition, ctx.clock.today(), subject)
    transitions = (
        session.execute(
            select(FlowTransition).where(FlowTransition.instance_id == instance.id).order_by(FlowTransition.id)
        )
        .scalars()
        .all()
    )
    if facts is None:
        facts = facts_for(session, subject, instance.id, json.loads(instance.payload))
    done = {t.step_index for t in transitions if t.action == Action.APPROVE.value}
    skipped = {t.step_index for t in transitions if t.action == Action.SKIP.value}
    steps = []
    for index, step in enumerate(definition.steps):
        if instance.status == FlowStatus.RUNNING.value and index == instance.step_index:
            state = "current"
        elif index in done and (index < instance.step_index or instance.status == "completed"):
            state = "done"
        elif index in skipped and index < max(instance.step_index, 0):
            state = "skipped"
        elif not step.applies(facts):
            state = "not_applicable"
        else:
            state = "pending"
        steps.append(StepState(index, step.name, step.actor_label(), state))
    handlers = stuck.handler_ids(session, instance)
    tasks = (
        session.execute(
            select(FlowTask.user_id, FlowTask.reason)
            .join(FlowInstance, FlowInstance.id == FlowTask.instance_id)
            .where(FlowInstance.id == instance.id, stuck.current_visit(), FlowTask.user_id.in_(handlers))
            .order_by(FlowTask.id)
        ).all()
        if handlers
        else []
    )
    is_stuck = instance.status == FlowStatus.RUNNING.value and not tasks
    users = (
        dict(session.execute(select(User.id, User.display_name).where(User.id.in_([t.user_id for t in tasks]))).all())
        if tasks
        else {}
    )
    names = list(dict.fromkeys(users[t.user_id] for t in tasks))
    note = stuck.stuck_reason(session, instance) if is_stuck else next((t.reason for t in tasks if t.reason), None)
    my_actions, on_behalf = _my_actions(session, ctx, instance, subject, definition, tasks)
    payload = _payload_for_viewer(session, ctx, instance)
    return FlowDetail(
        summary,
        definition.name,
        definition.version,
        payload,
        steps,
        [
            TransitionView(t.step_name, Action(t.action), t.actor_name, t.on_behalf_of, t.comment, t.created_at)
            for t in transitions
        ],
        checklists.items_for(session, ctx, instance.id) if instance.kind == FlowKind.SEPARATION.value else [],
        names,
        note,
        my_actions,
        on_behalf,
        instance.version,
        is_stuck,
    )


def _payload_for_viewer(session: Session, ctx: ServiceContext, instance: FlowInstance) -> dict:
    """The proposal as the caller may see it: for anyone who may not see this employee's sensitive
    values (a transfer's old manager, a project lead, the auditor …) masked by the register's rules
    (kernel.masking: salary and bases, ID and bank numbers, the birth date, company-defined values
    that repeat it), and the ids of departments, positions and managers resolved to names under
    ``labels`` ({field: {"from", "to"}}), so a reader outside the employee's scope still sees what
    is proposed."""
    payload = json.loads(instance.payload)
    if instance.subject_employee_id is not None:
        visible = in_scope(session, ctx.actor, Permission.EMPLOYEE_SENSITIVE, instance.subject_employee_id)
    else:
        visible = ctx.actor.can_all(Permission.EMPLOYEE_SENSITIVE)
    changes = payload.get("changes", {})
    employee = payload.get("employee")
    if not visible:
        if changes:
            changes = payload["changes"] = mask_values(changes)
        if employee:
            employee = payload["employee"] = mask_values(employee, giveaways(employee.get("id_number")))
    references = {
        "department_id": Department,
        "project_department_id": Department,
        "position_id": PositionRecord,
        "manager_id": Employee,
    }

    def name(model, record_id):
        record = session.get(model, record_id) if record_id else None
        return record.name if record is not None else None

    labels = {
        key: {side: name(references[key], values.get(side)) for side in ("from", "to")}
        for key, values in changes.items()
        if key in references
    }
    if employee:  # onboarding: where the new employee will work
        labels.update({key: {"from": None, "to": name(model, employee.get(key))} for key, model in references.items()})
    if labels:
        payload["labels"] = labels
    return payload


def _my_actions(session, ctx, instance, subject, definition, tasks) -> tuple[tuple[Action, ...], bool]:
    status = FlowStatus(instance.status)
    if status is FlowStatus.RUNNING and any(t.user_id == ctx.actor.user_id for t in tasks):
        step = definition.step(instance.step_index)
        return tuple(a for a in step.actions) + (Action.COMMENT,), False
    if status.is_open:
        own = subject.employee_id is not None and subject.employee_id == ctx.actor.employee_id
        if ctx.actor.user_id is not None and (ctx.actor.user_id == instance.initiator_user_id or own):
            return ((Action.SUBMIT, Action.WITHDRAW) if status is FlowStatus.RETURNED else (Action.WITHDRAW,)), False
        if ctx.actor.can_all(Permission.FLOW_ON_BEHALF):
            return ((Action.SUBMIT, Action.WITHDRAW) if status is FlowStatus.RETURNED else (Action.WITHDRAW,)), True
    return (), False


def inbox(ctx: ServiceContext) -> list[FlowSummary]:
    """What waits for the caller: steps assigned to them, and their own returned flows."""
    user_id = ctx.actor.user_id
    if user_id is None:
        return []
    today = ctx.clock.today()
    with ctx.read() as session:
        rows = (
            session.execute(
                select(FlowInstance)
                .join(FlowTask, stuck.current_visit())
                .join(User, User.id == FlowTask.user_id)
                .where(FlowInstance.status == FlowStatus.RUNNING.value, FlowTask.user_id == user_id, stuck.may_act())
                .order_by(FlowInstance.step_started_at)
            )
            .scalars()
            .unique()
            .all()
        )
        returned = (
            session.execute(
                select(FlowInstance).where(
                    FlowInstance.status == FlowStatus.RETURNED.value, FlowInstance.initiator_user_id == user_id
                )
            )
            .scalars()
            .all()
        )
        definitions: dict[int, FlowDefinition] = {}
        result = []
        for instance in list(rows) + list(returned):
            if instance.definition_id not in definitions:
                definitions[instance.definition_id] = flow_definitions.by_id(session, instance.definition_id)
            result.append(_summary(session, instance, definitions[instance.definition_id], today))
        return result


def list_flows(
    ctx: ServiceContext,
    *,
    open_only: bool = False,
    kind: FlowKind | None = None,
    employee_id: int | None = None,
    limit: int = 2000,
) -> list[FlowSummary]:
    """Flows the caller may see, newest first."""
    scope = ctx.require(Permission.FLOW_VIEW)
    today = ctx.clock.today()
    with ctx.read() as session:
        query = select(FlowInstance).order_by(FlowInstance.id.desc()).limit(limit)
        if open_only:
            query = query.where(FlowInstance.status.in_(OPEN_STATUSES))
        if kind is not None:
            query = query.where(FlowInstance.kind == kind.value)
        if employee_id is not None:
            query = query.where(FlowInstance.subject_employee_id == employee_id)
        subject_condition = employee_condition(session, ctx.actor, scope)  # None for Scope.ALL: no limit
        if subject_condition is not None:
            visible_subjects = select(Employee.id).where(subject_condition)
            mine = select(FlowTask.instance_id).where(FlowTask.user_id == ctx.actor.user_id)
            query = query.where(
                FlowInstance.subject_employee_id.in_(visible_subjects)
                | FlowInstance.id.in_(mine)
                | (FlowInstance.initiator_user_id == ctx.actor.user_id)
            )
        definitions: dict[int, FlowDefinition] = {}
        result = []
        for instance in session.execute(query).scalars():
            if instance.definition_id not in definitions:
                definitions[instance.definition_id] = flow_definitions.by_id(session, instance.definition_id)
            result.append(_summary(session, instance, definitions[instance.definition_id], today))
        return result


def open_flow_of(session: Session, employee_id: int, kind: FlowKind) -> FlowInstance | None:
    return session.execute(
        select(FlowInstance).where(
            FlowInstance.subject_employee_id == employee_id,
            FlowInstance.kind == kind.value,
            FlowInstance.status.in_(OPEN_STATUSES),
        )
    ).scalar()


def require_can_start_for(
    session: Session, ctx: ServiceContext, employee_id: int, permission: Permission
) -> str | None:
    """None when the caller acts for themself; the subject's name when acting on their behalf.
    PermissionDenied when the caller may do neither."""
    employee = session.get(Employee, employee_id)
    if employee is None:
        raise NotFound(tr("找不到该员工。"))
    if ctx.actor.employee_id == employee_id:
        return None
    if not ctx.actor.can(permission) or not in_scope(session, ctx.actor, permission, employee_id):
        raise worded(ctx.denied(permission), tr("您不能为{0}发起这个流程。").format(employee.name))
    return employee.name

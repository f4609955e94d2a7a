"""Approval flows as data: definitions (ordered steps) and the state machine that moves an instance.

A definition says, per step, who acts (a role, or a relation to the subject employee such as the
直属上级 or the 项目负责人 of their 项目部), what they may do, an optional condition (a named fact
about the case, e.g. "the employee is in a 项目部") and a deadline in working days. Definitions are
versioned and immutable once used: a running instance keeps the version it started with.

The state machine here is pure: it takes the definition, the current position and the facts, and
says where the instance goes. Who may act, what the effects are and what is stored is the
service's business.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.labels import LabeledEnum
from hrdesk.core.kernel.permissions import Role

INITIATOR = -1  # step index meaning "back with the person who started the flow"
MAX_DEADLINE_DAYS = 60


class FlowKind(LabeledEnum):
    ONBOARDING = "onboarding"
    CONFIRMATION = "confirmation"
    TRANSFER = "transfer"
    SEPARATION = "separation"

    @classmethod
    def _labels(cls):
        return {cls.ONBOARDING: "入职", cls.CONFIRMATION: "转正", cls.TRANSFER: "调岗/调薪", cls.SEPARATION: "离职"}


class FlowStatus(LabeledEnum):
    RUNNING = "running"
    RETURNED = "returned"  # sent back to the initiator, who may resubmit or withdraw
    COMPLETED = "completed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    @classmethod
    def _labels(cls):
        return {
            cls.RUNNING: "审批中",
            cls.RETURNED: "已退回",
            cls.COMPLETED: "已完成",
            cls.REJECTED: "已驳回",
            cls.WITHDRAWN: "已撤回",
        }

    @property
    def is_open(self) -> bool:
        return self in (FlowStatus.RUNNING, FlowStatus.RETURNED)


class Action(LabeledEnum):
    SUBMIT = "submit"
    APPROVE = "approve"
    REJECT = "reject"
    RETURN = "return"
    COMMENT = "comment"
    WITHDRAW = "withdraw"
    SKIP = "skip"  # recorded by the system when a step's condition does not hold

    @classmethod
    def _labels(cls):
        return {
            cls.SUBMIT: "提交",
            cls.APPROVE: "同意",
            cls.REJECT: "驳回",
            cls.RETURN: "退回上一步",
            cls.COMMENT: "评论",
            cls.WITHDRAW: "撤回",
            cls.SKIP: "跳过",
        }


STEP_ACTIONS = (Action.APPROVE, Action.REJECT, Action.RETURN)


class ActorKind(LabeledEnum):
    ROLE = "role"
    MANAGER = "manager"  # the subject's 直属上级
    PROJECT_LEAD = "project_lead"  # head of the subject's 项目部
    DEPARTMENT_HEAD = "department_head"  # head of the subject's department
    NEW_MANAGER = "new_manager"  # on a transfer: the manager the employee moves to

    @classmethod
    def _labels(cls):
        return {
            cls.ROLE: "角色",
            cls.MANAGER: "直属上级",
            cls.PROJECT_LEAD: "项目负责人",
            cls.DEPARTMENT_HEAD: "部门负责人",
            cls.NEW_MANAGER: "新直属上级",
        }


# Facts a step may depend on; the services compute them for each case.
CONDITIONS: dict[str, str] = {
    "in_project_department": "员工属于项目部",
    "has_open_finance_items": "有未结清的借款、备用金或报销",
    "changes_salary": "涉及调薪",
    "changes_manager": "更换直属上级",
    "in_probation": "员工在试用期内",
}


def condition_label(key: str) -> str:
    return tr(CONDITIONS[key])


@dataclass(frozen=True)
class StepDef:
    key: str
    name: str
    actor_kind: ActorKind
    role: Role | None = None  # for ActorKind.ROLE
    actions: tuple[Action, ...] = STEP_ACTIONS
    condition: str | None = None
    deadline_days: int = 3
    requires_checklist_closed: bool = False  # e.g. HR archiving a separation

    def applies(self, facts: dict[str, bool]) -> bool:
        return self.condition is None or bool(facts.get(self.condition))

    def actor_label(self) -> str:
        return self.role.label if self.actor_kind is ActorKind.ROLE and self.role else self.actor_kind.label


@dataclass(frozen=True)
class FlowDefinition:
    kind: FlowKind
    name: str
    steps: tuple[StepDef, ...]
    version: int = 1

    def step(self, index: int) -> StepDef:
        return self.steps[index]


@dataclass(frozen=True)
class Position:
    """Where an instance is: its status and, while running, the index of the current step."""

    status: FlowStatus
    step: int = INITIATOR


@dataclass(frozen=True)
class Move:
    """The result of an action: the new position and the steps skipped on the way."""

    position: Position
    skipped: tuple[int, ...] = field(default_factory=tuple)

    @property
    def completed(self) -> bool:
        return self.position.status is FlowStatus.COMPLETED


class TransitionError(ValueError):
    """The action is not possible here; the message is for the user."""


def _next_applicable(definition: FlowDefinition, after: int, facts: dict[str, bool]) -> tuple[int | None, tuple]:
    skipped: list[int] = []
    for index in range(after + 1, len(definition.steps)):
        if definition.steps[index].applies(facts):
            return index, tuple(skipped)
        skipped.append(index)
    return None, tuple(skipped)


def _previous_applicable(definition: FlowDefinition, before: int, facts: dict[str, bool]) -> int:
    for index in range(before - 1, -1, -1):
        if definition.steps[index].applies(facts):
            return index
    return INITIATOR


def submit(definition: FlowDefinition, facts: dict[str, bool]) -> Move:
    """Start (or resubmit after a return): go to the first step whose condition holds."""
    index, skipped = _next_applicable(definition, INITIATOR, facts)
    if index is None:
        return Move(Position(FlowStatus.COMPLETED), skipped)
    return Move(Position(FlowStatus.RUNNING, index), skipped)


def act(definition: FlowDefinition, position: Position, action: Action, facts: dict[str, bool]) -> Move:
    """Apply a step action (approve, reject, return, comment) or the initiator's resubmit/withdraw."""
    if not position.status.is_open:
        raise TransitionError(tr("该流程已经结束（{0}），不能再操作。").format(position.status.label))
    if position.status is FlowStatus.RETURNED:
        if action is Action.SUBMIT:
            return submit(definition, facts)
        if action is Action.WITHDRAW:
            return Move(Position(FlowStatus.WITHDRAWN))
        if action is Action.COMMENT:
            return Move(position)
        raise TransitionError(tr("流程已退回发起人，只能重新提交或撤回。"))
    if action is Action.WITHDRAW:
        return Move(Position(FlowStatus.WITHDRAWN))
    step = definition.step(position.step)
    if action is Action.COMMENT:
        return Move(position)
    if action not in step.actions:
        raise TransitionError(tr("“{0}”这一步不允许“{1}”。").format(step.name, action.label))
    if action is Action.REJECT:
        return Move(Position(FlowStatus.REJECTED, position.step))
    if action is Action.RETURN:
        previous = _previous_applicable(definition, position.step, facts)
        status = FlowStatus.RETURNED if previous == INITIATOR else FlowStatus.RUNNING
        return Move(Position(status, previous))
    if action is Action.APPROVE:
        index, skipped = _next_applicable(definition, position.step, facts)
        if index is None:
            return Move(Position(FlowStatus.COMPLETED, position.step), skipped)
        return Move(Position(FlowStatus.RUNNING, index), skipped)
    raise TransitionError(tr("不支持的操作：{0}").format(action.label))


# --- definitions as data ---------------------------------------------------------------------


def validate_definition(definition: FlowDefinition) -> dict[str, str]:
    """Problems by field ("steps", "steps.<n>.<field>"); empty when the definition can be used."""
    errors: dict[str, str] = {}
    if not definition.name.strip():
        errors["name"] = tr("请填写流程名称")
    if not definition.steps:
        errors["steps"] = tr("流程至少需要一个审批步骤")
    keys = set()
    for n, step in enumerate(definition.steps, start=1):
        prefix = f"steps.{n}"
        if not step.key or step.key in keys:
            errors[f"{prefix}.key"] = tr("第{0}步的代码为空或与其他步骤重复").format(n)
        keys.add(step.key)
        if not step.name.strip():
            errors[f"{prefix}.name"] = tr("请填写第{0}步的名称").format(n)
        if step.actor_kind is ActorKind.ROLE and step.role is None:
            errors[f"{prefix}.role"] = tr("第{0}步需要选择由哪个角色审批").format(n)
        if step.condition is not None and step.condition not in CONDITIONS:
            errors[f"{prefix}.condition"] = tr("第{0}步的条件“{1}”不存在").format(n, step.condition)
        if not 0 <= step.deadline_days <= MAX_DEADLINE_DAYS:
            errors[f"{prefix}.deadline_days"] = tr("第{0}步的期限应在0到{1}个工作日之间").format(n, MAX_DEADLINE_DAYS)
        if Action.APPROVE not in step.actions:
            errors[f"{prefix}.actions"] = tr("第{0}步必须允许“同意”").format(n)
        if any(a not in STEP_ACTIONS for a in step.actions):
            errors[f"{prefix}.actions"] = tr("第{0}步只能允许同意、驳回、退回").format(n)
    return errors


def steps_to_json(steps: tuple[StepDef, ...]) -> str:
    return json.dumps(
        [
            {
                "key": s.key,
                "name": s.name,
                "actor_kind": s.actor_kind.value,
                "role": s.role.value if s.role else None,
                "actions": [a.value for a in s.actions],
                "condition": s.condition,
                "deadline_days": s.deadline_days,
                "requires_checklist_closed": s.requires_checklist_closed,
            }
            for s in steps
        ],
        ensure_ascii=False,
        sort_keys=True,
    )


def steps_from_json(text: str) -> tuple[StepDef, ...]:
    """Parse stored or imported steps; ValueError with a user message for unknown roles or kinds."""
    try:
        raw = json.loads(text)
    except ValueError:
        raise ValueError(tr("流程步骤不是有效的 JSON")) from None
    steps = []
    for n, item in enumerate(raw, start=1):
        try:
            actor_kind = ActorKind(item["actor_kind"])
            role = Role(item["role"]) if item.get("role") else None
            actions = tuple(Action(a) for a in item.get("actions", [a.value for a in STEP_ACTIONS]))
        except (KeyError, ValueError):
            raise ValueError(
                tr("第{0}步的审批人或角色无效：{1}").format(n, item.get("role") or item.get("actor_kind"))
            ) from None
        steps.append(
            StepDef(
                key=str(item.get("key", "")),
                name=str(item.get("name", "")),
                actor_kind=actor_kind,
                role=role,
                actions=actions,
                condition=item.get("condition"),
                deadline_days=int(item.get("deadline_days", 3)),
                requires_checklist_closed=bool(item.get("requires_checklist_closed", False)),
            )
        )
    return tuple(steps)

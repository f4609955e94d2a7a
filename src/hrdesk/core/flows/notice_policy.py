"""Notification policies (通知策略): who is told about a lifecycle event, by role and relation.

A policy never reaches outside the company (recipients are the company's own users and employees)
and never reaches senior management unless they take part in the flow or the policy names them.
The sender sees the list before anything goes out and may only remove people from it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.labels import LabeledEnum
from hrdesk.core.kernel.permissions import Role


class Relation(LabeledEnum):
    SUBJECT = "subject"
    MANAGER = "manager"
    NEW_MANAGER = "new_manager"
    PROJECT_LEAD = "project_lead"
    DEPARTMENT_HEAD = "department_head"
    DEPARTMENT_COLLEAGUES = "department_colleagues"
    PROJECT_COLLEAGUES = "project_colleagues"
    FLOW_PARTICIPANTS = "flow_participants"
    CHECKLIST_OWNERS = "checklist_owners"

    @classmethod
    def _labels(cls):
        return {
            cls.SUBJECT: "员工本人",
            cls.MANAGER: "直属上级",
            cls.NEW_MANAGER: "新直属上级",
            cls.PROJECT_LEAD: "项目负责人",
            cls.DEPARTMENT_HEAD: "部门负责人",
            cls.DEPARTMENT_COLLEAGUES: "本部门同事",
            cls.PROJECT_COLLEAGUES: "项目部同事",
            cls.FLOW_PARTICIPANTS: "流程审批人",
            cls.CHECKLIST_OWNERS: "交接清单负责人（如行政/IT）",
        }


class Event(LabeledEnum):
    SEPARATION_STARTED = "separation.started"
    SEPARATION_COMPLETED = "separation.completed"
    ONBOARDING_COMPLETED = "onboarding.completed"
    CONFIRMATION_COMPLETED = "confirmation.completed"
    TRANSFER_COMPLETED = "transfer.completed"

    @classmethod
    def _labels(cls):
        return {
            cls.SEPARATION_STARTED: "离职申请已提交",
            cls.SEPARATION_COMPLETED: "离职办理完成",
            cls.ONBOARDING_COMPLETED: "新员工入职",
            cls.CONFIRMATION_COMPLETED: "员工转正",
            cls.TRANSFER_COMPLETED: "调岗/调薪生效",
        }


@dataclass(frozen=True)
class Policy:
    event: Event
    roles: frozenset[Role] = field(default_factory=frozenset)
    relations: frozenset[Relation] = field(default_factory=frozenset)
    email: bool = True  # also by e-mail where the recipient has an address and SMTP is set up

    def to_json(self) -> str:
        return json.dumps(
            {
                "roles": sorted(r.value for r in self.roles),
                "relations": sorted(r.value for r in self.relations),
                "email": self.email,
            }
        )

    @classmethod
    def from_json(cls, event: Event, text: str) -> Policy:
        raw = json.loads(text)
        try:
            return cls(
                event,
                frozenset(Role(r) for r in raw.get("roles", [])),
                frozenset(Relation(r) for r in raw.get("relations", [])),
                bool(raw.get("email", True)),
            )
        except ValueError as exc:
            raise ValueError(tr("通知策略中有无效的角色或关系：{0}").format(exc)) from None


@dataclass(frozen=True)
class Recipient:
    """One person a notice may go to; ``key`` identifies them in the sender's remove-only edit."""

    key: str  # "user:12" or "employee:345"
    name: str
    user_id: int | None
    email: str | None
    reasons: tuple[str, ...]


def merge_recipients(found: list[Recipient]) -> list[Recipient]:
    """One entry per person, with every reason they are on the list."""
    merged: dict[str, Recipient] = {}
    for r in found:
        if r.key in merged:
            old = merged[r.key]
            reasons = old.reasons + tuple(x for x in r.reasons if x not in old.reasons)
            merged[r.key] = Recipient(r.key, old.name, old.user_id or r.user_id, old.email or r.email, reasons)
        else:
            merged[r.key] = r
    return list(merged.values())


def choose(proposed: list[Recipient], keep: list[str]) -> list[Recipient]:
    """The sender's final list: a subset of what the policy proposed. Anyone else is refused."""
    allowed = {r.key: r for r in proposed}
    extra = [k for k in keep if k not in allowed]
    if extra:
        raise PermissionError(tr("不能添加通知策略之外的收件人：{0}").format("、".join(extra)))
    return [allowed[k] for k in dict.fromkeys(keep)]

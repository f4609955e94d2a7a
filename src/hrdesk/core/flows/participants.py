"""Who is who around a flow's subject: the facts that decide conditional steps, and the users who
must act on a step (resolved when the step starts and stored as tasks)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrdesk.core.accounts.tables import User, UserRole
from hrdesk.core.flows.tables import ChecklistItem
from hrdesk.core.flows.workflow import ActorKind, StepDef
from hrdesk.core.kernel.errors import StateError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Role
from hrdesk.core.kernel.persistence.rows import stored_row
from hrdesk.core.org.tables import Department
from hrdesk.core.org.tree import DepartmentKind
from hrdesk.core.people.employee_rules import EmployeeStatus
from hrdesk.core.people.tables import Employee


@dataclass(frozen=True)
class Subject:
    """The employee a flow is about, as far as routing needs to know (None fields for onboarding)."""

    employee_id: int | None
    name: str
    department_id: int | None
    project_department_id: int | None
    manager_id: int | None
    status: EmployeeStatus | None


def subject_of(session: Session, employee_id: int) -> Subject:
    emp = stored_row(session, Employee, employee_id)
    return Subject(
        emp.id, emp.name, emp.department_id, emp.project_department_id, emp.manager_id, EmployeeStatus(emp.status)
    )


def project_department(session: Session, subject: Subject) -> int | None:
    """The 项目部 the subject works in: their 项目部 assignment, or their department if it is one."""
    if subject.project_department_id is not None:
        return subject.project_department_id
    if subject.department_id is not None:
        dept = session.get(Department, subject.department_id)
        if dept is not None and dept.kind == DepartmentKind.PROJECT.value:
            return dept.id
    return None


def facts_for(session: Session, subject: Subject, instance_id: int | None, payload: dict) -> dict[str, bool]:
    open_finance = False
    if instance_id is not None:
        open_finance = (
            session.execute(
                select(ChecklistItem.id).where(
                    ChecklistItem.instance_id == instance_id,
                    ChecklistItem.category == "finance",
                    ChecklistItem.status == "open",
                )
            ).first()
            is not None
        )
    changes = payload.get("changes", {})
    return {
        "in_project_department": project_department(session, subject) is not None,
        "has_open_finance_items": open_finance,
        "changes_salary": "base_salary" in changes,
        "changes_manager": "manager_id" in changes,
        "in_probation": subject.status is EmployeeStatus.PROBATION,
    }


def user_of_employee(session: Session, employee_id: int | None) -> int | None:
    if employee_id is None:
        return None
    return session.execute(select(User.id).where(User.employee_id == employee_id, User.active.is_(True))).scalar()


def users_with_role(session: Session, role: Role) -> list[int]:
    return list(
        session.execute(
            select(User.id)
            .join(UserRole, UserRole.user_id == User.id)
            .where(UserRole.role == role.value, User.active.is_(True))
            .order_by(User.id)
        ).scalars()
    )


def department_head(session: Session, department_id: int | None, exclude_employee: int | None) -> int | None:
    """The head of the department, or of the nearest department above with a head other than the
    subject (a head's own resignation goes to the head above)."""
    seen = set()
    while department_id is not None and department_id not in seen:
        seen.add(department_id)
        dept = session.get(Department, department_id)
        if dept is None:
            return None
        if dept.head_employee_id is not None and dept.head_employee_id != exclude_employee:
            return dept.head_employee_id
        department_id = dept.parent_id
    return None


def barred_users(session: Session, subject_employee_id: int | None, initiator_user: int | None) -> frozenset[int]:
    """The accounts that may never act on a step of this flow: the subject's (active or not; an
    employee has at most one) and the initiator's. Nobody approves their own case or proposal."""
    barred: set[int] = set()
    if subject_employee_id is not None:
        barred.update(session.execute(select(User.id).where(User.employee_id == subject_employee_id)).scalars())
    if initiator_user is not None:
        barred.add(initiator_user)
    return frozenset(barred)


@dataclass(frozen=True)
class Assignment:
    """Who acts on a step. No users and not ``initiator_is_approver``: nobody may take the step
    (``reason`` says why), and the flow waits for an administrator to name a handler."""

    users: list[int]
    reason: str | None = None  # why someone other than the natural approver acts, or why nobody can
    initiator_is_approver: bool = False  # the person who started the flow is this step's approver

    @property
    def stuck(self) -> bool:
        return not self.users and not self.initiator_is_approver


def assignees(
    session: Session,
    step: StepDef,
    subject: Subject,
    payload: dict,
    initiator_user: int | None = None,
    proposal_may_decide: bool = True,
) -> Assignment:
    """Users who act on ``step``.

    Nobody approves their own case or proposal, ever: the subject's account and the initiator are
    never assignees (:func:`barred_users`), not even as the last resort. When the natural approver
    is missing (no manager account, no 项目负责人, no other holder of the role) or is one of them,
    the fallback role acts instead (人事 for every step but 人事's own, the administrator for
    人事's), and the reason is recorded. When the fallback has nobody else either, the step is
    stuck: no tasks, and the administrator names a handler (:mod:`.stuck`).

    One case is not approval of one's own proposal and passes on its own: a relation step whose
    natural approver started the flow (a manager proposing their report's 转正 or 调薪). Proposing
    is that person's decision as 直属上级, recorded as such by the system ("发起人即本步审批人"), and
    no approval is recorded in their name; what the proposal still needs is someone else's
    approval, which the later steps give. So it passes only when a later step follows
    (``proposal_may_decide``, which the engine sets) and never on a step guarding the checklist;
    otherwise it is treated like any other step whose approver is barred.
    """
    barred = barred_users(session, subject.employee_id, initiator_user)
    employee_target = None
    if step.actor_kind is ActorKind.ROLE:
        if step.role is None:  # validate_definition refuses a role step without its role
            raise StateError(tr("“{0}”这一步没有指定审批角色，请检查流程定义。").format(step.name))
        natural = users_with_role(session, step.role)
    else:
        if step.actor_kind is ActorKind.MANAGER:
            employee_target = subject.manager_id or payload.get("manager_id")
        elif step.actor_kind is ActorKind.NEW_MANAGER:
            employee_target = payload.get("changes", {}).get("manager_id", {}).get("to")
        elif step.actor_kind is ActorKind.PROJECT_LEAD:
            project = project_department(session, subject)
            employee_target = department_head(session, project, subject.employee_id) if project else None
        elif step.actor_kind is ActorKind.DEPARTMENT_HEAD:
            department = subject.department_id or payload.get("department_id")
            employee_target = department_head(session, department, subject.employee_id)
        user = user_of_employee(session, employee_target)
        natural = [user] if user is not None else []
    users = [u for u in natural if u not in barred]
    if users:
        return Assignment(users)
    if (
        initiator_user is not None
        and initiator_user in natural
        and step.actor_kind is not ActorKind.ROLE
        and not step.requires_checklist_closed
        and proposal_may_decide
    ):
        return Assignment([], None, True)
    fallback_role = Role.HR if step.role is not Role.HR else Role.ADMIN
    fallback = [u for u in users_with_role(session, fallback_role) if u not in barred]
    if step.actor_kind is ActorKind.ROLE:
        missing = tr("没有其他{0}账号").format(step.actor_label())
    elif employee_target is None:
        missing = tr("没有{0}").format(step.actor_label())
    elif natural:
        missing = tr("{0}是发起人或当事人本人").format(step.actor_label())
    else:
        missing = tr("{0}没有可用的账号").format(step.actor_label())
    if fallback:
        return Assignment(fallback, tr("{0}，由{1}代办").format(missing, fallback_role.label))
    return Assignment(
        [],
        tr("{0}，且除发起人和当事人外没有其他{1}账号，等待管理员指定处理人").format(missing, fallback_role.label),
    )

"""What a completed (or abandoned) flow does to the employee record: the only way lifecycle state
changes. Each effect writes its own audit record in the flow's transaction."""

from __future__ import annotations

import json
import secrets
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from hrdesk.core.accounts.passwords import hash_password
from hrdesk.core.accounts.tables import User, UserRole
from hrdesk.core.flows import notices
from hrdesk.core.flows.notice_policy import Event
from hrdesk.core.flows.participants import Subject, department_head, project_department
from hrdesk.core.flows.tables import EmployeeChange, FlowInstance, Separation
from hrdesk.core.flows.workflow import FlowKind
from hrdesk.core.kernel.context import Transaction
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.persistence.rows import stored_row
from hrdesk.core.org.tables import Department
from hrdesk.core.people.employee_rules import EmployeeStatus, employee_input_from_json
from hrdesk.core.people.tables import Employee


def on_completed(tx: Transaction, instance: FlowInstance, subject: Subject) -> None:
    {
        FlowKind.SEPARATION: _complete_separation,
        FlowKind.CONFIRMATION: _complete_confirmation,
        FlowKind.TRANSFER: _complete_transfer,
        FlowKind.ONBOARDING: _complete_onboarding,
    }[FlowKind(instance.kind)](tx, instance)


def on_abandoned(tx: Transaction, instance: FlowInstance, subject: Subject, previous_status: str) -> None:
    """Rejected or withdrawn: undo what starting the flow did (a separation's 待离职)."""
    if FlowKind(instance.kind) is FlowKind.SEPARATION:
        employee = stored_row(tx.session, Employee, instance.subject_employee_id)
        payload = json.loads(instance.payload)
        before = {"status": employee.status, "last_working_day": employee.last_working_day}
        employee.status = payload.get("previous_status", EmployeeStatus.REGULAR.value)
        employee.last_working_day = None
        employee.updated_at = tx.ctx.clock.now()
        tx.audit(
            "employee.status",
            "employee",
            employee.id,
            tr("离职流程{0}，{1}恢复为{2}").format(tr("已结束"), employee.name, EmployeeStatus(employee.status).label),
            before,
            {"status": employee.status, "last_working_day": None},
        )
        tx.changed("employee", "updated", employee.id)


def _complete_separation(tx: Transaction, instance: FlowInstance) -> None:
    session = tx.session
    employee = stored_row(session, Employee, instance.subject_employee_id)
    separation = session.execute(select(Separation).where(Separation.instance_id == instance.id)).scalar_one()
    before = {"status": employee.status, "last_working_day": employee.last_working_day}
    employee.status = EmployeeStatus.SEPARATED.value
    employee.last_working_day = separation.last_working_day
    employee.updated_at = tx.ctx.clock.now()
    separation.completed_at = tx.ctx.clock.now()
    tx.audit(
        "employee.separate",
        "employee",
        employee.id,
        tr("{0} 离职办结：最后工作日 {1}，停保月份 {2}").format(
            employee.name, separation.last_working_day.isoformat(), separation.stop_month.strftime("%Y-%m")
        ),
        before,
        {"status": employee.status, "last_working_day": employee.last_working_day, "stop_month": separation.stop_month},
    )
    user = session.execute(select(User).where(User.employee_id == employee.id)).scalar()
    if user is not None:
        user.active_until = separation.last_working_day
        tx.audit(
            "user.active_until",
            "user",
            user.id,
            tr("账号 {0} 将于 {1} 之后停用").format(user.username, separation.last_working_day.isoformat()),
            None,
            {"active_until": separation.last_working_day},
        )
        tx.changed("user", "updated", user.id)
    tx.changed("employee", "updated", employee.id)
    _draft_completion_notices(tx, instance, employee, separation.last_working_day)


def _draft_completion_notices(tx: Transaction, instance: FlowInstance, employee: Employee, last_day: date) -> None:
    archiver = tx.ctx.actor.user_id
    notices.draft(
        tx,
        instance,
        Event.SEPARATION_COMPLETED,
        tr("人员离职通知：{0}").format(employee.name),
        tr("{0}（{1}）的离职手续已办结，最后工作日为 {2}。相关工作请与其直属上级联系。").format(
            employee.name, employee.emp_no, last_day.isoformat()
        ),
        sender_user_id=archiver,
    )
    project = project_department(
        tx.session,
        Subject(
            employee.id,
            employee.name,
            employee.department_id,
            employee.project_department_id,
            employee.manager_id,
            None,
        ),
    )
    if project is None:
        return
    lead_employee = department_head(tx.session, project, employee.id)
    lead_user = (
        tx.session.execute(select(User.id).where(User.employee_id == lead_employee)).scalar() if lead_employee else None
    )
    if lead_user is None:
        return
    # Partner companies are told by the 项目部, never by the leaving employee: a draft for the lead.
    notices.notify_users(
        tx,
        [lead_user],
        tr("请通知合作单位：{0}离职").format(employee.name),
        tr(
            "以下是致合作单位的人员变更通知草稿，请项目部核对后以项目部名义发出：\n\n"
            "贵单位：\n我司{0}项目人员{1}已于{2}离职，自即日起不再代表我司处理该项目相关事务。"
            "后续工作由项目部另行安排人员对接。\n\n（本草稿仅供项目部使用，系统不会自动发送给外部单位。）"
        ).format(stored_row(tx.session, Department, project).name, employee.name, last_day.isoformat()),
        "separation.partner_draft",
        instance.id,
    )


def _complete_confirmation(tx: Transaction, instance: FlowInstance) -> None:
    employee = stored_row(tx.session, Employee, instance.subject_employee_id)
    payload = json.loads(instance.payload)
    before = {"status": employee.status, "confirmation_date": employee.confirmation_date}
    employee.status = EmployeeStatus.REGULAR.value
    employee.confirmation_date = date.fromisoformat(payload["confirmation_date"])
    employee.updated_at = tx.ctx.clock.now()
    tx.audit(
        "employee.confirm",
        "employee",
        employee.id,
        tr("{0} 转正，转正日期 {1}").format(employee.name, employee.confirmation_date.isoformat()),
        before,
        {
            "status": employee.status,
            "confirmation_date": employee.confirmation_date,
            "evaluation": payload.get("evaluation"),
        },
    )
    tx.changed("employee", "updated", employee.id)
    _notice(
        tx,
        instance,
        Event.CONFIRMATION_COMPLETED,
        tr("员工转正：{0}").format(employee.name),
        tr("{0}（{1}）已于 {2} 转正。").format(employee.name, employee.emp_no, employee.confirmation_date.isoformat()),
    )


def _complete_transfer(tx: Transaction, instance: FlowInstance) -> None:
    payload = json.loads(instance.payload)
    effective = date.fromisoformat(payload["effective_date"])
    change = EmployeeChange(
        employee_id=instance.subject_employee_id,
        instance_id=instance.id,
        effective_date=effective,
        changes=json.dumps(payload["changes"], ensure_ascii=False),
    )
    tx.session.add(change)
    tx.session.flush()
    if effective <= tx.ctx.clock.today():
        apply_change(tx, change)
    employee = stored_row(tx.session, Employee, instance.subject_employee_id)
    _notice(
        tx,
        instance,
        Event.TRANSFER_COMPLETED,
        tr("调岗/调薪：{0}").format(employee.name),
        tr("{0}（{1}）的调岗/调薪已批准，{2}起生效。").format(employee.name, employee.emp_no, effective.isoformat()),
    )


def apply_change(tx: Transaction, change: EmployeeChange) -> None:
    """Apply an approved 调岗/调薪 to the employee record (on its effective date)."""
    employee = stored_row(tx.session, Employee, change.employee_id)
    changes = json.loads(change.changes)
    before, after = {}, {}
    for key, values in changes.items():
        before[key] = getattr(employee, key)
        value = values["to"]
        if key == "base_salary":
            value = Decimal(value)
        setattr(employee, key, value)
        after[key] = value
    employee.updated_at = tx.ctx.clock.now()
    change.applied_at = tx.ctx.clock.now()
    tx.audit(
        "employee.transfer",
        "employee",
        employee.id,
        tr("{0} 调岗/调薪生效（{1}）").format(employee.name, change.effective_date.isoformat()),
        before,
        after,
    )
    tx.changed("employee", "updated", employee.id)


def _complete_onboarding(tx: Transaction, instance: FlowInstance) -> None:
    from hrdesk.core.flows import checklists
    from hrdesk.core.people import employees

    payload = json.loads(instance.payload)
    employee = employees.create_in(
        tx, employee_input_from_json(payload["employee"]), tr("入职：新建员工 {0}").format(payload["name"])
    )
    instance.subject_employee_id = employee.id
    account = payload.get("account")
    if account:
        password = generate_temporary_password()
        user = User(
            username=account["username"],
            display_name=employee.name,
            password_hash=hash_password(password),
            employee_id=employee.id,
            active=True,
            failed_logins=0,
            must_change_password=True,
            created_at=tx.ctx.clock.now(),
            roles=[UserRole(role=r) for r in account["roles"]],
        )
        tx.session.add(user)
        tx.session.flush()
        tx.audit(
            "user.create",
            "user",
            user.id,
            tr("入职：开通账号 {0}").format(user.username),
            None,
            {
                "username": user.username,
                "display_name": user.display_name,
                "employee_id": employee.id,
                "roles": sorted(account["roles"]),
                "active": user.active,
            },
        )
        if instance.initiator_user_id:
            notices.notify_users(
                tx,
                [instance.initiator_user_id],
                tr("新员工账号：{0}").format(employee.name),
                tr("已为{0}开通账号 {1}，临时密码：{2}\n请当面交给本人，首次登录时须修改密码。").format(
                    employee.name, user.username, password
                ),
                "onboarding.account",
                instance.id,
            )
    checklists.generate(tx.session, instance.id, employee, kind="onboarding")
    _notice(
        tx,
        instance,
        Event.ONBOARDING_COMPLETED,
        tr("新员工入职：{0}").format(employee.name),
        tr("{0}（{1}）已于 {2} 入职。").format(employee.name, employee.emp_no, employee.hire_date.isoformat()),
    )


def _notice(tx: Transaction, instance: FlowInstance, event: Event, title: str, body: str) -> None:
    """Draft the policy's notice for the user who completed the flow."""
    notices.draft(tx, instance, event, title, body, sender_user_id=tx.ctx.actor.user_id)


def generate_temporary_password() -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789"
    return "".join(secrets.choice(alphabet) for _ in range(12))

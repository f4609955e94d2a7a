"""Starting the other lifecycle flows: 入职 (onboarding), 转正 (confirmation) and 调岗/调薪 (transfer).

Each validates its proposal completely before anything is stored, so that the approvers decide on
something that can actually be applied; the change itself happens when the flow completes.
"""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrdesk.core.accounts.tables import User
from hrdesk.core.accounts.users import USERNAME_PATTERN
from hrdesk.core.flows import engine
from hrdesk.core.flows.participants import Subject, subject_of
from hrdesk.core.flows.tables import FlowInstance
from hrdesk.core.flows.workflow import FlowKind
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import StateError, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.money import MoneyError, parse_money
from hrdesk.core.kernel.permissions import Permission, Role, Scope
from hrdesk.core.kernel.persistence.rows import stored_row
from hrdesk.core.kernel.refusals import worded
from hrdesk.core.kernel.text_rules import clean_text
from hrdesk.core.org.tables import Department, Position
from hrdesk.core.people import employees as employee_service
from hrdesk.core.people.employee_rules import EmployeeInput, EmployeeStatus, employee_input_to_json, validate_employee
from hrdesk.core.people.tables import Employee

TRANSFER_FIELDS = ("department_id", "project_department_id", "position_id", "manager_id", "base_salary")


def start_confirmation(
    ctx: ServiceContext, employee_id: int, confirmation_date: date, evaluation: str
) -> engine.FlowDetail:
    """转正: proposed by HR or the employee's manager, with the evaluation and the date."""
    evaluation = clean_text(evaluation, tr("转正评价"), "evaluation", multiline=True)
    with ctx.transaction() as tx:
        session = tx.session
        on_behalf = engine.require_can_start_for(session, ctx, employee_id, Permission.FLOW_PROPOSE)
        if on_behalf is None:
            raise worded(ctx.denied(Permission.FLOW_PROPOSE), tr("转正由直属上级或人事发起。"))
        employee = stored_row(session, Employee, employee_id)
        errors = {}
        if employee.status != EmployeeStatus.PROBATION.value:
            raise StateError(
                tr("{0}不在试用期（当前：{1}），无需转正。").format(
                    employee.name, EmployeeStatus(employee.status).label
                )
            )
        if engine.open_flow_of(session, employee_id, FlowKind.CONFIRMATION):
            raise StateError(tr("{0}已有一个进行中的转正流程。").format(employee.name))
        if confirmation_date <= employee.hire_date:
            errors["confirmation_date"] = tr("转正日期应晚于入职日期")
        if len(evaluation) < 4:
            errors["evaluation"] = tr("请填写试用期评估意见（至少4个字）")
        if errors:
            raise ValidationError(errors)
        payload = {"confirmation_date": confirmation_date.isoformat(), "evaluation": evaluation}
        title = tr("{0} {1} 转正").format(employee.emp_no, employee.name)
        instance = engine.create_instance(
            tx, FlowKind.CONFIRMATION, subject_of(session, employee_id), title, payload, None, evaluation
        )
        engine.submit_new(tx, instance, subject_of(session, employee_id), evaluation)
        tx.changed("flow", "created", instance.id)
        instance_id = instance.id
    return engine.get(ctx, instance_id)


def start_transfer(
    ctx: ServiceContext, employee_id: int, effective_date: date, changes: dict, reason: str
) -> engine.FlowDetail:
    """调岗/调薪: ``changes`` maps any of department_id, project_department_id, position_id,
    manager_id, base_salary to the new value; effective on ``effective_date``."""
    reason = clean_text(reason, tr("调动原因"), "reason", multiline=True)
    with ctx.transaction() as tx:
        session = tx.session
        on_behalf = engine.require_can_start_for(session, ctx, employee_id, Permission.FLOW_PROPOSE)
        if on_behalf is None:
            raise worded(ctx.denied(Permission.FLOW_PROPOSE), tr("调岗、调薪由直属上级、项目负责人或人事发起。"))
        employee = stored_row(session, Employee, employee_id)
        if employee.status == EmployeeStatus.SEPARATED.value:
            raise StateError(tr("{0}已经离职。").format(employee.name))
        if engine.open_flow_of(session, employee_id, FlowKind.TRANSFER):
            raise StateError(tr("{0}已有一个进行中的调岗/调薪流程。").format(employee.name))
        diff, errors = _transfer_diff(session, employee, changes)
        if not diff and not errors:
            errors["changes"] = tr("没有任何变动")
        if effective_date < employee.hire_date:
            errors["effective_date"] = tr("生效日期不能早于入职日期")
        if len(reason) < 2:
            errors["reason"] = tr("请填写调动原因")
        if errors:
            raise ValidationError(errors)
        payload = {"effective_date": effective_date.isoformat(), "changes": diff, "reason": reason}
        title = tr("{0} {1} {2}").format(
            employee.emp_no, employee.name, tr("调薪") if set(diff) == {"base_salary"} else tr("调岗/调薪")
        )
        subject = subject_of(session, employee_id)
        instance = engine.create_instance(tx, FlowKind.TRANSFER, subject, title, payload, None, reason)
        engine.submit_new(tx, instance, subject, reason)
        tx.changed("flow", "created", instance.id)
        instance_id = instance.id
    return engine.get(ctx, instance_id)


def _transfer_diff(session, employee: Employee, changes: dict) -> tuple[dict, dict]:
    diff, errors = {}, {}
    for key, value in changes.items():
        if key not in TRANSFER_FIELDS:
            errors[key] = tr("不能通过调动修改“{0}”").format(key)
            continue
        old = getattr(employee, key)
        if key == "base_salary":
            try:
                value = parse_money(value)
            except MoneyError as exc:
                errors[key] = str(exc)
                continue
            if value == old:
                continue
            diff[key] = {"from": str(old), "to": str(value)}
            continue
        if value == old:
            continue
        if key in ("department_id", "project_department_id") and value is not None:
            dept = session.get(Department, value)
            if dept is None or not dept.active:
                errors[key] = tr("所选部门不存在或已停用")
                continue
            if key == "project_department_id" and dept.kind != "project":
                errors[key] = tr("所选部门不是项目部")
                continue
        if key == "department_id" and value is None:
            errors[key] = tr("请选择部门")
            continue
        if key == "position_id" and value is not None and session.get(Position, value) is None:
            errors[key] = tr("所选岗位不存在")
            continue
        if key == "manager_id" and value is not None:
            manager = session.get(Employee, value)
            if manager is None or manager.status == EmployeeStatus.SEPARATED.value or value == employee.id:
                errors[key] = tr("新直属上级不存在、已离职或是本人")
                continue
        diff[key] = {"from": old, "to": value}
    return diff, errors


def start_onboarding(
    ctx: ServiceContext,
    data: EmployeeInput,
    account_username: str | None = None,
    account_roles: set[Role] | None = None,
) -> engine.FlowDetail:
    """入职: HR proposes the new employee's record (validated now); the record, the account and the
    onboarding checklist are created when the flow completes."""
    if ctx.actor.scope_for(Permission.EMPLOYEE_EDIT) is not Scope.ALL:
        raise worded(ctx.denied(Permission.EMPLOYEE_EDIT, whole_company=True), tr("入职由人事发起。"))
    with ctx.transaction() as tx:
        session = tx.session
        values, errors = validate_employee(data)
        if values is not None:
            errors |= employee_service.reference_errors(session, values, None)
            pending_nos, pending_ids = pending_onboarding_numbers(session)
            if values.emp_no in pending_nos:
                errors["emp_no"] = tr("工号 {0} 已被另一个审批中的入职流程使用").format(values.emp_no)
            if values.id_number in pending_ids:
                errors["id_number"] = tr("该身份证号已在另一个审批中的入职流程里")
        username = (account_username or "").strip().lower()
        if username:
            if not USERNAME_PATTERN.match(username):
                errors["account_username"] = tr("用户名为2到40位小写字母、数字、点、下划线或短横线")
            elif session.execute(select(User.id).where(User.username == username)).first():
                errors["account_username"] = tr("用户名 {0} 已被使用").format(username)
        if errors or values is None:  # validate_employee gives no values only with errors
            raise ValidationError(errors)
        payload = {
            "employee": employee_input_to_json(data),
            "name": values.name,
            "department_id": values.department_id,
            "project_department_id": values.project_department_id,
            "manager_id": values.manager_id,
            "account": {"username": username, "roles": sorted(r.value for r in (account_roles or {Role.EMPLOYEE}))}
            if username
            else None,
        }
        subject = Subject(
            None, values.name, values.department_id, values.project_department_id, values.manager_id, None
        )
        title = tr("{0} {1} 入职（{2}）").format(values.emp_no, values.name, values.hire_date.isoformat())
        instance = engine.create_instance(tx, FlowKind.ONBOARDING, subject, title, payload, None, None)
        engine.submit_new(tx, instance, subject, None)
        tx.changed("flow", "created", instance.id)
        instance_id = instance.id
    return engine.get(ctx, instance_id)


def suggest_emp_no(ctx: ServiceContext, prefix: str = "E") -> str:
    """The next free 工号, counting those that 入职 flows under approval have reserved."""
    ctx.require(Permission.EMPLOYEE_EDIT)
    with ctx.read() as session:
        return employee_service.next_emp_no(session, prefix, pending_onboarding_numbers(session)[0])


def pending_onboarding_numbers(session: Session) -> tuple[list[str], list[str]]:
    """工号 and ID numbers proposed by 入职 flows still under approval: taken, though not yet stored."""
    payloads = session.execute(
        select(FlowInstance.payload).where(
            FlowInstance.kind == "onboarding", FlowInstance.status.in_(("running", "returned"))
        )
    ).scalars()
    emp_nos, id_numbers = [], []
    for text in payloads:
        employee = json.loads(text).get("employee", {})
        emp_nos.append((employee.get("emp_no") or "").strip())
        id_numbers.append((employee.get("id_number") or "").strip().upper())
    return emp_nos, id_numbers

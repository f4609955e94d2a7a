"""Starting a separation (离职): by the employee, or by HR on the employee's behalf."""

from __future__ import annotations

from datetime import date

from hrdesk.core.flows import checklists, engine, notices
from hrdesk.core.flows.notice_policy import Event
from hrdesk.core.flows.participants import subject_of
from hrdesk.core.flows.separation_rules import SeparationReason, notice_shortfall, stop_month
from hrdesk.core.flows.tables import Separation
from hrdesk.core.flows.workflow import FlowKind
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import StateError, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Permission
from hrdesk.core.kernel.persistence.rows import stored_row
from hrdesk.core.kernel.refusals import worded
from hrdesk.core.people.employee_rules import EmployeeStatus, last_day_problem
from hrdesk.core.people.tables import Employee


def start(
    ctx: ServiceContext,
    employee_id: int,
    reason: SeparationReason,
    last_working_day: date,
    comment: str | None = None,
    notice_date: date | None = None,
) -> engine.FlowDetail:
    """Start the separation flow; the employee becomes 待离职 until it completes or is withdrawn.

    An employee may only resign (主动辞职) for themself; every other reason, and anything on
    someone else's behalf, is HR's. A notice period shorter than the law asks for is allowed only
    with a written comment, which stays on the record.
    """
    notice_date = notice_date or ctx.clock.today()
    comment = (comment or "").strip() or None
    with ctx.transaction() as tx:
        session = tx.session
        on_behalf = engine.require_can_start_for(session, ctx, employee_id, Permission.FLOW_ON_BEHALF)
        employee = stored_row(session, Employee, employee_id)
        if on_behalf is None and not reason.employee_initiated:
            raise worded(
                ctx.denied(Permission.FLOW_ON_BEHALF),
                tr("“{0}”由人事发起；员工本人只能提交主动辞职。").format(reason.label),
            )
        status = EmployeeStatus(employee.status)
        if status is EmployeeStatus.SEPARATED:
            raise StateError(tr("{0}已经离职。").format(employee.name))
        if engine.open_flow_of(session, employee_id, FlowKind.SEPARATION) is not None:
            raise StateError(tr("{0}已有一个进行中的离职流程。").format(employee.name))
        errors = {}
        if last_working_day < employee.hire_date:
            errors["last_working_day"] = tr("最后工作日不能早于入职日期（{0}）").format(employee.hire_date.isoformat())
        elif too_far := last_day_problem(last_working_day, ctx.clock.today()):
            errors["last_working_day"] = too_far
        warning = notice_shortfall(reason, notice_date, last_working_day, status is EmployeeStatus.PROBATION)
        if warning and not comment:
            errors["comment"] = warning + tr("如确需继续，请填写说明。")
        if errors:
            raise ValidationError(errors)
        subject = subject_of(session, employee_id)
        payload = {
            "reason": reason.value,
            "last_working_day": last_working_day.isoformat(),
            "notice_date": notice_date.isoformat(),
            "notice_warning": warning,
            "previous_status": employee.status,
        }
        title = tr("{0} {1} 离职（{2}）").format(employee.emp_no, employee.name, reason.label)
        instance = engine.create_instance(tx, FlowKind.SEPARATION, subject, title, payload, on_behalf, comment)
        session.add(
            Separation(
                employee_id=employee_id,
                instance_id=instance.id,
                reason=reason.value,
                notice_date=notice_date,
                last_working_day=last_working_day,
                stop_month=stop_month(last_working_day),
                notice_warning=warning,
            )
        )
        before = {"status": employee.status, "last_working_day": employee.last_working_day}
        employee.status = EmployeeStatus.LEAVING.value
        employee.last_working_day = last_working_day  # the planned day; confirmed when the flow completes
        employee.updated_at = ctx.clock.now()
        tx.audit(
            "employee.status",
            "employee",
            employee.id,
            tr("{0} 进入离职流程，状态改为待离职").format(employee.name),
            before,
            {"status": employee.status, "last_working_day": last_working_day},
        )
        checklists.generate(session, instance.id, employee)
        engine.submit_new(tx, instance, subject_of(session, employee_id), comment)
        subject_line, body = _started_notice(employee, reason, last_working_day)
        notices.draft(tx, instance, Event.SEPARATION_STARTED, subject_line, body, sender_user_id=None)
        tx.changed("flow", "created", instance.id)
        tx.changed("employee", "updated", employee.id)
        instance_id = instance.id
    return engine.get(ctx, instance_id)


def _started_notice(employee: Employee, reason: SeparationReason, last_working_day: date) -> tuple[str, str]:
    """The drafted notice: a resignation is the employee's application; any other reason is the
    company's decision (the reason is named either way, as the flow's title does)."""
    if reason.employee_initiated:
        return tr("离职申请：{0}").format(employee.name), tr(
            "{0}（{1}）提交了离职申请，原因：{2}，最后工作日：{3}。请相关同事做好工作交接安排。"
        ).format(employee.name, employee.emp_no, reason.label, last_working_day.isoformat())
    return tr("离职办理：{0}").format(employee.name), tr(
        "公司已为{0}（{1}）发起离职办理，原因：{2}，最后工作日：{3}。请相关同事做好工作交接安排。"
    ).format(employee.name, employee.emp_no, reason.label, last_working_day.isoformat())

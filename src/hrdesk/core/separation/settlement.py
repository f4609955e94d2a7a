"""离职结算: everything owed to (and by) a leaver in one statement, computed with the same payroll
engine as every month, approved by finance in the separation flow and then posted to the payroll
month as locked items, so the bank file and the tax declaration include it.

The statement is available once the separation flow reaches its finance step. HR or finance enter
what the register does not know (cumulative working years, annual leave taken, the options of the
case); finance confirms each deduction taken from the handover checklist. When finance approves
its step, the statement is frozen as it was approved.
"""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrdesk.core.flows import definitions, step_hooks
from hrdesk.core.flows.tables import ChecklistItem, FlowInstance, Separation
from hrdesk.core.flows.workflow import ActorKind, FlowDefinition, FlowKind, FlowStatus
from hrdesk.core.kernel.context import ServiceContext, Transaction
from hrdesk.core.kernel.errors import NotFound, PermissionDenied, StateError, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Permission, Role
from hrdesk.core.kernel.persistence.rows import stored_row
from hrdesk.core.kernel.persistence.tables import Setting
from hrdesk.core.kernel.refusals import worded
from hrdesk.core.payroll.rules.report import RunStatus
from hrdesk.core.payroll.tables import PayrollEntry, PayrollRun
from hrdesk.core.people.tables import Employee
from hrdesk.core.separation.annual_leave import CompanyLeaveRule
from hrdesk.core.separation.statement import (
    LEAVE_RULE_KEY,
    SettlementParams,
    Statement,
    StatementLine,
    company_leave_rule,
    compute,
    item_types_by_code,
    money_text,
    months_text,
    settlement_items,
)
from hrdesk.core.separation.tables import Settlement

# ---- where the flow is ------------------------------------------------------------------------


def finance_step_index(definition: FlowDefinition) -> int | None:
    """The separation flow's settlement step: its first step for the finance role."""
    for index, step in enumerate(definition.steps):
        if step.actor_kind is ActorKind.ROLE and step.role is Role.FINANCE:
            return index
    return None


def is_settlement_step(definition: FlowDefinition, step_index: int) -> bool:
    return definition.kind is FlowKind.SEPARATION and finance_step_index(definition) == step_index


def _separation(session: Session, employee_id: int) -> tuple[Separation, FlowInstance]:
    row = session.execute(
        select(Separation, FlowInstance)
        .join(FlowInstance, FlowInstance.id == Separation.instance_id)
        .where(
            Separation.employee_id == employee_id,
            FlowInstance.status.notin_((FlowStatus.REJECTED.value, FlowStatus.WITHDRAWN.value)),
        )
        .order_by(Separation.id.desc())
        .limit(1)
    ).first()
    if row is None:
        employee = session.get(Employee, employee_id)
        name = employee.name if employee else str(employee_id)
        raise StateError(tr("{0}没有离职流程，无法结算。").format(name))
    return row[0], row[1]


def _require_finance_step_reached(session: Session, instance: FlowInstance) -> None:
    definition = definitions.by_id(session, instance.definition_id)
    index = finance_step_index(definition)
    if instance.status == FlowStatus.COMPLETED.value or index is None:
        return
    if instance.status != FlowStatus.RUNNING.value or instance.step_index < index:
        step = definition.step(index)
        raise StateError(
            tr("离职流程尚未到达“{0}”步骤，暂不能结算（当前：{1}）。").format(
                step.name,
                definition.step(instance.step_index).name
                if instance.status == FlowStatus.RUNNING.value
                else FlowStatus(instance.status).label,
            )
        )


def _require_reader(ctx: ServiceContext) -> None:
    if not ctx.actor.can_all(Permission.PAYROLL_VIEW):
        raise PermissionDenied(tr("只有人事和财务可以查看离职结算。"))


# ---- services ---------------------------------------------------------------------------------


def _row(session: Session, separation: Separation) -> Settlement | None:
    return session.execute(select(Settlement).where(Settlement.separation_id == separation.id)).scalar_one_or_none()


def statement(ctx: ServiceContext, employee_id: int) -> Statement:
    """The statement as it stands (or as finance approved it). Available from the finance step on."""
    _require_reader(ctx)
    with ctx.transaction() as tx:
        session = tx.session
        employee = session.get(Employee, employee_id)
        if employee is None:
            raise NotFound(tr("找不到该员工（编号 {0}）。").format(employee_id))
        separation, instance = _separation(session, employee_id)
        _require_finance_step_reached(session, instance)
        row = _row(session, separation)
        params = SettlementParams.from_json(row.params if row else None)
        result = compute(ctx, session, employee, separation, instance, params)
        if row is not None and row.status == "approved":
            if row.statement is None or row.payroll_month is None:  # approve_in sets them with the status
                raise StateError(tr("离职结算的审核记录不完整，请联系管理员。"))
            frozen = json.loads(row.statement)
            result = replace(
                result,
                lines=tuple(StatementLine(s, i, b, Decimal(a)) for s, i, b, a in frozen["lines"]),
                net_amount=Decimal(frozen["net_amount"]),
                payroll_month=row.payroll_month,
                approved=True,
                approved_by=row.approved_by,
                warnings=tuple(frozen.get("warnings", ())),
            )
        return result


def _draft(tx: Transaction, employee_id: int) -> tuple[Separation, FlowInstance, Settlement]:
    """The settlement HR and finance are still working on (created on first use); refused once
    finance approved it or before the flow reached the finance step."""
    session = tx.session
    separation, instance = _separation(session, employee_id)
    _require_finance_step_reached(session, instance)
    row = _row(session, separation)
    if row is not None and row.status == "approved":
        raise StateError(tr("离职结算已由财务审核，不能再修改。"))
    if row is None:
        row = Settlement(
            separation_id=separation.id, employee_id=employee_id, status="draft", params=SettlementParams().to_json()
        )
        session.add(row)
    row.updated_at = tx.ctx.clock.now()
    return separation, instance, row


def save_params(ctx: ServiceContext, employee_id: int, params: SettlementParams) -> Statement:
    """HR or finance enter the working years, leave taken and the options of the case."""
    if not ctx.actor.can_all(Permission.PAYROLL_INPUT):
        raise worded(ctx.denied(Permission.PAYROLL_INPUT, whole_company=True), tr("只有人事和财务可以填写离职结算。"))
    errors = {}
    for name in ("working_years", "leave_taken", "company_leave_taken", "average_wage"):
        value = getattr(params, name)
        if value is not None and value < 0:
            errors[name] = tr("不能为负数")
    if params.working_years is not None and params.working_years > 60:
        errors["working_years"] = tr("累计工作年限不超过60年")
    if errors:
        raise ValidationError(errors)
    with ctx.transaction() as tx:
        session = tx.session
        separation, instance, row = _draft(tx, employee_id)
        old = SettlementParams.from_json(row.params)
        params = replace(params, confirmed_deductions=old.confirmed_deductions)
        employee = stored_row(session, Employee, employee_id, tr("找不到该员工（编号 {0}）。").format(employee_id))
        compute(ctx, session, employee, separation, instance, params)  # refuses bad combinations
        row.params = params.to_json()
        tx.audit(
            "settlement.params",
            "employee",
            employee_id,
            tr("填写{0}的离职结算参数").format(employee.name),
            json.loads(old.to_json()),
            json.loads(params.to_json()),
        )
        tx.changed("settlement", "updated", employee_id)
    return statement(ctx, employee_id)


def confirm_deduction(ctx: ServiceContext, employee_id: int, item_id: int) -> Statement:
    """Finance confirms one deduction from the checklist at its current amount."""
    if Role.FINANCE not in ctx.actor.roles and not ctx.actor.is_system:
        raise worded(ctx.denied(Permission.PAYROLL_APPROVE, whole_company=True), tr("扣款需由财务确认。"))
    with ctx.transaction() as tx:
        _, instance, row = _draft(tx, employee_id)
        item = tx.session.get(ChecklistItem, item_id)
        if item is None or item.instance_id != instance.id or not item.amount:
            raise NotFound(tr("该扣款不属于这次离职结算。"))
        params = SettlementParams.from_json(row.params)
        confirmed = dict(params.confirmed_deductions)
        confirmed[str(item.id)] = str(item.amount)
        row.params = replace(params, confirmed_deductions=confirmed).to_json()
        tx.audit(
            "settlement.deduction",
            "employee",
            employee_id,
            tr("财务确认离职扣款：{0} {1}").format(item.title, money_text(item.amount)),
            None,
            {"item_id": item.id, "amount": item.amount},
        )
        tx.changed("settlement", "updated", employee_id)
    return statement(ctx, employee_id)


def approve_in(tx: Transaction, instance: FlowInstance) -> None:
    """Finance approves its step of a separation flow: freeze the statement and post its items to the
    payroll month as locked entries (called through the flow step hook inside the flow's transaction)."""
    session, ctx = tx.session, tx.ctx
    separation = session.execute(select(Separation).where(Separation.instance_id == instance.id)).scalar_one()
    employee = stored_row(session, Employee, separation.employee_id)
    row = _row(session, separation)
    params = SettlementParams.from_json(row.params if row else None)
    result = compute(ctx, session, employee, separation, instance, params)
    if result.average_missing:
        raise StateError(
            tr("前12个月平均工资缺少{0}个月的工资记录（{1}），结算金额尚不是最终结果，不能审核。").format(
                len(result.average_missing), months_text(result.average_missing)
            )
        )
    unconfirmed = [d for d in result.deductions if not d.confirmed]
    if unconfirmed:
        raise StateError(
            tr("离职结算中有{0}项扣款尚未确认（{1}），请先在结算单中逐项确认。").format(
                len(unconfirmed), "、".join(d.title for d in unconfirmed)
            )
        )
    month = result.payroll_month
    types = item_types_by_code(session)
    for entry in session.execute(
        select(PayrollEntry).where(
            PayrollEntry.employee_id == employee.id, PayrollEntry.source == "settlement", PayrollEntry.month == month
        )
    ).scalars():
        session.delete(entry)  # a statement approved again after a return replaces its items
    for code, amount, note in settlement_items(types, result.compensation, result.leave, list(result.deductions)):
        session.add(
            PayrollEntry(
                month=month,
                employee_id=employee.id,
                item_type_id=types[code].id,
                amount=amount,
                note=note[:200],
                source="settlement",
                locked=True,
                created_by=ctx.actor.display_name,
                created_at=ctx.clock.now(),
            )
        )
    if row is None:
        row = Settlement(
            separation_id=separation.id, employee_id=employee.id, params=params.to_json(), updated_at=ctx.clock.now()
        )
        session.add(row)
    frozen = {
        "lines": [[ln.section, ln.item, ln.basis, str(ln.amount)] for ln in result.lines],
        "net_amount": str(result.net_amount),
        "warnings": list(result.warnings),
    }
    row.status, row.statement, row.net_amount = "approved", json.dumps(frozen, ensure_ascii=False), result.net_amount
    row.payroll_month, row.approved_at, row.approved_by = month, ctx.clock.now(), ctx.actor.display_name
    row.updated_at = ctx.clock.now()
    session.flush()
    tx.audit(
        "settlement.approve",
        "employee",
        employee.id,
        tr("财务审核{0}的离职结算，实发 {1}，计入{2}工资").format(
            employee.name, money_text(result.net_amount), month.strftime("%Y-%m")
        ),
        None,
        frozen,
    )
    tx.changed("settlement", "updated", employee.id)


def reopen_in(tx: Transaction, instance: FlowInstance) -> None:
    """The flow went back before the finance step (returned or withdrawn): the approval lapses and its
    items leave the payroll month, unless that month is already paid."""
    session = tx.session
    separation = session.execute(select(Separation).where(Separation.instance_id == instance.id)).scalar_one_or_none()
    row = _row(session, separation) if separation else None
    if row is None or row.status != "approved":
        return
    run_status = session.execute(select(PayrollRun.status).where(PayrollRun.month == row.payroll_month)).scalar()
    if run_status == RunStatus.PAID.value:
        return
    for entry in session.execute(
        select(PayrollEntry).where(
            PayrollEntry.employee_id == row.employee_id,
            PayrollEntry.source == "settlement",
            PayrollEntry.month == row.payroll_month,
        )
    ).scalars():
        session.delete(entry)
    row.status, row.statement, row.net_amount, row.approved_at, row.approved_by = "draft", None, None, None, None
    tx.audit("settlement.reopen", "employee", row.employee_id, tr("离职流程退回，离职结算恢复为待审核"))


def get_company_leave_rule(ctx: ServiceContext) -> CompanyLeaveRule:
    """The company's own annual leave rule as saved; no extra days when it was never set."""
    _require_reader(ctx)
    with ctx.read() as session:
        return company_leave_rule(session)


def save_company_leave_rule(ctx: ServiceContext, rule: CompanyLeaveRule) -> None:
    """The company's own annual leave beyond the statutory days, and whether untaken days are paid."""
    ctx.require_all(Permission.PAYROLL_POLICY)
    if rule.extra_days < 0 or rule.extra_days > 30 or rule.pay_rate < 0 or rule.pay_rate > 3:
        raise ValidationError({"extra_days": tr("公司福利年假0到30天，折算倍数0到3")})
    with ctx.transaction() as tx:
        row = tx.session.get(Setting, LEAVE_RULE_KEY)
        value = json.dumps(
            {"extra_days": str(rule.extra_days), "prorate": rule.prorate, "pay_rate": str(rule.pay_rate)}
        )
        before = json.loads(row.value) if row else None
        if row is None:
            row = Setting(key=LEAVE_RULE_KEY)
            tx.session.add(row)
        row.value, row.updated_at = value, ctx.clock.now()
        tx.audit(
            "settings.leave_rule", "settings", LEAVE_RULE_KEY, tr("修改公司福利年假规则"), before, json.loads(value)
        )


class _SettlementSteps:
    """The settlement's part in a separation flow: finance's approval freezes the statement; a flow that
    goes back reopens it."""

    def approved(self, tx: Transaction, instance: FlowInstance, definition: FlowDefinition, step_index: int) -> None:
        if is_settlement_step(definition, step_index):
            approve_in(tx, instance)

    def reopened(self, tx: Transaction, instance: FlowInstance, definition: FlowDefinition) -> None:
        reopen_in(tx, instance)


step_hooks.register(FlowKind.SEPARATION, _SettlementSteps())

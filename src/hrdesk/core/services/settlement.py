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
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrdesk.core.domain.checklist import ItemStatus
from hrdesk.core.domain.months import shift_month
from hrdesk.core.domain.payroll import codec
from hrdesk.core.domain.payroll.calculation import Payslip, calculate
from hrdesk.core.domain.payroll.items import PayCategory, PayItem
from hrdesk.core.domain.payroll.policy import LOCAL_AVERAGE_WAGE, PolicyError
from hrdesk.core.domain.payroll.report import RunStatus
from hrdesk.core.domain.separation import SeparationReason
from hrdesk.core.domain.settlement.annual_leave import AnnualLeaveResult, CompanyLeaveRule, leaver_annual_leave
from hrdesk.core.domain.settlement.compensation import CompensationCase, CompensationResult, economic_compensation
from hrdesk.core.domain.workflow import ActorKind, FlowDefinition, FlowKind, FlowStatus
from hrdesk.core.errors import NotFound, PermissionDenied, StateError, ValidationError
from hrdesk.core.i18n import tr
from hrdesk.core.permissions import Permission, Role
from hrdesk.core.persistence.models import (
    ChecklistItem,
    Department,
    Employee,
    FlowInstance,
    PayItemType,
    PayrollEntry,
    PayrollResult,
    PayrollRun,
    Position,
    Separation,
    Setting,
    Settlement,
)
from hrdesk.core.services import flow_definitions, payroll_inputs, payroll_policies
from hrdesk.core.services.context import ServiceContext, Transaction
from hrdesk.core.services.payroll_gather import gather

ZERO = Decimal("0.00")
LEAVE_RULE_KEY = "settlement.company_leave_rule"


def _money(amount: Decimal) -> str:
    return f"{amount:,.2f}"


@dataclass(frozen=True)
class SettlementParams:
    """What HR and finance enter for one settlement (the rest comes from the register and flows)."""

    working_years: Decimal | None = None  # 累计工作年限 (all employers); None: estimated from service here
    leave_taken: Decimal = ZERO  # statutory annual leave days taken this year
    company_leave_taken: Decimal = ZERO
    average_wage: Decimal | None = None  # 前12个月平均工资; None: from the payroll history
    notice_pay: bool = False  # 代通知金 (art. 40 cases)
    refused_renewal: bool = False  # expiry: the employee refused renewal on equal or better terms
    unlawful: bool = False  # 违法解除: 2N instead of N
    confirmed_deductions: dict[str, str] = field(default_factory=dict)  # checklist item id → amount confirmed

    def to_json(self) -> str:
        data = asdict(self)
        return json.dumps({k: (str(v) if isinstance(v, Decimal) else v) for k, v in data.items()}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | None) -> "SettlementParams":
        if not text:
            return cls()
        data = json.loads(text)
        for key in ("working_years", "leave_taken", "company_leave_taken", "average_wage"):
            if data.get(key) is not None:
                data[key] = Decimal(data[key])
        return cls(**data)


@dataclass(frozen=True)
class Deduction:
    item_id: int
    title: str
    asset_no: str | None
    amount: Decimal
    status: ItemStatus
    confirmed: bool  # finance confirmed this amount

    @property
    def origin(self) -> str:
        asset = tr("（资产编号 {0}）").format(self.asset_no) if self.asset_no else ""
        return tr("交接清单：{0}{1}").format(self.title, asset)


@dataclass(frozen=True)
class StatementLine:
    section: str  # pay, deduction, net
    item: str
    basis: str
    amount: Decimal  # negative for what is taken off


@dataclass(frozen=True)
class Statement:
    employee_id: int
    emp_no: str
    name: str
    department: str
    position: str
    hire_date: date
    last_working_day: date
    reason: SeparationReason
    case: CompensationCase
    stop_month: date  # last month of social insurance and housing fund (减员 after it)
    payroll_month: date  # where the items are paid
    params: SettlementParams
    average_wage: Decimal
    average_wage_basis: str
    compensation: CompensationResult
    leave: AnnualLeaveResult
    deductions: tuple[Deduction, ...]
    payslip: Payslip  # the payroll month with the settlement items
    lines: tuple[StatementLine, ...]
    net_amount: Decimal
    warnings: tuple[str, ...]
    approved: bool = False
    approved_by: str | None = None


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
    row = session.execute(select(Separation, FlowInstance).join(FlowInstance, FlowInstance.id == Separation.instance_id)
                          .where(Separation.employee_id == employee_id,
                                 FlowInstance.status.notin_((FlowStatus.REJECTED.value, FlowStatus.WITHDRAWN.value)))
                          .order_by(Separation.id.desc()).limit(1)).first()
    if row is None:
        employee = session.get(Employee, employee_id)
        name = employee.name if employee else str(employee_id)
        raise StateError(tr("{0}没有离职流程，无法结算。").format(name))
    return row[0], row[1]


def _require_finance_step_reached(session: Session, instance: FlowInstance) -> None:
    definition = flow_definitions.by_id(session, instance.definition_id)
    index = finance_step_index(definition)
    if instance.status == FlowStatus.COMPLETED.value or index is None:
        return
    if instance.status != FlowStatus.RUNNING.value or instance.step_index < index:
        step = definition.step(index)
        raise StateError(tr("离职流程尚未到达“{0}”步骤，暂不能结算（当前：{1}）。").format(
            step.name, definition.step(instance.step_index).name if instance.status == FlowStatus.RUNNING.value
            else FlowStatus(instance.status).label))


def _require_reader(ctx: ServiceContext) -> None:
    if not ctx.actor.can_all(Permission.PAYROLL_VIEW):
        raise PermissionDenied(tr("只有人事和财务可以查看离职结算。"))


# ---- computing --------------------------------------------------------------------------------

def company_leave_rule(session: Session) -> CompanyLeaveRule:
    row = session.get(Setting, LEAVE_RULE_KEY)
    if row is None:
        return CompanyLeaveRule()
    data = json.loads(row.value)
    return CompanyLeaveRule(Decimal(data.get("extra_days", "0")), bool(data.get("prorate", True)),
                            Decimal(data.get("pay_rate", "0")))


def _average_wage(session: Session, employee: Employee, before: date) -> tuple[Decimal, str]:
    """Average monthly wage of the 12 months before the month of separation (实施条例 art. 27:
    bonuses and allowances included, severance excluded); fewer months if employed less."""
    rows = session.execute(
        select(PayrollRun.month, PayrollResult.detail).join(PayrollResult, PayrollResult.run_id == PayrollRun.id)
        .where(PayrollResult.employee_id == employee.id, PayrollRun.month < before)
        .order_by(PayrollRun.month.desc()).limit(12)).all()
    slips = [codec.loads(d) for _, d in rows]
    wages = [p.gross_pay - p.severance for p in slips]
    if not wages:
        return employee.base_salary, tr("没有工资记录，按基本工资 {0}").format(_money(employee.base_salary))
    average = (sum(wages, ZERO) / len(wages)).quantize(Decimal("0.01"))
    return average, tr("前{0}个月应发工资平均（{1} 至 {2}）").format(
        len(wages), rows[-1][0].strftime("%Y-%m"), rows[0][0].strftime("%Y-%m"))


def _deductions(session: Session, instance_id: int, params: SettlementParams) -> list[Deduction]:
    items = session.execute(select(ChecklistItem).where(ChecklistItem.instance_id == instance_id,
                                                        ChecklistItem.amount.is_not(None))
                            .order_by(ChecklistItem.sort_order, ChecklistItem.id)).scalars()
    result = []
    for item in items:
        if item.status == ItemStatus.WAIVED.value or not item.amount:
            continue
        confirmed = params.confirmed_deductions.get(str(item.id)) == str(item.amount)
        result.append(Deduction(item.id, item.title, item.asset_no, item.amount, ItemStatus(item.status), confirmed))
    return result


def _payroll_month(session: Session, last_day: date) -> date:
    """The month of the last working day, or the first later month whose payroll is not paid yet."""
    month = last_day.replace(day=1)
    paid = set(session.execute(select(PayrollRun.month).where(PayrollRun.status == RunStatus.PAID.value,
                                                              PayrollRun.month >= month)).scalars())
    while month in paid:
        month = shift_month(month, 1)
    return month


def _types(session: Session) -> dict[str, PayItemType]:
    return {t.code: t for t in session.execute(select(PayItemType)).scalars()}


def _settlement_items(types: dict[str, PayItemType], comp: CompensationResult, leave: AnnualLeaveResult,
                      deductions: list[Deduction]) -> list[tuple[str, Decimal, str]]:
    """(item type code, amount, note) of what the settlement adds to the payroll month."""
    items = []
    if leave.total_pay > 0:
        items.append(("leave_pay", leave.total_pay, tr("离职结算：未休年休假")))
    if comp.compensation > 0:
        items.append(("severance_pay", comp.compensation, tr("离职结算：{0}").format(comp.case.label)))
    if comp.notice_pay > 0:
        items.append(("notice_pay", comp.notice_pay, tr("离职结算：代通知金")))
    for d in deductions:
        items.append(("equipment_deduction", d.amount, d.origin))
    return items


def _compute(ctx: ServiceContext, session: Session, employee: Employee, separation: Separation,
             instance: FlowInstance, params: SettlementParams) -> Statement:
    payroll_policies.ensure_defaults(session, ctx.clock.now())
    payroll_inputs.ensure_item_types(session, ctx.clock.now())
    policies = payroll_policies.load_set(session)
    last_day = separation.last_working_day
    reason = SeparationReason(separation.reason)
    case = CompensationCase.UNLAWFUL if params.unlawful else CompensationCase.from_reason(reason)
    warnings: list[str] = []
    city = employee.social_security_city or ""
    average_row = policies.at(LOCAL_AVERAGE_WAGE, city, last_day) if city else None
    if average_row is None:
        warnings.append(tr("缺少{0}的当地上年职工平均工资，经济补偿未按3倍封顶核算，补偿金免税额也无法确定；"
                           "请在“薪资设置”中补充。").format(city or tr("社保缴纳城市")))
    if params.average_wage is not None:
        average, average_basis = params.average_wage, tr("人工填写的前12个月平均工资")
    else:
        average, average_basis = _average_wage(session, employee, last_day.replace(day=1))
    compensation = economic_compensation(case, employee.hire_date, last_day, average,
                                         local_average_monthly=average_row.monthly if average_row else None,
                                         notice_pay=params.notice_pay, refused_renewal=params.refused_renewal)
    working_years = params.working_years
    if working_years is None:
        working_years = Decimal(compensation.service.years)
        warnings.append(tr("累计工作年限未填写，暂按本公司工龄 {0} 年估算年休假；请核对员工全部工作经历。").format(
            working_years))
    leave = leaver_annual_leave(working_years, last_day, params.leave_taken, average,
                                hire_date=employee.hire_date, company=company_leave_rule(session),
                                company_taken=params.company_leave_taken)
    deductions = _deductions(session, instance.id, params)
    unconfirmed = [d for d in deductions if not d.confirmed]
    if unconfirmed:
        warnings.append(tr("{0}项扣款尚待财务确认：{1}").format(len(unconfirmed), "、".join(d.title for d in unconfirmed)))

    month = _payroll_month(session, last_day)
    types = _types(session)
    extra = tuple(PayItem(code, types[code].name, PayCategory(types[code].category), amount, types[code].taxable,
                          False, "settlement", note)
                  for code, amount, note in _settlement_items(types, compensation, leave, deductions))
    gathered = gather(session, month, policies, [employee.id])
    if not gathered:
        raise StateError(tr("{0}在{1}没有可结算的工资。").format(employee.name, month.strftime("%Y-%m")))
    g = gathered[0]
    existing = tuple(i for i in g.employee.items if i.source != "settlement")  # a posted statement is replaced
    try:
        payslip = calculate(replace(g.employee, items=existing + extra), g.rules)
    except PolicyError as exc:
        raise ValidationError({"policy": str(exc)}, str(exc)) from None
    warnings.extend(payslip.warnings)
    lines = _lines(payslip, compensation, leave, deductions, month, last_day)
    dept = session.get(Department, employee.department_id)
    position = session.get(Position, employee.position_id) if employee.position_id else None
    return Statement(employee.id, employee.emp_no, employee.name, dept.name if dept else "",
                     position.name if position else "", employee.hire_date, last_day, reason, case,
                     separation.stop_month, month, params, average, average_basis, compensation, leave,
                     tuple(deductions), payslip, tuple(lines), payslip.net_pay, tuple(warnings))


def _sentences(parts) -> str:
    """Explanation lines as one text: each ends with its own 。 (or gets one), no "。；"."""
    texts = [t.strip() for t in parts if t and t.strip()]
    return "".join(t if t.endswith(("。", "！", "？")) else t + "。" for t in texts)


def _lines(p: Payslip, comp: CompensationResult, leave: AnnualLeaveResult, deductions: list[Deduction],
           month: date, last_day: date) -> list[StatementLine]:
    lines: list[StatementLine] = []
    if p.base_pay:
        base = [ln for ln in p.lines if ln.code == "base"]
        lines.append(StatementLine("pay", tr("{0}月工资（至{1}）").format(month.month, last_day.strftime("%m-%d")),
                                   "；".join(ln.basis for ln in base), p.base_pay))
    settlement_codes = {"leave_pay", "severance_pay", "notice_pay", "equipment_deduction"}
    for item in p.items:
        if item.code in settlement_codes and item.source == "settlement":
            continue
        sign = -1 if item.category in (PayCategory.PRE_TAX_DEDUCTION, PayCategory.AFTER_TAX_DEDUCTION) else 1
        lines.append(StatementLine("pay" if sign > 0 else "deduction", item.label, item.note or tr("本月项目"),
                                   sign * item.amount))
    if leave.total_pay:
        lines.append(StatementLine("pay", tr("未休年休假工资"), _sentences(leave.basis), leave.total_pay))
    if comp.compensation:
        lines.append(StatementLine("pay", tr("经济补偿金（{0}）").format(comp.case.label), _sentences(comp.basis),
                                   comp.compensation))
    if comp.notice_pay:
        lines.append(StatementLine("pay", tr("代通知金"), tr("额外支付一个月工资代替提前三十日通知"), comp.notice_pay))
    if not comp.owed:
        lines.append(StatementLine("pay", tr("经济补偿金"), _sentences(comp.basis), ZERO))
    if p.employee_insurance:
        parts = "；".join(f"{c.item.label} {_money(c.employee_amount)}" for c in p.contributions if c.employee_amount)
        lines.append(StatementLine("deduction", tr("个人社保公积金"), parts, -p.employee_insurance))
    if p.wage_tax:
        lines.append(StatementLine("deduction", tr("个人所得税（工资薪金）"), tr("累计预扣法"), -p.wage_tax))
    if p.severance_tax and p.severance_tax.tax:
        st = p.severance_tax
        lines.append(StatementLine("deduction", tr("个人所得税（经济补偿金）"), tr(
            "超过免税额 {0} 的部分 {1} 单独计税").format(_money(st.exempt_limit), _money(st.taxable)), -st.tax))
    for d in deductions:
        lines.append(StatementLine("deduction", tr("扣款：{0}").format(d.title), d.origin, -d.amount))
    lines.append(StatementLine("net", tr("实发合计"), "", p.net_pay))
    return lines


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
        result = _compute(ctx, session, employee, separation, instance, params)
        if row is not None and row.status == "approved":
            frozen = json.loads(row.statement)
            result = replace(result, lines=tuple(StatementLine(s, i, b, Decimal(a)) for s, i, b, a in frozen["lines"]),
                             net_amount=Decimal(frozen["net_amount"]), payroll_month=row.payroll_month,
                             approved=True, approved_by=row.approved_by,
                             warnings=tuple(frozen.get("warnings", ())))
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
        row = Settlement(separation_id=separation.id, employee_id=employee_id, status="draft",
                         params=SettlementParams().to_json())
        session.add(row)
    row.updated_at = tx.ctx.clock.now()
    return separation, instance, row


def save_params(ctx: ServiceContext, employee_id: int, params: SettlementParams) -> Statement:
    """HR or finance enter the working years, leave taken and the options of the case."""
    if not ctx.actor.can_all(Permission.PAYROLL_INPUT):
        raise PermissionDenied(tr("只有人事和财务可以填写离职结算。"))
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
        employee = session.get(Employee, employee_id)
        _compute(ctx, session, employee, separation, instance, params)  # refuses bad combinations
        row.params = params.to_json()
        tx.audit("settlement.params", "employee", employee_id, tr("填写{0}的离职结算参数").format(employee.name),
                 json.loads(old.to_json()), json.loads(params.to_json()))
        tx.changed("settlement", "updated", employee_id)
    return statement(ctx, employee_id)


def confirm_deduction(ctx: ServiceContext, employee_id: int, item_id: int) -> Statement:
    """Finance confirms one deduction from the checklist at its current amount."""
    if Role.FINANCE not in ctx.actor.roles and not ctx.actor.is_system:
        raise PermissionDenied(tr("扣款需由财务确认。"))
    with ctx.transaction() as tx:
        _, instance, row = _draft(tx, employee_id)
        item = tx.session.get(ChecklistItem, item_id)
        if item is None or item.instance_id != instance.id or not item.amount:
            raise NotFound(tr("该扣款不属于这次离职结算。"))
        params = SettlementParams.from_json(row.params)
        confirmed = dict(params.confirmed_deductions)
        confirmed[str(item.id)] = str(item.amount)
        row.params = replace(params, confirmed_deductions=confirmed).to_json()
        tx.audit("settlement.deduction", "employee", employee_id, tr("财务确认离职扣款：{0} {1}").format(
            item.title, _money(item.amount)), None, {"item_id": item.id, "amount": item.amount})
        tx.changed("settlement", "updated", employee_id)
    return statement(ctx, employee_id)


def approve_in(tx: Transaction, instance: FlowInstance) -> None:
    """Finance approves its step of a separation flow: freeze the statement and post its items to the
    payroll month as locked entries (called by flows.act inside the same transaction)."""
    session, ctx = tx.session, tx.ctx
    separation = session.execute(select(Separation).where(Separation.instance_id == instance.id)).scalar_one()
    employee = session.get(Employee, separation.employee_id)
    row = _row(session, separation)
    params = SettlementParams.from_json(row.params if row else None)
    result = _compute(ctx, session, employee, separation, instance, params)
    unconfirmed = [d for d in result.deductions if not d.confirmed]
    if unconfirmed:
        raise StateError(tr("离职结算中有{0}项扣款尚未确认（{1}），请先在结算单中逐项确认。").format(
            len(unconfirmed), "、".join(d.title for d in unconfirmed)))
    month = result.payroll_month
    types = _types(session)
    for entry in session.execute(select(PayrollEntry).where(
            PayrollEntry.employee_id == employee.id, PayrollEntry.source == "settlement",
            PayrollEntry.month == month)).scalars():
        session.delete(entry)  # a statement approved again after a return replaces its items
    for code, amount, note in _settlement_items(types, result.compensation, result.leave, list(result.deductions)):
        session.add(PayrollEntry(month=month, employee_id=employee.id, item_type_id=types[code].id, amount=amount,
                                 note=note[:200], source="settlement", locked=True,
                                 created_by=ctx.actor.display_name, created_at=ctx.clock.now()))
    if row is None:
        row = Settlement(separation_id=separation.id, employee_id=employee.id, params=params.to_json(),
                         updated_at=ctx.clock.now())
        session.add(row)
    frozen = {"lines": [[ln.section, ln.item, ln.basis, str(ln.amount)] for ln in result.lines],
              "net_amount": str(result.net_amount), "warnings": list(result.warnings)}
    row.status, row.statement, row.net_amount = "approved", json.dumps(frozen, ensure_ascii=False), result.net_amount
    row.payroll_month, row.approved_at, row.approved_by = month, ctx.clock.now(), ctx.actor.display_name
    row.updated_at = ctx.clock.now()
    session.flush()
    tx.audit("settlement.approve", "employee", employee.id, tr("财务审核{0}的离职结算，实发 {1}，计入{2}工资").format(
        employee.name, _money(result.net_amount), month.strftime("%Y-%m")), None, frozen)
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
    for entry in session.execute(select(PayrollEntry).where(
            PayrollEntry.employee_id == row.employee_id, PayrollEntry.source == "settlement",
            PayrollEntry.month == row.payroll_month)).scalars():
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
        value = json.dumps({"extra_days": str(rule.extra_days), "prorate": rule.prorate,
                            "pay_rate": str(rule.pay_rate)})
        before = json.loads(row.value) if row else None
        if row is None:
            row = Setting(key=LEAVE_RULE_KEY)
            tx.session.add(row)
        row.value, row.updated_at = value, ctx.clock.now()
        tx.audit("settings.leave_rule", "settings", LEAVE_RULE_KEY, tr("修改公司福利年假规则"), before, json.loads(value))

"""The 离职结算 statement: what goes in it and how each figure is reached.

``compute`` reads the register, the payroll history, the handover checklist and the policy tables,
runs the payroll engine for the leaver's last month with the settlement items added, and returns a
``Statement`` whose lines say how each amount was computed. Approving, posting and permissions are
in ``settlement``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrdesk.core.flows.checklist_rules import ItemStatus
from hrdesk.core.flows.separation_rules import SeparationReason, article_40_notice_short
from hrdesk.core.flows.tables import ChecklistItem, FlowInstance, Separation
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import StateError, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.months import shift_month
from hrdesk.core.kernel.persistence.tables import Setting
from hrdesk.core.org.tables import Department, Position
from hrdesk.core.payroll import defaults, wage_history
from hrdesk.core.payroll import policies as payroll_policies
from hrdesk.core.payroll.gather import gather
from hrdesk.core.payroll.rules.calculation import Payslip, calculate
from hrdesk.core.payroll.rules.items import PayCategory, PayItem
from hrdesk.core.payroll.rules.policy import LOCAL_AVERAGE_WAGE, PolicyError
from hrdesk.core.payroll.rules.report import RunStatus
from hrdesk.core.payroll.tables import PayItemType, PayrollRun
from hrdesk.core.payroll.wage_history import MonthWage
from hrdesk.core.people.tables import Employee
from hrdesk.core.separation.annual_leave import AnnualLeaveResult, CompanyLeaveRule, leaver_annual_leave
from hrdesk.core.separation.compensation import CompensationCase, CompensationResult, economic_compensation

ZERO = Decimal("0.00")
LEAVE_RULE_KEY = "settlement.company_leave_rule"
BASE_SALARY = "base"  # NoticeWage.source: no wage recorded for the previous month, the base salary assumed


def money_text(amount: Decimal) -> str:
    return f"{amount:,.2f}"


@dataclass(frozen=True)
class SettlementParams:
    """What HR and finance enter for one settlement (the rest comes from the register and flows)."""

    working_years: Decimal | None = None  # 累计工作年限 (all employers); None: estimated from service here
    leave_taken: Decimal = ZERO  # statutory annual leave days taken this year
    company_leave_taken: Decimal = ZERO
    average_wage: Decimal | None = None  # 前12个月平均工资; None: from the payroll history
    notice_pay: bool = False  # art. 40: notice NOT given 30 days ahead → 代通知金; elsewhere an agreed month
    refused_renewal: bool = False  # expiry: the employee refused renewal on equal or better terms
    unlawful: bool = False  # 违法解除: 2N instead of N
    confirmed_deductions: dict[str, str] = field(default_factory=dict)  # checklist item id → amount confirmed

    def to_json(self) -> str:
        data = asdict(self)
        return json.dumps({k: (str(v) if isinstance(v, Decimal) else v) for k, v in data.items()}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | None) -> SettlementParams:
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
    average_missing: tuple[date, ...] = ()  # months without a wage record: cannot be approved yet
    notice_wage: NoticeWage | None = None  # art. 40 代通知金: the previous month's wage and where it is from


def company_leave_rule(session: Session) -> CompanyLeaveRule:
    row = session.get(Setting, LEAVE_RULE_KEY)
    if row is None:
        return CompanyLeaveRule()
    data = json.loads(row.value)
    return CompanyLeaveRule(
        Decimal(data.get("extra_days", "0")), bool(data.get("prorate", True)), Decimal(data.get("pay_rate", "0"))
    )


@dataclass(frozen=True)
class WageAverage:
    """前十二个月平均工资 as the records show it (实施条例 art. 27: the twelve months before the month
    of separation, fewer only when employed fewer; bonuses and allowances in, severance out) and the
    same without overtime pay, for annual-leave pay (企业职工带薪年休假实施办法 art. 11). Each month
    comes from HRDesk's payroll or, before it, from the wage history HR entered."""

    average: Decimal
    without_overtime: Decimal
    basis: str
    missing: tuple[date, ...]  # months of the window with no wage record: the average is not final
    months: tuple[MonthWage, ...] = ()  # the months averaged, oldest first


def wage_window(hire_date: date, separation_month: date) -> list[date]:
    """The months the average runs over: up to twelve before the separation month, from the hire month."""
    first = max(shift_month(separation_month, -12), hire_date.replace(day=1))
    months, month = [], first
    while month < separation_month:
        months.append(month)
        month = shift_month(month, 1)
    return months


def _average_wage(session: Session, employee: Employee, before: date) -> WageAverage:
    window = wage_window(employee.hire_date, before)
    held = wage_history.monthly_wages(session, employee.id, window)
    missing = tuple(m for m in window if m not in held)
    if not held:
        base = employee.base_salary
        basis = tr("没有工资记录，暂按基本工资 {0}").format(money_text(base))
        return WageAverage(base, base, basis, missing)
    months = [held[m] for m in sorted(held)]
    count = Decimal(len(months))
    total = sum((m.gross for m in months), ZERO)
    overtime = sum((m.overtime for m in months), ZERO)
    average = (total / count).quantize(Decimal("0.01"))
    without = ((total - overtime) / count).quantize(Decimal("0.01"))
    basis = tr("前{0}个月应发工资平均（{1} 至 {2}，合计 {3} ÷ {0}）").format(
        len(months), months[0].month.strftime("%Y-%m"), months[-1].month.strftime("%Y-%m"), money_text(total)
    )
    from_history = [m for m in months if m.source == wage_history.HISTORY]
    if from_history:
        basis += tr("；其中 {0} 个月取自历史工资").format(len(from_history))
    if overtime:
        basis += tr("；其中加班工资共 {0}，年休假工资按不含加班工资的月平均 {1} 计算").format(
            money_text(overtime), money_text(without)
        )
    return WageAverage(average, without, basis, missing, tuple(months))


@dataclass(frozen=True)
class NoticeWage:
    """The wage 代通知金 is paid at (实施条例 art. 20: the previous month's wage): the month before the
    month of separation as HRDesk's payroll or the wage history records it, else the base salary."""

    month: date
    amount: Decimal
    source: str  # wage_history.PAYROLL, wage_history.HISTORY, or BASE_SALARY (assumed)

    @property
    def assumed(self) -> bool:
        return self.source == BASE_SALARY

    @property
    def basis(self) -> str:
        month = self.month.strftime("%Y-%m")
        if self.source == wage_history.PAYROLL:
            return tr("上一个月（{0}）工资核算的应发工资 {1}").format(month, money_text(self.amount))
        if self.source == wage_history.HISTORY:
            return tr("上一个月（{0}）历史工资的应发工资 {1}").format(month, money_text(self.amount))
        return tr("上一个月（{0}）没有工资记录，暂按基本工资 {1}").format(month, money_text(self.amount))


def previous_month_wage(session: Session, employee: Employee, last_day: date) -> NoticeWage:
    """The wage of the month before the month of the last working day, for 代通知金."""
    month = shift_month(last_day.replace(day=1), -1)
    held = wage_history.monthly_wages(session, employee.id, [month])
    if month in held:
        return NoticeWage(month, held[month].gross, held[month].source)
    return NoticeWage(month, employee.base_salary, BASE_SALARY)


def months_text(months: tuple[date, ...]) -> str:
    return "、".join(m.strftime("%Y-%m") for m in months)


def _deductions(session: Session, instance_id: int, params: SettlementParams) -> list[Deduction]:
    items = session.execute(
        select(ChecklistItem)
        .where(ChecklistItem.instance_id == instance_id, ChecklistItem.amount.is_not(None))
        .order_by(ChecklistItem.sort_order, ChecklistItem.id)
    ).scalars()
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
    paid = set(
        session.execute(
            select(PayrollRun.month).where(PayrollRun.status == RunStatus.PAID.value, PayrollRun.month >= month)
        ).scalars()
    )
    while month in paid:
        month = shift_month(month, 1)
    return month


def item_types_by_code(session: Session) -> dict[str, PayItemType]:
    return {t.code: t for t in session.execute(select(PayItemType)).scalars()}


def settlement_items(
    types: dict[str, PayItemType], comp: CompensationResult, leave: AnnualLeaveResult, deductions: list[Deduction]
) -> list[tuple[str, Decimal, str]]:
    """(item type code, amount, note) of what the settlement adds to the payroll month."""
    items = []
    if leave.total_pay > 0:
        items.append(("leave_pay", leave.total_pay, tr("离职结算：未休年休假")))
    if comp.compensation > 0:
        items.append(("severance_pay", comp.compensation, tr("离职结算：{0}").format(comp.case.label)))
    if comp.notice_pay > 0:
        label = tr("代通知金") if comp.case.article_40 else tr("另付一个月工资（约定）")
        items.append(("notice_pay", comp.notice_pay, tr("离职结算：{0}").format(label)))
    for d in deductions:
        items.append(("equipment_deduction", d.amount, d.origin))
    return items


def compute(
    ctx: ServiceContext,
    session: Session,
    employee: Employee,
    separation: Separation,
    instance: FlowInstance,
    params: SettlementParams,
) -> Statement:
    defaults.ensure_defaults(session, ctx.clock.now())
    defaults.ensure_item_types(session, ctx.clock.now())
    policies = payroll_policies.load_set(session)
    last_day = separation.last_working_day
    reason = SeparationReason(separation.reason)
    case = CompensationCase.UNLAWFUL if params.unlawful else CompensationCase.from_reason(reason)
    warnings: list[str] = []
    city = employee.social_security_city or ""
    average_row = policies.at(LOCAL_AVERAGE_WAGE, city, last_day) if city else None
    if average_row is None:
        warnings.append(
            tr(
                "缺少{0}的当地上年职工平均工资，经济补偿未按3倍封顶核算，补偿金免税额也无法确定；请在“薪资设置”中补充。"
            ).format(city or tr("社保缴纳城市"))
        )
    missing: tuple[date, ...] = ()
    if params.average_wage is not None:
        average, average_basis = params.average_wage, tr("人工填写的前12个月平均工资")
        leave_wage = params.average_wage
    else:
        recorded = _average_wage(session, employee, last_day.replace(day=1))
        average, average_basis, leave_wage = recorded.average, recorded.basis, recorded.without_overtime
        missing = recorded.missing
        if missing:
            warnings.append(
                tr(
                    "前12个月平均工资缺少{0}个月的工资记录（{1}），暂按{2}计算，结算金额不是最终结果；"
                    "请补录这些月份的工资，或在结算参数中填写核实后的前12个月平均工资，之后才能审核。"
                ).format(len(missing), months_text(missing), average_basis)
            )
    notice_wage = None
    if case.article_40 and params.notice_pay:
        notice_wage = previous_month_wage(session, employee, last_day)
        if notice_wage.assumed:
            warnings.append(
                tr(
                    "代通知金应按员工上一个月的工资确定（实施条例第二十条），{0}没有工资核算结果或历史工资，"
                    "暂按基本工资{1}元计算；请补录该月工资后核对。"
                ).format(notice_wage.month.strftime("%Y-%m"), money_text(notice_wage.amount))
            )
    elif case.article_40:
        short = article_40_notice_short(reason, separation.notice_date, last_day)
        if short:
            warnings.append(short + tr("结算参数按已提前三十日书面通知计算；如未通知，请勾选“未提前三十日书面通知”。"))
    compensation = economic_compensation(
        case,
        employee.hire_date,
        last_day,
        average,
        local_average_monthly=average_row.monthly if average_row else None,
        notice_pay=params.notice_pay,
        previous_month_wage=notice_wage.amount if notice_wage else None,
        refused_renewal=params.refused_renewal,
    )
    # compensation.warnings are not repeated: the missing local average is warned about above, and
    # the previous month's wage is always given for 代通知金 (its assumption warned about above)
    working_years = params.working_years
    if working_years is None:
        working_years = Decimal(compensation.service.years)
        warnings.append(
            tr("累计工作年限未填写，暂按本公司工龄 {0} 年估算年休假；请核对员工全部工作经历。").format(working_years)
        )
    leave = leaver_annual_leave(
        working_years,
        last_day,
        params.leave_taken,
        leave_wage,
        hire_date=employee.hire_date,
        company=company_leave_rule(session),
        company_taken=params.company_leave_taken,
    )
    deductions = _deductions(session, instance.id, params)
    unconfirmed = [d for d in deductions if not d.confirmed]
    if unconfirmed:
        warnings.append(
            tr("{0}项扣款尚待财务确认：{1}").format(len(unconfirmed), "、".join(d.title for d in unconfirmed))
        )

    month = _payroll_month(session, last_day)
    types = item_types_by_code(session)
    extra = tuple(
        PayItem(
            code,
            types[code].name,
            PayCategory(types[code].category),
            amount,
            types[code].taxable,
            False,
            "settlement",
            note,
        )
        for code, amount, note in settlement_items(types, compensation, leave, deductions)
    )
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
    lines = _lines(payslip, compensation, leave, deductions, month, last_day, notice_wage)
    dept = session.get(Department, employee.department_id)
    position = session.get(Position, employee.position_id) if employee.position_id else None
    return Statement(
        employee.id,
        employee.emp_no,
        employee.name,
        dept.name if dept else "",
        position.name if position else "",
        employee.hire_date,
        last_day,
        reason,
        case,
        separation.stop_month,
        month,
        params,
        average,
        average_basis,
        compensation,
        leave,
        tuple(deductions),
        payslip,
        tuple(lines),
        payslip.net_pay,
        tuple(warnings),
        average_missing=missing,
        notice_wage=notice_wage,
    )


def _sentences(parts) -> str:
    """Explanation lines as one text: each ends with its own 。 (or gets one), no "。；"."""
    texts = [t.strip() for t in parts if t and t.strip()]
    return "".join(t if t.endswith(("。", "！", "？")) else t + "。" for t in texts)


def _lines(
    p: Payslip,
    comp: CompensationResult,
    leave: AnnualLeaveResult,
    deductions: list[Deduction],
    month: date,
    last_day: date,
    notice_wage: NoticeWage | None = None,
) -> list[StatementLine]:
    lines: list[StatementLine] = []
    if p.base_pay:
        base = [ln for ln in p.lines if ln.code == "base"]
        lines.append(
            StatementLine(
                "pay",
                tr("{0}月工资（至{1}）").format(month.month, last_day.strftime("%m-%d")),
                "；".join(ln.basis for ln in base),
                p.base_pay,
            )
        )
    settlement_codes = {"leave_pay", "severance_pay", "notice_pay", "equipment_deduction"}
    for item in p.items:
        if item.code in settlement_codes and item.source == "settlement":
            continue
        sign = -1 if item.category in (PayCategory.PRE_TAX_DEDUCTION, PayCategory.AFTER_TAX_DEDUCTION) else 1
        lines.append(
            StatementLine(
                "pay" if sign > 0 else "deduction", item.label, item.note or tr("本月项目"), sign * item.amount
            )
        )
    if leave.total_pay:
        lines.append(StatementLine("pay", tr("未休年休假工资"), _sentences(leave.basis), leave.total_pay))
    if comp.compensation:
        lines.append(
            StatementLine(
                "pay", tr("经济补偿金（{0}）").format(comp.case.label), _sentences(comp.basis), comp.compensation
            )
        )
    if comp.notice_pay:
        if notice_wage is not None:
            basis = tr(
                "未提前三十日书面通知，额外支付一个月工资代替通知：按{0}元（《劳动合同法》第四十条，实施条例第二十条）。"
            ).format(notice_wage.basis)
            lines.append(StatementLine("pay", tr("代通知金"), basis, comp.notice_pay))
        else:
            basis = tr("双方约定额外支付一个月工资（按月平均工资），不是第四十条的法定代通知金。")
            lines.append(StatementLine("pay", tr("另付一个月工资（约定）"), basis, comp.notice_pay))
    if not comp.owed:
        lines.append(StatementLine("pay", tr("经济补偿金"), _sentences(comp.basis), ZERO))
    if p.employee_insurance:
        parts = "；".join(
            f"{c.item.label} {money_text(c.employee_amount)}" for c in p.contributions if c.employee_amount
        )
        lines.append(StatementLine("deduction", tr("个人社保公积金"), parts, -p.employee_insurance))
    if p.wage_tax:
        lines.append(StatementLine("deduction", tr("个人所得税（工资薪金）"), tr("累计预扣法"), -p.wage_tax))
    if p.bonus_tax and p.bonus_tax.tax:
        bt = p.bonus_tax
        lines.append(
            StatementLine(
                "deduction",
                tr("个人所得税（全年一次性奖金）"),
                tr("奖金 {0} 单独计税，按月换算后适用税率 {1}%，速算扣除数 {2}").format(
                    money_text(p.bonus), f"{bt.rate * 100:g}", money_text(bt.quick_deduction)
                ),
                -bt.tax,
            )
        )
    if p.severance_tax and p.severance_tax.tax:
        st = p.severance_tax
        lines.append(
            StatementLine(
                "deduction",
                tr("个人所得税（经济补偿金）"),
                tr("超过免税额 {0} 的部分 {1} 单独计税").format(money_text(st.exempt_limit), money_text(st.taxable)),
                -st.tax,
            )
        )
    for d in deductions:
        lines.append(StatementLine("deduction", tr("扣款：{0}").format(d.title), d.origin, -d.amount))
    lines.append(StatementLine("net", tr("实发合计"), "", p.net_pay))
    return lines

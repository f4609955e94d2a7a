"""Payroll runs: calculate a month, approve it, mark it paid, and read its results.

A run moves 草稿 → 已计算 → 已审核 (finance) → 已发放 (locked). The results remember a fingerprint
of every input they were computed from; when the register, an entry, a declaration or a policy
changes afterwards, the run is stale: it shows so, and it cannot be approved or paid until it is
recalculated. A paid run never changes again. Every calculation and state change is audited.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import NotFound, PermissionDenied, StateError, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.masking import mask_bank_account, mask_id_number
from hrdesk.core.kernel.money import to_fen
from hrdesk.core.kernel.months import first_of_month, shift_month
from hrdesk.core.kernel.permissions import Permission, Scope
from hrdesk.core.kernel.persistence.tables import Company
from hrdesk.core.kernel.refusals import worded
from hrdesk.core.org import ordering
from hrdesk.core.org.ordering import DepartmentLevel
from hrdesk.core.org.tables import Department
from hrdesk.core.org.tree import DepartmentKind
from hrdesk.core.payroll import defaults, policies
from hrdesk.core.payroll.gather import Gathered, gather
from hrdesk.core.payroll.rules import codec, policy
from hrdesk.core.payroll.rules.calculation import Payslip, calculate
from hrdesk.core.payroll.rules.policy import PolicyError
from hrdesk.core.payroll.rules.report import PayrollRow, RunHeader, RunStatus
from hrdesk.core.payroll.tables import PayrollResult, PayrollRun, PolicyVersion
from hrdesk.core.people.tables import Employee

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class RunSummary:
    month: date
    status: RunStatus
    stale: bool
    employee_count: int
    total_gross: Decimal
    total_net: Decimal
    total_tax: Decimal
    total_employer_cost: Decimal
    warnings: tuple[str, ...] = ()


def _month_text(month: date) -> str:
    return f"{month.year}年{month.month:02d}月"


def _fingerprint(gathered: list[Gathered]) -> str:
    """Hash of every input (dataclass reprs are exact for Decimal and date) and the rules used."""
    digest = hashlib.sha256()
    rules_seen: dict[int, int] = {}
    for g in gathered:
        digest.update(repr(g.employee).encode())
        index = rules_seen.setdefault(id(g.rules), len(rules_seen))
        digest.update(
            b"|%d|%s|%s|%s\n"
            % (index, str(g.department_id).encode(), str(g.project_department_id).encode(), g.insurance_change.encode())
        )
    for rules_id, _index in sorted(rules_seen.items(), key=lambda item: item[1]):
        rules = next(g.rules for g in gathered if id(g.rules) == rules_id)
        digest.update(repr(rules).encode())
    return digest.hexdigest()


def _gather(ctx: ServiceContext, session: Session, month: date) -> list[Gathered]:
    defaults.ensure_defaults(session, ctx.clock.now())
    defaults.ensure_item_types(session, ctx.clock.now())
    try:
        return gather(session, month, policies.load_set(session))
    except PolicyError as exc:
        raise ValidationError({"policy": str(exc)}, str(exc)) from None


def _run(session: Session, month: date) -> PayrollRun | None:
    return session.execute(select(PayrollRun).where(PayrollRun.month == month)).scalar_one_or_none()


def _require_run(session: Session, month: date) -> PayrollRun:
    run = _run(session, month)
    if run is None:
        raise NotFound(tr("{0}还没有工资核算。").format(_month_text(month)))
    return run


def _check_earlier_months(session: Session, month: date) -> None:
    """Cumulative tax needs every earlier month of the year that payroll ran in: no gaps."""
    months = set(
        session.execute(
            select(PayrollRun.month).where(PayrollRun.month >= date(month.year, 1, 1), PayrollRun.month < month)
        ).scalars()
    )
    if not months:
        return
    current = min(months)
    while current < month:
        if current not in months:
            raise StateError(
                tr("请先核算{0}的工资：累计预扣个税需要本年度之前各月的结果。").format(_month_text(current))
            )
        current = shift_month(current, 1)


# No payroll before this, whatever the policy tables say (a typed 1900-01 is a typo).
EARLIEST_MONTH = date(2000, 1, 1)
MONTHS_AHEAD = 12  # a month may be calculated at most this far ahead of the current one


def check_month(session: Session, month: date, today: date) -> None:
    """Refuse a month payroll cannot mean: before 2000 or before the first individual income tax
    table in force (the 累计预扣法 tables of the shipped data start 2019-01), or more than
    :data:`MONTHS_AHEAD` months after the current one (2099-01, 9999-12, where the month after
    would not even exist)."""
    first_table = session.execute(
        select(func.min(PolicyVersion.effective_from)).where(PolicyVersion.kind == policy.IIT_ANNUAL)
    ).scalar()
    earliest = max(EARLIEST_MONTH, first_of_month(first_table)) if first_table else EARLIEST_MONTH
    latest = shift_month(first_of_month(today), MONTHS_AHEAD)
    if month < earliest:
        raise ValidationError(
            {
                "month": tr("{0}早于可核算的最早月份{1}（个税预扣税率表自该月起施行）").format(
                    _month_text(month), _month_text(earliest)
                )
            }
        )
    if month > latest:
        raise ValidationError(
            {
                "month": tr("{0}太远：最多只能提前{1}个月核算工资（最晚{2}）").format(
                    _month_text(month), MONTHS_AHEAD, _month_text(latest)
                )
            }
        )


def calculate_month(ctx: ServiceContext, month: date) -> RunSummary:
    """Calculate (or recalculate) every employee's pay for ``month``; the run becomes 已计算.

    Only months :func:`check_month` accepts."""
    ctx.require_all(Permission.PAYROLL_CALCULATE)
    month = month.replace(day=1)
    defaults.install_defaults(ctx)  # the shipped tables in place, so the earliest month is known
    with ctx.transaction() as tx:
        session = tx.session
        check_month(session, month, ctx.clock.today())
        run = _run(session, month)
        if run is not None and run.status == RunStatus.PAID.value:
            raise StateError(
                tr("{0}的工资已发放并锁定，不能重新计算；更正请记入下月的调整项目。").format(_month_text(month))
            )
        _check_earlier_months(session, month)
        gathered = _gather(ctx, session, month)
        payslips = [calculate(g.employee, g.rules) for g in gathered]
        now = ctx.clock.now()
        before = None
        if run is None:
            run = PayrollRun(month=month, status=RunStatus.DRAFT.value, created_at=now)
            session.add(run)
            session.flush()
        else:
            before = {"status": run.status, "total_net": run.total_net, "employee_count": run.employee_count}
            session.execute(delete(PayrollResult).where(PayrollResult.run_id == run.id))
        rows = [_result_row(run.id, g, p) for g, p in zip(gathered, payslips, strict=True)]
        if rows:
            session.execute(insert(PayrollResult).execution_options(render_nulls=True), rows)
        run.status = RunStatus.CALCULATED.value
        run.input_hash = _fingerprint(gathered)
        run.employee_count = len(payslips)
        run.total_gross = sum((p.gross_pay for p in payslips), ZERO)
        run.total_net = sum((p.net_pay for p in payslips), ZERO)
        run.total_tax = sum((p.total_tax for p in payslips), ZERO)
        run.total_employer_cost = sum((p.employer_cost for p in payslips), ZERO)
        run.calculated_at, run.calculated_by = now, ctx.actor.display_name
        run.approved_at = run.approved_by = None
        tx.audit(
            "payroll.calculate",
            "payroll_run",
            month.strftime("%Y-%m"),
            tr("{0}工资{1}：{2}人，应发 {3}，实发 {4}，个税 {5}").format(
                _month_text(month),
                tr("重新计算") if before else tr("计算"),
                run.employee_count,
                f"{run.total_gross:,.2f}",
                f"{run.total_net:,.2f}",
                f"{run.total_tax:,.2f}",
            ),
            before,
            {
                "status": run.status,
                "total_net": run.total_net,
                "employee_count": run.employee_count,
                "input_hash": run.input_hash,
                "total_gross": run.total_gross,
                "total_tax": run.total_tax,
                "total_employer_cost": run.total_employer_cost,
                "results_digest": results_digest(rows),
            },
        )
        tx.changed("payroll_run", "updated", run.id)
        # a notice about the policy data concerns everyone in its city: said once, not per person
        policy_notices = list(dict.fromkeys(n for g in gathered for n in g.rules.notices))
        warnings = policy_notices + [
            f"{g.employee.emp_no} {g.employee.name}：{w}"
            for g, p in zip(gathered, payslips, strict=True)
            for w in p.warnings
            if w not in g.rules.notices
        ]
        missing = [g.employee for g in gathered if g.missing_year_to_date]
        if missing:
            names = "、".join(f"{e.emp_no} {e.name}" for e in missing[:5]) + (tr(" 等") if len(missing) > 5 else "")
            warnings.insert(
                0,
                tr(
                    "{0}名员工本年度此前月份的累计收入和已预扣税额尚未录入（{1}），累计预扣个税将从本月起算；"
                    "请在“工资录入 › 年初累计数”中补录后重新计算。"
                ).format(len(missing), names),
            )
        return _summary(run, False, tuple(warnings))


def _result_row(run_id: int, g: Gathered, p: Payslip) -> dict:
    y = p.ytd
    return {
        "run_id": run_id,
        "employee_id": p.employee_id,
        "department_id": g.department_id,
        "project_department_id": g.project_department_id,
        "gross_pay": p.gross_pay,
        "employee_insurance": p.employee_insurance,
        "employer_insurance": p.employer_insurance,
        "total_tax": p.total_tax,
        "net_pay": p.net_pay,
        "employer_cost": p.employer_cost,
        "ytd_months": y.months,
        "ytd_income": y.income,
        "ytd_tax_free": y.tax_free,
        "ytd_basic": y.basic,
        "ytd_special": y.special,
        "ytd_additional": y.additional,
        "ytd_other": y.other,
        "ytd_tax": y.tax,
        "ytd_bonus_separately": y.bonus_taxed_separately,
        "detail": codec.dumps(p),
    }


# Every stored column of a person's result but its own id and the run's, in a fixed order.
RESULT_COLUMNS = (
    "employee_id",
    "department_id",
    "project_department_id",
    "gross_pay",
    "employee_insurance",
    "employer_insurance",
    "total_tax",
    "net_pay",
    "employer_cost",
    "ytd_months",
    "ytd_income",
    "ytd_tax_free",
    "ytd_basic",
    "ytd_special",
    "ytd_additional",
    "ytd_other",
    "ytd_tax",
    "ytd_bonus_separately",
    "detail",
)


def results_digest(rows: Iterable[Mapping[str, Any]]) -> str:
    """SHA-256 over every person's stored result of a run (``RESULT_COLUMNS``, people by employee
    id, amounts as fen): the calculation's audit record holds it, so a result changed afterwards
    outside the service, added or removed, is found (audit.deep_check recomputes it from the table)."""

    def cell(value: Any) -> Any:
        if isinstance(value, Decimal):
            return to_fen(value)
        return value

    digest = hashlib.sha256()
    for row in sorted(rows, key=lambda r: r["employee_id"]):
        line = [cell(row[name]) for name in RESULT_COLUMNS]
        digest.update(json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
    return digest.hexdigest()


def _summary(run: PayrollRun, stale: bool, warnings: tuple[str, ...] = ()) -> RunSummary:
    return RunSummary(
        run.month,
        RunStatus(run.status),
        stale,
        run.employee_count,
        run.total_gross,
        run.total_net,
        run.total_tax,
        run.total_employer_cost,
        warnings,
    )


def _is_stale(ctx: ServiceContext, session: Session, run: PayrollRun) -> bool:
    if run.status in (RunStatus.DRAFT.value, RunStatus.PAID.value):
        return False
    return _fingerprint(_gather(ctx, session, run.month)) != run.input_hash


def summary(ctx: ServiceContext, month: date, *, check_stale: bool = True) -> RunSummary | None:
    """The run of ``month`` (None if never calculated), with whether its inputs changed since."""
    ctx.require_all(Permission.PAYROLL_VIEW)
    month = month.replace(day=1)
    with ctx.transaction() as tx:
        run = _run(tx.session, month)
        if run is None:
            return None
        return _summary(run, check_stale and _is_stale(ctx, tx.session, run))


def runs(ctx: ServiceContext, year: int | None = None) -> list[RunSummary]:
    ctx.require_all(Permission.PAYROLL_VIEW)
    with ctx.read() as session:
        query = select(PayrollRun).order_by(PayrollRun.month.desc())
        if year:
            query = query.where(PayrollRun.month >= date(year, 1, 1), PayrollRun.month <= date(year, 12, 1))
        return [_summary(r, False) for r in session.execute(query).scalars()]


def _transition(
    ctx: ServiceContext,
    month: date,
    permission: Permission,
    expected: RunStatus,
    target: RunStatus,
    action: str,
    summary_text: str,
) -> RunSummary:
    ctx.require_all(permission)
    month = month.replace(day=1)
    with ctx.transaction() as tx:
        session = tx.session
        run = _require_run(session, month)
        if run.status != expected.value:
            raise StateError(
                tr("{0}的工资当前为“{1}”，只有“{2}”的工资可以{3}。").format(
                    _month_text(month), RunStatus(run.status).label, expected.label, action
                )
            )
        if _is_stale(ctx, session, run):
            raise StateError(
                tr(
                    "{0}的工资计算后数据有变更（员工档案、工资项目、专项附加扣除或政策），请人事重新计算后再{1}。"
                ).format(_month_text(month), action)
            )
        now = ctx.clock.now()
        before = {"status": run.status}
        run.status = target.value
        if target is RunStatus.APPROVED:
            run.approved_at, run.approved_by = now, ctx.actor.display_name
        else:
            run.paid_at, run.paid_by = now, ctx.actor.display_name
        tx.audit(
            f"payroll.{target.value}",
            "payroll_run",
            month.strftime("%Y-%m"),
            summary_text.format(_month_text(month), f"{run.total_net:,.2f}"),
            before,
            {"status": run.status},
        )
        tx.changed("payroll_run", "updated", run.id)
        return _summary(run, False)


def approve(ctx: ServiceContext, month: date) -> RunSummary:
    """Finance approves a calculated month (refused while its inputs changed since the calculation)."""
    if ctx.actor.user_id is not None and ctx.actor.scope_for(Permission.PAYROLL_APPROVE) is not Scope.ALL:
        raise worded(ctx.denied(Permission.PAYROLL_APPROVE, whole_company=True), tr("只有财务可以审核工资。"))
    return _transition(
        ctx,
        month,
        Permission.PAYROLL_APPROVE,
        RunStatus.CALCULATED,
        RunStatus.APPROVED,
        tr("审核"),
        tr("审核通过{0}工资，实发合计 {1}"),
    )


def mark_paid(ctx: ServiceContext, month: date) -> RunSummary:
    """Finance confirms the bank transfer; the month is locked from now on."""
    return _transition(
        ctx,
        month,
        Permission.PAYROLL_APPROVE,
        RunStatus.APPROVED,
        RunStatus.PAID,
        tr("确认发放"),
        tr("确认{0}工资已发放并锁定，实发合计 {1}"),
    )


# ---- reading results --------------------------------------------------------------------------


def _company_name(session: Session) -> str:
    company = session.get(Company, 1)
    return company.name if company else ""


def header(ctx: ServiceContext, month: date, *, check_stale: bool = True) -> RunHeader:
    ctx.require_all(Permission.PAYROLL_VIEW)
    month = month.replace(day=1)
    with ctx.transaction() as tx:
        run = _require_run(tx.session, month)
        return _header(tx.session, run, check_stale and _is_stale(ctx, tx.session, run))


def _header(session: Session, run: PayrollRun, stale: bool) -> RunHeader:
    return RunHeader(
        _company_name(session),
        run.month,
        RunStatus(run.status),
        stale,
        run.calculated_at,
        run.calculated_by,
        run.approved_at,
        run.approved_by,
        run.paid_at,
        run.paid_by,
    )


def _department_names(session: Session) -> tuple[dict[int, tuple[DepartmentLevel, ...]], dict[int, str]]:
    """Each department's chain from the root (its path "销售部/华东销售部" leaves the root out) and kind."""
    depts = session.execute(
        select(Department.id, Department.name, Department.parent_id, Department.sort_order, Department.kind)
    ).all()
    return ordering.chains((d.id, d.name, d.parent_id, d.sort_order or 0) for d in depts), {d.id: d.kind for d in depts}


def rows(ctx: ServiceContext, month: date, employee_ids: list[int] | None = None) -> list[PayrollRow]:
    """Every employee's line of the month's run (HR and finance) in the organisation tree's order
    (siblings by sort order then name, a department's own people before its sub-departments), then 工号."""
    ctx.require_all(Permission.PAYROLL_VIEW)
    month = month.replace(day=1)
    with ctx.read() as session:
        run = _require_run(session, month)
        return _rows(ctx, session, run, employee_ids)


def _rows(ctx: ServiceContext, session: Session, run: PayrollRun, employee_ids=None) -> list[PayrollRow]:
    chains, kinds = _department_names(session)
    sensitive = ctx.actor.scope_for(Permission.EMPLOYEE_SENSITIVE) is Scope.ALL
    query = (
        select(
            PayrollResult.employee_id,
            PayrollResult.department_id,
            PayrollResult.project_department_id,
            PayrollResult.detail,
            Employee.emp_no,
            Employee.name,
            Employee.id_number,
            Employee.bank_account,
            Employee.bank_name,
            Employee.social_security_city,
            Employee.hire_date,
            Employee.last_working_day,
        )
        .join(Employee, Employee.id == PayrollResult.employee_id)
        .where(PayrollResult.run_id == run.id)
    )
    if employee_ids is not None:
        query = query.where(PayrollResult.employee_id.in_(employee_ids))
    result = []
    for r in session.execute(query):
        change = ""
        if (
            r.last_working_day is not None
            and run.month <= r.last_working_day
            and (r.last_working_day.year, r.last_working_day.month) == (run.month.year, run.month.month)
        ):
            change = "stop"
        elif (r.hire_date.year, r.hire_date.month) == (run.month.year, run.month.month):
            change = "add"
        result.append(
            PayrollRow(
                r.employee_id,
                r.emp_no,
                r.name,
                r.department_id,
                _path(chains, r.department_id),
                r.project_department_id,
                _path(chains, r.project_department_id),
                kinds.get(r.department_id, DepartmentKind.BUSINESS.value),
                r.id_number if sensitive else mask_id_number(r.id_number) or "",
                (r.bank_account or "") if sensitive else mask_bank_account(r.bank_account) or "",
                r.bank_name or "",
                r.social_security_city or "",
                change,
                codec.loads(r.detail),
                chains.get(r.department_id, ()),
            )
        )
    # the organisation tree's order (a department's own people, then its sub-departments), then 工号
    result.sort(key=lambda row: (ordering.person_key(row.department_chain), row.emp_no))
    return result


def _path(chains: dict[int, tuple[DepartmentLevel, ...]], dept_id: int | None) -> str:
    chain = chains.get(dept_id) if dept_id is not None else None
    return chain[-1].path if chain else ""


@dataclass(frozen=True)
class OwnPayslip:
    month: date
    status: RunStatus
    payslip: Payslip


def my_payslips(ctx: ServiceContext, year: int | None = None) -> list[OwnPayslip]:
    """The signed-in employee's own payslips of paid months (an employee sees nothing earlier)."""
    ctx.require(Permission.PAYROLL_VIEW)
    employee_id = ctx.actor.employee_id
    if employee_id is None:
        return []
    with ctx.read() as session:
        query = (
            select(PayrollRun.month, PayrollRun.status, PayrollResult.detail)
            .join(PayrollResult, PayrollResult.run_id == PayrollRun.id)
            .where(PayrollResult.employee_id == employee_id, PayrollRun.status == RunStatus.PAID.value)
            .order_by(PayrollRun.month.desc())
        )
        if year:
            query = query.where(PayrollRun.month >= date(year, 1, 1), PayrollRun.month <= date(year, 12, 1))
        return [OwnPayslip(m, RunStatus(s), codec.loads(d)) for m, s, d in session.execute(query)]


def payslip(ctx: ServiceContext, month: date, employee_id: int) -> PayrollRow:
    """One employee's line with its explanations: HR and finance, or the employee for a paid month."""
    month = month.replace(day=1)
    if ctx.actor.scope_for(Permission.PAYROLL_VIEW) is not Scope.ALL:
        if employee_id != ctx.actor.employee_id or not ctx.actor.can(Permission.PAYROLL_VIEW):
            raise PermissionDenied(tr("您只能查看本人的工资条。"))
    with ctx.read() as session:
        run = _require_run(session, month)
        if ctx.actor.scope_for(Permission.PAYROLL_VIEW) is not Scope.ALL and run.status != RunStatus.PAID.value:
            raise NotFound(tr("{0}的工资条尚未发放。").format(_month_text(month)))
        found = _rows(ctx, session, run, [employee_id])
        if not found:
            raise NotFound(tr("{0}的工资中没有该员工。").format(_month_text(month)))
        return found[0]

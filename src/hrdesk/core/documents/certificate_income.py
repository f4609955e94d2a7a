"""The monthly income a 在职证明 states, worked out from the records when it is issued.

- 基本工资: the employee's current base salary.
- 固定月薪: the base salary plus the fixed monthly allowances (固定津贴) in force this month that are
  pay (应发项目); fixed deductions and reimbursements are not income.
- 近N个月平均应发: the 应发合计 of the N most recent months (N = 3, 6 or 12) whose payroll finance
  has approved (已审核 or 已发放), up to this month, summed and divided by N, rounded to the fen.
  A figure on a certificate must not change afterwards, so a month still being calculated does not
  count; with fewer such months than N the choice is refused, naming the months there are and the
  shorter average that is possible.

The figure is recorded in the document's content (``to_record``), so a reissue prints the same
figure and words even after later payroll months. Stating any income needs the right to see pay:
salaries in clear and payroll results for everyone (``can_state_income``).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrdesk.core.documents.income_choice import AVERAGE_MONTHS, IncomeBasis, IncomeChoice
from hrdesk.core.documents.pdf import StatedIncome
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import NotFound, PermissionDenied, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.money import FEN
from hrdesk.core.kernel.months import first_of_month
from hrdesk.core.kernel.permissions import Actor, Permission
from hrdesk.core.payroll.rules.items import PayCategory
from hrdesk.core.payroll.rules.report import RunStatus
from hrdesk.core.payroll.tables import EmployeeAllowance, PayItemType, PayrollResult, PayrollRun
from hrdesk.core.people.tables import Employee

FINAL_STATUSES = (RunStatus.APPROVED.value, RunStatus.PAID.value)


def can_state_income(actor: Actor) -> bool:
    """Whether ``actor`` may put an income on a certificate: the same right as seeing it."""
    return actor.can_all(Permission.EMPLOYEE_SENSITIVE) and actor.can_all(Permission.PAYROLL_VIEW)


def require_income_right(ctx: ServiceContext, choice: IncomeChoice) -> None:
    if choice.states_income and not can_state_income(ctx.actor):
        raise PermissionDenied(tr("在证明中写明收入需要查看员工工资的权限（薪资和工资核算）。"))


def _month_text(month: date) -> str:
    return month.strftime("%Y-%m")


def _span(months: list[date]) -> str:
    return (
        _month_text(months[0])
        if len(months) == 1
        else tr("{0} 至 {1}").format(_month_text(months[0]), _month_text(months[-1]))
    )


def approved_months(session: Session, employee_id: int, today: date, limit: int) -> list[tuple[date, Decimal]]:
    """(month, 应发合计) of up to ``limit`` most recent approved or paid months, oldest first."""
    rows = session.execute(
        select(PayrollRun.month, PayrollResult.gross_pay)
        .join(PayrollResult, PayrollResult.run_id == PayrollRun.id)
        .where(
            PayrollResult.employee_id == employee_id,
            PayrollRun.status.in_(FINAL_STATUSES),
            PayrollRun.month <= first_of_month(today),
        )
        .order_by(PayrollRun.month.desc())
        .limit(limit)
    ).all()
    return sorted((month, gross) for month, gross in rows)


def _too_few(employee: Employee, held: list[date], wanted: int) -> ValidationError:
    shorter = [n for n in AVERAGE_MONTHS if n <= len(held)]
    offer = (
        tr("可改选“近{0}个月平均应发”，或写基本工资、固定月薪。").format(shorter[-1])
        if shorter
        else tr("可改选基本工资或固定月薪。")
    )
    if not held:
        said = tr("{0}还没有财务已审核的工资记录，不能按近{1}个月平均应发写明收入。").format(employee.name, wanted)
    else:
        said = tr("{0}只有{1}个月财务已审核的工资记录（{2}），不足{3}个月。").format(
            employee.name, len(held), _span(held), wanted
        )
    return ValidationError({"income": said + offer})


def _average(session: Session, employee: Employee, months: int, today: date) -> StatedIncome:
    found = approved_months(session, employee.id, today, max(AVERAGE_MONTHS))
    if len(found) < months:
        raise _too_few(employee, [m for m, _ in found], months)
    chosen = found[-months:]
    total = sum((gross for _, gross in chosen), Decimal(0))
    amount = (total / months).quantize(FEN, rounding=ROUND_HALF_UP)
    return StatedIncome(IncomeBasis.AVERAGE_GROSS, amount, months=tuple(m for m, _ in chosen))


def _fixed_monthly(session: Session, employee: Employee, today: date) -> StatedIncome:
    month = first_of_month(today)
    rows = session.execute(
        select(EmployeeAllowance.amount, PayItemType.name)
        .join(PayItemType, PayItemType.id == EmployeeAllowance.item_type_id)
        .where(
            EmployeeAllowance.employee_id == employee.id,
            EmployeeAllowance.from_month <= month,
            EmployeeAllowance.to_month.is_(None) | (EmployeeAllowance.to_month >= month),
            PayItemType.category == PayCategory.EARNING.value,
        )
        .order_by(PayItemType.sort_order, PayItemType.id, EmployeeAllowance.id)
    ).all()
    amount = employee.base_salary + sum((a for a, _ in rows), Decimal(0))
    names = tuple(dict.fromkeys(name for _, name in rows))
    return StatedIncome(IncomeBasis.FIXED_MONTHLY, amount, allowances=names)


def stated_income(session: Session, employee: Employee, choice: IncomeChoice, today: date) -> StatedIncome | None:
    """The income ``choice`` puts on a certificate issued ``today``; None for 不写收入. ValidationError
    (under "income") when the records cannot give it."""
    if choice.basis is IncomeBasis.NONE:
        return None
    if choice.basis is IncomeBasis.BASE_SALARY:
        income = StatedIncome(IncomeBasis.BASE_SALARY, employee.base_salary)
    elif choice.basis is IncomeBasis.FIXED_MONTHLY:
        income = _fixed_monthly(session, employee, today)
    else:
        assert choice.months is not None  # IncomeChoice guarantees it for the average
        income = _average(session, employee, choice.months, today)
    if income.amount <= 0:
        raise ValidationError({"income": tr("{0}的{1}为0，没有可写明的月收入。").format(employee.name, choice.label)})
    return income


def income_preview(ctx: ServiceContext, employee_id: int, choice: IncomeChoice) -> StatedIncome | None:
    """What a certificate issued now would state, for the dialog to show before issuing."""
    ctx.require_all(Permission.DOCUMENT_ISSUE)
    require_income_right(ctx, choice)
    with ctx.read() as session:
        employee = session.get(Employee, employee_id)
        if employee is None:
            raise NotFound(tr("找不到该员工（编号 {0}）。").format(employee_id))
        return stated_income(session, employee, choice, ctx.clock.today())


# ---- in the document's recorded content ---------------------------------------------------------


def to_record(income: StatedIncome | None) -> dict | None:
    if income is None:
        return None
    return {
        "basis": income.basis.value,
        "amount": str(income.amount),
        "allowances": list(income.allowances),
        "months": [m.isoformat() for m in income.months],
    }


def from_record(record: dict | None) -> StatedIncome | None:
    if record is None:
        return None
    return StatedIncome(
        IncomeBasis(record["basis"]),
        Decimal(record["amount"]),
        tuple(record["allowances"]),
        tuple(date.fromisoformat(m) for m in record["months"]),
    )

"""Wage history (历史工资): each month's 应发 and its overtime part from before the company used
HRDesk, entered by hand or imported from Excel, and the one place that answers "what was this
person paid in month M" for the rules that look back over past months.

A settlement averages the twelve months before the separation (劳动合同法实施条例 art. 27) and pays
untaken annual leave on the average without overtime (企业职工带薪年休假实施办法 art. 11); the 6万
option looks at last year's wages (公告2020年第19号). For someone hired years ago those months are
older than the company's first HRDesk payroll, so HR supplies them here. A month HRDesk calculated
is always taken from its payroll result, never from the history: the history cannot contradict a
payslip, and entering one for such a month is refused.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import NotFound, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.months import first_of_month
from hrdesk.core.kernel.permissions import Permission
from hrdesk.core.kernel.refusals import recorded_when_refused
from hrdesk.core.payroll.import_sheets import (
    Column,
    People,
    Problems,
    SheetRow,
    cell_text,
    read_rows,
    row_note,
    write_blank_sheet,
)
from hrdesk.core.payroll.inputs import clean_note, get_employee, validate_amount
from hrdesk.core.payroll.rules import codec
from hrdesk.core.payroll.tables import PayItemType, PayrollResult, PayrollRun, WageHistory
from hrdesk.core.people.tables import Employee

ZERO = Decimal("0.00")
PAYROLL = "payroll"  # MonthWage.source: a month HRDesk calculated
HISTORY = "history"  # MonthWage.source: a month of the wage history
IMPORT_SOURCE = "import"
AUDIT_ENTITY = "wage_history"  # the summary record of an import


@dataclass(frozen=True)
class MonthWage:
    """What one month paid, wherever it is recorded: 应发 without severance, the overtime part."""

    month: date
    gross: Decimal
    overtime: Decimal
    source: str  # PAYROLL or HISTORY

    @property
    def without_overtime(self) -> Decimal:
        return self.gross - self.overtime


@dataclass(frozen=True)
class HistoryMonth:
    """A row of the wage history as the 历史工资 list shows it."""

    id: int
    employee_id: int
    emp_no: str
    name: str
    month: date
    gross: Decimal
    overtime: Decimal
    note: str
    source: str
    created_by: str


# ---- reading (for the rules) ------------------------------------------------------------------


def overtime_codes(session: Session) -> frozenset[str]:
    """Codes of the pay item types marked as overtime pay (加班工资)."""
    return frozenset(session.execute(select(PayItemType.code).where(PayItemType.overtime.is_(True))).scalars())


def calculated_wages(session: Session, employee_id: int, first: date, before: date) -> dict[date, MonthWage]:
    """Months from ``first`` up to (not including) ``before`` that HRDesk calculated for the employee."""
    overtime = overtime_codes(session)
    rows = session.execute(
        select(PayrollRun.month, PayrollResult.detail)
        .join(PayrollResult, PayrollResult.run_id == PayrollRun.id)
        .where(PayrollResult.employee_id == employee_id, PayrollRun.month >= first, PayrollRun.month < before)
    ).all()
    result = {}
    for month, detail in rows:
        slip = codec.loads(detail)
        extra = sum((i.amount for i in slip.items if i.code in overtime), ZERO)
        result[month] = MonthWage(month, slip.gross_pay - slip.severance, extra, PAYROLL)
    return result


def monthly_wages(session: Session, employee_id: int, months: Iterable[date]) -> dict[date, MonthWage]:
    """The recorded wage of each of ``months`` that has one: HRDesk's payroll result, else the wage
    history. A month in neither is absent from the answer (the caller names it as missing)."""
    wanted = sorted({first_of_month(m) for m in months})
    if not wanted:
        return {}
    after_last = date(wanted[-1].year + (wanted[-1].month == 12), wanted[-1].month % 12 + 1, 1)
    found = calculated_wages(session, employee_id, wanted[0], after_last)
    for row in session.execute(
        select(WageHistory).where(
            WageHistory.employee_id == employee_id,
            WageHistory.month >= wanted[0],
            WageHistory.month <= wanted[-1],
        )
    ).scalars():
        if row.month not in found:
            found[row.month] = MonthWage(row.month, row.gross, row.overtime, HISTORY)
    return {m: found[m] for m in wanted if m in found}


def monthly_history(session: Session, employee_id: int, first: date, last: date) -> dict[date, Decimal]:
    """The wage history's 应发 by month, ``first`` to ``last`` inclusive (payroll results not read)."""
    return dict(
        session.execute(
            select(WageHistory.month, WageHistory.gross).where(
                WageHistory.employee_id == employee_id, WageHistory.month >= first, WageHistory.month <= last
            )
        ).all()
    )


# ---- the service ------------------------------------------------------------------------------


def history(ctx: ServiceContext, employee_id: int | None = None) -> list[HistoryMonth]:
    """The wage history, of one employee or of everyone, by 工号 and month."""
    ctx.require_all(Permission.PAYROLL_VIEW)
    with ctx.read() as session:
        query = (
            select(WageHistory, Employee.emp_no, Employee.name)
            .join(Employee, Employee.id == WageHistory.employee_id)
            .order_by(Employee.emp_no, WageHistory.month)
        )
        if employee_id is not None:
            query = query.where(WageHistory.employee_id == employee_id)
        return [_history_month(row, no, name) for row, no, name in session.execute(query)]


def _history_month(row: WageHistory, emp_no: str, name: str) -> HistoryMonth:
    return HistoryMonth(
        row.id,
        row.employee_id,
        emp_no,
        name,
        row.month,
        row.gross,
        row.overtime,
        row.note or "",
        row.source,
        row.created_by,
    )


def month_problem(session: Session, employee: Employee, month: date, today: date) -> str | None:
    """Why ``month`` cannot have a history entry for the employee (None when it can)."""
    label = month.strftime("%Y-%m")
    if month > first_of_month(today) or month == first_of_month(today):
        return tr("{0} 尚未结束，历史工资只能录入已经过去的月份").format(label)
    if month < employee.hire_date.replace(day=1):
        return tr("{0}于 {1} 入职，{2} 不在任职期间").format(employee.name, employee.hire_date.isoformat(), label)
    if employee.last_working_day is not None and month > employee.last_working_day.replace(day=1):
        return tr("{0}最后工作日为 {1}，{2} 不在任职期间").format(
            employee.name, employee.last_working_day.isoformat(), label
        )
    calculated = session.execute(
        select(PayrollRun.id)
        .join(PayrollResult, PayrollResult.run_id == PayrollRun.id)
        .where(PayrollRun.month == month, PayrollResult.employee_id == employee.id)
    ).first()
    if calculated is not None:
        return tr("{0} 已由 HRDesk 核算工资，以工资核算结果为准，不能另录历史工资").format(label)
    return None


def check_amounts(gross_text, overtime_text) -> tuple[Decimal, Decimal]:
    """应发 and 其中加班工资 as amounts (zero allowed: a month of unpaid leave); overtime ≤ 应发."""
    errors = {}
    gross = overtime = ZERO
    try:
        gross = validate_amount(gross_text, "gross", allow_zero=True)
    except ValidationError as exc:
        errors["gross"] = tr("应发工资：") + exc.errors.get("gross", str(exc))
    try:
        overtime = validate_amount(overtime_text or "0", "overtime", allow_zero=True)
    except ValidationError as exc:
        errors["overtime"] = tr("加班工资：") + exc.errors.get("overtime", str(exc))
    if not errors and overtime > gross:
        errors["overtime"] = tr("其中加班工资 {0} 不能大于应发工资 {1}").format(f"{overtime:,.2f}", f"{gross:,.2f}")
    if errors:
        raise ValidationError(errors)
    return gross, overtime


def set_month(ctx: ServiceContext, employee_id: int, month: date, gross, overtime="0", note: str = "") -> HistoryMonth:
    """Record (or correct) one past month's 应发 and its overtime part for an employee."""
    ctx.require_all(Permission.PAYROLL_INPUT)
    month = first_of_month(month)
    gross_amount, overtime_amount = check_amounts(gross, overtime)
    note = clean_note(note)
    with ctx.transaction() as tx:
        session = tx.session
        employee = get_employee(session, employee_id)
        problem = month_problem(session, employee, month, ctx.clock.today())
        if problem:
            raise ValidationError({"month": problem})
        row = _stored(session, employee_id, month)
        _store(tx, employee, row, month, gross_amount, overtime_amount, note, "manual")
        session.flush()
        tx.changed("payroll_input", "updated", employee_id)
        stored = _stored(session, employee_id, month)
        assert stored is not None
        return _history_month(stored, employee.emp_no, employee.name)


def remove_month(ctx: ServiceContext, employee_id: int, month: date) -> None:
    """Delete one month of an employee's wage history."""
    ctx.require_all(Permission.PAYROLL_INPUT)
    month = first_of_month(month)
    with ctx.transaction() as tx:
        session = tx.session
        employee = get_employee(session, employee_id)
        row = _stored(session, employee_id, month)
        if row is None:
            raise NotFound(tr("{0} 没有 {1} 的历史工资。").format(employee.name, month.strftime("%Y-%m")))
        tx.audit(
            "wage_history.remove",
            "employee",
            employee_id,
            tr("删除 {0} {1} 的历史工资").format(employee.name, month.strftime("%Y-%m")),
            {"month": month, "gross": row.gross, "overtime": row.overtime},
            None,
        )
        session.delete(row)
        tx.changed("payroll_input", "updated", employee_id)


def _stored(session: Session, employee_id: int, month: date) -> WageHistory | None:
    return session.execute(
        select(WageHistory).where(WageHistory.employee_id == employee_id, WageHistory.month == month)
    ).scalar_one_or_none()


def _store(tx, employee: Employee, row, month: date, gross: Decimal, overtime: Decimal, note: str, source: str):
    before = None if row is None else {"gross": row.gross, "overtime": row.overtime, "note": row.note or ""}
    if row is None:
        row = WageHistory(
            employee_id=employee.id,
            month=month,
            created_by=tx.ctx.actor.display_name,
            created_at=tx.ctx.clock.now(),
        )
        tx.session.add(row)
    row.gross, row.overtime, row.note, row.source = gross, overtime, note or None, source
    tx.audit(
        "wage_history.set",
        "employee",
        employee.id,
        tr("{0} {1} 的历史工资：应发 {2}，其中加班工资 {3}").format(
            employee.name, month.strftime("%Y-%m"), f"{gross:,.2f}", f"{overtime:,.2f}"
        ),
        before,
        {"month": month, "gross": gross, "overtime": overtime, "note": note},
    )


# ---- import -----------------------------------------------------------------------------------

COLUMNS = (
    Column("emp_no", tr("工号"), 12, aliases=(tr("员工编号"), tr("员工工号"))),
    Column("name", tr("姓名"), 10, aliases=(tr("员工姓名"),)),
    Column("month", tr("月份"), 10, aliases=(tr("工资月份"), tr("所属月份"), tr("年月"))),
    Column("gross", tr("应发工资"), 14, aliases=(tr("应发合计"), tr("应发"))),
    Column("overtime", tr("其中加班工资"), 14, required=False, aliases=(tr("加班工资"), tr("加班费"))),
    Column("note", tr("备注"), 30, required=False),
)
NOTES = tr(
    "填写说明：每行一名员工一个月的工资，用于开始使用 HRDesk 之前的月份（离职经济补偿按离职前十二个月"
    "平均工资计算，未休年休假工资按不含加班工资的月平均工资计算）。月份写 2025-03、2025/3 或 2025年3月；"
    "应发工资为当月应发合计（不含经济补偿金），其中加班工资为它包含的加班工资，没有填 0 或留空。"
    "同一员工同一月份再次导入时更新原记录。请保留第2行表头。"
)
_MONTH_PATTERN = re.compile(r"^(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:月份|月)?(?:[-/.]\d{1,2}日?)?$")


def parse_history_month(value) -> date:
    """A month cell: a date (Excel's own), 2025-03, 2025/3, 2025.3, 2025年3月, or 202503."""
    if isinstance(value, datetime):
        return value.date().replace(day=1)
    if isinstance(value, date):
        return value.replace(day=1)
    text = cell_text(value).replace(" ", "")
    match = _MONTH_PATTERN.match(text)
    if match is None and len(text) == 6 and text.isdigit():
        match = re.match(r"(\d{4})(\d{2})", text)
    if match is not None:
        year, month = int(match.group(1)), int(match.group(2))
        if 1990 <= year <= 2100 and 1 <= month <= 12:
            return date(year, month, 1)
    raise ValueError(tr("月份“{0}”无法识别，请写成 2025-03").format(text))


TEMPLATE_FILE_NAME = tr("历史工资导入模板.xlsx")


def write_template(path: str | os.PathLike) -> Path:
    """The blank 历史工资 sheet to fill in Excel."""
    return write_blank_sheet(path, tr("历史工资"), COLUMNS, NOTES)


@dataclass(frozen=True)
class HistoryImport:
    count: int  # rows written (check_only: that would be)
    new: int
    updated: int
    employees: int
    file_name: str
    checked_only: bool = False

    @property
    def message(self) -> str:
        verb = tr("检查通过，可以导入") if self.checked_only else tr("已导入")
        return tr("{0}历史工资 {1} 条（{2} 人；新增 {3} 条，更新 {4} 条）").format(
            verb, self.count, self.employees, self.new, self.updated
        )


@recorded_when_refused("历史工资导入")
def import_history(ctx: ServiceContext, path: str | os.PathLike, *, check_only: bool = False) -> HistoryImport:
    """Import wage history rows (工号, 姓名, 月份, 应发工资, 其中加班工资, 备注): all or nothing, every
    row checked with the rules of :func:`set_month`; a month already recorded is updated."""
    ctx.require_all(Permission.PAYROLL_INPUT)
    rows = read_rows(path, COLUMNS)
    labels = {c.key: c.header for c in COLUMNS}
    today = ctx.clock.today()
    with ctx.transaction() as tx:
        session = tx.session
        people = People(session, rows)
        problems = Problems()
        checked: list[tuple[SheetRow, Employee, date, Decimal, Decimal, str]] = []
        seen: dict[tuple[int, date], int] = {}
        for row in rows:
            person = people.check(row, problems)
            try:
                month = parse_history_month(row.values.get("month"))
            except ValueError as exc:
                problems.field(row, labels["month"], str(exc))
                month = None
            try:
                gross, overtime = check_amounts(
                    cell_text(row.values.get("gross")), cell_text(row.values.get("overtime"))
                )
            except ValidationError as exc:
                for message in exc.errors.values():
                    problems.add(row, message)
                continue
            if person is None or month is None:
                continue
            employee = get_employee(session, person[0])
            problem = month_problem(session, employee, month, today)
            if problem:
                problems.add(row, problem)
                continue
            key = (employee.id, month)
            if key in seen:
                problems.add(row, tr("{0} {1} 与第{2}行重复").format(employee.name, month.strftime("%Y-%m"), seen[key]))
                continue
            seen[key] = row.number
            note = row_note(row, problems)
            if note is not None:
                checked.append((row, employee, month, gross, overtime, note))
        problems.raise_if_any()
        existing = {
            (r.employee_id, r.month): r
            for r in _existing(session, {e.id for _r, e, *_ in checked})
            if (r.employee_id, r.month) in seen
        }
        result = HistoryImport(
            len(checked),
            len(checked) - len(existing),
            len(existing),
            len({e.id for _r, e, *_ in checked}),
            Path(path).name,
            check_only,
        )
        if check_only:
            return result
        for _row, employee, month, gross, overtime, note in checked:
            _store(tx, employee, existing.get((employee.id, month)), month, gross, overtime, note, IMPORT_SOURCE)
        session.flush()
        tx.audit(
            "wage_history.import",
            AUDIT_ENTITY,
            "import",
            tr("导入历史工资 {0} 条（文件 {1}）").format(result.count, result.file_name),
            None,
            {"count": result.count, "new": result.new, "updated": result.updated, "file": result.file_name},
        )
        tx.changed("payroll_input", "updated", *sorted({e.id for _r, e, *_ in checked}))
        return result


def _existing(session: Session, employee_ids: set[int]) -> list[WageHistory]:
    ids = sorted(employee_ids)
    found: list[WageHistory] = []
    for start in range(0, len(ids), 500):
        found.extend(
            session.execute(select(WageHistory).where(WageHistory.employee_id.in_(ids[start : start + 500]))).scalars()
        )
    return found

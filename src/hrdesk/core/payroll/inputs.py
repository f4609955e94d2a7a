"""What payroll reads besides the register: pay item types, fixed allowances and one-off entries
(the employee's tax declarations are in ``tax_declarations``).

Only people with the payroll-input permission for everyone (HR, finance) change these. A month
whose payroll is already paid (已发放) is locked: its entries never change again, and a correction
goes into the next month as an adjustment item.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrdesk.core.kernel.context import ServiceContext, Transaction
from hrdesk.core.kernel.errors import NotFound, StateError, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.money import MoneyError, parse_money
from hrdesk.core.kernel.months import first_of_month, month_end, shift_month
from hrdesk.core.kernel.permissions import Permission
from hrdesk.core.kernel.persistence.rows import stored_row
from hrdesk.core.kernel.text_rules import clean_text
from hrdesk.core.org.tables import Department
from hrdesk.core.payroll import defaults
from hrdesk.core.payroll.rules.items import PayCategory
from hrdesk.core.payroll.rules.report import RunStatus
from hrdesk.core.payroll.tables import EmployeeAllowance, PayItemType, PayrollEntry, PayrollRun
from hrdesk.core.people.employee_rules import EmployeeStatus
from hrdesk.core.people.tables import Employee

MAX_AMOUNT = Decimal("99999999.99")


FIRST_YEAR, LAST_YEAR = 2000, 2100  # the months any payroll input may name; 9999-12 overflowed later


def parse_month(text: str) -> date:
    """'2026-03' or '2026-3' → 2026-03-01; ValidationError otherwise, also for a year outside
    2000–2100 (no payroll input is about such a month, and month arithmetic on 9999-12 overflows)."""
    try:
        year, month = (int(part) for part in (text or "").strip().replace("/", "-").split("-")[:2])
        parsed = date(year, month, 1)
    except (ValueError, TypeError):
        raise ValidationError({"month": tr("月份格式应为 YYYY-MM，例如 2026-03")}) from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(
            {"month": tr("月份 {0} 超出范围：应在 {1} 年至 {2} 年之间").format(text.strip(), FIRST_YEAR, LAST_YEAR)}
        )
    return parsed


# ---- item types -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemType:
    id: int
    code: str
    name: str
    category: PayCategory
    taxable: bool
    prorate: bool
    recurring: bool
    active: bool
    overtime: bool = False  # 加班工资: not in the wage for annual-leave pay


def _item_type(row: PayItemType) -> ItemType:
    return ItemType(
        row.id,
        row.code,
        row.name,
        PayCategory(row.category),
        row.taxable,
        row.prorate,
        row.recurring,
        row.active,
        row.overtime,
    )


def item_types(ctx: ServiceContext, *, include_inactive: bool = False) -> list[ItemType]:
    ctx.require(Permission.PAYROLL_VIEW)
    defaults.install_defaults(ctx)
    with ctx.transaction() as tx:
        defaults.ensure_item_types(tx.session, ctx.clock.now())
        query = select(PayItemType).order_by(PayItemType.sort_order, PayItemType.id)
        if not include_inactive:
            query = query.where(PayItemType.active.is_(True))
        return [_item_type(r) for r in tx.session.execute(query).scalars()]


def save_item_type(
    ctx: ServiceContext,
    code: str,
    name: str,
    category: PayCategory,
    *,
    taxable: bool = True,
    prorate: bool = False,
    recurring: bool = False,
    active: bool = True,
    overtime: bool = False,
) -> ItemType:
    """Add a pay item type or change one (by code). A type in use keeps its category: changing how
    an amount is taxed would silently change months already calculated."""
    ctx.require_all(Permission.PAYROLL_POLICY)
    code, name = (code or "").strip(), (name or "").strip()
    errors = {}
    if not code or not code.replace("_", "").isalnum() or not code.isascii():
        errors["code"] = tr("代码由英文字母、数字和下划线组成")
    if not name or len(name) > 30:
        errors["name"] = tr("请填写名称（最多30个字）")
    if errors:
        raise ValidationError(errors)
    with ctx.transaction() as tx:
        session = tx.session
        defaults.ensure_item_types(session, ctx.clock.now())
        row = session.execute(select(PayItemType).where(PayItemType.code == code)).scalar_one_or_none()
        before = None
        if row is None:
            row = PayItemType(code=code, created_at=ctx.clock.now(), sort_order=1000)
            session.add(row)
        else:
            before = {
                "name": row.name,
                "category": row.category,
                "taxable": row.taxable,
                "prorate": row.prorate,
                "recurring": row.recurring,
                "active": row.active,
                "overtime": row.overtime,
            }
            used = session.execute(select(PayrollEntry.id).where(PayrollEntry.item_type_id == row.id).limit(1)).first()
            if used and row.category != category.value:
                raise ValidationError({"category": tr("该项目已有录入记录，不能修改类别；请新建一个项目。")})
        row.name, row.category, row.taxable = name, category.value, taxable
        row.prorate, row.recurring, row.active = prorate, recurring, active
        row.overtime = overtime and category is PayCategory.EARNING
        session.flush()
        tx.audit(
            "pay_item_type.save",
            "pay_item_type",
            row.id,
            tr("保存工资项目“{0}”").format(name),
            before,
            {
                "name": name,
                "category": category.value,
                "taxable": taxable,
                "prorate": prorate,
                "recurring": recurring,
                "active": active,
                "overtime": row.overtime,
            },
        )
        tx.changed("pay_item_type", "updated", row.id)
        return _item_type(row)


def item_resolver(session: Session) -> Callable[[str], PayItemType]:
    """A look-up of active item types by code or else by name (one query, for imports of many rows);
    the returned function raises ValidationError({"item": …}) for an unknown or inactive item."""
    rows = list(session.execute(select(PayItemType)).scalars())
    by_code = {r.code: r for r in rows}
    by_name = {r.name: r for r in rows}

    def resolve(code: str) -> PayItemType:
        row = by_code.get(code) or by_name.get(code)
        if row is None or not row.active:
            raise ValidationError({"item": tr("没有名为“{0}”的工资项目").format(code)})
        return row

    return resolve


def _type_by_code(session: Session, code: str) -> PayItemType:
    return item_resolver(session)(code)


# ---- guards -----------------------------------------------------------------------------------


def require_open_month(session: Session, month: date) -> None:
    status = session.execute(select(PayrollRun.status).where(PayrollRun.month == month)).scalar()
    if status == RunStatus.PAID.value:
        raise StateError(
            tr("{0}年{1}月的工资已发放并锁定，不能再修改；更正请记入下月的调整项目。").format(month.year, month.month)
        )


def month_locked(ctx: ServiceContext, month: date) -> bool:
    """True when the month's payroll is paid (已发放): its inputs no longer change."""
    ctx.require(Permission.PAYROLL_VIEW)
    with ctx.read() as session:
        status = session.execute(select(PayrollRun.status).where(PayrollRun.month == first_of_month(month))).scalar()
        return status == RunStatus.PAID.value


@dataclass(frozen=True)
class Person:
    """An employee as the input lists show them."""

    id: int
    emp_no: str
    name: str
    department: str
    separated: bool


def people_between(session: Session, first: date, last: date) -> list[Person]:
    """Everyone employed at some time between ``first`` and ``last``, by 工号."""
    rows = session.execute(
        select(Employee.id, Employee.emp_no, Employee.name, Department.name, Employee.status)
        .join(Department, Department.id == Employee.department_id)
        .where(Employee.hire_date <= last, (Employee.last_working_day.is_(None)) | (Employee.last_working_day >= first))
        .order_by(Employee.emp_no)
    )
    return [Person(i, no, name, dept, status == EmployeeStatus.SEPARATED.value) for i, no, name, dept, status in rows]


def get_employee(session: Session, employee_id: int) -> Employee:
    employee = session.get(Employee, employee_id)
    if employee is None:
        raise NotFound(tr("找不到该员工（编号 {0}）。").format(employee_id))
    return employee


def validate_amount(value, field: str = "amount", *, allow_zero: bool = False) -> Decimal:
    """An entry's or allowance's amount: positive, at most two decimals; ValidationError({field: …})."""
    try:
        amount = parse_money(value, maximum=MAX_AMOUNT)
    except MoneyError as exc:
        raise ValidationError({field: str(exc)}) from None
    if amount == 0 and not allow_zero:
        raise ValidationError({field: tr("金额不能为0")})
    return amount


# ---- fixed allowances -------------------------------------------------------------------------


@dataclass(frozen=True)
class Allowance:
    id: int
    employee_id: int
    item_code: str
    item_name: str
    amount: Decimal
    from_month: date
    to_month: date | None


def allowances(ctx: ServiceContext, employee_id: int) -> list[Allowance]:
    ctx.require_all(Permission.PAYROLL_VIEW)
    with ctx.read() as session:
        rows = session.execute(
            select(EmployeeAllowance, PayItemType)
            .join(PayItemType, PayItemType.id == EmployeeAllowance.item_type_id)
            .where(EmployeeAllowance.employee_id == employee_id)
            .order_by(EmployeeAllowance.from_month)
        ).all()
        return [Allowance(a.id, a.employee_id, t.code, t.name, a.amount, a.from_month, a.to_month) for a, t in rows]


def allowances_in_month(
    ctx: ServiceContext, month: date, employee_id: int | None = None
) -> list[tuple[str, Allowance]]:
    """Every fixed item in force in ``month`` with its employee's 工号, by 工号 and item."""
    ctx.require_all(Permission.PAYROLL_VIEW)
    month = first_of_month(month)
    with ctx.read() as session:
        query = (
            select(EmployeeAllowance, PayItemType, Employee.emp_no)
            .join(PayItemType, PayItemType.id == EmployeeAllowance.item_type_id)
            .join(Employee, Employee.id == EmployeeAllowance.employee_id)
            .where(
                EmployeeAllowance.from_month <= month,
                (EmployeeAllowance.to_month.is_(None)) | (EmployeeAllowance.to_month >= month),
            )
            .order_by(Employee.emp_no, PayItemType.sort_order, PayItemType.id)
        )
        if employee_id is not None:
            query = query.where(EmployeeAllowance.employee_id == employee_id)
        return [
            (no, Allowance(a.id, a.employee_id, t.code, t.name, a.amount, a.from_month, a.to_month))
            for a, t, no in session.execute(query)
        ]


def set_allowance(
    ctx: ServiceContext, employee_id: int, item_code: str, amount, from_month: date, to_month: date | None = None
) -> Allowance:
    """A fixed monthly amount from ``from_month``; an open allowance of the same item ends the month
    before, so a raise of the 交通补贴 is one action and the history stays."""
    ctx.require_all(Permission.PAYROLL_INPUT)
    amount = validate_amount(amount)
    from_month = first_of_month(from_month)
    to_month = first_of_month(to_month) if to_month else None
    if to_month and to_month < from_month:
        raise ValidationError({"to_month": tr("截止月份不能早于起始月份")})
    with ctx.transaction() as tx:
        session = tx.session
        defaults.ensure_item_types(session, ctx.clock.now())
        employee = get_employee(session, employee_id)
        item = _type_by_code(session, item_code)
        if item.category != PayCategory.EARNING.value:
            raise ValidationError({"item": tr("固定项目只能是应发项目（津贴、补贴）")})
        require_open_month(session, from_month)
        for other in session.execute(
            select(EmployeeAllowance).where(
                EmployeeAllowance.employee_id == employee_id, EmployeeAllowance.item_type_id == item.id
            )
        ).scalars():
            if other.from_month >= from_month:
                raise ValidationError(
                    {"from_month": tr("该项目在{0}已有设置，请修改那一条").format(other.from_month.strftime("%Y-%m"))}
                )
            if other.to_month is None or other.to_month >= from_month:
                other.to_month = shift_month(from_month, -1)
        row = EmployeeAllowance(
            employee_id=employee_id,
            item_type_id=item.id,
            amount=amount,
            from_month=from_month,
            to_month=to_month,
            created_at=ctx.clock.now(),
        )
        session.add(row)
        session.flush()
        tx.audit(
            "allowance.set",
            "employee",
            employee_id,
            tr("{0} 的{1}自 {2} 起为 {3}").format(
                employee.name, item.name, from_month.strftime("%Y-%m"), f"{amount:,.2f}"
            ),
            None,
            {"item": item.code, "amount": amount, "from_month": from_month, "to_month": to_month},
        )
        tx.changed("payroll_input", "updated", employee_id)
        return Allowance(row.id, employee_id, item.code, item.name, amount, from_month, to_month)


def end_allowance(ctx: ServiceContext, allowance_id: int, last_month: date) -> Allowance:
    """Stop a fixed allowance after ``last_month`` (paid months keep what they paid)."""
    ctx.require_all(Permission.PAYROLL_INPUT)
    last_month = first_of_month(last_month)
    with ctx.transaction() as tx:
        session = tx.session
        row = session.get(EmployeeAllowance, allowance_id)
        if row is None:
            raise NotFound(tr("该固定项目不存在。"))
        if last_month < row.from_month:
            raise ValidationError(
                {"to_month": tr("停发月份不能早于起始月份 {0}").format(row.from_month.strftime("%Y-%m"))}
            )
        require_open_month(session, shift_month(last_month, 1))
        item = stored_row(session, PayItemType, row.item_type_id)
        employee = get_employee(session, row.employee_id)
        before = {"to_month": row.to_month}
        row.to_month = last_month
        tx.audit(
            "allowance.end",
            "employee",
            row.employee_id,
            tr("{0} 的{1}发至 {2} 止").format(employee.name, item.name, last_month.strftime("%Y-%m")),
            before,
            {"to_month": last_month},
        )
        tx.changed("payroll_input", "updated", row.employee_id)
        return Allowance(row.id, row.employee_id, item.code, item.name, row.amount, row.from_month, row.to_month)


# ---- one-off entries --------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    id: int
    month: date
    employee_id: int
    emp_no: str
    employee_name: str
    item_code: str
    item_name: str
    category: PayCategory
    amount: Decimal
    note: str
    source: str
    locked: bool
    created_by: str


def entries(ctx: ServiceContext, month: date, employee_id: int | None = None) -> list[Entry]:
    ctx.require_all(Permission.PAYROLL_VIEW)
    with ctx.read() as session:
        query = (
            select(PayrollEntry, PayItemType, Employee.emp_no, Employee.name)
            .join(PayItemType, PayItemType.id == PayrollEntry.item_type_id)
            .join(Employee, Employee.id == PayrollEntry.employee_id)
            .where(PayrollEntry.month == first_of_month(month))
            .order_by(Employee.emp_no, PayrollEntry.id)
        )
        if employee_id is not None:
            query = query.where(PayrollEntry.employee_id == employee_id)
        return [
            Entry(
                e.id,
                e.month,
                e.employee_id,
                no,
                name,
                t.code,
                t.name,
                PayCategory(t.category),
                e.amount,
                e.note or "",
                e.source,
                e.locked,
                e.created_by,
            )
            for e, t, no, name in session.execute(query)
        ]


def add_entry(
    ctx: ServiceContext,
    month: date,
    employee_id: int,
    item_code: str,
    amount,
    note: str = "",
    *,
    source: str = "manual",
    locked: bool = False,
) -> int:
    ctx.require_all(Permission.PAYROLL_INPUT)
    amount = validate_amount(amount)
    month = first_of_month(month)
    note = clean_note(note)
    with ctx.transaction() as tx:
        session = tx.session
        defaults.ensure_item_types(session, ctx.clock.now())
        employee = get_employee(session, employee_id)
        item = _type_by_code(session, item_code)
        require_open_month(session, month)
        problem = not_yet_hired(employee.name, employee.hire_date, month)
        if problem:
            raise ValidationError({"month": problem})
        problem = severance_while_employed(employee.name, PayCategory(item.category), employee.last_working_day)
        if problem:
            raise ValidationError({"item": problem})
        row = insert_entry(tx, month, employee_id, employee.name, item, amount, note, source, locked)
        session.flush()
        tx.changed("payroll_input", "updated", employee_id)
        return row.id


def not_yet_hired(name: str, hire_date: date, month: date) -> str | None:
    """Why an entry cannot be paid in ``month``: the person starts after it (None if they can)."""
    if hire_date > month_end(month):
        return tr("{0}于 {1} 入职，不能在{2}年{3}月发放工资项目").format(
            name, hire_date.isoformat(), month.year, month.month
        )
    return None


def severance_while_employed(name: str, category: PayCategory, last_working_day: date | None) -> str | None:
    """Why a 经济补偿金/代通知金 item cannot be entered: the person has no last working day (it is
    paid on termination, 劳动合同法 art. 47/50, and taxed as such only then)."""
    if category is PayCategory.SEVERANCE and last_working_day is None:
        return tr("{0}尚未确定最后工作日（未办理离职），不能录入经济补偿金或代通知金；请先发起离职流程。").format(name)
    return None


def clean_note(note) -> str:
    return clean_text(note, tr("备注"), "note", limit=200)


def insert_entry(
    tx: Transaction,
    month: date,
    employee_id: int,
    employee_name: str,
    item: PayItemType,
    amount: Decimal,
    note: str,
    source: str,
    locked: bool = False,
) -> PayrollEntry:
    """Add a checked entry inside the caller's transaction, with its audit record (no flush, no
    change notice: a caller adding many reports them once)."""
    row = PayrollEntry(
        month=month,
        employee_id=employee_id,
        item_type_id=item.id,
        amount=amount,
        note=note or None,
        source=source,
        locked=locked,
        created_by=tx.ctx.actor.display_name,
        created_at=tx.ctx.clock.now(),
    )
    tx.session.add(row)
    tx.audit(
        "payroll_entry.add",
        "employee",
        employee_id,
        tr("{0} {1}：{2} {3}").format(month.strftime("%Y-%m"), employee_name, item.name, f"{amount:,.2f}"),
        None,
        {"month": month, "item": item.code, "amount": amount, "note": note, "source": source},
    )
    return row


def delete_entry(ctx: ServiceContext, entry_id: int) -> None:
    ctx.require_all(Permission.PAYROLL_INPUT)
    with ctx.transaction() as tx:
        session = tx.session
        row = session.get(PayrollEntry, entry_id)
        if row is None:
            raise NotFound(tr("该工资项目记录不存在。"))
        if row.locked:
            raise StateError(tr("该记录来自离职结算，已锁定；请在结算中更改。"))
        require_open_month(session, row.month)
        remove_entry(tx, row, stored_row(session, PayItemType, row.item_type_id))
        tx.changed("payroll_input", "updated", row.employee_id)


def remove_entry(tx: Transaction, row: PayrollEntry, item: PayItemType) -> None:
    """Delete an entry inside the caller's transaction, with its audit record (the caller checked
    that it may go: not locked, month open)."""
    tx.audit(
        "payroll_entry.delete",
        "employee",
        row.employee_id,
        tr("删除 {0} 的{1} {2}").format(row.month.strftime("%Y-%m"), item.name, f"{row.amount:,.2f}"),
        {"month": row.month, "item": item.code, "amount": row.amount, "note": row.note},
        None,
    )
    tx.session.delete(row)

"""Excel imports of payroll inputs and their blank templates.

Three kinds, each one sheet with a header row (matched by name: the column order is free, other
columns are ignored):

- a month's one-off entries (本月项目): 工号, 姓名, 工资项目 (name or code), 金额, 备注;
- a month's special additional deductions (专项附加扣除): 工号, 姓名 and one column per deduction;
- a year's opening figures (年初累计数) for a company that starts mid-year.

姓名 must be the name of the 工号's employee: a row shifted by one in Excel is caught instead of
booking someone's bonus on the next person. An import is all or nothing: every row is checked
first with the same rules as the single-row services (payroll_inputs), and any error refuses the
whole file with a message naming the rows ("第3行：金额格式不正确"). Otherwise everything is
written in one transaction with the per-row audit records of the single-row services plus one
summary record.

Employees are looked up in bulk (a query per 500 工号), so 10,000 rows take seconds.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.months import first_of_month
from hrdesk.core.kernel.permissions import Permission
from hrdesk.core.kernel.refusals import recorded_when_refused
from hrdesk.core.payroll.declarations import (
    ADDITIONAL_CODES,
    OPENING_FIELDS,
    TaxProfile,
    additional_label,
    declaration_limits,
    low_income_refusal,
    store_declaration,
    store_profile,
    validate_declaration,
    validate_profile,
)
from hrdesk.core.payroll.defaults import ensure_defaults, ensure_item_types
from hrdesk.core.payroll.import_sheets import (
    Column,
    People,
    Problems,
    SheetRow,
    cell_text,
    no_repeats,
    read_rows,
    row_note,
    write_blank_sheet,
    yes_no,
)
from hrdesk.core.payroll.inputs import (
    insert_entry,
    item_resolver,
    not_yet_hired,
    remove_entry,
    require_open_month,
    severance_while_employed,
    validate_amount,
)
from hrdesk.core.payroll.rules.items import PayCategory
from hrdesk.core.payroll.tables import PayItemType, PayrollEntry, SpecialDeduction, TaxYearProfile
from hrdesk.core.people.tables import Employee

ENTRIES = "entries"
DEDUCTIONS = "special_deductions"
OPENING = "opening_figures"
KINDS = (ENTRIES, DEDUCTIONS, OPENING)
IMPORT_SOURCE = "import"  # PayrollEntry.source of imported entries
AUDIT_ENTITY = "payroll_input"  # the summary record of an import: entity id "2026-03" (a month) or "2026" (a year)


def kind_label(kind: str) -> str:
    return {ENTRIES: tr("本月项目"), DEDUCTIONS: tr("专项附加扣除"), OPENING: tr("年初累计数")}[kind]


# ---- columns ----------------------------------------------------------------------------------


def read_sheet(path: str | os.PathLike, kind: str) -> list[SheetRow]:
    """The data rows of a kind's sheet (see :func:`import_sheets.read_rows`)."""
    return read_rows(path, columns(kind))


def columns(kind: str) -> tuple[Column, ...]:
    """The columns of a kind's sheet, in template order."""
    person = (
        Column("emp_no", tr("工号"), 12, aliases=(tr("员工编号"), tr("员工工号"))),
        Column("name", tr("姓名"), 10, aliases=(tr("员工姓名"),)),
    )
    if kind == ENTRIES:
        return person + (
            Column("item", tr("工资项目"), 18, aliases=(tr("项目"), tr("项目名称"), tr("工资项目名称"))),
            Column("amount", tr("金额"), 14),
            Column("note", tr("备注"), 36, required=False),
        )
    if kind == DEDUCTIONS:
        return person + tuple(
            Column(
                code,
                additional_label(code),
                16 if code != "infant_care" else 20,
                required=code != "serious_illness",
                aliases=(tr("婴幼儿照护"),) if code == "infant_care" else (),
            )
            for code in ADDITIONAL_CODES
        )
    if kind == OPENING:
        return person + (
            Column("opening_months", tr("已发薪月数"), 12),
            Column("opening_income", tr("累计收入"), 14),
            Column("opening_tax_free", tr("累计免税收入"), 14),
            Column("opening_special", tr("累计专项扣除"), 14),
            Column("opening_additional", tr("累计专项附加扣除"), 16),
            Column("opening_other", tr("累计其他扣除"), 14),
            Column("opening_tax", tr("累计已预扣税额"), 15),
            Column("low_income", tr("上年工资不超过6万"), 18, aliases=(tr("上年工资不超过6万元"),), yes_no=True),
            Column("basic_from_january", tr("自1月起扣除减除费用"), 20, yes_no=True),
        )
    raise ValueError(f"unknown import kind {kind!r}")


def _notes(kind: str) -> str:
    if kind == ENTRIES:
        return tr(
            "填写说明：每行一笔一次性项目（奖金、扣款、报销等），导入时选择月份。工号和姓名须与员工档案一致"
            "（用于发现错行）；工资项目填名称或代码（见“工资项目”工作表）；金额为正数、最多两位小数，"
            "扣款也填正数。请保留第2行表头，列的顺序可以调整，多余的列会被忽略。"
        )
    if kind == DEDUCTIONS:
        return tr(
            "填写说明：每行一名员工自所选月份起每月的专项附加扣除金额（元），没有的项目留空。"
            "住房贷款利息和住房租金不能同时填写；大病医疗只在年度汇算时扣除。导入后从所选月份起"
            "代替该员工本年度之前的申报。请保留第2行表头。"
        )
    return tr(
        "填写说明：本公司开始使用 HRDesk 之前本年度已发工资的累计数（可从自然人电子税务局扣缴端导出）。"
        "已发薪月数为这些累计数覆盖的月数（0–11）；金额单位为元。最后两列填“是”或“否”："
        "上一年度在本单位的工资薪金不超过6万元，或本年度此前没有工资收入、减除费用从1月起算。"
        "请保留第2行表头。"
    )


# ---- results ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    kind: str
    period: str  # "2026-03" for a month, "2026" for a year
    count: int  # rows written (with check_only: rows that would be)
    employees: int
    total: Decimal | None  # entries: the sum of the amounts
    replaced: int  # entries: earlier imported entries of the month that were removed
    file_name: str
    checked_only: bool = False

    @property
    def message(self) -> str:
        verb = tr("检查通过，可以导入") if self.checked_only else tr("已导入")
        if self.kind == ENTRIES:
            text = tr("{0} {1} 的工资项目 {2} 条（{3} 人，合计 {4} 元）").format(
                verb, self.period, self.count, self.employees, f"{self.total:,.2f}"
            )
            if self.replaced:
                text += tr("，替换了之前导入的 {0} 条").format(self.replaced)
            return text
        if self.kind == DEDUCTIONS:
            return tr("{0} {1} 名员工自 {2} 起的专项附加扣除").format(verb, self.count, self.period)
        return tr("{0} {1} 名员工 {2} 年度的年初累计数").format(verb, self.count, self.period)


def _month_text(month: date) -> str:
    return month.strftime("%Y-%m")


# ---- one-off entries --------------------------------------------------------------------------


def imported_entry_count(ctx: ServiceContext, month: date) -> int:
    """Entries of the month that came from an earlier import and could be replaced."""
    ctx.require_all(Permission.PAYROLL_VIEW)
    with ctx.read() as session:
        return len(
            session.execute(
                select(PayrollEntry.id).where(
                    PayrollEntry.month == first_of_month(month),
                    PayrollEntry.source == IMPORT_SOURCE,
                    PayrollEntry.locked.is_(False),
                )
            ).all()
        )


@recorded_when_refused("一次性工资项目导入")
def import_entries(
    ctx: ServiceContext,
    month: date,
    path: str | os.PathLike,
    *,
    replace_imported: bool = False,
    check_only: bool = False,
) -> ImportResult:
    """Import a month's one-off entries (工号, 姓名, 工资项目, 金额, 备注).

    ``replace_imported``: first remove the entries an earlier import added to the month (to load a
    corrected file again); entries typed in by hand stay. ``check_only``: check, write nothing.
    """
    ctx.require_all(Permission.PAYROLL_INPUT)
    month = first_of_month(month)
    rows = read_sheet(path, ENTRIES)
    with ctx.transaction() as tx:
        session = tx.session
        ensure_item_types(session, ctx.clock.now())
        require_open_month(session, month)
        people = People(session, rows)
        resolve = item_resolver(session)
        problems = Problems()
        checked = []
        for row in rows:
            person = people.check(row, problems)
            item_text = cell_text(row.values.get("item"))
            item = None
            if not item_text:
                problems.add(row, tr("请填写工资项目"))
            else:
                try:
                    item = resolve(item_text)
                except ValidationError as exc:
                    problems.add(row, exc.errors["item"])
            try:
                amount = validate_amount(cell_text(row.values.get("amount")))
            except ValidationError as exc:
                problems.add(row, exc.errors["amount"])
                amount = None
            note = row_note(row, problems)
            if person is not None and item is not None and amount is not None and note is not None:
                checked.append((person, item, amount, note, row))
        dates = (
            {
                emp_id: (hired, last_day)
                for emp_id, hired, last_day in session.execute(
                    select(Employee.id, Employee.hire_date, Employee.last_working_day).where(
                        Employee.id.in_({c[0][0] for c in checked})
                    )
                )
            }
            if checked
            else {}
        )
        for person, item, _, _, row in checked:
            hired, last_day = dates[person[0]]
            problem = not_yet_hired(person[1], hired, month) or severance_while_employed(
                person[1], PayCategory(item.category), last_day
            )
            if problem:
                problems.add(row, problem)
        entries = [c[:4] for c in checked]
        problems.raise_if_any()
        total = sum((c[2] for c in entries), Decimal("0.00"))
        employee_ids = sorted({c[0][0] for c in entries})
        replaced = []
        if replace_imported:
            replaced = list(
                session.execute(
                    select(PayrollEntry).where(
                        PayrollEntry.month == month,
                        PayrollEntry.source == IMPORT_SOURCE,
                        PayrollEntry.locked.is_(False),
                    )
                ).scalars()
            )
        result = ImportResult(
            ENTRIES,
            _month_text(month),
            len(entries),
            len(employee_ids),
            total,
            len(replaced),
            Path(path).name,
            check_only,
        )
        if check_only:
            return result
        if replaced:
            types = {t.id: t for t in session.execute(select(PayItemType)).scalars()}
            for entry in replaced:
                remove_entry(tx, entry, types[entry.item_type_id])
            session.flush()
        for (emp_id, emp_name), item, amount, note in entries:
            insert_entry(tx, month, emp_id, emp_name, item, amount, note, IMPORT_SOURCE)
        session.flush()
        tx.audit(
            "payroll_entry.import",
            AUDIT_ENTITY,
            _month_text(month),
            tr("导入 {0} 的工资项目 {1} 条（文件 {2}）").format(_month_text(month), len(entries), result.file_name),
            None,
            {
                "month": month,
                "count": len(entries),
                "employees": len(employee_ids),
                "total": total,
                "replaced": len(replaced),
                "file": result.file_name,
            },
        )
        tx.changed("payroll_input", "updated", *sorted(set(employee_ids) | {r.employee_id for r in replaced}))
        return result


# ---- special additional deductions ------------------------------------------------------------


@recorded_when_refused("专项附加扣除导入")
def import_special_deductions(
    ctx: ServiceContext, month: date, path: str | os.PathLike, *, check_only: bool = False
) -> ImportResult:
    """Import the monthly special additional deductions in force from ``month`` (one row per
    employee), checked against the maximums of the deduction standard in force for the month."""
    ctx.require_all(Permission.PAYROLL_INPUT)
    month = first_of_month(month)
    rows = read_sheet(path, DEDUCTIONS)
    labels = {code: additional_label(code) for code in ADDITIONAL_CODES}
    with ctx.transaction() as tx:
        session = tx.session
        require_open_month(session, month)
        ensure_defaults(session, ctx.clock.now())
        limits = declaration_limits(session, month)
        people = People(session, rows)
        problems = Problems()
        checked = []
        for row in rows:
            person = people.check(row, problems)
            amounts = {code: cell_text(row.values.get(code)) for code in ADDITIONAL_CODES}
            try:
                values = validate_declaration(amounts, limits)
            except ValidationError as exc:
                for code, message in exc.errors.items():
                    problems.field(row, labels.get(code, ""), message)
                values = None
            if person is not None:
                checked.append((row, person, values))
        no_repeats([(row, person) for row, person, _ in checked], problems)
        problems.raise_if_any()
        result = ImportResult(
            DEDUCTIONS, _month_text(month), len(checked), len(checked), None, 0, Path(path).name, check_only
        )
        if check_only:
            return result
        existing = {
            r.employee_id: r
            for r in session.execute(select(SpecialDeduction).where(SpecialDeduction.month == month)).scalars()
        }
        # every row has its amounts now: a row without them was a problem raised above
        for _row, (emp_id, emp_name), amounts_checked in checked:
            if amounts_checked is not None:
                store_declaration(tx, emp_id, emp_name, month, amounts_checked, existing.get(emp_id))
        session.flush()
        tx.audit(
            "special_deduction.import",
            AUDIT_ENTITY,
            _month_text(month),
            tr("导入 {0} 名员工自 {1} 起的专项附加扣除（文件 {2}）").format(
                len(checked), _month_text(month), result.file_name
            ),
            None,
            {"month": month, "count": len(checked), "file": result.file_name},
        )
        tx.changed("payroll_input", "updated", *sorted(p[0] for _r, p, _v in checked))
        return result


# ---- opening figures --------------------------------------------------------------------------


@recorded_when_refused("年初累计数导入")
def import_opening_figures(
    ctx: ServiceContext, year: int, path: str | os.PathLike, *, check_only: bool = False
) -> ImportResult:
    """Import the year-to-date figures before HRDesk and two tax options for ``year`` (one row per
    employee). Whether the annual bonus is taxed separately is not in the sheet and stays as set."""
    ctx.require_all(Permission.PAYROLL_INPUT)
    if not 2000 <= int(year) <= 2100:
        raise ValidationError({"year": tr("年度不正确")})
    year = int(year)
    rows = read_sheet(path, OPENING)
    specs = {c.key: c for c in columns(OPENING)}
    with ctx.transaction() as tx:
        session = tx.session
        people = People(session, rows)
        stored = {
            r.employee_id: r
            for r in session.execute(select(TaxYearProfile).where(TaxYearProfile.year == year)).scalars()
        }
        problems = Problems()
        checked = []
        for row in rows:
            person = people.check(row, problems)
            options = {}
            for key in ("low_income", "basic_from_january"):
                try:
                    options[key] = yes_no(row.values.get(key))
                except ValueError as exc:
                    problems.field(row, specs[key].header, str(exc))
            months_text = cell_text(row.values.get("opening_months")) or "0"
            months = int(months_text) if months_text.isdigit() else None
            if months is None:
                problems.field(row, specs["opening_months"].header, tr("应为0到11的整数"))
            existing = stored.get(person[0]) if person else None
            # checked even when the row has other errors, so the message lists all of them
            profile = TaxProfile(
                person[0] if person else 0,
                year,
                options.get("low_income", False),
                existing.bonus_separately if existing is not None else True,
                options.get("basic_from_january", False),
                months or 0,
                *(cell_text(row.values.get(f)) for f in OPENING_FIELDS),
            )
            try:
                values = validate_profile(profile)
            except ValidationError as exc:
                for key, message in exc.errors.items():
                    if key != "opening_months" or months is not None:  # a bad month count is already said
                        problems.field(row, specs[key].header, message)
                values = None
            if person is not None and profile.low_income:
                refusal = low_income_refusal(session, person[0], year)
                if refusal:
                    problems.field(row, specs["low_income"].header, refusal)
            if person is not None:
                checked.append((row, person, profile, values))
        no_repeats([(row, person) for row, person, _p, _v in checked], problems)
        problems.raise_if_any()
        result = ImportResult(OPENING, str(year), len(checked), len(checked), None, 0, Path(path).name, check_only)
        if check_only:
            return result
        # every row has its figures now: a row without them was a problem raised above
        for _row, (_emp_id, emp_name), profile, figures in checked:
            if figures is not None:
                store_profile(tx, emp_name, profile, figures)
        session.flush()
        tx.audit(
            "tax_profile.import",
            AUDIT_ENTITY,
            str(year),
            tr("导入 {0} 名员工 {1} 年度的年初累计数（文件 {2}）").format(len(checked), year, result.file_name),
            None,
            {"year": year, "count": len(checked), "file": result.file_name},
        )
        tx.changed("payroll_input", "updated", *sorted(p[0] for _r, p, _pr, _v in checked))
        return result


# ---- templates --------------------------------------------------------------------------------


def template_file_name(kind: str) -> str:
    return tr("{0}导入模板.xlsx").format(kind_label(kind))


def write_template(kind: str, path: str | os.PathLike, *, item_names: Sequence[str] = ()) -> Path:
    """A blank import sheet of ``kind`` (see :func:`import_sheets.write_blank_sheet`); for 本月项目
    with ``item_names``, 工资项目 gets a drop-down listing them on a second sheet."""
    choices = {"item": (tr("工资项目"), tuple(item_names))} if kind == ENTRIES and item_names else {}
    return write_blank_sheet(path, kind_label(kind), columns(kind), _notes(kind), choices=choices)

"""What the payroll workbooks share: styles, the column model of the 工资表 and 工资条, department
grouping, fast write-only rows, the title block and the print set-up.

The large workbooks are written in openpyxl's write_only mode (memory stays flat for 10,000
employees). A row is appended as a list of cells; openpyxl serialises it immediately, so each
:class:`RowWriter` keeps one styled cell per column and only changes the values (through
:func:`cells.put`, so text never becomes a formula). Creating and styling a fresh cell for every
value is about three times slower.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from hrdesk.core.kernel.clock import local_text, zone_label
from hrdesk.core.kernel.errors import StateError
from hrdesk.core.kernel.exports.cells import put
from hrdesk.core.kernel.exports.excel import save_workbook
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.payroll.rules.insurance import InsuranceItem
from hrdesk.core.payroll.rules.items import PayCategory
from hrdesk.core.payroll.rules.report import PayrollRow, RunHeader

ZERO = Decimal("0.00")
MONEY = "#,##0.00"
INTEGER = "0"
TEXT = "@"
PAPERSIZE_A4 = "9"  # Worksheet.PAPERSIZE_A4 (write_only sheets lack the constant)
FONT = "Microsoft YaHei"  # Excel on Chinese Windows; other programs substitute their CJK font

_THIN = Side(style="thin", color="BFC5CC")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill("solid", fgColor="E8EEF7")
SUBTOTAL_FILL = PatternFill("solid", fgColor="F3F6FA")
TOTAL_FILL = PatternFill("solid", fgColor="DDE5F0")
WARNING_FILL = PatternFill("solid", fgColor="FDECEA")
BODY_FONT = Font(name=FONT, size=10)
BOLD_FONT = Font(name=FONT, size=10, bold=True)
TITLE_FONT = Font(name=FONT, size=14, bold=True)
INFO_FONT = Font(name=FONT, size=10, color="5F6368")
WARNING_FONT = Font(name=FONT, size=11, bold=True, color="B3261E")
HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center")
RIGHT = Alignment(horizontal="right", vertical="center")
CENTER = Alignment(horizontal="center", vertical="center")


# ---------------------------------------------------------------------------------------------
# small helpers


def text_units(value: Any) -> int:
    """Display width in Excel character units: a CJK character is about two."""
    if value is None:
        return 0
    if isinstance(value, Decimal):
        return len(f"{value:,.2f}")
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in str(value))


def money_units(value: Decimal | None) -> int:
    return 0 if value is None else len(f"{value:,.2f}")


def is_masked(value: str | None) -> bool:
    return "*" in (value or "")


def department_label(row: PayrollRow) -> str:
    return row.department or tr("未分配部门")


def who_label(row: PayrollRow) -> str:
    return tr("{0}（{1}）").format(row.name, row.emp_no) if row.emp_no else row.name


def name_list(rows: Iterable[PayrollRow], limit: int = 20) -> str:
    """'张三（E001）、李四（E002）… 等 N 人' for error messages."""
    rows = list(rows)
    text = tr("、").join(who_label(r) for r in rows[:limit])
    if len(rows) > limit:
        text += tr(" 等 {0} 人").format(len(rows))
    return text


def group_rows(rows: Sequence[PayrollRow], key: Callable[[PayrollRow], str]) -> list[tuple[str, list[PayrollRow]]]:
    """Rows grouped by ``key`` in the order groups first appear, each group in the given order."""
    groups: dict[str, list[PayrollRow]] = {}
    for row in rows:
        groups.setdefault(key(row), []).append(row)
    return list(groups.items())


def contribution_map(row: PayrollRow) -> dict:
    return {c.item: c for c in row.payslip.contributions}


def row_context(row: PayrollRow) -> dict:
    """What the column getters look up: contributions by InsuranceItem, and pay item amounts by
    (category, code) (summed when one code appears twice)."""
    context: dict = {c.item: c for c in row.payslip.contributions}
    for item in row.payslip.items:
        key = (item.category, item.code)
        context[key] = context[key] + item.amount if key in context else item.amount
    return context


def employee_part(contribs: dict, item: InsuranceItem) -> Decimal:
    c = contribs.get(item)
    return c.employee_amount if c is not None else ZERO


def employer_part(contribs: dict, item: InsuranceItem) -> Decimal:
    c = contribs.get(item)
    return c.employer_amount if c is not None else ZERO


def employer_social(row: PayrollRow) -> Decimal:
    """The employer's social insurance (everything but the housing fund)."""
    return sum((c.employer_amount for c in row.payslip.contributions if c.item is not InsuranceItem.HOUSING_FUND), ZERO)


def employer_fund(row: PayrollRow) -> Decimal:
    return sum((c.employer_amount for c in row.payslip.contributions if c.item is InsuranceItem.HOUSING_FUND), ZERO)


def bonus_tax(row: PayrollRow) -> Decimal:
    return row.payslip.bonus_tax.tax if row.payslip.bonus_tax is not None else ZERO


def severance_tax(row: PayrollRow) -> Decimal:
    return row.payslip.severance_tax.tax if row.payslip.severance_tax is not None else ZERO


def refuse_stale(header: RunHeader, what: str) -> None:
    """Files that pay money or declare tax are never written from figures that are out of date."""
    if header.stale:
        raise StateError(tr("{0}的数据已变更，需重新计算后才能导出{1}。").format(header.month_text, what))


def run_info(header: RunHeader, count: int, *, exported_at: datetime | None = None, exported_by: str = "") -> str:
    """The line under a title: status, who calculated/approved/paid and when, head count. Times are
    local (stored in UTC) and the line names the zone, since the file travels."""
    parts = [tr("状态：{0}").format(header.status.label)]
    times = [at for at in (header.calculated_at, header.approved_at, header.paid_at, exported_at) if at is not None]
    for label, at, by in (
        (tr("计算"), header.calculated_at, header.calculated_by),
        (tr("审核"), header.approved_at, header.approved_by),
        (tr("发放"), header.paid_at, header.paid_by),
    ):
        if at is not None or by:
            when = local_text(at)
            parts.append(f"{label}：{' '.join(p for p in (when, by or '') if p)}")
    parts.append(tr("共 {0} 人").format(count))
    if exported_at is not None or exported_by:
        when = local_text(exported_at)
        parts.append(tr("导出：{0}").format(" ".join(p for p in (when, exported_by) if p)))
    if times:
        parts.append(tr("时间为{0}").format(zone_label(times[-1])))
    parts.append(tr("金额单位：元"))
    return "    ".join(parts)


def save_streamed(workbook, path) -> Path:
    """:func:`save_workbook` for a write_only workbook: when saving fails (a missing folder, a file
    open in Excel), the half-written sheets are closed and their temporary files removed."""
    try:
        return save_workbook(workbook, path)
    except BaseException:
        for ws in workbook.worksheets:
            writer = getattr(ws, "_writer", None)
            try:
                if not getattr(ws, "closed", True):
                    ws.close()
            except Exception:  # noqa: BLE001 - only tidying up after the real error
                pass
            if writer is not None:
                try:
                    writer.cleanup()
                except (OSError, ValueError):
                    pass
        raise


# ---------------------------------------------------------------------------------------------
# write-only rows


@dataclass(frozen=True)
class CellStyle:
    font: Font = BODY_FONT
    fill: PatternFill | None = None
    border: Border | None = BORDER
    alignment: Alignment | None = None
    number_format: str | None = None


def styled_cell(ws, style: CellStyle | None) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws)
    if style is not None:
        cell.font = style.font
        if style.fill is not None:
            cell.fill = style.fill
        if style.border is not None:
            cell.border = style.border
        if style.alignment is not None:
            cell.alignment = style.alignment
        if style.number_format is not None:
            cell.number_format = style.number_format
    return cell


class RowWriter:
    """Appends rows of one fixed style per column to a write_only worksheet.

    The cells are reused: openpyxl writes an appended row out at once, so only the values change
    from row to row (each through :func:`put`)."""

    def __init__(self, ws, styles: Sequence[CellStyle | None]):
        self.ws = ws
        self.cells = [styled_cell(ws, s) for s in styles]

    def append(self, values: Sequence[Any]) -> None:
        cells = self.cells
        for cell, value in zip(cells, values, strict=False):
            put(cell, value)
        for cell in cells[len(values) :]:
            put(cell, None)
        self.ws.append(cells)


def single_row(ws, values: Sequence[Any], style: CellStyle | Sequence[CellStyle | None] | None) -> None:
    """Append one row (titles, notes) with fresh cells."""
    styles = style if isinstance(style, (list, tuple)) else [style] * len(values)
    ws.append([put(styled_cell(ws, s), v) for s, v in zip(styles, values, strict=True)])


def header_row(ws, headers: Sequence[str], notes: Sequence[str] = (), style: CellStyle | None = None) -> None:
    """Append a header row; a non-empty note becomes the header cell's comment."""
    style = style or HEADER_STYLE
    cells = []
    for index, text in enumerate(headers):
        cell = put(styled_cell(ws, style), text)
        note = notes[index] if index < len(notes) else ""
        if note:
            cell.comment = Comment(note, "HRDesk", width=220, height=80)
        cells.append(cell)
    ws.append(cells)


def title_block(ws, last_col: int, title: str, info: str, warning: str | None = None) -> int:
    """Rows 1-3: title, info line, a red warning (or an empty row); returns the next row number."""
    letter = get_column_letter(max(last_col, 1))
    ws.row_dimensions[1].height = 24
    single_row(ws, [title], CellStyle(font=TITLE_FONT, border=None, alignment=LEFT))
    single_row(ws, [info], CellStyle(font=INFO_FONT, border=None, alignment=LEFT))
    if warning:
        ws.row_dimensions[3].height = 20
        single_row(ws, [warning], CellStyle(font=WARNING_FONT, fill=WARNING_FILL, border=None, alignment=LEFT))
    else:
        ws.append([])
    for r in (1, 2, 3):
        ws.merged_cells.add(f"A{r}:{letter}{r}")
    return 4


def set_widths(ws, widths: Sequence[float]) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


def print_setup(
    ws, *, header_rows: str | None, landscape: bool = True, fit_width: bool = True, title: str = ""
) -> None:
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = PAPERSIZE_A4
    if fit_width:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    if header_rows:
        ws.print_title_rows = header_rows
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    # inside those margins (openpyxl's 0.5" default left the footer 0.1": clipped when printed)
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.print_options.horizontalCentered = True
    if title:
        ws.oddHeader.center.text = title.replace("&", "&&")
    ws.oddFooter.center.text = tr("第 &P 页，共 &N 页")


def column_widths(columns: Sequence[Column], lines: Sequence[Sequence[Any]]) -> list[float]:
    """Readable widths for ``columns`` holding ``lines`` (money: the widest amount; text: the
    longest text, CJK counted double, capped)."""
    widths = []
    for index, values in enumerate(zip(*lines, strict=True)) if lines else enumerate([()] * len(columns)):
        col = columns[index]
        if col.kind == "money":
            amounts = [v for v in values if isinstance(v, Decimal)]
            units = max((money_units(max(amounts)), money_units(min(amounts))), default=0) if amounts else 0
            texts = max((text_units(v) for v in values if isinstance(v, str)), default=0)
            widths.append(width_for(col.header, max(units, texts), minimum=8))
        elif col.kind == "int":
            widths.append(width_for(col.header, 4))
        else:
            units = max((text_units(v) for v in values), default=0)
            widths.append(width_for(col.header, units, maximum=30 if col.key == "department" else 20))
    return widths


def width_for(header: str, values_units: int, *, minimum: int = 6, maximum: int = 40) -> float:
    """Column width: the longest value, or the header wrapped on two lines, plus padding."""
    header_units = text_units(header)
    wanted = max(values_units, -(-header_units // 2), minimum) + 2
    return float(min(wanted, maximum))


# ---------------------------------------------------------------------------------------------
# the 工资表 / 工资条 columns


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str  # "text", "money", "int"
    value: Callable[[PayrollRow, dict], Any]  # (row, row_context(row)) -> value
    side: str = "employee"  # "info", "employee" or "employer"
    summed: bool = True  # money columns add up in subtotal rows
    optional: bool = False  # may be left out of a 工资条 when nobody has an amount
    note: str = ""  # shown as a comment on the header


def _category_order() -> dict[PayCategory, int]:
    return {category: index for index, category in enumerate(PayCategory)}


def pay_item_columns(rows: Sequence[PayrollRow]) -> list[Column]:
    """One column per distinct pay item (by code) over all rows, ordered by category then label."""
    seen: dict[tuple[PayCategory, str], str] = {}
    for row in rows:
        for item in row.payslip.items:
            seen.setdefault((item.category, item.code), item.label)
    order = _category_order()
    keys = sorted(seen, key=lambda k: (order[k[0]], seen[k], k[1]))
    labels = [seen[k] for k in keys]
    columns = []
    for (category, code), label in zip(keys, labels, strict=True):
        header = label if labels.count(label) == 1 else f"{label}（{category.label}）"

        columns.append(
            Column(
                f"item:{category.value}:{code}",
                header,
                "money",
                _item_amount((category, code)),
                note=tr("类别：{0}").format(category.label),
            )
        )
    return columns


def _item_amount(key: tuple[PayCategory, str]) -> Callable[[PayrollRow, dict], Decimal | None]:
    """The column getter of one pay item: its amount in the row (None when the row has none)."""

    def value(_row: PayrollRow, context: dict) -> Decimal | None:
        return context.get(key)

    return value


def _contrib(item: InsuranceItem, employer: bool):
    def value(_row, contribs):
        c = contribs.get(item)
        if c is None:
            return ZERO
        return c.employer_amount if employer else c.employee_amount

    return value


def payroll_columns(rows: Sequence[PayrollRow], *, employer: bool = True) -> list[Column]:
    """The columns of the 工资表 (``employer`` False: the employee side only, for 工资条)."""
    has = {item for row in rows for item in contribution_map(row)}
    employee_has = {c.item for row in rows for c in row.payslip.contributions if c.employee_amount}
    cols = [
        Column("emp_no", tr("工号"), "text", lambda r, c: r.emp_no, "info", False),
        Column("name", tr("姓名"), "text", lambda r, c: r.name, "info", False),
        Column("department", tr("部门"), "text", lambda r, c: department_label(r), "info", False),
        Column(
            "paid_days",
            tr("计薪天数"),
            "int",
            lambda r, c: r.payslip.paid_days,
            "info",
            False,
            note=tr("本月在职的计薪日（周一至周五，含法定节假日）"),
        ),
        Column("base_pay", tr("基本工资"), "money", lambda r, c: r.payslip.base_pay),
    ]
    cols += pay_item_columns(rows)
    cols.append(Column("gross_pay", tr("应发合计"), "money", lambda r, c: r.payslip.gross_pay))
    employee_items = [
        (InsuranceItem.PENSION, tr("个人养老")),
        (InsuranceItem.MEDICAL, tr("个人医疗")),
        (InsuranceItem.UNEMPLOYMENT, tr("个人失业")),
    ]
    # a city with an employee share of work injury or maternity gets its column too
    employee_items += [
        (item, tr("个人{0}").format(item.label[:2]))
        for item in (InsuranceItem.WORK_INJURY, InsuranceItem.MATERNITY)
        if item in employee_has
    ]
    employee_items.append((InsuranceItem.HOUSING_FUND, tr("个人公积金")))
    cols += [Column(f"ee:{item.value}", header, "money", _contrib(item, False)) for item, header in employee_items]
    cols += [
        Column("employee_insurance", tr("个人社保公积金合计"), "money", lambda r, c: r.payslip.employee_insurance),
        Column("special_additional", tr("专项附加扣除(本月)"), "money", lambda r, c: r.payslip.special_additional),
        Column(
            "cumulative_taxable",
            tr("累计应纳税所得额"),
            "money",
            lambda r, c: r.payslip.cumulative_taxable,
            summed=False,  # a year-to-date figure per person: a sum across people means nothing
            note=tr("本年累计收入 − 免税收入 − 减除费用 − 专项扣除 − 专项附加扣除 − 其他扣除"),
        ),
        Column("wage_tax", tr("本月个税"), "money", lambda r, c: r.payslip.wage_tax),
        Column(
            "bonus_tax",
            tr("奖金个税"),
            "money",
            lambda r, c: bonus_tax(r),
            optional=True,
            note=tr("全年一次性奖金单独计税"),
        ),
        Column(
            "severance_tax",
            tr("补偿金个税"),
            "money",
            lambda r, c: severance_tax(r),
            optional=True,
            note=tr("解除劳动合同一次性补偿金单独计税"),
        ),
        Column("after_tax", tr("税后扣款"), "money", lambda r, c: r.payslip.after_tax_deductions, optional=True),
        Column("reimbursements", tr("报销"), "money", lambda r, c: r.payslip.reimbursements, optional=True),
        Column("net_pay", tr("实发工资"), "money", lambda r, c: r.payslip.net_pay),
    ]
    if employer:
        employer_items = [
            (InsuranceItem.PENSION, tr("单位养老")),
            (InsuranceItem.MEDICAL, tr("单位医疗")),
            (InsuranceItem.UNEMPLOYMENT, tr("单位失业")),
            (InsuranceItem.WORK_INJURY, tr("单位工伤")),
        ]
        if InsuranceItem.MATERNITY in has:
            employer_items.append((InsuranceItem.MATERNITY, tr("单位生育")))
        employer_items.append((InsuranceItem.HOUSING_FUND, tr("单位公积金")))
        cols += [
            Column(f"er:{item.value}", header, "money", _contrib(item, True), "employer")
            for item, header in employer_items
        ]
        cols += [
            Column(
                "employer_insurance", tr("单位合计"), "money", lambda r, c: r.payslip.employer_insurance, "employer"
            ),
            Column(
                "employer_cost",
                tr("人工成本"),
                "money",
                lambda r, c: r.payslip.employer_cost,
                "employer",
                note=tr("应发合计 + 单位社保公积金"),
            ),
        ]
    return cols


def row_values(columns: Sequence[Column], row: PayrollRow) -> list[Any]:
    context = row_context(row)
    return [col.value(row, context) for col in columns]


def add_into(totals: list[str | Decimal | None], values: Sequence[Any], columns: Sequence[Column]) -> None:
    for index, col in enumerate(columns):
        if col.kind == "money" and col.summed:
            value = values[index]
            if value is not None:
                totals[index] = value if totals[index] is None else totals[index] + value


def empty_totals(columns: Sequence[Column]) -> list[str | Decimal | None]:
    """A subtotal line: zero under the summed money columns (the caller writes its labels in front)."""
    return [ZERO if (c.kind == "money" and c.summed) else None for c in columns]


def cell_style(kind: str, *, font: Font = BODY_FONT, fill: PatternFill | None = None) -> CellStyle:
    if kind == "money":
        return CellStyle(font=font, fill=fill, alignment=RIGHT, number_format=MONEY)
    if kind == "int":
        return CellStyle(font=font, fill=fill, alignment=CENTER, number_format=INTEGER)
    return CellStyle(font=font, fill=fill, alignment=LEFT, number_format=TEXT)


HEADER_STYLE = CellStyle(font=BOLD_FONT, fill=HEADER_FILL, alignment=HEADER_ALIGN)

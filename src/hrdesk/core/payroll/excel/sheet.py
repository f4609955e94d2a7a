"""The month's 工资表 as an .xlsx workbook: one row per employee, every figure in its own column.

Layout: a title block (company and month, the run's status and who calculated / approved / paid
it, a red "数据已变更，需重新计算" line when the inputs changed after the calculation), a frozen
header row with a filter (panes frozen below the header and after 姓名), then the employees in the
organisation tree's order (:mod:`hrdesk.core.org.ordering`): a department's own people closed by a
bold 小计 row, its sub-departments after them, and for a department with sub-departments a 部门合计
row over its whole subtree ("研发中心（含下级）"); a 合计 row at the end, and the signature line
(制表 / 审核 / 批准). Every person is in exactly one 小计, so the 小计 rows add up to the 合计; the
累计 (year-to-date) column stays blank in all of them.
Columns: 工号 姓名 部门 计薪天数 基本工资, one column per pay item (by category, then label), 应发合计,
the employee's contributions, tax, 实发工资, then the employer's contributions and 人工成本.
Amounts are numbers formatted '#,##0.00'.

Printed as finance files it: A4 landscape at a readable scale (70 % or more, never shrunk to one
page wide), 工号/姓名/部门 and the header row repeated on every page, the columns split by manual
breaks between their groups (应发 | 扣款与社保 | 个税与实发 | 单位), page after page for the same
people, "第 N 页，共 M 页" in the footer and the signature line at the bottom of the last page.

Written in write_only mode: 10,000 employees take about 2-3 s and little memory (see
tests/bench/bench_payroll_sheet.py).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break

from hrdesk.core.kernel.clock import local_text, zone_label
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.org.ordering import DepartmentTotal, layout, person_key
from hrdesk.core.payroll.excel.common import (
    BOLD_FONT,
    FONT,
    SUBTOTAL_FILL,
    TOTAL_FILL,
    CellStyle,
    Column,
    RowWriter,
    add_into,
    cell_style,
    column_widths,
    empty_totals,
    header_row,
    payroll_columns,
    print_setup,
    row_values,
    run_info,
    save_streamed,
    set_widths,
    single_row,
    title_block,
)
from hrdesk.core.payroll.rules.report import PayrollRow, RunHeader

HEADER_ROW = 4
FIRST_DATA_ROW = HEADER_ROW + 1
FROZEN = f"C{FIRST_DATA_ROW}"  # below the header, after 工号 and 姓名
TITLE_COLUMNS = 3  # 工号, 姓名, 部门: printed on every page

# printing: A4 landscape, 0.4" left and right margins leave 10.89"; a column of width w is about
# 7·w pixels at 96 dpi (Calibri 11, the workbook's default font), so 100 % holds about 149 width
# units; 140 leaves room for the programs' rounding (LibreOffice with Carlito fills 145 exactly)
PAGE_UNITS = 140.0
SCALES = (100, 95, 90, 85, 80, 75, 70)  # readable: never below 70 %
# down the page: A4 landscape is 595 pt high, less the 0.85" top and 0.6" bottom margins; every row
# is ROW_HEIGHT high (set, so every program breaks the pages alike) and the header row repeats
PAGE_HEIGHT = 595.3 - (0.85 + 0.6) * 72
ROW_HEIGHT = 16.0
HEADER_HEIGHT = 32.0
SIGNATURE_HEIGHT = 36.0
SIGNATURE_BLANK = "__________"
SIGNATURE_FONT = Font(name=FONT, size=11)
ROLLUP_FILL = PatternFill("solid", fgColor="E9EEF6")  # a 部门合计: between a 小计's and the 合计's shade


def stale_warning(header: RunHeader) -> str | None:
    return tr("⚠ 数据已变更，需重新计算：本表金额不是最新结果，请重新计算后再审核或发放。") if header.stale else None


TAX_AND_NET = frozenset(
    ("cumulative_taxable", "wage_tax", "bonus_tax", "severance_tax", "after_tax", "reimbursements", "net_pay")
)


def print_group(column: Column) -> int:
    """The printed column groups: 0 the title columns, 1 应发, 2 扣款与社保, 3 个税与实发, 4 单位."""
    key = column.key
    if column.side == "info" and key != "paid_days":
        return 0
    if column.side == "employer":
        return 4
    if key.startswith("ee:") or key in ("employee_insurance", "special_additional"):
        return 2
    if key in TAX_AND_NET:
        return 3
    return 1


@dataclass(frozen=True)
class PrintLayout:
    scale: int  # percent
    pages: list[list[int]]  # the column indexes (0-based, title columns left out) of each page across

    @property
    def rows_per_page(self) -> int:
        """Rows of ROW_HEIGHT under the repeated header on a page, one kept spare for rounding."""
        return max(int((PAGE_HEIGHT * 100 / self.scale - HEADER_HEIGHT) // ROW_HEIGHT) - 1, 5)


def row_breaks(rows: int, per_page: int, tail: int) -> list[int]:
    """After how many of ``rows`` (the people, subtotals and the 合计) each page down ends, pages of
    ``per_page`` rows, so that the last page also holds ``tail`` rows' height (the signature line)
    and never the signature alone: the last few rows go over with it when it would not fit."""
    breaks = list(range(per_page, rows, per_page))
    last = breaks[-1] if breaks else 0
    if rows - last + tail > per_page and rows - last > 1:
        breaks.append(rows - max(1, min(3, rows - last - 1, per_page - tail)))
    return breaks


def pack_pages(groups: Sequence[Sequence[tuple[int, float]]], room: float) -> list[list[int]]:
    """Columns onto pages of ``room`` width units: whole groups side by side while they fit, a new
    page at a group's start otherwise; a group wider than a page is split where it fills one."""
    pages: list[list[int]] = []
    current: list[int] = []
    used = 0.0
    for group in groups:
        width = sum(w for _, w in group)
        if current and used + width > room:
            pages.append(current)
            current, used = [], 0.0
        if width <= room:
            current += [index for index, _ in group]
            used += width
            continue
        for index, w in group:
            if current and used + w > room:
                pages.append(current)
                current, used = [], 0.0
            current.append(index)
            used += w
    if current:
        pages.append(current)
    return pages


def print_layout(columns: Sequence[Column], widths: Sequence[float]) -> PrintLayout:
    """The largest scale (from 100 % down to 70 %) that prints the columns on as few pages across as
    70 % does, and the pages."""
    titles = sum(w for col, w in zip(columns, widths, strict=True) if print_group(col) == 0)
    groups: list[list[tuple[int, float]]] = []
    last = None
    for index, (col, width) in enumerate(zip(columns, widths, strict=True)):
        group = print_group(col)
        if group == 0:
            continue
        if group != last:
            groups.append([])
            last = group
        groups[-1].append((index, width))

    def pages_at(scale: int) -> list[list[int]]:
        return pack_pages(groups, max(PAGE_UNITS * 100 / scale - titles, 1.0))

    fewest = len(pages_at(SCALES[-1]))
    scale = next(s for s in SCALES if len(pages_at(s)) == fewest)
    return PrintLayout(scale, pages_at(scale))


def total_labels(total: DepartmentTotal) -> list[str]:
    """工号 / 姓名 / 部门 cells of a subtotal line."""
    path = total.department.path or tr("未分配部门")
    count = tr("{0}人").format(len(total.members))
    if total.rolled_up:
        return [tr("部门合计"), count, tr("{0}（含下级）").format(path)]
    return [tr("小计"), count, tr("{0}（本部）").format(path) if total.has_subdepartments else path]


def signature_parts(header: RunHeader) -> list[str]:
    """制表 (who calculated the run), 审核 (who approved it), 批准: a name when known, else a blank."""
    return [
        tr("制表：{0}").format(header.calculated_by or SIGNATURE_BLANK),
        tr("审核：{0}").format(header.approved_by or SIGNATURE_BLANK),
        tr("批准：{0}").format(SIGNATURE_BLANK),
    ]


def signature_row(ncols: int, page: Sequence[int], widths: Sequence[float], parts: Sequence[str]) -> list[Any]:
    """The signature parts spread over the columns of ``page`` (the last page across) at about a
    third of its width each; all in its first column when it has too few columns."""
    line: list[Any] = [None] * ncols
    if len(page) < len(parts):
        line[page[0]] = "    ".join(parts)
        return line
    room = sum(widths[i] for i in page)
    used, placed = 0.0, 0
    for index in page:
        if placed < len(parts) and used >= room * placed / len(parts):
            line[index] = parts[placed]
            placed += 1
        used += widths[index]
    return line


ANCHOR_PREFIX = "hrdesk-audit-head"  # the workbook's keywords: "<prefix> <length> <hash>" (audit.checkpoints)


def anchor_keywords(chain: tuple[int, str]) -> str:
    return f"{ANCHOR_PREFIX} {chain[0]} {chain[1]}"


def page_texts(
    ws, header: RunHeader, exported_at: datetime | None, exported_by: str, chain: tuple[int, str] | None = None
) -> None:
    """Beside the title every page carries: the run's status (left), 金额单位 (right), and in the
    footer beside the page numbers when and by whom the file was exported (which printout is which),
    with the audit trail's head then (its length and the start of its last hash), so a printout
    anchors the trail: ``hrdesk audit verify --against`` the file proves the trail still holds it."""
    ws.oddHeader.center.font = "-,Bold"
    ws.oddHeader.center.size = 13
    ws.oddHeader.left.text = tr("状态：{0}").format(header.status.label)
    ws.oddHeader.right.text = tr("金额单位：元")
    for part in (ws.oddHeader.left, ws.oddHeader.right):
        part.size = 9
    if exported_at is not None or exported_by:
        when = local_text(exported_at)
        zone = tr("（{0}）").format(zone_label(exported_at)) if exported_at is not None else ""
        stamp = tr("导出：{0}").format(" ".join(p for p in (when, exported_by) if p)) + zone
        if chain is not None:
            stamp += tr("  操作日志：{0} 条，末条 {1}").format(chain[0], chain[1][:12])
        ws.oddFooter.left.text = stamp.replace("&", "&&")
        ws.oddFooter.left.size = 9
    ws.page_margins.top = 0.85  # room for the 13 pt title above the table


def write_payroll_sheet(
    path: str | os.PathLike,
    header: RunHeader,
    rows: list[PayrollRow],
    *,
    exported_at: datetime | None = None,
    exported_by: str = "",
    chain: tuple[int, str] | None = None,
) -> Path:
    """Write the 工资表 of ``rows`` to ``path`` in the organisation tree's order (the order given is
    kept within a department); returns the path written. ``chain`` (length, head hash) of the audit
    trail goes into the footer and the workbook's keywords."""
    columns = payroll_columns(rows)
    ncols = len(columns)
    ordered = sorted(rows, key=lambda row: person_key(row.department_levels))

    # Values first (they decide the column widths, which write_only mode needs before any row).
    values = [row_values(columns, row) for row in ordered]
    lines: list[tuple[str, list[Any]]] = []  # ("body" | "subtotal" | "rollup", values)
    for item in layout(range(len(ordered)), lambda i: ordered[i].department_levels):
        if isinstance(item, DepartmentTotal):
            subtotal = empty_totals(columns)
            for member in item.members:
                add_into(subtotal, values[member], columns)
            subtotal[0:3] = total_labels(item)
            lines.append(("rollup" if item.rolled_up else "subtotal", subtotal))
        else:
            lines.append(("body", values[item]))
    grand = empty_totals(columns)
    for line in values:
        add_into(grand, line, columns)
    grand[0:3] = [tr("合计"), tr("{0}人").format(len(rows)), None]
    widths = column_widths(columns, [line for _, line in lines] + [grand])
    printed = print_layout(columns, widths)
    signature = signature_row(ncols, printed.pages[-1], widths, signature_parts(header))

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(tr("工资表"))
    set_widths(ws, widths)
    ws.freeze_panes = FROZEN
    title = tr("{0} {1}工资表").format(header.company_name, header.month_text).strip()
    warning = stale_warning(header)
    print_setup(
        ws,
        header_rows=f"{HEADER_ROW}:{HEADER_ROW}",
        fit_width=False,
        title=title + (tr("（数据已变更，需重新计算）") if warning else ""),
    )
    ws.print_title_cols = f"A:{get_column_letter(TITLE_COLUMNS)}"
    ws.page_setup.scale = printed.scale
    ws.page_setup.pageOrder = "overThenDown"  # the same people's pages one after the other
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    for page in printed.pages[1:]:
        ws.col_breaks.append(Break(id=page[0], max=1048575))  # a break after column page[0] (1-based)
    tail = 1 + int(-(-SIGNATURE_HEIGHT // ROW_HEIGHT))  # the empty row and the signature line
    for count in row_breaks(len(lines) + 1, printed.rows_per_page, tail):
        ws.row_breaks.append(Break(id=HEADER_ROW + count, max=16383))  # a break after that row
    ws.sheet_format.defaultRowHeight = ROW_HEIGHT
    ws.sheet_format.customHeight = True

    page_texts(ws, header, exported_at, exported_by, chain)
    title_block(
        ws, ncols, title, run_info(header, len(rows), exported_at=exported_at, exported_by=exported_by), warning
    )
    ws.row_dimensions[HEADER_ROW].height = HEADER_HEIGHT
    header_row(ws, [c.header for c in columns], [c.note for c in columns])

    writers = {
        "body": RowWriter(ws, [cell_style(c.kind) for c in columns]),
        "subtotal": RowWriter(ws, [cell_style(c.kind, font=BOLD_FONT, fill=SUBTOTAL_FILL) for c in columns]),
        "rollup": RowWriter(ws, [cell_style(c.kind, font=BOLD_FONT, fill=ROLLUP_FILL) for c in columns]),
    }
    for kind, line in lines:
        writers[kind].append(line)
    RowWriter(ws, [cell_style(c.kind, font=BOLD_FONT, fill=TOTAL_FILL) for c in columns]).append(grand)
    total_row = FIRST_DATA_ROW + len(lines)

    ws.append([])
    signature_at = total_row + 2
    ws.row_dimensions[signature_at].height = SIGNATURE_HEIGHT  # room to sign
    single_row(ws, signature, CellStyle(font=SIGNATURE_FONT, border=None, alignment=Alignment(vertical="bottom")))

    last_letter = get_column_letter(ncols)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_letter}{max(total_row - 1, HEADER_ROW)}"
    # the title block is for the screen: printed, rows 1-3 would repeat clipped to 工号/姓名/部门 on
    # every page across; on paper the page header carries the title, status and 金额单位
    ws.print_area = f"A{HEADER_ROW}:{last_letter}{signature_at}"
    wb.properties.title = title[:250]
    wb.properties.creator = "HRDesk"
    if chain is not None:
        wb.properties.keywords = anchor_keywords(chain)
    return save_streamed(wb, path)

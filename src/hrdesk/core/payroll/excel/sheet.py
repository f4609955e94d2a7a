"""The month's 工资表 as an .xlsx workbook: one row per employee, every figure in its own column.

Layout: a title block (company and month, the run's status and who calculated / approved / paid
it, a red "数据已变更，需重新计算" line when the inputs changed after the calculation), a frozen
header row with a filter (panes frozen below the header and after 姓名), then the employees
department by department, each department closed by a bold 小计 row, and a 合计 row at the end.
Columns: 工号 姓名 部门 计薪天数 基本工资, one column per pay item (by category, then label), 应发合计,
the employee's contributions, tax, 实发工资, then the employer's contributions and 人工成本.
Amounts are numbers formatted '#,##0.00'; the sheet prints landscape, one page wide, the header
repeated on every page.

Written in write_only mode: 10,000 employees take about 2-3 s and little memory (see
tests/bench/bench_payroll_sheet.py).
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from hrdesk.core.kernel.i18n import tr
from hrdesk.core.payroll.excel.common import (
    BOLD_FONT,
    SUBTOTAL_FILL,
    TOTAL_FILL,
    RowWriter,
    add_into,
    cell_style,
    column_widths,
    department_label,
    empty_totals,
    group_rows,
    header_row,
    payroll_columns,
    print_setup,
    row_values,
    run_info,
    save_streamed,
    set_widths,
    title_block,
)
from hrdesk.core.payroll.rules.report import PayrollRow, RunHeader

HEADER_ROW = 4
FIRST_DATA_ROW = HEADER_ROW + 1
FROZEN = f"C{FIRST_DATA_ROW}"  # below the header, after 工号 and 姓名


def stale_warning(header: RunHeader) -> str | None:
    return tr("⚠ 数据已变更，需重新计算：本表金额不是最新结果，请重新计算后再审核或发放。") if header.stale else None


def write_payroll_sheet(
    path: str | os.PathLike,
    header: RunHeader,
    rows: list[PayrollRow],
    *,
    exported_at: datetime | None = None,
    exported_by: str = "",
) -> Path:
    """Write the 工资表 of ``rows`` (already in print order) to ``path``; returns the path written."""
    columns = payroll_columns(rows)
    ncols = len(columns)

    # Values first (they decide the column widths, which write_only mode needs before any row).
    groups = []
    grand = empty_totals(columns)
    for department, members in group_rows(rows, department_label):
        values = [row_values(columns, row) for row in members]
        subtotal = empty_totals(columns)
        for line in values:
            add_into(subtotal, line, columns)
        add_into(grand, subtotal, columns)
        subtotal[0:3] = [tr("小计"), tr("{0}人").format(len(values)), department]
        groups.append((values, subtotal))
    grand[0:3] = [tr("合计"), tr("{0}人").format(len(rows)), None]
    widths = column_widths(columns, [line for values, subtotal in groups for line in (*values, subtotal)] + [grand])

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(tr("工资表"))
    set_widths(ws, widths)
    ws.freeze_panes = FROZEN
    title = tr("{0} {1}工资表").format(header.company_name, header.month_text).strip()
    warning = stale_warning(header)
    print_setup(
        ws,
        header_rows=f"{HEADER_ROW}:{HEADER_ROW}",
        title=title + (tr("（数据已变更，需重新计算）") if warning else ""),
    )

    title_block(
        ws, ncols, title, run_info(header, len(rows), exported_at=exported_at, exported_by=exported_by), warning
    )
    ws.row_dimensions[HEADER_ROW].height = 32
    header_row(ws, [c.header for c in columns], [c.note for c in columns])

    body = RowWriter(ws, [cell_style(c.kind) for c in columns])
    sub = RowWriter(ws, [cell_style(c.kind, font=BOLD_FONT, fill=SUBTOTAL_FILL) for c in columns])
    total = RowWriter(ws, [cell_style(c.kind, font=BOLD_FONT, fill=TOTAL_FILL) for c in columns])
    row_number = FIRST_DATA_ROW
    for values, subtotal in groups:
        for line in values:
            body.append(line)
        sub.append(subtotal)
        row_number += len(values) + 1
    total.append(grand)

    last_letter = get_column_letter(ncols)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_letter}{max(row_number - 1, HEADER_ROW)}"
    wb.properties.title = title[:250]
    wb.properties.creator = "HRDesk"
    return save_streamed(wb, path)

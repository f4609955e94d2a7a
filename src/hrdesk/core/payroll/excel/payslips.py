"""工资条: every employee's payslip on one sheet, ready to print and cut.

Each employee gets a block: the header row (repeated for everybody) and the values row, then a
spacer row with a dashed cut line. The columns are the 工资表's employee columns (工号 … 实发工资;
no employer figures); 奖金个税, 补偿金个税, 税后扣款 and 报销 are left out when nobody has an amount.
When the columns would print smaller than ``min_scale`` (60 %) on one line across a landscape A4
page, they wrap onto a second header + values pair within the same block, so the text stays
readable.

Printing: a fixed scale chosen so that the block fits one page wide, and a manual page break after
as many whole blocks as fit on a page at that scale, so no block is ever split (with a fit-to-width
scale Excel chooses the scale and the breaks could not be placed exactly).
"""

from __future__ import annotations

import math
import os
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Border, Side
from openpyxl.worksheet.pagebreak import Break

from hrdesk.core.kernel.i18n import tr
from hrdesk.core.payroll.excel.common import (
    HEADER_STYLE,
    CellStyle,
    RowWriter,
    cell_style,
    column_widths,
    payroll_columns,
    print_setup,
    row_values,
    run_info,
    save_streamed,
    set_widths,
    title_block,
)
from hrdesk.core.payroll.excel.sheet import stale_warning
from hrdesk.core.payroll.rules.report import PayrollRow, RunHeader

FIRST_BLOCK_ROW = 4
HEADER_HEIGHT = 30.0  # points: two lines of a wrapped header
VALUE_HEIGHT = 20.0
SPACER_HEIGHT = 14.0
BLOCK_HEIGHT = HEADER_HEIGHT + VALUE_HEIGHT + SPACER_HEIGHT
# A4 landscape in points and the margins set by print_setup (inches × 72), with some slack for the
# page header and footer.
PAGE_WIDTH = 842.0 - 2 * 0.4 * 72
PAGE_HEIGHT = 595.0 - 2 * 0.6 * 72 - 20
SLACK = 1.03  # programs that measure fonts a little differently must still fit the page width
_CUT = Side(style="dashed", color="9AA0A6")


def _points(width_chars: float) -> float:
    """A column width (characters of the default 11 pt font) in points: (7 px × width + 5 px) × ¾."""
    return (width_chars * 7 + 5) * 0.75


def split_bands(widths: list[float], min_scale: int) -> list[list[int]]:
    """Column indexes per band: one band if all columns fit across the page at ``min_scale`` percent,
    otherwise as few bands of about equal width as needed."""
    total = sum(_points(w) for w in widths) * SLACK
    capacity = PAGE_WIDTH * 100 / min_scale
    count = max(1, math.ceil(total / capacity))
    target = total / count
    bands: list[list[int]] = [[]]
    used = 0.0
    for index, width in enumerate(widths):
        points = _points(width) * SLACK
        if bands[-1] and used + points > target * 1.02 and len(bands) < count:
            bands.append([])
            used = 0.0
        bands[-1].append(index)
        used += points
    return bands


def page_layout(widths: list[float], bands: int) -> tuple[int, int]:
    """(print scale in percent, blocks per page) for physical columns of ``widths``."""
    total = sum(_points(w) for w in widths) * SLACK
    scale = max(10, min(100, int(PAGE_WIDTH * 100 // total)))
    block = bands * (HEADER_HEIGHT + VALUE_HEIGHT) + SPACER_HEIGHT
    return scale, max(1, int(PAGE_HEIGHT * 100 // (block * scale)))


def write_payslips(
    path: str | os.PathLike,
    header: RunHeader,
    rows: list[PayrollRow],
    *,
    exported_at: datetime | None = None,
    exported_by: str = "",
    min_scale: int = 60,
) -> Path:
    """Write the 工资条 of ``rows`` (in print order) to ``path``; returns the path written.

    A block is a header row and a values row per band of columns; there is one band unless the
    columns would print smaller than ``min_scale`` percent on one line, then the columns wrap onto
    a second (third …) band of the same block."""
    min_scale = max(10, min(100, int(min_scale)))
    columns = payroll_columns(rows, employer=False)
    lines = [row_values(columns, row) for row in rows]
    keep = [
        i
        for i, col in enumerate(columns)
        if not col.optional or any(line[i] not in (None, Decimal(0)) for line in lines)
    ]
    columns = [columns[i] for i in keep]
    lines = [[line[i] for i in keep] for line in lines]
    bands = split_bands(column_widths(columns, lines), min_scale)
    # physical column k shows the k-th column of every band: its width fits all of them
    band_widths = [
        column_widths([columns[i] for i in band], [[line[i] for i in band] for line in lines]) for band in bands
    ]
    ncols = max(len(band) for band in bands)
    widths = [max(ws_[k] for ws_ in band_widths if k < len(ws_)) for k in range(ncols)]
    scale, per_page = page_layout(widths, len(bands))
    block_height = len(bands) * (HEADER_HEIGHT + VALUE_HEIGHT) + SPACER_HEIGHT

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(tr("工资条"))
    set_widths(ws, widths)
    title = tr("{0} {1}工资条").format(header.company_name, header.month_text).strip()
    warning = stale_warning(header)
    print_setup(
        ws, header_rows=None, fit_width=False, title=title + (tr("（数据已变更，需重新计算）") if warning else "")
    )
    ws.page_setup.scale = scale
    title_block(
        ws, ncols, title, run_info(header, len(rows), exported_at=exported_at, exported_by=exported_by), warning
    )

    heads = [RowWriter(ws, [HEADER_STYLE] * len(band)) for band in bands]
    bodies = [RowWriter(ws, [cell_style(columns[i].kind) for i in band]) for band in bands]
    band_headers = [[columns[i].header for i in band] for band in bands]
    cut = RowWriter(ws, [CellStyle(border=Border(bottom=_CUT))] * ncols)
    row_number = FIRST_BLOCK_ROW
    # the title block takes the top of the first page: it holds fewer blocks
    first_page = max(1, per_page - math.ceil(60 * 100 / (block_height * scale)))
    on_page, capacity = 0, first_page
    for index, line in enumerate(lines):
        for band, head, body, headers in zip(bands, heads, bodies, band_headers, strict=True):
            ws.row_dimensions[row_number].height = HEADER_HEIGHT
            ws.row_dimensions[row_number + 1].height = VALUE_HEIGHT
            head.append(headers)
            body.append([line[i] for i in band])
            row_number += 2
        ws.row_dimensions[row_number].height = SPACER_HEIGHT
        cut.append(())
        row_number += 1
        on_page += 1
        if on_page == capacity and index + 1 < len(lines):
            ws.row_breaks.append(Break(id=row_number - 1))  # after the spacer row
            on_page, capacity = 0, per_page
    wb.properties.title = title[:250]
    wb.properties.creator = "HRDesk"
    return save_streamed(wb, path)

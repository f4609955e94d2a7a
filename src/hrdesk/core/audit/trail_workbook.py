"""The trail (操作留痕) of one employee or flow as an .xlsx workbook.

Layout: a title block (company, what the trail is about, when and by whom it was exported, how
many records, a note saying what is masked when it is), then a frozen header row with a filter,
then one row per record, oldest first. Long text wraps; the sheet prints landscape, one page wide,
with the header repeated on every page.

Times are the exporting computer's local time (stored in UTC), and the sheet says which zone: in
the export line and in the time column's header, since a file travels further than the computer.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from hrdesk.core.kernel.clock import local_text, local_time, zone_label
from hrdesk.core.kernel.exports.cells import write
from hrdesk.core.kernel.exports.excel import save_workbook
from hrdesk.core.kernel.i18n import tr

HEADER_ROW = 5
FIRST_DATA_ROW = HEADER_ROW + 1
# (header, width in characters; a CJK character is about two); the time's header names the zone
COLUMNS = (
    ("序号", 8),
    ("时间（{0}）", 27),
    ("操作人", 18),
    ("代办", 12),
    ("操作", 16),
    ("摘要", 42),
    ("变更前", 38),
    ("变更后", 38),
)
WRAPPED = {6, 7, 8}  # 摘要, 变更前, 变更后

_THIN = Side(style="thin", color="BFC5CC")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="E8EEF7")
_FONT = "Microsoft YaHei"  # Excel on Chinese Windows; other programs substitute their CJK font


def write_trail(path: str | os.PathLike, report, *, exported_at: datetime, exported_by: str) -> Path:
    """Write ``report`` (a services.audit_trail.TrailReport) to ``path``; returns the path written."""
    wb = Workbook()
    ws = wb.active
    ws.title = tr("操作留痕")
    last_col = get_column_letter(len(COLUMNS))

    title = write(ws, 1, 1, tr("{0} 操作留痕").format(report.company) if report.company else tr("操作留痕"))
    title.font = Font(name=_FONT, size=14, bold=True)
    ws.merge_cells(f"A1:{last_col}1")
    ws.row_dimensions[1].height = 24
    write(ws, 2, 1, tr("对象：{0}").format(report.subject)).font = Font(name=_FONT, size=11, bold=True)
    ws.merge_cells(f"A2:{last_col}2")
    zone = zone_label(exported_at)
    info = tr("导出时间：{0}（{1}）    导出人：{2}    共 {3} 条记录，按时间先后排列").format(
        local_text(exported_at), zone, exported_by, len(report.rows)
    )
    write(ws, 3, 1, info).font = Font(name=_FONT, size=10, color="5F6368")
    ws.merge_cells(f"A3:{last_col}3")
    if report.masked:
        note = tr("身份证号、出生日期、银行卡号和各项金额（工资、社保公积金、个税、结算等）已按导出人的权限打码。")
        write(ws, 4, 1, note).font = Font(name=_FONT, size=10, color="B3261E")
        ws.merge_cells(f"A4:{last_col}4")

    header_font = Font(name=_FONT, bold=True)
    for col, (header, width) in enumerate(COLUMNS, start=1):
        cell = write(ws, HEADER_ROW, col, tr(header).format(zone))
        cell.font = header_font
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[HEADER_ROW].height = 20

    body_font = Font(name=_FONT, size=10)
    top = Alignment(vertical="top")
    wrap = Alignment(vertical="top", wrap_text=True)
    for r, (row, entry) in enumerate(zip(report.rows, report.entries, strict=True), start=FIRST_DATA_ROW):
        values = (
            row.seq,
            local_time(entry.created_at).replace(microsecond=0),
            row.actor,
            row.on_behalf_of,
            row.action,
            row.summary,
            row.before,
            row.after,
        )
        for col, value in enumerate(values, start=1):
            cell = write(ws, r, col, value if value != "" else None)
            cell.font = body_font
            cell.border = _BORDER
            cell.alignment = wrap if col in WRAPPED else top
            if col == 2:
                cell.number_format = "yyyy-mm-dd hh:mm:ss"  # a real date-time: sorts and filters in Excel
        lines = max(
            _lines(row.summary, COLUMNS[5][1]), _lines(row.before, COLUMNS[6][1]), _lines(row.after, COLUMNS[7][1])
        )
        ws.row_dimensions[r].height = max(1, min(lines, 30)) * 14 + 4

    ws.freeze_panes = ws.cell(row=FIRST_DATA_ROW, column=1)
    if report.rows:
        ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{FIRST_DATA_ROW + len(report.rows) - 1}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = tr("第 &P 页，共 &N 页")
    wb.properties.title = tr("操作留痕 - {0}").format(report.subject)[:250]
    wb.properties.creator = "HRDesk"
    return save_workbook(wb, path)


def _lines(text: str, width_chars: int) -> int:
    """Rough number of wrapped lines (CJK counts double), so row heights fit their text."""
    if not text:
        return 1
    total = 0
    for line in text.split("\n"):
        units = sum(2 if ord(ch) > 0x2E80 else 1 for ch in line)
        total += max(1, -(-units // max(width_chars - 1, 1)))
    return total

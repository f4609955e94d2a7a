"""社保公积金明细: every employee's contributions of the month, and the month's 增减员.

Sheet 社保公积金明细: a title block, a two-row frozen header (the insurance item above, 缴费基数 /
基数说明 / 个人 / 单位 below), then one row per employee: 工号, 姓名, 部门, 缴纳城市, 增减员 (增员 /
减员 / empty), per item the base actually used, 按下限 / 按上限 when the declared base was clamped
to the city's floor or cap (the declared base is in the cell's comment), the employee's and the
employer's amount; then 个人合计, 单位合计, 合计. A 合计 row ends the table, followed by one total row
per city when people contribute in more than one city (each city's bureau bills separately).

Sheet 增减员: only the people who start (增员) or stop (减员) contributing this month.
"""

from __future__ import annotations

import os
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter

from hrdesk.core.kernel.exports.cells import put
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.payroll.excel.common import (
    BOLD_FONT,
    CENTER,
    HEADER_STYLE,
    LEFT,
    MONEY,
    RIGHT,
    SUBTOTAL_FILL,
    TEXT,
    TOTAL_FILL,
    ZERO,
    CellStyle,
    RowWriter,
    contribution_map,
    department_label,
    print_setup,
    run_info,
    save_streamed,
    set_widths,
    styled_cell,
    text_units,
    title_block,
)
from hrdesk.core.payroll.excel.sheet import stale_warning
from hrdesk.core.payroll.rules.insurance import InsuranceItem
from hrdesk.core.payroll.rules.report import PayrollRow, RunHeader

GROUP_ROW = 4
SUB_ROW = 5
FIRST_DATA_ROW = 6
INFO = 5  # 工号 姓名 部门 缴纳城市 增减员
PER_ITEM = 4  # 缴费基数 基数说明 个人 单位

_Line = list[str | Decimal | None]  # the cells of one person or total: texts, amounts, None for empty


def change_label(code: str) -> str:
    return {"add": tr("增员"), "stop": tr("减员")}.get(code, "")


def clamp_label(clamped: str | None) -> str:
    return {"floor": tr("按下限"), "cap": tr("按上限")}.get(clamped or "", "")


def _items(rows: list[PayrollRow]) -> list[InsuranceItem]:
    present = {c.item for row in rows for c in row.payslip.contributions}
    return [item for item in InsuranceItem if item in present]


def write_insurance_detail(
    path: str | os.PathLike,
    header: RunHeader,
    rows: list[PayrollRow],
    *,
    exported_at: datetime | None = None,
    exported_by: str = "",
) -> Path:
    """Write the month's 社保公积金明细 (and 增减员) to ``path``; returns the path written."""
    items = _items(rows)
    ncols = INFO + PER_ITEM * len(items) + 3
    money_cols = {INFO + PER_ITEM * i + k for i in range(len(items)) for k in (0, 2, 3)} | {
        ncols - 3,
        ncols - 2,
        ncols - 1,
    }
    note_cols = {INFO + PER_ITEM * i + 1 for i in range(len(items))}

    lines: list[_Line] = []
    comments = []
    for row in rows:
        contribs = contribution_map(row)
        line: _Line = [row.emp_no, row.name, department_label(row), row.city, change_label(row.insurance_change)]
        notes = {}
        for i, item in enumerate(items):
            c = contribs.get(item)
            if c is None:
                line += [None, None, None, None]
                continue
            line += [c.base, clamp_label(c.clamped), c.employee_amount, c.employer_amount]
            if c.clamped:
                notes[INFO + PER_ITEM * i] = tr("申报基数 {0}，{1}").format(
                    f"{c.declared_base:,.2f}", clamp_label(c.clamped)
                )
        line += [
            row.payslip.employee_insurance,
            row.payslip.employer_insurance,
            row.payslip.employee_insurance + row.payslip.employer_insurance,
        ]
        lines.append(line)
        comments.append(notes)

    def totals(members: list[_Line], label: str, name: str) -> _Line:
        total: _Line = [label, name, None, None, None]
        for index in range(INFO, ncols):
            is_base = index < ncols - 3 and (index - INFO) % PER_ITEM in (0, 1)
            column = [line[index] for line in members]  # amounts, or None where a person has no such item
            total.append(None if is_base else sum((v for v in column if isinstance(v, Decimal)), ZERO))
        return total

    grand = totals(lines, tr("合计"), tr("{0}人").format(len(lines)))
    cities: dict[str, list[_Line]] = {}
    for row, line in zip(rows, lines, strict=True):
        cities.setdefault(row.city or tr("未设置"), []).append(line)
    city_totals = (
        [
            totals(members, tr("{0}合计").format(city), tr("{0}人").format(len(members)))
            for city, members in cities.items()
        ]
        if len(cities) > 1
        else []
    )

    widths = []
    info_headers = [tr("工号"), tr("姓名"), tr("部门"), tr("缴纳城市"), tr("增减员")]
    for index in range(ncols):
        values = [line[index] for line in lines + [grand] + city_totals]
        if index in money_cols:
            amounts = [v for v in values if v is not None]
            units = max((len(f"{v:,.2f}") for v in amounts), default=0)
            widths.append(float(max(units, 8) + 2))
        elif index in note_cols:
            widths.append(8.0)
        else:
            head = info_headers[index] if index < INFO else ""
            widths.append(
                float(min(max([text_units(v) for v in values] + [text_units(head), 6]) + 2, 30 if index == 2 else 20))
            )

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(tr("社保公积金明细"))
    set_widths(ws, widths)
    ws.freeze_panes = f"C{FIRST_DATA_ROW}"
    title = tr("{0} {1}社保公积金明细").format(header.company_name, header.month_text).strip()
    warning = stale_warning(header)
    print_setup(
        ws, header_rows=f"{GROUP_ROW}:{SUB_ROW}", title=title + (tr("（数据已变更，需重新计算）") if warning else "")
    )
    title_block(
        ws, ncols, title, run_info(header, len(rows), exported_at=exported_at, exported_by=exported_by), warning
    )

    # two header rows: the item above its four columns; info and total headers span both rows
    group = (
        info_headers
        + [h for item in items for h in (item.label, None, None, None)]
        + [tr("个人合计"), tr("单位合计"), tr("合计")]
    )
    sub = (
        [None] * INFO
        + [h for _ in items for h in (tr("缴费基数"), tr("基数说明"), tr("个人"), tr("单位"))]
        + [None] * 3
    )
    RowWriter(ws, [HEADER_STYLE] * ncols).append(group)
    RowWriter(ws, [HEADER_STYLE] * ncols).append(sub)
    for index in list(range(INFO)) + [ncols - 3, ncols - 2, ncols - 1]:
        letter = get_column_letter(index + 1)
        ws.merged_cells.add(f"{letter}{GROUP_ROW}:{letter}{SUB_ROW}")
    for i in range(len(items)):
        first = INFO + PER_ITEM * i + 1
        ws.merged_cells.add(
            f"{get_column_letter(first)}{GROUP_ROW}:{get_column_letter(first + PER_ITEM - 1)}{GROUP_ROW}"
        )

    def styles(font=None, fill=None):
        result = []
        for index in range(ncols):
            kw = {"font": font} if font else {}
            if index in money_cols:
                result.append(CellStyle(fill=fill, alignment=RIGHT, number_format=MONEY, **kw))
            elif index in note_cols or index == 4:
                result.append(CellStyle(fill=fill, alignment=CENTER, number_format=TEXT, **kw))
            else:
                result.append(CellStyle(fill=fill, alignment=LEFT, number_format=TEXT, **kw))
        return result

    body_styles = styles()
    body = RowWriter(ws, body_styles)
    for line, notes in zip(lines, comments, strict=True):
        if not notes:
            body.append(line)
            continue
        cells = []  # fresh cells: a comment must not stay on a reused cell
        for index, value in enumerate(line):
            cell = put(styled_cell(ws, body_styles[index]), value)
            if index in notes:
                cell.comment = Comment(notes[index], "HRDesk", width=200, height=60)
            cells.append(cell)
        ws.append(cells)
    RowWriter(ws, styles(BOLD_FONT, TOTAL_FILL)).append(grand)
    city_writer = RowWriter(ws, styles(BOLD_FONT, SUBTOTAL_FILL))
    for line in city_totals:
        city_writer.append(line)
    if lines:
        ws.auto_filter.ref = f"A{SUB_ROW}:{get_column_letter(ncols)}{FIRST_DATA_ROW + len(lines) - 1}"

    _changes_sheet(wb, header, rows)
    wb.properties.title = title[:250]
    wb.properties.creator = "HRDesk"
    return save_streamed(wb, path)


def _changes_sheet(wb, header: RunHeader, rows: list[PayrollRow]) -> None:
    changed = [row for row in rows if row.insurance_change in ("add", "stop")]
    ws = wb.create_sheet(tr("增减员"))
    headers = [
        tr("工号"),
        tr("姓名"),
        tr("证件号码"),
        tr("部门"),
        tr("缴纳城市"),
        tr("增减员"),
        tr("月份"),
        tr("社保缴费基数"),
        tr("公积金缴费基数"),
    ]
    lines = []
    for row in changed:
        contribs = contribution_map(row)
        social = next((c for item, c in contribs.items() if item is not InsuranceItem.HOUSING_FUND), None)
        fund = contribs.get(InsuranceItem.HOUSING_FUND)
        lines.append(
            [
                row.emp_no,
                row.name,
                row.id_number,
                department_label(row),
                row.city,
                change_label(row.insurance_change),
                header.month_text,
                social.base if social else None,
                fund.base if fund else None,
            ]
        )
    widths = [
        float(min(max([text_units(line[i]) for line in lines] + [text_units(h), 6]) + 2, 30))
        for i, h in enumerate(headers)
    ]
    set_widths(ws, widths)
    ws.freeze_panes = f"C{SUB_ROW}"
    title = tr("{0} {1}社保公积金增减员").format(header.company_name, header.month_text).strip()
    print_setup(ws, header_rows=f"{GROUP_ROW}:{GROUP_ROW}", title=title)
    title_block(
        ws,
        len(headers),
        title,
        tr("增员 {0} 人，减员 {1} 人").format(
            sum(1 for r in changed if r.insurance_change == "add"),
            sum(1 for r in changed if r.insurance_change == "stop"),
        ),
        stale_warning(header),
    )
    RowWriter(ws, [HEADER_STYLE] * len(headers)).append(headers)
    money = CellStyle(alignment=RIGHT, number_format=MONEY)
    text = CellStyle(alignment=LEFT, number_format=TEXT)
    body = RowWriter(ws, [text] * 7 + [money, money])
    for line in lines:
        body.append(line)
    if lines:
        ws.auto_filter.ref = f"A{GROUP_ROW}:{get_column_letter(len(headers))}{GROUP_ROW + len(lines)}"

"""银行代发: the salary payment file for the company's bank, as .xlsx or .csv.

The columns come from resources/data/bank-layouts.json (one layout per bank: headers exactly as the
bank's import program expects them, each filled from a field or fixed text), so a bank's template
can be followed without code. The first row is the header, one row per employee with a positive
net pay follows; nothing else is on the sheet (bank programs read it as it is). A second sheet 核对
gives the count and total to compare with the bank's confirmation.

Account numbers are written as text (as numbers Excel would show 6.22202E+18 and lose digits).
A file that pays money is refused, with the people named, when an account is missing, malformed or
masked (a masked account means the user may not see accounts, so may not export this file), and
when the run's data changed since it was calculated.
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.kernel.exports import write_atomically
from hrdesk.core.kernel.exports.cells import FORMULA_PREFIXES, clean_text
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.resources_data import load_data_file
from hrdesk.core.payroll.excel.common import (
    BOLD_FONT,
    HEADER_STYLE,
    LEFT,
    MONEY,
    RIGHT,
    TEXT,
    CellStyle,
    RowWriter,
    is_masked,
    name_list,
    refuse_stale,
    save_streamed,
    set_widths,
    text_units,
)
from hrdesk.core.payroll.rules.report import PayrollRow, RunHeader

LAYOUT_FILE = "bank-layouts.json"
FIELDS = ("seq", "emp_no", "name", "account", "amount", "bank", "purpose", "id_number")
_SPACES = re.compile(r"[\s\u3000]+")
_ACCOUNT = re.compile(r"\d{8,32}")


@dataclass(frozen=True)
class BankColumn:
    header: str
    field: str | None  # None: fixed text
    value: str = ""


@dataclass(frozen=True)
class BankLayout:
    name: str
    sheet: str
    columns: tuple[BankColumn, ...]


def _layouts_data() -> dict:
    return load_data_file(LAYOUT_FILE)


def layout_names() -> list[str]:
    """The banks a user can choose, the default first."""
    data = _layouts_data()
    names = list(data["layouts"])
    default = data.get("default")
    return ([default] if default in names else []) + [n for n in names if n != default]


def load_layout(name: str | None = None) -> BankLayout:
    data = _layouts_data()
    name = name or data.get("default") or "通用"
    entry = data["layouts"].get(name)
    if entry is None:
        raise ValidationError({"layout": tr("没有“{0}”的代发格式，可选：{1}").format(name, "、".join(layout_names()))})
    columns = []
    for col in entry["columns"]:
        if col.get("fixed"):
            columns.append(BankColumn(col["header"], None, str(col.get("value", ""))))
        elif col.get("field") in FIELDS:
            columns.append(BankColumn(col["header"], col["field"]))
        else:
            raise ValidationError(
                {"layout": tr("代发格式“{0}”的列“{1}”没有可用的字段").format(name, col.get("header"))}
            )
    return BankLayout(name, entry.get("sheet") or tr("代发工资"), tuple(columns))


def default_purpose(header: RunHeader) -> str:
    return tr("{0}工资").format(header.month_text)


def normalize_account(account: str) -> str:
    return _SPACES.sub("", account or "")


def payable_rows(header: RunHeader, rows: list[PayrollRow], layout: BankLayout) -> list[PayrollRow]:
    """The rows to pay (net pay > 0); ValidationError naming everybody whose account (or ID number,
    if the layout has one) is missing, masked or malformed."""
    refuse_stale(header, tr("银行代发文件"))
    payable = [row for row in rows if row.payslip.net_pay > 0]
    missing, masked, malformed = [], [], []
    for row in payable:
        account = normalize_account(row.bank_account)
        if not account:
            missing.append(row)
        elif is_masked(account):
            masked.append(row)
        elif not _ACCOUNT.fullmatch(account):
            malformed.append(row)
    errors = {}
    if masked:
        errors["masked"] = tr("银行账号已打码（当前账号无权查看完整银行账号，不能导出代发文件）：{0}").format(
            name_list(masked)
        )
    if missing:
        errors["missing"] = tr("没有银行账号：{0}").format(name_list(missing))
    if malformed:
        errors["malformed"] = tr("银行账号格式不正确（应为8至32位数字）：{0}").format(name_list(malformed))
    if any(c.field == "id_number" for c in layout.columns):
        hidden = [row for row in payable if not row.id_number or is_masked(row.id_number)]
        if hidden:
            errors["id_number"] = tr("身份证号缺失或已打码：{0}").format(name_list(hidden))
    if errors:
        raise ValidationError(errors, tr("无法导出银行代发文件。") + "；".join(errors.values()))
    return payable


def _values(layout: BankLayout, row: PayrollRow, seq: int, purpose: str) -> list[str | int | Decimal]:
    values: list[str | int | Decimal] = []
    for col in layout.columns:
        field = col.field
        if field is None:
            values.append(col.value)
        elif field == "seq":
            values.append(seq)
        elif field == "emp_no":
            values.append(row.emp_no)
        elif field == "name":
            values.append(row.name)
        elif field == "account":
            values.append(normalize_account(row.bank_account))
        elif field == "amount":
            values.append(row.payslip.net_pay.quantize(Decimal("0.01")))
        elif field == "bank":
            values.append(row.bank_name)
        elif field == "purpose":
            values.append(purpose)
        elif field == "id_number":
            values.append(row.id_number)
    return values


def _write_check_sheet(wb: Workbook, header: RunHeader, spec, purpose: str, rows, payable) -> None:
    """核对: the file's count and total, and how they reconcile with the 工资表 — everyone left out
    named, with the amount and the reason, so that 工资表实发合计 = 代发合计 + 未列入合计."""
    total = sum((row.payslip.net_pay for row in payable), Decimal("0.00"))
    paid_ids = {row.employee_id for row in payable}
    left_out = [row for row in rows if row.employee_id not in paid_ids]
    left_total = sum((row.payslip.net_pay for row in left_out), Decimal("0.00"))
    check = wb.create_sheet(tr("核对"))
    set_widths(check, [22, 40, 16, 30])
    label = CellStyle(font=BOLD_FONT, alignment=LEFT)
    facts: list[tuple[str, str | int | Decimal]] = [
        (tr("单位"), header.company_name),
        (tr("工资月份"), header.month_text),
        (tr("代发格式"), spec.name),
        (tr("用途"), purpose),
        (tr("笔数"), len(payable)),
        (tr("金额合计（元）"), total),
        (tr("工资表人数"), len(rows)),
        (tr("工资表实发合计（元）"), total + left_total),
        (tr("未列入人数"), len(left_out)),
        (tr("未列入实发合计（元）"), left_total),
    ]
    for key, value in facts:
        style = (
            CellStyle(alignment=RIGHT, number_format=MONEY)
            if isinstance(value, Decimal)
            else CellStyle(alignment=LEFT, number_format="0" if isinstance(value, int) else TEXT)
        )
        RowWriter(check, [label, style]).append([key, value])
    if not left_out:
        return
    RowWriter(check, [label]).append([""])
    RowWriter(check, [HEADER_STYLE] * 4).append([tr("未列入：工号"), tr("姓名"), tr("实发工资（元）"), tr("原因")])
    text, money = CellStyle(alignment=LEFT, number_format=TEXT), CellStyle(alignment=RIGHT, number_format=MONEY)
    writer = RowWriter(check, [text, text, money, text])
    for row in left_out:
        reason = (
            tr("实发工资为0，无需代发")
            if row.payslip.net_pay == 0
            else tr("实发工资为负数（扣款多于应发），请另行结算")
        )
        writer.append([row.emp_no, row.name, row.payslip.net_pay, reason])


def write_bank_file(
    path: str | os.PathLike,
    header: RunHeader,
    rows: list[PayrollRow],
    *,
    layout: str | None = None,
    purpose: str | None = None,
    summary_sheet: bool = True,
) -> Path:
    """The .xlsx payment file in the bank's ``layout`` (a name from bank-layouts.json, default 通用).

    Only employees with net pay > 0; ValidationError if an account is missing, masked or malformed
    (nothing is written then)."""
    spec = load_layout(layout)
    payable = payable_rows(header, rows, spec)
    purpose = purpose or default_purpose(header)
    lines = [_values(spec, row, seq, purpose) for seq, row in enumerate(payable, start=1)]

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(spec.sheet[:31])
    widths = []
    styles = []
    for index, col in enumerate(spec.columns):
        longest = max((text_units(line[index]) for line in lines), default=0)
        if col.field == "amount":
            styles.append(CellStyle(alignment=RIGHT, number_format=MONEY))
            longest = max((len(f"{line[index]:,.2f}") for line in lines), default=0)
        elif col.field == "seq":
            styles.append(CellStyle(alignment=RIGHT, number_format="0"))
        else:
            styles.append(CellStyle(alignment=LEFT, number_format=TEXT))
        widths.append(min(max(longest, text_units(col.header), 6) + 2, 50))
    set_widths(ws, widths)
    ws.freeze_panes = "A2"
    RowWriter(ws, [HEADER_STYLE] * len(spec.columns)).append([c.header for c in spec.columns])
    body = RowWriter(ws, styles)
    for line in lines:
        body.append(line)

    if summary_sheet:
        _write_check_sheet(wb, header, spec, purpose, rows, payable)
    wb.properties.title = f"{spec.name} {purpose}"[:250]
    wb.properties.creator = "HRDesk"
    return save_streamed(wb, path)


def csv_safe(value) -> str:
    """Text for a CSV cell: a leading = + - @ or tab gets a ' so spreadsheets keep it as text."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    text = clean_text(str(value))
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def write_bank_csv(
    path: str | os.PathLike,
    header: RunHeader,
    rows: list[PayrollRow],
    *,
    layout: str | None = None,
    purpose: str | None = None,
) -> Path:
    """The same payment file as CSV: UTF-8 with BOM (Excel and bank programs read the Chinese),
    CRLF line ends, amounts as 1234.56, text cells formula-safe."""
    spec = load_layout(layout)
    payable = payable_rows(header, rows, spec)
    purpose = purpose or default_purpose(header)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([csv_safe(c.header) for c in spec.columns])
    for seq, row in enumerate(payable, start=1):
        writer.writerow([csv_safe(v) for v in _values(spec, row, seq, purpose)])
    data = buffer.getvalue().encode("utf-8-sig")
    return write_atomically(path, lambda temp: temp.write_bytes(data))

"""个税扣缴申报: the import file for the withholding client (自然人电子税务局 扣缴端).

Three sheets, named and laid out as in resources/data/iit-wage-import-layout.json (edit that file
when the client's template changes):

- 正常工资薪金所得: everybody with wages this month. 本期收入 = payslip.income (wages, tax-free
  earnings included, a bonus merged into wages included), 本期免税收入 = payslip.tax_free, the
  employee's own pension, medical, unemployment and housing fund contributions, and the cumulative
  special additional deductions per category when the caller passes them (``additional_ytd``;
  the payslip only keeps their total), otherwise 0.
- 全年一次性奖金收入: the annual one-off bonus of people who have it taxed separately.
- 解除劳动合同一次性补偿金: severance pay and its exempt part.
Separately taxed income is never in the wages sheet. 证件类型 is 居民身份证; ID numbers are text.

The client needs real ID numbers: a masked or missing ID number refuses the whole file, naming
the people, and so does a run whose data changed since it was calculated.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.resources_data import load_data_file
from hrdesk.core.payroll.excel.common import (
    HEADER_STYLE,
    LEFT,
    MONEY,
    RIGHT,
    TEXT,
    ZERO,
    CellStyle,
    RowWriter,
    contribution_map,
    employee_part,
    is_masked,
    name_list,
    refuse_stale,
    save_streamed,
    set_widths,
    text_units,
)
from hrdesk.core.payroll.rules.insurance import InsuranceItem
from hrdesk.core.payroll.rules.report import PayrollRow, RunHeader

LAYOUT_FILE = "iit-wage-import-layout.json"
SPECIAL_CODES = (
    "child_education",
    "infant_care",
    "elderly_support",
    "continuing_education",
    "housing_loan",
    "housing_rent",
)
TEXT_FIELDS = {"emp_no", "name", "id_type", "id_number", "note"}
MONEY_FIELDS = {
    "income",
    "tax_free",
    "pension",
    "medical",
    "unemployment",
    "housing_fund",
    "bonus",
    "severance",
    "severance_exempt",
} | {f"ytd:{code}" for code in SPECIAL_CODES}
_CONTRIBUTIONS = {
    "pension": InsuranceItem.PENSION,
    "medical": InsuranceItem.MEDICAL,
    "unemployment": InsuranceItem.UNEMPLOYMENT,
    "housing_fund": InsuranceItem.HOUSING_FUND,
}


def load_layout() -> dict:
    """The layout file, checked: every column's field must be known."""
    data = load_data_file(LAYOUT_FILE)
    for sheet in data["sheets"]:
        for col in sheet["columns"]:
            field = col.get("field")
            if field not in TEXT_FIELDS | MONEY_FIELDS | {"blank"}:
                raise ValidationError(
                    {
                        "layout": tr("个税申报模板“{0}”的列“{1}”字段“{2}”无法识别").format(
                            sheet["sheet"], col.get("header"), field
                        )
                    }
                )
    return data


def has_wages(row: PayrollRow) -> bool:
    slip = row.payslip
    return bool(slip.income or slip.tax_free or slip.employee_insurance or slip.wage_tax or slip.paid_days)


def has_separate_bonus(row: PayrollRow) -> bool:
    return row.payslip.bonus_tax is not None and row.payslip.bonus > 0


def has_severance(row: PayrollRow) -> bool:
    return row.payslip.severance > 0


def _field(field: str, row: PayrollRow, contribs: dict, cumulative: Mapping[str, Decimal], id_type: str):
    slip = row.payslip
    if field == "blank":
        return None
    if field == "emp_no":
        return row.emp_no
    if field == "name":
        return row.name
    if field == "id_type":
        return id_type
    if field == "id_number":
        return row.id_number.strip()
    if field == "note":
        return None
    if field == "income":
        return slip.income
    if field == "tax_free":
        return slip.tax_free
    if field in _CONTRIBUTIONS:
        return employee_part(contribs, _CONTRIBUTIONS[field])
    if field.startswith("ytd:"):
        # Blank, not 0, for someone HRDesk holds no declaration for: the client keeps what it has.
        return Decimal(str(cumulative.get(field[4:], ZERO))) if cumulative else None
    if field == "bonus":
        return slip.bonus
    if field == "severance":
        return slip.severance
    if field == "severance_exempt":
        return slip.severance_tax.exempt if slip.severance_tax is not None else ZERO
    raise AssertionError(field)  # load_layout checked the fields


def write_iit_declaration(
    path: str | os.PathLike,
    header: RunHeader,
    rows: list[PayrollRow],
    *,
    additional_ytd: Mapping[int, Mapping[str, Decimal]] | None = None,
) -> Path:
    """Write the withholding client's import file for the month; returns the path written.

    ``additional_ytd`` maps employee_id → {special additional deduction code → cumulative amount of
    the tax year up to this month} (codes: child_education, infant_care, elderly_support,
    continuing_education, housing_loan, housing_rent); missing people or codes are written as 0.
    ValidationError if an ID number is masked or missing."""
    refuse_stale(header, tr("个税扣缴申报文件"))
    layout = load_layout()
    id_type = layout.get("id_type") or tr("居民身份证")
    selectors = {"wages": has_wages, "bonus": has_separate_bonus, "severance": has_severance}
    sheets = [
        (sheet, [row for row in rows if selectors.get(sheet.get("key"), has_wages)(row)]) for sheet in layout["sheets"]
    ]

    declared = {row.employee_id: row for _, members in sheets for row in members}.values()
    masked = [row for row in declared if is_masked(row.id_number)]
    missing = [row for row in declared if not (row.id_number or "").strip()]
    errors = {}
    if masked:
        errors["masked"] = tr("身份证号已打码（当前账号无权查看完整身份证号，不能导出个税申报文件）：{0}").format(
            name_list(masked)
        )
    if missing:
        errors["missing"] = tr("没有身份证号：{0}").format(name_list(missing))
    if errors:
        raise ValidationError(errors, tr("无法导出个税扣缴申报文件。") + "；".join(errors.values()))

    additional_ytd = additional_ytd or {}
    wb = Workbook(write_only=True)
    for sheet, members in sheets:
        columns = sheet["columns"]
        fields = [c["field"] for c in columns]
        lines = []
        for row in members:
            contribs = contribution_map(row)
            cumulative = additional_ytd.get(row.employee_id) or {}
            lines.append([_field(f, row, contribs, cumulative, id_type) for f in fields])
        ws = wb.create_sheet(sheet["sheet"][:31])
        widths, styles = [], []
        for index, (col, field) in enumerate(zip(columns, fields, strict=True)):
            if field in MONEY_FIELDS:
                styles.append(CellStyle(alignment=RIGHT, number_format=MONEY))
                longest = max((len(f"{line[index]:,.2f}") for line in lines if line[index] is not None), default=0)
            else:
                styles.append(CellStyle(alignment=LEFT, number_format=TEXT))
                longest = max((text_units(line[index]) for line in lines), default=0)
            widths.append(min(max(longest, text_units(col["header"]), 6) + 2, 40))
        set_widths(ws, widths)
        ws.freeze_panes = "A2"
        RowWriter(ws, [HEADER_STYLE] * len(columns)).append([c["header"] for c in columns])
        body = RowWriter(ws, styles)
        for line in lines:
            body.append(line)
    wb.properties.title = tr("{0}个税扣缴申报").format(header.month_text)
    wb.properties.creator = "HRDesk"
    return save_streamed(wb, path)

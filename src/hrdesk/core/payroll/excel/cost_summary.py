"""部门成本汇总: the month's labour cost per department for the accounting voucher.

One row per cost centre: a department, or a 项目部 for people working in one (their cost is
charged to the project). Each is booked to the cost account of its kind (resources/data/
cost-accounts.json, configurable defaults: 职能部门 → 管理费用-职工薪酬 6602, 业务部门 → 销售费用-
职工薪酬 6601, 项目部 → 合同履约成本-职工薪酬 5401). Columns: 部门, 成本科目, 科目代码, 人数, 应发工资,
单位社保, 单位公积金, 人工成本合计 (= 应付职工薪酬: gross pay + the employer's contributions), a
小计 per account and a 合计.

Below, the accrual voucher (计提工资): 借 each cost account, 贷 应付职工薪酬-工资 (gross pay),
-社会保险费 (employer social insurance), -住房公积金 (employer housing fund). Debits equal credits
by construction; the 合计 row shows both.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from hrdesk.core.kernel.exports.cells import write
from hrdesk.core.kernel.exports.excel import save_workbook
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.resources_data import load_data_file
from hrdesk.core.payroll.excel.common import (
    BODY_FONT,
    BOLD_FONT,
    BORDER,
    FONT,
    HEADER_ALIGN,
    HEADER_FILL,
    INFO_FONT,
    LEFT,
    MONEY,
    RIGHT,
    SUBTOTAL_FILL,
    TITLE_FONT,
    TOTAL_FILL,
    WARNING_FILL,
    WARNING_FONT,
    ZERO,
    department_label,
    employer_fund,
    employer_social,
    print_setup,
    run_info,
    text_units,
)
from hrdesk.core.payroll.excel.sheet import stale_warning
from hrdesk.core.payroll.rules.report import PayrollRow, RunHeader

ACCOUNTS_FILE = "cost-accounts.json"
HEADER_ROW = 4
VOUCHER_TITLE_FONT = Font(name=FONT, size=12, bold=True)


@dataclass(frozen=True)
class Account:
    code: str
    name: str


@dataclass
class CostCentre:
    name: str
    kind: str
    account: Account
    people: int = 0
    gross: Decimal = ZERO
    social: Decimal = ZERO
    fund: Decimal = ZERO
    cost: Decimal = ZERO


@dataclass(frozen=True)
class VoucherLine:
    summary: str
    account: Account
    debit: Decimal
    credit: Decimal


@dataclass
class CostSummary:
    centres: list[CostCentre]
    voucher: list[VoucherLine] = field(default_factory=list)

    @property
    def total(self) -> CostCentre:
        total = CostCentre(tr("合计"), "", Account("", ""))
        for c in self.centres:
            total.people += c.people
            total.gross += c.gross
            total.social += c.social
            total.fund += c.fund
            total.cost += c.cost
        return total


def load_accounts() -> tuple[dict[str, Account], str, dict[str, Account]]:
    data = load_data_file(ACCOUNTS_FILE)
    costs = {kind: Account(str(a["code"]), a["name"]) for kind, a in data["cost_accounts"].items()}
    payable = {key: Account(str(a["code"]), a["name"]) for key, a in data["payable"].items()}
    return costs, data.get("fallback_kind", "function"), payable


def summarize_costs(header: RunHeader, rows: list[PayrollRow], *, voucher_by_department: bool = False) -> CostSummary:
    """The cost centres (grouped by account, then in the order they first appear) and the voucher."""
    costs, fallback, payable = load_accounts()
    centres: dict[tuple[str, str], CostCentre] = {}
    for row in rows:
        if row.project_department:
            name, kind = row.project_department, "project"
        else:
            name, kind = department_label(row), row.department_kind if row.department_kind in costs else fallback
        centre = centres.get((name, kind))
        if centre is None:
            centre = centres[(name, kind)] = CostCentre(name, kind, costs.get(kind) or costs[fallback])
        slip = row.payslip
        centre.people += 1
        centre.gross += slip.gross_pay
        centre.social += employer_social(row)
        centre.fund += employer_fund(row)
        centre.cost += slip.employer_cost
    order = {kind: index for index, kind in enumerate(costs)}
    ordered = sorted(centres.values(), key=lambda c: order.get(c.kind, len(order)))
    summary = CostSummary(ordered)

    text = tr("计提{0}工资").format(header.month_text)
    debits: dict[tuple[Account, str], Decimal] = {}
    for c in ordered:
        key = (c.account, c.name if voucher_by_department else "")
        debits[key] = debits.get(key, ZERO) + c.cost
    for (account, centre_name), amount in debits.items():
        summary.voucher.append(VoucherLine(f"{text}-{centre_name}" if centre_name else text, account, amount, ZERO))
    total = summary.total
    for part, amount in (("wages", total.gross), ("social_insurance", total.social), ("housing_fund", total.fund)):
        if amount:
            summary.voucher.append(VoucherLine(text, payable[part], ZERO, amount))
    return summary


def write_cost_summary(
    path: str | os.PathLike,
    header: RunHeader,
    rows: list[PayrollRow],
    *,
    voucher_by_department: bool = False,
    exported_at: datetime | None = None,
    exported_by: str = "",
) -> Path:
    """Write the 部门成本汇总 with its voucher to ``path``; returns the path written.

    ``voucher_by_department``: one debit line per cost centre (for 辅助核算 by department) instead
    of one per account."""
    summary = summarize_costs(header, rows, voucher_by_department=voucher_by_department)
    wb = Workbook()
    ws = wb.active
    ws.title = tr("部门成本汇总")
    headers = [
        tr("部门"),
        tr("成本科目"),
        tr("科目代码"),
        tr("人数"),
        tr("应发工资"),
        tr("单位社保"),
        tr("单位公积金"),
        tr("人工成本合计"),
    ]
    title = tr("{0} {1}部门人工成本汇总").format(header.company_name, header.month_text).strip()
    write(ws, 1, 1, title).font = TITLE_FONT
    ws.row_dimensions[1].height = 24
    write(ws, 2, 1, run_info(header, len(rows), exported_at=exported_at, exported_by=exported_by)).font = INFO_FONT
    warning = stale_warning(header)
    if warning:
        cell = write(ws, 3, 1, warning)
        cell.font, cell.fill = WARNING_FONT, WARNING_FILL
    for r in (1, 2, 3):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(headers))

    def put_row(r: int, values: list, *, font=BODY_FONT, fill=None) -> None:
        for col, value in enumerate(values, start=1):
            cell = write(ws, r, col, value)
            cell.font = font
            cell.border = BORDER
            if fill is not None:
                cell.fill = fill
            if isinstance(value, Decimal):
                cell.number_format = MONEY
                cell.alignment = RIGHT
            elif isinstance(value, int):
                cell.alignment = RIGHT
            else:
                cell.alignment = LEFT

    put_row(HEADER_ROW, headers, font=BOLD_FONT, fill=HEADER_FILL)
    for col in range(1, len(headers) + 1):
        ws.cell(row=HEADER_ROW, column=col).alignment = HEADER_ALIGN
    r = HEADER_ROW + 1
    groups: dict[Account, list[CostCentre]] = {}
    for c in summary.centres:
        groups.setdefault(c.account, []).append(c)
    for account, centres in groups.items():
        for c in centres:
            put_row(r, [c.name, account.name, account.code, c.people, c.gross, c.social, c.fund, c.cost])
            r += 1
        sub = CostSummary(centres).total
        put_row(
            r,
            [tr("小计"), account.name, account.code, sub.people, sub.gross, sub.social, sub.fund, sub.cost],
            font=BOLD_FONT,
            fill=SUBTOTAL_FILL,
        )
        r += 1
    total = summary.total
    put_row(
        r,
        [tr("合计"), None, None, total.people, total.gross, total.social, total.fund, total.cost],
        font=BOLD_FONT,
        fill=TOTAL_FILL,
    )
    note = tr(
        "人工成本合计 = 应发工资 + 单位社保 + 单位公积金（即计提的应付职工薪酬）；项目部员工的成本计入项目。"
        "科目与代码为默认设置，可在 cost-accounts.json 中按本单位科目调整。"
    )
    write(ws, r + 1, 1, note).font = INFO_FONT
    ws.merge_cells(start_row=r + 1, start_column=1, end_row=r + 1, end_column=len(headers))

    # the voucher
    r += 3
    write(ws, r, 1, tr("记账凭证（参考）：计提{0}工资").format(header.month_text)).font = VOUCHER_TITLE_FONT
    r += 1
    voucher_header = r
    put_row(
        r,
        [tr("摘要"), tr("会计科目"), tr("科目代码"), tr("借方金额"), tr("贷方金额")],
        font=BOLD_FONT,
        fill=HEADER_FILL,
    )
    for line in summary.voucher:
        r += 1
        put_row(r, [line.summary, line.account.name, line.account.code, line.debit or None, line.credit or None])
        for col in (4, 5):
            ws.cell(row=r, column=col).number_format = MONEY
            ws.cell(row=r, column=col).alignment = RIGHT
    r += 1
    debit = sum((line.debit for line in summary.voucher), ZERO)
    credit = sum((line.credit for line in summary.voucher), ZERO)
    put_row(r, [tr("合计"), None, None, debit, credit], font=BOLD_FONT, fill=TOTAL_FILL)
    if debit != credit:  # cannot happen: every debit is a centre's cost, split into the three credits
        write(ws, r + 1, 1, tr("借贷不平衡，请检查数据")).font = WARNING_FONT

    texts = [[c.name for c in summary.centres] + [tr("合计")], [c.account.name for c in summary.centres]]
    summaries = [line.summary for line in summary.voucher]
    widths = [
        min(max([text_units(v) for v in texts[0] + summaries] + [8]) + 2, 40),
        min(
            max([text_units(v) for v in texts[1]] + [text_units(line.account.name) for line in summary.voucher] + [10])
            + 2,
            40,
        ),
        10,
    ]
    money = max(len(f"{total.cost:,.2f}"), 8) + 2
    widths += [money] * 5
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[HEADER_ROW].height = 22
    ws.row_dimensions[voucher_header].height = 22
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    print_setup(ws, header_rows=None, landscape=False, title=title)
    wb.properties.title = title[:250]
    wb.properties.creator = "HRDesk"
    return save_workbook(wb, path)

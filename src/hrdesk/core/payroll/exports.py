"""The Excel files finance needs from a payroll run, written for the exporting user.

Rows come from ``payroll.rows`` (ID and bank numbers masked unless the user may see them), so an
export can never show more than its user may; the bank file and the tax declaration refuse masked
numbers rather than writing an unusable file. Every export is recorded in the audit trail.
"""

from __future__ import annotations

import os
from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Permission
from hrdesk.core.kernel.persistence import snapshots
from hrdesk.core.payroll import runs
from hrdesk.core.payroll.declarations import MONTHLY_ADDITIONAL_CODES
from hrdesk.core.payroll.excel import bank_file, cost_summary, iit_declaration, insurance_detail, payslips, sheet
from hrdesk.core.payroll.tables import PayrollResult, PayrollRun, SpecialDeduction

KINDS = ("sheet", "payslips", "bank", "iit", "insurance", "cost")


def kind_label(kind: str) -> str:
    return {
        "sheet": tr("工资表"),
        "payslips": tr("工资条"),
        "bank": tr("银行代发文件"),
        "iit": tr("个税扣缴申报表"),
        "insurance": tr("社保公积金明细"),
        "cost": tr("部门成本汇总"),
    }[kind]


def default_file_name(kind: str, month: date) -> str:
    return f"{month.year}年{month.month:02d}月{kind_label(kind)}.xlsx"


def _additional_ytd(ctx: ServiceContext, month: date) -> dict[int, dict[str, Decimal]]:
    """Cumulative special additional deductions per category: for each month of the year the
    employee was paid here, the declaration in force that month."""
    with ctx.read() as session:
        paid = defaultdict(set)
        for emp_id, run_month in session.execute(
            select(PayrollResult.employee_id, PayrollRun.month)
            .join(PayrollRun, PayrollRun.id == PayrollResult.run_id)
            .where(PayrollRun.month >= date(month.year, 1, 1), PayrollRun.month <= month)
        ):
            paid[emp_id].add(run_month)
        declarations = defaultdict(list)
        for row in session.execute(
            select(SpecialDeduction)
            .where(SpecialDeduction.month >= date(month.year, 1, 1), SpecialDeduction.month <= month)
            .order_by(SpecialDeduction.month)
        ).scalars():
            declarations[row.employee_id].append((row.month, {c: getattr(row, c) for c in MONTHLY_ADDITIONAL_CODES}))
    result = {}
    for emp_id, rows in declarations.items():
        totals = dict.fromkeys(MONTHLY_ADDITIONAL_CODES, Decimal("0.00"))
        for paid_month in paid.get(emp_id, ()):
            in_force = [values for start, values in rows if start <= paid_month]
            if in_force:
                for code, amount in in_force[-1].items():
                    totals[code] += amount
        result[emp_id] = totals
    return result


def export(
    ctx: ServiceContext,
    month: date,
    kind: str,
    path: str | os.PathLike,
    *,
    layout: str | None = None,
    purpose: str | None = None,
) -> Path:
    """Write one of the payroll files for ``month``; .csv for the bank file gives the CSV variant."""
    ctx.require_all(Permission.PAYROLL_VIEW)
    if kind not in KINDS:
        raise ValidationError({"kind": tr("未知的导出类型：{0}").format(kind)})
    month = month.replace(day=1)
    header = runs.header(ctx, month)
    rows = runs.rows(ctx, month)
    now, who = ctx.clock.now(), ctx.actor.display_name
    if kind == "sheet":
        with ctx.read() as session:  # the trail's head, so the printed sheet anchors the chain
            chain = snapshots.chain_head(session)
        written = sheet.write_payroll_sheet(path, header, rows, exported_at=now, exported_by=who, chain=chain)
    elif kind == "payslips":
        written = payslips.write_payslips(path, header, rows, exported_at=now, exported_by=who)
    elif kind == "bank":
        if str(path).lower().endswith(".csv"):
            written = bank_file.write_bank_csv(path, header, rows, layout=layout, purpose=purpose)
        else:
            written = bank_file.write_bank_file(path, header, rows, layout=layout, purpose=purpose)
    elif kind == "iit":
        written = iit_declaration.write_iit_declaration(path, header, rows, additional_ytd=_additional_ytd(ctx, month))
    elif kind == "insurance":
        written = insurance_detail.write_insurance_detail(path, header, rows, exported_at=now, exported_by=who)
    else:
        written = cost_summary.write_cost_summary(path, header, rows, exported_at=now, exported_by=who)
    with ctx.transaction() as tx:
        tx.audit(
            "payroll.export",
            "payroll_run",
            month.strftime("%Y-%m"),
            tr("导出{0}年{1:02d}月{2}（{3}人）").format(month.year, month.month, kind_label(kind), len(rows)),
            None,
            {"kind": kind, "file": Path(written).name},
        )
    return written

"""Command-line sub-commands for payroll, so a month can be run and exported from a script:

    hrdesk --data-dir D payroll run 2026-03 --user hr [--json]
    hrdesk --data-dir D payroll approve 2026-03 --user finance
    hrdesk --data-dir D payroll pay 2026-03 --user finance
    hrdesk --data-dir D payroll show 2026-03 --user hr [--emp E000123] [--json]
    hrdesk --data-dir D payroll export 2026-03 --kind sheet --out 工资表.xlsx --user finance

The inputs of a month (pay items, 专项附加扣除, tax options and opening figures, wage history) have
their own groups under ``payroll``: see cli/payroll_inputs.py.

Passwords come from HRDESK_PASSWORD, as for every command acting as a user.
"""

from __future__ import annotations

import sys

from hrdesk.cli import common, payroll_inputs
from hrdesk.core.kernel.i18n import tr

EXPORT_KINDS = ("sheet", "payslips", "bank", "iit", "insurance", "cost")


def register(sub) -> None:

    p = sub.add_parser("payroll", help=tr("工资核算"))
    psub = p.add_subparsers(dest="payroll_command", required=True)
    for name, handler, help_text in (
        ("run", _run, tr("计算（或重新计算）一个月的工资（人事）")),
        ("approve", _approve, tr("审核通过一个月的工资（财务）")),
        ("pay", _pay, tr("确认一个月的工资已发放，此后锁定（财务）")),
    ):
        c = psub.add_parser(name, help=help_text)
        c.add_argument("month", help=tr("月份 YYYY-MM"))
        common.user_argument(c)
        c.add_argument("--json", action="store_true")
        c.set_defaults(handler=handler)
    c = psub.add_parser("show", help=tr("显示一个月的工资结果，或一名员工的工资明细"))
    c.add_argument("month", help=tr("月份 YYYY-MM"))
    c.add_argument("--emp", metavar="EMP_NO", help=tr("只显示这名员工的明细（每一项及其计算依据）"))
    common.user_argument(c)
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=_show)
    c = psub.add_parser("export", help=tr("导出 Excel：工资表、工资条、银行代发、个税申报、社保明细、成本汇总"))
    c.add_argument("month", help=tr("月份 YYYY-MM"))
    c.add_argument(
        "--kind",
        required=True,
        choices=EXPORT_KINDS,
        help=tr(
            "sheet 工资表, payslips 工资条, bank 银行代发, iit 个税扣缴申报, insurance 社保公积金明细, "
            "cost 部门成本汇总"
        ),
    )
    c.add_argument("--out", required=True, help=tr("输出文件 .xlsx（银行代发也可为 .csv）"))
    c.add_argument("--bank", default=None, help=tr("银行代发文件的格式（见 resources/data/bank-layouts.json）"))
    common.user_argument(c)
    c.set_defaults(handler=_export)
    payroll_inputs.register(psub)


def _month(text: str):
    from hrdesk.core.payroll.inputs import parse_month

    return parse_month(text)


def _summary_dict(s) -> dict:
    return {
        "month": s.month.strftime("%Y-%m"),
        "status": s.status.value,
        "status_label": s.status.label,
        "stale": s.stale,
        "employees": s.employee_count,
        "total_gross": s.total_gross,
        "total_net": s.total_net,
        "total_tax": s.total_tax,
        "total_employer_cost": s.total_employer_cost,
        "warnings": list(s.warnings),
    }


def _print_summary(s) -> None:
    print(tr("{0}年{1:02d}月工资：{2}，{3}人").format(s.month.year, s.month.month, s.status.label, s.employee_count))
    print(
        tr("应发合计 {0:,.2f}  实发合计 {1:,.2f}  个税合计 {2:,.2f}  人工成本 {3:,.2f}").format(
            s.total_gross, s.total_net, s.total_tax, s.total_employer_cost
        )
    )
    for warning in s.warnings:
        print(tr("提示：") + warning, file=sys.stderr)


def _state_command(args, call) -> int:
    summary = common.with_login(args, lambda ctx: call(ctx, _month(args.month)))
    if args.json:
        common.print_json(_summary_dict(summary))
    else:
        _print_summary(summary)
    return 0


def _run(args) -> int:
    from hrdesk.core.payroll import runs as payroll

    return _state_command(args, payroll.calculate_month)


def _approve(args) -> int:
    from hrdesk.core.payroll import runs as payroll

    return _state_command(args, payroll.approve)


def _pay(args) -> int:
    from hrdesk.core.payroll import runs as payroll

    return _state_command(args, payroll.mark_paid)


def _line_dict(line) -> dict:
    return {"group": line.group, "code": line.code, "label": line.label, "amount": line.amount, "basis": line.basis}


def _row_dict(row, detail: bool) -> dict:
    p = row.payslip
    data = {
        "emp_no": row.emp_no,
        "name": row.name,
        "department": row.department,
        "paid_days": p.paid_days,
        "base_pay": p.base_pay,
        "gross_pay": p.gross_pay,
        "employee_insurance": p.employee_insurance,
        "special_additional": p.special_additional,
        "tax": p.total_tax,
        "net_pay": p.net_pay,
        "employer_insurance": p.employer_insurance,
        "employer_cost": p.employer_cost,
        "warnings": list(p.warnings),
    }
    if detail:
        data["lines"] = [_line_dict(line) for line in p.lines]
    return data


def _show(args) -> int:
    from hrdesk.core.payroll import runs as payroll
    from hrdesk.core.people import employees

    month = _month(args.month)

    def work(ctx):
        if args.emp:
            return payroll.summary(ctx, month), [payroll.payslip(ctx, month, employees.id_by_emp_no(ctx, args.emp))]
        return payroll.summary(ctx, month), payroll.rows(ctx, month)

    summary, rows = common.with_login(args, work)
    if args.json:
        common.print_json(
            {"run": _summary_dict(summary) if summary else None, "rows": [_row_dict(r, bool(args.emp)) for r in rows]}
        )
        return 0
    if summary is not None and not args.emp:
        _print_summary(summary)
        if summary.stale:
            print(tr("注意：计算后数据有变更，请重新计算。"), file=sys.stderr)
    if args.emp:
        row = rows[0]
        print(f"{row.emp_no} {row.name}  {row.department}")
        for line in row.payslip.lines:
            print(f"  {line.label:<16}{line.amount:>14,.2f}  {line.basis}")
        for warning in row.payslip.warnings:
            print(tr("提示：") + warning, file=sys.stderr)
        return 0
    print("\t".join([tr("工号"), tr("姓名"), tr("部门"), tr("应发"), tr("个人社保公积金"), tr("个税"), tr("实发")]))
    for r in rows:
        p = r.payslip
        print(
            "\t".join(
                [
                    r.emp_no,
                    r.name,
                    r.department,
                    f"{p.gross_pay:.2f}",
                    f"{p.employee_insurance:.2f}",
                    f"{p.total_tax:.2f}",
                    f"{p.net_pay:.2f}",
                ]
            )
        )
    return 0


def _export(args) -> int:
    from hrdesk.core.payroll import exports

    month = _month(args.month)
    options = {"layout": args.bank} if args.bank else {}
    path = common.with_login(args, lambda ctx: exports.export(ctx, month, args.kind, args.out, **options))
    print(tr("已导出：{0}").format(path))
    return 0

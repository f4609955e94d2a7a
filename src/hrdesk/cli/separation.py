"""Command-line sub-commands for a separation: starting it, and its settlement statement:

    hrdesk --data-dir D separation start E000123 --reason resign --last-day 2026-12-31 --user hr
    hrdesk --data-dir D separation settle E000123 --user finance [--json]

Passwords come from HRDESK_PASSWORD, as for every command acting as a user.
"""

from __future__ import annotations

import sys

from hrdesk.cli import common
from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.kernel.i18n import tr


def reason_choices() -> str:
    """Every separation reason as "code 标签", for the help and for the message on a bad --reason."""
    return ", ".join(f"{code} {label}" for code, label in SeparationReason.choices())


def register(sub) -> None:
    p = sub.add_parser("separation", help=tr("离职"))
    ssub = p.add_subparsers(dest="separation_command", required=True)
    st = ssub.add_parser("start", help=tr("发起离职（员工本人，或人事代员工发起）"))
    st.add_argument("emp_no", help=tr("工号"))
    st.add_argument(
        "--reason",
        required=True,
        help=tr("离职原因：{0}（也可直接写中文）").format(reason_choices()),
    )
    st.add_argument("--last-day", required=True, type=common.date_argument, help=tr("最后工作日 YYYY-MM-DD"))
    st.add_argument("--comment", default=None, help=tr("说明（通知期不足时必填）"))
    common.user_argument(st)
    st.set_defaults(handler=_separation_start)

    p = ssub.add_parser("settle", help=tr("显示离职结算单：每一项、计算依据和实发金额"))
    p.add_argument("emp_no", help=tr("工号"))
    common.user_argument(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_settle)


def _separation_start(args) -> int:
    from hrdesk.core.flows import separations

    try:
        reason = SeparationReason.parse(args.reason)
    except ValueError:
        raise ValidationError(
            {"reason": tr("离职原因无效：{0}（可用：{1}）").format(args.reason, reason_choices())}
        ) from None
    detail = common.with_login(
        args,
        lambda ctx: separations.start(ctx, common.employee_id(ctx, args.emp_no), reason, args.last_day, args.comment),
    )
    s = detail.summary
    print(
        tr("已发起离职流程 #{0}：{1}，待“{2}”处理（{3}）").format(
            s.id, s.title, s.step_name, "、".join(detail.assignees)
        )
    )
    if detail.payload.get("notice_warning"):
        print(tr("注意：") + detail.payload["notice_warning"])
    return 0


def _settle(args) -> int:
    from hrdesk.core.separation import settlement

    st = common.with_login(args, lambda ctx: settlement.statement(ctx, common.employee_id(ctx, args.emp_no)))
    if args.json:
        common.print_json(
            {
                "emp_no": st.emp_no,
                "name": st.name,
                "reason": st.reason.value,
                "last_working_day": st.last_working_day,
                "stop_month": st.stop_month.strftime("%Y-%m"),
                "payroll_month": st.payroll_month.strftime("%Y-%m"),
                "approved": st.approved,
                "compensation_months": st.compensation.months_counted,
                "compensation": st.compensation.compensation,
                "annual_leave_days": st.leave.untaken,
                "lines": [
                    {"section": ln.section, "item": ln.item, "basis": ln.basis, "amount": ln.amount} for ln in st.lines
                ],
                "net_amount": st.net_amount,
                "warnings": list(st.warnings),
            }
        )
        return 0
    print(
        tr("离职结算单：{0} {1}（{2}，最后工作日 {3}）{4}").format(
            st.emp_no,
            st.name,
            st.reason.label,
            st.last_working_day.isoformat(),
            tr("【财务已审核】") if st.approved else tr("【待财务审核】"),
        )
    )
    print(
        tr("社保公积金缴至 {0}，{1} 起减员；结算计入 {2} 工资").format(
            st.stop_month.strftime("%Y-%m"), _next_month(st.stop_month), st.payroll_month.strftime("%Y-%m")
        )
    )
    for line in st.lines:
        print(f"  {line.item:<20}{line.amount:>14,.2f}  {line.basis}")
    for warning in st.warnings:
        print(tr("提示：") + warning, file=sys.stderr)
    return 0


def _next_month(month) -> str:
    from hrdesk.core.kernel.months import shift_month

    return shift_month(month, 1).strftime("%Y-%m")

"""Command-line sub-commands for the audit trail:

hrdesk --data-dir D audit verify
hrdesk --data-dir D trail --employee E000123 --out 李四.xlsx --user auditor
"""

from __future__ import annotations

import sys

from hrdesk.cli import common
from hrdesk.core.kernel.i18n import tr


def register(sub) -> None:
    p = sub.add_parser("audit", help=tr("操作日志"))
    asub = p.add_subparsers(dest="audit_command", required=True)
    pv = asub.add_parser("verify", help=tr("校验操作日志的哈希链是否完整"))
    pv.set_defaults(handler=_cmd_audit_verify)

    p = sub.add_parser("trail", help=tr("导出一名员工或一个流程的完整操作记录（Excel）"))
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--employee", metavar="EMP_NO", help=tr("员工工号"))
    target.add_argument("--flow", type=int, metavar="ID", help=tr("流程编号"))
    p.add_argument("--out", required=True, help=tr("输出文件 .xlsx"))
    common.user_argument(p)
    p.set_defaults(handler=_trail_export)


def _cmd_audit_verify(args) -> int:
    from hrdesk.core.audit import audit_log

    db = common.open_company(args)
    try:
        report = audit_log.verify_chain(common.system_context(db))
    finally:
        db.dispose()
    if report.ok:
        print(tr("OK：操作日志完整，共 {0} 条记录。").format(report.checked))
        return 0
    print(
        tr("发现篡改：第 {0} 条记录 — {1}（之前的 {2} 条完好）").format(
            report.first_break.seq, report.first_break.reason, report.checked
        ),
        file=sys.stderr,
    )
    return 9


def _trail_export(args) -> int:
    from hrdesk.core.audit import trail

    result = common.with_login(
        args, lambda ctx: trail.export_trail(ctx, args.out, flow_id=args.flow, emp_no=args.employee)
    )
    print(tr("已导出“{0}”的 {1} 条记录到 {2}").format(result.subject, result.count, result.path))
    return 0

"""Command-line sub-commands for the audit trail:

hrdesk --data-dir D audit verify [--deep] [--against CHECKPOINT.json|BACKUP.db]
hrdesk --data-dir D audit checkpoint --out CHECKPOINT.json
hrdesk --data-dir D audit list --user auditor [--entity employee] [--id 12] [--limit 50] [--json]
hrdesk --data-dir D trail --employee E000123 --out 李四.xlsx --user auditor
"""

from __future__ import annotations

import sys
from pathlib import Path

from hrdesk.cli import common
from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.kernel.i18n import tr

MAX_LIST = 10000


def register(sub) -> None:
    p = sub.add_parser("audit", help=tr("操作日志"))
    asub = p.add_subparsers(dest="audit_command", required=True)
    pv = asub.add_parser("verify", help=tr("校验操作日志的哈希链是否完整"))
    pv.add_argument(
        "--against",
        type=Path,
        default=None,
        help=tr("再与检查点文件或备份比对：证明哈希链仍包含当时的最后一条（末尾被删除也能发现）"),
    )
    pv.add_argument(
        "--deep",
        action="store_true",
        help=tr(
            "深度校验：再核对员工、账号、工资结果、流程和证明文件的当前数据是否就是操作日志记录的结果，"
            "找出绕过系统直接改动数据库的地方（金额等敏感值以 **** 显示）"
        ),
    )
    pv.set_defaults(handler=_cmd_audit_verify)
    pc = asub.add_parser("checkpoint", help=tr("导出操作日志检查点（条数和最后一条的哈希，已签名），请另处保存"))
    pc.add_argument("--out", type=Path, required=True, help=tr("检查点文件 .json"))
    pc.set_defaults(handler=_cmd_audit_checkpoint)
    pl = asub.add_parser("list", help=tr("列出操作日志，最新的在前；时间为本机时间，表头注明时区"))
    pl.add_argument("--entity", default=None, help=tr("只列出某类对象，如 employee、user、flow"))
    pl.add_argument("--id", dest="entity_id", default=None, help=tr("只列出该编号的对象（与 --entity 一起用）"))
    pl.add_argument("--limit", type=int, default=50, help=tr("最多列出多少条（默认 50）"))
    pl.add_argument("--json", action="store_true", help=tr("以 JSON 输出（时间为带时区的 ISO 8601）"))
    common.user_argument(pl)
    pl.set_defaults(handler=_cmd_audit_list)

    p = sub.add_parser("trail", help=tr("导出一名员工或一个流程的完整操作记录（Excel）"))
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--employee", metavar="EMP_NO", help=tr("员工工号"))
    target.add_argument("--flow", type=int, metavar="ID", help=tr("流程编号"))
    p.add_argument("--out", required=True, help=tr("输出文件 .xlsx"))
    common.user_argument(p)
    p.set_defaults(handler=_trail_export)


def _cmd_audit_verify(args) -> int:
    from hrdesk.core.audit import audit_log, checkpoints, deep_check

    db = common.open_company(args)
    try:
        ctx = common.system_context(db)
        # nobody signed in: the deep check's values are masked as for the auditor
        deep = deep_check.deep_check(ctx, mask=True) if args.deep else None
        report = deep.chain if deep is not None else audit_log.verify_chain(ctx)
        anchors = []  # the file given, else the heads HRDesk kept itself (newest backup, documents)
        if report.ok:
            against = [checkpoints.verify_against(ctx, args.against)] if args.against else None
            anchors = against or checkpoints.verify_known_anchors(ctx)
    finally:
        db.dispose()
    broken = [anchor for anchor in anchors if not anchor.ok]
    if report.ok and broken:
        for anchor in broken:
            print(tr("发现篡改：{0}").format(anchor.problem), file=sys.stderr)
        return 9
    if report.ok:
        print(tr("OK：操作日志完整，共 {0} 条记录。").format(report.checked))
        for anchor in anchors:
            print(tr("OK：仍包含{0}记录的前 {1} 条。").format(anchor.source, anchor.anchored_length))
        return _print_deep(deep) if deep is not None else 0
    print(
        tr("发现篡改：第 {0} 条记录 — {1}（之前的 {2} 条完好）").format(
            report.first_break.seq, report.first_break.reason, report.checked
        ),
        file=sys.stderr,
    )
    return 9


def _print_deep(report) -> int:
    """The deep check's verdict: OK with what was compared, or every difference and exit 9."""
    from hrdesk.core.audit import deep_check as dc

    if report.ok:
        n = report.checked
        print(
            tr(
                "OK：当前数据与操作日志一致（员工 {0} 名、账号 {1} 个、工资核算 {2} 个月共 {3} 条个人结果、"
                "流程 {4} 个、证明文件 {5} 份）。"
            ).format(n[dc.EMPLOYEE], n[dc.USER], n[dc.PAYROLL_RUN], n[dc.PAYROLL_RESULT], n[dc.FLOW], n[dc.DOCUMENT])
        )
        return 0
    print(
        tr("发现篡改：{0} 处当前数据与操作日志记录的不一致（有人绕过系统直接改动了数据库）：").format(
            len(report.mismatches)
        ),
        file=sys.stderr,
    )
    for mismatch in report.mismatches:
        print("  " + mismatch.message, file=sys.stderr)
    return 9


def _cmd_audit_checkpoint(args) -> int:
    from hrdesk.core.audit import checkpoints

    db = common.open_company(args)
    try:
        checkpoint = checkpoints.write_checkpoint(common.system_context(db), args.out)
    finally:
        db.dispose()
    print(
        tr("已导出检查点：{0}（操作日志 {1} 条，最后一条哈希 {2}…）。请保存在公司电脑之外。").format(
            args.out, checkpoint.chain_length, checkpoint.chain_head[:16]
        )
    )
    return 0


def _cmd_audit_list(args) -> int:
    """The auditor's view of the log on the command line: same service, same masking as the GUI."""
    from hrdesk.core.audit import audit_log
    from hrdesk.core.audit.trail import action_label, entity_label
    from hrdesk.core.kernel.clock import local_iso, local_text, zone_label

    if not 1 <= args.limit <= MAX_LIST:
        raise ValidationError({"limit": tr("--limit 应在 1 到 {0} 之间").format(MAX_LIST)})
    if args.entity_id is not None and not args.entity:
        raise ValidationError({"id": tr("--id 需要与 --entity 一起使用")})
    entries = common.with_login(
        args,
        lambda ctx: audit_log.list_entries(ctx, entity_type=args.entity, entity_id=args.entity_id, limit=args.limit),
    )
    if args.json:
        common.print_json(
            [
                {
                    "seq": e.seq,
                    "time": local_iso(e.created_at),
                    "actor": e.actor_name,
                    "on_behalf_of": e.on_behalf_of,
                    "action": e.action,
                    "entity_type": e.entity_type,
                    "entity_id": e.entity_id,
                    "summary": e.summary,
                    "before": e.before,
                    "after": e.after,
                }
                for e in entries
            ]
        )
        return 0
    headers = (
        tr("序号"),
        tr("时间（{0}）").format(zone_label()),
        tr("操作人"),
        tr("代办人"),
        tr("操作"),
        tr("对象"),
        tr("摘要"),
    )
    print("\t".join(headers))
    for e in entries:
        target = entity_label(e.entity_type) + (f" #{e.entity_id}" if e.entity_id is not None else "")
        cells = (
            str(e.seq),
            local_text(e.created_at, seconds=True),
            e.actor_name,
            e.on_behalf_of or "",
            action_label(e.action),
            target,
            e.summary,
        )
        print("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in cells))
    return 0


def _trail_export(args) -> int:
    from hrdesk.core.audit import trail

    result = common.with_login(
        args, lambda ctx: trail.export_trail(ctx, args.out, flow_id=args.flow, emp_no=args.employee)
    )
    print(tr("已导出“{0}”的 {1} 条记录到 {2}").format(result.subject, result.count, result.path))
    return 0

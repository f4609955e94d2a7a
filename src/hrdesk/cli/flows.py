"""Command-line sub-commands for lifecycle flows, handover checklists, notices and the mail outbox, so
that a whole separation can be scripted (it starts with ``separation start``, see :mod:`.separation`):

    hrdesk --data-dir D flow list --user manager
    hrdesk --data-dir D flow act 17 --approve --comment 同意 --user manager
    hrdesk --data-dir D flow stuck --user admin
    hrdesk --data-dir D flow assign 17 --to hr2 --reason 发起人是唯一的人事 --user admin
    hrdesk --data-dir D checklist confirm 55 --user admin
    hrdesk --data-dir D notice send 3 --user hr
    hrdesk --data-dir D mail send

Passwords come from HRDESK_PASSWORD, as for every command acting as a user.
"""

from __future__ import annotations

import sys

from hrdesk.cli import common
from hrdesk.core.kernel.clock import local_text
from hrdesk.core.kernel.i18n import tr


def register(sub) -> None:
    p = sub.add_parser("flow", help=tr("审批流程"))
    fsub = p.add_subparsers(dest="flow_command", required=True)
    pl = fsub.add_parser("list", help=tr("列出当前用户可以看到的流程"))
    common.user_argument(pl)
    pl.add_argument("--all", action="store_true", help=tr("包括已结束的流程"))
    pl.add_argument("--inbox", action="store_true", help=tr("只列出待我审批的"))
    pl.add_argument("--json", action="store_true")
    pl.set_defaults(handler=_flow_list)
    ps = fsub.add_parser("show", help=tr("显示一个流程的步骤、意见和交接清单"))
    ps.add_argument("instance", type=int)
    common.user_argument(ps)
    ps.add_argument("--json", action="store_true")
    ps.set_defaults(handler=_flow_show)
    pa = fsub.add_parser("act", help=tr("处理流程：同意、驳回、退回、评论、重新提交或撤回"))
    pa.add_argument("instance", type=int)
    group = pa.add_mutually_exclusive_group(required=True)
    for flag, action in (
        ("--approve", "approve"),
        ("--reject", "reject"),
        ("--return", "return"),
        ("--comment-only", "comment"),
        ("--resubmit", "submit"),
        ("--withdraw", "withdraw"),
    ):
        group.add_argument(flag, dest="action", action="store_const", const=action)
    pa.add_argument("--comment", default=None, help=tr("意见（驳回、退回时必填）"))
    common.user_argument(pa)
    pa.set_defaults(handler=_flow_act)
    pk = fsub.add_parser("stuck", help=tr("列出无人可以处理、等待管理员指定处理人的流程（管理员）"))
    common.user_argument(pk)
    pk.add_argument("--json", action="store_true")
    pk.set_defaults(handler=_flow_stuck)
    pg = fsub.add_parser("assign", help=tr("为卡住的流程指定处理人（管理员，须写明原因）"))
    pg.add_argument("instance", type=int)
    # --user is who signs in, as for every command; the handler is named with --to
    pg.add_argument("--to", required=True, help=tr("处理人的用户名（不能是发起人或当事人）"))
    pg.add_argument("--reason", required=True, help=tr("为什么由这位同事处理"))
    common.user_argument(pg)
    pg.set_defaults(handler=_flow_assign)

    p = sub.add_parser("checklist", help=tr("交接清单"))
    csub = p.add_subparsers(dest="checklist_command", required=True)
    cc = csub.add_parser("confirm", help=tr("确认一项交接事项"))
    cc.add_argument("item", type=int)
    cc.add_argument("--note", default="")
    common.user_argument(cc)
    cc.set_defaults(handler=_checklist_confirm)
    cw = csub.add_parser("waive", help=tr("豁免一项交接事项（人事，须写明原因）"))
    cw.add_argument("item", type=int)
    cw.add_argument("--reason", required=True)
    common.user_argument(cw)
    cw.set_defaults(handler=_checklist_waive)

    p = sub.add_parser("notice", help=tr("通知"))
    nsub = p.add_subparsers(dest="notice_command", required=True)
    nl = nsub.add_parser("list", help=tr("列出待我发送的通知和收件人"))
    common.user_argument(nl)
    nl.set_defaults(handler=_notice_list)
    ns = nsub.add_parser("send", help=tr("发送一份通知（可去掉收件人，不能添加）"))
    ns.add_argument("draft", type=int)
    ns.add_argument("--remove", action="append", default=[], help=tr("去掉的收件人（如 user:12），可重复"))
    common.user_argument(ns)
    ns.set_defaults(handler=_notice_send)

    p = sub.add_parser("mail", help=tr("邮件"))
    msub = p.add_subparsers(dest="mail_command", required=True)
    ms = msub.add_parser("send", help=tr("发送发件箱中到期的邮件"))
    ms.set_defaults(handler=_mail_send)


def _summary_dict(s) -> dict:
    return {
        "id": s.id,
        "kind": s.kind.value,
        "title": s.title,
        "employee": s.subject_name,
        "status": s.status.value,
        "step": s.step_name,
        "due_date": s.due_date,
        "overdue": s.overdue,
        "initiator": s.initiator_name,
        "on_behalf_of": s.on_behalf_of,
    }


def _flow_list(args) -> int:
    from hrdesk.core.flows import engine as flows

    items = common.with_login(
        args, lambda ctx: flows.inbox(ctx) if args.inbox else flows.list_flows(ctx, open_only=not args.all)
    )
    if args.json:
        common.print_json([_summary_dict(s) for s in items])
        return 0
    print("\t".join([tr("编号"), tr("事项"), tr("状态"), tr("当前步骤"), tr("期限"), tr("发起人")]))
    for s in items:
        due = (s.due_date.isoformat() if s.due_date else "") + (tr("（逾期）") if s.overdue else "")
        initiator = s.initiator_name + (tr("（代{0}）").format(s.on_behalf_of) if s.on_behalf_of else "")
        print("\t".join([str(s.id), s.title, s.status.label, s.step_name, due, initiator]))
    return 0


def _flow_show(args) -> int:
    from hrdesk.core.flows import engine as flows

    detail = common.with_login(args, lambda ctx: flows.get(ctx, args.instance))
    if args.json:
        common.print_json(
            {
                "summary": _summary_dict(detail.summary),
                "payload": detail.payload,
                "steps": [{"name": s.name, "actor": s.actor, "state": s.state} for s in detail.steps],
                "assignees": detail.assignees,
                "transitions": [
                    {
                        "step": t.step_name,
                        "action": t.action.value,
                        "actor": t.actor_name,
                        "on_behalf_of": t.on_behalf_of,
                        "comment": t.comment,
                        "at": t.created_at,
                    }
                    for t in detail.transitions
                ],
                "checklist": [
                    {
                        "id": i.id,
                        "category": i.category.value,
                        "title": i.title,
                        "owner": i.owner,
                        "status": i.status.value,
                        "asset_no": i.asset_no,
                    }
                    for i in detail.checklist
                ],
                "my_actions": [a.value for a in detail.my_actions],
            }
        )
        return 0
    s = detail.summary
    print(f"#{s.id} {s.title}  [{s.status.label}]  {tr('当前')}：{s.step_name}")
    if detail.assignees:
        print(
            tr("待处理人：")
            + "、".join(detail.assignees)
            + (f"（{detail.assignee_note}）" if detail.assignee_note else "")
        )
    for step in detail.steps:
        print(f"  [{step.state}] {step.name}（{step.actor}）")
    for t in detail.transitions:
        who = t.actor_name + (tr("（代{0}）").format(t.on_behalf_of) if t.on_behalf_of else "")
        print(f"  {local_text(t.created_at)} {t.step_name} {t.action.label} {who} {t.comment or ''}")
    for item in detail.checklist:
        print(f"  {tr('交接')} #{item.id} [{item.status.label}] {item.category.label} {item.title} — {item.owner}")
    return 0


def _flow_act(args) -> int:
    from hrdesk.core.flows import engine as flows
    from hrdesk.core.flows.workflow import Action

    detail = common.with_login(args, lambda ctx: flows.act(ctx, args.instance, Action(args.action), args.comment))
    s = detail.summary
    print(tr("已{0}：#{1} {2}，现在：{3}").format(Action(args.action).label, s.id, s.title, s.step_name))
    return 0


def _flow_stuck(args) -> int:
    from hrdesk.core.flows import stuck

    items = common.with_login(args, stuck.stuck_flows)
    if args.json:
        common.print_json(
            [
                {
                    "id": s.id,
                    "kind": s.kind.value,
                    "title": s.title,
                    "employee": s.subject_name,
                    "step": s.step_name,
                    "step_actor": s.step_actor,
                    "initiator": s.initiator_name,
                    "since": s.since,
                    "reason": s.reason,
                }
                for s in items
            ]
        )
        return 0
    print("\t".join([tr("编号"), tr("事项"), tr("当前步骤"), tr("发起人"), tr("等待自"), tr("原因")]))
    for s in items:
        print("\t".join([str(s.id), s.title, s.step_name, s.initiator_name, local_text(s.since), s.reason]))
    return 0


def _flow_assign(args) -> int:
    from hrdesk.core.flows import stuck
    from hrdesk.core.kernel.errors import ValidationError

    def assign(ctx):
        wanted = args.to.strip().lower()
        match = [c for c in stuck.handler_candidates(ctx, args.instance) if c.username == wanted]
        if not match:
            raise ValidationError(
                {"to": tr("{0} 不能处理这个流程：没有这个账号、账号已停用，或是发起人、当事人").format(args.to)}
            )
        return stuck.assign_stuck(ctx, args.instance, match[0].user_id, args.reason)

    done = common.with_login(args, assign)
    print(tr("已指定{0}处理 #{1}“{2}”").format(done.user_name, done.instance_id, done.step_name))
    return 0


def _checklist_confirm(args) -> int:
    from hrdesk.core.flows import checklists

    item = common.with_login(args, lambda ctx: checklists.confirm(ctx, args.item, args.note))
    print(tr("已确认：{0}").format(item.title))
    return 0


def _checklist_waive(args) -> int:
    from hrdesk.core.flows import checklists

    item = common.with_login(args, lambda ctx: checklists.waive(ctx, args.item, args.reason))
    print(tr("已豁免：{0}").format(item.title))
    return 0


def _notice_list(args) -> int:
    from hrdesk.core.flows import notices

    drafts = common.with_login(args, lambda ctx: notices.pending_drafts(ctx))
    for d in drafts:
        print(f"#{d.id} {d.title}（{d.event.label}）")
        for r in d.recipients:
            print(f"    {r.key}\t{r.name}\t{r.email or tr('仅站内')}\t{'、'.join(r.reasons)}")
    return 0


def _notice_send(args) -> int:
    from hrdesk.core.flows import notices

    def send(ctx) -> int:
        draft = notices.get_draft(ctx, args.draft)
        keep = [r.key for r in draft.recipients if r.key not in set(args.remove)]
        return notices.send_draft(ctx, args.draft, keep)

    count = common.with_login(args, send)
    print(tr("已发送给 {0} 人").format(count))
    return 0


def _mail_send(args) -> int:
    from hrdesk.core.flows import mail
    from hrdesk.core.kernel.clock import SystemClock

    db = common.open_company(args)
    try:
        report = mail.deliver_due(db, SystemClock().now())
    finally:
        db.dispose()
    print(
        tr("已发送 {0} 封，失败 {1} 封（将自动重试），待发送 {2} 封").format(report.sent, report.failed, report.pending)
    )
    if report.last_error:
        print(tr("最近的错误：") + report.last_error, file=sys.stderr)
    return 0 if report.failed == 0 else 10

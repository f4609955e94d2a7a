"""The whole separation story at the service level, as the issue tells it: the resignation, each
role's approval, a wrong-role user refused, the handover checklist, archiving blocked until it is
closed, notices to exactly the policy's recipients through a real SMTP server, and the audit chain."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import text

from hrdesk.core.accounts import auth, users
from hrdesk.core.audit import audit_log
from hrdesk.core.flows import checklists, engine, mail, notices, separations
from hrdesk.core.flows.checklist_rules import ItemCategory, ItemOwner, ItemStatus
from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.flows.workflow import Action, FlowStatus
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import AuthenticationError, PermissionDenied, StateError, ValidationError
from hrdesk.core.kernel.permissions import Role
from hrdesk.core.people import employees
from hrdesk.core.people.employee_rules import EmployeeStatus
from tests.helpers import USER_PASSWORD, employee_input, verify_average_wage
from tests.smtp_sink import SmtpSink

TODAY = datetime(2026, 3, 2, 9, 30)


@pytest.fixture
def story(company):
    """李四 (销售部, manager 王经理) also works for 地铁项目部 (lead 陈工) and has an account."""
    clock = FixedClock(TODAY)
    system = ServiceContext(company.db, company.system.actor, clock)
    li = employees.get(system, company.emps["李四"])
    data = employee_input(
        "E000002",
        "李四",
        company.depts["销售部"],
        2,
        manager_id=company.emps["王经理"],
        position_id=li.position_id,
        project_department_id=company.depts["地铁项目部"],
    )
    employees.update(system, li.id, data, li.version)
    users.create_account(system, "lisi", "李四", USER_PASSWORD, {Role.EMPLOYEE}, li.id, must_change_password=False)
    company.users["lisi"] = USER_PASSWORD
    company.clock = clock
    return company


def login(fx, username) -> ServiceContext:
    return auth.login(fx.db, username, fx.users[username], fx.clock)


def test_complete_separation_story(story):
    fx = story
    sink = SmtpSink().start()
    try:
        mail.save_settings(
            login(fx, "admin"),
            mail.SmtpSettings("127.0.0.1", sink.port, "none", "", "hr@example.cn", "测试科技人事部"),
            None,
        )
        _run_story(fx, sink)
    finally:
        sink.stop()


def _run_story(fx, sink):
    li = login(fx, "lisi")
    # 1. 李四 resigns himself: 30 days' notice, last day 1 April.
    detail = separations.start(
        li, fx.emps["李四"], SeparationReason.RESIGNATION, date(2026, 4, 1), "个人发展原因，申请离职。"
    )
    flow_id = detail.summary.id
    assert detail.summary.step_name == "直属上级审批" and detail.assignees == ["王经理"]
    assert detail.summary.due_date == date(2026, 3, 5)  # 3 working days
    assert employees.get(fx.system, fx.emps["李四"]).status is EmployeeStatus.LEAVING
    assert len(detail.checklist) == 10

    # 2. Wrong people are refused: a colleague, finance before its turn, the employee himself.
    for username in ("staff", "finance", "hr"):
        with pytest.raises(PermissionDenied, match="王经理|直属上级"):
            engine.act(login(fx, username), flow_id, Action.APPROVE, "越权")
    with pytest.raises(PermissionDenied, match="发起人或当事人"):
        engine.act(li, flow_id, Action.APPROVE, "批准我自己")

    # 3. Each role approves in turn, seeing the previous comments.
    engine.act(login(fx, "manager"), flow_id, Action.APPROVE, "同意，已安排赵六接手客户。")
    detail = engine.act(login(fx, "lead"), flow_id, Action.APPROVE, "项目资料已交接。")
    assert [t.comment for t in detail.transitions][-2:] == ["同意，已安排赵六接手客户。", "项目资料已交接。"]
    hr = login(fx, "hr")
    engine.act(hr, flow_id, Action.APPROVE, "材料齐全。")
    verify_average_wage(fx.db, fx.emps["李四"])
    detail = engine.act(login(fx, "finance"), flow_id, Action.APPROVE, "无借款，工资结算至4月1日。")
    assert detail.summary.step_name == "人事归档"

    # 4. Archiving is blocked while checklist items are open.
    with pytest.raises(StateError, match="交接清单还有 10 项"):
        engine.act(hr, flow_id, Action.APPROVE, "归档")
    manager, admin, finance = login(fx, "manager"), login(fx, "admin"), login(fx, "finance")
    items = {i.title: i for i in detail.checklist}
    with pytest.raises(PermissionDenied):
        checklists.confirm(login(fx, "staff"), items["企业邮箱停用"].id)
    for item in detail.checklist:
        owner = {"王经理": manager, "管理员": admin, "财务": finance, "人事": hr}[item.owner]
        if item.title != "钥匙、门禁卡归还":
            checklists.confirm(owner, item.id, "已完成")
    with pytest.raises(StateError, match="还有 1 项"):
        engine.act(hr, flow_id, Action.APPROVE, "归档")
    with pytest.raises(ValidationError):
        checklists.waive(hr, items["钥匙、门禁卡归还"].id, "")
    with pytest.raises(PermissionDenied):
        checklists.waive(admin, items["钥匙、门禁卡归还"].id, "门禁卡已挂失注销")
    checklists.waive(hr, items["钥匙、门禁卡归还"].id, "门禁卡已挂失注销")
    detail = engine.act(hr, flow_id, Action.APPROVE, "归档。")
    assert detail.summary.status is FlowStatus.COMPLETED

    # 5. The employee is separated; the account ends with the last working day.
    emp = employees.get(fx.system, fx.emps["李四"])
    assert emp.status is EmployeeStatus.SEPARATED and emp.last_working_day == date(2026, 4, 1)
    fx.clock.advance(timedelta(days=30))  # 1 April: still works
    login(fx, "lisi")
    fx.clock.advance(timedelta(days=1))
    with pytest.raises(AuthenticationError, match="2026-04-01"):
        login(fx, "lisi")

    # 6. Notices: HR sends the 'started' notice, the archiving HR the 'completed' one.
    hr = login(fx, "hr")
    drafts = {d.event.value: d for d in notices.pending_drafts(hr)}
    completed = drafts["separation.completed"]
    names = {r.name for r in completed.recipients}
    assert names == {"刘人事", "钱财务", "李四", "王经理", "陈工", "周七", "孙员工", "系统管理员"}
    assert "赵六" not in names  # another department, not in the flow
    with pytest.raises(PermissionDenied, match="策略之外"):
        notices.send_draft(hr, completed.id, [r.key for r in completed.recipients] + ["employee:3"])
    keep = [r.key for r in completed.recipients if r.name != "孙员工"]  # the sender removes one
    assert notices.send_draft(hr, completed.id, keep) == 7
    notices.send_draft(hr, drafts["separation.started"].id)
    report = mail.deliver_due(fx.db, fx.clock.now())
    assert report.pending == 0 and report.failed == 0
    expected = {
        "e000006@example.cn",
        "e000007@example.cn",
        "e000002@example.cn",
        "e000001@example.cn",
        "e000004@example.cn",
        "e000005@example.cn",
    }  # 系统管理员 has no address; 孙员工 removed
    completion_mails = [m for m in sink.messages if m["Subject"].startswith("人员离职通知")]
    assert {m["To"].addresses[0].addr_spec for m in completion_mails} == expected
    assert all("e000008@example.cn" not in str(m["To"]) for m in completion_mails)
    assert all(addr.endswith("@example.cn") for addr in sink.recipients())  # nobody outside the company
    assert any(n.title.startswith("人员离职通知") for n in notices.my_notifications(login(fx, "manager")))
    partner = [n for n in notices.my_notifications(login(fx, "lead")) if n.title.startswith("请通知合作单位")]
    assert partner and "不会自动发送" in partner[0].body

    # 7. The audit chain holds, and a tampered record is found.
    auditor = login(fx, "auditor")
    assert audit_log.verify_chain(auditor).ok
    trail = audit_log.list_entries(auditor, entity_type="flow", entity_id=flow_id)
    assert {"flow.submit", "flow.approve", "checklist.confirm", "checklist.waive", "notice.send"} <= {
        e.action for e in trail
    }
    with fx.db.engine.begin() as conn:
        seq = conn.execute(text("SELECT min(seq) FROM audit_log WHERE action = 'flow.approve'")).scalar()
        conn.execute(text("UPDATE audit_log SET actor_name = '别人' WHERE seq = :s"), {"s": seq})
    assert audit_log.verify_chain(auditor).first_break.seq == seq


def test_hr_starts_on_behalf_and_short_notice_needs_a_comment(story):
    fx = story
    hr = login(fx, "hr")
    with pytest.raises(ValidationError) as info:
        separations.start(hr, fx.emps["周七"], SeparationReason.RESIGNATION, date(2026, 3, 10))
    assert "第三十七条" in info.value.errors["comment"]
    detail = separations.start(
        hr, fx.emps["周七"], SeparationReason.RESIGNATION, date(2026, 3, 10), "员工家中有急事，双方同意提前离职。"
    )
    assert detail.summary.on_behalf_of == "周七" and detail.summary.initiator_name == "刘人事"
    assert detail.transitions[0].on_behalf_of == "周七"
    assert detail.payload["notice_warning"]


def test_employee_may_only_resign_for_themself(story):
    fx = story
    li = login(fx, "lisi")
    with pytest.raises(PermissionDenied, match="人事发起"):
        separations.start(li, fx.emps["李四"], SeparationReason.MUTUAL, date(2026, 5, 1), "x")
    with pytest.raises(PermissionDenied):
        separations.start(li, fx.emps["孙员工"], SeparationReason.RESIGNATION, date(2026, 5, 1), "x")


def test_bad_input_is_refused_and_changes_nothing(story):
    fx = story
    hr = login(fx, "hr")
    with pytest.raises(ValidationError) as info:
        separations.start(hr, fx.emps["李四"], SeparationReason.MUTUAL, date(2019, 1, 1), "x")
    assert "入职日期" in info.value.errors["last_working_day"]
    from hrdesk.core.kernel.errors import NotFound

    with pytest.raises(NotFound):
        separations.start(hr, 9999, SeparationReason.MUTUAL, date(2026, 5, 1), "x")
    with pytest.raises(NotFound):
        engine.act(hr, 4242, Action.APPROVE, "x")
    assert engine.list_flows(hr) == []
    assert employees.get(hr, fx.emps["李四"]).status is EmployeeStatus.REGULAR


def test_reject_return_withdraw_restore_the_employee(story):
    fx = story
    li, manager = login(fx, "lisi"), login(fx, "manager")
    flow = separations.start(li, fx.emps["李四"], SeparationReason.RESIGNATION, date(2026, 4, 30), "申请离职").summary
    with pytest.raises(ValidationError):
        engine.act(manager, flow.id, Action.RETURN)  # a reason is required
    detail = engine.act(manager, flow.id, Action.RETURN, "请补充交接计划")
    assert detail.summary.status is FlowStatus.RETURNED
    with pytest.raises(StateError):
        engine.act(manager, flow.id, Action.APPROVE, "x")
    assert Action.SUBMIT in engine.get(li, flow.id).my_actions
    engine.act(li, flow.id, Action.SUBMIT, "已补充交接计划")
    detail = engine.act(manager, flow.id, Action.REJECT, "项目关键期，请再考虑")
    assert detail.summary.status is FlowStatus.REJECTED
    assert employees.get(fx.system, fx.emps["李四"]).status is EmployeeStatus.REGULAR
    with pytest.raises(StateError, match="已经结束"):
        engine.act(manager, flow.id, Action.APPROVE, "x")
    flow = separations.start(li, fx.emps["李四"], SeparationReason.RESIGNATION, date(2026, 4, 30), "再次申请").summary
    engine.act(li, flow.id, Action.WITHDRAW, "不走了")
    assert employees.get(fx.system, fx.emps["李四"]).status is EmployeeStatus.REGULAR


def test_inbox_shows_waiting_time_and_overdue(story):
    fx = story
    flow = separations.start(
        login(fx, "lisi"), fx.emps["李四"], SeparationReason.RESIGNATION, date(2026, 4, 30), "申请"
    ).summary
    [item] = engine.inbox(login(fx, "manager"))
    assert item.id == flow.id and not item.overdue
    fx.clock.advance(timedelta(days=7))
    [item] = engine.inbox(login(fx, "manager"))
    assert item.overdue
    assert engine.inbox(login(fx, "lead")) == []


def test_manager_without_account_falls_back_to_hr(story):
    fx = story
    detail = separations.start(login(fx, "hr"), fx.emps["赵六"], SeparationReason.MUTUAL, date(2026, 4, 30), "协商一致")
    assert detail.assignees == ["王经理"]  # 赵六's manager has an account
    detail = separations.start(login(fx, "hr"), fx.emps["周七"], SeparationReason.MUTUAL, date(2026, 4, 30), "协商一致")
    assert detail.assignees == ["陈工"]
    # 孙员工 has no manager at all: HR acts for the manager, and the reason is recorded …
    detail = separations.start(
        login(fx, "staff"), fx.emps["孙员工"], SeparationReason.RESIGNATION, date(2026, 4, 30), "个人原因"
    )
    assert detail.assignees == ["刘人事"] and detail.assignee_note == "没有直属上级，由人事代办"
    engine.act(login(fx, "staff"), detail.summary.id, Action.WITHDRAW, "撤回")
    # … unless HR itself started it: the only 人事 does not approve its own proposal (issue 12),
    # so the step waits for the administrator to name someone else.
    detail = separations.start(
        login(fx, "hr"), fx.emps["孙员工"], SeparationReason.MUTUAL, date(2026, 4, 30), "协商一致"
    )
    assert detail.assignees == [] and detail.stuck and "等待管理员指定处理人" in detail.assignee_note


def test_add_checklist_item_with_asset_number(story):
    fx = story
    flow = separations.start(
        login(fx, "lisi"), fx.emps["李四"], SeparationReason.RESIGNATION, date(2026, 4, 30), "申请"
    ).summary
    hr = login(fx, "hr")
    item = checklists.add_item(
        hr, flow.id, ItemCategory.EQUIPMENT, "ThinkPad X1 笔记本", ItemOwner.ADMIN, asset_no="IT-2023-0042"
    )
    assert item.asset_no == "IT-2023-0042" and item.status is ItemStatus.OPEN
    with pytest.raises(ValidationError):
        checklists.add_item(hr, flow.id, ItemCategory.FINANCE, "备用金", ItemOwner.FINANCE, amount="12.345")
    mine = checklists.my_open_items(login(fx, "admin"))
    assert any(i.asset_no == "IT-2023-0042" for i in mine)

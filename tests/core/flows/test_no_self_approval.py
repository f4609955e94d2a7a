"""Nobody approves their own case or proposal, ever (issue 12): the only 人事 account proposing a
raise, an employee resigning, an HR employee's own transfer, a task slipped in by hand. Where no one
else can take a step the flow waits, listed for the administrator, who names someone else."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from hrdesk.core.accounts import auth, users
from hrdesk.core.audit import audit_log, deep_check
from hrdesk.core.flows import definitions, engine, lifecycle, notices, separations, stuck
from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.flows.tables import FlowInstance, FlowTask
from hrdesk.core.flows.workflow import Action, ActorKind, FlowDefinition, FlowKind, FlowStatus, StepDef
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.kernel.errors import NotFound, PermissionDenied, StateError, ValidationError
from hrdesk.core.kernel.permissions import Role
from tests.helpers import USER_PASSWORD, verify_average_wage

NOW = datetime(2026, 3, 2, 9, 0)
EFFECTIVE = date(2026, 4, 1)


@pytest.fixture
def fx(company):
    company.clock = FixedClock(NOW)
    return company


def login(fx, username):
    return auth.login(fx.db, username, fx.users[username], fx.clock)


def add_account(fx, username, display, roles, employee=None):
    info = users.create_account(
        fx.system,
        username,
        display,
        USER_PASSWORD,
        roles,
        fx.emps[employee] if employee else None,
        must_change_password=False,
    )
    fx.users[username] = USER_PASSWORD
    return info.id


def user_id(fx, username) -> int:
    return login(fx, username).actor.user_id


def task_holders(fx, flow_id) -> set[int]:
    """Every account ever given a task on the flow, at any step."""
    with fx.db.session() as session:
        return set(session.execute(select(FlowTask.user_id).where(FlowTask.instance_id == flow_id)).scalars())


def raise_for(fx, ctx, name, amount="36000"):
    return lifecycle.start_transfer(ctx, fx.emps[name], EFFECTIVE, {"base_salary": amount}, "年度调薪")


def test_the_only_hr_proposing_a_raise_never_gets_its_own_task_and_the_administrator_names_another(fx):
    hr, admin = login(fx, "hr"), login(fx, "admin")
    # 王经理 has no manager: the 原直属上级 step falls to 人事, and the only 人事 proposed it.
    detail = raise_for(fx, hr, "王经理")
    flow_id = detail.summary.id
    assert detail.summary.status is FlowStatus.RUNNING and detail.summary.step_name == "原直属上级审批"
    assert detail.stuck and detail.assignees == []
    assert "没有直属上级" in detail.assignee_note and "管理员" in detail.assignee_note
    assert task_holders(fx, flow_id) == set()
    assert engine.inbox(hr) == []
    with pytest.raises(PermissionDenied, match="发起人或当事人"):
        engine.act(hr, flow_id, Action.APPROVE, "我自己批")

    [listed] = stuck.stuck_flows(admin)
    assert (listed.id, listed.step_name, listed.step_actor, listed.initiator_name) == (
        flow_id,
        "原直属上级审批",
        "直属上级",
        "刘人事",
    )
    assert listed.subject_name == "王经理" and "没有直属上级" in listed.reason
    assert any(n.title == f"流程无人处理：{detail.summary.title}" for n in notices.my_notifications(admin))
    assert "flow.stuck" in {e.action for e in audit_log.list_entries(login(fx, "auditor"), entity_type="flow")}
    assert deep_check.deep_check(login(fx, "auditor")).ok  # the trail says where the flow waits

    hr2 = add_account(fx, "hr2", "周人事", {Role.HR})
    candidates = stuck.handler_candidates(admin, flow_id)
    names = [c.username for c in candidates]
    assert "hr" not in names and "manager" not in names  # the initiator and the subject
    assert names[0] == "hr2" and candidates[0].suggested  # 人事 stands in for a missing manager
    stuck.assign_stuck(admin, flow_id, hr2, "刘人事发起的调薪，由周人事代上级审批")
    assert stuck.stuck_flows(admin) == []
    second = login(fx, "hr2")
    assert [s.id for s in engine.inbox(second)] == [flow_id]
    detail = engine.act(second, flow_id, Action.APPROVE, "同意")
    assert detail.summary.step_name == "人事审核" and detail.assignees == ["周人事"]
    detail = engine.act(second, flow_id, Action.APPROVE, "同意")
    assert detail.summary.step_name == "财务确认调薪"
    detail = engine.act(login(fx, "finance"), flow_id, Action.APPROVE, "同意")
    assert detail.summary.status is FlowStatus.COMPLETED
    assert user_id(fx, "hr") not in task_holders(fx, flow_id)
    assert {t.actor_name for t in detail.transitions if t.action is Action.APPROVE} == {"周人事", "钱财务"}
    assert deep_check.deep_check(login(fx, "auditor")).ok


def test_the_stuck_list_and_naming_a_handler_are_the_administrators(fx):
    detail = raise_for(fx, login(fx, "hr"), "王经理")
    for username in ("hr", "finance", "manager", "auditor"):
        with pytest.raises(PermissionDenied):
            stuck.stuck_flows(login(fx, username))
        with pytest.raises(PermissionDenied):
            stuck.assign_stuck(login(fx, username), detail.summary.id, user_id(fx, "lead"), "代为审批")


def test_naming_a_handler_refuses_the_initiator_the_subject_and_no_reason(fx):
    admin = login(fx, "admin")
    flow_id = raise_for(fx, login(fx, "hr"), "王经理").summary.id
    with pytest.raises(ValidationError) as info:
        stuck.assign_stuck(admin, flow_id, user_id(fx, "lead"), "  ")
    assert "reason" in info.value.errors
    for username in ("hr", "manager"):  # the initiator; the subject's account
        with pytest.raises(ValidationError) as info:
            stuck.assign_stuck(admin, flow_id, user_id(fx, username), "只有他了")
        assert "发起人或当事人" in info.value.errors["user_id"]
    gone = add_account(fx, "old", "老员工", {Role.HR})
    users.update_account(admin, gone, display_name="老员工", roles={Role.HR}, employee_id=None, active=False)
    with pytest.raises(ValidationError, match="停用"):
        stuck.assign_stuck(admin, flow_id, gone, "代为审批")
    with pytest.raises(NotFound):
        stuck.assign_stuck(admin, 4242, user_id(fx, "lead"), "代为审批")
    stuck.assign_stuck(admin, flow_id, user_id(fx, "lead"), "陈工代为审批")
    with pytest.raises(StateError, match="已有处理人"):
        stuck.assign_stuck(admin, flow_id, user_id(fx, "finance"), "再指定一个")
    trail = audit_log.list_entries(login(fx, "auditor"), entity_type="flow", entity_id=flow_id)
    assign = next(e for e in trail if e.action == "flow.assign")
    assert assign.after == {"step": 0, "user": "lead", "reason": "陈工代为审批"}


def test_an_administrator_who_proposed_the_flow_may_not_name_its_handler(fx):
    admin = login(fx, "admin")
    add_account(fx, "boss", "老板", {Role.ADMIN, Role.HR})
    hr = user_id(fx, "hr")
    users.update_account(admin, hr, display_name="刘人事", roles={Role.HR}, employee_id=fx.emps["刘人事"], active=False)
    flow_id = raise_for(fx, login(fx, "boss"), "王经理").summary.id  # the only active 人事 now
    assert [s.id for s in stuck.stuck_flows(login(fx, "boss"))] == [flow_id]
    with pytest.raises(PermissionDenied, match="发起人或当事人"):
        stuck.assign_stuck(login(fx, "boss"), flow_id, user_id(fx, "lead"), "陈工代为审批")
    stuck.assign_stuck(admin, flow_id, user_id(fx, "lead"), "陈工代为审批")


def test_an_employees_own_resignation_never_reaches_their_own_account(fx):
    # 李四 is the only active 人事 account, and resigns.
    admin = login(fx, "admin")
    add_account(fx, "lisi", "李四", {Role.HR, Role.EMPLOYEE}, "李四")
    hr = user_id(fx, "hr")
    users.update_account(admin, hr, display_name="刘人事", roles={Role.HR}, employee_id=fx.emps["刘人事"], active=False)
    li = login(fx, "lisi")
    detail = separations.start(li, fx.emps["李四"], SeparationReason.RESIGNATION, date(2026, 4, 1), "个人原因")
    flow_id = detail.summary.id
    detail = engine.act(login(fx, "manager"), flow_id, Action.APPROVE, "同意")
    assert detail.summary.step_name == "人事审核"
    assert detail.assignees == ["系统管理员"] and detail.assignee_note == "没有其他人事账号，由管理员代办"
    assert engine.inbox(li) == []
    with pytest.raises(PermissionDenied, match="发起人或当事人"):
        engine.act(li, flow_id, Action.APPROVE, "批准我自己")
    engine.act(admin, flow_id, Action.APPROVE, "同意")
    verify_average_wage(fx.db, fx.emps["李四"])
    detail = engine.act(login(fx, "finance"), flow_id, Action.APPROVE, "同意")
    assert detail.summary.step_name == "人事归档" and detail.assignees == ["系统管理员"]
    assert user_id(fx, "lisi") not in task_holders(fx, flow_id)


def test_an_hr_employees_own_transfer_never_reaches_them_nor_its_proposer(fx):
    admin = login(fx, "admin")
    add_account(fx, "hr2", "周人事", {Role.HR})
    subject, proposer = user_id(fx, "hr"), user_id(fx, "hr2")
    detail = raise_for(fx, login(fx, "hr2"), "刘人事", "15000")
    flow_id = detail.summary.id
    # 刘人事 has no manager, and the two 人事 are the subject and the proposer.
    assert detail.stuck and detail.summary.step_name == "原直属上级审批"
    stuck.assign_stuck(admin, flow_id, user_id(fx, "manager"), "由销售部王经理代为审批")
    detail = engine.act(login(fx, "manager"), flow_id, Action.APPROVE, "同意")
    assert detail.summary.step_name == "人事审核" and detail.assignees == ["系统管理员"]
    for username in ("hr", "hr2"):
        with pytest.raises(PermissionDenied, match="发起人或当事人"):
            engine.act(login(fx, username), flow_id, Action.APPROVE, "同意")
    engine.act(admin, flow_id, Action.APPROVE, "同意")
    detail = engine.act(login(fx, "finance"), flow_id, Action.APPROVE, "同意")
    assert detail.summary.status is FlowStatus.COMPLETED
    assert task_holders(fx, flow_id) & {subject, proposer} == set()


def test_the_initiator_and_the_subject_are_refused_even_with_a_task_put_in_by_hand(fx):
    hr = login(fx, "hr")
    add_account(fx, "zhaoliu", "赵六", {Role.EMPLOYEE}, "赵六")
    flow_id = raise_for(fx, hr, "赵六", "15000").summary.id
    barred = [user_id(fx, "hr"), user_id(fx, "zhaoliu")]
    with fx.db.session() as session, session.begin():
        instance = session.get(FlowInstance, flow_id)
        for barred_user in barred:
            session.add(
                FlowTask(
                    instance_id=flow_id,
                    step_index=instance.step_index,
                    user_id=barred_user,
                    reason="手工插入",
                    created_at=instance.step_started_at,
                )
            )
    for username in ("hr", "zhaoliu"):
        ctx = login(fx, username)
        for action in (Action.APPROVE, Action.REJECT, Action.RETURN):
            with pytest.raises(PermissionDenied, match="发起人或当事人"):
                engine.act(ctx, flow_id, action, "自己处理")
        assert Action.APPROVE not in engine.get(ctx, flow_id).my_actions
        assert engine.inbox(ctx) == []
    detail = engine.get(hr, flow_id)
    assert detail.assignees == ["王经理"] and detail.summary.step_name == "原直属上级审批"


def test_a_proposal_stands_for_the_proposers_own_step_only_when_someone_else_decides_after(fx):
    admin, manager = login(fx, "admin"), login(fx, "manager")
    # 王经理 proposing for his report: his own 直属上级 step passes, 人事 still decides.
    detail = lifecycle.start_transfer(
        manager, fx.emps["李四"], EFFECTIVE, {"position_id": fx.positions["工程师"]}, "转岗"
    )
    assert "发起人即本步审批人，自动通过" in [t.comment for t in detail.transitions]
    assert detail.summary.step_name == "人事审核" and detail.assignees == ["刘人事"]
    engine.act(manager, detail.summary.id, Action.WITHDRAW, "重新发起")
    # With the 直属上级 the only step, passing it would leave the proposal approved by nobody else.
    definitions.save(
        admin, FlowDefinition(FlowKind.TRANSFER, "简化调动", (StepDef("manager", "直属上级审批", ActorKind.MANAGER),))
    )
    detail = lifecycle.start_transfer(
        manager, fx.emps["李四"], EFFECTIVE, {"position_id": fx.positions["工程师"]}, "转岗"
    )
    assert detail.summary.status is FlowStatus.RUNNING
    assert detail.assignees == ["刘人事"] and detail.assignee_note == "直属上级是发起人或当事人本人，由人事代办"
    assert user_id(fx, "manager") not in task_holders(fx, detail.summary.id)


def test_a_flow_whose_only_handler_was_disabled_is_listed_and_can_be_given_to_someone_else(fx):
    admin = login(fx, "admin")
    flow_id = raise_for(fx, login(fx, "hr"), "赵六", "15000").summary.id
    assert stuck.stuck_flows(admin) == []  # 王经理 has it
    manager = user_id(fx, "manager")
    users.update_account(
        admin, manager, display_name="王经理", roles={Role.MANAGER}, employee_id=fx.emps["王经理"], active=False
    )
    [listed] = stuck.stuck_flows(admin)
    assert listed.id == flow_id and "停用" in listed.reason
    assert engine.get(login(fx, "hr"), flow_id).stuck
    stuck.assign_stuck(admin, flow_id, user_id(fx, "lead"), "王经理已离开，由陈工审批")
    detail = engine.act(login(fx, "lead"), flow_id, Action.APPROVE, "同意")
    assert detail.summary.step_name == "人事审核"

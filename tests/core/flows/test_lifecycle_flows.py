"""Onboarding, confirmation and transfer flows, definitions as versioned data, and e-mail delivery
that survives a server being down."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from hrdesk.core.accounts import auth, users
from hrdesk.core.flows import definitions, engine, lifecycle, lifecycle_jobs, mail, notices, separations
from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.flows.workflow import Action, ActorKind, FlowDefinition, FlowKind, FlowStatus, StepDef
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.kernel.errors import PermissionDenied, StateError, ValidationError
from hrdesk.core.kernel.permissions import Role
from hrdesk.core.people import employees
from hrdesk.core.people.employee_rules import EmployeeStatus
from tests.helpers import employee_input, make_card, make_id
from tests.smtp_sink import SmtpSink, free_port

NOW = datetime(2026, 3, 2, 9, 0)


@pytest.fixture
def fx(company):
    company.clock = FixedClock(NOW)
    return company


def login(fx, name):
    return auth.login(fx.db, name, fx.users[name], fx.clock)


def approve_all(fx, flow_id):
    """Approve every step as its first assignee (logging in as them)."""
    detail = engine.get(fx.system, flow_id)
    while detail.summary.status is FlowStatus.RUNNING:
        user = detail.assignees[0]
        username = {"王经理": "manager", "陈工": "lead", "刘人事": "hr", "钱财务": "finance", "系统管理员": "admin"}[
            user
        ]
        detail = engine.act(login(fx, username), flow_id, Action.APPROVE, "同意")
    return detail


def test_confirmation_by_manager_sets_regular_and_date(fx):
    hr = login(fx, "hr")
    li = employees.get(hr, fx.emps["李四"])
    data = employee_input(
        "E000002",
        "李四",
        fx.depts["销售部"],
        2,
        manager_id=fx.emps["王经理"],
        position_id=li.position_id,
        status=EmployeeStatus.PROBATION,
        probation_end_date=date(2026, 3, 31),
        hire_date=date(2025, 10, 1),
    )
    employees.update(fx.system, li.id, data, li.version)  # the setting: 李四 on probation
    with pytest.raises(PermissionDenied):
        lifecycle.start_confirmation(login(fx, "staff"), li.id, date(2026, 4, 1), "表现良好")
    with pytest.raises(ValidationError) as info:
        lifecycle.start_confirmation(login(fx, "manager"), li.id, date(2025, 9, 1), "")
    assert {"confirmation_date", "evaluation"} <= set(info.value.errors)
    detail = lifecycle.start_confirmation(login(fx, "manager"), li.id, date(2026, 4, 1), "试用期表现良好，同意转正。")
    assert detail.assignees == ["刘人事"]  # the proposing manager's own step passed automatically
    assert detail.transitions[-1].comment == "发起人即本步审批人，自动通过"
    assert approve_all(fx, detail.summary.id).summary.status is FlowStatus.COMPLETED
    after = employees.get(hr, li.id)
    assert after.status is EmployeeStatus.REGULAR
    with pytest.raises(StateError, match="不在试用期"):
        lifecycle.start_confirmation(hr, li.id, date(2026, 4, 1), "再来一次")


def test_transfer_with_future_date_applies_on_that_day(fx):
    hr = login(fx, "hr")
    with pytest.raises(ValidationError) as info:
        lifecycle.start_transfer(hr, fx.emps["赵六"], date(2026, 4, 1), {"base_salary": "abc"}, "调薪")
    assert "base_salary" in info.value.errors
    with pytest.raises(ValidationError, match="没有任何变动"):
        lifecycle.start_transfer(hr, fx.emps["赵六"], date(2026, 4, 1), {"base_salary": "12000"}, "调薪")
    detail = lifecycle.start_transfer(
        hr, fx.emps["赵六"], date(2026, 4, 1), {"base_salary": "15000", "manager_id": fx.emps["陈工"]}, "晋升"
    )
    assert [s.name for s in detail.steps if s.state != "not_applicable"] == [
        "原直属上级审批",
        "新直属上级确认",
        "人事审核",
        "财务确认调薪",
    ]
    approve_all(fx, detail.summary.id)
    assert employees.get(hr, fx.emps["赵六"]).base_salary == Decimal("12000.00")  # not yet
    assert lifecycle_jobs.apply_due_changes(fx.db, fx.clock) == 0
    fx.clock.advance(timedelta(days=30))  # 1 April
    assert lifecycle_jobs.apply_due_changes(fx.db, fx.clock) == 1
    assert lifecycle_jobs.apply_due_changes(fx.db, fx.clock) == 0  # once only
    after = employees.get(hr, fx.emps["赵六"])
    assert after.base_salary == Decimal("15000.00") and after.manager_id == fx.emps["陈工"]


def test_onboarding_creates_employee_account_and_checklist(fx):
    hr = login(fx, "hr")
    data = employee_input(
        "E000050",
        "新同事",
        fx.depts["销售部"],
        50,
        manager_id=fx.emps["王经理"],
        hire_date=date(2026, 3, 16),
        probation_end_date=date(2026, 6, 15),
        status=EmployeeStatus.PROBATION,
        id_number=make_id(seq=555, birth=date(1998, 8, 8)),
        bank_account=make_card(serial=555),
    )
    with pytest.raises(PermissionDenied):
        lifecycle.start_onboarding(login(fx, "manager"), data)
    detail = lifecycle.start_onboarding(hr, data, "xintongshi", {Role.EMPLOYEE})
    assert detail.assignees == ["王经理"] and employees.count(fx.system) == 8
    detail = approve_all(fx, detail.summary.id)
    assert detail.summary.status is FlowStatus.COMPLETED and employees.count(fx.system) == 9
    assert detail.summary.subject_name == "新同事"
    account = next(a for a in users.list_accounts(login(fx, "admin")) if a.username == "xintongshi")
    assert account.must_change_password
    message = next(n for n in notices.my_notifications(hr) if n.title.startswith("新员工账号"))
    password = message.body.split("临时密码：")[1].split()[0]
    assert auth.login(fx.db, "xintongshi", password, fx.clock).actor.employee_id is not None
    assert len(engine.get(hr, detail.summary.id).checklist) == 0  # onboarding items are not a separation's
    from hrdesk.core.flows import checklists

    assert any(i.title == "签订劳动合同" for i in checklists.my_open_items(hr))


def test_edited_definition_applies_to_new_flows_only(fx):
    admin, hr = login(fx, "admin"), login(fx, "hr")
    before = separations.start(hr, fx.emps["赵六"], SeparationReason.MUTUAL, date(2026, 4, 30), "协商").summary
    short = FlowDefinition(
        FlowKind.SEPARATION,
        "简化离职",
        (
            StepDef("hr", "人事审核", ActorKind.ROLE, Role.HR),
            StepDef("archive", "人事归档", ActorKind.ROLE, Role.HR, requires_checklist_closed=False),
        ),
    )
    saved = definitions.save(admin, short)
    assert saved.definition.version == 2
    after = separations.start(hr, fx.emps["周七"], SeparationReason.MUTUAL, date(2026, 4, 30), "协商").summary
    assert engine.get(hr, before.id).definition_version == 1
    assert engine.get(hr, before.id).summary.step_name == "直属上级审批"
    assert engine.get(hr, after.id).definition_version == 2
    assert engine.get(hr, after.id).summary.step_name == "人事审核"
    with pytest.raises(PermissionDenied):
        definitions.save(hr, short)


@pytest.mark.parametrize(
    "steps, field",
    [
        ((), "steps"),
        ((StepDef("x", "人事", ActorKind.ROLE, None),), "steps.1.role"),
    ],
)
def test_invalid_definitions_are_refused(fx, steps, field):
    with pytest.raises(ValidationError) as info:
        definitions.save(login(fx, "admin"), FlowDefinition(FlowKind.SEPARATION, "坏", steps))
    assert field in info.value.errors
    assert definitions.current(fx.system, FlowKind.SEPARATION).definition.version == 1


def test_mail_waits_while_the_server_is_down_and_goes_when_it_is_up(fx):
    port = free_port()
    mail.save_settings(login(fx, "admin"), mail.SmtpSettings("127.0.0.1", port, "none", "", "hr@example.cn"), None)
    separations.start(login(fx, "hr"), fx.emps["赵六"], SeparationReason.MUTUAL, date(2026, 4, 30), "协商")
    first = mail.deliver_due(fx.db, fx.clock.now())  # nothing listens on the port
    assert first.sent == 0 and first.failed >= 1 and first.pending >= 1 and first.last_error
    fx.db.dispose()  # "the program is closed"; nothing is lost
    from hrdesk.core.company import setup as company_service

    fx.db = company_service.open_company(fx.data_dir)
    assert mail.deliver_due(fx.db, fx.clock.now()).failed == 0  # not due again yet (backoff)
    sink = SmtpSink(port).start()
    try:
        fx.clock.advance(timedelta(minutes=2))
        report = mail.deliver_due(fx.db, fx.clock.now())
    finally:
        sink.stop()
    assert report.sent == first.pending and report.pending == 0
    assert [m["Subject"] for m in sink.messages] == ["待您审批：E000003 赵六 离职（协商解除）"]
    assert sink.recipients() == {"e000001@example.cn"}


def test_backoff_grows_and_is_capped():
    assert [mail.backoff(n).total_seconds() / 60 for n in (1, 2, 3, 4)] == [1, 2, 4, 8]
    assert mail.backoff(20) == timedelta(hours=1)


def test_proposal_is_masked_for_approvers_without_salary_rights(fx):
    detail = lifecycle.start_transfer(
        login(fx, "hr"),
        fx.emps["赵六"],
        date(2026, 4, 1),
        {"base_salary": "15000", "manager_id": fx.emps["陈工"]},
        "晋升",
    )
    hr_view = engine.get(login(fx, "hr"), detail.summary.id).payload
    manager_view = engine.get(login(fx, "manager"), detail.summary.id).payload
    assert hr_view["changes"]["base_salary"] == {"from": "12000.00", "to": "15000.00"}
    assert manager_view["changes"]["base_salary"] == {"from": "****", "to": "****"}
    assert manager_view["labels"]["manager_id"] == {"from": "王经理", "to": "陈工"}


def test_checklist_owners_may_read_the_flow(fx):
    flow = separations.start(
        login(fx, "hr"), fx.emps["赵六"], SeparationReason.MUTUAL, date(2026, 4, 30), "协商"
    ).summary
    admin = login(fx, "admin")  # 行政/IT owns the laptop and account items
    assert engine.get(admin, flow.id).my_actions == ()
    with pytest.raises(PermissionDenied):
        engine.get(login(fx, "staff"), flow.id)


def test_concurrent_definition_edits_are_refused(fx):
    from hrdesk.core.kernel.errors import Conflict

    admin = login(fx, "admin")
    current = definitions.current(admin, FlowKind.SEPARATION)
    edited = FlowDefinition(
        FlowKind.SEPARATION,
        "离职审批",
        current.definition.steps[:-1]
        + (StepDef("archive", "人事归档", ActorKind.ROLE, Role.HR, requires_checklist_closed=True),),
    )
    definitions.save(admin, edited, expected_version=1)
    with pytest.raises(Conflict, match="第2版"):
        definitions.save(admin, edited, expected_version=1)


def test_department_template_covers_sub_departments_and_needs_titles(fx):
    from hrdesk.core.flows import checklists
    from hrdesk.core.flows.checklist_rules import ItemCategory, ItemOwner, ItemTemplate

    admin = login(fx, "admin")
    with pytest.raises(ValidationError, match="缺少事项名称"):
        checklists.save_template(
            admin, fx.depts["销售部"], None, [ItemTemplate(ItemCategory.DOCUMENTS, " ", ItemOwner.MANAGER)]
        )
    checklists.save_template(
        admin, fx.depts["销售部"], None, [ItemTemplate(ItemCategory.DOCUMENTS, "客户名单移交", ItemOwner.MANAGER)]
    )
    detail = separations.start(
        login(fx, "hr"), fx.emps["赵六"], SeparationReason.MUTUAL, date(2026, 4, 30), "协商"
    )  # 赵六 works in 华东销售部, under 销售部
    assert "客户名单移交" in {i.title for i in detail.checklist}


def test_pending_onboarding_reserves_its_numbers(fx):
    hr = login(fx, "hr")
    first = employee_input(
        "E000009",
        "甲",
        fx.depts["销售部"],
        60,
        hire_date=date(2026, 3, 16),
        probation_end_date=date(2026, 6, 15),
        status=EmployeeStatus.PROBATION,
        id_number=make_id(seq=601, birth=date(1997, 1, 1)),
        bank_account=make_card(serial=601),
    )
    assert lifecycle.suggest_emp_no(hr) == "E000009"
    lifecycle.start_onboarding(hr, first)
    assert lifecycle.suggest_emp_no(hr) == "E000010"
    second = employee_input(
        "E000009",
        "乙",
        fx.depts["销售部"],
        61,
        hire_date=date(2026, 3, 16),
        probation_end_date=date(2026, 6, 15),
        status=EmployeeStatus.PROBATION,
        id_number=make_id(seq=601, birth=date(1997, 1, 1)),
        bank_account=make_card(serial=602),
    )
    with pytest.raises(ValidationError) as info:
        lifecycle.start_onboarding(hr, second)
    assert {"emp_no", "id_number"} <= set(info.value.errors)

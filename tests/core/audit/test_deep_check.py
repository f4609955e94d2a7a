"""audit verify --deep (issue 12): the stored records are what the trail says they became, so an
edit that bypassed the services is found and named, while the hash chain alone still says OK."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from hrdesk.core.accounts import users
from hrdesk.core.accounts.tables import User
from hrdesk.core.audit import audit_log, deep_check
from hrdesk.core.documents import issuing
from hrdesk.core.documents.tables import IssuedDocument
from hrdesk.core.flows import checklists, engine, lifecycle, separations
from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.flows.tables import FlowInstance
from hrdesk.core.flows.workflow import Action, FlowStatus
from hrdesk.core.kernel import audit_chain
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import PermissionDenied
from hrdesk.core.kernel.permissions import Actor, Role
from hrdesk.core.kernel.persistence.datadir import DataDir
from hrdesk.core.kernel.persistence.tables import AuditRecord
from hrdesk.core.payroll import runs
from hrdesk.core.payroll.tables import PayrollResult, PayrollRun
from hrdesk.core.people import custom_fields, employees
from hrdesk.core.people.custom_field_types import FieldType
from hrdesk.core.people.employee_rules import EmployeeStatus
from hrdesk.core.people.tables import Employee
from tests.demo_company import Demo, build_demo
from tests.helpers import USER_PASSWORD, employee_input, make_card, make_id, verify_average_wage

NOW = datetime(2026, 3, 2, 9, 30)


def tamper(db, *statements: tuple[str, tuple], foreign_keys: bool = True) -> None:
    """Change the tables with plain SQL, as someone with the database key and an SQL editor would
    (which enforces no foreign keys unless asked)."""
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        if not foreign_keys:
            cursor.execute("PRAGMA foreign_keys = OFF")
        for sql, params in statements:
            cursor.execute(sql, params)
        raw.commit()
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        raw.close()


def messages(report: deep_check.DeepReport) -> list[str]:
    return [m.message for m in report.mismatches]


# --- the demo company: nothing to report, then each attack found -----------------------------------


@pytest.fixture
def demo(tmp_path):
    """A fresh 200-person demo (flows at every stage, two paid payroll months) with a 在职证明 in
    the register; each test attacks its own."""
    built = build_demo(DataDir(tmp_path / "demo"))
    built.system = ServiceContext(built.db, Actor.system(), built.clock)  # type: ignore[attr-defined]
    with built.system.read() as session:  # type: ignore[attr-defined]
        regular = session.execute(
            select(Employee.id).where(Employee.status == EmployeeStatus.REGULAR.value).order_by(Employee.id).limit(1)
        ).scalar_one()
    issuing.employment_certificate(built.system, regular, purpose="办理签证")  # type: ignore[attr-defined]
    yield built
    built.db.dispose()


def _count(session, model) -> int:
    return session.execute(select(func.count()).select_from(model)).scalar_one()


def test_the_demo_company_is_what_its_trail_says(demo):
    report = deep_check.deep_check(demo.system)
    assert report.chain.ok and report.mismatches == () and report.ok
    with demo.system.read() as session:
        expected = {
            deep_check.EMPLOYEE: _count(session, Employee),
            deep_check.USER: _count(session, User),
            deep_check.PAYROLL_RUN: _count(session, PayrollRun),
            deep_check.PAYROLL_RESULT: _count(session, PayrollResult),
            deep_check.FLOW: _count(session, FlowInstance),
            deep_check.DOCUMENT: _count(session, IssuedDocument),
        }
    assert report.checked == expected
    assert expected[deep_check.EMPLOYEE] == 200 and expected[deep_check.PAYROLL_RUN] == 2
    assert expected[deep_check.FLOW] >= 5 and expected[deep_check.DOCUMENT] == 1


@dataclass(frozen=True)
class Person:
    id: int
    emp_no: str
    name: str
    base_salary: Decimal


def _person(demo: Demo, offset: int = 10) -> Person:
    with demo.system.read() as session:  # type: ignore[attr-defined]
        row = session.execute(
            select(Employee.id, Employee.emp_no, Employee.name, Employee.base_salary)
            .order_by(Employee.id)
            .offset(offset)
            .limit(1)
        ).one()
    return Person(*row)


def attack_salary(demo: Demo) -> list[str]:
    person = _person(demo)
    tamper(demo.db, ("UPDATE employees SET base_salary = base_salary + 100000 WHERE id = ?", (person.id,)))
    return [f"员工 {person.emp_no} {person.name}：基本工资 数据库中为 {person.base_salary + 1000:.2f}，操作日志记录为 "]


def attack_roles(demo: Demo) -> list[str]:
    tamper(
        demo.db,
        ("UPDATE user_roles SET role = 'admin' WHERE user_id = (SELECT id FROM users WHERE username = 'staff')", ()),
    )
    return [f"账号 staff：角色 数据库中为 {Role.ADMIN.label}，操作日志记录为 {Role.EMPLOYEE.label}"]


def attack_net_pay(demo: Demo) -> list[str]:
    with demo.system.read() as session:  # type: ignore[attr-defined]
        result_id, month, net, emp_no, name = session.execute(
            select(PayrollResult.id, PayrollRun.month, PayrollResult.net_pay, Employee.emp_no, Employee.name)
            .join(PayrollRun, PayrollRun.id == PayrollResult.run_id)
            .join(Employee, Employee.id == PayrollResult.employee_id)
            .order_by(PayrollRun.month, PayrollResult.employee_id)
            .limit(1)
        ).one()
    tamper(demo.db, ("UPDATE payroll_results SET net_pay = net_pay + 50000 WHERE id = ?", (result_id,)))
    run = f"工资核算 {month.year}年{month.month:02d}月"
    return [
        f"{run}：各人工资结果与计算时记录的不一致",
        f"{run} 员工 {emp_no} {name}：实发工资 数据库中为 {net + 500:.2f}，该人工资条明细为 {net:.2f}",
        f"{run}：各人结果相加的实发合计 数据库中为 ",
    ]


def attack_flow_status(demo: Demo) -> list[str]:
    with demo.system.read() as session:  # type: ignore[attr-defined]
        flow_id, title = session.execute(
            select(FlowInstance.id, FlowInstance.title)
            .where(FlowInstance.status == FlowStatus.RUNNING.value)
            .order_by(FlowInstance.id)
            .limit(1)
        ).one()
    tamper(demo.db, ("UPDATE flow_instances SET status = 'completed' WHERE id = ?", (flow_id,)))
    return [f"流程 #{flow_id} {title}：状态 数据库中为 已完成，操作日志记录为 审批中"]


def attack_document_hash(demo: Demo) -> list[str]:
    with demo.system.read() as session:  # type: ignore[attr-defined]
        number, digest = session.execute(select(IssuedDocument.number, IssuedDocument.sha256)).one()
    forged = "f" * 64
    tamper(demo.db, ("UPDATE issued_documents SET sha256 = ? WHERE number = ?", (forged, number)))
    return [f"证明文件 {number}（在职证明）：文件哈希（SHA-256） 数据库中为 {forged}，操作日志记录为 {digest}"]


def attack_insert_employee(demo: Demo) -> list[str]:
    model = _person(demo)
    tamper(
        demo.db,
        (
            "INSERT INTO employees (emp_no, name, id_number, gender, birth_date, department_id, hire_date, status,"
            " base_salary, created_at, updated_at, version) SELECT 'E999999', '幽灵员工', ?, gender, birth_date,"
            " department_id, hire_date, status, base_salary, created_at, updated_at, 1 FROM employees WHERE id = ?",
            (make_id(seq=999, birth=date(1990, 1, 1)), model.id),
        ),
    )
    return ["员工 E999999 幽灵员工：数据库中有这条记录，但操作日志中没有新建它的记录"]


def attack_delete_employee(demo: Demo) -> list[str]:
    person = _person(demo, offset=30)
    tamper(demo.db, ("DELETE FROM employees WHERE id = ?", (person.id,)), foreign_keys=False)
    return [f"员工 {person.emp_no} {person.name}：操作日志记录了新建、没有删除它的记录，但数据库中已没有这条记录"]


@pytest.mark.parametrize(
    "attack",
    [
        attack_salary,
        attack_roles,
        attack_net_pay,
        attack_flow_status,
        attack_document_hash,
        attack_insert_employee,
        attack_delete_employee,
    ],
    ids=lambda a: a.__name__,
)
def test_an_edit_past_the_services_is_found_and_named(demo, attack):
    expected = attack(demo)
    assert audit_log.verify_chain(demo.system).ok  # the chain alone sees nothing
    report = deep_check.deep_check(demo.system)
    assert report.chain.ok and not report.ok
    found = messages(report)
    for text in expected:
        assert any(m.startswith(text) for m in found), (text, found)


def test_a_salary_changed_directly_is_named_with_both_values(demo):
    person = _person(demo)
    attack_salary(demo)
    (mismatch,) = deep_check.deep_check(demo.system).mismatches
    assert (mismatch.entity_type, mismatch.entity_id, mismatch.problem, mismatch.field) == (
        "employee",
        str(person.id),
        "changed",
        "base_salary",
    )
    recorded = mismatch.message.rsplit("操作日志记录为 ", 1)[1]
    assert Decimal(recorded) == person.base_salary  # compared and shown as an amount, not as text


def test_the_auditor_sees_the_values_masked(demo):
    person = _person(demo)
    attack_salary(demo)
    auditor = deep_check.deep_check(demo.login("auditor"))
    assert auditor.masked
    assert messages(auditor) == [f"员工 {person.emp_no} {person.name}：基本工资 数据库中为 ****，操作日志记录为 ****"]
    assert not deep_check.deep_check(demo.system).masked
    assert deep_check.deep_check(demo.system, mask=True).mismatches == auditor.mismatches


def test_only_auditors_may_run_it(demo):
    for username in ("admin", "hr", "finance", "staff"):
        with pytest.raises(PermissionDenied):
            deep_check.deep_check(demo.login(username))
    assert deep_check.deep_check(demo.login("auditor")).ok


def test_a_broken_chain_is_reported_before_anything_else(demo):
    attack_salary(demo)
    tamper(demo.db, ("UPDATE audit_log SET summary = '改过' WHERE seq = 5", ()))
    report = deep_check.deep_check(demo.system)
    assert not report.ok and report.chain.first_break is not None and report.chain.first_break.seq == 5
    assert report.mismatches == () and report.checked == {}  # a tampered trail proves nothing


# --- every path that changes these records leaves values the check follows -------------------------


@pytest.fixture
def fx(company):
    company.clock = FixedClock(NOW)
    company.sys = ServiceContext(company.db, Actor.system(), company.clock)
    return company


def _approve_all(fx, flow_id: int) -> engine.FlowDetail:
    """Every step approved (by the system, which may take any step), the handover confirmed."""
    detail = engine.get(fx.sys, flow_id)
    while detail.summary.status is FlowStatus.RUNNING:
        for item in detail.checklist:
            if item.status.value == "open":
                checklists.confirm(fx.sys, item.id, "已完成")
        current = [s.name for s in detail.steps if s.state == "current"]
        if detail.summary.kind.value == "separation" and current and "财务" in current[0]:
            verify_average_wage(fx.db, detail.summary.subject_employee_id)
        detail = engine.act(fx.sys, flow_id, Action.APPROVE, "同意")
    return detail


def _assert_clean(fx) -> deep_check.DeepReport:
    report = deep_check.deep_check(fx.sys)
    assert messages(report) == [] and report.ok
    return report


def test_register_edits_and_company_defined_fields(fx):
    field = custom_fields.create_definition(fx.sys, "title", "职称", FieldType.TEXT)
    li = employees.get(fx.sys, fx.emps["李四"])

    def data(**changes):
        return employee_input(
            "E000002",
            "李四",
            fx.depts["销售部"],
            2,
            manager_id=fx.emps["王经理"],
            position_id=li.position_id,
            **changes,
        )

    li = employees.update(fx.sys, li.id, data(base_salary="15000", custom={"title": "中级"}), li.version)
    _assert_clean(fx)
    # a field put out of use keeps its stored values, which the next edit no longer lists
    custom_fields.update_definition(fx.sys, field.id, label="职称", active=False)
    li = employees.update(fx.sys, li.id, data(base_salary="15000", phone="13900000000"), li.version)
    _assert_clean(fx)
    tamper(fx.db, ("UPDATE employees SET phone = '13000000000' WHERE id = ?", (li.id,)))
    assert messages(deep_check.deep_check(fx.sys)) == [
        "员工 E000002 李四：手机 数据库中为 13000000000，操作日志记录为 13900000000"
    ]


def test_a_correction_is_followed_like_an_edit(fx):
    """The 更正 (employee.correct) puts a flow-controlled field right with the edit's before/after."""
    li = employees.get(fx.sys, fx.emps["李四"])
    data = employee_input(
        "E000002",
        "李四",
        fx.depts["销售部"],
        2,
        manager_id=fx.emps["王经理"],
        position_id=li.position_id,
        base_salary="13000",
    )
    employees.correct(fx.login("hr"), li.id, data, li.version, "入职时录入错误，以劳动合同为准")
    _assert_clean(fx)
    tamper(fx.db, ("UPDATE employees SET base_salary = 1200000 WHERE id = ?", (li.id,)))
    assert messages(deep_check.deep_check(fx.sys)) == [
        "员工 E000002 李四：基本工资 数据库中为 12000.00，操作日志记录为 13000.00"
    ]


def test_the_flows_effects_leave_values_the_check_follows(fx):
    li = fx.emps["李四"]
    users.create_account(fx.sys, "lisi", "李四", USER_PASSWORD, {Role.EMPLOYEE}, li, must_change_password=False)
    # 调岗/调薪 effective today: applied when approved
    transfer = lifecycle.start_transfer(
        fx.sys, fx.emps["赵六"], NOW.date(), {"base_salary": "15000", "manager_id": fx.emps["陈工"]}, "晋升"
    )
    assert _approve_all(fx, transfer.summary.id).summary.status is FlowStatus.COMPLETED
    # 离职: 待离职, then separated and the account's end date
    separation = separations.start(fx.sys, li, SeparationReason.MUTUAL, date(2026, 3, 31), "协商一致")
    assert _approve_all(fx, separation.summary.id).summary.status is FlowStatus.COMPLETED
    # 入职 with an account, then 转正
    new = employee_input(
        "E000050",
        "新同事",
        fx.depts["销售部"],
        50,
        manager_id=fx.emps["王经理"],
        hire_date=NOW.date(),
        probation_end_date=date(2026, 6, 1),
        status=EmployeeStatus.PROBATION,
        id_number=make_id(seq=555, birth=date(1998, 8, 8)),
        bank_account=make_card(serial=555),
    )
    onboarding = lifecycle.start_onboarding(fx.sys, new, "xintongshi", {Role.EMPLOYEE})
    assert _approve_all(fx, onboarding.summary.id).summary.status is FlowStatus.COMPLETED
    new_id = employees.id_by_emp_no(fx.sys, "E000050")
    confirmation = lifecycle.start_confirmation(fx.sys, new_id, date(2026, 4, 1), "表现良好")
    assert _approve_all(fx, confirmation.summary.id).summary.status is FlowStatus.COMPLETED
    # returned, resubmitted and withdrawn; rejected (the 待离职 undone)
    raise_for = lifecycle.start_transfer(fx.sys, fx.emps["孙员工"], date(2026, 5, 1), {"base_salary": "13000"}, "调薪")
    engine.act(fx.sys, raise_for.summary.id, Action.RETURN, "请补充理由")
    engine.act(fx.sys, raise_for.summary.id, Action.SUBMIT, "已补充")
    engine.act(fx.sys, raise_for.summary.id, Action.WITHDRAW, "不调了")
    refused = separations.start(fx.sys, fx.emps["周七"], SeparationReason.MUTUAL, date(2026, 3, 31), "协商")
    engine.act(fx.sys, refused.summary.id, Action.REJECT, "不同意")
    report = _assert_clean(fx)
    assert report.checked[deep_check.FLOW] == 6 and report.checked[deep_check.EMPLOYEE] == 9
    with fx.sys.read() as session:
        assert session.get(Employee, li).status == EmployeeStatus.SEPARATED.value
        account = session.execute(select(User).where(User.username == "xintongshi")).scalar_one()
    # the account opened by 入职 is recorded whole: its display name is compared too
    tamper(fx.db, ("UPDATE users SET display_name = '别人' WHERE id = ?", (account.id,)))
    assert messages(deep_check.deep_check(fx.sys)) == [
        "账号 xintongshi：显示名称 数据库中为 别人，操作日志记录为 新同事"
    ]


def test_payroll_documents_and_accounts(fx):
    february = date(2026, 2, 1)
    runs.calculate_month(fx.sys, february)
    runs.calculate_month(fx.sys, february)  # recalculated
    runs.approve(fx.sys, february)
    runs.mark_paid(fx.sys, february)
    runs.calculate_month(fx.sys, date(2026, 3, 1))
    issuing.employment_certificate(fx.sys, fx.emps["王经理"], purpose="办理签证")
    issuing.reissue(fx.sys, issuing.issued(fx.sys, fx.emps["王经理"])[0].number)
    staff = next(a for a in users.list_accounts(fx.sys) if a.username == "staff")
    users.update_account(
        fx.sys,
        staff.id,
        display_name="孙员工",
        roles={Role.EMPLOYEE, Role.MANAGER},
        employee_id=staff.employee_id,
        active=True,
    )
    report = _assert_clean(fx)
    assert report.checked[deep_check.PAYROLL_RUN] == 2 and report.checked[deep_check.DOCUMENT] == 1
    assert report.checked[deep_check.PAYROLL_RESULT] == 16


def test_a_calculation_records_its_totals_and_a_digest_of_every_result(fx):
    runs.calculate_month(fx.sys, date(2026, 2, 1))
    with fx.sys.read() as session:
        run = session.execute(select(PayrollRun)).scalar_one()
        after = json.loads(
            session.execute(select(AuditRecord.after).where(AuditRecord.action == "payroll.calculate")).scalar_one()
        )
        columns = [getattr(PayrollResult, name) for name in runs.RESULT_COLUMNS]
        results = [
            dict(zip(runs.RESULT_COLUMNS, r, strict=True))
            for r in session.execute(select(*columns).where(PayrollResult.run_id == run.id))
        ]
    assert Decimal(after["total_gross"]) == run.total_gross and Decimal(after["total_tax"]) == run.total_tax
    assert Decimal(after["total_employer_cost"]) == run.total_employer_cost
    assert after["results_digest"] == runs.results_digest(results)
    results[0]["net_pay"] += Decimal("0.01")
    assert runs.results_digest(results) != after["results_digest"]


def test_entries_from_before_flows_said_where_they_went_are_not_held_against_the_flow(fx):
    """A flow entry that gives the state it left but not the one it reached (as every flow entry
    did before) leaves status and step unchecked rather than reported."""
    flow = lifecycle.start_transfer(fx.sys, fx.emps["孙员工"], date(2026, 5, 1), {"base_salary": "13000"}, "调薪")
    with fx.db.session() as session, session.begin():
        audit_chain.append(
            session,
            Actor.system(),
            NOW,
            "flow.approve",
            "flow",
            flow.summary.id,
            "旧版记录",
            {"status": "running", "step": 0},
            {"comment": "同意"},
        )
    tamper(fx.db, ("UPDATE flow_instances SET step_index = 2 WHERE id = ?", (flow.summary.id,)))
    _assert_clean(fx)


def test_a_record_saved_while_the_check_runs_is_not_taken_for_one_inserted_directly(fx, monkeypatch):
    """The chain and the tables are read as of one moment."""
    from hrdesk.core.audit import trail

    def names_after_someone_saved(session):  # called between reading the chain and the tables
        employees.create(fx.sys, employee_input("E000060", "新来的", fx.depts["销售部"], 60))
        return trail.id_names(session)

    monkeypatch.setattr(deep_check, "id_names", names_after_someone_saved)
    assert _assert_clean(fx).checked[deep_check.EMPLOYEE] == 8
    monkeypatch.undo()
    assert _assert_clean(fx).checked[deep_check.EMPLOYEE] == 9

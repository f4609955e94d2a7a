"""The demo company: deterministic, valid data (ID numbers, bank cards), a plausible organisation
and one working login per role."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

import keyring
import keyring.backends.fail
import pytest
from sqlalchemy import select
from stdnum import luhn
from stdnum.cn import ric

from hrdesk.core.accounts import auth
from hrdesk.core.accounts.passwords import password_problems
from hrdesk.core.accounts.tables import User
from hrdesk.core.company import setup
from hrdesk.core.demo import demo_company
from hrdesk.core.demo.demo_company import DemoLogin, create_demo_company
from hrdesk.core.flows import engine, lifecycle, stuck
from hrdesk.core.flows.workflow import Action
from hrdesk.core.kernel import audit_chain
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.kernel.permissions import Actor, Role
from hrdesk.core.kernel.persistence.datadir import DataDir
from hrdesk.core.org.tables import Department, Position
from hrdesk.core.people import employee_table
from hrdesk.core.people.tables import Employee
from tests.memory_keyring import MemoryKeyring

TODAY = date(2026, 3, 15)
# Per test, tests/conftest.py puts an in-memory keyring in place and removes HRDESK_DB_KEY.


@pytest.fixture(scope="module")
def demo400(tmp_path_factory):
    """One 400-person company shared by the read-only checks (building it costs about a second).
    Module-scoped, so it brings its own in-memory keyring for the moment of creation."""
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        result = create_demo_company(DataDir(tmp_path_factory.mktemp("demo400")), employees=400, seed=3, today=TODAY)
    finally:
        keyring.set_keyring(previous)
    yield result
    result.db.dispose()


def _employees(db) -> list[Employee]:
    with db.session() as session:
        return list(session.execute(select(Employee).order_by(Employee.emp_no)).scalars())


def _departments(db) -> dict[int, Department]:
    with db.session() as session:
        return {d.id: d for d in session.execute(select(Department)).scalars()}


def _positions(db) -> dict[int, str]:
    with db.session() as session:
        return dict(session.execute(select(Position.id, Position.name)).all())


_COMPARED = (
    "emp_no",
    "name",
    "id_number",
    "gender",
    "birth_date",
    "phone",
    "email",
    "department_id",
    "project_department_id",
    "position_id",
    "manager_id",
    "hire_date",
    "probation_end_date",
    "contract_type",
    "contract_start",
    "contract_end",
    "status",
    "last_working_day",
    "social_security_city",
    "base_salary",
    "bank_account",
    "bank_name",
)


def _rows(db) -> list[tuple]:
    return [tuple(getattr(e, name) for name in _COMPARED) for e in _employees(db)]


# --- determinism ----------------------------------------------------------------------------------


def test_same_seed_gives_the_same_company_and_another_seed_does_not(tmp_path):
    first = create_demo_company(DataDir(tmp_path / "a"), employees=80, seed=7, today=TODAY)
    second = create_demo_company(DataDir(tmp_path / "b"), employees=80, seed=7, today=TODAY)
    other = create_demo_company(DataDir(tmp_path / "c"), employees=80, seed=8, today=TODAY)
    try:
        assert _rows(first.db) == _rows(second.db)
        assert first.logins == second.logins
        assert first.recovery_key != second.recovery_key  # the key is random, the data is not
        other_rows = _rows(other.db)
        assert len(other_rows) == 80
        assert {r[2] for r in other_rows}.isdisjoint({r[2] for r in _rows(first.db)})  # ID numbers
        assert [login.password for login in other.logins] != [login.password for login in first.logins]
    finally:
        for result in (first, second, other):
            result.db.dispose()


def test_generation_does_not_touch_the_global_random_generator(tmp_path):
    import random

    random.seed(12345)
    expected = random.random()
    random.seed(12345)
    result = create_demo_company(DataDir(tmp_path / "d"), employees=30, seed=1, today=TODAY)
    result.db.dispose()
    assert random.random() == expected


# --- the people -----------------------------------------------------------------------------------


def test_every_id_number_is_valid_and_matches_gender_and_birth_date(demo400):
    employees = _employees(demo400.db)
    assert len(employees) == 400 == demo400.employee_count
    for e in employees:
        assert ric.is_valid(e.id_number), e.id_number
        assert ric.get_birth_date(e.id_number) == e.birth_date
        assert e.gender == ("M" if int(e.id_number[16]) % 2 else "F")
        age_at_hire = (
            e.hire_date.year
            - e.birth_date.year
            - ((e.hire_date.month, e.hire_date.day) < (e.birth_date.month, e.birth_date.day))
        )
        assert 20 <= age_at_hire <= 58, (e.emp_no, age_at_hire)
    assert len({e.id_number for e in employees}) == 400
    genders = Counter(e.gender for e in employees)
    assert genders["M"] > 100 and genders["F"] > 100


def test_every_bank_card_is_valid_with_a_real_bin_and_matching_bank(demo400):
    banks = {
        "622202": "中国工商银行",
        "621700": "中国建设银行",
        "622848": "中国农业银行",
        "621660": "中国银行",
        "622588": "招商银行",
        "622262": "交通银行",
    }
    employees = _employees(demo400.db)
    for e in employees:
        assert luhn.is_valid(e.bank_account), e.bank_account
        assert len(e.bank_account) in (16, 19)
        bank = banks[e.bank_account[:6]]
        assert e.bank_name == f"{bank}{e.social_security_city}分行"
    assert len({e.bank_account for e in employees}) == 400
    assert len({e.bank_account[:6] for e in employees}) == len(banks)


def test_names_phones_emails_and_cities_look_real(demo400):
    employees = _employees(demo400.db)
    given_lengths = Counter()
    for e in employees:
        assert re.fullmatch(r"[\u4e00-\u9fff]{2,4}", e.name), e.name
        assert re.fullmatch(r"1[3-9]\d{9}", e.phone), e.phone
        assert e.email.endswith("@shilikeji.example.com")
        assert e.social_security_city in {"上海", "北京", "深圳", "广州", "杭州"}
        given_lengths[len(e.name)] += 1
    assert given_lengths[2] > 20 and given_lengths[3] > 200  # 1- and 2-character given names
    assert len({e.phone for e in employees}) == 400
    assert len({e.email for e in employees}) == 400
    surnames = Counter(e.name[0] for e in employees)
    assert {s for s, _ in surnames.most_common(5)} & {"王", "李", "张", "刘", "陈"}


def test_salaries_are_whole_hundreds_skewed_and_higher_for_managers(demo400):
    employees = _employees(demo400.db)
    positions = _positions(demo400.db)
    salaries = [e.base_salary for e in employees]
    assert all(isinstance(s, Decimal) for s in salaries)
    assert all(Decimal(4000) <= s <= Decimal(60000) and s % 100 == 0 for s in salaries)
    assert Decimal(6000) <= statistics.median(salaries) <= Decimal(20000)
    in_band = sum(Decimal(6000) <= s <= Decimal(20000) for s in salaries)
    assert in_band > len(salaries) * 0.6
    manager_titles = {"总经理", "部门经理", "项目经理", "主管"}
    managers = [e.base_salary for e in employees if positions[e.position_id] in manager_titles]
    staff = [e.base_salary for e in employees if positions[e.position_id] not in manager_titles]
    assert statistics.mean(managers) > statistics.mean(staff) * Decimal("1.5")


def test_hire_dates_probation_and_contracts(demo400):
    for e in _employees(demo400.db):
        assert TODAY - timedelta(days=3660) <= e.hire_date <= TODAY
        assert e.probation_end_date in (
            demo_company.add_months(e.hire_date, 3) - timedelta(days=1),
            demo_company.add_months(e.hire_date, 6) - timedelta(days=1),
        )
        assert e.contract_start >= e.hire_date
        if e.contract_type == "fixed":
            assert e.contract_end == demo_company.add_months(e.contract_start, 36) - timedelta(days=1)
        else:
            assert e.contract_type == "open_ended" and e.contract_end is None
    kinds = Counter(e.contract_type for e in _employees(demo400.db))
    assert kinds["fixed"] > kinds["open_ended"] > 0


def test_statuses_come_in_plausible_proportions(demo400):
    employees = _employees(demo400.db)
    statuses = Counter(e.status for e in employees)
    assert statuses["separated"] == 20  # 5 %
    assert statuses["leaving"] == 5  # the sample separation flows in progress
    assert 10 <= statuses["probation"] <= 120
    assert statuses["regular"] > 250
    for e in employees:
        if e.status == "separated":
            assert e.last_working_day is not None and e.hire_date < e.last_working_day < TODAY
        elif e.status == "leaving":
            assert e.last_working_day is not None and e.last_working_day > TODAY
        else:
            assert e.last_working_day is None
            assert (e.status == "probation") == (e.probation_end_date >= TODAY)


def test_everyone_but_the_top_has_a_manager_and_the_chain_ends_at_the_top(demo400):
    employees = _employees(demo400.db)
    by_id = {e.id: e for e in employees}
    tops = [e for e in employees if e.manager_id is None]
    assert len(tops) == 1
    for e in employees:
        assert e.manager_id != e.id
        seen, current = set(), e
        while current.manager_id is not None:
            assert current.id not in seen, "manager cycle"
            seen.add(current.id)
            manager = by_id[current.manager_id]
            assert manager.status not in ("separated", "leaving")
            current = manager
        assert current is tops[0]


def test_departments_have_all_kinds_heads_and_project_staff(demo400):
    departments = _departments(demo400.db)
    employees = {e.id: e for e in _employees(demo400.db)}
    positions = _positions(demo400.db)
    kinds = Counter(d.kind for d in departments.values())
    assert kinds["function"] >= 3 and kinds["business"] >= 4 and kinds["project"] >= 3
    names = {d.name for d in departments.values()}
    assert {"人事部", "财务部", "行政部", "华东销售部", "华南销售部", "地铁三号线项目部"} <= names
    assert sum(d.parent_id is None for d in departments.values()) == 1
    for d in departments.values():
        head = employees[d.head_employee_id]
        assert head.status == "regular"
        assert head.department_id == d.id
        if d.kind == "project":
            assert positions[head.position_id] == "项目经理"
            assert head.project_department_id == d.id
        if d.parent_id is not None:  # a head reports to the head above
            assert head.manager_id == departments[d.parent_id].head_employee_id
    project_ids = {d.id for d in departments.values() if d.kind == "project"}
    for e in employees.values():
        if departments[e.department_id].kind == "project":
            assert e.project_department_id == e.department_id
        elif e.project_department_id is not None:  # seconded from a business department
            assert e.project_department_id in project_ids
            assert departments[e.department_id].kind == "business"
    assert all(any(e.project_department_id == p for e in employees.values()) for p in project_ids)


def test_the_employee_register_loads_through_the_service(demo400):
    table = employee_table.load(ServiceContext(demo400.db, Actor.system()))
    assert len(table.rows) == 400
    statuses = Counter(r["status"] for r in table.as_dicts())
    assert set(statuses) == {"试用", "正式", "待离职", "已离职"}


def test_audit_chain_is_intact(demo400):
    with demo400.db.session() as session:
        report = audit_chain.verify_rows(audit_chain.iter_chain_rows(session), bytes.fromhex(demo400.db.audit_key))
    assert report.ok
    assert report.checked > 400  # one record per employee plus departments, positions, accounts


# --- logins ---------------------------------------------------------------------------------------


def test_one_login_per_role_administrator_first(demo400):
    logins = demo400.logins
    assert [login.username for login in logins] == [
        "admin",
        "hr",
        "finance",
        "manager",
        "lead",
        "auditor",
        "staff",
        "hr2",  # a second 人事: nobody approves their own proposal (issue 12)
    ]
    assert logins[0].roles == (Role.ADMIN,)
    assert {role for login in logins for role in login.roles} == set(Role)
    for login in logins:
        assert password_problems(login.password, login.username) is None
    with demo400.db.session() as session:
        assert not any(session.execute(select(User.must_change_password)).scalars())


def test_every_login_signs_in_with_its_role(demo400):
    for login in demo400.logins:
        ctx = auth.login(demo400.db, login.username, login.password)
        assert ctx.actor.roles == frozenset(login.roles)


def test_logins_are_linked_to_suitable_employees(demo400):
    logins = {login.username: login for login in demo400.logins}
    employees = {e.emp_no: e for e in _employees(demo400.db)}
    departments = _departments(demo400.db)
    reports = Counter(e.manager_id for e in employees.values())

    def dept_name(username):
        return departments[employees[logins[username].employee_emp_no].department_id].name

    assert logins["admin"].employee_emp_no is None
    assert dept_name("hr") == "人事部" and dept_name("hr2") == "人事部"
    assert dept_name("finance") == "财务部"
    manager = employees[logins["manager"].employee_emp_no]
    assert reports[manager.id] > 0
    lead = employees[logins["lead"].employee_emp_no]
    assert any(d.kind == "project" and d.head_employee_id == lead.id for d in departments.values())
    staff = employees[logins["staff"].employee_emp_no]
    assert staff.status == "regular" and reports[staff.id] == 0
    linked = [login.employee_emp_no for login in demo400.logins if login.employee_emp_no]
    assert len(linked) == len(set(linked))
    for login in demo400.logins:
        if login.employee_emp_no:
            assert employees[login.employee_emp_no].status in ("regular", "probation")


def _login(demo, username):
    password = next(login.password for login in demo.logins if login.username == username)
    return auth.login(demo.db, username, password)


def test_no_sample_flow_is_stuck_and_each_hr_step_reaches_both_hr_logins(demo400):
    assert stuck.stuck_flows(_login(demo400, "admin")) == []
    hr, hr2 = _login(demo400, "hr"), _login(demo400, "hr2")
    both = {hr.actor.display_name, hr2.actor.display_name}
    flows = engine.list_flows(hr, open_only=True)
    assert len(flows) == 7  # five separations, a 转正 and a 调薪, at the stages they were left
    for summary in flows:
        detail = engine.get(hr, summary.id)
        assert detail.assignees and not detail.stuck, summary.title
        if summary.step_name == "人事审核" or "由人事代办" in (detail.assignee_note or ""):
            assert set(detail.assignees) == both, summary.title


def test_what_one_hr_login_proposes_the_other_reviews(tmp_path):
    demo = create_demo_company(DataDir(tmp_path / "review"), employees=40, seed=2, today=TODAY)
    try:
        hr = _login(demo, "hr")
        with demo.db.session() as session:
            with_login = set(session.execute(select(User.employee_id)).scalars())
        employee = next(
            e
            for e in _employees(demo.db)
            if e.status == "regular" and e.manager_id is not None and e.id not in with_login
        )
        detail = lifecycle.start_transfer(hr, employee.id, TODAY, {"base_salary": "20000"}, "调薪（测试）")
        system = ServiceContext(demo.db, Actor.system())
        while detail.summary.step_name != "人事审核":
            assert detail.assignees and hr.actor.display_name not in detail.assignees
            detail = engine.act(system, detail.summary.id, Action.APPROVE, "同意")
        assert detail.assignees == [_login(demo, "hr2").actor.display_name]
    finally:
        demo.db.dispose()


def test_passwords_depend_on_the_seed_only():
    assert demo_company.demo_passwords(5) == demo_company.demo_passwords(5)
    assert demo_company.demo_passwords(5) != demo_company.demo_passwords(6)
    assert re.fullmatch(r"Demo-hr-\d{4}", demo_company.demo_passwords(5)["hr"])


# --- sizes, keys and failures ---------------------------------------------------------------------


def test_a_single_employee_company_still_works(tmp_path):
    result = create_demo_company(DataDir(tmp_path / "one"), employees=1, today=TODAY)
    try:
        employees = _employees(result.db)
        assert len(employees) == 1 and employees[0].manager_id is None
        assert result.logins[0] == DemoLogin("admin", demo_company.demo_passwords(1)["admin"], (Role.ADMIN,), None)
        for login in result.logins:
            auth.login(result.db, login.username, login.password)
    finally:
        result.db.dispose()


@pytest.mark.parametrize("count", [0, -5, 100_001])
def test_employee_count_out_of_range_is_refused_before_anything_is_created(tmp_path, count):
    data_dir = DataDir(tmp_path / "bad")
    with pytest.raises(ValidationError) as info:
        create_demo_company(data_dir, employees=count)
    assert "employees" in info.value.errors
    assert not data_dir.is_initialized()


def test_works_with_the_environment_key_and_no_credential_store(tmp_path, monkeypatch):
    monkeypatch.setenv("HRDESK_DB_KEY", "ab" * 32)
    monkeypatch.setenv("HRDESK_AUDIT_KEY", "cd" * 32)
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        data_dir = DataDir(tmp_path / "env")
        result = create_demo_company(data_dir, employees=25, today=TODAY)
        result.db.dispose()
        reopened = setup.open_company(data_dir)
        try:
            assert len(_employees(reopened)) == 25
        finally:
            reopened.dispose()
    finally:
        keyring.set_keyring(previous)


def test_a_failure_after_setup_leaves_the_folder_as_it_was(tmp_path, monkeypatch, memory_keyring):
    stored_before_failure = []

    def broken(*args, **kwargs):
        stored_before_failure.append(len(memory_keyring.store))
        raise RuntimeError("boom")

    monkeypatch.setattr(demo_company, "_create_logins", broken)
    data_dir = DataDir(tmp_path / "broken")
    with pytest.raises(RuntimeError):
        create_demo_company(data_dir, employees=30, today=TODAY)
    assert not data_dir.is_initialized()
    assert not data_dir.meta_path.exists()
    assert stored_before_failure == [2]  # the database key and the audit key
    assert memory_keyring.store == {}  # the keys saved by setup are gone too


# --- the small generators -------------------------------------------------------------------------


def test_check_digits_agree_with_stdnum():
    for first17 in ("11010519491231002", "44030519900101123", "31010419880727938", "42011119891227774"):
        assert demo_company.id_check_digit(first17) == ric.calc_check_digit(first17 + "0")
    for body in ("622202123456789012", "622588123456789", "621700000000000000"):
        assert demo_company.luhn_check_digit(body) == luhn.calc_check_digit(body)


def test_every_region_code_is_valid_in_every_year_it_is_offered():
    for year, codes in demo_company._REGION_POOL.items():
        assert codes, year
        for code in codes:
            first17 = f"{code}{year}0101001"
            assert ric.is_valid(first17 + demo_company.id_check_digit(first17)), (code, year)


def test_add_months_clamps_to_the_end_of_the_month():
    assert demo_company.add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert demo_company.add_months(date(2023, 11, 30), 3) == date(2024, 2, 29)
    assert demo_company.add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)
    assert demo_company.add_months(date(2025, 3, 15), 36) == date(2028, 3, 15)


def test_contracts_are_renewed_once_then_open_ended():
    hire = date(2015, 6, 1)
    assert demo_company.contract_for(hire, date(2016, 1, 1)) == ("fixed", hire, date(2018, 5, 31))
    assert demo_company.contract_for(hire, date(2019, 1, 1)) == ("fixed", date(2018, 6, 1), date(2021, 5, 31))
    assert demo_company.contract_for(hire, date(2022, 1, 1)) == ("open_ended", date(2021, 6, 1), None)

"""Creating and editing employees: every bad input is refused with a field message and changes nothing."""

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text
from stdnum.cn import ric

from hrdesk.core.flows import lifecycle
from hrdesk.core.kernel.errors import Conflict, ValidationError
from hrdesk.core.kernel.persistence.tables import AuditRecord
from hrdesk.core.people import custom_fields, employees
from hrdesk.core.people.custom_field_types import FieldType
from hrdesk.core.people.employee_rules import EmployeeStatus, Gender
from hrdesk.core.people.tables import Employee
from tests.helpers import employee_input, make_card, make_id


def counts(fx):
    with fx.db.session() as s:
        return (
            s.execute(select(func.count(Employee.id))).scalar(),
            s.execute(select(func.count(AuditRecord.id))).scalar(),
        )


def refuse(fx, data, field, match=None):
    hr = fx.login("hr")
    before = counts(fx)
    with pytest.raises(ValidationError) as info:
        employees.create(hr, data)
    assert field in info.value.errors, info.value.errors
    if match:
        assert match in info.value.errors[field]
    # the login audit record of fx.login is the only new record
    after = counts(fx)
    assert after[0] == before[0] and after[1] == before[1]
    return info.value.errors


def new(fx, **overrides):
    values = {"emp_no": "E000100", "name": "新员工", "department_id": fx.depts["销售部"]} | overrides
    return employee_input(values.pop("emp_no"), values.pop("name"), values.pop("department_id"), 100, **values)


def test_create_derives_gender_and_birth_date_from_id(company):
    detail = employees.create(company.login("hr"), new(company, id_number=make_id(birth=date(1992, 5, 17), seq=124)))
    assert detail.birth_date == date(1992, 5, 17)
    assert detail.gender is Gender.FEMALE  # 124: even sequence digit → female
    assert detail.base_salary == Decimal("12000.00")


@pytest.mark.parametrize(
    "id_number, message",
    [
        ("110105199003071230", "校验位"),
        ("11010519900307123", "18位"),
        ("11010519900230123" + ric.calc_check_digit("11010519900230123" + "0"), "出生日期"),
        ("", "请填写"),
    ],
)
def test_invalid_id_numbers(company, id_number, message):
    refuse(company, new(company, id_number=id_number), "id_number", message)


def test_gender_contradicting_id_is_refused(company):
    refuse(company, new(company, id_number=make_id(seq=123), gender=Gender.FEMALE), "gender")


def test_bank_card_luhn_and_length(company):
    good = make_card(serial=77)
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    refuse(company, new(company, bank_account=bad), "bank_account", "校验位")
    refuse(company, new(company, bank_account="1234"), "bank_account", "12到19位")
    refuse(company, new(company, bank_account=good, bank_name=""), "bank_name")


@pytest.mark.parametrize(
    "field, value",
    [
        ("phone", "12345"),
        ("email", "not-an-email"),
        ("base_salary", "12.345"),
        ("base_salary", "-1"),
        ("base_salary", "abc"),
        ("emp_no", "E 01"),
        ("name", ""),
    ],
)
def test_field_formats(company, field, value):
    refuse(company, new(company, **{field: value}), field)


def test_date_rules(company):
    refuse(company, new(company, probation_end_date=date(2019, 1, 1)), "probation_end_date")
    refuse(company, new(company, contract_start=date(2021, 1, 1), contract_end=date(2020, 1, 1)), "contract_end")
    refuse(company, new(company, status=EmployeeStatus.SEPARATED), "last_working_day")
    refuse(
        company,
        new(company, status=EmployeeStatus.SEPARATED, last_working_day=date(2019, 5, 1)),
        "last_working_day",
        "早于入职",
    )
    refuse(company, new(company, id_number=make_id(birth=date(2010, 1, 1), seq=5)), "hire_date", "16")


def test_duplicates_are_refused(company):
    refuse(company, new(company, emp_no="E000001"), "emp_no", "已被")
    existing = employees.get(company.system, company.emps["李四"])
    refuse(company, new(company, id_number=existing.id_number), "id_number", "已被")


def test_references_must_exist(company):
    refuse(company, new(company, department_id=9999), "department_id")
    refuse(company, new(company, project_department_id=company.depts["销售部"]), "project_department_id", "项目部")
    refuse(company, new(company, manager_id=9999), "manager_id")
    refuse(company, new(company, position_id=9999), "position_id")


def test_manager_cycle_is_refused(company):
    hr = company.login("hr")
    boss = employees.get(hr, company.emps["王经理"])
    data = employee_input(
        "E000001",
        "王经理",
        company.depts["销售部"],
        1,
        manager_id=company.emps["李四"],
        position_id=boss.position_id,
        base_salary="30000",
    )
    with pytest.raises(ValidationError) as info:
        employees.update(hr, boss.id, data, boss.version)
    assert "manager_id" in info.value.errors


def test_a_correction_writes_audit_diff(company):
    """The base salary is a flow field: outside 调岗/调薪 it changes only by a 更正 (with a reason)."""
    hr = company.login("hr")
    detail = employees.get(hr, company.emps["李四"])
    data = employee_input(
        "E000002",
        "李四",
        company.depts["销售部"],
        2,
        manager_id=company.emps["王经理"],
        position_id=detail.position_id,
        base_salary="13500.50",
    )
    updated = employees.correct(hr, detail.id, data, detail.version, "合同约定 13500.50，入职时录错")
    assert updated.base_salary == Decimal("13500.50") and updated.version == detail.version + 1
    with company.db.session() as s:
        record = s.execute(select(AuditRecord).where(AuditRecord.action == "employee.correct")).scalar_one()
    assert record.actor_name == "刘人事(hr)"
    assert '"base_salary":"12000.00"' in record.before and '"base_salary":"13500.50"' in record.after
    assert "name" not in record.after  # only what changed


def test_stale_version_is_a_conflict(company):
    hr = company.login("hr")
    detail = employees.get(hr, company.emps["李四"])
    data = employee_input(
        "E000002", "李四", company.depts["销售部"], 2, manager_id=company.emps["王经理"], position_id=detail.position_id
    )
    employees.update(hr, detail.id, data, detail.version)
    with pytest.raises(Conflict, match="其他人修改"):
        employees.update(hr, detail.id, data, detail.version)


def test_money_is_stored_exactly_as_fen(company):
    employees.create(company.login("hr"), new(company, base_salary="98765.43"))
    with company.db.engine.connect() as conn:
        raw = conn.execute(text("select base_salary from employees where emp_no='E000100'")).scalar()
    assert raw == 9876543 and isinstance(raw, int)


def test_custom_fields_are_validated_and_stored(company):
    admin = company.login("admin")
    custom_fields.create_definition(
        admin, "teacher_title", "教师职称", FieldType.CHOICE, ["初级", "中级", "高级"], required=True
    )
    custom_fields.create_definition(admin, "certified_on", "取证日期", FieldType.DATE)
    errors = refuse(company, new(company, custom={"teacher_title": "特级"}), "custom:teacher_title")
    assert "选项" in errors["custom:teacher_title"]
    refuse(company, new(company, custom={}), "custom:teacher_title", "请填写")
    refuse(company, new(company, custom={"teacher_title": "中级", "certified_on": "2024-13-01"}), "custom:certified_on")
    detail = employees.create(
        company.login("hr"), new(company, custom={"teacher_title": "中级", "certified_on": "2024-03-01"})
    )
    assert detail.custom == {"teacher_title": "中级", "certified_on": "2024-03-01"}


def test_bulk_create_is_all_or_nothing(company):
    hr = company.login("hr")
    good = employee_input("E000200", "批量一", company.depts["销售部"], 200)
    bad = employee_input("E000201", "批量二", company.depts["销售部"], 201, id_number="123")
    before = counts(company)
    with pytest.raises(ValidationError) as info:
        employees.bulk_create(hr, [good, bad], summary="导入")
    assert "2:id_number" in info.value.errors
    assert counts(company) == before
    ids = employees.bulk_create(hr, [good], summary="导入")
    assert len(ids) == 1 and employees.get(hr, ids[0]).name == "批量一"


def test_search_finds_by_number_and_name_within_scope(company):
    hr = company.login("hr")
    assert [b.name for b in employees.search(hr, "E000002")] == ["李四"]
    assert {b.name for b in employees.search(hr, "经理")} == {"王经理"}
    assert {b.name for b in employees.search(company.login("manager"), "")} == {"王经理", "李四", "赵六"}
    assert employees.search(hr, "%") == []


def test_suggested_employee_number_is_next_free(company):
    assert lifecycle.suggest_emp_no(company.login("hr")) == "E000009"

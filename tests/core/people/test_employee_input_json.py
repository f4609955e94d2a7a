"""An 入职 proposal keeps the submitted employee record as JSON until the flow completes
(core/flows/lifecycle.py, effects.py): every field must come back as it was submitted, the dates as
dates and the choices as their enums, so the record created at the end is the one approved.
Mutation testing (issue 12, docs/mutation.md) found the conversion exercised by no rule test.
"""

import json
from datetime import date
from decimal import Decimal as D

from hrdesk.core.people.employee_rules import (
    ContractType,
    EmployeeInput,
    EmployeeStatus,
    Gender,
    employee_input_from_json,
    employee_input_to_json,
)

FULL = EmployeeInput(
    emp_no="E0101",
    name="李四",
    id_number="110101199003071234",
    gender=Gender.FEMALE,
    birth_date=date(1990, 3, 7),
    phone="13800000000",
    email="lisi@example.com",
    department_id=3,
    project_department_id=7,
    position_id=2,
    manager_id=11,
    hire_date=date(2026, 4, 1),
    probation_end_date=date(2026, 9, 30),
    contract_type=ContractType.FIXED,
    contract_start=date(2026, 4, 1),
    contract_end=date(2029, 3, 31),
    status=EmployeeStatus.REGULAR,
    last_working_day=date(2029, 3, 31),
    social_security_city="上海",
    base_salary="18000.00",
    insurance_base="15000",
    housing_fund_base="16000",
    bank_account="6222021234567890123",
    bank_name="工商银行",
    custom={"工装尺码": "L"},
)


def test_every_field_comes_back_as_submitted():
    raw = employee_input_to_json(FULL)
    assert employee_input_from_json(json.loads(json.dumps(raw))) == FULL


def test_dates_decimals_and_choices_are_stored_as_plain_json_values():
    raw = employee_input_to_json(FULL)
    assert raw["birth_date"] == "1990-03-07" and raw["contract_end"] == "2029-03-31"
    assert raw["gender"] == Gender.FEMALE.value and raw["status"] == EmployeeStatus.REGULAR.value
    assert raw["contract_type"] == FULL.contract_type.value
    assert employee_input_to_json(EmployeeInput(base_salary=D("18000.50")))["base_salary"] == "18000.50"


def test_an_empty_proposal_keeps_the_defaults():
    assert employee_input_from_json(employee_input_to_json(EmployeeInput())) == EmployeeInput()
    assert employee_input_from_json({}) == EmployeeInput()


def test_choices_come_back_as_their_enums_and_are_stored_as_plain_strings():
    raw = employee_input_to_json(FULL)
    assert all(type(raw[key]) is str for key in ("gender", "contract_type", "status", "birth_date"))
    back = employee_input_from_json(raw)
    assert type(back.gender) is Gender and type(back.contract_type) is ContractType
    assert type(back.status) is EmployeeStatus


def test_an_empty_field_does_not_end_the_reading_of_the_others():
    partial = EmployeeInput(name="王五", gender=None, hire_date=date(2026, 5, 6), status=EmployeeStatus.REGULAR)
    assert employee_input_from_json(employee_input_to_json(partial)) == partial

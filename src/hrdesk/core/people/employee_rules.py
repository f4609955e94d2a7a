"""The employee record's rules: statuses, contract types, and validation of every field.

Validation returns normalised values plus a dict of field -> message, so a dialog can show each
message next to its field and the service can refuse the whole change at once.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from stdnum import luhn
from stdnum.cn import ric
from stdnum.exceptions import InvalidChecksum, InvalidComponent
from stdnum.exceptions import ValidationError as StdnumError

from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.labels import LabeledEnum
from hrdesk.core.kernel.money import MoneyError, parse_money
from hrdesk.core.kernel.text_rules import text_problem


class EmployeeStatus(LabeledEnum):
    PROBATION = "probation"
    REGULAR = "regular"
    LEAVING = "leaving"
    SEPARATED = "separated"

    @classmethod
    def _labels(cls):
        return {cls.PROBATION: "试用", cls.REGULAR: "正式", cls.LEAVING: "待离职", cls.SEPARATED: "已离职"}

    @property
    def is_active(self) -> bool:
        return self is not EmployeeStatus.SEPARATED


class Gender(LabeledEnum):
    MALE = "M"
    FEMALE = "F"

    @classmethod
    def _labels(cls):
        return {cls.MALE: "男", cls.FEMALE: "女"}


class ContractType(LabeledEnum):
    FIXED = "fixed"
    OPEN_ENDED = "open_ended"
    TASK = "task"
    INTERNSHIP = "internship"
    SERVICE = "service"

    @classmethod
    def _labels(cls):
        return {
            cls.FIXED: "固定期限劳动合同",
            cls.OPEN_ENDED: "无固定期限劳动合同",
            cls.TASK: "以完成一定工作任务为期限",
            cls.INTERNSHIP: "实习协议",
            cls.SERVICE: "劳务协议（退休返聘等）",
        }


MAX_BASE_SALARY = Decimal("10000000")
MIN_WORKING_AGE = 16  # 劳动法 art. 15: no employment under 16
EARLIEST_BIRTH = date(1900, 1, 1)  # before it a birth date is a typo (1850), not an employee
# who may be recorded with a base salary of 0: an unpaid internship, or a 劳务 agreement paid per
# task through pay items; everyone else works under a labour contract and is owed at least the
# minimum wage (劳动法 art. 48), so 0 for them is a typo that payroll would pay out as nothing
ZERO_SALARY_CONTRACTS = frozenset({"internship", "service"})
# a last working day further ahead than this is a typo (2099), not a notice period: the longest
# notice the law knows is 30 days, and an agreed later date is still within the year
LAST_DAY_MAX_AHEAD = timedelta(days=366)


def last_day_problem(last_day: date, today: date) -> str | None:
    """The message for a last working day too far ahead of ``today``, or None."""
    if last_day > today + LAST_DAY_MAX_AHEAD:
        return tr("最后工作日 {0} 太远：最多只能是一年以内的日期（{1} 之前）").format(
            last_day.isoformat(), (today + LAST_DAY_MAX_AHEAD).isoformat()
        )
    return None


_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}$")
_EMP_NO = re.compile(r"^[A-Za-z0-9_\-]{1,20}$")


@dataclass(frozen=True)
class IdInfo:
    number: str
    birth_date: date
    gender: Gender


def parse_id_number(text: str) -> IdInfo:
    """Validate a resident ID number (居民身份证号, 18 digits with checksum) with python-stdnum.

    Raises ValueError with a user message. Returns the normalised number and what it encodes.
    """
    raw = (text or "").strip().replace(" ", "").upper()
    if not raw:
        raise ValueError(tr("请填写身份证号"))
    try:
        number = ric.validate(raw)
    except InvalidChecksum:
        raise ValueError(tr("身份证号校验位不正确，请核对")) from None
    except InvalidComponent:
        raise ValueError(tr("身份证号中的出生日期或地区码无效")) from None
    except StdnumError:
        raise ValueError(tr("身份证号应为18位，最后一位可以是数字或X")) from None
    if len(number) != 18:
        raise ValueError(tr("身份证号应为18位，最后一位可以是数字或X"))
    gender = Gender.MALE if int(number[16]) % 2 == 1 else Gender.FEMALE
    return IdInfo(number, ric.get_birth_date(number), gender)


def parse_bank_card(text: str) -> str:
    """Validate a bank card number: 12 to 19 digits with a valid Luhn check digit."""
    raw = re.sub(r"[\s\-]", "", text or "")
    if not raw.isdigit() or not 12 <= len(raw) <= 19:
        raise ValueError(tr("银行卡号应为12到19位数字"))
    if not luhn.is_valid(raw):
        raise ValueError(tr("银行卡号校验位不正确，请核对"))
    return raw


def parse_phone(text: str) -> str:
    raw = re.sub(r"[\s]", "", text or "")
    if raw.startswith("+86"):
        raw = raw[3:]
    if _MOBILE.match(raw) or _LANDLINE.match(raw):
        return raw
    raise ValueError(tr("手机号应为11位数字（或带区号的固定电话）"))


def parse_email(text: str) -> str:
    raw = (text or "").strip()
    if not _EMAIL.match(raw):
        raise ValueError(tr("邮箱格式不正确"))
    return raw.lower()


@dataclass
class EmployeeInput:
    """What a dialog, an import or the command line submits: text as typed, dates as dates."""

    emp_no: str = ""
    name: str = ""
    id_number: str = ""
    gender: Gender | None = None
    birth_date: date | None = None
    phone: str = ""
    email: str = ""
    department_id: int | None = None
    project_department_id: int | None = None
    position_id: int | None = None
    manager_id: int | None = None
    hire_date: date | None = None
    probation_end_date: date | None = None
    contract_type: ContractType | None = None
    contract_start: date | None = None
    contract_end: date | None = None
    status: EmployeeStatus = EmployeeStatus.PROBATION
    last_working_day: date | None = None
    social_security_city: str = ""
    base_salary: str | Decimal = ""
    insurance_base: str | Decimal | None = ""  # 社保基数; empty: the base salary
    housing_fund_base: str | Decimal | None = ""  # 公积金基数; empty: the base salary
    bank_account: str = ""
    bank_name: str = ""
    custom: dict[str, str] = field(default_factory=dict)


def employee_input_to_json(data: EmployeeInput) -> dict:
    """An input as JSON values, as an onboarding flow keeps its proposal until it completes."""
    raw = asdict(data)
    for key, value in list(raw.items()):
        if isinstance(value, (date, Decimal)):
            raw[key] = str(value) if isinstance(value, Decimal) else value.isoformat()
        elif hasattr(value, "value"):
            raw[key] = value.value
    return raw


def employee_input_from_json(raw: dict) -> EmployeeInput:
    """The inverse of :func:`employee_input_to_json`."""
    kwargs: dict[str, Any] = {}  # JSON values, turned back into dates and enums by field
    for f in fields(EmployeeInput):
        value = raw.get(f.name)
        if value is None:
            continue
        if f.name in (
            "birth_date",
            "hire_date",
            "probation_end_date",
            "contract_start",
            "contract_end",
            "last_working_day",
        ):
            value = date.fromisoformat(value)
        elif f.name == "gender":
            value = Gender(value)
        elif f.name == "contract_type":
            value = ContractType(value)
        elif f.name == "status":
            value = EmployeeStatus(value)
        kwargs[f.name] = value
    return EmployeeInput(**kwargs)


@dataclass(frozen=True)
class EmployeeValues:
    """Validated, normalised values ready to store."""

    emp_no: str
    name: str
    id_number: str
    gender: Gender
    birth_date: date
    phone: str | None
    email: str | None
    department_id: int
    project_department_id: int | None
    position_id: int | None
    manager_id: int | None
    hire_date: date
    probation_end_date: date | None
    contract_type: ContractType | None
    contract_start: date | None
    contract_end: date | None
    status: EmployeeStatus
    last_working_day: date | None
    social_security_city: str | None
    base_salary: Decimal
    insurance_base: Decimal | None
    housing_fund_base: Decimal | None
    bank_account: str | None
    bank_name: str | None


def validate_employee(data: EmployeeInput, today: date | None = None) -> tuple[EmployeeValues | None, dict[str, str]]:
    """Check every field and the rules between fields; (values, {}) or (None, errors).

    ``today`` (the service's clock) adds the check that the birth date is not in the future."""
    errors: dict[str, str] = {}

    emp_no = (data.emp_no or "").strip()
    if not emp_no:
        errors["emp_no"] = tr("请填写工号")
    elif not _EMP_NO.match(emp_no):
        errors["emp_no"] = tr("工号只能包含字母、数字、下划线和短横线，最多20位")

    name = " ".join((data.name or "").split())
    name_problem = text_problem(data.name, tr("姓名"))  # the text as typed: split() eats some controls
    if name_problem:
        errors["name"] = name_problem
    elif not name:
        errors["name"] = tr("请填写姓名")
    elif len(name) > 40:
        errors["name"] = tr("姓名最多40个字")

    id_info = None
    try:
        id_info = parse_id_number(data.id_number)
    except ValueError as exc:
        errors["id_number"] = str(exc)

    gender, birth_date = data.gender, data.birth_date
    if id_info is not None:
        if gender is not None and gender is not id_info.gender:
            errors["gender"] = tr("性别与身份证号不一致（身份证号为{0}）").format(id_info.gender.label)
        if birth_date is not None and birth_date != id_info.birth_date:
            errors["birth_date"] = tr("出生日期与身份证号不一致（身份证号为{0}）").format(
                id_info.birth_date.isoformat()
            )
        gender, birth_date = id_info.gender, id_info.birth_date
    if birth_date is not None:
        # from the ID number when there is one: the message goes next to what must be corrected
        where = "id_number" if id_info is not None else "birth_date"
        if birth_date < EARLIEST_BIRTH:
            errors[where] = tr("出生日期 {0} 早于1900年，请核对身份证号和出生日期").format(birth_date.isoformat())
        elif today is not None and birth_date > today:
            errors[where] = tr("出生日期 {0} 晚于今天，请核对身份证号和出生日期").format(birth_date.isoformat())

    phone = None
    if (data.phone or "").strip():
        try:
            phone = parse_phone(data.phone)
        except ValueError as exc:
            errors["phone"] = str(exc)
    else:
        errors["phone"] = tr("请填写手机号")

    email = None
    if (data.email or "").strip():
        try:
            email = parse_email(data.email)
        except ValueError as exc:
            errors["email"] = str(exc)

    if data.department_id is None:
        errors["department_id"] = tr("请选择部门")

    if data.hire_date is None:
        errors["hire_date"] = tr("请填写入职日期")
    elif birth_date is not None and _age_on(birth_date, data.hire_date) < MIN_WORKING_AGE:
        errors["hire_date"] = tr("入职时未满16周岁，不能建立劳动关系")

    if data.probation_end_date and data.hire_date and data.probation_end_date < data.hire_date:
        errors["probation_end_date"] = tr("试用期结束日期不能早于入职日期")
    if data.contract_start and data.contract_end and data.contract_end < data.contract_start:
        errors["contract_end"] = tr("合同结束日期不能早于开始日期")
    if data.contract_type is ContractType.FIXED and data.contract_start and not data.contract_end:
        errors["contract_end"] = tr("固定期限劳动合同需要填写结束日期")
    if data.contract_type is ContractType.OPEN_ENDED and data.contract_end:
        errors["contract_end"] = tr("无固定期限劳动合同不应有结束日期")

    status = data.status
    last_day = data.last_working_day
    if status is EmployeeStatus.SEPARATED and last_day is None:
        errors["last_working_day"] = tr("已离职员工需要填写最后工作日")
    if last_day is not None and data.hire_date is not None and last_day < data.hire_date:
        errors["last_working_day"] = tr("最后工作日不能早于入职日期")
    elif last_day is not None and today is not None and (problem := last_day_problem(last_day, today)):
        errors["last_working_day"] = problem
    if status in (EmployeeStatus.PROBATION, EmployeeStatus.REGULAR):
        last_day = None

    base_salary: Decimal | None = None
    try:
        base_salary = parse_money(data.base_salary, maximum=MAX_BASE_SALARY)
    except MoneyError as exc:
        errors["base_salary"] = str(exc)
    if (
        base_salary == 0
        and status in (EmployeeStatus.PROBATION, EmployeeStatus.REGULAR)
        and (data.contract_type is None or data.contract_type.value not in ZERO_SALARY_CONTRACTS)
    ):
        errors["base_salary"] = tr("{0}员工的基本工资应大于0（只有实习协议和劳务协议可以为0）").format(status.label)

    bases: dict[str, Decimal | None] = {}
    for base_field in ("insurance_base", "housing_fund_base"):
        raw = getattr(data, base_field)
        bases[base_field] = None
        if raw not in (None, "") and str(raw).strip():
            try:
                bases[base_field] = parse_money(raw, maximum=MAX_BASE_SALARY)
            except MoneyError as exc:
                errors[base_field] = str(exc)

    bank_account = None
    if (data.bank_account or "").strip():
        try:
            bank_account = parse_bank_card(data.bank_account)
        except ValueError as exc:
            errors["bank_account"] = str(exc)
    bank_name = (data.bank_name or "").strip() or None
    bank_problem = text_problem(bank_name, tr("开户行"))
    if bank_problem:
        errors["bank_name"] = bank_problem
    elif bank_account and not bank_name:
        errors["bank_name"] = tr("请填写开户行")

    if errors:
        return None, errors
    # each of these left unset has recorded its error above
    assert id_info is not None and data.department_id is not None and data.hire_date is not None
    assert base_salary is not None
    return (
        EmployeeValues(
            emp_no=emp_no,
            name=name,
            id_number=id_info.number,
            gender=id_info.gender,
            birth_date=id_info.birth_date,
            phone=phone,
            email=email,
            department_id=data.department_id,
            project_department_id=data.project_department_id,
            position_id=data.position_id,
            manager_id=data.manager_id,
            hire_date=data.hire_date,
            probation_end_date=data.probation_end_date,
            contract_type=data.contract_type,
            contract_start=data.contract_start,
            contract_end=data.contract_end,
            status=status,
            last_working_day=last_day,
            social_security_city=(data.social_security_city or "").strip() or None,
            base_salary=base_salary,
            insurance_base=bases["insurance_base"],
            housing_fund_base=bases["housing_fund_base"],
            bank_account=bank_account,
            bank_name=bank_name,
        ),
        {},
    )


def _age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))

"""Building blocks for tests: valid ID and card numbers, and a small company with every role."""

from __future__ import annotations

import os
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import pytest
from stdnum import luhn
from stdnum.cn import ric

from hrdesk.core.accounts import auth
from hrdesk.core.accounts import users as accounts
from hrdesk.core.company import setup as company
from hrdesk.core.kernel import audit_key
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.permissions import Actor, Role
from hrdesk.core.kernel.persistence import keys
from hrdesk.core.kernel.persistence.database import CompanyDatabase
from hrdesk.core.kernel.persistence.datadir import DataDir
from hrdesk.core.org import departments, positions
from hrdesk.core.org.tree import DepartmentKind
from hrdesk.core.people import employees
from hrdesk.core.people.employee_rules import ContractType, EmployeeInput, EmployeeStatus

ADMIN_PASSWORD = "Admin-pass-2024"
USER_PASSWORD = "User-pass-2024!"


def make_id(region: str = "110105", birth: date = date(1990, 3, 7), seq: int = 123) -> str:
    body = f"{region}{birth:%Y%m%d}{seq:03d}"
    return body + ric.calc_check_digit(body + "0")  # stdnum expects a placeholder check digit


def make_card(prefix: str = "622202", serial: int = 1, length: int = 19) -> str:
    body = prefix + str(serial).zfill(length - len(prefix) - 1)
    return body + luhn.calc_check_digit(body)


def employee_input(emp_no: str, name: str, department_id: int, seq: int, **overrides) -> EmployeeInput:
    values = dict(
        emp_no=emp_no,
        name=name,
        id_number=make_id(seq=seq % 1000, birth=date(1985 + seq % 15, 1 + seq % 12, 1 + seq % 28)),
        phone=f"138{seq:08d}",
        email=f"{emp_no.lower()}@example.cn",
        department_id=department_id,
        hire_date=date(2020, 1, 6),
        probation_end_date=date(2020, 7, 5),
        status=EmployeeStatus.REGULAR,
        contract_type=ContractType.OPEN_ENDED,
        contract_start=date(2020, 1, 6),
        social_security_city="上海",
        base_salary="12000",
        bank_account=make_card(serial=seq),
        bank_name="中国工商银行上海分行",
    )
    values.update(overrides)
    return EmployeeInput(**values)


@dataclass
class CompanyFixture:
    data_dir: DataDir
    db: CompanyDatabase
    recovery_key: str
    depts: dict[str, int] = field(default_factory=dict)
    positions: dict[str, int] = field(default_factory=dict)
    emps: dict[str, int] = field(default_factory=dict)  # by name
    users: dict[str, str] = field(default_factory=dict)  # username -> password

    @property
    def system(self) -> ServiceContext:
        return ServiceContext(self.db, Actor.system())

    def login(self, username: str) -> ServiceContext:
        return auth.login(self.db, username, self.users[username])


def build_company(root: Path) -> CompanyFixture:
    """总公司 ├ 人事部 ├ 财务部 ├ 销售部 ─ 华东销售部 └ 地铁项目部 (项目部), with:
    经理 王经理 (head of 销售部), 下属 李四 and 赵六 (report to 王经理; 赵六 in 华东), 项目负责人 陈工
    (head of 地铁项目部), 项目成员 周七 (in 地铁项目部), 人事 刘人事, 财务 钱财务, 普通员工 孙员工.
    """
    data_dir = DataDir(root)
    setup = company.setup_company(
        data_dir,
        company_name="测试科技有限公司",
        admin_username="admin",
        admin_display_name="系统管理员",
        admin_password=ADMIN_PASSWORD,
    )
    fx = CompanyFixture(data_dir, setup.db, setup.recovery_key)
    fx.users["admin"] = ADMIN_PASSWORD
    ctx = fx.system
    top = departments.create_department(ctx, "总公司", DepartmentKind.BUSINESS)
    fx.depts["总公司"] = top
    for name, kind, parent in [
        ("人事部", DepartmentKind.FUNCTION, "总公司"),
        ("财务部", DepartmentKind.FUNCTION, "总公司"),
        ("销售部", DepartmentKind.BUSINESS, "总公司"),
        ("华东销售部", DepartmentKind.BUSINESS, "销售部"),
        ("地铁项目部", DepartmentKind.PROJECT, "总公司"),
    ]:
        fx.depts[name] = departments.create_department(ctx, name, kind, fx.depts[parent])
    for name in ("人事专员", "会计", "销售经理", "销售代表", "项目经理", "工程师"):
        fx.positions[name] = positions.create_position(ctx, name)

    def add(name, dept, seq, **kw):
        detail = employees.create(ctx, employee_input(f"E{seq:06d}", name, fx.depts[dept], seq, **kw))
        fx.emps[name] = detail.id
        return detail.id

    add("王经理", "销售部", 1, position_id=fx.positions["销售经理"], base_salary="30000")
    add("李四", "销售部", 2, manager_id=fx.emps["王经理"], position_id=fx.positions["销售代表"])
    add("赵六", "华东销售部", 3, manager_id=fx.emps["王经理"])
    add("陈工", "地铁项目部", 4, project_department_id=fx.depts["地铁项目部"], position_id=fx.positions["项目经理"])
    add("周七", "销售部", 5, project_department_id=fx.depts["地铁项目部"], manager_id=fx.emps["陈工"])
    add("刘人事", "人事部", 6, position_id=fx.positions["人事专员"])
    add("钱财务", "财务部", 7, position_id=fx.positions["会计"])
    add("孙员工", "销售部", 8)
    departments.update_department(
        ctx,
        fx.depts["销售部"],
        name="销售部",
        kind=DepartmentKind.BUSINESS,
        parent_id=top,
        head_employee_id=fx.emps["王经理"],
    )
    departments.update_department(
        ctx,
        fx.depts["地铁项目部"],
        name="地铁项目部",
        kind=DepartmentKind.PROJECT,
        parent_id=top,
        head_employee_id=fx.emps["陈工"],
    )

    for username, display, roles, emp in [
        ("hr", "刘人事", {Role.HR, Role.EMPLOYEE}, "刘人事"),
        ("finance", "钱财务", {Role.FINANCE, Role.EMPLOYEE}, "钱财务"),
        ("manager", "王经理", {Role.MANAGER, Role.EMPLOYEE}, "王经理"),
        ("lead", "陈工", {Role.PROJECT_LEAD, Role.EMPLOYEE}, "陈工"),
        ("auditor", "审计员", {Role.AUDITOR}, None),
        ("staff", "孙员工", {Role.EMPLOYEE}, "孙员工"),
    ]:
        accounts.create_account(
            ctx, username, display, USER_PASSWORD, roles, fx.emps[emp] if emp else None, must_change_password=False
        )
        fx.users[username] = USER_PASSWORD
    return fx


@contextmanager
def read_only_folder(path):
    """Make a folder unwritable even for root (immutable attribute), or skip if the OS can't."""
    if os.geteuid() != 0:
        os.chmod(path, 0o500)
        try:
            yield
        finally:
            os.chmod(path, 0o700)
        return
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("cannot make a folder read-only for root here (chattr unavailable)")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def verify_average_wage(db, emp_id: int, amount: str = "12000") -> None:
    """HR enters the 前12个月平均工资 it verified from the records before HRDesk, as it must for a
    leaver whose twelve months are not all in the system (else the statement cannot be approved)."""
    from decimal import Decimal

    from hrdesk.core.separation import settlement

    ctx = ServiceContext(db, Actor.system())
    current = settlement.statement(ctx, emp_id).params
    settlement.save_params(ctx, emp_id, replace(current, average_wage=Decimal(amount)))


def flip_byte(path, offset: int) -> None:
    """Damage one byte of a file in place, as a failing disk or an attacker would."""
    with open(path, "r+b") as fh:
        fh.seek(offset)
        value = fh.read(1)
        fh.seek(offset)
        fh.write(bytes([value[0] ^ 0x01]))


def environment_keys(monkeypatch) -> str:
    """Both keys in the environment, as automation without a credential store sets them (so a
    child process opens the company too); returns the database key."""
    key = keys.generate_key()
    monkeypatch.setenv(keys.ENV_KEY, key)
    monkeypatch.setenv(audit_key.ENV_AUDIT_KEY, keys.generate_key())
    return key


def stored_input(ctx: ServiceContext, employee_id: int, **changes) -> tuple[EmployeeInput, int]:
    """The employee's record as an edit dialog submits it unchanged, with ``changes``; and its
    version (read as stored, so masked values of the caller do not get in the way)."""
    from dataclasses import fields as dc_fields

    from hrdesk.core.people.employee_rules import Gender
    from hrdesk.core.people.tables import Employee

    with ctx.read() as session:
        emp = session.get(Employee, employee_id)
        assert emp is not None
        values = {f.name: getattr(emp, f.name) for f in dc_fields(EmployeeInput) if hasattr(emp, f.name)}
        version = emp.version
    values["gender"] = Gender(values["gender"]) if values.get("gender") else None
    values["status"] = EmployeeStatus(values["status"])
    values["contract_type"] = ContractType(values["contract_type"]) if values.get("contract_type") else None
    values = {
        k: ("" if v is None and k in ("phone", "email", "bank_account", "bank_name") else v) for k, v in values.items()
    }
    values["custom"] = {}
    values.update(changes)
    return EmployeeInput(**values), version

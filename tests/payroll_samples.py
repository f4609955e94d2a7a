"""Payroll rows for export tests and benchmarks, calculated by the real rules (no database).

``sample_rows()`` is a small run (three departments, a project department, Shanghai / Beijing /
Guangzhou, allowances, a deduction, a separately taxed bonus, severance, formula-like names);
``bulk_rows(n)`` builds any number of varied rows for benchmarks.
"""

from __future__ import annotations

import random
import zlib
from datetime import date, datetime
from decimal import Decimal

from hrdesk.core.kernel.months import month_end
from hrdesk.core.payroll.defaults import default_versions
from hrdesk.core.payroll.rules.calculation import EmployeeMonth, TaxOptions, calculate
from hrdesk.core.payroll.rules.items import PayCategory, PayItem
from hrdesk.core.payroll.rules.policy import PolicySet
from hrdesk.core.payroll.rules.report import PayrollRow, RunHeader, RunStatus
from tests.helpers import make_card, make_id

MONTH = date(2026, 1, 1)
D = Decimal

_POLICIES: PolicySet | None = None


def policies() -> PolicySet:
    global _POLICIES
    if _POLICIES is None:
        _POLICIES = PolicySet(default_versions())
    return _POLICIES


def header(
    *,
    stale: bool = False,
    status: RunStatus = RunStatus.APPROVED,
    company: str = "示例科技有限公司",
    month: date = MONTH,
) -> RunHeader:
    return RunHeader(
        company,
        month,
        status,
        stale,
        datetime(2026, 1, 28, 10, 5),
        "张会计",
        datetime(2026, 1, 29, 9, 0) if status in (RunStatus.APPROVED, RunStatus.PAID) else None,
        "王经理" if status in (RunStatus.APPROVED, RunStatus.PAID) else None,
    )


def allowance(code: str, label: str, amount: str, *, taxable: bool = True) -> PayItem:
    return PayItem(code, label, PayCategory.EARNING, D(amount), taxable, source="allowance")


def entry(code: str, label: str, category: PayCategory, amount: str) -> PayItem:
    return PayItem(code, label, category, D(amount))


def make_row(
    employee_id: int,
    emp_no: str,
    name: str,
    department: str,
    *,
    kind: str = "business",
    salary: str = "12000",
    city: str | None = "上海",
    insurance_base: str | None = None,
    fund_base: str | None = None,
    items: tuple[PayItem, ...] = (),
    special: tuple[tuple[str, str], ...] = (),
    project: str = "",
    change: str = "",
    id_number: str | None = None,
    bank_account: str | None = None,
    bank_name: str = "中国工商银行上海分行",
    month: date = MONTH,
    employed_from: date = date(2020, 1, 6),
    employed_to: date = date(2099, 12, 31),
    options: TaxOptions = TaxOptions(),
    insurance: bool = True,
    housing_fund: bool = True,
) -> PayrollRow:
    emp = EmployeeMonth(
        employee_id=employee_id,
        emp_no=emp_no,
        name=name,
        month=month,
        employed_from=max(employed_from, month),
        employed_to=min(employed_to, month_end(month)),
        salary=((date(2020, 1, 1), D(salary)),),
        insurance_base=D(insurance_base or salary),
        housing_fund_base=D(fund_base or insurance_base or salary),
        insurance=insurance,
        housing_fund=housing_fund,
        items=items,
        special_additional=tuple((code, D(amount)) for code, amount in special),
        options=options,
    )
    payslip = calculate(emp, policies().rules(month, city))
    return PayrollRow(
        employee_id=employee_id,
        emp_no=emp_no,
        name=name,
        department_id=zlib.crc32(department.encode()) % 1000,
        department=department,
        project_department_id=(zlib.crc32(project.encode()) % 1000) if project else None,
        project_department=project,
        department_kind=kind,
        id_number=make_id(seq=employee_id % 1000) if id_number is None else id_number,
        bank_account=make_card(serial=employee_id) if bank_account is None else bank_account,
        bank_name=bank_name,
        city=city or "",
        insurance_change=change,
        payslip=payslip,
    )


def sample_rows() -> list[PayrollRow]:
    """Eight employees in department then 工号 order, as the service returns them."""
    meal = allowance("meal", "餐补", "500", taxable=True)
    phone = allowance("phone", "通讯补贴", "200")
    heat = allowance("heat", "防暑降温费", "300", taxable=False)
    return [
        # 人事部 (function)
        make_row(
            1,
            "E001",
            "张三",
            "人事部",
            kind="function",
            salary="20000",
            items=(meal, phone),
            special=(("child_education", "2000"), ("elderly_support", "3000")),
        ),
        make_row(
            2,
            "E002",
            '=HYPERLINK("http://x","y")',
            "人事部",
            kind="function",
            salary="6000",
            items=(meal,),
            change="add",
        ),  # base below the Shanghai floor: 按下限
        # 销售部/华东销售部 (business)
        make_row(
            3,
            "E003",
            "+1-2",
            "销售部/华东销售部",
            salary="50000",  # above the cap: 按上限
            items=(
                meal,
                entry("bonus", "全年一次性奖金", PayCategory.ANNUAL_BONUS, "36000"),
                entry("absence", "缺勤扣款", PayCategory.PRE_TAX_DEDUCTION, "300"),
            ),
        ),
        make_row(
            4,
            "E004",
            "@SUM(A1)",
            "销售部/华东销售部",
            salary="15000",
            city="北京",
            items=(
                phone,
                heat,
                entry("loan", "借款归还", PayCategory.AFTER_TAX_DEDUCTION, "1000"),
                entry("travel", "差旅报销", PayCategory.REIMBURSEMENT, "850.50"),
            ),
            special=(("housing_rent", "1500"),),
        ),
        make_row(
            5,
            "E005",
            "李四",
            "销售部/华东销售部",
            salary="18000",
            city="广州",
            change="stop",
            items=(entry("severance", "经济补偿金", PayCategory.SEVERANCE, "500000"),),
            employed_to=date(2026, 1, 20),
        ),
        # 工程部 (business) with people working in a 项目部
        make_row(
            6,
            "E006",
            "王五",
            "工程部",
            salary="16000",
            project="工程部/滨江项目部",
            special=(("housing_loan", "1000"),),
        ),
        make_row(
            7,
            "E007",
            "-赵六",
            "工程部",
            salary="9000",
            project="工程部/滨江项目部",
            insurance=False,
            housing_fund=False,
        ),  # not enrolled: no contributions
        make_row(8, "E008", "钱七", "工程部", salary="11000", kind="business"),
    ]


SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂"
DEPARTMENTS = [
    ("总经办", "function"),
    ("人事行政部", "function"),
    ("财务部", "function"),
    ("销售部/华东销售部", "business"),
    ("销售部/华南销售部", "business"),
    ("销售部/华北销售部", "business"),
    ("研发部/平台组", "business"),
    ("研发部/移动组", "business"),
    ("研发部/测试组", "business"),
    ("工程部/滨江项目部", "project"),
    ("工程部/临港项目部", "project"),
    ("客服部", "business"),
]
CITIES = ("上海", "北京", "深圳", "广州", "杭州")
SPECIALS = ("child_education", "infant_care", "elderly_support", "continuing_education", "housing_loan", "housing_rent")


def bulk_rows(count: int, seed: int = 7) -> list[PayrollRow]:
    """``count`` varied rows (departments, cities, allowances, one-off items), sorted like the service."""
    rng = random.Random(seed)
    items_pool = [
        allowance("meal", "餐补", "500"),
        allowance("phone", "通讯补贴", "200"),
        allowance("transport", "交通补贴", "300"),
        allowance("heat", "防暑降温费", "300", taxable=False),
        allowance("post", "岗位津贴", "1500"),
        entry("overtime", "加班费", PayCategory.EARNING, "1234.56"),
        entry("commission", "销售提成", PayCategory.EARNING, "8800"),
        entry("absence", "缺勤扣款", PayCategory.PRE_TAX_DEDUCTION, "275.86"),
        entry("loan", "借款归还", PayCategory.AFTER_TAX_DEDUCTION, "500"),
        entry("travel", "差旅报销", PayCategory.REIMBURSEMENT, "432.10"),
    ]
    rows = []
    for n in range(1, count + 1):
        department, kind = DEPARTMENTS[n % len(DEPARTMENTS)]
        items = tuple(item for item in items_pool if rng.random() < 0.35)
        if n % 97 == 0:
            items += (entry("bonus", "全年一次性奖金", PayCategory.ANNUAL_BONUS, str(rng.randint(5, 80) * 1000)),)
        special = tuple((code, "1000") for code in SPECIALS if rng.random() < 0.15)
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        rows.append(
            make_row(
                n,
                f"E{n:06d}",
                name,
                department,
                kind=kind,
                salary=str(rng.randint(50, 450) * 100),
                city=rng.choice(CITIES),
                items=items,
                special=special,
                project=department if kind == "project" else "",
                change="add" if n % 53 == 0 else "",
            )
        )
    rows.sort(key=lambda row: (row.department, row.emp_no))
    return rows

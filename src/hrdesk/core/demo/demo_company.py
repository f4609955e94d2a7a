"""A fictitious but realistic demo company: for trying HRDesk out, screenshots, training and load tests.

Everything is written through the services with a system context, not straight into tables, so the
demo goes through the same validation and audit trail as real data: a demo that loads proves the
services accept realistic input, and its audit log looks like a real company's.

The data is generated from ``random.Random(seed)`` only (never the global generator), so the same
seed and ``today`` always give the same company, which tests, bug reports and benchmarks rely on.
Identity numbers, bank cards and phone numbers are well-formed (check digits, real region codes and
bank BINs) so that validation accepts them, but they belong to nobody; e-mail addresses use the
reserved ``example.com`` domain so that nothing is ever mailed to a real person.

Generation is plain Python over precomputed tables (a few microseconds per person); the cost of
100,000 employees is in the services' validation and the bulk insert, not here.
"""

from __future__ import annotations

import bisect
import calendar
import itertools
import random
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import hrdesk.core.areas  # noqa: F401  (the demo company uses every area)
from hrdesk.core.accounts import users
from hrdesk.core.company import setup as company
from hrdesk.core.demo import staging
from hrdesk.core.demo.flows import start_sample_flows
from hrdesk.core.demo.payroll import seed_payroll
from hrdesk.core.kernel import audit_key
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import StorageError, ValidationError
from hrdesk.core.kernel.exports import workfolder
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Actor, Role
from hrdesk.core.kernel.persistence import keys
from hrdesk.core.kernel.persistence.company_file import open_existing
from hrdesk.core.kernel.persistence.database import CompanyDatabase
from hrdesk.core.kernel.persistence.datadir import DataDir
from hrdesk.core.org import departments, positions
from hrdesk.core.org.tree import DepartmentKind
from hrdesk.core.people import employees as employee_service
from hrdesk.core.people.employee_rules import ContractType, EmployeeInput, EmployeeStatus, Gender

MAX_EMPLOYEES = 100_000
COMPANY_NAME = "示例科技有限公司"
EMAIL_DOMAIN = "shilikeji.example.com"  # reserved domain (RFC 2606): demo mail never reaches anyone
ADMIN_USERNAME = "admin"
ADMIN_DISPLAY_NAME = "系统管理员"
EMP_NO_PREFIX = "E"  # the pattern lifecycle.suggest_emp_no continues from

# Rows per bulk_create call: large enough to stay fast, small enough that one call's validated
# rows, audit entries and JSON texts do not all sit in memory at once for 100,000 employees
# (measured at 100,000: 10,000 per call 18 s / 314 MiB peak, 25,000: 17 s / 404 MiB).
_BATCH = 10_000
_SEPARATED_SHARE = 0.05
_TEAM_SIZE = 15  # staff per 主管 in large departments
_MIN_STAFF_FOR_SUPERVISORS = 25


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    roles: tuple[Role, ...]
    employee_emp_no: str | None


@dataclass(frozen=True)
class DemoResult:
    db: CompanyDatabase
    recovery_key: str
    audit_recovery_key: str
    logins: list[DemoLogin]  # administrator first
    employee_count: int


# --- reference tables ---------------------------------------------------------------------------

# Common surnames with their approximate share of the population (per ten thousand, after the
# 2020 census), so that 王/李/张 dominate as they do in a real register.
_SURNAMES: tuple[tuple[str, str, int], ...] = (
    ("王", "wang", 710),
    ("李", "li", 700),
    ("张", "zhang", 660),
    ("刘", "liu", 530),
    ("陈", "chen", 450),
    ("杨", "yang", 310),
    ("黄", "huang", 210),
    ("赵", "zhao", 200),
    ("吴", "wu", 190),
    ("周", "zhou", 190),
    ("徐", "xu", 150),
    ("孙", "sun", 140),
    ("马", "ma", 130),
    ("朱", "zhu", 120),
    ("胡", "hu", 110),
    ("郭", "guo", 110),
    ("何", "he", 100),
    ("林", "lin", 97),
    ("高", "gao", 96),
    ("罗", "luo", 86),
    ("郑", "zheng", 80),
    ("梁", "liang", 78),
    ("谢", "xie", 70),
    ("宋", "song", 64),
    ("唐", "tang", 62),
    ("许", "xu", 60),
    ("韩", "han", 58),
    ("冯", "feng", 56),
    ("邓", "deng", 55),
    ("曹", "cao", 52),
    ("彭", "peng", 50),
    ("曾", "zeng", 48),
    ("肖", "xiao", 47),
    ("田", "tian", 45),
    ("董", "dong", 44),
    ("袁", "yuan", 43),
    ("潘", "pan", 42),
    ("于", "yu", 41),
    ("蒋", "jiang", 40),
    ("蔡", "cai", 39),
    ("余", "yu", 38),
    ("杜", "du", 37),
    ("叶", "ye", 36),
    ("程", "cheng", 35),
    ("苏", "su", 34),
    ("魏", "wei", 33),
    ("吕", "lv", 32),
    ("丁", "ding", 31),
    ("任", "ren", 30),
    ("沈", "shen", 29),
    ("姚", "yao", 28),
    ("卢", "lu", 27),
    ("姜", "jiang", 26),
    ("崔", "cui", 25),
    ("钟", "zhong", 24),
    ("谭", "tan", 23),
    ("陆", "lu", 22),
    ("汪", "wang", 21),
    ("范", "fan", 20),
    ("金", "jin", 19),
    ("石", "shi", 18),
    ("廖", "liao", 17),
    ("贾", "jia", 16),
    ("夏", "xia", 15),
    ("韦", "wei", 14),
    ("方", "fang", 13),
    ("白", "bai", 12),
    ("邹", "zou", 12),
    ("孟", "meng", 11),
    ("熊", "xiong", 11),
    ("秦", "qin", 10),
    ("邱", "qiu", 10),
    ("江", "jiang", 10),
    ("尹", "yin", 9),
    ("薛", "xue", 9),
    ("欧阳", "ouyang", 3),
    ("司马", "sima", 1),
    ("诸葛", "zhuge", 1),
    ("上官", "shangguan", 1),
)


def _chars(text: str) -> tuple[tuple[str, str], ...]:
    """'伟wei 强qiang' -> (('伟', 'wei'), ('强', 'qiang')): a character with its pinyin for e-mails."""
    return tuple((item[0], item[1:]) for item in text.split())


_MALE_CHARS = _chars(
    "伟wei 强qiang 磊lei 军jun 洋yang 勇yong 杰jie 涛tao 斌bin 超chao 明ming 刚gang 平ping 辉hui 鹏peng "
    "华hua 飞fei 鑫xin 波bo 宇yu 浩hao 凯kai 健jian 俊jun 帆fan 帅shuai 旭xu 龙long 建jian 国guo 志zhi "
    "博bo 峰feng 亮liang 成cheng 东dong 海hai 振zhen 轩xuan 昊hao 睿rui 泽ze 航hang 毅yi 锋feng 豪hao "
    "彬bin 诚cheng 栋dong 坤kun"
)
_FEMALE_CHARS = _chars(
    "芳fang 娜na 敏min 静jing 丽li 艳yan 娟juan 霞xia 秀xiu 燕yan 玲ling 婷ting 雪xue 慧hui 莉li 琳lin "
    "颖ying 倩qian 洁jie 佳jia 欣xin 悦yue 晶jing 梅mei 兰lan 红hong 萍ping 琴qin 蕾lei 薇wei 怡yi "
    "雯wen 婧jing 璐lu 瑶yao 诗shi 梦meng 思si 雨yu 露lu 丹dan 妍yan 馨xin 蓉rong 凤feng 莹ying 彤tong"
)
_NEUTRAL_CHARS = _chars(
    "文wen 晨chen 子zi 涵han 然ran 嘉jia 晓xiao 新xin 宁ning 林lin 一yi 春chun 明ming 云yun 安an 清qing "
    "欣xin 乐le 天tian 思si 佳jia 正zheng 永yong 德de"
)
_MALE_POOL = _MALE_CHARS * 2 + _NEUTRAL_CHARS  # gendered characters twice as likely as neutral ones
_FEMALE_POOL = _FEMALE_CHARS * 2 + _NEUTRAL_CHARS

# 6-digit administrative division codes and the first year each was in use. stdnum (like the
# authorities) refuses an ID number whose region did not exist in the holder's birth year, so a
# person born in 1970 must come from a region that existed then. 0 means "always".
_REGIONS: tuple[tuple[str, int], ...] = (
    ("110102", 0),
    ("110105", 0),
    ("110106", 0),
    ("110107", 0),
    ("120103", 0),
    ("120104", 0),
    ("310104", 0),
    ("310105", 0),
    ("310106", 0),
    ("310107", 0),
    ("340121", 0),
    ("350121", 0),
    ("360121", 0),
    ("430121", 0),
    ("510121", 0),
    ("310112", 1981),
    ("310115", 1992),
    ("320102", 1983),
    ("320106", 1983),
    ("320583", 1989),
    ("330102", 1983),
    ("330106", 1983),
    ("330108", 1996),
    ("350203", 1983),
    ("370102", 1983),
    ("370202", 1983),
    ("410105", 1983),
    ("420106", 1983),
    ("420111", 1983),
    ("440103", 1983),
    ("440104", 1983),
    ("440106", 1985),
    ("440305", 1990),
    ("440306", 1992),
    ("500103", 1997),
    ("510104", 1990),
    ("510107", 1990),
    ("610113", 1983),
    ("210102", 1983),
    ("230102", 1983),
    ("130102", 1983),
    ("450102", 1983),
    ("530102", 1983),
)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)  # GB 11643 / ISO 7064 MOD 11-2
_ID_CHECK = "10X98765432"

# Debit-card BINs of the big banks, with card length and share of payroll accounts.
_BANKS: tuple[tuple[str, int, str, int], ...] = (
    ("622202", 19, "中国工商银行", 25),
    ("621700", 19, "中国建设银行", 22),
    ("622848", 19, "中国农业银行", 15),
    ("621660", 19, "中国银行", 13),
    ("622588", 16, "招商银行", 15),
    ("622262", 19, "交通银行", 10),
)
_BANK_CUM = tuple(itertools.accumulate(b[3] for b in _BANKS))

_MOBILE_PREFIXES = (
    "130",
    "131",
    "132",
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "158",
    "159",
    "166",
    "173",
    "176",
    "177",
    "180",
    "181",
    "182",
    "183",
    "185",
    "186",
    "187",
    "188",
    "189",
    "191",
    "198",
    "199",
)

_CITIES = ("上海", "北京", "深圳", "广州", "杭州")
_CITY_WEIGHTS = (40, 15, 15, 12, 18)  # headquarters in 上海

# Pay range (whole yuan) per position: (lowest, highest). Managers' ranges sit higher.
_POSITIONS: dict[str, tuple[int, int, str]] = {
    "总经理": (45000, 60000, "GM"),
    "部门经理": (20000, 45000, "MGR"),
    "项目经理": (18000, 40000, "PM"),
    "主管": (12000, 25000, "SUP"),
    "人事专员": (6000, 12000, "HR"),
    "招聘专员": (6000, 11000, "REC"),
    "会计": (7000, 15000, "ACC"),
    "出纳": (5000, 9000, "CSH"),
    "行政专员": (5000, 9000, "ADM"),
    "前台": (4000, 6500, "RCP"),
    "销售代表": (5000, 16000, "SAL"),
    "市场专员": (6000, 14000, "MKT"),
    "产品经理": (14000, 35000, "PDM"),
    "软件工程师": (10000, 32000, "SWE"),
    "测试工程师": (8000, 20000, "QA"),
    "客服专员": (4000, 8000, "CS"),
    "技术员": (6000, 12000, "TEC"),
    "施工员": (6000, 12000, "CON"),
    "安全员": (6000, 11000, "SAF"),
    "资料员": (4500, 8000, "DOC"),
}


@dataclass(frozen=True)
class _Dept:
    """One node of the demo org tree and who works there."""

    key: str
    name: str
    code: str
    kind: DepartmentKind
    parent: str | None
    weight: float  # share of the staff
    staff_positions: tuple[tuple[str, int], ...]  # (position, relative weight)
    male_share: float = 0.55
    cities: tuple[str, ...] = ()  # social-security cities; empty = the company's mix
    head_position: str = "部门经理"
    seconded_to: tuple[str, ...] = ()  # 项目部 some of the staff are charged to


_P, _B, _F = DepartmentKind.PROJECT, DepartmentKind.BUSINESS, DepartmentKind.FUNCTION
_PROJECT_STAFF = (("施工员", 6), ("技术员", 3), ("安全员", 2), ("资料员", 1))


def _project(key: str, name: str, code: str, weight: float, male_share: float, city: str) -> _Dept:
    """A 项目部 under 工程中心, in one city, headed by its 项目经理 (the 项目负责人)."""
    return _Dept(key, name, code, _P, "eng", weight, _PROJECT_STAFF, male_share, (city,), "项目经理")


# Parents before children. The order of the list is also the order in which departments get a
# head when there are fewer employees than departments: the top and the functions first. The root
# is the company itself (its head the 总经理), counted as a business unit, not a function.
_DEPARTMENTS: tuple[_Dept, ...] = (
    _Dept("hq", "总公司", "HQ", _B, None, 0, (), head_position="总经理", cities=("上海",)),
    _Dept("hr", "人事部", "HR", _F, "hq", 1.5, (("人事专员", 3), ("招聘专员", 2)), 0.3, ("上海",)),
    _Dept("fin", "财务部", "FIN", _F, "hq", 1.5, (("会计", 3), ("出纳", 1)), 0.3, ("上海",)),
    _Dept("adm", "行政部", "ADM", _F, "hq", 1.5, (("行政专员", 3), ("前台", 1)), 0.35),
    _Dept("sales", "销售部", "SAL", _B, "hq", 1, (("销售代表", 1),), 0.6, ("上海",)),
    _Dept("rd", "研发中心", "RD", _B, "hq", 1, (("产品经理", 1),), 0.6, ("杭州",)),
    _Dept("eng", "工程中心", "ENG", _B, "hq", 1, (("技术员", 1),), 0.8),
    _project("p_metro", "地铁三号线项目部", "PRJ-01", 9, 0.85, "杭州"),
    _project("p_idc", "临港数据中心项目部", "PRJ-02", 7, 0.8, "上海"),
    _project("p_park", "南山科技园项目部", "PRJ-03", 6, 0.8, "深圳"),
    _project("p_airport", "白云机场扩建项目部", "PRJ-04", 6, 0.85, "广州"),
    _project("p_smart", "大兴智慧园区项目部", "PRJ-05", 5, 0.75, "北京"),
    _Dept("sales_east", "华东销售部", "SAL-E", _B, "sales", 10, (("销售代表", 1),), 0.55, ("上海", "杭州")),
    _Dept("sales_south", "华南销售部", "SAL-S", _B, "sales", 8, (("销售代表", 1),), 0.55, ("深圳", "广州")),
    _Dept(
        "rd_platform",
        "平台研发部",
        "RD-P",
        _B,
        "rd",
        10,
        (("软件工程师", 4), ("测试工程师", 1)),
        0.7,
        ("杭州", "上海"),
        seconded_to=("p_idc", "p_smart"),
    ),
    _Dept(
        "rd_app",
        "应用研发部",
        "RD-A",
        _B,
        "rd",
        8,
        (("软件工程师", 3), ("产品经理", 1)),
        0.65,
        ("杭州", "深圳"),
        seconded_to=("p_smart", "p_park"),
    ),
    _Dept("rd_qa", "测试部", "RD-Q", _B, "rd", 5, (("测试工程师", 1),), 0.55, ("杭州",)),
    _Dept("mkt", "市场部", "MKT", _B, "hq", 3, (("市场专员", 1),), 0.45, ("上海", "北京")),
    _Dept("cs", "客服部", "CS", _B, "hq", 5, (("客服专员", 1),), 0.4, ("上海", "广州")),
)
_DEPT_BY_KEY = {d.key: d for d in _DEPARTMENTS}
_SECONDED_SHARE = 0.1


# --- small generators ---------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def id_check_digit(first17: str) -> str:
    """The 18th character of a resident ID number (ISO 7064 MOD 11-2)."""
    return _ID_CHECK[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def luhn_check_digit(body: str) -> str:
    """The digit that makes ``body`` + digit pass the Luhn check (as every bank card does)."""
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:  # doubled: these positions are odd once the check digit is appended
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str(-total % 10)


def _regions_by_year() -> dict[int, tuple[str, ...]]:
    """Region codes valid in each plausible birth year (computed once: a dict look-up per person)."""
    return {year: tuple(code for code, since in _REGIONS if since <= year) for year in range(1940, 2030)}


_REGION_POOL = _regions_by_year()


class _Generator:
    """Draws people from one seeded generator and remembers what must stay unique."""

    def __init__(self, rng: random.Random, today: date):
        self.rng = rng
        self.today = today
        self.id_numbers: set[str] = set()
        self.cards: set[str] = set()
        self.phones: set[str] = set()
        self.emails: Counter[str] = Counter()
        self._values: dict = {}
        self._surname_cum = list(itertools.accumulate(s[2] for s in _SURNAMES))

    def gender(self, male_share: float) -> Gender:
        return Gender.MALE if self.rng.random() < male_share else Gender.FEMALE

    def name(self, gender: Gender) -> tuple[str, str]:
        """A Chinese name and an e-mail local part ('wei.zhang'); one given character in ~1 of 5."""
        rng = self.rng
        surname, surname_py, _ = _SURNAMES[bisect.bisect_right(self._surname_cum, rng.random() * self._surname_cum[-1])]
        pool = _MALE_POOL if gender is Gender.MALE else _FEMALE_POOL
        given = [rng.choice(pool)] if rng.random() < 0.2 else [rng.choice(pool), rng.choice(pool)]
        name = surname + "".join(c for c, _ in given)
        return name, "".join(p for _, p in given) + "." + surname_py

    def email(self, local: str) -> str:
        """Unique within the company: the second 'wei.zhang' becomes 'wei.zhang2'."""
        self.emails[local] += 1
        n = self.emails[local]
        return f"{local}{n if n > 1 else ''}@{EMAIL_DOMAIN}"

    def birth_date(self, hire: date, youngest: int, oldest: int, typical: int) -> date:
        """A birth date giving an age at hire between ``youngest`` and ``oldest`` (whole years)."""
        low = youngest * 366  # at least `youngest` full years, whatever the leap days
        high = (oldest + 1) * 365 + (oldest + 1) // 4 - 1  # strictly less than oldest + 1 years
        return hire - timedelta(days=int(self.rng.triangular(low, high, typical * 365.25)))

    def id_number(self, birth: date, gender: Gender) -> str:
        """A valid 18-digit number: real region, the birth date, a sequence whose last digit's
        parity encodes the gender (odd = male), and the check digit. Unique in the company."""
        rng = self.rng
        regions = _REGION_POOL[birth.year]
        born = birth.strftime("%Y%m%d")
        parity = 1 if gender is Gender.MALE else 0
        while True:
            seq = rng.randrange(0, 500) * 2 + parity
            first17 = f"{rng.choice(regions)}{born}{seq:03d}"
            number = first17 + id_check_digit(first17)
            if number not in self.id_numbers:
                self.id_numbers.add(number)
                return number

    def bank_card(self, city: str) -> tuple[str, str]:
        """A Luhn-valid card number with a real BIN, and the branch that holds it."""
        rng = self.rng
        bin_, length, bank, _ = _BANKS[bisect.bisect_right(_BANK_CUM, rng.random() * _BANK_CUM[-1])]
        while True:
            body = bin_ + str(rng.randrange(10 ** (length - 7), 10 ** (length - 6)))[1:]
            card = body + luhn_check_digit(body)
            if card not in self.cards:
                self.cards.add(card)
                return card, self._shared(f"{bank}{city}分行")

    def phone(self) -> str:
        while True:
            number = f"{self.rng.choice(_MOBILE_PREFIXES)}{self.rng.randrange(100_000_000):08d}"
            if number not in self.phones:
                self.phones.add(number)
                return number

    def salary(self, position: str) -> Decimal:
        """Whole hundreds of yuan, skewed towards the low end of the position's range."""
        low, high, _ = _POSITIONS[position]
        amount = self.rng.triangular(low, high, low + (high - low) * 0.25)
        return self._shared(Decimal(int(round(amount / 100)) * 100))

    def hire_date(self, min_days_ago: int, max_days_ago: int, recent_bias: float = 1.0) -> date:
        """A hire date in the window; recent_bias > 1 favours recent hires (a growing company)."""
        u = self.rng.random() ** recent_bias
        return self.today - timedelta(days=min_days_ago + int(u * (max_days_ago - min_days_ago)))

    def _shared(self, value):
        """One object per distinct value: 100,000 people share a few hundred salaries and branches."""
        return self._values.setdefault(value, value)

    def city(self, dept: _Dept) -> str:
        if dept.cities:
            return self.rng.choice(dept.cities)
        return self.rng.choices(_CITIES, _CITY_WEIGHTS)[0]


def contract_for(hire: date, as_of: date) -> tuple[ContractType, date, date | None]:
    """The contract in force on ``as_of``: fixed 3-year terms renewed once, then open-ended.

    After two consecutive fixed-term contracts the employee may ask for an open-ended one (劳动合同法
    art. 14), which is what most do; so long-serving people hold open-ended contracts.
    """
    start = hire
    for _ in range(2):
        end = add_months(start, 36) - timedelta(days=1)
        if end >= as_of:
            return ContractType.FIXED, start, end
        start = end + timedelta(days=1)
    return ContractType.OPEN_ENDED, start, None


# --- planning the people ------------------------------------------------------------------------

_HEAD, _SUPERVISOR, _STAFF = "head", "supervisor", "staff"


@dataclass(slots=True)
class _Person:
    """One planned employee. ``manager`` is an index into the plan: ids exist only once stored."""

    index: int
    emp_no: str
    tier: str
    level: int  # bulk_create round: a manager is always stored in an earlier round
    dept: str
    project: str | None
    position: str
    manager: int | None
    name: str
    email: str
    gender: Gender
    birth_date: date
    id_number: str
    phone: str
    hire_date: date
    probation_end: date
    status: EmployeeStatus
    last_working_day: date | None
    contract: tuple[ContractType, date, date | None]
    city: str
    salary: Decimal
    bank_account: str
    bank_name: str

    def to_input(self, ids: Sequence[int], dept_ids: dict[str, int], position_ids: dict[str, int]) -> EmployeeInput:
        contract_type, contract_start, contract_end = self.contract
        return EmployeeInput(
            emp_no=self.emp_no,
            name=self.name,
            id_number=self.id_number,
            gender=self.gender,
            birth_date=self.birth_date,
            phone=self.phone,
            email=self.email,
            department_id=dept_ids[self.dept],
            project_department_id=dept_ids[self.project] if self.project else None,
            position_id=position_ids[self.position],
            manager_id=ids[self.manager] if self.manager is not None else None,
            hire_date=self.hire_date,
            probation_end_date=self.probation_end,
            contract_type=contract_type,
            contract_start=contract_start,
            contract_end=contract_end,
            status=self.status,
            last_working_day=self.last_working_day,
            social_security_city=self.city,
            base_salary=self.salary,
            bank_account=self.bank_account,
            bank_name=self.bank_name,
        )


def _allocate(total: int, weights: Sequence[float]) -> list[int]:
    """Split ``total`` by weights with whole numbers that add up exactly (largest remainder)."""
    weight_sum = sum(weights)
    if total <= 0 or weight_sum <= 0:
        return [0] * len(weights)
    exact = [total * w / weight_sum for w in weights]
    counts = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: (-(exact[i] - counts[i]), i))
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def _depth(dept: _Dept) -> int:
    return 0 if dept.parent is None else 1 + _depth(_DEPT_BY_KEY[dept.parent])


# bulk_create rounds: heads by depth (each reports to the head above), then 主管, then staff.
_SUPERVISOR_LEVEL = max(_depth(d) for d in _DEPARTMENTS) + 1
_STAFF_LEVEL = _SUPERVISOR_LEVEL + 1


class _Planner:
    """Builds the whole company as plain objects before anything is stored."""

    def __init__(self, rng: random.Random, today: date):
        self.rng = rng
        self.today = today
        self.gen = _Generator(rng, today)
        self.people: list[_Person] = []
        self.heads: dict[str, int] = {}  # dept key -> person index

    def plan(self, n: int) -> list[_Person]:
        head_count = min(n, len(_DEPARTMENTS))
        for dept in _DEPARTMENTS[:head_count]:
            self._add_head(dept)
        staff_total = n - head_count
        counts = _allocate(staff_total, [d.weight for d in _DEPARTMENTS])
        teams: dict[str, list[int]] = {}
        for dept, count in zip(_DEPARTMENTS, counts, strict=True):
            supervisors = count // _TEAM_SIZE if count >= _MIN_STAFF_FOR_SUPERVISORS else 0
            teams[dept.key] = [self._add_supervisor(dept) for _ in range(supervisors)]
        for dept, count in zip(_DEPARTMENTS, counts, strict=True):
            team = teams[dept.key]
            for i in range(count - len(team)):
                manager = team[i % len(team)] if team else self.heads[dept.key]
                self._add_staff(dept, manager)
        self._assign_departures(n)
        return self.people

    def _manager_of_head(self, dept: _Dept) -> int | None:
        parent = dept.parent
        while parent is not None:
            if parent in self.heads:
                return self.heads[parent]
            parent = _DEPT_BY_KEY[parent].parent
        return None

    def _add_head(self, dept: _Dept) -> None:
        """Heads are long-serving and regular; their manager is the head higher up the tree."""
        hire = self.gen.hire_date(365, 3650)
        index = self._add(
            dept,
            _HEAD,
            _depth(dept),
            dept.head_position,
            self._manager_of_head(dept),
            hire,
            youngest=28,
            oldest=52,
            typical=36,
        )
        self.heads[dept.key] = index

    def _add_supervisor(self, dept: _Dept) -> int:
        hire = self.gen.hire_date(240, 3650)
        return self._add(
            dept, _SUPERVISOR, _SUPERVISOR_LEVEL, "主管", self.heads[dept.key], hire, youngest=25, oldest=50, typical=32
        )

    def _add_staff(self, dept: _Dept, manager: int) -> None:
        hire = self.gen.hire_date(0, 3650, recent_bias=1.6)
        position = self._weighted_position(dept)
        self._add(dept, _STAFF, _STAFF_LEVEL, position, manager, hire, youngest=20, oldest=58, typical=26)

    def _weighted_position(self, dept: _Dept) -> str:
        names = [p for p, _ in dept.staff_positions]
        return self.rng.choices(names, [w for _, w in dept.staff_positions])[0]

    def _project_for(self, dept: _Dept, tier: str) -> str | None:
        """项目部 staff are charged to their own 项目部; some R&D staff are seconded to one."""
        if dept.kind is DepartmentKind.PROJECT:
            return dept.key
        if tier == _STAFF and dept.seconded_to and self.rng.random() < _SECONDED_SHARE:
            return self.rng.choice(dept.seconded_to)
        return None

    def _add(
        self,
        dept: _Dept,
        tier: str,
        level: int,
        position: str,
        manager: int | None,
        hire: date,
        *,
        youngest: int,
        oldest: int,
        typical: int,
    ) -> int:
        gen, rng = self.gen, self.rng
        gender = gen.gender(dept.male_share)
        name, local = gen.name(gender)
        birth = gen.birth_date(hire, youngest, oldest, typical)
        city = gen.city(dept)
        card, bank = gen.bank_card(city)
        probation_end = add_months(hire, 3 if rng.random() < 0.6 else 6) - timedelta(days=1)
        # Still on probation on its last day; REGULAR from the day after.
        status = EmployeeStatus.PROBATION if probation_end >= self.today else EmployeeStatus.REGULAR
        index = len(self.people)
        self.people.append(
            _Person(
                index=index,
                emp_no=f"{EMP_NO_PREFIX}{index + 1:06d}",
                tier=tier,
                level=level,
                dept=dept.key,
                project=self._project_for(dept, tier),
                position=position,
                manager=manager,
                name=name,
                email=gen.email(local),
                gender=gender,
                birth_date=birth,
                id_number=gen.id_number(birth, gender),
                phone=gen.phone(),
                hire_date=hire,
                probation_end=probation_end,
                status=status,
                last_working_day=None,
                contract=contract_for(hire, self.today),
                city=city,
                salary=gen.salary(position),
                bank_account=card,
                bank_name=bank,
            )
        )
        return index

    def _assign_departures(self, n: int) -> None:
        """About 5% have left (with their last day); only staff, so no department or team is left
        with a departed head. Those serving notice (待离职) come from the sample separation flows
        (demo_flows), since 待离职 only ever follows from a separation flow."""
        rng, today = self.rng, self.today
        staff = [p for p in self.people if p.tier == _STAFF]
        eligible = [p for p in staff if p.hire_date < today - timedelta(days=1)]
        separated = rng.sample(eligible, min(len(eligible), round(n * _SEPARATED_SHARE)))
        for person in separated:
            span = (today - person.hire_date).days  # >= 2: a day strictly between hire and today
            person.last_working_day = person.hire_date + timedelta(days=rng.randint(1, span - 1))
            person.status = EmployeeStatus.SEPARATED
            person.contract = contract_for(person.hire_date, person.last_working_day)


# --- storing ------------------------------------------------------------------------------------


def _create_departments(ctx: ServiceContext) -> dict[str, int]:
    ids: dict[str, int] = {}
    order: Counter[str | None] = Counter()
    for dept in _DEPARTMENTS:
        order[dept.parent] += 1
        parent_id = ids[dept.parent] if dept.parent else None
        ids[dept.key] = departments.create_department(
            ctx, dept.name, dept.kind, parent_id, code=dept.code, sort_order=order[dept.parent]
        )
    return ids


def _create_positions(ctx: ServiceContext) -> dict[str, int]:
    return {name: positions.create_position(ctx, name, code=code) for name, (_, _, code) in _POSITIONS.items()}


def _batches(people: list[_Person]) -> Iterator[list[_Person]]:
    """Rounds by level (managers before their reports), each cut into bulk_create-sized pieces."""
    by_level = sorted(people, key=lambda p: (p.level, p.index))
    for _, level in itertools.groupby(by_level, key=lambda p: p.level):
        group = list(level)
        for start in range(0, len(group), _BATCH):
            yield group[start : start + _BATCH]


def _store_people(
    ctx: ServiceContext, people: list[_Person], dept_ids: dict[str, int], position_ids: dict[str, int]
) -> list[int]:
    """Store everyone through employees.bulk_create; returns the database id of each plan index."""
    ids: list[int] = [0] * len(people)
    for batch in _batches(people):
        inputs = [p.to_input(ids, dept_ids, position_ids) for p in batch]
        new_ids = employee_service.bulk_create(
            ctx,
            inputs,
            summary=tr("生成示例员工 {0} 至 {1}，共 {2} 人").format(batch[0].emp_no, batch[-1].emp_no, len(batch)),
        )
        for person, emp_id in zip(batch, new_ids, strict=True):
            ids[person.index] = emp_id
    return ids


def _assign_heads(ctx: ServiceContext, heads: dict[str, int], ids: list[int], dept_ids: dict[str, int]) -> None:
    """Name each department's head (for a 项目部: its 项目负责人), now that they exist."""
    order: Counter[str | None] = Counter()
    for dept in _DEPARTMENTS:
        order[dept.parent] += 1
        if dept.key in heads:
            departments.update_department(
                ctx,
                dept_ids[dept.key],
                name=dept.name,
                kind=dept.kind,
                parent_id=dept_ids[dept.parent] if dept.parent else None,
                code=dept.code,
                head_employee_id=ids[heads[dept.key]],
                sort_order=order[dept.parent],
            )


# --- logins -------------------------------------------------------------------------------------

# One login per role, administrator first, and a second 人事 (last, so the others' passwords stay
# as they were): nobody approves their own proposal, so what one HR login proposes the other
# reviews, and no demo flow waits for the administrator to name a handler.
_LOGINS: tuple[tuple[str, Role], ...] = (
    (ADMIN_USERNAME, Role.ADMIN),
    ("hr", Role.HR),
    ("finance", Role.FINANCE),
    ("manager", Role.MANAGER),
    ("lead", Role.PROJECT_LEAD),
    ("auditor", Role.AUDITOR),
    ("staff", Role.EMPLOYEE),
    ("hr2", Role.HR),
)

_UNLINKED_DISPLAY_NAMES = {"auditor": "外部审计", "hr2": "人事（复核）"}


def demo_passwords(seed: int) -> dict[str, str]:
    """Readable passwords such as 'Demo-hr-2041': compliant (length, variety, not the user name),
    and derived from the seed alone so they do not change with the number of employees."""
    rng = random.Random(f"hrdesk-demo-passwords-{seed}")
    return {username: f"Demo-{username}-{rng.randint(1000, 9999)}" for username, _ in _LOGINS}


def _pick_login_employees(people: list[_Person], heads: dict[str, int]) -> dict[str, _Person | None]:
    """Who each login stands for. Small demos may lack a suitable person; that login is unlinked."""
    reports = Counter(p.manager for p in people if p.manager is not None)
    taken: set[int] = set()

    def first(candidates) -> _Person | None:
        for person in candidates:
            if person.index not in taken and person.status in (EmployeeStatus.REGULAR, EmployeeStatus.PROBATION):
                taken.add(person.index)
                return person
        return None

    def in_dept(key: str) -> list[_Person]:
        members = [p for p in people if p.dept == key]
        return sorted(members, key=lambda p: (p.tier == _HEAD, p.status is not EmployeeStatus.REGULAR, p.index))

    lead = first([people[heads[d.key]] for d in _DEPARTMENTS if d.kind is DepartmentKind.PROJECT and d.key in heads])
    top = heads.get(_DEPARTMENTS[0].key)
    with_reports = [p for p in people if reports[p.index] and p.index != top]
    with_reports.sort(
        key=lambda p: (p.tier != _SUPERVISOR, _DEPT_BY_KEY[p.dept].kind is not DepartmentKind.BUSINESS, p.index)
    )
    plain = [p for p in people if p.tier == _STAFF and not reports[p.index] and p.status is EmployeeStatus.REGULAR]
    plain.sort(key=lambda p: (_DEPT_BY_KEY[p.dept].kind is not DepartmentKind.BUSINESS, p.index))
    return {
        ADMIN_USERNAME: None,  # the administrator is an IT role, not a person in the register
        "lead": lead,
        "hr": first(in_dept("hr")),
        "hr2": first(in_dept("hr")),
        "finance": first(in_dept("fin")),
        "manager": first(with_reports),
        "auditor": None,  # auditors are usually external (会计师事务所), not employees
        "staff": first(plain),
    }


def _create_logins(
    ctx: ServiceContext, people: list[_Person], heads: dict[str, int], ids: list[int], passwords: dict[str, str]
) -> list[DemoLogin]:
    linked = _pick_login_employees(people, heads)
    logins = [DemoLogin(ADMIN_USERNAME, passwords[ADMIN_USERNAME], (Role.ADMIN,), None)]
    for username, role in _LOGINS[1:]:
        person = linked[username]
        display = person.name if person else _UNLINKED_DISPLAY_NAMES.get(username, role.label)
        users.create_account(
            ctx,
            username,
            display,
            passwords[username],
            {role},
            employee_id=ids[person.index] if person else None,
            must_change_password=False,
        )
        logins.append(DemoLogin(username, passwords[username], (role,), person.emp_no if person else None))
    return logins


# --- the entry point ----------------------------------------------------------------------------


def create_demo_company(
    data_dir: DataDir, employees: int = 200, seed: int = 1, today: date | None = None
) -> DemoResult:
    """Create a complete demo company in an empty data folder and return how to sign in to it.

    ``today`` anchors every date (hire dates in the ten years before it, probation, departures),
    so tests can pin it. The company is built in a building folder beside the data folder and
    moved in only when complete (:mod:`.staging`): a failure, or a process killed half-way, leaves
    the data folder as it was, and the next demo removes what a killed one left.
    """
    if isinstance(employees, bool) or not isinstance(employees, int) or not 1 <= employees <= MAX_EMPLOYEES:
        raise ValidationError({"employees": tr("示例员工人数应在1到{0}之间").format(MAX_EMPLOYEES)})
    if data_dir.is_initialized():
        raise StorageError(tr("{0} 已有公司数据，不会覆盖。").format(data_dir.root))
    today = today or date.today()
    passwords = demo_passwords(seed)
    building = staging.start(data_dir)
    try:
        setup = company.setup_company(
            building.data_dir,
            company_name=COMPANY_NAME,
            admin_username=ADMIN_USERNAME,
            admin_display_name=ADMIN_DISPLAY_NAME,
            admin_password=passwords[ADMIN_USERNAME],
        )
    except BaseException:
        building.discard()
        raise
    database_id = building.data_dir.database_id()
    try:
        ctx = ServiceContext(setup.db, Actor.system(tr("示例数据")))
        planner = _Planner(random.Random(seed), today)
        people = planner.plan(employees)
        dept_ids = _create_departments(ctx)
        position_ids = _create_positions(ctx)
        ids = _store_people(ctx, people, dept_ids, position_ids)
        _assign_heads(ctx, planner.heads, ids, dept_ids)
        logins = _create_logins(ctx, people, planner.heads, ids, passwords)
        start_sample_flows(ctx, today, seed)
        seed_payroll(ctx, today, seed)
        setup.db.dispose()  # every file closed before the move (Windows renames no open file)
        staging.move_into_place(building, data_dir)
    except BaseException:
        _discard(building, setup, database_id)
        raise
    building.release()
    # the key itself, not the credential store: the company is in place, so opening must not fail
    # on a store that answered a minute ago and now does not (the recovery key was never shown)
    key = keys.key_from_recovery(setup.recovery_key)
    chain_key = keys.key_from_recovery(setup.audit_recovery_key)
    db = CompanyDatabase(open_existing(data_dir, key), data_dir, key, audit_key=chain_key)
    workfolder.use_data_folder(data_dir.root)
    return DemoResult(db, setup.recovery_key, setup.audit_recovery_key, logins, len(people))


def _discard(building: staging.Staging, setup: company.SetupResult, database_id: str) -> None:
    """Remove a half-built demo: the building folder and the stored key."""
    setup.db.dispose()
    if setup.key_in_keyring:
        keys.KeyStore(database_id).delete()
    audit_key.forget(database_id)
    building.discard()

"""One employee's payroll for one month: pure rules, Decimal only, every figure explained.

The caller (services.payroll) gathers what the register and the flows say about the month: the days
employed, the salary in force on each day, the contribution bases, allowances and one-off items, the
declared special additional deductions and the year-to-date figures. This module turns them into a
``Payslip`` whose ``lines`` say how each amount was reached.

Partial months are paid on 21.75 paid days a month (劳社部发〔2008〕3号): 21.75 = (365 − 104) ÷ 12
counts the working days and the statutory holidays, so a paid day (计薪日) is a working day of the
holiday calendar (a weekend day worked for 调休 included) or a statutory holiday, and not a rest
day (a weekday given off for 调休 included); a year the calendar does not list counts Monday to
Friday. A partial month never pays more than a full month at the highest salary in force during it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from hrdesk.core.kernel.calendar import WorkCalendar
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.months import month_end
from hrdesk.core.payroll.rules.insurance import CityPolicy, Contribution, contributions
from hrdesk.core.payroll.rules.items import PayCategory, PayItem
from hrdesk.core.payroll.rules.tax import (
    ZERO,
    BonusTax,
    SeveranceTax,
    TaxTable,
    basic_deduction_added,
    basic_deduction_applied,
    bonus_tax,
    round_fen,
    severance_tax,
    withhold,
)

PAID_DAYS_PER_MONTH = Decimal("21.75")


def paid_days(start: date, end: date, calendar: WorkCalendar | None = None) -> int:
    """Paid days from ``start`` to ``end`` inclusive (0 if end < start): the calendar's working days
    and statutory holidays, or Mondays to Fridays without a calendar."""
    if end < start:
        return 0
    if calendar is not None:
        return _calendar_paid_days(calendar, start, end)
    total = (end - start).days + 1
    weeks, rest = divmod(total, 7)
    days = weeks * 5
    weekday = start.weekday()
    for offset in range(rest):
        if (weekday + offset) % 7 < 5:
            days += 1
    return days


@lru_cache(maxsize=4096)
def _calendar_paid_days(calendar: WorkCalendar, start: date, end: date) -> int:
    # cached: nearly everyone in a month shares the same (start, end), and the count walks the days
    return sum(1 for offset in range((end - start).days + 1) if calendar.is_paid_day(start + timedelta(days=offset)))


@dataclass(frozen=True)
class YearToDate:
    """Cumulative figures of the tax year up to and including a month (this company only)."""

    months: int = 0  # months with wages from this company this year
    income: Decimal = ZERO  # 累计收入
    tax_free: Decimal = ZERO  # 累计免税收入
    basic: Decimal = ZERO  # 累计减除费用 (5,000 a month counted; the 6万 option is applied on top)
    special: Decimal = ZERO  # 累计专项扣除 (own social insurance and housing fund)
    additional: Decimal = ZERO  # 累计专项附加扣除
    other: Decimal = ZERO  # 累计其他扣除
    tax: Decimal = ZERO  # 累计已预扣预缴税额
    bonus_taxed_separately: bool = False  # the once-a-year separate bonus taxation is used


@dataclass(frozen=True)
class TaxOptions:
    low_income: bool = False  # previous year's wages here ≤ 60,000: 累计减除费用 60,000 from January
    bonus_separately: bool = True  # annual one-off bonus taxed on its own (the employee may merge it)
    basic_from_january: bool = False  # no wage income earlier this year: 5,000 from January (2020年第13号)


@dataclass(frozen=True)
class MonthRules:
    """The policy tables in force for the month (and the employee's city)."""

    annual_table: TaxTable
    monthly_table: TaxTable
    basic_monthly: Decimal
    low_income_annual: Decimal
    city: CityPolicy | None
    local_average_annual: Decimal | None = None  # previous year, for the severance exemption
    calendar: WorkCalendar | None = None  # which days are paid days; None: Monday to Friday
    notices: tuple[str, ...] = ()  # about the policy data itself (a version past its stated end)


@dataclass(frozen=True)
class EmployeeMonth:
    employee_id: int
    emp_no: str
    name: str
    month: date  # first day
    employed_from: date
    employed_to: date
    salary: tuple[tuple[date, Decimal], ...]  # (in force from, monthly salary), oldest first
    insurance_base: Decimal
    housing_fund_base: Decimal
    insurance: bool = True  # social insurance contributed this month
    housing_fund: bool = True
    items: tuple[PayItem, ...] = ()
    special_additional: tuple[tuple[str, Decimal], ...] = ()  # (code, amount this month)
    prior: YearToDate = field(default_factory=YearToDate)
    options: TaxOptions = field(default_factory=TaxOptions)


@dataclass(frozen=True)
class Line:
    """One figure of a payslip and how it was reached."""

    group: str  # pay, item, insurance, employer, tax, net
    code: str
    label: str
    amount: Decimal
    basis: str = ""


@dataclass(frozen=True)
class Payslip:
    employee_id: int
    month: date
    paid_days: int  # paid days employed this month
    month_paid_days: int
    base_pay: Decimal
    items: tuple[PayItem, ...]  # with prorated amounts where the item type prorates
    taxable_earnings: Decimal
    tax_free_earnings: Decimal
    pre_tax_deductions: Decimal
    bonus: Decimal
    severance: Decimal
    gross_pay: Decimal  # 应发合计
    contributions: tuple[Contribution, ...]
    employee_insurance: Decimal  # 个人社保公积金合计 (专项扣除)
    employer_insurance: Decimal
    special_additional: Decimal
    income: Decimal  # 本期收入 for the withholding declaration (wages, bonus if merged)
    tax_free: Decimal
    ytd: YearToDate  # after this month
    basic_deduction: Decimal  # 累计减除费用 applied (the 6万 option included)
    cumulative_taxable: Decimal
    tax_rate: Decimal
    quick_deduction: Decimal
    cumulative_tax_due: Decimal
    wage_tax: Decimal
    bonus_tax: BonusTax | None
    severance_tax: SeveranceTax | None
    after_tax_deductions: Decimal
    reimbursements: Decimal
    net_pay: Decimal  # 实发
    employer_cost: Decimal  # gross pay + employer contributions
    lines: tuple[Line, ...]
    warnings: tuple[str, ...] = ()

    @property
    def total_tax(self) -> Decimal:
        return (
            self.wage_tax
            + (self.bonus_tax.tax if self.bonus_tax else ZERO)
            + (self.severance_tax.tax if self.severance_tax else ZERO)
        )

    @property
    def total_deductions(self) -> Decimal:
        """Everything between gross and net: contributions, taxes, after-tax deductions, less
        reimbursements paid with the salary."""
        return self.employee_insurance + self.total_tax + self.after_tax_deductions - self.reimbursements

    def contribution(self, item) -> Contribution | None:
        for contribution in self.contributions:
            if contribution.item is item:
                return contribution
        return None


def _money(amount: Decimal) -> str:
    return f"{amount:,.2f}"


def _base_pay(
    emp: EmployeeMonth, last_day: date, calendar: WorkCalendar | None, lines: list[Line]
) -> tuple[Decimal, int, int, bool]:
    """Base salary for the days employed; returns (pay, paid days employed, month paid days, whole)."""
    month_days = paid_days(emp.month, last_day, calendar)
    employed_days = paid_days(emp.employed_from, emp.employed_to, calendar)
    # Employed on every paid day counts as a whole month (hired on Monday the 2nd after a Sunday the 1st).
    whole_month = employed_days == month_days
    segments = []
    for index, (start, monthly) in enumerate(emp.salary):
        end = emp.salary[index + 1][0] - timedelta(days=1) if index + 1 < len(emp.salary) else date.max
        seg_from, seg_to = max(start, emp.employed_from), min(end, emp.employed_to)
        if seg_from <= seg_to:
            segments.append((seg_from, seg_to, monthly))
    if whole_month and len(segments) == 1:
        monthly = segments[0][2]
        lines.append(
            Line(
                "pay",
                "base",
                tr("基本工资"),
                monthly,
                tr("全月{0}个计薪日均在职，按月薪 {1}").format(employed_days, _money(monthly)),
            )
        )
        return monthly, employed_days, month_days, True
    total = ZERO
    for seg_from, seg_to, monthly in segments:
        days = paid_days(seg_from, seg_to, calendar)
        pay = round_fen(monthly * days / PAID_DAYS_PER_MONTH)
        total += pay
        lines.append(
            Line(
                "pay",
                "base",
                tr("基本工资（{0}至{1}）").format(seg_from.strftime("%m-%d"), seg_to.strftime("%m-%d")),
                pay,
                tr("{0} ÷ 21.75 × {1}个计薪日 = {2}").format(_money(monthly), days, _money(pay)),
            )
        )
    highest = max((m for _, _, m in segments), default=ZERO)
    if total > highest:
        lines.append(
            Line(
                "pay",
                "base_cap",
                tr("不超过整月工资"),
                highest - total,
                tr("不足整月的工资不超过整月工资 {0}").format(_money(highest)),
            )
        )
        total = highest
    return total, employed_days, month_days, whole_month


def calculate(emp: EmployeeMonth, rules: MonthRules) -> Payslip:
    """The payslip of one employee for one month."""
    last_day = month_end(emp.month)
    lines: list[Line] = []
    warnings: list[str] = list(rules.notices)
    base_pay, employed_days, month_days, whole = _base_pay(emp, last_day, rules.calendar, lines)

    items: list[PayItem] = []
    sums = {category: ZERO for category in PayCategory}
    taxable_earnings = tax_free_earnings = ZERO
    for item in emp.items:
        amount = item.amount
        basis = tr("固定项目") if item.source == "allowance" else (item.note or tr("本月录入"))
        if item.prorate and not whole:
            amount = min(item.amount, round_fen(item.amount * employed_days / PAID_DAYS_PER_MONTH))
            basis = tr("{0} ÷ 21.75 × {1}个计薪日（不超过全额）").format(_money(item.amount), employed_days)
        item = replace(item, amount=amount)
        items.append(item)
        sums[item.category] += amount
        if item.category is PayCategory.EARNING:
            if item.taxable:
                taxable_earnings += amount
            else:
                tax_free_earnings += amount
        lines.append(Line("item", item.code, item.label, amount, basis))

    bonus, severance = sums[PayCategory.ANNUAL_BONUS], sums[PayCategory.SEVERANCE]
    pre_tax, after_tax = sums[PayCategory.PRE_TAX_DEDUCTION], sums[PayCategory.AFTER_TAX_DEDUCTION]
    reimbursements = sums[PayCategory.REIMBURSEMENT]
    gross = base_pay + taxable_earnings + tax_free_earnings + bonus + severance - pre_tax

    contribs: tuple[Contribution, ...] = ()
    if emp.insurance or emp.housing_fund:
        if rules.city is None:
            warnings.append(tr("未设置社保缴纳城市或该城市没有缴费政策，未计算社保公积金"))
        else:
            contribs = tuple(
                contributions(
                    rules.city,
                    emp.insurance_base,
                    emp.housing_fund_base,
                    insurance=emp.insurance,
                    housing_fund=emp.housing_fund,
                )
            )
    for c in contribs:
        basis, label = c.explain(), c.item.label
        if c.employee_amount:
            lines.append(Line("insurance", c.item.value, tr("个人{0}").format(label), c.employee_amount, basis))
        if c.employer_amount:
            lines.append(Line("employer", c.item.value, tr("单位{0}").format(label), c.employer_amount, basis))
    employee_insurance = sum((c.employee_amount for c in contribs), ZERO)
    employer_insurance = sum((c.employer_amount for c in contribs), ZERO)

    # The annual bonus is taxed on its own once a year if the employee chose so; otherwise it is wages.
    bonus_result = None
    separate_bonus = bonus > 0 and emp.options.bonus_separately and not emp.prior.bonus_taxed_separately
    if bonus > 0 and not separate_bonus:
        reason = tr("本年已单独计税一次") if emp.prior.bonus_taxed_separately else tr("员工选择并入综合所得")
        lines.append(Line("tax", "bonus_merged", tr("全年一次性奖金并入当月工资计税"), bonus, reason))
    if separate_bonus:
        bonus_result = bonus_tax(bonus, rules.monthly_table)
        lines.append(
            Line(
                "tax",
                "bonus_tax",
                tr("全年一次性奖金个税"),
                bonus_result.tax,
                tr("{0} ÷ 12 = {1}，适用税率 {2}%，{0} × {2}% − {3} = {4}").format(
                    _money(bonus),
                    bonus_result.monthly_equivalent_text,
                    _pct(bonus_result.rate),
                    _money(bonus_result.quick_deduction),
                    _money(bonus_result.tax),
                ),
            )
        )

    severance_result = None
    if severance > 0:
        if rules.local_average_annual is None:
            warnings.append(tr("缺少当地上年职工平均工资，补偿金未计免税额，请在薪资设置中补充"))
        severance_result = severance_tax(severance, rules.local_average_annual or ZERO, rules.annual_table)
        lines.append(
            Line(
                "tax",
                "severance_tax",
                tr("解除劳动合同补偿金个税"),
                severance_result.tax,
                tr("免税额 3 × {0} = {1}，应税部分 {2}，单独按综合所得税率表计税").format(
                    _money(rules.local_average_annual or ZERO),
                    _money(severance_result.exempt_limit),
                    _money(severance_result.taxable),
                ),
            )
        )

    income = base_pay + taxable_earnings + tax_free_earnings - pre_tax + (ZERO if separate_bonus else bonus)
    additional = sum((amount for _, amount in emp.special_additional), ZERO)
    prior = emp.prior
    # 累计减除费用 and the withholding itself: the same functions as the 个税计算器 (rules.tax)
    from_january = prior.months == 0 and emp.options.basic_from_january
    basic_add = basic_deduction_added(rules.basic_monthly, emp.month.month, counted_from_january=from_january)
    if from_january:
        basic_note = tr("本年此前无工资收入，自1月起累计 {0} × {1}").format(
            _money(rules.basic_monthly), emp.month.month
        )
    else:
        basic_note = tr("{0} × {1}个月").format(_money(rules.basic_monthly), prior.months + 1)
    ytd = YearToDate(
        months=prior.months + 1,
        income=prior.income + income,
        tax_free=prior.tax_free + tax_free_earnings,
        basic=prior.basic + basic_add,
        special=prior.special + employee_insurance,
        additional=prior.additional + additional,
        other=prior.other,
        tax=prior.tax,
        bonus_taxed_separately=prior.bonus_taxed_separately or separate_bonus,
    )
    basic = basic_deduction_applied(ytd.basic, rules.low_income_annual if emp.options.low_income else None)
    if basic != ytd.basic:
        basic_note = tr("上年度工资薪金不超过6万元，全年按 {0} 扣除").format(_money(rules.low_income_annual))
    withheld = withhold(
        ytd.income, ytd.tax_free + basic + ytd.special + ytd.additional + ytd.other, prior.tax, rules.annual_table
    )
    cumulative_taxable, due, wage_tax = withheld.taxable, withheld.due, withheld.this_month
    rate, quick = withheld.rate, withheld.quick_deduction
    ytd = replace(ytd, tax=prior.tax + wage_tax)
    lines += [
        Line(
            "tax",
            "cum_income",
            tr("累计收入"),
            ytd.income,
            tr("上月累计 {0} + 本月 {1}").format(_money(prior.income), _money(income)),
        ),
        Line("tax", "cum_tax_free", tr("累计免税收入"), ytd.tax_free, ""),
        Line("tax", "cum_basic", tr("累计减除费用"), basic, basic_note),
        Line(
            "tax",
            "cum_special",
            tr("累计专项扣除"),
            ytd.special,
            tr("上月累计 {0} + 本月个人社保公积金 {1}").format(_money(prior.special), _money(employee_insurance)),
        ),
        Line(
            "tax",
            "cum_additional",
            tr("累计专项附加扣除"),
            ytd.additional,
            tr("上月累计 {0} + 本月 {1}").format(_money(prior.additional), _money(additional)),
        ),
        Line(
            "tax",
            "cum_taxable",
            tr("累计应纳税所得额"),
            cumulative_taxable,
            tr("累计收入 − 免税收入 − 减除费用 − 专项扣除 − 专项附加扣除 − 其他扣除"),
        ),
        Line(
            "tax",
            "cum_tax_due",
            tr("累计应预扣税额"),
            due,
            tr("{0} × {1}% − {2}").format(_money(cumulative_taxable), _pct(rate), _money(quick)),
        ),
        Line(
            "tax",
            "wage_tax",
            tr("本月预扣个税"),
            wage_tax,
            tr("累计应预扣 {0} − 已预扣 {1}{2}").format(
                _money(due), _money(prior.tax), tr("（为负时本月不扣）") if due < prior.tax else ""
            ),
        ),
    ]
    bonus_tax_amount = bonus_result.tax if bonus_result else ZERO
    severance_tax_amount = severance_result.tax if severance_result else ZERO
    net = gross - employee_insurance - wage_tax - bonus_tax_amount - severance_tax_amount - after_tax + reimbursements
    lines.append(
        Line(
            "net",
            "net_pay",
            tr("实发工资"),
            net,
            tr("应发 {0} − 个人社保公积金 {1} − 个税 {2} − 税后扣款 {3} + 报销 {4}").format(
                _money(gross),
                _money(employee_insurance),
                _money(wage_tax + bonus_tax_amount + severance_tax_amount),
                _money(after_tax),
                _money(reimbursements),
            ),
        )
    )
    if net < 0:
        warnings.append(tr("实发工资为负数，请核对扣款"))
    return Payslip(
        employee_id=emp.employee_id,
        month=emp.month,
        paid_days=employed_days,
        month_paid_days=month_days,
        base_pay=base_pay,
        items=tuple(items),
        taxable_earnings=taxable_earnings,
        tax_free_earnings=tax_free_earnings,
        pre_tax_deductions=pre_tax,
        bonus=bonus,
        severance=severance,
        gross_pay=gross,
        contributions=contribs,
        employee_insurance=employee_insurance,
        employer_insurance=employer_insurance,
        special_additional=additional,
        income=income,
        tax_free=tax_free_earnings,
        ytd=ytd,
        basic_deduction=basic,
        cumulative_taxable=cumulative_taxable,
        tax_rate=rate,
        quick_deduction=quick,
        cumulative_tax_due=due,
        wage_tax=wage_tax,
        bonus_tax=bonus_result,
        severance_tax=severance_result,
        after_tax_deductions=after_tax,
        reimbursements=reimbursements,
        net_pay=net,
        employer_cost=gross + employer_insurance,
        lines=tuple(lines),
        warnings=tuple(warnings),
    )


def _pct(rate: Decimal) -> str:
    text = f"{rate * 100:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text

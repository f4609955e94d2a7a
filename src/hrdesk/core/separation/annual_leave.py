"""Paid annual leave (职工带薪年休假条例; 企业职工带薪年休假实施办法) when an employee leaves.

- **Entitlement** (条例 art. 3) by cumulative working years with any employer: under 1 year 0 days
  (it needs 12 months of continuous work), 1 to under 10 → 5, 10 to under 20 → 10, 20 and more → 15.
- **A leaver** (办法 art. 12): calendar days of the year already passed in this company, up to and
  including the last working day, ÷ 365 × entitlement − days already taken; the part under one
  whole day is dropped (from the final figure, so half days taken are handled exactly), never below
  0: leave taken beyond the prorated figure is not clawed back. The divisor is 365 in leap years too;
  the prorated figure is capped at the entitlement (31 December of a leap year would otherwise give
  366/365 of it). A hire during the same year counts from the hire date (“在本单位已过日历天数”).
- **Pay** (办法 art. 10, 11; 劳社部发〔2008〕3号): untaken days are paid at 300% of the daily wage, of
  which the normal 100% has already been paid with the wages, so the extra payable is 200%. Daily
  wage = monthly wage ÷ 21.75; the monthly wage is the average of the previous 12 months without
  overtime (the caller's job). The amount is rounded to the fen once, at the end.
- **The working shown** checks by hand as printed: a quotient is written exactly when it has at
  most two decimals, otherwise cut (never rounded) to four and marked "…" (10,000 ÷ 21.75 =
  459.7701…, 90 ÷ 365 × 10 = 2.4657…), so that dropping the part under a day visibly follows
  from it; the pay is written as the one expression it is computed from (monthly wage ÷ 21.75 ×
  200% × days), not as a rounded daily wage times the days, which can differ by a few fen.
- **Company days** (福利年假) on top of the statutory ones follow the company's own rule:
  :class:`CompanyLeaveRule` says whether they are prorated the same way and at what rate untaken
  ones are paid (0 = not paid). Days taken are passed per kind; which kind is used first is the
  leave record's business, not this module's.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.payroll.rules.tax import division_text

FEN = Decimal("0.01")
ZERO = Decimal("0.00")
YEAR_DAYS = 365  # the divisor, leap year or not
WORKING_DAYS_PER_MONTH = Decimal("21.75")  # 劳社部发〔2008〕3号
EXTRA_PAY_RATE = Decimal(2)  # 300% in total, 100% already paid with the wages


def round_fen(amount: Decimal) -> Decimal:
    return amount.quantize(FEN, rounding=ROUND_HALF_UP)


def statutory_entitlement(working_years: Decimal | int) -> int:
    """Days a year by cumulative working years (条例 art. 3)."""
    years = Decimal(working_years)
    if years < 1:
        return 0
    if years < 10:
        return 5
    if years < 20:
        return 10
    return 15


def days_passed(last_day: date, hire_date: date | None = None) -> int:
    """Calendar days of ``last_day``'s year in this company, up to and including ``last_day``."""
    start = date(last_day.year, 1, 1)
    if hire_date is not None and hire_date > start:
        start = hire_date
    return max(0, (last_day - start).days + 1)


def new_hire_days(entitlement: int, hire_date: date) -> int:
    """A new hire's leave in the year of hire (办法 art. 5): remaining calendar days, including the
    hire date, ÷ 365 × entitlement, fractions dropped."""
    remaining = (date(hire_date.year, 12, 31) - hire_date).days + 1
    return min(entitlement, math.floor(Decimal(remaining) * entitlement / YEAR_DAYS))


@dataclass(frozen=True)
class CompanyLeaveRule:
    """The company's own days on top of the statutory ones (0 = none)."""

    extra_days: Decimal = Decimal(0)
    prorate: bool = True  # prorated by days passed like the statutory days (else the full number)
    pay_rate: Decimal = Decimal(0)  # multiple of the daily wage paid per untaken day: 0 not paid, 1 = 100%


@dataclass(frozen=True)
class AnnualLeaveResult:
    working_years: Decimal
    entitlement: int  # statutory days for a full year
    days_passed: int
    prorated: Decimal  # days_passed ÷ 365 × entitlement, capped, to 2 places (data; see prorated_text)
    taken: Decimal
    untaken: int  # statutory days to pay
    monthly_wage: Decimal
    daily_wage: Decimal  # monthly ÷ 21.75 to the fen, for reference: the pay uses the exact quotient
    pay_rate: Decimal  # 2 = the extra 200%
    statutory_pay: Decimal
    company_days: Decimal  # the company's days for a full year
    company_prorated: Decimal
    company_taken: Decimal
    company_untaken: int
    company_pay_rate: Decimal
    company_pay: Decimal
    total_pay: Decimal
    basis: tuple[str, ...]

    @property
    def daily_wage_text(self) -> str:
        """monthly ÷ 21.75 as the working shows it: "459.7701…" (cut, not rounded), "1,000.00"."""
        return division_text(self.monthly_wage, WORKING_DAYS_PER_MONTH)

    @property
    def prorated_text(self) -> str:
        """days passed ÷ 365 × entitlement as the working shows it: "2.4657…天" (the cap named)."""
        return _prorated_text(self.days_passed, Decimal(self.entitlement))

    def pay_text(self, rate: Decimal, days: int) -> str:
        """The expression an amount is computed from: "10,000.00 ÷ 21.75 × 200% × 1天"."""
        return _pay_expression(self.monthly_wage, rate, days)


def _pay_expression(wage: Decimal, rate: Decimal, days: int) -> str:
    return tr("{0}元 ÷ 21.75 × {1}% × {2}天").format(_money(wage), _days(rate * 100), days)


def _prorated_text(days: int, full: Decimal) -> str:
    """ "2.4657…天"; past the year's length (31 December of a leap year) "10.0273…天，以全年10天为限"."""
    text = tr("{0}天").format(division_text(Decimal(days) * full, YEAR_DAYS))
    if days > YEAR_DAYS and full > 0:
        text += tr("，以全年{0}天为限").format(_days(full))
    return text


def _check(value, field: str, label: str) -> Decimal:
    if isinstance(value, float):
        raise TypeError("use Decimal, not float")
    amount = Decimal(value)
    if not amount.is_finite() or amount < 0:
        raise ValidationError({field: tr("{0}不能为负数").format(label)})
    return amount


def _days(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _prorate(days: int, full: Decimal) -> Decimal:
    return min(full, Decimal(days) * full / YEAR_DAYS)


def leaver_annual_leave(
    working_years: Decimal | int,
    last_day: date,
    taken: Decimal | int,
    monthly_wage: Decimal,
    *,
    hire_date: date | None = None,
    company: CompanyLeaveRule | None = None,
    company_taken: Decimal | int = 0,
) -> AnnualLeaveResult:
    """Untaken annual leave of a leaver and the extra pay for it; every figure and a Chinese basis.

    ``taken`` is the statutory leave already taken this year (half days allowed); ``hire_date``
    only matters when it falls in the year of ``last_day``.
    """
    years = _check(working_years, "working_years", tr("累计工作年限"))
    taken = _check(taken, "taken", tr("已休天数"))
    wage = round_fen(_check(monthly_wage, "monthly_wage", tr("月工资")))
    company = company or CompanyLeaveRule()
    extra_days = _check(company.extra_days, "company_days", tr("公司福利年假天数"))
    company_rate = _check(company.pay_rate, "company_pay_rate", tr("福利年假折算比例"))
    company_taken = _check(company_taken, "company_taken", tr("已休福利年假天数"))
    if hire_date is not None and hire_date > last_day:
        raise ValidationError({"last_day": tr("最后工作日不能早于入职日期")})

    entitlement = statutory_entitlement(years)
    passed = days_passed(last_day, hire_date)
    exact = _prorate(passed, Decimal(entitlement))
    untaken = max(0, int((exact - taken).to_integral_value(rounding=ROUND_FLOOR)))
    daily = wage / WORKING_DAYS_PER_MONTH
    pay = round_fen(daily * EXTRA_PAY_RATE * untaken)

    basis = [
        tr("累计工作年限{0}年，法定年休假每年{1}天（《职工带薪年休假条例》第三条）。").format(_days(years), entitlement)
    ]
    if entitlement == 0:
        basis.append(tr("累计工作不满一年，不享受法定年休假。"))
    else:
        first = date(last_day.year, 1, 1)
        start = (
            tr("入职日{0}月{1}日").format(hire_date.month, hire_date.day)
            if hire_date is not None and hire_date > first
            else tr("1月1日")
        )
        basis.append(
            tr(
                "当年自{0}至最后工作日{1}月{2}日共{3}天：{3} ÷ 365 × {4} = {5}，"
                "减已休{6}天，不足一天的部分不计，应休未休{7}天（《企业职工带薪年休假实施办法》第十二条）。"
            ).format(
                start,
                last_day.month,
                last_day.day,
                passed,
                entitlement,
                _prorated_text(passed, Decimal(entitlement)),
                _days(taken),
                untaken,
            )
        )
        if exact - taken < 0:
            basis.append(tr("已休天数超过折算天数，多休的天数不予扣回。"))
    basis.append(
        tr(
            "日工资：{0}元 ÷ 21.75 = {1}元；未休年休假工资报酬按日工资的300%支付，"
            "其中100%已随工资发放，另付200%（实施办法第十条）。"
        ).format(_money(wage), division_text(wage, WORKING_DAYS_PER_MONTH))
    )
    basis.append(tr("法定年休假：{0} = {1}元。").format(_pay_expression(wage, EXTRA_PAY_RATE, untaken), _money(pay)))

    company_exact = _prorate(passed, extra_days) if company.prorate else extra_days
    company_untaken = max(0, int((company_exact - company_taken).to_integral_value(rounding=ROUND_FLOOR)))
    company_pay = round_fen(daily * company_rate * company_untaken)
    if extra_days:
        how = (
            tr("按同样方法折算：{0} ÷ 365 × {1} = {2}").format(
                passed, _days(extra_days), _prorated_text(passed, extra_days)
            )
            if company.prorate
            else tr("不折算")
        )
        if not company_rate:
            paid = tr("按公司规定不折算工资：{0}元").format(_money(company_pay))
        elif company_untaken:
            paid = tr("按日工资的{0}%支付：{1} = {2}元").format(
                _days(company_rate * 100), _pay_expression(wage, company_rate, company_untaken), _money(company_pay)
            )
        else:
            paid = tr("按日工资的{0}%支付：{1}元").format(_days(company_rate * 100), _money(company_pay))
        basis.append(
            tr("公司福利年假每年{0}天，{1}，减已休{2}天，未休{3}天，{4}。").format(
                _days(extra_days), how, _days(company_taken), company_untaken, paid
            )
        )
    total = pay + company_pay
    basis.append(tr("合计：{0}元。").format(_money(total)))
    return AnnualLeaveResult(
        years,
        entitlement,
        passed,
        _round2(exact),
        taken,
        untaken,
        wage,
        round_fen(daily),
        EXTRA_PAY_RATE,
        pay,
        extra_days,
        _round2(company_exact),
        company_taken,
        company_untaken,
        company_rate,
        company_pay,
        total,
        tuple(basis),
    )


def _round2(value: Decimal) -> Decimal:
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def _money(amount: Decimal) -> str:
    return f"{amount:,.2f}"

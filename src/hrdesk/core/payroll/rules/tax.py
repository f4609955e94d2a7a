"""Individual income tax on wages (个人所得税): the progressive tables and the three ways HRDesk
applies them.

- Cumulative withholding on wages (国家税务总局公告2018年第61号): the annual table applied to the
  year's cumulative taxable income, minus what was already withheld; never negative in a month.
  累计减除费用 is 5,000 for each month with wages from this company, counted from January for
  someone with no wage income earlier in the year (公告2020年第13号), and 60,000 from January with
  the 6万 option (公告2020年第19号). The payroll engine and the 个税计算器 share these functions.
- The annual one-off bonus taxed separately (财政部 税务总局公告2023年第30号): the band is chosen
  by bonus ÷ 12 in the monthly table, the quick deduction subtracted once.
- One-off severance pay (财税〔2018〕164号 五(一)): exempt up to 3 × the local average annual wage,
  the excess taxed on its own with the annual table.

Tables are data (see ``policies``); nothing here knows a rate. A value exactly on a band's upper
edge belongs to the lower band.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

FEN = Decimal("0.01")
ZERO = Decimal("0.00")


def round_fen(amount: Decimal) -> Decimal:
    return amount.quantize(FEN, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Bracket:
    up_to: Decimal | None  # inclusive upper edge; None for the top band
    rate: Decimal
    quick_deduction: Decimal


@dataclass(frozen=True)
class TaxTable:
    brackets: tuple[Bracket, ...]

    def __post_init__(self):
        if not self.brackets or self.brackets[-1].up_to is not None:
            raise ValueError("a tax table needs an open top band")
        edges = [b.up_to for b in self.brackets[:-1]]
        if edges != sorted(edges) or len(set(edges)) != len(edges):
            raise ValueError("band edges must increase")

    def bracket_for(self, amount: Decimal) -> Bracket:
        for bracket in self.brackets:
            if bracket.up_to is None or amount <= bracket.up_to:
                return bracket
        raise AssertionError("unreachable: the top band is open")

    def tax_on(self, taxable: Decimal) -> Decimal:
        """amount × rate − quick deduction, to the fen; 0 for nothing taxable."""
        if taxable <= 0:
            return ZERO
        bracket = self.bracket_for(taxable)
        return round_fen(taxable * bracket.rate - bracket.quick_deduction)

    @classmethod
    def from_data(cls, rows: list[dict]) -> TaxTable:
        return cls(
            tuple(
                Bracket(
                    None if r.get("up_to") in (None, "") else Decimal(str(r["up_to"])),
                    Decimal(str(r["rate"])),
                    Decimal(str(r["quick_deduction"])),
                )
                for r in rows
            )
        )

    def to_data(self) -> list[dict]:
        return [
            {
                "up_to": None if b.up_to is None else str(b.up_to),
                "rate": str(b.rate),
                "quick_deduction": str(b.quick_deduction),
            }
            for b in self.brackets
        ]


@dataclass(frozen=True)
class BonusTax:
    bonus: Decimal
    monthly_equivalent: Decimal  # bonus ÷ 12, used only to choose the band
    rate: Decimal
    quick_deduction: Decimal
    tax: Decimal

    @property
    def monthly_equivalent_text(self) -> str:
        """bonus ÷ 12 as shown in the working: exact when it has at most two decimals, otherwise cut
        (never rounded) to four decimals and marked "…", so that 36,000.01 ÷ 12 reads 3,000.0008…
        and visibly lies above the 3,000 band edge it was compared with."""
        return division_text(self.bonus, 12)


def division_text(amount: Decimal, divisor: int | Decimal) -> str:
    """``amount ÷ divisor`` for displayed working: two decimals when exact, else four, cut, with "…"."""
    quotient = amount / divisor
    if quotient == quotient.quantize(Decimal("0.01")):
        return f"{quotient:,.2f}"
    return f"{quotient.quantize(Decimal('0.0001'), rounding=ROUND_DOWN):,.4f}…"


def bonus_tax(bonus: Decimal, monthly_table: TaxTable) -> BonusTax:
    """Tax on an annual one-off bonus taxed separately from wages."""
    if bonus <= 0:
        return BonusTax(bonus, ZERO, Decimal(0), ZERO, ZERO)
    monthly = bonus / 12
    bracket = monthly_table.bracket_for(monthly)
    tax = max(ZERO, round_fen(bonus * bracket.rate - bracket.quick_deduction))
    return BonusTax(bonus, round_fen(monthly), bracket.rate, bracket.quick_deduction, tax)


@dataclass(frozen=True)
class SeveranceTax:
    amount: Decimal
    exempt_limit: Decimal  # 3 × the local average annual wage of the previous year
    exempt: Decimal
    taxable: Decimal
    rate: Decimal
    quick_deduction: Decimal
    tax: Decimal


def severance_tax(amount: Decimal, local_average_annual: Decimal, annual_table: TaxTable) -> SeveranceTax:
    """Tax on one-off compensation for ending a labour contract (taxed alone, not with wages)."""
    limit = round_fen(local_average_annual * 3)
    exempt = min(amount, limit)
    taxable = max(ZERO, amount - limit)
    if taxable <= 0:
        return SeveranceTax(amount, limit, exempt, ZERO, Decimal(0), ZERO, ZERO)
    bracket = annual_table.bracket_for(taxable)
    return SeveranceTax(
        amount, limit, exempt, taxable, bracket.rate, bracket.quick_deduction, annual_table.tax_on(taxable)
    )


@dataclass(frozen=True)
class Withholding:
    """One month of cumulative withholding worked out from the year-to-date figures."""

    taxable: Decimal  # 累计预扣预缴应纳税所得额, never below 0
    rate: Decimal  # 预扣率 (0 when nothing is taxable)
    quick_deduction: Decimal  # 速算扣除数 (0 when nothing is taxable)
    due: Decimal  # 累计应预扣预缴税额
    this_month: Decimal  # 本期应预扣预缴税额: due − already withheld, 0 when negative (no refund in the year)


def withhold(
    cumulative_income: Decimal, cumulative_deductions: Decimal, already_withheld: Decimal, annual_table: TaxTable
) -> Withholding:
    """国家税务总局公告2018年第61号: (累计收入 − 累计扣除) on the annual table, less what was withheld.

    ``cumulative_deductions`` is everything the formula subtracts (tax-free income, 减除费用,
    专项扣除, 专项附加扣除, other deductions). The payroll engine and the 个税计算器 both call this, so
    a payslip and the calculator cannot disagree about the same figures.
    """
    taxable = max(ZERO, cumulative_income - cumulative_deductions)
    bracket = annual_table.bracket_for(taxable)
    due = annual_table.tax_on(taxable)
    return Withholding(
        taxable,
        bracket.rate if taxable > 0 else Decimal(0),
        bracket.quick_deduction if taxable > 0 else ZERO,
        due,
        max(ZERO, due - already_withheld),
    )


def basic_deduction_added(basic_monthly: Decimal, month: int, *, counted_from_january: bool) -> Decimal:
    """The 减除费用 a month adds to the cumulative figure: ``basic_monthly`` (5,000) for each month
    with wages from this company, or, in the first such month of someone who had no wage income
    earlier in the year from anyone (国家税务总局公告2020年第13号), 5,000 for every month from January
    to this one (``month`` is the month's number, 1–12)."""
    return basic_monthly * month if counted_from_january else basic_monthly


def basic_deduction_applied(cumulative_basic: Decimal, low_income_annual: Decimal | None) -> Decimal:
    """The 累计减除费用 the formula subtracts. With the 6万 option (国家税务总局公告2020年第19号:
    employed by this company all of the previous year with wages there ≤ 60,000) it is the whole
    year's ``low_income_annual`` from January on; ``None`` means the option does not apply."""
    if low_income_annual is None:
        return cumulative_basic
    return max(cumulative_basic, low_income_annual)


@dataclass(frozen=True)
class WithholdingMonth:
    """One month of the 个税计算器's cumulative withholding table."""

    month: int
    gross: Decimal  # 本月收入
    insurance: Decimal  # 本月专项扣除 (own social insurance and housing fund)
    special_additional: Decimal  # 本月专项附加扣除
    cumulative_income: Decimal
    cumulative_basic: Decimal  # 累计减除费用 applied (the 6万 and 13号 options included)
    cumulative_special: Decimal  # 累计专项扣除
    cumulative_additional: Decimal  # 累计专项附加扣除
    cumulative_deductions: Decimal  # basic + special + special additional
    cumulative_taxable: Decimal
    rate: Decimal
    quick_deduction: Decimal
    cumulative_due: Decimal  # 累计应预扣预缴税额
    cumulative_tax: Decimal  # 累计已预扣预缴税额, this month included
    tax_this_month: Decimal
    net_this_month: Decimal


def _per_month(value: Decimal | Sequence[Decimal], months: int, name: str) -> list[Decimal]:
    if isinstance(value, Decimal):
        return [value] * months
    amounts = list(value)
    if len(amounts) != months:
        raise ValueError(f"{name}: {len(amounts)} amounts for {months} months")
    return amounts


def cumulative_withholding(
    gross: Decimal | Sequence[Decimal],
    insurance: Decimal | Sequence[Decimal],
    special_additional: Decimal | Sequence[Decimal],
    months: int,
    annual_table: TaxTable,
    basic_deduction: Decimal,
    first_month: int = 1,
    *,
    low_income_annual: Decimal | None = None,
    counted_from_january: bool = False,
) -> list[WithholdingMonth]:
    """Month-by-month withholding from ``first_month`` on, the first month being the first with
    wages from this company this year.

    Each amount is either one value for every month or one value per month (``months`` of them):
    ``gross`` the month's wages, ``insurance`` the employee's own social insurance and housing fund
    (专项扣除), ``special_additional`` the 专项附加扣除. ``low_income_annual`` applies the 6万 option
    (公告2020年第19号) with that annual deduction; ``counted_from_january`` the 13号 rule (no wage
    income earlier in the year: 减除费用 from January). The same functions as the payroll engine
    (:func:`basic_deduction_added`, :func:`basic_deduction_applied`, :func:`withhold`) do the work.
    """
    if not 1 <= first_month <= 12 or months < 1 or first_month + months - 1 > 12:
        raise ValueError("months must stay within one tax year")
    wages = _per_month(gross, months, "gross")
    own = _per_month(insurance, months, "insurance")
    additional = _per_month(special_additional, months, "special_additional")
    rows: list[WithholdingMonth] = []
    income = counted = special = extra = withheld = ZERO
    for index in range(months):
        month = first_month + index
        income += wages[index]
        counted += basic_deduction_added(
            basic_deduction, month, counted_from_january=counted_from_january and index == 0
        )
        basic = basic_deduction_applied(counted, low_income_annual)
        special += own[index]
        extra += additional[index]
        deductions = basic + special + extra
        result = withhold(income, deductions, withheld, annual_table)
        withheld += result.this_month
        rows.append(
            WithholdingMonth(
                month,
                wages[index],
                own[index],
                additional[index],
                income,
                basic,
                special,
                extra,
                deductions,
                result.taxable,
                result.rate,
                result.quick_deduction,
                result.due,
                withheld,
                result.this_month,
                wages[index] - own[index] - result.this_month,
            )
        )
    return rows

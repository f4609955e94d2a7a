"""Individual income tax on wages (个人所得税): the progressive tables and the three ways HRDesk
applies them.

- Cumulative withholding on wages (国家税务总局公告2018年第61号): the annual table applied to the
  year's cumulative taxable income, minus what was already withheld; never negative in a month.
- The annual one-off bonus taxed separately (财政部 税务总局公告2023年第30号): the band is chosen
  by bonus ÷ 12 in the monthly table, the quick deduction subtracted once.
- One-off severance pay (财税〔2018〕164号 五(一)): exempt up to 3 × the local average annual wage,
  the excess taxed on its own with the annual table.

Tables are data (see ``policies``); nothing here knows a rate. A value exactly on a band's upper
edge belongs to the lower band.
"""

from __future__ import annotations

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


def division_text(amount: Decimal, divisor: int) -> str:
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
class WithholdingMonth:
    """One month of cumulative withholding for a constant monthly wage (the 个税计算器)."""

    month: int
    cumulative_income: Decimal
    cumulative_deductions: Decimal  # basic + special + special additional
    cumulative_taxable: Decimal
    rate: Decimal
    quick_deduction: Decimal
    cumulative_tax: Decimal
    tax_this_month: Decimal
    net_this_month: Decimal


def cumulative_withholding(
    gross: Decimal,
    insurance: Decimal,
    special_additional: Decimal,
    months: int,
    annual_table: TaxTable,
    basic_deduction: Decimal,
    first_month: int = 1,
) -> list[WithholdingMonth]:
    """Month-by-month withholding for the same wage every month from ``first_month`` on.

    ``insurance`` is the employee's own social insurance and housing fund (专项扣除) a month;
    ``special_additional`` the monthly 专项附加扣除.
    """
    if not 1 <= first_month <= 12 or months < 1 or first_month + months - 1 > 12:
        raise ValueError("months must stay within one tax year")
    rows: list[WithholdingMonth] = []
    withheld = ZERO
    for index in range(1, months + 1):
        cum_income = gross * index
        cum_deductions = (basic_deduction + insurance + special_additional) * index
        taxable = max(ZERO, cum_income - cum_deductions)
        bracket = annual_table.bracket_for(taxable)
        due = annual_table.tax_on(taxable)
        this_month = max(ZERO, due - withheld)
        withheld += this_month
        rows.append(
            WithholdingMonth(
                first_month + index - 1,
                cum_income,
                cum_deductions,
                taxable,
                bracket.rate if taxable > 0 else Decimal(0),
                bracket.quick_deduction if taxable > 0 else ZERO,
                withheld,
                this_month,
                gross - insurance - this_month,
            )
        )
    return rows

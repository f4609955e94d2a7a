"""Which monthly income a 在职证明 states, chosen when it is issued.

Banks, embassies and landlords ask for different figures: the 基本工资 alone, the fixed monthly pay
(基本工资 plus the fixed allowances in force), or what was actually paid (the average 应发 of the
last 3, 6 or 12 months with an approved payroll). The certificate says which one it is, so a reader
never takes one for another. Plain values only: the figure itself is worked out in
``certificate_income``.
"""

from __future__ import annotations

from dataclasses import dataclass

from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.labels import LabeledEnum

AVERAGE_MONTHS = (3, 6, 12)


class IncomeBasis(LabeledEnum):
    NONE = "none"
    BASE_SALARY = "base_salary"
    FIXED_MONTHLY = "fixed_monthly"
    AVERAGE_GROSS = "average_gross"

    @classmethod
    def _labels(cls) -> dict:
        return {
            cls.NONE: "不写收入",
            cls.BASE_SALARY: "基本工资",
            cls.FIXED_MONTHLY: "固定月薪（基本工资+固定津贴）",
            cls.AVERAGE_GROSS: "近N个月平均应发",
        }


@dataclass(frozen=True)
class IncomeChoice:
    """``months`` is the N of 近N个月平均应发 (3, 6 or 12) and only that; None for the other bases."""

    basis: IncomeBasis = IncomeBasis.NONE
    months: int | None = None

    def __post_init__(self) -> None:
        if (self.basis is IncomeBasis.AVERAGE_GROSS) != (self.months is not None):
            raise ValueError("months belongs to the average, and the average needs it")
        if self.months is not None and self.months not in AVERAGE_MONTHS:
            raise ValueError(f"months must be one of {AVERAGE_MONTHS}")

    @property
    def states_income(self) -> bool:
        return self.basis is not IncomeBasis.NONE

    @property
    def label(self) -> str:
        if self.basis is IncomeBasis.AVERAGE_GROSS:
            return tr("近{0}个月平均应发").format(self.months)
        return self.basis.label

    @property
    def code(self) -> str:
        """How the command line names the choice: none, base, fixed, avg3, avg6, avg12."""
        return _CODES[self.basis] + (str(self.months) if self.months else "")


_CODES = {
    IncomeBasis.NONE: "none",
    IncomeBasis.BASE_SALARY: "base",
    IncomeBasis.FIXED_MONTHLY: "fixed",
    IncomeBasis.AVERAGE_GROSS: "avg",
}


def all_choices() -> list[IncomeChoice]:
    """Every choice in the order the dialog and the command line offer them."""
    return [
        IncomeChoice(),
        IncomeChoice(IncomeBasis.BASE_SALARY),
        IncomeChoice(IncomeBasis.FIXED_MONTHLY),
        *(IncomeChoice(IncomeBasis.AVERAGE_GROSS, n) for n in AVERAGE_MONTHS),
    ]


def parse_choice(text: str) -> IncomeChoice:
    """A choice by its code (``avg6``) or its label (``近6个月平均应发``); ValueError otherwise."""
    wanted = (text or "").strip().lower()
    for choice in all_choices():
        if wanted in (choice.code, choice.label.lower()):
            return choice
    raise ValueError(text)

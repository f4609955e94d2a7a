"""Social insurance and housing fund (社保公积金) for one employee and one month.

A city's policy lists its items (pension, medical, unemployment, work injury, housing fund), each
with the employee's and the employer's rate, a fixed monthly amount where a city adds one (Beijing's
3 yuan for serious-illness medical), the contribution base's floor and cap, and how the amount is
rounded. The employee's declared base is clamped to each item's floor and cap, and the clamping is
kept so a payslip can say why the base differs from what was declared.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.labels import LabeledEnum

ZERO = Decimal("0.00")


class InsuranceItem(LabeledEnum):
    PENSION = "pension"
    MEDICAL = "medical"
    UNEMPLOYMENT = "unemployment"
    WORK_INJURY = "work_injury"
    MATERNITY = "maternity"
    HOUSING_FUND = "housing_fund"

    @classmethod
    def _labels(cls) -> dict:
        return {
            cls.PENSION: "养老保险",
            cls.MEDICAL: "医疗保险",
            cls.UNEMPLOYMENT: "失业保险",
            cls.WORK_INJURY: "工伤保险",
            cls.MATERNITY: "生育保险",
            cls.HOUSING_FUND: "住房公积金",
        }


class Rounding(str, enum.Enum):
    """How a contribution is rounded: to the fen, the jiao or the yuan; half up or always up."""

    FEN = "fen"
    JIAO = "jiao"
    YUAN = "yuan"
    FEN_UP = "fen_up"
    JIAO_UP = "jiao_up"
    YUAN_UP = "yuan_up"

    def apply(self, amount: Decimal) -> Decimal:
        unit, mode = _ROUNDING[self.value]
        return amount.quantize(unit, rounding=mode).quantize(_FEN)

    @property
    def label(self) -> str:
        return {
            "fen": tr("四舍五入到分"),
            "jiao": tr("四舍五入到角"),
            "yuan": tr("四舍五入到元"),
            "fen_up": tr("向上取整到分"),
            "jiao_up": tr("向上取整到角"),
            "yuan_up": tr("向上取整到元"),
        }[self.value]


_FEN = Decimal("0.01")
_ROUNDING = {
    code: (
        {"fen": _FEN, "jiao": Decimal("0.1"), "yuan": Decimal("1")}[code.split("_")[0]],
        ROUND_CEILING if code.endswith("_up") else ROUND_HALF_UP,
    )
    for code in (r.value for r in Rounding)
}


@dataclass(frozen=True)
class ItemRule:
    item: InsuranceItem
    employee_rate: Decimal
    employer_rate: Decimal
    floor: Decimal
    cap: Decimal
    employee_fixed: Decimal = ZERO  # added to the employee's amount every month
    rounding: Rounding = Rounding.FEN

    def to_data(self) -> dict:
        return {
            "item": self.item.value,
            "employee_rate": str(self.employee_rate),
            "employer_rate": str(self.employer_rate),
            "floor": str(self.floor),
            "cap": str(self.cap),
            "employee_fixed": str(self.employee_fixed),
            "rounding": self.rounding.value,
        }

    @classmethod
    def from_data(cls, data: dict) -> ItemRule:
        return cls(
            InsuranceItem(data["item"]),
            Decimal(str(data["employee_rate"])),
            Decimal(str(data["employer_rate"])),
            Decimal(str(data["floor"])),
            Decimal(str(data["cap"])),
            Decimal(str(data.get("employee_fixed") or "0")),
            Rounding(data.get("rounding") or "fen"),
        )


@dataclass(frozen=True)
class CityPolicy:
    """One city's rules from ``effective_from`` until the next version."""

    city: str
    effective_from: date
    items: tuple[ItemRule, ...]
    housing_fund_from_next_month: bool = False  # 公积金自入职次月起缴
    source: str = ""
    year_label: str = ""
    effective_to: date | None = None  # the stated end of its contribution year, if the notice gives one

    def rule(self, item: InsuranceItem) -> ItemRule | None:
        for rule in self.items:
            if rule.item is item:
                return rule
        return None

    def to_data(self) -> dict:
        data = {
            "items": [r.to_data() for r in self.items],
            "housing_fund_from_next_month": self.housing_fund_from_next_month,
            "source": self.source,
            "year_label": self.year_label,
        }
        if self.effective_to is not None:
            data["effective_to"] = self.effective_to.isoformat()
        return data

    @classmethod
    def from_data(cls, city: str, effective_from: date, data: dict) -> CityPolicy:
        return cls(
            city,
            effective_from,
            tuple(ItemRule.from_data(i) for i in data["items"]),
            bool(data.get("housing_fund_from_next_month")),
            data.get("source", ""),
            data.get("year_label", ""),
            date.fromisoformat(data["effective_to"]) if data.get("effective_to") else None,
        )


def validate_city_policy(policy: CityPolicy) -> list[str]:
    """Problems a person editing the rates should see, in words."""
    problems = []
    seen = set()
    for rule in policy.items:
        label = rule.item.label
        if rule.item in seen:
            problems.append(tr("{0}重复").format(label))
        seen.add(rule.item)
        for rate in (rule.employee_rate, rule.employer_rate):
            if not Decimal(0) <= rate < Decimal(1):
                problems.append(tr("{0}的比例应在0到100%之间").format(label))
                break
        if rule.floor < 0 or rule.cap < rule.floor:
            problems.append(tr("{0}的基数上限不能低于下限").format(label))
        if rule.employee_fixed < 0:
            problems.append(tr("{0}的固定金额不能为负数").format(label))
    if not policy.items:
        problems.append(tr("至少需要一个险种"))
    if policy.effective_to is not None and policy.effective_to < policy.effective_from:
        problems.append(tr("执行截止日期不能早于生效日期"))
    return problems


@dataclass(frozen=True)
class Contribution:
    item: InsuranceItem
    declared_base: Decimal
    base: Decimal  # after clamping
    clamped: str | None  # "floor" / "cap" / None
    employee_rate: Decimal
    employer_rate: Decimal
    employee_amount: Decimal
    employer_amount: Decimal
    rounding: Rounding

    def explain(self) -> str:
        base_text = f"{self.base:,.2f}"
        if self.clamped == "floor":
            base_text += tr("（申报基数{0}低于下限，按下限）").format(f"{self.declared_base:,.2f}")
        elif self.clamped == "cap":
            base_text += tr("（申报基数{0}高于上限，按上限）").format(f"{self.declared_base:,.2f}")
        return tr("基数 {0} × 个人 {1} / 单位 {2}，{3}").format(
            base_text, _percent(self.employee_rate), _percent(self.employer_rate), self.rounding.label
        )


def _percent(rate: Decimal) -> str:
    text = f"{rate * 100:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}%"


def clamp(declared: Decimal, rule: ItemRule) -> tuple[Decimal, str | None]:
    if declared < rule.floor:
        return rule.floor, "floor"
    if declared > rule.cap:
        return rule.cap, "cap"
    return declared, None


def contributions(
    policy: CityPolicy,
    insurance_base: Decimal,
    housing_fund_base: Decimal,
    *,
    insurance: bool = True,
    housing_fund: bool = True,
) -> list[Contribution]:
    """This month's contributions; ``insurance`` / ``housing_fund`` False leaves those items out
    (not yet enrolled, or already stopped)."""
    result = []
    for rule in policy.items:
        is_fund = rule.item is InsuranceItem.HOUSING_FUND
        if (is_fund and not housing_fund) or (not is_fund and not insurance):
            continue
        declared = housing_fund_base if is_fund else insurance_base
        base, clamped = clamp(declared, rule)
        employee = (
            rule.rounding.apply(base * rule.employee_rate + rule.employee_fixed)
            if (rule.employee_rate or rule.employee_fixed)
            else ZERO
        )
        employer = rule.rounding.apply(base * rule.employer_rate) if rule.employer_rate else ZERO
        result.append(
            Contribution(
                rule.item,
                declared,
                base,
                clamped,
                rule.employee_rate,
                rule.employer_rate,
                employee,
                employer,
                rule.rounding,
            )
        )
    return result

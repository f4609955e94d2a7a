"""The payroll policy tables of a company as one object: which version is in force on a day.

Versions are data with an effective-from date (tax tables, a city's contribution rules, a city's
average wage); ``PolicySet`` picks the one in force for a month and builds the ``MonthRules`` the
calculation needs, parsing each version once.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from hrdesk.core.kernel.calendar import WorkCalendar, china_calendar
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.payroll.rules.calculation import MonthRules
from hrdesk.core.payroll.rules.insurance import CityPolicy
from hrdesk.core.payroll.rules.tax import TaxTable

IIT_ANNUAL = "iit_annual"
IIT_MONTHLY = "iit_monthly"
IIT_DEDUCTIONS = "iit_deductions"
INSURANCE = "insurance"
LOCAL_AVERAGE_WAGE = "local_average_wage"
KINDS = (IIT_ANNUAL, IIT_MONTHLY, IIT_DEDUCTIONS, INSURANCE, LOCAL_AVERAGE_WAGE)
PER_CITY = (INSURANCE, LOCAL_AVERAGE_WAGE)


def kind_label(kind: str) -> str:
    return {
        IIT_ANNUAL: tr("综合所得预扣率表（年度累计）"),
        IIT_MONTHLY: tr("按月换算税率表（全年一次性奖金）"),
        IIT_DEDUCTIONS: tr("减除费用与专项附加扣除标准"),
        INSURANCE: tr("社保公积金缴费政策"),
        LOCAL_AVERAGE_WAGE: tr("当地上年职工平均工资"),
    }[kind]


@dataclass(frozen=True)
class Version:
    kind: str
    key: str
    effective_from: date
    data: dict
    source: str = ""


@dataclass(frozen=True)
class Deductions:
    basic_monthly: Decimal
    low_income_annual: Decimal
    limits: dict[str, Decimal]


@dataclass(frozen=True)
class AverageWage:
    city: str
    year: int
    monthly: Decimal
    annual: Decimal
    source: str


class PolicyError(ValueError):
    pass


def parse(version: Version):
    """The domain object of a version's data; PolicyError with a readable message if malformed."""
    data = version.data
    try:
        if version.kind in (IIT_ANNUAL, IIT_MONTHLY):
            return TaxTable.from_data(data["brackets"])
        if version.kind == IIT_DEDUCTIONS:
            return Deductions(
                Decimal(str(data["basic_monthly"])),
                Decimal(str(data["low_income_annual"])),
                {k: Decimal(str(v)) for k, v in (data.get("limits") or {}).items()},
            )
        if version.kind == INSURANCE:
            return CityPolicy.from_data(version.key, version.effective_from, data)
        if version.kind == LOCAL_AVERAGE_WAGE:
            return AverageWage(
                version.key,
                int(data["year"]),
                Decimal(str(data["monthly"])),
                Decimal(str(data["annual"])),
                version.source,
            )
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise PolicyError(tr("政策数据格式不正确：{0}").format(exc)) from None
    raise PolicyError(tr("未知的政策类型：{0}").format(version.kind))


class PolicySet:
    def __init__(self, versions: list[Version], calendar: WorkCalendar | None = None):
        # paid days follow the shipped holiday calendar unless a caller brings its own
        self.calendar = calendar if calendar is not None else china_calendar()
        self._versions: dict[tuple[str, str], list[Version]] = {}
        for version in sorted(versions, key=lambda v: v.effective_from):
            self._versions.setdefault((version.kind, version.key), []).append(version)
        self._dates = {k: [v.effective_from for v in vs] for k, vs in self._versions.items()}
        self._parsed: dict[tuple[str, str, date], object] = {}
        self._rules: dict[tuple[date, str | None], MonthRules] = {}

    def version_at(self, kind: str, key: str, day: date) -> Version | None:
        dates = self._dates.get((kind, key))
        if not dates:
            return None
        index = bisect.bisect_right(dates, day) - 1
        return self._versions[(kind, key)][index] if index >= 0 else None

    def at(self, kind: str, key: str, day: date):
        version = self.version_at(kind, key, day)
        if version is None:
            return None
        cache_key = (kind, key, version.effective_from)
        if cache_key not in self._parsed:
            self._parsed[cache_key] = parse(version)
        return self._parsed[cache_key]

    def cities(self) -> list[str]:
        return sorted({key for kind, key in self._versions if kind == INSURANCE})

    def rules(self, month: date, city: str | None) -> MonthRules:
        cache_key = (month, city)
        rules = self._rules.get(cache_key)
        if rules is None:
            annual, monthly = self.at(IIT_ANNUAL, "", month), self.at(IIT_MONTHLY, "", month)
            deductions = self.at(IIT_DEDUCTIONS, "", month)
            if annual is None or monthly is None or deductions is None:
                raise PolicyError(tr("{0}没有适用的个税税率表，请在薪资设置中补充。").format(month.strftime("%Y-%m")))
            average = self.at(LOCAL_AVERAGE_WAGE, city, month) if city else None
            city_policy, notices = self._city_policy(month, city) if city else (None, ())
            rules = MonthRules(
                annual,
                monthly,
                deductions.basic_monthly,
                deductions.low_income_annual,
                city_policy,
                average.annual if average else None,
                self.calendar,
                notices,
            )
            self._rules[cache_key] = rules
        return rules

    def _city_policy(self, month: date, city: str) -> tuple[CityPolicy | None, tuple[str, ...]]:
        """The city's contribution rules for the month, refusing a month before its first version
        (calculating it without contributions would be wrong, not merely incomplete) and noting a
        month after the version's stated end (last year's bases go on until a new one is entered)."""
        versions = self._versions.get((INSURANCE, city))
        if not versions:
            return None, ()  # no rules for the city at all: the calculation warns per payslip
        found = self.at(INSURANCE, city, month)
        if found is None:
            raise PolicyError(
                tr(
                    "{0}的社保公积金缴费政策没有覆盖{1}：现有版本自{2}起执行，{1}至{3}没有适用的缴费基数和比例。"
                    "请在“薪资设置 › 社保公积金”中录入该期间的版本（注明政策来源）后再核算。"
                ).format(
                    city,
                    month.strftime("%Y-%m"),
                    versions[0].effective_from.isoformat(),
                    (versions[0].effective_from - timedelta(days=1)).strftime("%Y-%m"),
                )
            )
        if found.effective_to is not None and month > found.effective_to:
            label = found.year_label or tr("自{0}起的版本").format(found.effective_from.isoformat())
            return found, (
                tr(
                    "{0}社保公积金缴费政策“{1}”已于{2}到期，{3}仍按该版本（上一缴费年度）的基数上下限和比例计算；"
                    "新年度标准公布后请在“薪资设置 › 社保公积金”中录入新版本并重新核算。"
                ).format(city, label, found.effective_to.isoformat(), month.strftime("%Y-%m")),
            )
        return found, ()

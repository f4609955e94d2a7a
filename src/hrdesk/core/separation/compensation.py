"""Economic compensation when a labour contract ends (劳动合同法 arts. 46, 47, 87).

The rules, as implemented:

- **When it is owed** (art. 46): 协商解除 proposed by the employer, the three dismissals of art. 40
  (医疗期满不能从事原工作或另行安排的工作, 不能胜任工作经培训或调岗仍不能胜任, 客观情况发生重大变化
  致合同无法履行且协商变更未果), 经济性裁员 (art. 41), and the expiry of a fixed-term contract that is not
  renewed, unless the employee refused a renewal on equal or better terms. Nothing is owed for a
  resignation, a dismissal for serious misconduct or for failing probation (art. 39). Unlawful
  termination (违法解除, arts. 48, 87; 实施条例 art. 25) costs 2N *instead of* N, never both.
- **N, the months** (art. 47): one month per full year of service; a remainder of six months or
  more counts as a full year, a remainder under six months (any part of a month included) as half a
  month. Service runs from the hire date to the last working day *inclusive*: the contract ends at
  the end of the last working day, so a hire on 2023-01-01 and a last day of 2025-03-31 is exactly
  2 years 3 months. Examples: 2 years 3 months → N = 2.5; 2 years 7 months → 3; exactly 2 years → 2;
  2 years 0 months 6 days → 2.5; 5 months → 0.5.
- **The monthly wage** is the average of the last twelve months (bonuses and allowances included,
  实施条例 art. 27), computed by the caller; it is rounded to the fen first (so the figure shown is
  the figure multiplied) and lifted to the local minimum wage when one is given.
- **The cap** (art. 47 para. 2): when the wage exceeds 3 × the local average monthly wage of the
  previous year, the wage used is 3 × that average and N is at most 12. Without a high wage the
  12-year limit does not apply. Without the local average the cap cannot be checked: the result
  is uncapped and says so in ``warnings``.
- **代通知金** (art. 40, 实施条例 art. 20): an art. 40 dismissal without 30 days' written notice adds
  one month's wage, at the previous month's wage, never capped; without that wage the monthly wage
  is used and ``warnings`` says so. Elsewhere (协商解除, 裁员, expiry) one more month is no statutory
  代通知金 but may be agreed: it is accepted wherever N is owed and described as agreed.

Service before 2008-01-01 follows art. 97 (the rules of the time); it is not modelled, and the
explanation says so when the hire date is earlier.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.labels import LabeledEnum

FEN = Decimal("0.01")
ZERO = Decimal("0.00")
CAP_MULTIPLE = Decimal(3)  # 3 × the local average monthly wage
CAP_MONTHS = Decimal(12)  # … and at most 12 years
LAW_2008 = date(2008, 1, 1)


def round_fen(amount: Decimal) -> Decimal:
    return amount.quantize(FEN, rounding=ROUND_HALF_UP)


class CompensationCase(LabeledEnum):
    """Why the contract ended, as far as compensation is concerned.

    Every code but the last equals a :class:`SeparationReason` value (the three art. 40 dismissals
    included), so a flow's reason maps to its case by code; ``unlawful`` is a finding (by
    arbitration or by the company itself), not a reason anyone gives for leaving.
    """

    RESIGNATION = "resign"
    MUTUAL = "mutual"
    EXPIRY = "expiry"
    PROBATION_FAILED = "probation"
    MISCONDUCT = "misconduct"
    LAYOFF = "layoff"
    ILLNESS = "illness"  # art. 40(1)
    INCOMPETENCE = "incompetent"  # art. 40(2)
    CHANGED_CIRCUMSTANCES = "changed"  # art. 40(3)
    UNLAWFUL = "unlawful"

    @classmethod
    def _labels(cls):
        return {
            cls.RESIGNATION: "主动辞职",
            cls.MUTUAL: "协商解除",
            cls.EXPIRY: "合同到期不续签",
            cls.PROBATION_FAILED: "试用期不合格",
            cls.MISCONDUCT: "严重违纪辞退",
            cls.LAYOFF: "经济性裁员",
            cls.ILLNESS: "医疗期满不能从事原工作",
            cls.INCOMPETENCE: "不能胜任工作",
            cls.CHANGED_CIRCUMSTANCES: "客观情况发生重大变化",
            cls.UNLAWFUL: "违法解除",
        }

    @property
    def article_40(self) -> bool:
        """A dismissal under 劳动合同法 art. 40: N, plus 代通知金 without 30 days' written notice."""
        return self in ARTICLE_40

    @classmethod
    def from_reason(cls, reason: SeparationReason) -> CompensationCase:
        return cls(SeparationReason(reason).value)


ARTICLE_40 = frozenset(
    {CompensationCase.ILLNESS, CompensationCase.INCOMPETENCE, CompensationCase.CHANGED_CIRCUMSTANCES}
)


@dataclass(frozen=True)
class ServiceLength:
    """Service from the hire date to the last working day inclusive, as years, months and days."""

    years: int
    months: int  # full months after the full years (0–11)
    days: int  # days after the full months

    @property
    def remainder(self) -> bool:
        """Anything beyond the full years."""
        return bool(self.months or self.days)

    @property
    def text(self) -> str:
        """e.g. "2年3个月", "6年", "5个月12天" (for certificates and explanations)."""
        parts = []
        if self.years:
            parts.append(tr("{0}年").format(self.years))
        if self.months:
            parts.append(tr("{0}个月").format(self.months))
        if self.days:
            parts.append(tr("{0}天").format(self.days))
        return "".join(parts) or tr("0天")


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def service_length(hire_date: date, last_day: date) -> ServiceLength:
    """Full years, months and days from ``hire_date`` to ``last_day`` inclusive.

    The end is the day after the last working day; a month is complete when the same day of a later
    month (counted from the hire date, clamped to the month's end) is not after that end.
    """
    if last_day < hire_date:
        raise ValidationError({"last_day": tr("最后工作日不能早于入职日期")})
    end = last_day + timedelta(days=1)
    months = (end.year - hire_date.year) * 12 + end.month - hire_date.month
    if add_months(hire_date, months) > end:
        months -= 1
    days = (end - add_months(hire_date, months)).days
    return ServiceLength(months // 12, months % 12, days)


def compensation_months(service: ServiceLength) -> Decimal:
    """N: full years, plus 1 for a remainder of six months or more, plus 0.5 for a shorter one."""
    if service.months >= 6:
        extra = Decimal(1)
    elif service.remainder:
        extra = Decimal("0.5")
    else:
        extra = Decimal(0)
    return Decimal(service.years) + extra


@dataclass(frozen=True)
class CompensationResult:
    case: CompensationCase
    owed: bool  # whether any compensation (N or 2N) is due in this case
    hire_date: date
    last_day: date
    service: ServiceLength
    months: Decimal  # N from the service length, before the 12-month cap
    months_counted: Decimal  # N after the cap (equal to ``months`` unless capped)
    multiplier: Decimal  # 0 (not owed), 1 (N) or 2 (2N, unlawful)
    average_wage: Decimal  # the average of the last 12 months as given
    monthly_wage: Decimal  # after the minimum-wage floor
    wage_cap: Decimal | None  # 3 × the local average monthly wage, when known
    capped: bool  # the wage exceeded the cap: wage_base is the cap and N at most 12
    wage_base: Decimal  # the wage N is multiplied by
    compensation: Decimal  # wage_base × months_counted × multiplier, to the fen
    notice_pay: Decimal  # 代通知金 (0 unless asked for)
    total: Decimal
    basis: tuple[str, ...]  # Chinese explanation, one line per step
    warnings: tuple[str, ...] = ()  # what could not be checked (the cap, the previous month's wage)


def _amount(value, field: str, label: str, *, positive: bool = False) -> Decimal:
    if isinstance(value, float):
        raise TypeError("money must not be a float")
    amount = Decimal(value)
    if not amount.is_finite() or amount < 0 or (positive and amount == 0):
        raise ValidationError({field: tr("{0}应为{1}").format(label, tr("正数") if positive else tr("不小于0的金额"))})
    return amount


def _money(amount: Decimal) -> str:
    return f"{amount:,.2f}"


def _months_text(months: Decimal) -> str:
    return f"{months.normalize():f}"


def cn_date(day: date) -> str:
    """2026年3月5日 (no leading zeros, as Chinese documents write dates)."""
    return tr("{0}年{1}月{2}日").format(day.year, day.month, day.day)


def _months_line(service: ServiceLength, months: Decimal) -> str:
    if not service.remainder:
        return tr("补偿月数：满{0}年，N = {1}。").format(service.years, _months_text(months))
    rest = ServiceLength(0, service.months, service.days).text
    if service.months >= 6:
        return tr("补偿月数：满{0}年计{0}个月，另{1}（六个月以上）计1个月，N = {2}。").format(
            service.years, rest, _months_text(months)
        )
    return tr("补偿月数：满{0}年计{0}个月，另{1}（不满六个月）计0.5个月，N = {2}。").format(
        service.years, rest, _months_text(months)
    )


def economic_compensation(
    case: CompensationCase | SeparationReason,
    hire_date: date,
    last_day: date,
    average_monthly_wage: Decimal,
    *,
    local_average_monthly: Decimal | None = None,
    minimum_wage: Decimal | None = None,
    notice_pay: bool = False,
    previous_month_wage: Decimal | None = None,
    refused_renewal: bool = False,
) -> CompensationResult:
    """Economic compensation for one employee; every figure and a Chinese explanation.

    ``refused_renewal`` only matters for an expiry: the employee turned down a renewal on equal or
    better terms, so nothing is owed. ``notice_pay`` adds one month's wage and is only accepted
    where compensation N is owed: for an art. 40 dismissal it is the 代通知金 owed when 30 days'
    written notice was not given, at ``previous_month_wage`` (实施条例 art. 20); elsewhere an agreed
    extra month. It is never part of 2N.
    ValidationError for dates in the wrong order, negative amounts and notice pay where none is due.
    """
    if isinstance(case, SeparationReason):
        case = CompensationCase.from_reason(case)
    case = CompensationCase(case)
    average = round_fen(_amount(average_monthly_wage, "monthly_wage", tr("月平均工资")))
    floor = None if minimum_wage is None else round_fen(_amount(minimum_wage, "minimum_wage", tr("当地最低工资")))
    local = (
        None
        if local_average_monthly is None
        else _amount(local_average_monthly, "local_average_monthly", tr("当地上年职工月平均工资"), positive=True)
    )
    previous = (
        None if previous_month_wage is None else _amount(previous_month_wage, "previous_month_wage", tr("上月工资"))
    )
    service = service_length(hire_date, last_day)
    months = compensation_months(service)

    basis: list[str] = []
    basis.append(tr("工作年限：{0}至{1}（含），共{2}。").format(cn_date(hire_date), cn_date(last_day), service.text))
    if case is CompensationCase.EXPIRY and refused_renewal:
        owed, multiplier = False, Decimal(0)
        basis.append(
            tr(
                "合同到期，公司以维持或提高原条件续订而员工不同意续订，不支付经济补偿"
                "（《劳动合同法》第四十六条第五项）。"
            )
        )
    elif case in (CompensationCase.RESIGNATION, CompensationCase.MISCONDUCT, CompensationCase.PROBATION_FAILED):
        owed, multiplier = False, Decimal(0)
        why = {
            CompensationCase.RESIGNATION: tr("员工主动辞职（第三十七条）"),
            CompensationCase.MISCONDUCT: tr("严重违反规章制度被解除（第三十九条）"),
            CompensationCase.PROBATION_FAILED: tr("试用期内被证明不符合录用条件（第三十九条）"),
        }[case]
        basis.append(tr("{0}，依法不支付经济补偿。").format(why))
    elif case is CompensationCase.UNLAWFUL:
        owed, multiplier = True, Decimal(2)
        basis.append(
            tr(
                "违法解除劳动合同，按经济补偿标准的二倍支付赔偿金，不再另付经济补偿"
                "（《劳动合同法》第四十八条、第八十七条，实施条例第二十五条）。"
            )
        )
    else:
        owed, multiplier = True, Decimal(1)
        article = {
            CompensationCase.MUTUAL: tr("协商一致解除（第三十六条、第四十六条第二项）"),
            CompensationCase.LAYOFF: tr("经济性裁员（第四十一条、第四十六条第四项）"),
            CompensationCase.EXPIRY: tr("合同期满终止且非员工拒绝续订（第四十四条、第四十六条第五项）"),
            CompensationCase.ILLNESS: tr(
                "员工患病或非因工负伤，医疗期满后不能从事原工作，也不能从事另行安排的工作而被解除"
                "（第四十条第一项、第四十六条第三项）"
            ),
            CompensationCase.INCOMPETENCE: tr(
                "员工不能胜任工作，经过培训或调整工作岗位仍不能胜任而被解除（第四十条第二项、第四十六条第三项）"
            ),
            CompensationCase.CHANGED_CIRCUMSTANCES: tr(
                "订立合同时所依据的客观情况发生重大变化致合同无法履行，经协商未能就变更合同内容达成协议而被解除"
                "（第四十条第三项、第四十六条第三项）"
            ),
        }[case]
        basis.append(tr("{0}，应支付经济补偿。").format(article))
    if notice_pay and multiplier != 1:
        raise ValidationError({"notice_pay": tr("“{0}”不支付代通知金").format(case.label)})
    warnings: list[str] = []

    wage = average
    if floor is not None and wage < floor:
        wage = floor
        basis.append(
            tr("月平均工资{0}元低于当地最低工资，按最低工资{1}元计算（实施条例第二十七条）。").format(
                _money(average), _money(floor)
            )
        )
    cap = None
    base, counted = wage, months
    cap_line = None  # the explanation of the cap, when the wage is above it
    if local is not None:
        cap = round_fen(local * CAP_MULTIPLE)
        if wage > cap:
            base, counted = cap, min(months, CAP_MONTHS)
            cap_line = tr(
                "月工资{0}元高于当地上年职工月平均工资{1}元的三倍（{2}元），按{2}元计算，"
                "年限最高不超过十二年：N = {3}（第四十七条第二款）。"
            ).format(_money(wage), _money(local), _money(cap), _months_text(counted))
    capped = cap_line is not None
    if owed and local is None:
        warnings.append(
            tr(
                "未提供当地上年职工月平均工资，无法核对三倍封顶：月工资高于其三倍的，按三倍计算且年限最多十二年"
                "（第四十七条第二款）；本结果未封顶，请补充后核对。"
            )
        )
    if owed:
        if hire_date < LAW_2008:
            basis.append(
                tr("注意：2008年1月1日前的工作年限应按当时的规定计算（第九十七条），本计算未作区分，请人工核对。")
            )
        basis.append(_months_line(service, months))
        if cap_line is not None:
            basis.append(cap_line)
        elif base == average:
            basis.append(tr("月工资按{0}元计算（离职前十二个月平均工资）。").format(_money(base)))
    compensation = round_fen(base * counted * multiplier) if owed else ZERO
    if owed:
        basis.append(
            tr("{0}：{1}元 × {2} 个月{3} = {4}元。").format(
                tr("赔偿金（2N）") if multiplier == 2 else tr("经济补偿（N）"),
                _money(base),
                _months_text(counted),
                " × 2" if multiplier == 2 else "",
                _money(compensation),
            )
        )
    notice = ZERO
    if notice_pay:
        notice = round_fen(previous if previous is not None else wage)
        source = tr("上一个月的工资") if previous is not None else tr("月工资")
        if case.article_40:
            basis.append(
                tr(
                    "代通知金：未提前三十日书面通知，额外支付一个月工资{0}元（按{1}，不受三倍封顶限制；"
                    "第四十条，实施条例第二十条）。"
                ).format(_money(notice), source)
            )
            if previous is None:
                warnings.append(
                    tr(
                        "代通知金应按员工上一个月的工资标准确定（实施条例第二十条），未填写上月工资，"
                        "暂按月工资{0}元计算。"
                    ).format(_money(notice))
                )
        else:
            basis.append(
                tr(
                    "另付一个月工资{0}元（按{1}，不受三倍封顶限制）：法定代通知金只适用于第四十条的解除，"
                    "此处为双方约定的额外支付。"
                ).format(_money(notice), source)
            )
    elif case.article_40 and owed:
        basis.append(
            tr(
                "按已提前三十日书面通知员工本人计算；未提前通知的，应额外支付一个月工资作为代通知金"
                "（第四十条，实施条例第二十条）。"
            )
        )
    total = compensation + notice
    basis.append(tr("合计：{0}元。").format(_money(total)))
    return CompensationResult(
        case,
        owed,
        hire_date,
        last_day,
        service,
        months,
        counted,
        multiplier,
        average,
        wage,
        cap,
        capped,
        base,
        compensation,
        notice,
        total,
        tuple(basis),
        tuple(warnings),
    )

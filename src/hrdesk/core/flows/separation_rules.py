"""Separation rules from the Labor Contract Law: reasons, the notice period, the stop month.

Reasons are stored by their code (``separations.reason``, String(20)). Only 主动辞职 is the
employee's; every other reason is started by HR. The three dismissals of art. 40 (医疗期满, 不能胜任,
客观情况发生重大变化) need 30 days' written notice to the employee, or one month's wage instead
(代通知金, paid in the 离职结算); they owe economic compensation N like 协商解除 and 裁员 (art. 46).
"""

from __future__ import annotations

from datetime import date

from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.labels import LabeledEnum

NOTICE_DAYS = 30  # 劳动合同法 art. 37: resignation in writing 30 days ahead
NOTICE_DAYS_PROBATION = 3  # … and 3 days ahead during probation
NOTICE_DAYS_ARTICLE_40 = 30  # 劳动合同法 art. 40: the employer's written notice 30 days ahead (or 代通知金)


class SeparationReason(LabeledEnum):
    RESIGNATION = "resign"
    MUTUAL = "mutual"
    EXPIRY = "expiry"
    PROBATION_FAILED = "probation"
    MISCONDUCT = "misconduct"
    LAYOFF = "layoff"
    ILLNESS = "illness"  # art. 40(1): 医疗期满不能从事原工作，也不能从事另行安排的工作
    INCOMPETENCE = "incompetent"  # art. 40(2): 不能胜任工作，经培训或调岗仍不能胜任
    CHANGED_CIRCUMSTANCES = "changed"  # art. 40(3): 客观情况发生重大变化致合同无法履行

    @classmethod
    def _labels(cls):
        return {
            cls.RESIGNATION: "主动辞职",
            cls.MUTUAL: "协商解除",
            cls.EXPIRY: "合同到期不续签",
            cls.PROBATION_FAILED: "试用期不合格",
            cls.MISCONDUCT: "严重违纪辞退",
            cls.LAYOFF: "经济性裁员",
            cls.ILLNESS: "医疗期满解除（第四十条第一项）",
            cls.INCOMPETENCE: "不能胜任解除（第四十条第二项）",
            cls.CHANGED_CIRCUMSTANCES: "客观情况变化解除（第四十条第三项）",
        }

    @property
    def employee_initiated(self) -> bool:
        return self is SeparationReason.RESIGNATION

    @property
    def article_40(self) -> bool:
        """A dismissal under 劳动合同法 art. 40: 30 days' written notice or 代通知金, and N."""
        return self in _ARTICLE_40

    @property
    def ends_by_expiry(self) -> bool:
        """The contract ends (终止) rather than being ended early (解除): only at its expiry."""
        return self is SeparationReason.EXPIRY


_ARTICLE_40 = frozenset(
    {SeparationReason.ILLNESS, SeparationReason.INCOMPETENCE, SeparationReason.CHANGED_CIRCUMSTANCES}
)


def article_40_notice_short(reason: SeparationReason, notice_date: date, last_day: date) -> str | None:
    """For an art. 40 dismissal whose written notice came less than 30 days before the last working
    day: a note that 代通知金 (one month's wage) is owed instead; None otherwise. Not an error: the
    law allows either the notice or the pay."""
    if not reason.article_40:
        return None
    given = (last_day - notice_date).days
    if given >= NOTICE_DAYS_ARTICLE_40:
        return None
    return tr(
        "“{0}”须提前三十日书面通知员工本人，本次只提前{1}天：离职结算中应额外支付一个月工资作为代通知金"
        "（《劳动合同法》第四十条，实施条例第二十条）。"
    ).format(reason.label, max(given, 0))


def notice_shortfall(reason: SeparationReason, notice_date: date, last_day: date, in_probation: bool) -> str | None:
    """A warning when a resignation gives less notice than art. 37 requires, else None.

    The notice period runs from the day after notice is given; the last working day must be at
    least 30 (in probation 3) days later. HR may still proceed, with a recorded comment.
    """
    if not reason.employee_initiated:
        return None
    required = NOTICE_DAYS_PROBATION if in_probation else NOTICE_DAYS
    given = (last_day - notice_date).days
    if given >= required:
        return None
    return tr("提前通知期不足：《劳动合同法》第三十七条要求{0}提前{1}天书面通知，本次只提前{2}天。").format(
        tr("试用期内") if in_probation else "", required, max(given, 0)
    )


def stop_month(last_day: date) -> date:
    """停保月份: the month in which social insurance and housing fund contributions stop.

    The month of separation is still contributed when the last working day falls in it, so the
    stop month is the month of the last working day (the first month without contributions is the
    next one). Returned as the first day of that month.
    """
    return last_day.replace(day=1)

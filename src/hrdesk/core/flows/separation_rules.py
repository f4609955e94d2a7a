"""Separation rules from the Labor Contract Law: reasons, the notice period, the stop month."""

from __future__ import annotations

from datetime import date

from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.labels import LabeledEnum

NOTICE_DAYS = 30  # 劳动合同法 art. 37: resignation in writing 30 days ahead
NOTICE_DAYS_PROBATION = 3  # … and 3 days ahead during probation


class SeparationReason(LabeledEnum):
    RESIGNATION = "resign"
    MUTUAL = "mutual"
    EXPIRY = "expiry"
    PROBATION_FAILED = "probation"
    MISCONDUCT = "misconduct"
    LAYOFF = "layoff"

    @classmethod
    def _labels(cls):
        return {
            cls.RESIGNATION: "主动辞职",
            cls.MUTUAL: "协商解除",
            cls.EXPIRY: "合同到期不续签",
            cls.PROBATION_FAILED: "试用期不合格",
            cls.MISCONDUCT: "严重违纪辞退",
            cls.LAYOFF: "经济性裁员",
        }

    @property
    def employee_initiated(self) -> bool:
        return self is SeparationReason.RESIGNATION


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

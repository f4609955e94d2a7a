"""The monthly wage the leave pay starts from is rounded to the fen half up (四舍五入) before use, as
the compensation's is: an average of twelve months (the caller's sum ÷ 12) can end in half a fen.
Mutation testing (issue 12, docs/mutation.md) found that rounding it half even instead survived.
"""

from datetime import date
from decimal import Decimal as D

from hrdesk.core.separation.annual_leave import leaver_annual_leave


def test_a_half_fen_in_the_average_wage_is_rounded_up():
    # 120,001.50 ÷ 12 = 10,000.125 → 10,000.13 (half even would give 10,000.12)
    result = leaver_annual_leave(10, date(2026, 3, 31), 1, D("120001.50") / 12)
    assert result.monthly_wage == D("10000.13")
    # one untaken day (see test_annual_leave): 10,000.13 ÷ 21.75 × 200% = 919.5521… → 919.55
    assert result.untaken == 1 and result.statutory_pay == D("919.55")

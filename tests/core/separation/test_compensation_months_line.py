"""The line of the compensation working that states N (劳动合同法 art. 47): full years count one
month each, a remainder of six months or more one more month, a shorter one half a month, and the
line names the remainder and which side of six months it is on. The figures were tested, the line
that explains them was not (mutation testing, issue 12, docs/mutation.md).
"""

from datetime import date
from decimal import Decimal as D

import pytest

from hrdesk.core.separation.compensation import CompensationCase, economic_compensation


def months_line(hire: date, last: date) -> str:
    result = economic_compensation(CompensationCase.MUTUAL, hire, last, D("10000"))
    return next(line for line in result.basis if line.startswith("补偿月数"))


@pytest.mark.parametrize(
    "last, expected",
    [
        (date(2024, 12, 31), "补偿月数：满2年，N = 2。"),
        (date(2025, 3, 31), "补偿月数：满2年计2个月，另3个月（不满六个月）计0.5个月，N = 2.5。"),
        (date(2025, 6, 30), "补偿月数：满2年计2个月，另6个月（六个月以上）计1个月，N = 3。"),
        (date(2025, 7, 31), "补偿月数：满2年计2个月，另7个月（六个月以上）计1个月，N = 3。"),
        (date(2025, 1, 6), "补偿月数：满2年计2个月，另6天（不满六个月）计0.5个月，N = 2.5。"),
        (date(2025, 2, 5), "补偿月数：满2年计2个月，另1个月5天（不满六个月）计0.5个月，N = 2.5。"),
    ],
    ids=["2y", "2y3m", "2y6m", "2y7m", "2y6d", "2y1m5d"],
)
def test_the_months_line_names_the_remainder_and_its_side_of_six_months(last, expected):
    assert months_line(date(2023, 1, 1), last) == expected

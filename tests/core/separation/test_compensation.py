"""Economic compensation (劳动合同法 arts. 46, 47, 87) against figures worked out by hand."""

from datetime import date
from decimal import Decimal as D

import pytest

from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.separation.compensation import (
    CompensationCase,
    ServiceLength,
    compensation_months,
    economic_compensation,
    service_length,
)

WAGE = D("10000")
SHANGHAI_AVG = D("12434")  # 2024 average monthly wage; 3 × = 37,302


def calc(case, hire, last, wage=WAGE, **kw):
    return economic_compensation(CompensationCase.parse(case), hire, last, wage, **kw)


@pytest.mark.parametrize(
    "hire, last, expected",
    [
        (date(2023, 1, 1), date(2025, 3, 31), ServiceLength(2, 3, 0)),  # end = 2025-04-01: 2 years 3 months
        (date(2023, 1, 1), date(2025, 7, 31), ServiceLength(2, 7, 0)),
        (date(2023, 1, 1), date(2024, 12, 31), ServiceLength(2, 0, 0)),
        (date(2023, 1, 15), date(2025, 1, 20), ServiceLength(2, 0, 6)),  # 15th … 20th inclusive: 6 days
        (date(2026, 3, 2), date(2026, 3, 2), ServiceLength(0, 0, 1)),  # one day
        (date(2024, 1, 31), date(2024, 7, 30), ServiceLength(0, 6, 0)),  # 31 Jan + 6 months = 31 Jul (the end)
        (date(2024, 1, 31), date(2024, 2, 28), ServiceLength(0, 1, 0)),  # 31 Jan + 1 month = 29 Feb 2024 (the end)
    ],
)
def test_service_length(hire, last, expected):
    assert service_length(hire, last) == expected


@pytest.mark.parametrize(
    "service, n",
    [
        (ServiceLength(2, 3, 0), "2.5"),  # remainder under six months: half a month
        (ServiceLength(2, 7, 0), "3"),  # six months or more: a full month
        (ServiceLength(2, 6, 0), "3"),  # exactly six months counts as a year
        (ServiceLength(2, 5, 30), "2.5"),  # five months and 30 days is still under six months
        (ServiceLength(2, 0, 0), "2"),  # nothing over
        (ServiceLength(2, 0, 6), "2.5"),  # a few days over: half a month
        (ServiceLength(0, 3, 0), "0.5"),
    ],
)
def test_compensation_months(service, n):
    assert compensation_months(service) == D(n)


def test_two_years_three_months_is_two_and_a_half():
    # 10,000 × 2.5 = 25,000
    result = calc("mutual", date(2023, 1, 1), date(2025, 3, 31))
    assert result.months == D("2.5") and result.months_counted == D("2.5")
    assert result.owed and result.multiplier == 1
    assert result.compensation == D("25000.00") and result.total == D("25000.00")
    assert not result.capped
    assert any("N = 2.5" in line for line in result.basis)


def test_two_years_seven_months_is_three():
    # 10,000 × 3 = 30,000
    result = calc("layoff", date(2023, 1, 1), date(2025, 7, 31))
    assert result.months == D("3")
    assert result.compensation == D("30000.00")


def test_exactly_two_years_is_two():
    assert calc("expiry", date(2023, 1, 1), date(2024, 12, 31)).compensation == D("20000.00")


def test_high_earner_is_capped_at_three_times_and_twelve_years():
    # 15 years, wage 50,000 > 3 × 12,434 = 37,302 → 37,302 × 12 = 447,624
    result = calc("layoff", date(2010, 1, 1), date(2024, 12, 31), D("50000"), local_average_monthly=SHANGHAI_AVG)
    assert result.service == ServiceLength(15, 0, 0)
    assert result.months == D("15") and result.months_counted == D("12")
    assert result.capped and result.wage_cap == D("37302.00") and result.wage_base == D("37302.00")
    assert result.compensation == D("447624.00")


def test_the_twelve_year_limit_applies_only_to_high_earners():
    # 15 years at 30,000 ≤ 37,302: no cap, 30,000 × 15 = 450,000
    result = calc("layoff", date(2010, 1, 1), date(2024, 12, 31), D("30000"), local_average_monthly=SHANGHAI_AVG)
    assert not result.capped and result.months_counted == D("15")
    assert result.compensation == D("450000.00")


def test_capped_wage_with_short_service():
    # 5 years at 50,000: 37,302 × 5 = 186,510
    result = calc("mutual", date(2020, 1, 1), date(2024, 12, 31), D("50000"), local_average_monthly=SHANGHAI_AVG)
    assert result.capped and result.months_counted == D("5")
    assert result.compensation == D("186510.00")


def test_wage_exactly_at_the_cap_is_not_capped():
    result = calc("mutual", date(2010, 1, 1), date(2024, 12, 31), D("37302"), local_average_monthly=SHANGHAI_AVG)
    assert not result.capped and result.months_counted == D("15")


@pytest.mark.parametrize("case", ["probation", "misconduct", "resign", "主动辞职", "严重违纪辞退", "试用期不合格"])
def test_nothing_owed(case):
    result = calc(case, date(2023, 1, 1), date(2025, 3, 31))
    assert not result.owed and result.multiplier == 0
    assert result.compensation == D("0.00") and result.total == D("0.00")
    assert result.months == D("2.5")  # the service is still reported


def test_unlawful_termination_is_twice_n():
    # 2N: 10,000 × 2.5 × 2 = 50,000, and no separate N
    result = calc("违法解除", date(2023, 1, 1), date(2025, 3, 31))
    assert result.case is CompensationCase.UNLAWFUL and result.multiplier == 2
    assert result.compensation == D("50000.00") and result.total == D("50000.00")


def test_unlawful_high_earner():
    # 2 × 37,302 × 12 = 895,248
    result = calc("unlawful", date(2010, 1, 1), date(2024, 12, 31), D("50000"), local_average_monthly=SHANGHAI_AVG)
    assert result.compensation == D("895248.00")


def test_expiry_refused_renewal_is_not_owed():
    assert calc("expiry", date(2023, 1, 1), date(2024, 12, 31), refused_renewal=True).total == D("0.00")
    assert calc("expiry", date(2023, 1, 1), date(2024, 12, 31), refused_renewal=False).total == D("20000.00")


def test_notice_pay_uses_the_previous_month_and_is_not_capped():
    # N: 10,000 × 2.5 = 25,000; notice pay: previous month 12,000 → total 37,000
    result = calc("mutual", date(2023, 1, 1), date(2025, 3, 31), notice_pay=True, previous_month_wage=D("12000"))
    assert result.notice_pay == D("12000.00") and result.total == D("37000.00")
    # default: the monthly wage; a high earner's notice pay is the full 50,000, not the 37,302 cap
    high = calc(
        "layoff", date(2010, 1, 1), date(2024, 12, 31), D("50000"), local_average_monthly=SHANGHAI_AVG, notice_pay=True
    )
    assert high.notice_pay == D("50000.00") and high.total == D("497624.00")


@pytest.mark.parametrize("case", ["resign", "misconduct", "unlawful"])
def test_notice_pay_only_where_n_is_owed(case):
    with pytest.raises(ValidationError) as info:
        calc(case, date(2023, 1, 1), date(2025, 3, 31), notice_pay=True)
    assert "代通知金" in str(info.value)


def test_minimum_wage_floor():
    # average 2,000 below the minimum 2,740: 2,740 × 2.5 = 6,850
    result = calc("mutual", date(2023, 1, 1), date(2025, 3, 31), D("2000"), minimum_wage=D("2740"))
    assert result.monthly_wage == D("2740.00") and result.compensation == D("6850.00")


def test_rounded_half_up_to_the_fen():
    # 8,333.33 × 2.5 = 20,833.325 → 20,833.33
    assert calc("mutual", date(2023, 1, 1), date(2025, 3, 31), D("8333.33")).compensation == D("20833.33")
    # an average with more places is rounded first: 100,000 / 12 = 8,333.333… → 8,333.33
    assert calc("mutual", date(2023, 1, 1), date(2025, 3, 31), D(100000) / 12).wage_base == D("8333.33")


def test_bad_input():
    with pytest.raises(ValidationError) as info:
        calc("mutual", date(2025, 1, 1), date(2024, 12, 31))
    assert "入职日期" in str(info.value)
    with pytest.raises(ValidationError):
        calc("mutual", date(2023, 1, 1), date(2025, 3, 31), D("-1"))
    with pytest.raises(ValidationError):
        calc("mutual", date(2023, 1, 1), date(2025, 3, 31), local_average_monthly=D("0"))
    with pytest.raises(TypeError):
        calc("mutual", date(2023, 1, 1), date(2025, 3, 31), 10000.0)
    with pytest.raises(ValueError):
        CompensationCase.parse("fired")


def test_codes_follow_separation_reasons():
    items = {"illness": "第四十条第一项", "incompetent": "第四十条第二项", "changed": "第四十条第三项"}
    for reason in SeparationReason:
        case = CompensationCase.from_reason(reason)
        assert case.value == reason.value and case.article_40 == reason.article_40
        if reason.article_40:  # the flow names the dismissal by its article, the calculator by the facts
            assert items[reason.value] in reason.label
            basis = economic_compensation(reason, date(2023, 1, 1), date(2025, 3, 31), WAGE).basis
            assert any(items[reason.value] in line for line in basis)
        else:
            assert case.label == reason.label
    assert CompensationCase.parse("违法解除") is CompensationCase.UNLAWFUL
    result = economic_compensation(SeparationReason.MUTUAL, date(2023, 1, 1), date(2025, 3, 31), WAGE)
    assert result.case is CompensationCase.MUTUAL


def test_service_before_2008_is_flagged():
    result = calc("mutual", date(2005, 6, 1), date(2025, 5, 31))
    assert any("第九十七条" in line for line in result.basis)


# --- art. 40 dismissals, the cap that could not be checked -------------------------------------------


@pytest.mark.parametrize(
    "code, label, item",
    [
        ("illness", "医疗期满不能从事原工作", "第四十条第一项"),
        ("incompetent", "不能胜任工作", "第四十条第二项"),
        ("changed", "客观情况发生重大变化", "第四十条第三项"),
    ],
)
def test_article_40_dismissals_owe_n(code, label, item):
    # 3 years 3 months at 9,000: N = 3.5 → 31,500; with 30 days' written notice nothing more
    case = CompensationCase.parse(code)
    assert CompensationCase.parse(label) is case and case.article_40
    result = calc(code, date(2022, 1, 1), date(2025, 3, 31), D("9000"), local_average_monthly=SHANGHAI_AVG)
    assert result.owed and result.multiplier == 1 and result.months_counted == D("3.5")
    assert result.compensation == D("31500.00") and result.notice_pay == 0 and result.total == D("31500.00")
    text = "".join(result.basis)
    assert item in text and "第四十六条第三项" in text
    assert "未提前通知的，应额外支付一个月工资作为代通知金" in text
    assert result.warnings == ()


def test_article_40_without_notice_adds_the_previous_month_s_wage():
    # N: 9,000 × 3.5 = 31,500; 代通知金: the previous month's 9,600 (实施条例 art. 20) → 41,100
    result = calc(
        "incompetent",
        date(2022, 1, 1),
        date(2025, 3, 31),
        D("9000"),
        local_average_monthly=SHANGHAI_AVG,
        notice_pay=True,
        previous_month_wage=D("9600"),
    )
    assert result.notice_pay == D("9600.00") and result.total == D("41100.00")
    assert any("未提前三十日书面通知" in line and "上一个月的工资" in line for line in result.basis)
    assert result.warnings == ()
    # without the previous month's wage: the average, and a warning that says so
    assumed = calc(
        "illness", date(2022, 1, 1), date(2025, 3, 31), D("9000"), local_average_monthly=SHANGHAI_AVG, notice_pay=True
    )
    assert assumed.notice_pay == D("9000.00") and assumed.total == D("40500.00")
    assert len(assumed.warnings) == 1 and "实施条例第二十条" in assumed.warnings[0]


def test_article_40_notice_pay_is_not_capped():
    # 15 years at 50,000 > 37,302: N = 37,302 × 12 = 447,624; 代通知金 the full 50,000 → 497,624
    result = calc(
        "changed",
        date(2010, 1, 1),
        date(2024, 12, 31),
        D("50000"),
        local_average_monthly=SHANGHAI_AVG,
        notice_pay=True,
        previous_month_wage=D("50000"),
    )
    assert result.capped and result.months == D("15") and result.months_counted == D("12")
    assert result.compensation == D("447624.00") and result.notice_pay == D("50000.00")
    assert result.total == D("497624.00")


def test_an_extra_month_elsewhere_is_described_as_agreed():
    result = calc("mutual", date(2023, 1, 1), date(2025, 3, 31), notice_pay=True, previous_month_wage=D("12000"))
    line = next(line for line in result.basis if "12,000.00" in line)
    assert "双方约定" in line and "代通知金：未提前" not in line


def test_without_the_local_average_the_cap_is_not_checked_and_it_says_so():
    # 50,000 a month for 15 years: uncapped 750,000, but the 3× cap may well apply
    result = calc("layoff", date(2010, 1, 1), date(2024, 12, 31), D("50000"))
    assert not result.capped and result.wage_cap is None and result.compensation == D("750000.00")
    assert len(result.warnings) == 1
    assert "无法核对三倍封顶" in result.warnings[0] and "第四十七条第二款" in result.warnings[0]
    # known: no such warning; nothing owed: nothing to cap
    assert (
        calc("layoff", date(2010, 1, 1), date(2024, 12, 31), D("50000"), local_average_monthly=SHANGHAI_AVG).warnings
        == ()
    )
    assert calc("resign", date(2010, 1, 1), date(2024, 12, 31), D("50000")).warnings == ()


def test_the_months_used_after_the_cap_are_the_last_word():
    # 14 years: the N line says 14 first, the cap line then says 12, the amount uses 12
    result = calc("mutual", date(2011, 1, 1), date(2024, 12, 31), D("50000"), local_average_monthly=SHANGHAI_AVG)
    assert result.months == D("14") and result.months_counted == D("12")
    n_lines = [line for line in result.basis if "N = " in line]
    assert n_lines[-1].endswith("N = 12（第四十七条第二款）。")
    assert "37,302.00元 × 12 个月 = 447,624.00元" in "".join(result.basis)

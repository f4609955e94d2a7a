"""Everything the compensation result reports besides the amount (劳动合同法 arts. 46, 47; 实施条例
art. 27): service counted by calendar months from the hire date (a month not yet complete is
days), the dates it was counted between, the monthly-wage line, and lines that appear only where
they apply (the minimum wage when the wage is below it, the pre-2008 note before 2008, the 代通知金
note for art. 40 only). Found by mutation testing (issue 12, docs/mutation.md).
"""

from datetime import date
from decimal import Decimal as D

from hrdesk.core.separation.compensation import CompensationCase, ServiceLength, economic_compensation, service_length


def test_a_month_not_yet_complete_is_counted_in_days():
    # 15 Mar 2023 – 10 Jun 2025 inclusive: 2 years to 15 Mar 2025, 2 months to 15 May, then 27 days
    assert service_length(date(2023, 3, 15), date(2025, 6, 10)) == ServiceLength(2, 2, 27)
    # one day short of a full year: 11 months and the days after 15 Feb
    assert service_length(date(2024, 3, 15), date(2025, 3, 13)) == ServiceLength(0, 11, 27)


def test_the_result_names_its_dates_and_the_wage_used():
    hire, last = date(2023, 1, 1), date(2025, 3, 31)
    result = economic_compensation(CompensationCase.MUTUAL, hire, last, D("10000"))
    assert (result.hire_date, result.last_day) == (hire, last)
    assert result.average_wage == D("10000.00")
    assert any("月工资按10,000.00元计算" in line for line in result.basis)


def test_a_wage_equal_to_the_minimum_is_not_said_to_be_below_it():
    result = economic_compensation(
        CompensationCase.MUTUAL, date(2023, 1, 1), date(2025, 3, 31), D("2690"), minimum_wage=D("2690")
    )
    assert result.monthly_wage == D("2690.00")
    assert not any("低于当地最低工资" in line for line in result.basis)


def test_service_from_1_january_2008_is_not_flagged_as_older_service():
    result = economic_compensation(CompensationCase.MUTUAL, date(2008, 1, 1), date(2025, 3, 31), D("10000"))
    assert not any("2008年1月1日前" in line for line in result.basis)
    older = economic_compensation(CompensationCase.MUTUAL, date(2007, 12, 31), date(2025, 3, 31), D("10000"))
    assert any("2008年1月1日前" in line for line in older.basis)


def test_the_notice_note_is_for_article_40_dismissals_only():
    mutual = economic_compensation(CompensationCase.MUTUAL, date(2023, 1, 1), date(2025, 3, 31), D("10000"))
    assert not any("提前三十日书面通知" in line for line in mutual.basis)
    illness = economic_compensation(CompensationCase.ILLNESS, date(2023, 1, 1), date(2025, 3, 31), D("10000"))
    assert any("提前三十日书面通知" in line for line in illness.basis)

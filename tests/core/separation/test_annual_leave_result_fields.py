"""Everything the annual leave result reports besides the pay (职工带薪年休假条例 art. 3; 实施办法
arts. 10, 12): the inputs it was worked from, the company's own days (none untaken when all were
taken), the pay expression the calculator prints, and the cap note only past 365 days. Found by
mutation testing (issue 12, docs/mutation.md).
"""

from datetime import date
from decimal import Decimal as D

from hrdesk.core.separation.annual_leave import CompanyLeaveRule, leaver_annual_leave


def test_the_result_echoes_what_it_was_worked_from():
    rule = CompanyLeaveRule(extra_days=D(3), prorate=True, pay_rate=D("1.5"))
    result = leaver_annual_leave(D("12.5"), date(2026, 6, 30), D("1.5"), D("21750"), company=rule, company_taken=1)
    assert (result.working_years, result.taken, result.pay_rate) == (D("12.5"), D("1.5"), D(2))
    assert (result.company_days, result.company_taken, result.company_pay_rate) == (D(3), D(1), D("1.5"))
    # 181 ÷ 365 × 3 = 1.4876… → 1.49 shown; 1.4876 − 1 taken → 0 company days untaken
    assert result.company_prorated == D("1.49") and result.company_untaken == 0 and result.company_pay == D("0.00")


def test_the_pay_expression_is_the_one_the_amount_is_computed_from():
    result = leaver_annual_leave(10, date(2026, 3, 31), 1, D("10000"))
    assert result.pay_text(D(2), 1) == "10,000.00元 ÷ 21.75 × 200% × 1天"


def test_the_cap_note_appears_only_past_365_days():
    assert "为限" not in leaver_annual_leave(5, date(2026, 12, 31), 0, D("10000")).prorated_text  # 365 days
    assert "以全年5天为限" in leaver_annual_leave(5, date(2024, 12, 31), 0, D("10000")).prorated_text  # 366
    # the company's single day is capped the same way
    one_day = CompanyLeaveRule(extra_days=D(1), prorate=True, pay_rate=D(1))
    result = leaver_annual_leave(5, date(2024, 12, 31), 0, D("10000"), company=one_day)
    assert any("以全年1天为限" in line for line in result.basis)


def test_no_cap_note_without_an_entitlement():
    # under one working year on 31 Dec 2024 (day 366): 0 days, nothing to cap
    assert leaver_annual_leave(D("0.5"), date(2024, 12, 31), 0, D("10000")).prorated_text == "0.00天"


def test_under_one_working_year_says_so():
    result = leaver_annual_leave(D("0.5"), date(2026, 6, 30), 0, D("10000"))
    assert any("累计工作不满一年" in line for line in result.basis)
    assert not any("累计工作不满一年" in line for line in leaver_annual_leave(1, date(2026, 6, 30), 0, D("1")).basis)


def test_the_period_starts_on_the_hire_date_when_it_is_after_1_january():
    result = leaver_annual_leave(5, date(2026, 6, 30), 0, D("10000"), hire_date=date(2026, 1, 2))
    assert any("当年自入职日1月2日至" in line for line in result.basis)
    from_january = leaver_annual_leave(5, date(2026, 6, 30), 0, D("10000"), hire_date=date(2026, 1, 1))
    assert any("当年自1月1日至" in line for line in from_january.basis)


def test_the_no_clawback_note_only_when_more_was_taken_than_earned():
    # 1 Jan – 14 Mar 2026 = 73 days: 73 ÷ 365 × 5 = 1 day exactly
    for taken in (D(1), D("0.5")):
        result = leaver_annual_leave(5, date(2026, 3, 14), taken, D("10000"))
        assert not any("不予扣回" in line for line in result.basis)
    assert any("不予扣回" in line for line in leaver_annual_leave(5, date(2026, 3, 14), 2, D("10000")).basis)

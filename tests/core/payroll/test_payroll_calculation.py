"""Worked payroll cases computed by hand from the rules (see the arithmetic in each test)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from hrdesk.core.payroll.rules.calculation import TaxOptions, YearToDate, calculate, paid_days
from hrdesk.core.payroll.rules.codec import dumps, loads
from hrdesk.core.payroll.rules.insurance import InsuranceItem
from hrdesk.core.payroll.rules.items import PayCategory, PayItem
from tests.payroll_rules import employee, rules

MARCH = date(2026, 3, 1)


def test_paid_days_count_mondays_to_fridays():
    assert paid_days(date(2026, 3, 1), date(2026, 3, 31)) == 22  # March 2026 starts on a Sunday
    assert paid_days(date(2026, 7, 15), date(2026, 7, 31)) == 13
    assert paid_days(date(2026, 3, 7), date(2026, 3, 8)) == 0  # a weekend
    assert paid_days(date(2026, 3, 9), date(2026, 3, 8)) == 0


def test_full_month_in_shanghai():
    slip = calculate(employee(MARCH, "20000"), rules())
    # 个人: 养老 8% 1,600 + 医疗 2% 400 + 失业 0.5% 100 + 公积金 7% 1,400 = 3,500
    assert slip.employee_insurance == D("3500.00")
    # 单位: 16% 3,200 + 10% 2,000 + 0.5% 100 + 工伤 0.26% 52 + 公积金 1,400 = 6,752
    assert slip.employer_insurance == D("6752.00")
    # 20,000 − 5,000 − 3,500 = 11,500 × 3% = 345
    assert slip.cumulative_taxable == D("11500.00") and slip.wage_tax == D("345.00")
    assert slip.net_pay == D("16155.00") and slip.employer_cost == D("26752.00")
    assert slip.gross_pay - slip.total_deductions == slip.net_pay


def test_base_below_floor_and_above_cap_are_clamped_and_say_so():
    low = calculate(employee(MARCH, "5000"), rules())
    pension = low.contribution(InsuranceItem.PENSION)
    assert pension.base == D("7460") and pension.clamped == "floor"
    assert pension.employee_amount == D("596.80")  # 7,460 × 8%
    fund = low.contribution(InsuranceItem.HOUSING_FUND)
    assert fund.base == D("5000") and fund.clamped is None and fund.employee_amount == D("350.00")
    assert "低于下限" in pension.explain()

    high = calculate(employee(MARCH, "50000"), rules())
    pension = high.contribution(InsuranceItem.PENSION)
    assert pension.base == D("37302") and pension.clamped == "cap"
    assert pension.employee_amount == D("2984.16")  # 37,302 × 8%
    # 公积金 37,302 × 7% = 2,611.14, rounded to the yuan in Shanghai
    assert high.contribution(InsuranceItem.HOUSING_FUND).employee_amount == D("2611.00")
    assert "高于上限" in pension.explain()


def test_beijing_medical_adds_three_yuan():
    slip = calculate(employee(MARCH, "10000"), rules("北京"))
    assert slip.contribution(InsuranceItem.MEDICAL).employee_amount == D("203.00")  # 10,000 × 2% + 3


def test_mid_year_hire_then_the_next_month():
    july = date(2026, 7, 1)
    slip = calculate(employee(july, "10000", hired=date(2026, 7, 15)), rules(month=july))
    # 13 paid days (15–31 July 2026): 10,000 ÷ 21.75 × 13 = 5,977.011… → 5,977.01
    assert slip.paid_days == 13 and slip.base_pay == D("5977.01")
    # contributions on the full base: 800 + 200 + 50 + 700 = 1,750; 5,977.01 − 5,000 − 1,750 < 0 → no tax
    assert slip.employee_insurance == D("1750.00") and slip.wage_tax == D("0.00")
    assert slip.ytd.basic == D("5000") and slip.ytd.months == 1
    august = date(2026, 8, 1)
    slip2 = calculate(employee(august, "10000", hired=date(2026, 7, 15), prior=slip.ytd), rules(month=august))
    # cumulative: 15,977.01 − 10,000 − 3,500 = 2,477.01 × 3% = 74.31
    assert slip2.cumulative_taxable == D("2477.01") and slip2.wage_tax == D("74.31")


def test_leaver_is_paid_to_the_last_working_day():
    slip = calculate(employee(MARCH, "12000", last_day=date(2026, 3, 13)), rules())
    # 2–6 and 9–13 March: 10 paid days; 12,000 ÷ 21.75 × 10 = 5,517.241… → 5,517.24
    assert slip.paid_days == 10 and slip.base_pay == D("5517.24")
    assert slip.employee_insurance > 0  # the month of the last working day is still contributed


def test_salary_change_effective_mid_month():
    june = date(2026, 6, 1)
    emp = replace(employee(june, "10000"), salary=((date.min, D("10000")), (date(2026, 6, 16), D("12000"))))
    slip = calculate(emp, rules(month=june))
    # 1–15 June: 11 paid days → 10,000 ÷ 21.75 × 11 = 5,057.47; 16–30 June: 11 → 12,000 ÷ 21.75 × 11 = 6,068.97
    assert slip.base_pay == D("11126.44")
    assert [line.amount for line in slip.lines if line.code == "base"] == [D("5057.47"), D("6068.97")]


def test_partial_month_never_pays_more_than_a_full_month():
    # hired on Tuesday 3 March: 21 paid days × 12,000 ÷ 21.75 = 11,586.206… → 11,586.21 (no cap needed)
    assert calculate(employee(MARCH, "12000", hired=date(2026, 3, 3)), rules()).base_pay == D("11586.21")
    # hired on Monday 2 March after a Sunday the 1st: every paid day employed, the full month
    assert calculate(employee(MARCH, "12000", hired=date(2026, 3, 2)), rules()).base_pay == D("12000")
    # a change on 2 March with 22 paid days in the month: 10,000 ÷ 21.75 × 0 (1 March is a Sunday)
    # + 12,000 ÷ 21.75 × 22 = 12,137.93 → capped at the full month, 12,000
    emp = replace(employee(MARCH, "10000"), salary=((date.min, D("10000")), (date(2026, 3, 2), D("12000"))))
    assert calculate(emp, rules()).base_pay == D("12000")


def test_income_crossing_a_bracket_in_a_later_month():
    ytd = YearToDate()
    taxes = []
    for month in range(1, 5):
        slip = calculate(employee(date(2026, month, 1), "20000", prior=ytd), rules(month=date(2026, month, 1)))
        ytd = slip.ytd
        taxes.append(slip.wage_tax)
    # 11,500 taxable a month: 345 × 3 months; April: 46,000 × 10% − 2,520 = 2,080 − 1,035 = 1,045
    assert taxes == [D("345.00"), D("345.00"), D("345.00"), D("1045.00")]


def test_low_income_option_deducts_60000_from_january():
    # 8,000 a month, contributions 640 + 160 + 40 + 560 = 1,400
    jan = calculate(employee(date(2026, 1, 1), "8000"), rules(month=date(2026, 1, 1)))
    assert jan.wage_tax == D("48.00")  # 8,000 − 5,000 − 1,400 = 1,600 × 3%
    opt = TaxOptions(low_income=True)
    assert calculate(employee(date(2026, 1, 1), "8000", options=opt), rules(month=date(2026, 1, 1))).wage_tax == 0
    prior = YearToDate(months=9, income=D("72000"), basic=D("45000"), special=D("12600"))
    october = calculate(employee(date(2026, 10, 1), "8000", options=opt, prior=prior), rules(month=date(2026, 10, 1)))
    # 80,000 − 60,000 − 14,000 = 6,000 × 3% = 180, nothing withheld before
    assert october.basic_deduction == D("60000") and october.wage_tax == D("180.00")


def test_no_wage_income_earlier_this_year_counts_5000_from_january():
    july = date(2026, 7, 1)
    opt = TaxOptions(basic_from_january=True)
    slip = calculate(employee(july, "20000", options=opt), rules(month=july))
    # 7 × 5,000 = 35,000 > 20,000 − 3,500: nothing taxable
    assert slip.ytd.basic == D("35000") and slip.wage_tax == 0


def _item(code, category, amount, taxable=True):
    return PayItem(code, code, category, D(amount), taxable)


def test_annual_bonus_at_a_band_edge_is_taxed_separately_once():
    bonus = _item("annual_bonus", PayCategory.ANNUAL_BONUS, "36000")
    slip = calculate(employee(MARCH, "20000", items=(bonus,)), rules())
    # 36,000 ÷ 12 = 3,000 → 3% band (the edge belongs to the lower band): 1,080
    assert slip.bonus_tax.tax == D("1080.00") and slip.wage_tax == D("345.00")
    assert slip.income == D("20000")  # not in the wage income
    second = calculate(
        employee(MARCH, "20000", items=(bonus,), prior=replace(YearToDate(), bonus_taxed_separately=True)), rules()
    )
    assert second.bonus_tax is None and second.income == D("56000")  # merged the second time


def test_bonus_merged_when_the_employee_chooses():
    bonus = _item("annual_bonus", PayCategory.ANNUAL_BONUS, "36000")
    slip = calculate(employee(MARCH, "20000", items=(bonus,), options=TaxOptions(bonus_separately=False)), rules())
    # 56,000 − 5,000 − 3,500 = 47,500 × 10% − 2,520 = 2,230
    assert slip.bonus_tax is None and slip.wage_tax == D("2230.00")


def test_items_by_category():
    items = (
        _item("meal", PayCategory.EARNING, "500"),
        _item("only_child", PayCategory.EARNING, "10", False),
        _item("absence", PayCategory.PRE_TAX_DEDUCTION, "200"),
        _item("loan", PayCategory.AFTER_TAX_DEDUCTION, "1000"),
        _item("taxi", PayCategory.REIMBURSEMENT, "88.50"),
    )
    slip = calculate(employee(MARCH, "20000", items=items), rules())
    assert slip.gross_pay == D("20310.00")  # 20,000 + 500 + 10 − 200
    assert slip.tax_free == D("10") and slip.income == D("20310.00")
    # 20,310 − 10 − 5,000 − 3,500 = 11,800 × 3% = 354
    assert slip.wage_tax == D("354.00")
    assert slip.net_pay == D("20310.00") - D("3500") - D("354.00") - D("1000") + D("88.50")


def test_severance_above_the_exemption_is_taxed_on_its_own():
    severance = _item("severance_pay", PayCategory.SEVERANCE, "500000")
    slip = calculate(employee(MARCH, "20000", items=(severance,)), rules())
    # exempt 3 × 149,208 = 447,624; 52,376 taxable × 10% − 2,520 = 2,717.60
    assert slip.severance_tax.exempt_limit == D("447624.00") and slip.severance_tax.tax == D("2717.60")
    assert slip.wage_tax == D("345.00")  # wages unaffected


def test_missing_city_policy_is_a_warning_not_a_silent_zero():
    slip = calculate(employee(MARCH, "10000"), rules(city="成都"))
    assert slip.employee_insurance == 0 and slip.warnings


def test_codec_round_trips_exactly():
    items = (_item("annual_bonus", PayCategory.ANNUAL_BONUS, "36000"), _item("taxi", PayCategory.REIMBURSEMENT, "1"))
    slip = calculate(employee(MARCH, "33333.33", items=items), rules())
    assert loads(dumps(slip)) == slip


money = st.decimals(min_value=0, max_value=200000, places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=150, deadline=None)
@given(
    salary=money,
    base=money,
    bonus=money,
    reimbursement=money,
    deduction=money,
    after=money,
    day=st.integers(1, 28),
    month=st.integers(1, 12),
)
def test_net_is_gross_minus_deductions_exactly(salary, base, bonus, reimbursement, deduction, after, day, month):
    start = date(2026, month, 1)
    items = (
        _item("b", PayCategory.EARNING, str(bonus)),
        _item("r", PayCategory.REIMBURSEMENT, str(reimbursement)),
        _item("d", PayCategory.PRE_TAX_DEDUCTION, str(deduction)),
        _item("a", PayCategory.AFTER_TAX_DEDUCTION, str(after)),
    )
    emp = employee(start, str(salary), base=str(max(base, D("1"))), hired=date(2026, month, day), items=items)
    slip = calculate(emp, rules(month=start))
    assert slip.gross_pay - slip.total_deductions == slip.net_pay
    assert slip.net_pay.as_tuple().exponent >= -2


@settings(max_examples=60, deadline=None)
@given(salaries=st.lists(money, min_size=12, max_size=12), low_income=st.booleans())
def test_cumulative_tax_never_decreases_within_a_year(salaries, low_income):
    ytd = YearToDate()
    last_tax = D(0)
    for month, salary in enumerate(salaries, start=1):
        start = date(2026, month, 1)
        slip = calculate(
            employee(
                start, str(salary), base=str(max(salary, D("1"))), prior=ytd, options=TaxOptions(low_income=low_income)
            ),
            rules(month=start),
        )
        assert slip.wage_tax >= 0
        assert slip.ytd.tax >= last_tax
        last_tax, ytd = slip.ytd.tax, slip.ytd

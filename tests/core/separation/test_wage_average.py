"""前十二个月平均工资 over the twelve months before the month of separation (实施条例 art. 27; fewer
only when employed fewer), never silently over just the months HRDesk holds; annual-leave pay on the
average without overtime pay (企业职工带薪年休假实施办法 art. 11)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal as D

import pytest

from hrdesk.core.accounts import auth
from hrdesk.core.flows import engine, separations, stuck
from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.flows.workflow import Action
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.kernel.errors import PermissionDenied, StateError
from hrdesk.core.payroll import inputs, runs
from hrdesk.core.people import employees
from hrdesk.core.separation import settlement
from hrdesk.core.separation.statement import SettlementParams, wage_window
from tests.helpers import employee_input

LAST_DAY = date(2026, 3, 31)


def login(fx, username):
    return auth.login(fx.db, username, fx.users[username], fx.clock)


def to_finance(fx, emp_id: int) -> int:
    """HR starts a 协商解除 and each step before 财务 is approved by whoever it waits for: the manager,
    the lead, the administrator standing in for the 人事 who started it; a step nobody may take
    (no manager, and 人事 proposed it) gets a handler named by the administrator first."""
    flow_id = separations.start(login(fx, "hr"), emp_id, SeparationReason.MUTUAL, LAST_DAY, "协商一致").summary.id
    for _ in range(10):
        detail = engine.get(login(fx, "hr"), flow_id)
        if "财务" in detail.summary.step_name:
            return flow_id
        if detail.stuck:
            stuck.assign_stuck(login(fx, "admin"), flow_id, login(fx, "manager").actor.user_id, "由销售部负责人审批")
        for user in ("manager", "lead", "hr", "admin"):
            try:
                if Action.APPROVE in engine.get(login(fx, user), flow_id).my_actions:
                    engine.act(login(fx, user), flow_id, Action.APPROVE, "同意")
                    break
            except PermissionDenied:
                continue
    raise AssertionError("the flow never reached 财务")


def test_the_window_is_twelve_months_before_the_separation_month_or_since_hire():
    assert wage_window(date(2020, 1, 6), date(2026, 3, 1)) == [date(2025, m, 1) for m in range(3, 13)] + [
        date(2026, 1, 1),
        date(2026, 2, 1),
    ]
    assert wage_window(date(2026, 1, 15), date(2026, 3, 1)) == [date(2026, 1, 1), date(2026, 2, 1)]
    assert wage_window(date(2026, 3, 2), date(2026, 3, 1)) == []


def test_months_missing_from_the_records_are_named_and_block_approval(company):
    """李四, hired 2020 at 12,000, with only Dec 2025 – Feb 2026 in HRDesk and a 60,000 bonus in
    February: the average of the three held months (32,000) is not the twelve-month average."""
    fx = company
    fx.clock = FixedClock(datetime(2026, 3, 2, 9, 0))
    hr, li = login(fx, "hr"), fx.emps["李四"]
    inputs.add_entry(hr, date(2026, 2, 1), li, "annual_bonus", "60000", "2025年终奖")
    for month in (date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)):
        runs.calculate_month(hr, month)
    flow_id = to_finance(fx, li)
    finance = login(fx, "finance")
    st = settlement.statement(finance, li)
    assert st.average_missing == tuple(date(2025, m, 1) for m in range(3, 12))
    assert st.average_wage == D("32000.00")  # shown as what was assumed, not as the answer
    warning = next(w for w in st.warnings if "缺少9个月" in w)
    assert "2025-03" in warning and "2025-11" in warning and "前3个月" in warning  # what it assumed
    with pytest.raises(StateError, match="缺少9个月"):
        engine.act(finance, flow_id, Action.APPROVE, "结算无误")
    # HR enters the verified twelve-month average from the records before HRDesk: now it can be approved
    settlement.save_params(hr, li, SettlementParams(average_wage=D("17000")))
    st = settlement.statement(finance, li)
    assert not st.average_missing and st.average_wage == D("17000")
    engine.act(finance, flow_id, Action.APPROVE, "结算无误")
    assert settlement.statement(finance, li).approved


def test_annual_leave_pay_leaves_overtime_out_of_the_monthly_wage(company):
    fx = company
    fx.clock = FixedClock(datetime(2026, 3, 2, 9, 0))
    hr = login(fx, "hr")
    hired = date(2026, 1, 1)
    values = employee_input(
        "E000030", "冯加班", fx.depts["销售部"], 30, hire_date=hired, contract_start=hired, probation_end_date=None
    )
    emp = employees.create(fx.system, values).id
    inputs.add_entry(hr, date(2026, 2, 1), emp, "overtime_pay", "2175", "2月加班")
    runs.calculate_month(hr, date(2026, 1, 1))
    runs.calculate_month(hr, date(2026, 2, 1))
    to_finance(fx, emp)
    st = settlement.save_params(login(fx, "finance"), emp, SettlementParams(working_years=D("5")))
    assert not st.average_missing  # employed since January: two months are the whole window
    # compensation on the average with overtime: (12,000 + 14,175) ÷ 2 = 13,087.50, × 0.5 month
    assert st.average_wage == D("13087.50") and st.compensation.compensation == D("6543.75")
    # leave: 90 ÷ 365 × 5 = 1.23 → 1 day, on 12,000 (no overtime) ÷ 21.75 × 200% = 1,103.45
    assert st.leave.untaken == 1 and st.leave.total_pay == D("1103.45")
    assert "加班工资共 2,175.00" in st.average_wage_basis and "12,000.00" in st.average_wage_basis

"""离职结算 through the flow: available from the finance step, worked figures, deductions confirmed by
finance, frozen on approval and posted to the payroll month as locked items."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal as D

import pytest

from hrdesk.core.accounts import auth
from hrdesk.core.flows import checklists, engine, separations
from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.flows.workflow import Action
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import PermissionDenied, StateError
from hrdesk.core.payroll import inputs, runs
from hrdesk.core.separation import settlement
from hrdesk.core.separation.statement import SettlementParams
from tests.helpers import verify_average_wage

MARCH = date(2026, 3, 1)


def login(fx, username) -> ServiceContext:
    return auth.login(fx.db, username, fx.users[username], fx.clock)


@pytest.fixture
def leaving(company):
    """HR starts a 协商解除 for 李四 (hired 2020-01-06, 12,000, 上海), last day 31 March 2026; the
    manager approves and, HR having started it, the administrator stands in for 人事 (nobody
    approves their own proposal), so the flow waits at 财务结算."""
    company.clock = FixedClock(datetime(2026, 3, 2, 9, 0))
    hr = login(company, "hr")
    flow = separations.start(hr, company.emps["李四"], SeparationReason.MUTUAL, date(2026, 3, 31), "协商一致")
    company.flow_id = flow.summary.id
    company.li = company.emps["李四"]
    engine.act(login(company, "manager"), company.flow_id, Action.APPROVE, "同意")
    with pytest.raises(StateError, match="财务结算"):
        settlement.statement(hr, company.li)  # not before the finance step
    engine.act(login(company, "admin"), company.flow_id, Action.APPROVE, "同意")
    verify_average_wage(company.db, company.li)
    return company


def test_statement_worked_case(leaving):
    fx = leaving
    st = settlement.statement(login(fx, "finance"), fx.li)
    # 2020-01-06 … 2026-03-31: 6 years, remainder under 6 months → N = 6.5; no payroll history → 12,000
    assert st.compensation.months_counted == D("6.5") and st.compensation.compensation == D("78000.00")
    # leave: working years estimated as 6 → 5 days; 90 ÷ 365 × 5 = 1.23 → 1 day; 12,000 ÷ 21.75 × 200%
    assert st.leave.untaken == 1 and st.leave.total_pay == D("1103.45")
    assert any("累计工作年限未填写" in w for w in st.warnings)
    p = st.payslip
    assert p.base_pay == D("12000") and p.severance_tax.tax == 0  # 78,000 is within 3 × 149,208
    # wages for tax: 12,000 + 1,103.45 − 5,000 − 2,100 = 6,003.45 × 3% = 180.10
    assert p.wage_tax == D("180.10")
    assert st.net_amount == D("12000") + D("1103.45") + D("78000") - D("2100") - D("180.10")
    assert st.lines[-1].amount == st.net_amount
    assert st.stop_month == MARCH and st.payroll_month == MARCH


def test_params_change_the_figures_and_need_hr_or_finance(leaving):
    fx = leaving
    with pytest.raises(PermissionDenied):
        settlement.save_params(login(fx, "manager"), fx.li, SettlementParams(working_years=D("12")))
    st = settlement.save_params(
        login(fx, "hr"), fx.li, SettlementParams(working_years=D("12"), leave_taken=D("1"), notice_pay=True)
    )
    # 12 years → 10 days; 90 ÷ 365 × 10 = 2.46 → 2 − 1 taken = 1 day
    assert st.leave.entitlement == 10 and st.leave.untaken == 1
    assert st.compensation.notice_pay == D("12000.00")
    assert not any("累计工作年限未填写" in w for w in st.warnings)


def test_deductions_need_finance_confirmation_then_post_locked_items(leaving):
    fx = leaving
    finance = login(fx, "finance")
    laptop = next(i for i in engine.get(finance, fx.flow_id).checklist if "笔记本" in i.title)
    checklists.set_amount(login(fx, "admin"), laptop.id, "3000", "笔记本未归还，按净值扣款")
    with pytest.raises(StateError, match="尚未确认"):
        engine.act(finance, fx.flow_id, Action.APPROVE, "结算无误")
    with pytest.raises(PermissionDenied):
        settlement.confirm_deduction(login(fx, "hr"), fx.li, laptop.id)
    st = settlement.confirm_deduction(finance, fx.li, laptop.id)
    assert [d.confirmed for d in st.deductions] == [True]
    engine.act(finance, fx.flow_id, Action.APPROVE, "结算无误")

    approved = settlement.statement(finance, fx.li)
    assert approved.approved and approved.approved_by == "钱财务"
    with pytest.raises(StateError, match="已由财务审核"):
        settlement.save_params(finance, fx.li, SettlementParams(working_years=D("1")))
    entries = inputs.entries(finance, MARCH, fx.li)
    assert {(e.item_code, e.amount, e.locked) for e in entries} == {
        ("leave_pay", D("1103.45"), True),
        ("severance_pay", D("78000.00"), True),
        ("equipment_deduction", D("3000.00"), True),
    }
    with pytest.raises(StateError, match="锁定"):
        inputs.delete_entry(finance, entries[0].id)

    hr = login(fx, "hr")
    runs.calculate_month(hr, date(2026, 1, 1))
    runs.calculate_month(hr, date(2026, 2, 1))
    runs.calculate_month(hr, MARCH)
    li = next(r for r in runs.rows(finance, MARCH) if r.employee_id == fx.li)
    assert li.insurance_change == "stop"
    assert li.payslip.severance == D("78000.00") and li.payslip.after_tax_deductions == D("3000.00")


def test_a_changed_amount_needs_confirming_again(leaving):
    fx = leaving
    finance = login(fx, "finance")
    laptop = next(i for i in engine.get(finance, fx.flow_id).checklist if "笔记本" in i.title)
    checklists.set_amount(login(fx, "admin"), laptop.id, "3000")
    settlement.confirm_deduction(finance, fx.li, laptop.id)
    checklists.set_amount(login(fx, "admin"), laptop.id, "3500")
    st = settlement.statement(finance, fx.li)
    assert [d.confirmed for d in st.deductions] == [False]
    assert replace(st.params).confirmed_deductions == {str(laptop.id): "3000.00"}


def test_a_separately_taxed_annual_bonus_in_the_last_month_is_a_line(leaving):
    """公告2023年第30号: the bonus is taxed on its own; that tax is deducted from the net, so the
    statement must show it as a line of its own (the lines add up to 实发合计)."""
    fx = leaving
    inputs.add_entry(login(fx, "hr"), MARCH, fx.li, "annual_bonus", "36000.01", "2025年度年终奖")
    st = settlement.statement(login(fx, "finance"), fx.li)
    bonus_tax = st.payslip.bonus_tax
    # 36,000.01 ÷ 12 = 3,000.0008 > 3,000 → 10% band: 36,000.01 × 10% − 210 = 3,390.00
    assert bonus_tax is not None and bonus_tax.tax == D("3390.00")
    taxed = [ln for ln in st.lines if ln.amount == -bonus_tax.tax]
    assert len(taxed) == 1 and "全年一次性奖金" in taxed[0].item
    assert sum(ln.amount for ln in st.lines if ln.section != "net") == st.net_amount

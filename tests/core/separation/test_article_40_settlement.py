"""The three dismissals of 劳动合同法 art. 40 through the separation flow and its 离职结算: N months of
the twelve-month average (capped per art. 47 para. 2), plus 代通知金 = the previous month's wage
(实施条例 art. 20) when 30 days' written notice was not given, none when it was; the 离职证明 says 解除."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal as D

import pytest
from pypdf import PdfReader

from hrdesk.core.accounts import auth
from hrdesk.core.documents import issuing
from hrdesk.core.flows import checklists, engine, separations
from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.flows.workflow import Action, FlowStatus
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.payroll import inputs, runs, wage_history
from hrdesk.core.separation import settlement
from hrdesk.core.separation import statement as statement_module
from hrdesk.core.separation.compensation import CompensationCase
from tests.helpers import verify_average_wage

ARTICLE_40 = (SeparationReason.ILLNESS, SeparationReason.INCOMPETENCE, SeparationReason.CHANGED_CIRCUMSTANCES)
FEB, MARCH = date(2026, 2, 1), date(2026, 3, 1)
SHORT = date(2026, 3, 31)  # notice on 2 March: 29 days, short of 30
ENOUGH = date(2026, 4, 1)  # notice on 2 March: 30 days
CAP = D("37302.00")  # 3 × 上海's 12,434 (2024 average, in force 2025-07 … 2026-06)


def login(fx, username) -> ServiceContext:
    return auth.login(fx.db, username, fx.users[username], fx.clock)


@pytest.fixture
def fx(company):
    company.clock = FixedClock(datetime(2026, 3, 2, 9, 0))
    company.li = company.emps["李四"]  # hired 2020-01-06, base 12,000, 上海
    return company


def dismiss(fx, reason: SeparationReason, last_day: date, average: str = "15000") -> int:
    """HR starts the dismissal (notice given today, 2 March); the manager approves and the
    administrator stands in for 人事 (who may not approve what it started), so it waits at 财务结算;
    HR enters the verified twelve-month average."""
    hr = login(fx, "hr")
    flow = separations.start(hr, fx.li, reason, last_day, "书面通知已送达员工本人")
    assert flow.summary.step_name == "直属上级审批" and reason.label in flow.summary.title
    engine.act(login(fx, "manager"), flow.summary.id, Action.APPROVE, "同意")
    detail = engine.act(login(fx, "admin"), flow.summary.id, Action.APPROVE, "同意")
    assert detail.summary.step_name == "财务结算"
    verify_average_wage(fx.db, fx.li, average)
    return flow.summary.id


def choose(fx, **changes):
    """HR changes some 结算参数, keeping the rest (the verified average among them)."""
    hr = login(fx, "hr")
    return settlement.save_params(hr, fx.li, replace(settlement.statement(hr, fx.li).params, **changes))


def pay_lines(st) -> dict[str, D]:
    return {ln.item: ln.amount for ln in st.lines if ln.section == "pay"}


@pytest.mark.parametrize("reason", ARTICLE_40)
def test_without_notice_n_plus_the_previous_months_wage_posted_on_approval(fx, reason):
    hr, finance = login(fx, "hr"), login(fx, "finance")
    inputs.add_entry(hr, FEB, fx.li, "overtime_pay", "1000", "2月加班")
    runs.calculate_month(hr, date(2026, 1, 1))
    runs.calculate_month(hr, FEB)  # February as HRDesk calculated it: 12,000 + 1,000 overtime
    flow_id = dismiss(fx, reason, SHORT)

    st = settlement.statement(finance, fx.li)
    assert st.case is CompensationCase(reason.value) and st.case.article_40
    # 2020-01-06 … 2026-03-31: 6 years and a remainder under six months → N = 6.5, × 15,000 (under the cap)
    assert st.compensation.months_counted == D("6.5") and st.compensation.compensation == D("97500.00")
    assert st.compensation.notice_pay == 0 and "代通知金" not in pay_lines(st)
    short = [w for w in st.warnings if "只提前29天" in w]
    assert len(short) == 1 and "未提前三十日书面通知" in short[0]  # the dates show it: HR is told

    st = choose(fx, notice_pay=True)
    assert st.notice_wage is not None and st.notice_wage.month == FEB and not st.notice_wage.assumed
    assert st.compensation.notice_pay == D("13000.00")  # February's 应发, not the 15,000 average
    assert pay_lines(st)["代通知金"] == D("13000.00")
    line = next(ln for ln in st.lines if ln.item == "代通知金")
    assert "2026-02" in line.basis and "13,000.00" in line.basis and "实施条例第二十条" in line.basis
    assert not any("只提前" in w or "暂按基本工资" in w for w in st.warnings)
    assert len(st.warnings) == len(set(st.warnings))

    engine.act(finance, flow_id, Action.APPROVE, "结算无误")
    posted = {(e.item_code, e.amount, e.locked) for e in inputs.entries(finance, MARCH, fx.li)}
    assert {("severance_pay", D("97500.00"), True), ("notice_pay", D("13000.00"), True)} <= posted
    assert settlement.statement(finance, fx.li).approved


@pytest.mark.parametrize("reason", ARTICLE_40)
def test_with_thirty_days_notice_n_and_no_notice_pay(fx, reason):
    dismiss(fx, reason, ENOUGH)
    st = settlement.statement(login(fx, "finance"), fx.li)
    # 2020-01-06 … 2026-04-01: 6 years 2 months → N = 6.5
    assert st.compensation.owed and st.compensation.compensation == D("97500.00")
    assert st.compensation.notice_pay == 0 and st.notice_wage is None
    assert "代通知金" not in pay_lines(st) and not any("代通知金" in w for w in st.warnings)
    comp_line = next(ln for ln in st.lines if ln.item.startswith("经济补偿金"))
    assert "按已提前三十日书面通知" in comp_line.basis and "第四十条" in comp_line.basis


def test_the_previous_month_from_the_wage_history_else_the_base_salary_with_a_warning(fx):
    hr = login(fx, "hr")
    dismiss(fx, SeparationReason.CHANGED_CIRCUMSTANCES, SHORT)
    st = choose(fx, notice_pay=True)
    assert st.notice_wage.assumed and st.compensation.notice_pay == D("12000.00")  # the base salary
    assumed = [w for w in st.warnings if "暂按基本工资" in w]
    assert len(assumed) == 1 and "2026-02" in assumed[0]
    assert "暂按基本工资" in next(ln for ln in st.lines if ln.item == "代通知金").basis

    wage_history.set_month(hr, fx.li, FEB, "12800", "0", "2月工资（系统外）")
    st = settlement.statement(hr, fx.li)
    assert st.notice_wage.source == wage_history.HISTORY and st.compensation.notice_pay == D("12800.00")
    assert not any("暂按基本工资" in w for w in st.warnings)


def test_a_high_wage_is_capped_for_n_but_not_for_the_notice_pay(fx):
    hr = login(fx, "hr")
    wage_history.set_month(hr, fx.li, FEB, "52000", "0", "2月工资（系统外）")
    dismiss(fx, SeparationReason.INCOMPETENCE, SHORT, average="50000")
    st = choose(fx, notice_pay=True)
    c = st.compensation
    assert c.capped and c.wage_base == CAP and c.months_counted == D("6.5")  # under 12 years: N unchanged
    assert c.compensation == D("242463.00")  # 37,302 × 6.5
    assert c.notice_pay == D("52000.00")  # the previous month's wage, never capped
    assert pay_lines(st)["代通知金"] == D("52000.00")


def test_without_the_local_average_the_cap_warning_appears_once(fx, monkeypatch):
    monkeypatch.setattr(statement_module, "LOCAL_AVERAGE_WAGE", "no_local_average")  # as if never entered
    dismiss(fx, SeparationReason.ILLNESS, SHORT)
    st = choose(fx, notice_pay=True)
    assert st.compensation.wage_cap is None and st.compensation.warnings  # the calculation warns …
    assert len([w for w in st.warnings if "封顶" in w]) == 1  # … and the statement says it once
    assert len(st.warnings) == len(set(st.warnings))


def test_unlawful_replaces_n_and_refuses_notice_pay(fx):
    dismiss(fx, SeparationReason.ILLNESS, SHORT)
    st = choose(fx, unlawful=True)
    assert st.case is CompensationCase.UNLAWFUL and st.compensation.compensation == D("195000.00")  # 2 × 97,500
    assert st.compensation.notice_pay == 0


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).replace("\n", "")


def test_the_certificate_says_the_contract_was_ended_early(fx):
    flow_id = dismiss(fx, SeparationReason.INCOMPETENCE, SHORT)
    finance, hr = login(fx, "finance"), login(fx, "hr")
    choose(fx, notice_pay=True)
    engine.act(finance, flow_id, Action.APPROVE, "结算无误")
    for item in engine.get(hr, flow_id).checklist:
        checklists.waive(hr, item.id, "测试：已线下办理")
    # HR started the dismissal, so the administrator archives it in 人事's place
    assert engine.act(login(fx, "admin"), flow_id, Action.APPROVE, "归档").summary.status is FlowStatus.COMPLETED
    fx.clock = FixedClock(datetime(2026, 4, 2, 9, 0))
    text = _text(issuing.separation_certificate(login(fx, "hr"), fx.li, show_reason=True).pdf)
    assert "双方劳动合同已于2026年3月31日解除" in text and "已于2026年3月31日终止" not in text
    assert "不能胜任解除（第四十条第二项）" in text

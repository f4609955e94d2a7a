"""Issue 12, leaks: the auditor's trail export of a leaver showed the settlement lines, the
contributions and the net pay while its note said pay was masked. The trail follows the register's
masking rules (kernel.masking), nested values and summaries included: for a reader who may not see
pay, no amount of that person's pay appears in any cell of the workbook, nor in the audit log.

The same export for HR shows the amounts, so the check can fail.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

import pytest

from hrdesk.core.accounts import auth, users
from hrdesk.core.audit import audit_log, trail
from hrdesk.core.flows import checklists, engine, separations
from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.flows.workflow import Action
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.permissions import Role
from hrdesk.core.payroll import declarations, inputs, wage_history
from hrdesk.core.separation import settlement
from tests.helpers import USER_PASSWORD, verify_average_wage
from tests.security.workbooks import assert_none_in, workbook_text

NOW = datetime(2026, 3, 2, 9, 30)
MARCH = date(2026, 3, 1)


def login(fx, username) -> ServiceContext:
    return auth.login(fx.db, username, fx.users[username], fx.clock)


@pytest.fixture
def settled(company):
    """李四 leaves by 协商解除 on 31 March 2026 with pay inputs of every kind (an allowance, a one-off
    item, a 专项附加扣除, a recorded month of pay, a deduction for an unreturned laptop); finance
    approves the settlement, which freezes the statement into the trail."""
    fx = company
    fx.clock = FixedClock(NOW)
    fx.li = fx.emps["李四"]
    users.create_account(fx.system, "hr2", "第二人事", USER_PASSWORD, {Role.HR}, None, must_change_password=False)
    fx.users["hr2"] = USER_PASSWORD  # proposes the separation, which the other HR account approves
    hr, finance = login(fx, "hr"), login(fx, "finance")
    inputs.set_allowance(hr, fx.li, "transport_allowance", "733.50", date(2026, 1, 1))
    inputs.add_entry(hr, MARCH, fx.li, "performance_bonus", "4321.09", "一季度绩效")
    declarations.set_special_deduction(hr, fx.li, date(2026, 1, 1), {"elderly_support": "1987.00"})
    wage_history.set_month(hr, fx.li, date(2025, 12, 1), "12876.54", "345.67", "导入前的工资")
    flow = separations.start(login(fx, "hr2"), fx.li, SeparationReason.MUTUAL, date(2026, 3, 31), "协商一致")
    fx.flow_id = flow.summary.id
    engine.act(login(fx, "manager"), fx.flow_id, Action.APPROVE, "同意")
    engine.act(hr, fx.flow_id, Action.APPROVE, "同意")
    verify_average_wage(fx.db, fx.li, "12345.67")
    current = settlement.statement(finance, fx.li).params
    settlement.save_params(finance, fx.li, replace(current, working_years=Decimal("9")))
    laptop = next(i for i in engine.get(finance, fx.flow_id).checklist if "笔记本" in i.title)
    checklists.set_amount(login(fx, "admin"), laptop.id, "2468.24", "笔记本未归还，按净值扣款")
    settlement.confirm_deduction(finance, fx.li, laptop.id)
    engine.act(finance, fx.flow_id, Action.APPROVE, "结算无误")
    fx.statement = settlement.statement(finance, fx.li)
    assert fx.statement.approved
    return fx


def pay_texts(fx) -> set[str]:
    """Every amount of 李四's pay, as the trail writes amounts (12,345.67 and 12345.67)."""
    st = fx.statement
    p = st.payslip
    amounts = {abs(line.amount) for line in st.lines} | {st.net_amount}
    amounts |= {p.base_pay, p.gross_pay, p.employee_insurance, p.wage_tax, p.net_pay, st.compensation.compensation}
    amounts |= {c.employee_amount for c in p.contributions} | {c.employer_amount for c in p.contributions}
    amounts |= {Decimal(a) for a in ("12000", "733.50", "4321.09", "1987.00", "12876.54", "345.67", "12345.67")}
    amounts |= {Decimal("2468.24")}
    texts = set()
    for amount in amounts:
        if amount >= 100:  # "0.00" or "3.00" can stand anywhere
            texts |= {f"{amount:,.2f}", f"{amount:.2f}"}
    return texts


def test_the_auditor_trail_export_shows_no_pay_of_the_leaver(settled, tmp_path):
    fx = settled
    auditor = login(fx, "auditor")
    needles = sorted(pay_texts(fx))
    for name, kwargs in (("employee", {"employee_id": fx.li}), ("flow", {"flow_id": fx.flow_id})):
        path = trail.export_trail(auditor, tmp_path / f"{name}.xlsx", **kwargs).path
        text = workbook_text(path)
        assert "打码" in text
        assert_none_in(text, needles, f"the auditor's {name} trail workbook")
    report = trail.trail_report(auditor, employee_id=fx.li)
    approve = next(e for e in report.entries if e.action == "settlement.approve")
    assert approve.after["net_amount"] == "****"
    assert all(line[3] == "****" for line in approve.after["lines"])
    logged = audit_log.list_entries(auditor)
    assert_none_in(
        json.dumps([[e.summary, e.before, e.after] for e in logged], ensure_ascii=False), needles, "the audit log"
    )


def test_hr_trail_export_shows_the_pay(settled, tmp_path):
    """The same export for HR, who may see pay: the amounts are there (so the test above can fail)."""
    fx = settled
    text = workbook_text(trail.export_trail(login(fx, "hr"), tmp_path / "hr.xlsx", employee_id=fx.li).path)
    assert f"{fx.statement.net_amount:,.2f}" in text and "733.50" in text and "2468.24" in text


@pytest.mark.parametrize("username", ["manager", "auditor"])
def test_a_checklist_deduction_amount_is_masked_in_the_flow_for_who_may_not_see_pay(settled, username):
    """The laptop deduction (2,468.24) is 李四's pay: the manager and the auditor see that an amount
    is set, not which; finance, HR and the item's owner (the administrator) see it."""
    fx = settled
    viewer = login(fx, username)
    laptop = next(i for i in engine.get(viewer, fx.flow_id).checklist if "笔记本" in i.title)
    assert laptop.amount is None and laptop.amount_masked
    for who in ("finance", "hr", "admin"):
        seen = next(i for i in engine.get(login(fx, who), fx.flow_id).checklist if "笔记本" in i.title)
        assert seen.amount == Decimal("2468.24") and not seen.amount_masked, who

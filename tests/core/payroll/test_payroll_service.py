"""Payroll runs against a real encrypted company file: states, roles, staleness, cumulative tax."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal as D

import pytest
from sqlalchemy import select

from hrdesk.core.flows.tables import EmployeeChange
from hrdesk.core.kernel.errors import PermissionDenied, StateError
from hrdesk.core.kernel.persistence.tables import AuditRecord
from hrdesk.core.payroll import declarations, inputs, policies, runs
from hrdesk.core.payroll.declarations import TaxProfile
from hrdesk.core.payroll.rules.report import RunStatus
from hrdesk.core.people.tables import Employee

JAN, FEB, MAR = date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)


def _row(rows, name):
    return next(r for r in rows if r.name == name)


def _actions(company) -> list[str]:
    with company.db.session() as s:
        return list(s.execute(select(AuditRecord.action).where(AuditRecord.entity_type == "payroll_run")).scalars())


def test_a_month_from_draft_to_paid_with_roles(company):
    hr, finance = company.login("hr"), company.login("finance")
    with pytest.raises(PermissionDenied):
        runs.calculate_month(finance, JAN)
    summary = runs.calculate_month(hr, JAN)
    assert summary.status is RunStatus.CALCULATED and summary.employee_count == 8 and not summary.warnings
    with pytest.raises(PermissionDenied):
        runs.approve(hr, JAN)

    inputs.add_entry(hr, JAN, company.emps["李四"], "performance_bonus", "1000", "一月绩效")
    assert runs.summary(finance, JAN).stale
    with pytest.raises(StateError, match="重新计算"):
        runs.approve(finance, JAN)
    runs.calculate_month(hr, JAN)
    assert not runs.summary(finance, JAN).stale
    with pytest.raises(StateError):
        runs.mark_paid(finance, JAN)  # not approved yet
    runs.approve(finance, JAN)
    assert runs.mark_paid(finance, JAN).status is RunStatus.PAID

    with pytest.raises(StateError, match="已发放"):
        runs.calculate_month(hr, JAN)
    with pytest.raises(StateError, match="下月"):
        inputs.add_entry(hr, JAN, company.emps["李四"], "performance_bonus", "1")
    assert _actions(company) == ["payroll.calculate", "payroll.calculate", "payroll.approved", "payroll.paid"]
    li = _row(runs.rows(finance, JAN), "李四")
    assert li.payslip.gross_pay == D("13000.00") and any(i.note == "一月绩效" for i in li.payslip.items)


def test_cumulative_tax_continues_from_the_previous_month(company):
    hr = company.login("hr")
    runs.calculate_month(hr, JAN)
    runs.calculate_month(hr, FEB)
    li = _row(runs.rows(hr, FEB), "李四").payslip
    # 12,000 in Shanghai: contributions 960 + 240 + 60 + 840 = 2,100; 4,900 taxable a month
    assert li.employee_insurance == D("2100.00")
    assert li.cumulative_taxable == D("9800.00") and li.cumulative_tax_due == D("294.00")
    assert li.wage_tax == D("147.00") and li.ytd.months == 2 and li.ytd.tax == D("294.00")


def test_a_gap_in_the_year_is_refused(company):
    hr = company.login("hr")
    runs.calculate_month(hr, JAN)
    with pytest.raises(StateError, match="2026年02月"):
        runs.calculate_month(hr, MAR)


def test_mid_year_start_uses_the_opening_figures(company):
    hr = company.login("hr")
    july = date(2026, 7, 1)
    declarations.save_tax_profile(
        hr,
        TaxProfile(
            company.emps["李四"],
            2026,
            opening_months=6,
            opening_income=D("72000"),
            opening_special=D("12600"),
            opening_tax=D("882"),
        ),
    )
    summary = runs.calculate_month(hr, july)
    assert "7名员工" in summary.warnings[0]  # everyone else has no year-to-date figures yet
    li = _row(runs.rows(hr, july), "李四").payslip
    # 84,000 − 7 × 5,000 − 14,700 = 34,300 × 3% = 1,029 − 882 = 147
    assert li.cumulative_taxable == D("34300.00") and li.wage_tax == D("147.00")


def test_leaver_and_salary_change_come_from_the_register_and_the_flows(company):
    hr = company.login("hr")
    with company.db.session() as s, s.begin():
        zhao = s.get(Employee, company.emps["赵六"])
        zhao.last_working_day, zhao.status = date(2026, 3, 13), "leaving"
        s.add(
            EmployeeChange(
                employee_id=company.emps["孙员工"],
                effective_date=date(2026, 3, 16),
                changes=json.dumps({"base_salary": {"from": "12000.00", "to": "15000.00"}}),
            )
        )
        gone = s.get(Employee, company.emps["周七"])
        gone.last_working_day, gone.status = date(2026, 1, 30), "separated"
    runs.calculate_month(hr, JAN)
    runs.calculate_month(hr, FEB)
    runs.calculate_month(hr, MAR)
    rows = runs.rows(hr, MAR)
    assert "周七" not in {r.name for r in rows}
    zhao = _row(rows, "赵六")
    assert zhao.insurance_change == "stop" and zhao.payslip.base_pay == D("5517.24")  # 10 paid days
    sun = _row(rows, "孙员工").payslip
    # 2–13 March: 10 paid days at 12,000 → 5,517.24; 16–31 March: 12 at 15,000 → 8,275.86
    assert sun.base_pay == D("13793.10")


def test_a_policy_change_makes_the_run_stale(company):
    hr = company.login("hr")
    runs.calculate_month(hr, JAN)
    current = policies.versions(hr, "insurance", "上海")[0]
    data = json.loads(json.dumps(current.data))
    data["items"][0]["employer_rate"] = "0.15"
    policies.save_version(hr, "insurance", "上海", date(2026, 1, 1), data, "测试：养老单位比例调整")
    assert runs.summary(hr, JAN).stale
    runs.calculate_month(hr, JAN)
    li = _row(runs.rows(hr, JAN), "李四").payslip
    assert li.employer_insurance == D("12000") * D("0.15") + D("1200") + D("60") + D("31.20") + D("840")


def test_employees_see_only_their_own_paid_payslips(company):
    hr, finance, staff = company.login("hr"), company.login("finance"), company.login("staff")
    with pytest.raises(PermissionDenied):
        runs.rows(staff, JAN)
    runs.calculate_month(hr, JAN)
    assert runs.my_payslips(staff) == []
    runs.approve(finance, JAN)
    runs.mark_paid(finance, JAN)
    own = runs.my_payslips(staff)
    assert [p.month for p in own] == [JAN] and own[0].payslip.employee_id == company.emps["孙员工"]
    assert runs.payslip(staff, JAN, company.emps["孙员工"]).name == "孙员工"
    with pytest.raises(PermissionDenied):
        runs.payslip(staff, JAN, company.emps["李四"])


def test_results_are_stored_exactly_and_totals_add_up(company):
    hr = company.login("hr")
    inputs.add_entry(hr, JAN, company.emps["李四"], "reimbursement", "123.45")
    summary = runs.calculate_month(hr, JAN)
    rows = runs.rows(hr, JAN)
    assert sum(r.payslip.net_pay for r in rows) == summary.total_net
    assert sum(r.payslip.gross_pay for r in rows) == summary.total_gross
    assert all(r.payslip.gross_pay - r.payslip.total_deductions == r.payslip.net_pay for r in rows)


def test_allowances_start_and_stop_and_entries_need_the_person_employed(company):
    from hrdesk.core.kernel.errors import ValidationError

    hr = company.login("hr")
    li = company.emps["李四"]
    allowance = inputs.set_allowance(hr, li, "transport_allowance", "500", JAN)
    inputs.end_allowance(hr, allowance.id, JAN)
    runs.calculate_month(hr, JAN)
    runs.calculate_month(hr, FEB)
    jan, feb = (_row(runs.rows(hr, m), "李四").payslip for m in (JAN, FEB))
    assert [i.code for i in jan.items] == ["transport_allowance"] and feb.items == ()
    with pytest.raises(ValidationError, match="入职"):
        inputs.add_entry(hr, date(2019, 12, 1), li, "performance_bonus", "100")
    with pytest.raises(ValidationError, match="最多"):  # the policy's 3,000 a month for elderly support
        declarations.set_special_deduction(hr, li, JAN, {"elderly_support": "3500"})


def test_severance_is_refused_for_someone_still_employed(company):
    """经济补偿金 and 代通知金 are paid on termination (劳动合同法 art. 47, 50): entering them for an
    employee with no last working day is refused with the reason, and nothing is stored."""
    from hrdesk.core.flows import separations
    from hrdesk.core.flows.separation_rules import SeparationReason
    from hrdesk.core.kernel.errors import ValidationError

    hr, li = company.login("hr"), company.emps["李四"]
    for code in ("severance_pay", "notice_pay"):
        with pytest.raises(ValidationError, match="尚未确定最后工作日"):
            inputs.add_entry(hr, MAR, li, code, "12000")
    assert inputs.entries(hr, MAR, li) == []
    separations.start(hr, li, SeparationReason.MUTUAL, date(2026, 3, 31), "协商一致")
    assert inputs.add_entry(hr, MAR, li, "notice_pay", "12000", "代通知金")

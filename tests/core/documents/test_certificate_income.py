"""在职证明 income choice (issue 11): 不写收入, 基本工资, 固定月薪 (基本工资 + the fixed allowances in
force), 近N个月平均应发 (the approved months' 应发 summed, ÷ N, rounded to the fen). The certificate
names the figure and the months; the choice is recorded with the document so a reissue stays byte
for byte; too few months is refused with the months there are and a shorter average to choose;
stating income needs the right to see pay.

李四 (hired 2020, 基本工资 12,000) has approved payroll for 2025-10 … 2026-03, with a 绩效奖金 of
1,500.00 in November and 2,000.07 in February; today is 2 April 2026.
"""

from __future__ import annotations

import json
import subprocess
from datetime import date, datetime
from decimal import ROUND_HALF_UP
from decimal import Decimal as D

import pytest
from sqlalchemy import func, select

from hrdesk.core.accounts import auth
from hrdesk.core.documents import issuing
from hrdesk.core.documents.income_choice import IncomeBasis, IncomeChoice, parse_choice
from hrdesk.core.documents.tables import IssuedDocument
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import PermissionDenied, ValidationError
from hrdesk.core.kernel.months import shift_month
from hrdesk.core.kernel.permissions import Actor, Permission, Scope
from hrdesk.core.kernel.persistence.tables import AuditRecord
from hrdesk.core.payroll import inputs, runs

TODAY = datetime(2026, 4, 2, 9, 0)
OCT_2025 = date(2025, 10, 1)
MONTHS = [shift_month(OCT_2025, n) for n in range(6)]  # 2025-10 … 2026-03
AVG3 = IncomeChoice(IncomeBasis.AVERAGE_GROSS, 3)
AVG6 = IncomeChoice(IncomeBasis.AVERAGE_GROSS, 6)
AVG12 = IncomeChoice(IncomeBasis.AVERAGE_GROSS, 12)


def login(fx, username) -> ServiceContext:
    return auth.login(fx.db, username, fx.users[username], fx.clock)


def pdf_text(pdf: bytes, tmp_path) -> str:
    """The certificate's text as poppler's pdftotext reads it, whitespace removed (lines wrap
    anywhere in Chinese)."""
    source = tmp_path / "certificate.pdf"
    source.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(source), "-"], check=True, capture_output=True, timeout=60).stdout
    return "".join(out.decode("utf-8").split())


def approve(fx, month: date) -> None:
    runs.calculate_month(login(fx, "hr"), month)
    runs.approve(login(fx, "finance"), month)


@pytest.fixture
def paid(company):
    fx = company
    fx.clock = FixedClock(TODAY)
    fx.li = fx.emps["李四"]
    hr = login(fx, "hr")
    inputs.add_entry(hr, date(2025, 11, 1), fx.li, "performance_bonus", "1500.00", "11月绩效")
    inputs.add_entry(hr, date(2026, 2, 1), fx.li, "performance_bonus", "2000.07", "2月绩效")
    for month in MONTHS:
        approve(fx, month)
    return fx


def gross_by_month(fx) -> dict[date, D]:
    finance = login(fx, "finance")
    return {m: next(r for r in runs.rows(finance, m) if r.name == "李四").payslip.gross_pay for m in MONTHS}


def test_the_average_is_the_sum_of_the_months_gross_over_n_rounded_to_the_fen(paid, tmp_path):
    gross = gross_by_month(paid)
    assert gross[date(2025, 11, 1)] == D("13500.00") and gross[date(2026, 2, 1)] == D("14000.07")
    # 6 × 12,000 + 1,500.00 + 2,000.07 = 75,500.07; ÷ 6 = 12,583.345 → 12,583.35 (四舍五入, not to even)
    expected = (sum(gross.values()) / 6).quantize(D("0.01"), rounding=ROUND_HALF_UP)
    assert expected == D("12583.35")
    doc = issuing.employment_certificate(login(paid, "hr"), paid.li, purpose="申请贷款", income=AVG6)
    text = pdf_text(doc.pdf, tmp_path)
    assert "月收入（近6个月平均应发工资，税前）为人民币12,583.35元" in text
    assert "壹万贰仟伍佰捌拾叁元叁角伍分" in text
    assert "按2025年10月至2026年3月共6个月的应发工资平均计算" in text

    # the three most recent: (12,000 + 14,000.07 + 12,000) ÷ 3 = 12,666.69
    doc3 = issuing.employment_certificate(login(paid, "hr"), paid.li, income=AVG3)
    text3 = pdf_text(doc3.pdf, tmp_path)
    assert "月收入（近3个月平均应发工资，税前）为人民币12,666.69元" in text3
    assert "按2026年1月至2026年3月共3个月" in text3


def test_a_month_not_yet_approved_does_not_count(paid, tmp_path):
    runs.calculate_month(login(paid, "hr"), date(2026, 4, 1))  # 已计算, not approved: may still change
    doc = issuing.employment_certificate(login(paid, "hr"), paid.li, income=AVG3)
    assert "按2026年1月至2026年3月共3个月" in pdf_text(doc.pdf, tmp_path)


def test_too_few_months_is_refused_naming_them_and_offering_fewer(paid):
    before = _documents(paid)
    with pytest.raises(ValidationError) as info:
        issuing.employment_certificate(login(paid, "hr"), paid.li, income=AVG12)
    message = info.value.errors["income"]
    assert "只有6个月" in message and "2025-10 至 2026-03" in message and "不足12个月" in message
    assert "近6个月平均应发" in message
    assert _documents(paid) == before  # nothing issued, nothing numbered


def test_with_no_approved_month_the_fixed_figures_are_offered(company):
    company.clock = FixedClock(TODAY)
    with pytest.raises(ValidationError) as info:
        issuing.employment_certificate(login(company, "hr"), company.emps["李四"], income=AVG3)
    message = info.value.errors["income"]
    assert "还没有财务已审核的工资记录" in message and "基本工资或固定月薪" in message


def test_base_salary_and_fixed_monthly_pay_say_which_they_are(company, tmp_path):
    company.clock = FixedClock(TODAY)
    hr, li = login(company, "hr"), company.emps["李四"]
    inputs.set_allowance(hr, li, "position_allowance", "800.00", date(2026, 1, 1))  # in force
    inputs.set_allowance(hr, li, "transport_allowance", "300.00", date(2025, 6, 1), date(2026, 3, 1))  # ended
    inputs.set_allowance(hr, li, "phone_allowance", "200.00", date(2026, 5, 1))  # not yet
    base = pdf_text(issuing.employment_certificate(hr, li, income=IncomeChoice(IncomeBasis.BASE_SALARY)).pdf, tmp_path)
    assert "月收入（基本工资，税前）为人民币12,000.00元（大写：壹万贰仟元整）" in base
    fixed = issuing.employment_certificate(hr, li, income=IncomeChoice(IncomeBasis.FIXED_MONTHLY))
    text = pdf_text(fixed.pdf, tmp_path)
    assert "月收入（固定月薪，含基本工资及岗位津贴，税前）为人民币12,800.00元" in text  # 12,000 + 800
    assert "交通补贴" not in text and "通讯补贴" not in text
    none = pdf_text(issuing.employment_certificate(hr, li).pdf, tmp_path)
    assert "收入" not in none and "12,000" not in none


def test_the_choice_is_recorded_and_a_reissue_is_byte_identical(paid, tmp_path):
    hr = login(paid, "hr")
    doc = issuing.employment_certificate(hr, paid.li, income=AVG6)
    with paid.db.session() as s:
        content = json.loads(
            s.execute(select(IssuedDocument.content).where(IssuedDocument.number == doc.number)).scalar_one()
        )
        record = (
            s.execute(
                select(AuditRecord).where(AuditRecord.action == "document.issue").order_by(AuditRecord.seq.desc())
            )
            .scalars()
            .first()
        )
    income = content["fields"]["income"]
    assert income["basis"] == "average_gross" and income["amount"] == "12583.35"
    assert income["months"] == [m.isoformat() for m in MONTHS]
    assert "收入：近6个月平均应发" in record.summary and json.loads(record.after)["sha256"] == doc.sha256

    # a later approved month changes today's average, not the certificate already issued
    approve(paid, date(2026, 4, 1))
    again = issuing.reissue(login(paid, "hr"), doc.number)
    assert again.reissued and again.pdf == doc.pdf
    newer = issuing.employment_certificate(login(paid, "hr"), paid.li, income=AVG6)
    assert newer.number != doc.number and "按2025年11月至2026年4月共6个月" in pdf_text(newer.pdf, tmp_path)
    # the same choice on the same day with the same records is the same document
    assert issuing.employment_certificate(login(paid, "hr"), paid.li, income=AVG6).number == newer.number


def test_documents_recorded_before_the_choice_keep_their_wording(company, tmp_path):
    """Content recorded with include_salary/monthly_salary (before issue 11) renders as it did then."""
    company.clock = FixedClock(TODAY)
    doc = issuing.employment_certificate(login(company, "hr"), company.emps["李四"])
    with company.db.session() as s:
        content = json.loads(s.execute(select(IssuedDocument.content)).scalar_one())
        fields = content["fields"]
        del fields["income"]
        fields.update(include_salary=True, monthly_salary="12000.00")
        pdf = issuing.render(s, issuing.EMPLOYMENT, doc.number, content)
    assert "其税前月收入为人民币12,000.00元" in pdf_text(pdf, tmp_path)


def test_stating_income_needs_the_right_to_see_pay(company):
    company.clock = FixedClock(TODAY)
    hr = login(company, "hr")
    issuer_only = Actor(
        hr.actor.user_id, "hr", "刘人事", hr.actor.employee_id, hr.actor.roles, {Permission.DOCUMENT_ISSUE: Scope.ALL}
    )
    ctx = ServiceContext(company.db, issuer_only, company.clock)
    before = _documents(company)
    for choice in (IncomeChoice(IncomeBasis.BASE_SALARY), IncomeChoice(IncomeBasis.FIXED_MONTHLY), AVG3):
        with pytest.raises(PermissionDenied, match="查看员工工资的权限"):
            issuing.employment_certificate(ctx, company.emps["李四"], income=choice)
    assert _documents(company) == before
    assert issuing.employment_certificate(ctx, company.emps["李四"]).number  # without income it is allowed


def test_choices_parse_by_code_and_label():
    assert parse_choice("avg6") == AVG6 and parse_choice("近12个月平均应发") == AVG12
    assert (
        parse_choice("base").basis is IncomeBasis.BASE_SALARY
        and parse_choice("基本工资").basis is IncomeBasis.BASE_SALARY
    )
    assert parse_choice("none") == IncomeChoice()
    with pytest.raises(ValueError):
        parse_choice("avg5")
    with pytest.raises(ValueError):
        IncomeChoice(IncomeBasis.AVERAGE_GROSS, 5)
    with pytest.raises(ValueError):
        IncomeChoice(IncomeBasis.BASE_SALARY, 6)


def _documents(fx) -> int:
    with fx.db.session() as s:
        return s.execute(select(func.count()).select_from(IssuedDocument)).scalar_one()

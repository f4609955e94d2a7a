"""开具在职证明 through the real dialog (issue 11): the income choice shows the sentence the
certificate will carry before issuing, a choice the records cannot give is refused next to the
field (and nothing is issued), and someone without the right to see pay is offered no income."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from hrdesk.core.accounts import auth
from hrdesk.core.documents.income_choice import IncomeBasis, IncomeChoice
from hrdesk.core.documents.tables import IssuedDocument
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.permissions import Actor, Permission, Scope
from hrdesk.core.payroll import inputs, runs
from hrdesk.ui.documents.employment_certificate_dialog import EmploymentCertificateDialog
from hrdesk.ui.shell.app import make_session

COMPANY = "测试科技有限公司"
TODAY = datetime(2026, 4, 2, 9, 0)
AVG3 = IncomeChoice(IncomeBasis.AVERAGE_GROSS, 3)
AVG6 = IncomeChoice(IncomeBasis.AVERAGE_GROSS, 6)


def login(fx, username) -> ServiceContext:
    return auth.login(fx.db, username, fx.users[username], fx.clock)


@pytest.fixture
def approved(company):
    """李四 (12,000) with approved payroll for January to March 2026 and a 300.00 bonus in February."""
    company.clock = FixedClock(TODAY)
    inputs.add_entry(login(company, "hr"), date(2026, 2, 1), company.emps["李四"], "performance_bonus", "300.00")
    for month in (date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)):
        runs.calculate_month(login(company, "hr"), month)
        runs.approve(login(company, "finance"), month)
    return company


@pytest.fixture
def sessions():
    made = []

    def make(ctx):
        session = make_session(ctx, COMPANY)
        made.append(session)
        return session

    yield make
    for session in made:
        session.runner.wait_idle()
        session.signals.detach()


def _documents(fx) -> int:
    with fx.db.session() as s:
        return s.execute(select(func.count()).select_from(IssuedDocument)).scalar_one()


def test_income_choice_previews_refuses_and_issues(qtbot, approved, sessions):
    fx = approved
    dialog = EmploymentCertificateDialog(sessions(login(fx, "hr")))
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.income.itemText(i) for i in range(dialog.income.count())] == [
        "不写收入",
        "基本工资",
        "固定月薪（基本工资+固定津贴）",
        "近3个月平均应发",
        "近6个月平均应发",
        "近12个月平均应发",
    ]
    dialog.select_employee(fx.emps["李四"], "E000002 李四")
    assert dialog.income_text.isHidden()  # 不写收入: nothing to preview

    dialog.select_income(AVG3)  # (12,000 + 12,300 + 12,000) ÷ 3 = 12,100.00
    assert not dialog.income_text.isHidden()
    assert "其月收入（近3个月平均应发工资，税前）为人民币12,100.00元" in dialog.income_text.text()
    assert "2026年1月至2026年3月" in dialog.income_text.text()

    dialog.select_income(AVG6)
    assert dialog.income_text.isHidden()
    assert "只有3个月" in dialog.errors["income"].text() and not dialog.errors["income"].isHidden()
    assert dialog.submit()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)
    assert "近3个月平均应发" in dialog.current_errors()["income"] and _documents(fx) == 0

    dialog.select_income(AVG3)
    with qtbot.waitSignal(dialog.issued, timeout=15000) as issued:
        assert dialog.submit()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(issued.args[0].pdf)).pages).replace("\n", "")
    assert "近3个月平均应发工资" in text and "12,100.00" in text


def test_no_income_is_offered_without_the_right_to_see_pay(qtbot, approved, sessions):
    fx = approved
    hr = login(fx, "hr")
    issuer_only = Actor(
        hr.actor.user_id, "hr", "刘人事", hr.actor.employee_id, hr.actor.roles, {Permission.DOCUMENT_ISSUE: Scope.ALL}
    )
    dialog = EmploymentCertificateDialog(sessions(ServiceContext(fx.db, issuer_only, fx.clock)))
    qtbot.addWidget(dialog)
    assert [dialog.income.itemText(i) for i in range(dialog.income.count())] == ["不写收入"]
    assert "权限" in dialog.income.toolTip()

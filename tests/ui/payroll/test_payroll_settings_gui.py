"""薪资设置's 公司福利年假 tab, driven through the widgets and read back through the service."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from hrdesk.core.kernel.errors import PermissionDenied
from hrdesk.core.separation import settlement
from hrdesk.core.separation.annual_leave import CompanyLeaveRule
from hrdesk.ui.payroll.settings.page import PayrollSettingsPage
from hrdesk.ui.shell.app import make_session
from tests.ui.qt_helpers import replace_text, screenshot

COMPANY = "测试科技有限公司"
D = Decimal


@pytest.fixture
def sessions(company):
    made = []

    def make(username: str = "hr"):
        session = make_session(company.login(username), COMPANY)
        made.append(session)
        return session

    yield make
    for session in made:
        session.runner.wait_idle()
        session.signals.detach()


def open_leave_tab(qtbot, session):
    page = PayrollSettingsPage(session)
    qtbot.addWidget(page)
    page.resize(1180, 680)
    page.show()
    tab = page.company_leave
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.rule is not None and tab.company.isEnabled(), timeout=5000)
    return page, tab


def test_company_leave_tab_saves_the_rule_and_reads_it_back(qtbot, company, sessions):
    page, tab = open_leave_tab(qtbot, sessions())
    assert page.tabs.tabText(page.tabs.indexOf(tab)) == "公司福利年假"
    # never set: no company days, prorated, not paid
    assert (tab.extra_days.text(), tab.prorate.isChecked(), tab.pay_rate.text()) == ("0", True, "0")
    assert "公司不另给福利年假" in tab.summary.text()

    replace_text(qtbot, tab.extra_days, "5.5")
    tab.prorate.setChecked(False)
    replace_text(qtbot, tab.pay_rate, "1")
    assert tab.summary.text() == (
        "按此设置：公司每年另给 5.5 天福利年假；离职当年不折算，按全年天数计；未休的福利年假每天按日工资的100%支付。"
    )
    qtbot.wait(30)
    screenshot(page, "payroll_settings_company_leave")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.current_errors() == {}
    assert "已保存" in tab.status.text()
    assert settlement.get_company_leave_rule(company.system) == CompanyLeaveRule(D("5.5"), False, D("1"))

    # a page opened afterwards shows the saved rule
    _again, reopened = open_leave_tab(qtbot, sessions("finance"))
    assert (reopened.extra_days.text(), reopened.prorate.isChecked(), reopened.pay_rate.text()) == ("5.5", False, "1")

    # 0 = untaken company days are not paid
    replace_text(qtbot, reopened.pay_rate, "0")
    assert "不折算工资" in reopened.summary.text()
    assert reopened.save() == CompanyLeaveRule(D("5.5"), False, D("0"))
    assert settlement.get_company_leave_rule(company.system).pay_rate == D("0")


@pytest.mark.parametrize(
    "days, rate, field, message",
    [
        ("31", "1", "extra_days", "应在0到30天之间"),
        ("2.3", "1", "extra_days", "只能是整天或半天"),
        ("-1", "1", "extra_days", "应为不小于0的数字"),
        ("", "1", "extra_days", "请填写"),
        ("5", "3.5", "pay_rate", "应在0到3之间"),
        ("5", "一倍", "pay_rate", "应为数字"),
        ("5", "1.255", "pay_rate", "最多两位小数"),
    ],
)
def test_a_value_out_of_range_shows_an_error_and_saves_nothing(qtbot, company, sessions, days, rate, field, message):
    before = CompanyLeaveRule(D(3), True, D(1))
    settlement.save_company_leave_rule(company.system, before)
    _page, tab = open_leave_tab(qtbot, sessions())
    replace_text(qtbot, tab.extra_days, days)
    replace_text(qtbot, tab.pay_rate, rate)
    assert tab.save() is None
    errors = tab.current_errors()
    assert list(errors) == [field] and message in errors[field]
    assert tab.error_labels[field].isVisible()
    assert "没有保存" in tab.status.text()
    assert settlement.get_company_leave_rule(company.system) == before
    if (days, rate) == ("31", "1"):
        screenshot(tab, "payroll_settings_company_leave_error")

    replace_text(qtbot, tab.extra_days, "3")
    replace_text(qtbot, tab.pay_rate, "2")
    assert tab.save() == CompanyLeaveRule(D(3), True, D(2)) and tab.current_errors() == {}
    assert not tab.error_labels[field].isVisible()


def test_reading_the_rule_needs_payroll_view_for_everyone(company):
    assert settlement.get_company_leave_rule(company.login("hr")) == CompanyLeaveRule()
    with pytest.raises(PermissionDenied):
        settlement.get_company_leave_rule(company.login("staff"))

"""An art. 40 dismissal settled through the real widgets: the 结算参数 box asks whether 30 days' written
notice was given; ticking "未提前三十日书面通知" adds 代通知金 at the previous month's wage to the statement."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal as D

import pytest
from PySide6.QtWidgets import QMessageBox

from hrdesk.core.accounts import auth
from hrdesk.core.flows import engine, separations
from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.flows.workflow import Action
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.payroll import wage_history
from hrdesk.core.separation import settlement
from hrdesk.ui.common import messages
from hrdesk.ui.flows.flow_dialog import FlowDialog
from hrdesk.ui.shell.app import make_session
from tests.helpers import verify_average_wage
from tests.ui.qt_helpers import screenshot

COMPANY = "测试科技有限公司"


def login(fx, username) -> ServiceContext:
    return auth.login(fx.db, username, fx.users[username], fx.clock)


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(messages, "show_error", lambda parent, exc: shown.append(exc))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    return shown


@pytest.fixture
def dismissed(company):
    """HR dismisses 李四 (hired 2020-01-06, base 12,000) as 医疗期满 on 2 March, last day 31 March (29
    days' notice); February's wage (12,600) is in the wage history; the flow waits at 财务结算."""
    company.clock = FixedClock(datetime(2026, 3, 2, 9, 0))
    hr = login(company, "hr")
    company.li = company.emps["李四"]
    wage_history.set_month(hr, company.li, date(2026, 2, 1), "12600", "0", "2月工资")
    flow = separations.start(hr, company.li, SeparationReason.ILLNESS, date(2026, 3, 31), "医疗期满")
    company.flow_id = flow.summary.id
    engine.act(login(company, "manager"), company.flow_id, Action.APPROVE, "同意")
    engine.act(
        login(company, "admin"), company.flow_id, Action.APPROVE, "同意"
    )  # 人事审核, for the 人事 who started it
    verify_average_wage(company.db, company.li)
    return company


def wait_statement(qtbot, panel, condition=lambda st: True):
    qtbot.waitUntil(
        lambda: (
            panel.statement is not None and not panel.loader.loading and not panel.busy and condition(panel.statement)
        ),
        timeout=15000,
    )
    return panel.statement


def rows(panel) -> dict[str, tuple[str, str]]:
    m = panel.model
    return {m.item(r, 0).text(): (m.item(r, 1).text(), m.item(r, 2).text()) for r in range(m.rowCount())}


def test_hr_says_notice_was_not_given_and_the_statement_adds_notice_pay(qtbot, dismissed, errors):
    fx = dismissed
    dialog = FlowDialog(make_session(login(fx, "hr"), COMPANY), fx.flow_id)
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.separation.panel
    assert panel is not None
    st = wait_statement(qtbot, panel)
    assert st.compensation.compensation == D("78000.00") and "代通知金" not in rows(panel)  # N = 6.5 × 12,000
    assert "未提前三十日书面通知" in panel.notice_pay.text() and panel.notice_pay.isEnabled()
    assert not panel.notice_pay.isChecked() and "上一个月的工资" in panel.notice_pay.toolTip()
    assert panel.refused_renewal.isHidden()  # not an expiring contract
    assert "只提前29天" in panel.warnings.text()  # the dates show the notice was short

    panel.notice_pay.setChecked(True)
    with qtbot.waitSignal(panel.saved, timeout=15000) as saved:
        panel.save_button.click()
    st = saved.args[0]
    assert st.compensation.notice_pay == D("12600.00") and not errors
    item, amount = next((basis, amount) for name, (basis, amount) in rows(panel).items() if name == "代通知金")
    assert amount == "12,600.00" and "2026-02" in item
    assert "只提前29天" not in panel.warnings.text()
    assert settlement.statement(login(fx, "finance"), fx.li).params.notice_pay
    dialog.resize(1280, 800)
    qtbot.wait(100)
    screenshot(dialog, "flow_dialog_settlement_article_40")

"""The art. 40 dismissals as separation reasons: HR's to start (never the employee's), stored by short
codes that fit the column, the same approval steps as any separation started by HR, a notice drafted
as the company's decision, and the 30-day written notice checked as 代通知金 owed, not as an error."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from hrdesk.core.accounts import auth, users
from hrdesk.core.flows import engine, notices, separations
from hrdesk.core.flows.separation_rules import SeparationReason, article_40_notice_short, notice_shortfall
from hrdesk.core.flows.tables import Separation
from hrdesk.core.flows.workflow import Action
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import PermissionDenied
from hrdesk.core.kernel.permissions import Role
from hrdesk.core.separation.compensation import CompensationCase
from tests.helpers import USER_PASSWORD, verify_average_wage

ARTICLE_40 = (SeparationReason.ILLNESS, SeparationReason.INCOMPETENCE, SeparationReason.CHANGED_CIRCUMSTANCES)


def login(fx, username) -> ServiceContext:
    return auth.login(fx.db, username, fx.users[username], fx.clock)


@pytest.fixture
def fx(company):
    company.clock = FixedClock(datetime(2026, 3, 2, 9, 0))
    li = company.emps["李四"]
    users.create_account(company.system, "lisi", "李四", USER_PASSWORD, {Role.EMPLOYEE}, li, must_change_password=False)
    company.users["lisi"] = USER_PASSWORD
    return company


def test_every_reason_fits_the_column_and_maps_to_its_compensation_case():
    length = Separation.__table__.c.reason.type.length
    for reason in SeparationReason:
        assert len(reason.value) <= length, reason
        assert CompensationCase.from_reason(reason).value == reason.value
    assert {r for r in SeparationReason if r.article_40} == set(ARTICLE_40)
    assert all(CompensationCase.from_reason(r).article_40 for r in ARTICLE_40)
    assert [r for r in SeparationReason if r.employee_initiated] == [SeparationReason.RESIGNATION]
    assert [r for r in SeparationReason if r.ends_by_expiry] == [SeparationReason.EXPIRY]
    assert SeparationReason.parse("医疗期满解除（第四十条第一项）") is SeparationReason.ILLNESS
    assert SeparationReason.parse("incompetent") is SeparationReason.INCOMPETENCE


@pytest.mark.parametrize("reason", ARTICLE_40)
def test_the_notice_is_thirty_days_or_notice_pay(reason):
    notice = date(2026, 3, 2)
    assert article_40_notice_short(reason, notice, date(2026, 4, 1)) is None  # 30 days
    short = article_40_notice_short(reason, notice, date(2026, 3, 31))  # 29 days
    assert short and "只提前29天" in short and "代通知金" in short and reason.label in short
    assert notice_shortfall(reason, notice, date(2026, 3, 3), False) is None  # not the employee's notice
    for other in SeparationReason:
        if not other.article_40:
            assert article_40_notice_short(other, notice, date(2026, 3, 3)) is None


@pytest.mark.parametrize("reason", ARTICLE_40)
def test_hr_starts_it_the_employee_cannot(fx, reason):
    with pytest.raises(PermissionDenied, match="由人事发起"):
        separations.start(login(fx, "lisi"), fx.emps["李四"], reason, date(2026, 4, 1))
    hr = login(fx, "hr")
    detail = separations.start(hr, fx.emps["李四"], reason, date(2026, 3, 31))  # short notice: no comment needed
    assert detail.payload["reason"] == reason.value and detail.payload["notice_warning"] is None
    assert detail.summary.title == f"E000002 李四 离职（{reason.label}）"
    with fx.db.session() as s:
        assert s.execute(select(Separation.reason)).scalar_one() == reason.value
    [draft] = [d for d in notices.pending_drafts(hr) if d.instance_id == detail.summary.id]
    assert draft.title == "离职办理：李四" and "提交了离职申请" not in draft.body  # the company's decision
    assert reason.label in draft.body and "2026-03-31" in draft.body

    mutual = separations.start(hr, fx.emps["赵六"], SeparationReason.MUTUAL, date(2026, 3, 31), "协商一致")
    assert _steps(fx, detail) == _steps(fx, mutual)  # the same approvals as any separation HR starts


def _steps(fx, detail) -> list[str]:
    """The step names from the start to 人事归档, each approved by whoever it is assigned to."""
    steps = []
    while detail.summary.step_name != "人事归档":
        steps.append(detail.summary.step_name)
        for user in ("manager", "lead", "hr", "finance", "admin"):  # the administrator stands in for 人事
            try:
                if Action.APPROVE not in engine.get(login(fx, user), detail.summary.id).my_actions:
                    continue
            except PermissionDenied:
                continue
            if user == "finance":
                verify_average_wage(fx.db, detail.summary.subject_employee_id)
            detail = engine.act(login(fx, user), detail.summary.id, Action.APPROVE, "同意")
            break
        else:
            raise AssertionError(f"nobody can approve {detail.summary.step_name}")
    return steps

"""The flow state machine and flow definitions as data, without a database."""

from datetime import date

import pytest

from hrdesk.core.flows.separation_rules import SeparationReason, notice_shortfall, stop_month
from hrdesk.core.flows.workflow import (
    INITIATOR,
    Action,
    ActorKind,
    FlowDefinition,
    FlowKind,
    FlowStatus,
    Position,
    StepDef,
    TransitionError,
    act,
    steps_from_json,
    steps_to_json,
    submit,
    validate_definition,
)
from hrdesk.core.kernel.calendar import WorkCalendar, china_calendar
from hrdesk.core.kernel.permissions import Role

SEPARATION = FlowDefinition(
    FlowKind.SEPARATION,
    "离职",
    (
        StepDef("manager", "直属上级审批", ActorKind.MANAGER),
        StepDef("lead", "项目负责人审批", ActorKind.PROJECT_LEAD, condition="in_project_department"),
        StepDef("hr", "人事审核", ActorKind.ROLE, Role.HR),
        StepDef("finance", "财务结算", ActorKind.ROLE, Role.FINANCE),
        StepDef(
            "archive",
            "人事归档",
            ActorKind.ROLE,
            Role.HR,
            actions=(Action.APPROVE, Action.RETURN),
            requires_checklist_closed=True,
        ),
    ),
)
IN_PROJECT = {"in_project_department": True}
NOT_IN_PROJECT = {"in_project_department": False}


def test_happy_path_through_every_step():
    move = submit(SEPARATION, IN_PROJECT)
    assert move.position == Position(FlowStatus.RUNNING, 0)
    visited = [move.position.step]
    while not move.completed:
        move = act(SEPARATION, move.position, Action.APPROVE, IN_PROJECT)
        visited.append(move.position.step)
    assert visited == [0, 1, 2, 3, 4, 4]


def test_condition_skips_the_project_lead():
    move = act(SEPARATION, Position(FlowStatus.RUNNING, 0), Action.APPROVE, NOT_IN_PROJECT)
    assert move.position.step == 2 and move.skipped == (1,)


def test_return_goes_back_one_applicable_step_and_to_the_initiator():
    assert act(SEPARATION, Position(FlowStatus.RUNNING, 2), Action.RETURN, NOT_IN_PROJECT).position == Position(
        FlowStatus.RUNNING, 0
    )
    back = act(SEPARATION, Position(FlowStatus.RUNNING, 0), Action.RETURN, NOT_IN_PROJECT).position
    assert back == Position(FlowStatus.RETURNED, INITIATOR)
    assert act(SEPARATION, back, Action.SUBMIT, NOT_IN_PROJECT).position == Position(FlowStatus.RUNNING, 0)
    assert act(SEPARATION, back, Action.WITHDRAW, NOT_IN_PROJECT).position.status is FlowStatus.WITHDRAWN
    with pytest.raises(TransitionError, match="退回发起人"):
        act(SEPARATION, back, Action.APPROVE, NOT_IN_PROJECT)


def test_reject_ends_and_nothing_acts_on_a_finished_flow():
    rejected = act(SEPARATION, Position(FlowStatus.RUNNING, 0), Action.REJECT, {}).position
    assert rejected.status is FlowStatus.REJECTED
    for action in (Action.APPROVE, Action.COMMENT, Action.SUBMIT):
        with pytest.raises(TransitionError, match="已经结束"):
            act(SEPARATION, rejected, action, {})


def test_step_without_reject_refuses_it():
    with pytest.raises(TransitionError, match="不允许"):
        act(SEPARATION, Position(FlowStatus.RUNNING, 4), Action.REJECT, {})


def test_comment_does_not_move():
    assert act(SEPARATION, Position(FlowStatus.RUNNING, 3), Action.COMMENT, {}).position.step == 3


def test_definition_round_trips_through_json():
    assert steps_from_json(steps_to_json(SEPARATION.steps)) == SEPARATION.steps


def test_invalid_definitions_are_explained():
    assert "steps" in validate_definition(FlowDefinition(FlowKind.SEPARATION, "空", ()))
    bad = FlowDefinition(
        FlowKind.SEPARATION,
        "坏",
        (
            StepDef("a", "人事", ActorKind.ROLE, None),
            StepDef("a", "", ActorKind.MANAGER, condition="unknown", deadline_days=99, actions=(Action.REJECT,)),
        ),
    )
    errors = validate_definition(bad)
    assert {
        "steps.1.role",
        "steps.2.key",
        "steps.2.name",
        "steps.2.condition",
        "steps.2.deadline_days",
        "steps.2.actions",
    } <= set(errors)
    with pytest.raises(ValueError, match="角色无效"):
        steps_from_json('[{"key": "x", "name": "x", "actor_kind": "role", "role": "ceo"}]')


def test_working_days_skip_weekends_and_spring_festival():
    cal = china_calendar()
    assert cal.add_working_days(date(2025, 3, 7), 3) == date(2025, 3, 12)  # Fri + 3 → Wed
    # 春节 2025: 28 Jan – 4 Feb off, Sunday 26 Jan and Saturday 8 Feb worked.
    assert cal.is_working_day(date(2025, 1, 26)) and not cal.is_working_day(date(2025, 1, 29))
    assert cal.add_working_days(date(2025, 1, 27), 1) == date(2025, 2, 5)
    # after Fri 24 Jan: Sun 26 (worked), Mon 27, Wed 5 – Fri 7 Feb, Sat 8 (worked), Mon 10
    assert cal.working_days_between(date(2025, 1, 24), date(2025, 2, 10)) == 7
    assert WorkCalendar().add_working_days(date(2025, 1, 27), 1) == date(2025, 1, 28)


def test_notice_period_warning():
    reason = SeparationReason.RESIGNATION
    assert notice_shortfall(reason, date(2026, 3, 1), date(2026, 3, 31), False) is None
    assert "30" in notice_shortfall(reason, date(2026, 3, 1), date(2026, 3, 20), False)
    assert notice_shortfall(reason, date(2026, 3, 1), date(2026, 3, 4), True) is None
    assert notice_shortfall(SeparationReason.MUTUAL, date(2026, 3, 1), date(2026, 3, 2), False) is None


def test_stop_month_is_the_month_of_the_last_day():
    assert stop_month(date(2026, 3, 31)) == date(2026, 3, 1)
    assert stop_month(date(2026, 4, 1)) == date(2026, 4, 1)

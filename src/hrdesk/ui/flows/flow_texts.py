"""How flows read on screen: times in local time, waiting time, deadlines, who acted, status colours."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from hrdesk.core.flows.checklist_rules import ItemStatus
from hrdesk.core.flows.engine import FlowSummary
from hrdesk.core.flows.workflow import Action, FlowStatus
from hrdesk.core.kernel import clock
from hrdesk.ui.common.styles import BLUE, GREEN, GREY, ORANGE, RED

STATUS_COLORS = {
    FlowStatus.RUNNING: BLUE,
    FlowStatus.RETURNED: ORANGE,
    FlowStatus.COMPLETED: GREEN,
    FlowStatus.REJECTED: RED,
    FlowStatus.WITHDRAWN: GREY,
}
ITEM_COLORS = {ItemStatus.OPEN: ORANGE, ItemStatus.DONE: GREEN, ItemStatus.WAIVED: GREY}
ACTION_COLORS = {
    Action.APPROVE: GREEN,
    Action.REJECT: RED,
    Action.RETURN: ORANGE,
    Action.WITHDRAW: GREY,
    Action.SKIP: GREY,
}
ACTION_ORDER = (Action.APPROVE, Action.SUBMIT, Action.RETURN, Action.REJECT, Action.COMMENT, Action.WITHDRAW)


def _tr(text: str) -> str:
    return QCoreApplication.translate("FlowDialog", text)


def local_time(value: datetime | None) -> datetime | None:
    """Timestamps are stored as naive UTC; people read them in the computer's time zone (the
    kernel's conversion, the same as the audit log and the exports)."""
    return clock.local_time(value) if value is not None else None


def format_time(value: datetime | None) -> str:
    return clock.local_text(value)


def waited_text(since: datetime, now: datetime) -> str:
    """How long something has waited, as people say it: 45分钟, 5小时, 2天3小时."""
    minutes = max(int((now - since).total_seconds() // 60), 0)
    if minutes < 60:
        return _tr("{0}分钟").format(minutes) if minutes else _tr("刚刚")
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return _tr("{0}小时").format(hours)
    days, hours = divmod(hours, 24)
    return _tr("{0}天{1}小时").format(days, hours) if hours else _tr("{0}天").format(days)


def due_text(summary: FlowSummary) -> str:
    if summary.due_date is None:
        return ""
    text = summary.due_date.isoformat()
    return text + _tr("（已逾期）") if summary.overdue else text


def initiator_text(summary: FlowSummary) -> str:
    if summary.on_behalf_of:
        return _tr("{0}（代 {1}）").format(summary.initiator_name, summary.on_behalf_of)
    return summary.initiator_name


def actor_text(name: str, on_behalf_of: str | None) -> str:
    return _tr("{0}（代 {1}）").format(name, on_behalf_of) if on_behalf_of else name


def action_button_label(action: Action, status: FlowStatus) -> str:
    if action is Action.SUBMIT:
        return _tr("重新提交")
    if action is Action.COMMENT:
        return _tr("仅评论")
    return action.label


def history_headers() -> list[str]:
    return [_tr("时间"), _tr("步骤"), _tr("操作"), _tr("操作人"), _tr("意见")]


def checklist_headers() -> list[str]:
    return [
        _tr("类别"),
        _tr("事项"),
        _tr("资产编号"),
        _tr("金额（元）"),
        _tr("负责人"),
        _tr("状态"),
        _tr("处理人"),
        _tr("备注"),
    ]

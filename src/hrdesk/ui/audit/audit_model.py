"""The audit trail (操作日志) as a Qt model: display tuples built once per loaded page, newest first.

Times are stored in UTC and shown in the computer's local time (the detail names the zone), the
same as in the flows, the trail and the exports.

Pages of records arrive from hrdesk.core.audit.audit_log.list_entries; the model only appends them. The
record a failed chain check points at can be marked so that it stands out in red.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from hrdesk.core.audit.audit_log import AuditEntryView
from hrdesk.core.audit.trail import ENTITY_LABELS, action_label, entity_label
from hrdesk.core.kernel.clock import local_text, zone_label

DISPLAY = Qt.ItemDataRole.DisplayRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
HORIZONTAL = Qt.Orientation.Horizontal
BROKEN_BACKGROUND = QColor("#fde7e9")
BROKEN_FOREGROUND = QColor("#b3261e")
SEQ, TIME, ACTOR, ON_BEHALF, ACTION, OBJECT, SUMMARY = range(7)


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditModel", text)


def headers() -> list[str]:
    return [_tr("序号"), _tr("时间"), _tr("操作人"), _tr("代办人"), _tr("操作"), _tr("对象"), _tr("摘要")]


def entity_filters() -> list[tuple[str, str | None, str | None]]:
    """(label, entity_type, action prefix) for the filter combo; 登录 is the login records of accounts."""
    return (
        [(_tr("全部"), None, None)]
        + [(entity_label(key), key, None) for key in ENTITY_LABELS]
        + [(_tr("登录"), "user", "login.")]
    )


def object_text(entry: AuditEntryView) -> str:
    label = entity_label(entry.entity_type)
    return f"{label} #{entry.entity_id}" if entry.entity_id is not None else label


def entry_row(entry: AuditEntryView) -> tuple:
    return (
        entry.seq,
        local_text(entry.created_at, seconds=True),
        entry.actor_name,
        entry.on_behalf_of or "",
        action_label(entry.action),
        object_text(entry),
        entry.summary,
    )


def value_text(value: Any) -> str:
    if value is None:
        return _tr("（空）")
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def change_lines(before: dict | None, after: dict | None) -> list[str]:
    """ "key: before → after" per field; a record with only one side lists that side's values."""
    if before is None and after is None:
        return [_tr("（本条记录没有字段变化）")]
    if before is None:
        return [_tr("新值：")] + [f"  {key}: {value_text(value)}" for key, value in after.items()]
    if after is None:
        return [_tr("删除前的值：")] + [f"  {key}: {value_text(value)}" for key, value in before.items()]
    keys = list(after) + [key for key in before if key not in after]
    return [_tr("变化（原值 → 新值）：")] + [
        f"  {key}: {value_text(before.get(key))} → {value_text(after.get(key))}" for key in keys
    ]


def detail_text(entry: AuditEntryView) -> str:
    lines = [
        _tr("序号：{0}").format(entry.seq),
        _tr("时间：{0}（{1}）").format(local_text(entry.created_at, seconds=True), zone_label(entry.created_at)),
        _tr("操作人：{0}").format(entry.actor_name),
    ]
    if entry.on_behalf_of:
        lines.append(_tr("代办人：{0}").format(entry.on_behalf_of))
    lines += [
        _tr("操作：{0}（{1}）").format(action_label(entry.action), entry.action),
        _tr("对象：{0}").format(object_text(entry)),
        _tr("摘要：{0}").format(entry.summary),
        "",
    ]
    return "\n".join(lines + change_lines(entry.before, entry.after))


class AuditTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._headers = headers()
        self._rows: list[tuple] = []
        self._entries: list[AuditEntryView] = []
        self._broken: int | None = None

    def set_entries(self, entries: list[AuditEntryView]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._rows = [entry_row(e) for e in entries]
        self.endResetModel()

    def append_entries(self, entries: list[AuditEntryView]) -> None:
        if not entries:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(entries) - 1)
        self._entries.extend(entries)
        self._rows.extend(entry_row(e) for e in entries)
        self.endInsertRows()

    def set_broken(self, seq: int | None) -> None:
        """Mark the record a chain check found broken (None clears the mark)."""
        self._broken = seq
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._headers) - 1))

    # --- Qt model interface ------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index, role=DISPLAY):
        row = self._rows[index.row()]
        if role == DISPLAY:
            return row[index.column()]
        if role == ALIGN and index.column() == SEQ:
            return RIGHT
        if role == TOOLTIP and index.column() == SUMMARY:
            return row[SUMMARY]
        if self._broken is not None and row[SEQ] == self._broken:
            if role == BACKGROUND:
                return BROKEN_BACKGROUND
            if role == FOREGROUND:
                return BROKEN_FOREGROUND
        return None

    def headerData(self, section, orientation, role=DISPLAY):
        if orientation == HORIZONTAL and role == DISPLAY and section < len(self._headers):
            return self._headers[section]
        return None

    # --- helpers for the page ----------------------------------------------------------------

    def entry(self, row: int) -> AuditEntryView:
        return self._entries[row]

    def row_of(self, seq: int) -> int:
        return next((i for i, row in enumerate(self._rows) if row[SEQ] == seq), -1)

    def last_seq(self) -> int | None:
        return self._rows[-1][SEQ] if self._rows else None

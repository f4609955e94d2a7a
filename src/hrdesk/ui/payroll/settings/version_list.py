"""The list of a policy table's versions, newest first, which every versioned 薪资设置 tab shows.

Each month is calculated with the version in force for it, so the tabs list every version with its
start month and source, show the selected one's content and offer 按此版本新建… (a new version
starting from the selected one). Factory data still to be checked against the local notice is
marked in orange.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from hrdesk.core.payroll.policies import StoredVersion
from hrdesk.ui.common.form_parts import named_button, rows_table
from hrdesk.ui.common.rows_model import Row
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import NOTICE_STYLE, ORANGE
from hrdesk.ui.payroll.settings.policy_numbers import tr


def version_row(v: StoredVersion, extra: tuple = (), right: tuple = ()) -> Row:
    """生效日期, the ``extra`` cells of the table, 政策来源, 保存人 and a note for unchecked data."""
    checking = v.data.get("status") == "check"
    note = tr("出厂默认数据，使用前请与当地最新通知核对") if checking else ""
    return Row(
        (v.effective_from.isoformat(), *extra, v.source, v.created_by, note),
        key=v.id,
        colors={-1: ORANGE} if checking else {},
        tooltips={len(extra) + 1: v.source},
        right=right,
    )


class VersionListTab(QWidget):
    """What the versioned tabs share: the versions table, 按此版本新建… and a status line.

    A subclass calls ``_versions_table`` when building itself, lays the parts out its own way,
    loads versions and hands them to ``show_versions``; it provides ``_show`` (the selected
    version's content) and ``open_editor``.
    """

    loaded = Signal()

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.versions: list[StoredVersion] = []
        self.edit_button = named_button(self.tr("按此版本新建…"), "edit_version", lambda: self.open_editor())
        self.edit_button.setEnabled(False)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setStyleSheet(NOTICE_STYLE)

    def _versions_table(self, headers: list[str], widths: list[int], stretch: int) -> None:
        self.versions_view, self.versions_model = rows_table("versions_table", headers, widths, stretch=stretch)
        self.versions_view.selectionModel().currentRowChanged.connect(lambda current, _: self._show(current.row()))
        self.versions_view.doubleClicked.connect(lambda *_: self.open_editor())

    def _version_row(self, v: StoredVersion) -> Row:
        return version_row(v)

    def show_versions(self, versions: list[StoredVersion], select_id: int | None = None) -> None:
        """List ``versions`` and select the one with ``select_id`` (else the newest)."""
        self.versions = versions
        self.versions_model.set_rows([self._version_row(v) for v in versions])
        row = next((i for i, v in enumerate(versions) if v.id == select_id), 0)
        if versions:
            self.versions_view.selectRow(row)
            self._show(row)
        self.edit_button.setEnabled(bool(versions))
        self.loaded.emit()

    def _show(self, row: int) -> None:
        raise NotImplementedError

    def open_editor(self):
        raise NotImplementedError

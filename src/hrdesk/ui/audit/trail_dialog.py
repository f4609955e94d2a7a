"""操作留痕: the complete trail of one employee or one flow, oldest first, with 导出Excel.

Reusable: the employees page opens it for the selected person, the flow dialog for its instance,
the auditor's page for the object in its filter. Loading and exporting run in the background; the
service decides who may read a trail and masks sensitive values for readers without the right.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.audit import trail
from hrdesk.core.kernel.clock import zone_label
from hrdesk.ui.common.messages import show_error
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import HINT_STYLE, ROW_HEIGHT

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
HORIZONTAL = Qt.Orientation.Horizontal
SEQ, TIME, ACTOR, ON_BEHALF, ACTION, SUMMARY = range(6)
MASKED_STYLE = "color: #b3261e;"
DONE_STYLE = "color: #137333;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrailDialog", text)


class TrailTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._headers = [_tr("序号"), _tr("时间"), _tr("操作人"), _tr("代办"), _tr("操作"), _tr("摘要")]
        self._rows: list[trail.TrailRow] = []
        self._cells: list[tuple] = []

    def set_rows(self, rows: list[trail.TrailRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._cells = [(r.seq, r.time, r.actor, r.on_behalf_of, r.action, r.summary) for r in rows]
        self.endResetModel()

    def row(self, index: int) -> trail.TrailRow:
        return self._rows[index]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index, role=DISPLAY):
        if role == DISPLAY:
            return self._cells[index.row()][index.column()]
        if role == ALIGN and index.column() == SEQ:
            return RIGHT
        if role == TOOLTIP and index.column() == SUMMARY:
            return self._cells[index.row()][SUMMARY]
        return None

    def headerData(self, section, orientation, role=DISPLAY):
        if orientation == HORIZONTAL and role == DISPLAY and section < len(self._headers):
            return self._headers[section]
        return None


def default_file_name(subject: str) -> str:
    safe = "".join("_" if ch in '\\/:*?"<>|' else ch for ch in subject).strip()
    return _tr("操作留痕 - {0}.xlsx").format(safe[:80])


class TrailDialog(QDialog):
    loaded = Signal()
    exported = Signal(object)  # audit_trail.TrailExport

    def __init__(
        self,
        session: AppSession,
        employee_id: int | None = None,
        flow_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.employee_id = employee_id
        self.flow_id = flow_id
        self.report: trail.TrailReport | None = None
        self.last_export: trail.TrailExport | None = None
        self._busy = False
        self.setObjectName("trail_dialog")
        self.setWindowTitle(self.tr("操作留痕"))
        self.model = TrailTableModel(self)

        self.subject_label = QLabel(self.tr("正在加载…"))
        self.subject_label.setObjectName("subject")
        self.subject_label.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.info_label = QLabel()
        self.info_label.setObjectName("info")
        self.info_label.setStyleSheet(HINT_STYLE)
        self.info_label.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = QTableView()
        self.table.setObjectName("trail_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        metrics = self.table.fontMetrics()
        for column, sample in (
            (SEQ, "0000000"),
            (TIME, "0000-00-00 00:00:00"),
            (ACTOR, "系统管理员(admin)"),
            (ON_BEHALF, "代办人"),
            (ACTION, "豁免交接事项"),
        ):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 28)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._show_detail(current.row()))

        self.detail = QPlainTextEdit()
        self.detail.setObjectName("detail")
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(self.tr("选择一条记录查看变更前后的值"))
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setFamilies([mono.family(), self.font().family()])
        mono.setPointSize(self.font().pointSize())
        self.detail.setFont(mono)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 160])

        self.export_button = QPushButton(self.tr("导出Excel…"))
        self.export_button.setObjectName("export")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.choose_and_export)
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.setObjectName("refresh")
        self.refresh_button.clicked.connect(self.reload)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.refresh_button)
        bottom.addWidget(self.export_button)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.subject_label)
        layout.addWidget(self.info_label)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.resize(1100, 640)
        self.reload()

    # --- loading --------------------------------------------------------------------------------

    def reload(self) -> None:
        ctx, employee_id, flow_id = self.session.ctx, self.employee_id, self.flow_id
        self.refresh_button.setEnabled(False)

        def done(report: trail.TrailReport):
            self.report = report
            self.setWindowTitle(self.tr("操作留痕 - {0}").format(report.subject))
            self.subject_label.setText(report.subject)
            info = self.tr("共 {0} 条记录，按时间先后排列；时间为本机时间（{1}）。").format(
                len(report.rows), zone_label()
            )
            if self.employee_id is not None:
                info += self.tr("包括员工档案、其账号（含登录）和以其为对象的所有流程的记录。")
            self.info_label.setText(info)
            if report.masked:
                self.status_label.setText(self.tr("身份证号、出生日期、银行卡号和各项金额已按您的权限打码。"))
                self.status_label.setStyleSheet(MASKED_STYLE)
            self.model.set_rows(report.rows)
            self.refresh_button.setEnabled(True)
            self.export_button.setEnabled(not self._busy)
            if report.rows:
                self.table.selectRow(len(report.rows) - 1)
                self.table.scrollToBottom()
            self.loaded.emit()

        def failed(exc):
            self.refresh_button.setEnabled(True)
            self.subject_label.setText(self.tr("无法加载操作留痕"))
            show_error(self, exc)

        self.session.runner.submit(lambda: trail.trail_report(ctx, employee_id, flow_id), done, failed, owner=self)

    def _show_detail(self, row: int) -> None:
        if row < 0:
            self.detail.clear()
            return
        r = self.model.row(row)
        lines = [self.tr("{0}  {1}  {2}").format(r.time, r.actor, r.action)]
        if r.on_behalf_of:
            lines.append(self.tr("代办：{0}").format(r.on_behalf_of))
        lines += [r.summary, ""]
        if r.before:
            lines += [self.tr("变更前："), *("  " + line for line in r.before.splitlines()), ""]
        if r.after:
            lines += [
                self.tr("变更后：") if r.before else self.tr("内容："),
                *("  " + line for line in r.after.splitlines()),
            ]
        if not r.before and not r.after:
            lines.append(self.tr("（本条记录没有字段变化）"))
        self.detail.setPlainText("\n".join(lines))

    # --- export ---------------------------------------------------------------------------------

    def choose_and_export(self) -> None:
        if self.report is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = (
            str(Path(folder) / default_file_name(self.report.subject))
            if folder
            else default_file_name(self.report.subject)
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出操作留痕"), suggested, self.tr("Excel 工作簿 (*.xlsx)")
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        ctx, employee_id, flow_id = self.session.ctx, self.employee_id, self.flow_id
        self._busy = True
        self.export_button.setEnabled(False)
        self.status_label.setStyleSheet(HINT_STYLE)
        self.status_label.setText(self.tr("正在导出…"))

        def done(result: trail.TrailExport):
            self._busy = False
            self.export_button.setEnabled(True)
            self.last_export = result
            self.status_label.setStyleSheet(DONE_STYLE)
            self.status_label.setText(self.tr("已导出 {0} 条记录到 {1}").format(result.count, result.path))
            self.exported.emit(result)

        def failed(exc):
            self._busy = False
            self.export_button.setEnabled(True)
            self.status_label.setText("")
            show_error(self, exc)

        self.session.runner.submit(
            lambda: trail.export_trail(ctx, path, employee_id, flow_id), done, failed, owner=self
        )

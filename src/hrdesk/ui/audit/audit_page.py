"""操作日志: the audit trail for auditors, newest first, 500 records at a time, with a detail panel, an
integrity check of the hash chain and a deep check of the data against it (both in the background:
they read every record).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.audit import audit_log, checkpoints, deep_check, trail
from hrdesk.core.kernel.audit_chain import ChainReport
from hrdesk.ui.audit.audit_model import AuditTableModel, detail_text, entity_filters
from hrdesk.ui.common.messages import show_error
from hrdesk.ui.common.rows_model import setup_table
from hrdesk.ui.common.session import AppSession

PAGE_SIZE = 500
DEEP_SHOWN = 20  # differences listed in the banner; the command line lists them all
OK_STYLE = (
    "QLabel { background: #e6f4ea; color: #137333; border: 1px solid #a8dab5; border-radius: 4px;"
    " padding: 8px 12px; font-weight: bold; }"
)
BROKEN_STYLE = (
    "QLabel { background: #fce8e6; color: #b3261e; border: 1px solid #f4b5ae; border-radius: 4px;"
    " padding: 8px 12px; font-weight: bold; }"
)
BUSY_STYLE = (
    "QLabel { background: #f1f3f4; color: #3c4043; border: 1px solid #dadce0; border-radius: 4px; padding: 8px 12px; }"
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditPage", text)


class AuditPage(QWidget):
    loaded = Signal()  # after a page of records reached the table
    verified = Signal(object)  # ChainReport
    deep_verified = Signal(object)  # deep_check.DeepReport
    trail_exported = Signal(object)  # audit_trail.TrailExport

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("audit_page")
        self.model = AuditTableModel(self)
        self._generation = 0  # results of a load started before the latest filter change are dropped
        self._cursor: int | None = None  # seq of the oldest record fetched so far (before filtering)
        self._has_more = False
        self._loading = False
        self._verifying = False
        self._select_seq: int | None = None
        self.last_report: ChainReport | None = None
        self._deep_verifying = False
        self.last_deep_report: deep_check.DeepReport | None = None

        self.entity_filter = QComboBox()
        self.entity_filter.setObjectName("entity_filter")
        for label, entity_type, prefix in entity_filters():
            self.entity_filter.addItem(label, (entity_type, prefix))
        if not any(self.entity_filter.itemData(i) == ("flow", None) for i in range(self.entity_filter.count())):
            # flow instances (their trail can be viewed and exported too)
            self.entity_filter.insertItem(2, self.tr("流程"), ("flow", None))
        self.entity_filter.currentIndexChanged.connect(lambda *_: self.reload())
        self.entity_id = QLineEdit()
        self.entity_id.setObjectName("entity_id")
        self.entity_id.setPlaceholderText(self.tr("如 12，回车查询"))
        self.entity_id.setClearButtonEnabled(True)
        self.entity_id.setMaximumWidth(170)
        self.entity_id.returnPressed.connect(self.reload)
        self.entity_id.textChanged.connect(lambda text: self.reload() if not text else None)  # cleared
        self.entity_id.textChanged.connect(lambda *_: self._update_trail_buttons())
        self.entity_filter.currentIndexChanged.connect(lambda *_: self._update_trail_buttons())
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.setObjectName("refresh")
        self.refresh_button.clicked.connect(self.reload)
        self.verify_button = QPushButton(self.tr("校验完整性"))
        self.verify_button.setObjectName("verify")
        self.verify_button.setToolTip(self.tr("逐条核对哈希链，检查日志是否被修改、删除或插入"))
        self.verify_button.clicked.connect(self.verify)
        self.deep_button = QPushButton(self.tr("深度校验"))
        self.deep_button.setObjectName("deep_verify")
        self.deep_button.setToolTip(
            self.tr(
                "再核对员工、账号、工资结果、流程和证明文件的当前数据是否就是操作日志记录的结果，找出绕过系统直接改动数据库的地方"
            )
        )
        self.deep_button.clicked.connect(self.deep_verify)
        self.trail_button = QPushButton(self.tr("完整留痕"))
        self.trail_button.setObjectName("open_trail")
        self.trail_button.clicked.connect(self.open_trail)
        self.export_button = QPushButton(self.tr("导出Excel…"))
        self.export_button.setObjectName("export_trail")
        self.export_button.clicked.connect(self.export_trail)

        toolbar = QHBoxLayout()
        toolbar.addWidget(QLabel(self.tr("对象类型")))
        toolbar.addWidget(self.entity_filter)
        toolbar.addSpacing(8)
        toolbar.addWidget(QLabel(self.tr("对象编号")))
        toolbar.addWidget(self.entity_id)
        toolbar.addStretch(1)
        toolbar.addWidget(self.count_label)
        toolbar.addWidget(self.refresh_button)
        toolbar.addWidget(self.trail_button)
        toolbar.addWidget(self.export_button)
        toolbar.addWidget(self.verify_button)
        toolbar.addWidget(self.deep_button)

        self.verify_banner = QLabel()
        self.verify_banner.setObjectName("verify_banner")
        self.verify_banner.setWordWrap(True)
        self.verify_banner.setTextFormat(Qt.TextFormat.RichText)
        self.verify_banner.linkActivated.connect(lambda link: self.show_record(int(link.removeprefix("seq:"))))
        self.verify_banner.setVisible(False)

        self.table = QTableView()
        self.table.setObjectName("audit_table")
        setup_table(self.table, self.model, [])
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        self._size_columns()
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._show_detail(current.row()))

        self.detail = QPlainTextEdit()
        self.detail.setObjectName("detail")
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(self.tr("选择一条记录查看详细内容和变更前后的值"))
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setFamilies([mono.family(), self.font().family()])  # CJK falls back to the UI font
        mono.setPointSize(self.font().pointSize())
        self.detail.setFont(mono)

        self.more_button = QPushButton(self.tr("加载更多"))
        self.more_button.setObjectName("load_more")
        self.more_button.setToolTip(self.tr("再加载 {0} 条更早的记录").format(PAGE_SIZE))
        self.more_button.clicked.connect(self.load_more)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.more_button)

        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table, 1)
        upper_layout.addLayout(bottom)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 200])

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.verify_banner)
        layout.addWidget(splitter, 1)

        session.signals.changed.connect(self._on_changes)
        self._update_trail_buttons()
        self.reload()

    def _on_changes(self, changes) -> None:
        """Every change writes an audit record, so any change means new records."""
        self.reload()

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        widths = (
            metrics.horizontalAdvance("0000000") + 16,
            metrics.horizontalAdvance("0000-00-00 00:00:00") + 24,
            170,
            90,
            130,
            130,
        )
        for column, width in enumerate(widths):
            self.table.setColumnWidth(
                column,
                max(
                    width, metrics.horizontalAdvance(str(self.model.headerData(column, Qt.Orientation.Horizontal))) + 28
                ),
            )

    # --- loading -------------------------------------------------------------------------------

    def filters(self) -> tuple[str | None, str | None, str | None]:
        """(entity_type, entity_id, action prefix) as chosen in the tool bar."""
        entity_type, prefix = self.entity_filter.currentData()
        entity_id = self.entity_id.text().strip() or None
        return entity_type, entity_id, prefix

    def reload(self) -> None:
        """Start again from the newest record (with the current filters)."""
        self._fetch(before_seq=None, append=False)

    def load_more(self) -> None:
        if self._has_more and not self._loading:
            self._fetch(before_seq=self._cursor, append=True)

    def show_record(self, seq: int) -> None:
        """Jump to one record (e.g. the one a chain check found broken), whatever the filters.

        Always read afresh: after tampering, the stored record may differ from the loaded row."""
        self._select_seq = seq
        self.entity_filter.blockSignals(True)
        self.entity_id.blockSignals(True)
        self.entity_filter.setCurrentIndex(0)
        self.entity_id.clear()
        self.entity_filter.blockSignals(False)
        self.entity_id.blockSignals(False)
        self._fetch(before_seq=seq + 1, append=False)

    def _fetch(self, before_seq: int | None, append: bool) -> None:
        self._generation += 1
        generation = self._generation
        self._loading = True
        self.more_button.setEnabled(False)
        self.count_label.setText(self.tr("正在加载…"))
        ctx = self.session.ctx
        entity_type, entity_id, prefix = self.filters()

        def work():
            return audit_log.list_entries(
                ctx, entity_type=entity_type, entity_id=entity_id, limit=PAGE_SIZE, before_seq=before_seq
            )

        def done(entries):
            if generation != self._generation:
                return
            self._loading = False
            self._has_more = len(entries) == PAGE_SIZE
            if entries:
                self._cursor = entries[-1].seq
            elif not append:
                self._cursor = None
            shown = [e for e in entries if e.action.startswith(prefix)] if prefix else entries
            if append:
                self.model.append_entries(shown)
            else:
                selected = self._select_seq or self.current_seq()
                self.model.set_entries(shown)
                if selected is not None:
                    self._select(selected)
                if not self.table.currentIndex().isValid():
                    self.detail.clear()
            self._select_seq = None
            self._update_count()
            self.loaded.emit()

        def failed(exc):
            if generation != self._generation:
                return
            self._loading = False
            self._update_count()
            self.count_label.setText(self.tr("加载失败"))
            show_error(self, exc)

        self.session.runner.submit(work, done, failed, owner=self)

    def _update_count(self) -> None:
        rows = self.model.rowCount()
        self.count_label.setText(
            self.tr("已显示 {0} 条").format(rows)
            if not self._has_more
            else self.tr("已显示 {0} 条，还有更早的记录").format(rows)
        )
        self.more_button.setEnabled(self._has_more and not self._loading)

    # --- selection and detail ----------------------------------------------------------------

    def current_seq(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.entry(index.row()).seq if index.isValid() else None

    def _select(self, seq: int) -> bool:
        row = self.model.row_of(seq)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def _show_detail(self, row: int) -> None:
        if row < 0:
            self.detail.clear()
            return
        self.detail.setPlainText(detail_text(self.model.entry(row)))

    # --- the trail of one employee or flow ----------------------------------------------------

    def trail_target(self) -> tuple[int | None, int | None]:
        """(employee_id, flow_id) when the filter names exactly one employee or one flow."""
        entity_type, entity_id, prefix = self.filters()
        if prefix or not entity_id or not entity_id.isdigit():
            return None, None
        if entity_type == "employee":
            return int(entity_id), None
        if entity_type == "flow":
            return None, int(entity_id)
        return None, None

    def _update_trail_buttons(self) -> None:
        employee_id, flow_id = self.trail_target()
        enabled = employee_id is not None or flow_id is not None
        for button in (self.trail_button, self.export_button):
            button.setEnabled(enabled)
        if enabled:
            tip = (
                self.tr("员工的完整留痕包括其档案、账号（含登录）和以其为对象的所有流程的记录，按时间先后排列。")
                if employee_id is not None
                else self.tr("该流程的全部记录：提交、审批、交接清单、通知。")
            )
        else:
            tip = self.tr("在“对象类型”中选择“员工”或“流程”并填写编号，即可查看或导出该对象的完整留痕。")
        self.trail_button.setToolTip(tip)
        self.export_button.setToolTip(tip)

    def open_trail(self):
        from hrdesk.ui.audit.trail_dialog import TrailDialog

        employee_id, flow_id = self.trail_target()
        if employee_id is None and flow_id is None:
            return None
        dialog = TrailDialog(self.session, employee_id=employee_id, flow_id=flow_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def export_trail(self) -> None:
        from PySide6.QtCore import QStandardPaths
        from PySide6.QtWidgets import QFileDialog

        from hrdesk.ui.audit.trail_dialog import default_file_name

        employee_id, flow_id = self.trail_target()
        if employee_id is None and flow_id is None:
            return
        subject = (
            self.tr("员工 #{0}").format(employee_id)
            if employee_id is not None
            else self.tr("流程 #{0}").format(flow_id)
        )
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = default_file_name(subject)
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("导出操作留痕"),
            f"{folder}/{suggested}" if folder else suggested,
            self.tr("Excel 工作簿 (*.xlsx)"),
        )
        if path:
            self.export_trail_to(path)

    def export_trail_to(self, path: str) -> None:
        employee_id, flow_id = self.trail_target()
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        ctx = self.session.ctx
        self.export_button.setEnabled(False)
        self._banner(BUSY_STYLE, self.tr("正在导出操作留痕…"))

        def done(result: trail.TrailExport):
            self._update_trail_buttons()
            self._banner(
                OK_STYLE,
                self.tr("已导出“{0}”的 {1} 条记录到 {2}").format(
                    html.escape(result.subject), result.count, html.escape(str(result.path))
                ),
            )
            self.trail_exported.emit(result)

        def failed(exc):
            self._update_trail_buttons()
            self.verify_banner.setVisible(False)
            show_error(self, exc)

        self.session.runner.submit(
            lambda: trail.export_trail(ctx, path, employee_id, flow_id), done, failed, owner=self
        )

    # --- integrity check -----------------------------------------------------------------------

    def verify(self) -> None:
        if self._verifying:
            return
        self._verifying = True
        self.verify_button.setEnabled(False)
        self.verify_button.setText(self.tr("正在校验…"))
        self._banner(BUSY_STYLE, self.tr("正在逐条校验操作日志的哈希链，记录很多时需要一些时间…"))
        ctx = self.session.ctx

        def done(result: tuple[ChainReport, list[checkpoints.AnchorReport]]):
            report, anchors = result
            self._verify_finished()
            self.last_report = report
            broken = [anchor for anchor in anchors if not anchor.ok]
            if report.first_break is None and broken:
                self.model.set_broken(None)
                self._banner(
                    BROKEN_STYLE,
                    self.tr("✘ 哈希链本身完整，但与 HRDesk 保存在链外的记录对不上：{0}").format(
                        html.escape("；".join(str(anchor.problem) for anchor in broken))
                    ),
                )
            elif report.first_break is None:
                self.model.set_broken(None)
                held = "".join(
                    self.tr("并且仍包含{0}记录的前 {1} 条。").format(html.escape(a.source), a.anchored_length)
                    for a in anchors
                )
                self._banner(
                    OK_STYLE,
                    self.tr("✔ 完整性校验通过：共 {0} 条记录，哈希链完整，没有发现修改、删除或插入。").format(
                        report.checked
                    )
                    + held,
                )
            else:
                seq = report.first_break.seq
                self.model.set_broken(seq)
                self._banner(
                    BROKEN_STYLE,
                    self.tr(
                        "✘ 完整性校验未通过：第 {0} 号记录——{1}。在它之前的 {2} 条记录完好；"
                        '从这一条起的记录不能再视为可信。 <a href="seq:{0}">查看该记录</a>'
                    ).format(seq, html.escape(report.first_break.reason), report.checked),
                )
            self.verified.emit(report)

        def failed(exc):
            self._verify_finished()
            self.verify_banner.setVisible(False)
            show_error(self, exc)

        def verify() -> tuple[ChainReport, list[checkpoints.AnchorReport]]:
            report = audit_log.verify_chain(ctx)
            return report, (checkpoints.verify_known_anchors(ctx) if report.ok else [])

        self.session.runner.submit(verify, done, failed, owner=self)

    def _verify_finished(self) -> None:
        self._verifying = False
        self.verify_button.setEnabled(True)
        self.verify_button.setText(self.tr("校验完整性"))

    def deep_verify(self) -> None:
        """The chain, then every audited record against what its trail says it became."""
        if self._deep_verifying:
            return
        self._deep_verifying = True
        self.deep_button.setEnabled(False)
        self.deep_button.setText(self.tr("正在深度校验…"))
        self._banner(BUSY_STYLE, self.tr("正在校验哈希链，并逐条核对当前数据与操作日志记录的是否一致…"))
        ctx = self.session.ctx

        def done(report: deep_check.DeepReport):
            self._deep_finished()
            self.last_deep_report = report
            self._banner(OK_STYLE if report.ok else BROKEN_STYLE, self._deep_text(report))
            self.deep_verified.emit(report)

        def failed(exc):
            self._deep_finished()
            self.verify_banner.setVisible(False)
            show_error(self, exc)

        self.session.runner.submit(lambda: deep_check.deep_check(ctx), done, failed, owner=self)

    def _deep_text(self, report: deep_check.DeepReport) -> str:
        chain = report.chain
        if chain.first_break is not None:
            return self.tr(
                "✘ 深度校验未通过：哈希链在第 {0} 号记录断开——{1}。操作日志本身已不可信，未再核对数据。"
                ' <a href="seq:{0}">查看该记录</a>'
            ).format(chain.first_break.seq, html.escape(chain.first_break.reason))
        if report.ok:
            n = report.checked
            return self.tr(
                "✔ 深度校验通过：哈希链完整（{0} 条记录），当前数据与操作日志记录的一致："
                "员工 {1} 名、账号 {2} 个、工资核算 {3} 个月共 {4} 条个人结果、流程 {5} 个、证明文件 {6} 份。"
            ).format(
                chain.checked,
                n[deep_check.EMPLOYEE],
                n[deep_check.USER],
                n[deep_check.PAYROLL_RUN],
                n[deep_check.PAYROLL_RESULT],
                n[deep_check.FLOW],
                n[deep_check.DOCUMENT],
            )
        shown = report.mismatches[:DEEP_SHOWN]
        lines = "<br>".join("• " + html.escape(m.message) for m in shown)
        more = len(report.mismatches) - len(shown)
        tail = (
            "<br>" + self.tr("……另有 {0} 处未列出（命令行 hrdesk audit verify --deep 列出全部）").format(more)
            if more
            else ""
        )
        return (
            self.tr("✘ 深度校验发现 {0} 处当前数据与操作日志记录的不一致（有人绕过系统直接改动了数据库）：").format(
                len(report.mismatches)
            )
            + "<br>"
            + lines
            + tail
        )

    def _deep_finished(self) -> None:
        self._deep_verifying = False
        self.deep_button.setEnabled(True)
        self.deep_button.setText(self.tr("深度校验"))

    def _banner(self, style: str, text: str) -> None:
        self.verify_banner.setStyleSheet(style)
        self.verify_banner.setText(text)
        self.verify_banner.setVisible(True)

"""证明文件: every 离职证明, 在职证明 and 离职结算单 the company issued, with 补打 (the same PDF, byte for
byte), 开具在职证明, 核验文件 (is a PDF someone shows us ours and unaltered?), 批量开具离职证明 and the
two calculators.

The core (hrdesk.core.documents.issuing) numbers, records, audits and renders; this page only
calls it in the background and shows the result in the PDF preview. The dialogs it opens live beside
it (employment_certificate_dialog, batch_certificates_dialog), as does the verdict of 核验
(verification_result).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.documents import issuing
from hrdesk.core.documents.issuing import DocumentRecord, Verification, kind_label
from hrdesk.core.kernel.clock import local_text
from hrdesk.ui.common import messages
from hrdesk.ui.common.form_parts import hint_label, named_button
from hrdesk.ui.common.rows_model import Row, RowsModel, setup_table
from hrdesk.ui.common.runner import Reloader
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import ERROR_STYLE, GREY, HINT_STYLE, NOTICE_STYLE
from hrdesk.ui.documents.batch_certificates_dialog import BatchCertificatesDialog
from hrdesk.ui.documents.employment_certificate_dialog import EmploymentCertificateDialog
from hrdesk.ui.documents.verification_result import MAX_VERIFY_BYTES, VerificationResult, os_reason


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentsPage", text)


class DocumentsPage(QWidget):
    loaded = Signal()
    verified = Signal(object)  # Verification
    previewed = Signal(object)  # the PdfPreviewDialog opened

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("documents_page")
        self.records: list[DocumentRecord] = []
        self.preview = None
        self.batch_dialog: BatchCertificatesDialog | None = None
        self.employment_dialog: EmploymentCertificateDialog | None = None
        self.calculator = None
        self._busy = False
        self.loader = Reloader(session.runner, self, self._prepare_load, self._loaded, self._load_failed)

        self.employment_button = named_button(_tr("开具在职证明…"), "issue_employment", self.open_employment_dialog)
        self.reissue_button = named_button(_tr("补打"), "reissue", self.reissue_current)
        self.reissue_button.setToolTip(_tr("按原编号重新生成，与原件逐字节一致"))
        self.verify_button = named_button(_tr("核验文件…"), "verify", self.choose_verify_file)
        self.verify_button.setToolTip(_tr("核验他人出示的 PDF 是否为本公司开具且未被改动"))
        self.batch_button = named_button(_tr("批量开具离职证明…"), "batch", self.open_batch_dialog)
        self.compensation_button = named_button(
            _tr("离职补偿计算器"), "compensation_calculator", self.open_compensation_calculator
        )
        self.leave_button = named_button(_tr("年休假折算"), "leave_calculator", self.open_leave_calculator)
        self.refresh_button = named_button(_tr("刷新"), "refresh", self.reload)
        toolbar = QHBoxLayout()
        for button in (self.employment_button, self.batch_button, self.reissue_button, self.verify_button):
            toolbar.addWidget(button)
        toolbar.addStretch(1)
        for button in (self.compensation_button, self.leave_button, self.refresh_button):
            toolbar.addWidget(button)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(_tr("搜索编号、员工姓名…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("搜索编号、员工姓名…") + 48)
        self.search.setMaximumWidth(320)
        self.search.textChanged.connect(lambda *_: self._apply_filter())
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kind_filter")
        self.kind_filter.addItem(_tr("全部类型"), None)
        for kind in (issuing.SEPARATION, issuing.EMPLOYMENT, issuing.STATEMENT):
            self.kind_filter.addItem(kind_label(kind), kind)
        self.kind_filter.currentIndexChanged.connect(lambda *_: self._apply_filter())
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        self.count_label.setStyleSheet(HINT_STYLE)
        filters = QHBoxLayout()
        filters.addWidget(self.search)
        filters.addWidget(self.kind_filter)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        self.model = RowsModel(
            [_tr("编号"), _tr("类型"), _tr("员工"), _tr("开具时间"), _tr("开具人"), _tr("SHA-256")], self
        )
        self.table = QTableView()
        self.table.setObjectName("documents_table")
        metrics = self.fontMetrics()
        setup_table(
            self.table,
            self.model,
            [metrics.horizontalAdvance("LZ-2026-00000") + 24, 100, 120, 140, 110, 160],
            stretch=5,
        )
        self.table.doubleClicked.connect(lambda *_: self.reissue_current())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        self.verify_result = VerificationResult()
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        hint = hint_label(
            _tr(
                "每份证明文件都有编号，并记录开具时的内容和 SHA-256 指纹：补打的文件与原件完全一致；"
                "他人出示的 PDF 可用“核验文件”确认是否为本公司开具、是否被改动。双击一行可预览并补打。"
            )
        )

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.verify_result)
        layout.addWidget(self.status)
        layout.addWidget(hint)

        session.signals.changed.connect(self._on_changes)
        self._update_buttons()
        self.reload()

    # --- loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        self.loader.reload()

    def _prepare_load(self):
        ctx = self.session.ctx
        return lambda: issuing.issued(ctx)

    def _loaded(self, records: list[DocumentRecord]) -> None:
        self.records = records
        self._apply_filter()
        self.loaded.emit()

    def _load_failed(self, exc: BaseException) -> None:
        self._say(ERROR_STYLE, messages.user_message(exc))

    def _on_changes(self, changes) -> None:
        if self.session.signals.touches(changes, "document"):
            self.reload()

    def _apply_filter(self) -> None:
        text = self.search.text().strip().lower()
        kind = self.kind_filter.currentData()
        current = self.current_number()
        rows = []
        for r in self.records:
            if kind is not None and r.kind != kind:
                continue
            if text and text not in r.number.lower() and text not in r.employee_name.lower():
                continue
            rows.append(
                Row(
                    (
                        r.number,
                        kind_label(r.kind),
                        r.employee_name,
                        local_text(r.issued_at),
                        r.issued_by,
                        r.sha256[:16] + "…",
                    ),
                    key=r.number,
                    tooltips={5: r.sha256},
                    colors={5: GREY},
                )
            )
        self.model.set_rows(rows)
        self.count_label.setText(_tr("显示 {0} / 共 {1} 份").format(len(rows), len(self.records)))
        if current is not None and self.model.row_of(current) >= 0:
            self.table.selectRow(self.model.row_of(current))
        self._update_buttons()

    def current_number(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.key(index.row())

    def select_number(self, number: str) -> None:
        row = self.model.row_of(number)
        if row >= 0:
            self.table.selectRow(row)

    def _update_buttons(self) -> None:
        self.reissue_button.setEnabled(self.current_number() is not None and not self._busy)

    def _say(self, style: str, text: str) -> None:
        self.status.setStyleSheet(style)
        self.status.setText(text)

    # --- previews -----------------------------------------------------------------------------------

    def show_preview(self, doc):
        from hrdesk.ui.common.pdf_preview_dialog import open_preview

        self.preview = open_preview(doc, self.session.runner, self)
        self.previewed.emit(self.preview)
        return self.preview

    def reissue_current(self) -> bool:
        number = self.current_number()
        if number is None or self._busy:
            return False
        self._busy = True
        self._update_buttons()
        self._say(HINT_STYLE, _tr("正在补打 {0}…").format(number))
        ctx = self.session.ctx

        def done(doc):
            self._busy = False
            self._update_buttons()
            self._say(NOTICE_STYLE, _tr("已补打 {0}（与原件一致）。").format(doc.number))
            self.show_preview(doc)

        def failed(exc):
            self._busy = False
            self._update_buttons()
            self._say("", "")
            messages.show_error(self, exc)

        self.session.runner.submit(lambda: issuing.reissue(ctx, number), done, failed, owner=self)
        return True

    # --- 在职证明 -------------------------------------------------------------------------------------

    def open_employment_dialog(self) -> EmploymentCertificateDialog:
        dialog = EmploymentCertificateDialog(self.session, self)
        dialog.issued.connect(self._employment_issued)
        self.employment_dialog = dialog
        dialog.open()
        return dialog

    def _employment_issued(self, doc) -> None:
        self._say(NOTICE_STYLE, _tr("已开具在职证明 {0}（{1}）。").format(doc.number, doc.employee_name))
        self.show_preview(doc)

    # --- 核验 -----------------------------------------------------------------------------------------

    def choose_verify_file(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getOpenFileName(self, _tr("选择要核验的 PDF 文件"), folder, _tr("PDF 文件 (*.pdf)"))
        if path:
            self.verify_file(path)

    def verify_file(self, path: str) -> bool:
        file = Path(path)
        try:
            size = file.stat().st_size
        except OSError as exc:
            self._show_verification(None, _tr("无法读取文件“{0}”：{1}").format(file.name, os_reason(exc)))
            return False
        if size > MAX_VERIFY_BYTES:
            self._show_verification(None, _tr("文件“{0}”太大，不是本公司开具的证明文件。").format(file.name))
            return False
        ctx = self.session.ctx
        self.verify_button.setEnabled(False)

        def work():
            return issuing.verify(ctx, file.read_bytes())

        def done(result: Verification):
            self.verify_button.setEnabled(True)
            self._show_verification(result, _tr("{0}：{1}").format(file.name, result.message))
            self.verified.emit(result)

        def failed(exc):
            self.verify_button.setEnabled(True)
            text = os_reason(exc) if isinstance(exc, OSError) else messages.user_message(exc)
            self._show_verification(None, _tr("无法核验“{0}”：{1}").format(file.name, text))

        self.session.runner.submit(work, done, failed, owner=self)
        return True

    def _show_verification(self, result: Verification | None, text: str) -> None:
        self.verify_result.show_result(result, text)
        if result is not None and result.number:
            self.select_number(result.number)

    # --- batch and calculators ----------------------------------------------------------------------

    def open_batch_dialog(self) -> BatchCertificatesDialog:
        dialog = BatchCertificatesDialog(self.session, self)
        self.batch_dialog = dialog
        dialog.open()
        return dialog

    def open_compensation_calculator(self):
        from hrdesk.ui.separation.compensation_calculator_dialog import CompensationCalculatorDialog

        self.calculator = CompensationCalculatorDialog(self.session.ctx, self)
        self.calculator.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.calculator.open()
        return self.calculator

    def open_leave_calculator(self):
        from hrdesk.ui.separation.leave_calculator_dialog import LeaveCalculatorDialog

        self.calculator = LeaveCalculatorDialog(self.session.ctx, self)
        self.calculator.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.calculator.open()
        return self.calculator

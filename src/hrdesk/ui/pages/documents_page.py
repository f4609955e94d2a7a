"""证明文件: every 离职证明, 在职证明 and 离职结算单 the company issued, with 补打 (the same PDF, byte for
byte), 开具在职证明, 核验文件 (is a PDF someone shows us ours and unaltered?), 批量开具离职证明 and the
two calculators.

The core (hrdesk.core.services.documents) numbers, records, audits and renders; this page only
calls it in the background and shows the result in the PDF preview.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.errors import HRDeskError, ValidationError
from hrdesk.core.services import documents, employees
from hrdesk.core.services.documents import BatchResult, DocumentRecord, Verification, kind_label
from hrdesk.ui import messages
from hrdesk.ui.models.rows_model import Row, RowsModel, setup_table
from hrdesk.ui.runner import Reloader
from hrdesk.ui.session import AppSession
from hrdesk.ui.styles import ERROR_STYLE, GREY, HINT_STYLE, NOTICE_STYLE
from hrdesk.ui.widgets.employee_lookup import EmployeeLookup

MAX_VERIFY_BYTES = 50 * 1024 * 1024
RESULT_STYLES = {
    "valid": "QLabel { background: #e6f4ea; color: #137333; border: 1px solid #a8dab5; border-radius: 4px;"
             " padding: 8px 12px; }",
    "altered": "QLabel { background: #fce8e6; color: #b3261e; border: 1px solid #f4b5ae; border-radius: 4px;"
               " padding: 8px 12px; font-weight: bold; }",
    "unknown": "QLabel { background: #fef7e0; color: #7a4f01; border: 1px solid #fdd663; border-radius: 4px;"
               " padding: 8px 12px; }",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentsPage", text)


def os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return _tr("文件不存在")
    if isinstance(exc, PermissionError):
        return _tr("没有读取权限")
    if isinstance(exc, IsADirectoryError):
        return _tr("这是一个文件夹")
    return _tr("读取失败（{0}）").format(exc.strerror or exc)


def _button(text: str, name: str, slot) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(lambda *_: slot())
    return button


def _date_edit(name: str, value: date) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.setDate(QDate(value.year, value.month, value.day))
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("0000-00-00") + 48)
    return edit


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
        self.batch_dialog: BatchDialog | None = None
        self.employment_dialog: EmploymentCertificateDialog | None = None
        self.calculator = None
        self._busy = False
        self.loader = Reloader(session.runner, self, self._prepare_load, self._loaded, self._load_failed)

        self.employment_button = _button(_tr("开具在职证明…"), "issue_employment", self.open_employment_dialog)
        self.reissue_button = _button(_tr("补打"), "reissue", self.reissue_current)
        self.reissue_button.setToolTip(_tr("按原编号重新生成，与原件逐字节一致"))
        self.verify_button = _button(_tr("核验文件…"), "verify", self.choose_verify_file)
        self.verify_button.setToolTip(_tr("核验他人出示的 PDF 是否为本公司开具且未被改动"))
        self.batch_button = _button(_tr("批量开具离职证明…"), "batch", self.open_batch_dialog)
        self.compensation_button = _button(_tr("离职补偿计算器"), "compensation_calculator",
                                           self.open_compensation_calculator)
        self.leave_button = _button(_tr("年休假折算"), "leave_calculator", self.open_leave_calculator)
        self.refresh_button = _button(_tr("刷新"), "refresh", self.reload)
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
        for kind in (documents.SEPARATION, documents.EMPLOYMENT, documents.STATEMENT):
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

        self.model = RowsModel([_tr("编号"), _tr("类型"), _tr("员工"), _tr("开具时间"), _tr("开具人"), _tr("SHA-256")],
                               self)
        self.table = QTableView()
        self.table.setObjectName("documents_table")
        metrics = self.fontMetrics()
        setup_table(self.table, self.model, [metrics.horizontalAdvance("LZ-2026-00000") + 24, 100, 120, 140, 110, 160],
                    stretch=5)
        self.table.doubleClicked.connect(lambda *_: self.reissue_current())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        self.verify_result = QLabel()
        self.verify_result.setObjectName("verify_result")
        self.verify_result.setWordWrap(True)
        self.verify_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verify_result.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        hint = QLabel(_tr("每份证明文件都有编号，并记录开具时的内容和 SHA-256 指纹：补打的文件与原件完全一致；"
                          "他人出示的 PDF 可用“核验文件”确认是否为本公司开具、是否被改动。双击一行可预览并补打。"))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)

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
        return lambda: documents.issued(ctx)

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
            rows.append(Row((r.number, kind_label(r.kind), r.employee_name, f"{r.issued_at:%Y-%m-%d %H:%M}",
                             r.issued_by, r.sha256[:16] + "…"), key=r.number,
                            tooltips={5: r.sha256}, colors={5: GREY}))
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
        from hrdesk.ui.dialogs.pdf_preview_dialog import open_preview

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

        self.session.runner.submit(lambda: documents.reissue(ctx, number), done, failed, owner=self)
        return True

    # --- 在职证明 -------------------------------------------------------------------------------------

    def open_employment_dialog(self) -> "EmploymentCertificateDialog":
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
            return documents.verify(ctx, file.read_bytes())

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
        status = result.status if result is not None else "unknown"
        mark = {"valid": "✓ ", "altered": "✗ ", "unknown": "? "}[status]
        self.verify_result.setStyleSheet(RESULT_STYLES[status])
        self.verify_result.setText(mark + text)
        self.verify_result.setVisible(True)
        if result is not None and result.number:
            self.select_number(result.number)

    # --- batch and calculators ----------------------------------------------------------------------

    def open_batch_dialog(self) -> "BatchDialog":
        dialog = BatchDialog(self.session, self)
        self.batch_dialog = dialog
        dialog.open()
        return dialog

    def open_compensation_calculator(self):
        from hrdesk.ui.dialogs.compensation_calculator_dialog import CompensationCalculatorDialog

        self.calculator = CompensationCalculatorDialog(self.session.ctx, self)
        self.calculator.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.calculator.open()
        return self.calculator

    def open_leave_calculator(self):
        from hrdesk.ui.dialogs.leave_calculator_dialog import LeaveCalculatorDialog

        self.calculator = LeaveCalculatorDialog(self.session.ctx, self)
        self.calculator.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.calculator.open()
        return self.calculator


# --- 开具在职证明 ---------------------------------------------------------------------------------------


class EmploymentCertificateDialog(QDialog):
    issued = Signal(object)  # IssuedDoc

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.setObjectName("employment_certificate_dialog")
        self.setWindowTitle(_tr("开具在职证明"))
        self.session = session
        self.busy = False
        self.employee = QLineEdit()
        self.employee.setObjectName("employee")
        self.employee.setPlaceholderText(_tr("输入工号或姓名选择员工"))
        self.lookup = EmployeeLookup(self.employee, lambda text: employees.search(session.ctx, text), self)
        self.lookup.selection_changed.connect(self._employee_chosen)
        self.purpose = QLineEdit()
        self.purpose.setObjectName("purpose")
        self.purpose.setMaxLength(60)
        self.purpose.setPlaceholderText(_tr("选填，如：办理签证、申请贷款"))
        self.include_salary = QCheckBox(_tr("写明月薪（基本工资）"))
        self.include_salary.setObjectName("include_salary")
        self.include_salary.setToolTip(_tr("只在员工需要时勾选；工资属于个人敏感信息"))
        self.errors = {key: self._error(key) for key in ("employee", "purpose")}
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.setVisible(False)

        grid = QGridLayout()
        grid.setVerticalSpacing(2)
        grid.addWidget(QLabel(_tr("员工 *")), 0, 0)
        grid.addWidget(self.employee, 0, 1)
        grid.addWidget(self.errors["employee"], 1, 1)
        grid.addWidget(QLabel(_tr("用途")), 2, 0)
        grid.addWidget(self.purpose, 2, 1)
        grid.addWidget(self.errors["purpose"], 3, 1)
        grid.addWidget(self.include_salary, 4, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(1, 340)

        self.issue_button = QPushButton(_tr("开具并预览"))
        self.issue_button.setObjectName("issue")
        self.issue_button.setDefault(True)
        self.issue_button.clicked.connect(self.submit)
        cancel = QPushButton(_tr("取消"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.issue_button)
        buttons.addWidget(cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.resize(520, 220)

    @staticmethod
    def _error(key: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"{key}_error")
        label.setStyleSheet(ERROR_STYLE)
        label.setVisible(False)
        return label

    def select_employee(self, employee_id: int, label: str) -> None:
        self.lookup.set_selected(employee_id, label)
        self._employee_chosen(employee_id)

    def _employee_chosen(self, employee_id) -> None:
        if employee_id is not None:
            self._show_errors({})

    def current_errors(self) -> dict[str, str]:
        errors = {k: v.text() for k, v in self.errors.items() if not v.isHidden() and v.text()}
        if not self.banner.isHidden() and self.banner.text():
            errors["banner"] = self.banner.text()
        return errors

    def _show_errors(self, errors: dict[str, str]) -> None:
        leftovers = messages.show_field_errors(self.errors, errors)
        self.banner.setText("；".join(leftovers))
        self.banner.setVisible(bool(leftovers))

    def submit(self) -> bool:
        if self.busy:
            return False
        employee_id = self.lookup.selected_id
        if employee_id is None or self.lookup.text_is_unresolved():
            self._show_errors({"employee": _tr("请从下拉列表中选择员工")})
            self.employee.setFocus()
            return False
        self._show_errors({})
        self.busy = True
        self.issue_button.setEnabled(False)
        ctx, purpose, salary = self.session.ctx, self.purpose.text(), self.include_salary.isChecked()

        def done(doc):
            self.busy = False
            self.issue_button.setEnabled(True)
            self.accept()
            self.issued.emit(doc)

        def failed(exc):
            self.busy = False
            self.issue_button.setEnabled(True)
            if isinstance(exc, ValidationError):
                self._show_errors(exc.errors)
            elif isinstance(exc, HRDeskError):
                self._show_errors({"employee": str(exc)})
            else:
                messages.show_error(self, exc)

        self.session.runner.submit(
            lambda: documents.employment_certificate(ctx, employee_id, purpose=purpose, include_salary=salary),
            done, failed, owner=self)
        return True


# --- 批量开具离职证明 -------------------------------------------------------------------------------------


class BatchDialog(QDialog):
    """Dates and a folder; the batch runs in the background with a progress bar and can be cancelled
    (what is written stays written). Progress reaches the GUI thread through a signal."""

    progress = Signal(int, int)  # done, total (emitted from the worker thread)
    finished_batch = Signal(object)  # BatchResult

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.setObjectName("batch_dialog")
        self.setWindowTitle(_tr("批量开具离职证明"))
        self.session = session
        self.running = False
        self.result: BatchResult | None = None
        self._cancel = threading.Event()
        today = session.ctx.clock.today()
        first = date(today.year, today.month, 1)
        previous = date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1)
        self.date_from = _date_edit("date_from", previous)
        self.date_to = _date_edit("date_to", today)
        self.folder = QLineEdit()
        self.folder.setObjectName("folder")
        self.folder.setPlaceholderText(_tr("选择保存证明文件的文件夹"))
        self.folder.setText(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        self.browse = _button(_tr("选择…"), "browse", self.choose_folder)
        self.count = QLabel()
        self.count.setObjectName("count")
        self.count.setStyleSheet(HINT_STYLE)
        self.errors = {key: self._error(key) for key in ("date_to", "folder")}

        grid = QGridLayout()
        grid.setVerticalSpacing(2)
        grid.addWidget(QLabel(_tr("最后工作日")), 0, 0)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(_tr("至")))
        dates.addWidget(self.date_to)
        dates.addWidget(self.count, 1)
        grid.addLayout(dates, 0, 1, 1, 2)
        grid.addWidget(self.errors["date_to"], 1, 1, 1, 2)
        grid.addWidget(QLabel(_tr("保存到")), 2, 0)
        grid.addWidget(self.folder, 2, 1)
        grid.addWidget(self.browse, 2, 2)
        grid.addWidget(self.errors["folder"], 3, 1, 1, 2)
        grid.setColumnStretch(1, 1)

        self.bar = QProgressBar()
        self.bar.setObjectName("progress")
        self.bar.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        hint = QLabel(_tr("为该期间内已办结离职的每位员工开具一份离职证明（每人一个 PDF 文件）。"
                          "同一天对同一人重复开具时沿用原编号，不会重复编号。"))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)

        self.start_button = _button(_tr("开始开具"), "start", self.start)
        self.start_button.setDefault(True)
        self.cancel_button = _button(_tr("取消开具"), "cancel", self.cancel)
        self.cancel_button.setVisible(False)
        self.open_folder_button = _button(_tr("打开文件夹"), "open_folder", self.open_folder)
        self.open_folder_button.setVisible(False)
        self.close_button = _button(_tr("关闭"), "close", self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(hint)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.resize(600, 280)

        self.progress.connect(self._on_progress)
        self.date_from.dateChanged.connect(lambda *_: self.count_people())
        self.date_to.dateChanged.connect(lambda *_: self.count_people())
        self.count_people()

    @staticmethod
    def _error(key: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"{key}_error")
        label.setStyleSheet(ERROR_STYLE)
        label.setVisible(False)
        return label

    def period(self) -> tuple[date, date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()

    def set_period(self, date_from: date, date_to: date) -> None:
        self.date_from.setDate(QDate(date_from.year, date_from.month, date_from.day))
        self.date_to.setDate(QDate(date_to.year, date_to.month, date_to.day))

    def count_people(self) -> None:
        date_from, date_to = self.period()
        if date_to < date_from:
            self.count.setText("")
            return
        ctx = self.session.ctx

        def done(ids):
            if self.period() == (date_from, date_to):
                self.count.setText(_tr("该期间已离职 {0} 人").format(len(ids)))

        self.session.runner.submit(lambda: documents.separated_between(ctx, date_from, date_to), done,
                                   lambda exc: self.count.setText(""), owner=self)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _tr("选择保存离职证明的文件夹"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def start(self) -> bool:
        if self.running:
            return False
        date_from, date_to = self.period()
        folder = self.folder.text().strip()
        errors = {}
        if date_to < date_from:
            errors["date_to"] = _tr("结束日期不能早于开始日期")
        if not folder:
            errors["folder"] = _tr("请选择保存的文件夹")
        elif not Path(folder).is_dir():
            errors["folder"] = _tr("文件夹不存在")
        messages.show_field_errors(self.errors, errors)
        if errors:
            return False
        self.running = True
        self.result = None
        self._cancel.clear()
        self._set_running(True)
        self.bar.setRange(0, 0)  # until the first certificate says how many there are
        self.status.setStyleSheet(HINT_STYLE)
        self.status.setText(_tr("正在开具…"))
        ctx, cancelled, emit = self.session.ctx, self._cancel.is_set, self.progress.emit

        def work():
            return documents.batch_separation_certificates(ctx, date_from, date_to, folder, progress=emit,
                                                           cancelled=cancelled)

        self.session.runner.submit(work, self._done, self._failed, owner=self)
        return True

    def cancel(self) -> None:
        """Stop after the certificate being written (the worker reads the flag between certificates)."""
        if self.running:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.status.setText(_tr("正在取消…（当前这一份写完后停止）"))

    def _on_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        if not self._cancel.is_set():
            self.status.setText(_tr("已开具 {0} / {1} 份…").format(done, total))

    def _done(self, result: BatchResult) -> None:
        self.running = False
        self.result = result
        self._set_running(False)
        written = len(result.written)
        self.bar.setRange(0, max(1, result.total))
        self.bar.setValue(written)
        if result.cancelled:
            self.status.setStyleSheet("color: #b06000;")
            self.status.setText(_tr("已取消：开具了 {0} / {1} 份，已保存的文件保留在文件夹中。").format(
                written, result.total))
        elif result.total == 0:
            self.status.setStyleSheet(HINT_STYLE)
            self.status.setText(_tr("该期间没有已办结离职的员工，未开具任何证明。"))
        else:
            self.status.setStyleSheet(NOTICE_STYLE)
            self.status.setText(_tr("已开具 {0} 份离职证明，保存在 {1}").format(written, self.folder.text()))
        self.open_folder_button.setVisible(written > 0)
        self.finished_batch.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self._set_running(False)
        self.bar.setVisible(False)
        if isinstance(exc, ValidationError):
            leftovers = messages.show_field_errors(self.errors, exc.errors)
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText("；".join(leftovers))
            return
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(_tr("开具中断：{0}（已写好的文件保留）").format(messages.user_message(exc)))

    def _set_running(self, running: bool) -> None:
        self.bar.setVisible(True if running else self.bar.isVisible())
        self.start_button.setVisible(not running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)
        for widget in (self.date_from, self.date_to, self.folder, self.browse):
            widget.setEnabled(not running)

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text()))

    def reject(self) -> None:
        if self.running:  # closing cancels; the dialog closes when the worker has stopped
            self.cancel()
            return
        super().reject()

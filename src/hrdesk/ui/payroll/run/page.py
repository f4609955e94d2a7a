"""工资核算: a month's payroll for HR and finance.

HR calculates (or recalculates) the month, finance approves it and confirms the payment, which
locks the month. The page shows the run's status and who did what when, a clear warning when the
inputs changed after the calculation, every employee's figures with department subtotals and a
totals row pinned below the table, and for the selected person how each figure was reached. That
panel stays closed (the sheet takes the whole width) until a person is chosen, and closes again with
its ✕ or Esc (issue 11: at 1280×800 an empty panel left room for 7 of the 14 columns).

All reading and every state change run in the background (hrdesk.core.payroll.runs); the services
check permissions and states again, the buttons only follow them.

This module holds the page: the month, the actions and how the parts fit together; the parts live
in hrdesk.ui.payroll.run.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.kernel.permissions import Permission
from hrdesk.core.payroll import runs
from hrdesk.core.payroll.rules.report import RunHeader, RunStatus
from hrdesk.ui.common.messages import show_error
from hrdesk.ui.common.runner import Reloader
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.payroll.payroll_model import build_entries, department_paths
from hrdesk.ui.payroll.payslip_detail import PayslipDetail
from hrdesk.ui.payroll.run.export_menu import ExportButton, ask_export_path, export_file_path, export_labels
from hrdesk.ui.payroll.run.payroll_sheet import PayrollSheet
from hrdesk.ui.payroll.run.sheet_filters import SheetFilters
from hrdesk.ui.payroll.run.status_banner import RunNotice, StaleBanner, StatusBanner, run_status_text
from hrdesk.ui.payroll.run.texts import month_text, tr

DETAIL_WIDTH = 420  # the detail panel when first opened
DETAIL_MIN_WIDTH = 320  # narrower, the explanations wrap word by word; dragged below, it closes
SHEET_MIN_WIDTH = 360  # the sheet beside an open panel: 工号, 姓名, 部门 and a figure or two


class PayrollPage(QWidget):
    loaded = Signal()  # a month's status and rows reached the page
    calculated = Signal(object)  # RunSummary
    approved = Signal(object)  # RunSummary
    paid = Signal(object)  # RunSummary
    exported = Signal(str)  # path

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("payroll_page")
        actor = session.actor
        self.can_calculate = actor.can_all(Permission.PAYROLL_CALCULATE)
        self.can_approve = actor.can_all(Permission.PAYROLL_APPROVE)
        self.header: RunHeader | None = None
        self.summary: runs.RunSummary | None = None
        self.payroll_rows: dict[int, object] = {}  # employee_id -> PayrollRow of the shown month
        self.shown_month: date | None = None
        self.last_warnings: tuple[str, ...] = ()
        self._busy_action: str | None = None  # what runs in the background besides loading
        self.sheet = PayrollSheet()
        self.model, self.totals_model = self.sheet.model, self.sheet.totals_model
        self.table, self.footer = self.sheet.table, self.sheet.footer
        self.loader = Reloader(session.runner, self, self._prepare_load, self._loaded, self._load_failed)

        # --- month and actions ---
        today = session.ctx.clock.today()
        self.month_edit = QDateEdit()
        self.month_edit.setObjectName("month")
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setCalendarPopup(False)
        self.month_edit.setDateRange(QDate(2000, 1, 1), QDate(2099, 12, 1))
        self.month_edit.setDate(QDate(today.year, today.month, 1))
        self.month_edit.setMinimumWidth(self.month_edit.fontMetrics().horizontalAdvance("0000-00") + 48)
        self.month_edit.dateChanged.connect(lambda *_: self._month_changed())
        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(tr("上个月"))
        self.prev_button.clicked.connect(lambda: self.step_month(-1))
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(tr("下个月"))
        self.next_button.clicked.connect(lambda: self.step_month(1))

        self.calculate_button = QPushButton(tr("计算工资"))
        self.calculate_button.setObjectName("calculate")
        self.calculate_button.clicked.connect(self.calculate)
        self.calculate_button.setVisible(self.can_calculate)
        self.approve_button = QPushButton(tr("审核通过"))
        self.approve_button.setObjectName("approve")
        self.approve_button.clicked.connect(self.approve)
        self.approve_button.setVisible(self.can_approve)
        self.pay_button = QPushButton(tr("确认发放"))
        self.pay_button.setObjectName("mark_paid")
        self.pay_button.clicked.connect(self.mark_paid)
        self.pay_button.setVisible(self.can_approve)
        self.export_button = ExportButton()
        self.export_button.export_requested.connect(self.export)
        self.export_menu, self.export_actions = self.export_button.export_menu, self.export_button.export_actions
        self.calculator_button = QPushButton(tr("个税计算器"))
        self.calculator_button.setObjectName("tax_calculator")
        self.calculator_button.clicked.connect(self.open_tax_calculator)
        self.refresh_button = QPushButton(tr("刷新"))
        self.refresh_button.setObjectName("refresh")
        self.refresh_button.clicked.connect(self.reload)

        toolbar = QHBoxLayout()
        toolbar.addWidget(QLabel(tr("工资月份")))
        toolbar.addWidget(self.prev_button)
        toolbar.addWidget(self.month_edit)
        toolbar.addWidget(self.next_button)
        toolbar.addSpacing(12)
        toolbar.addWidget(self.calculate_button)
        toolbar.addWidget(self.approve_button)
        toolbar.addWidget(self.pay_button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.refresh_button)
        toolbar.addWidget(self.export_button)
        toolbar.addWidget(self.calculator_button)

        # --- status (its labels are reached through the page too) ---
        self.banner = StatusBanner()
        self.status_badge, self.status_text = self.banner.status_badge, self.banner.status_text
        self.busy, self.busy_label = self.banner.busy, self.banner.busy_label
        self.stale_banner = StaleBanner()
        self.notice = RunNotice()

        # --- filters (their widgets are reached through the page too) ---
        self.filters = SheetFilters(self.model, self)
        self.filters.changed.connect(self._filter_changed)
        self.search, self.department_filter = self.filters.search, self.filters.department_filter
        self.count_label = self.filters.count_label

        # --- sheet and detail (closed until a person is chosen) ---
        self._keeping_selection = False  # a reload or filter selects the same person again
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._row_chosen(current.row()))
        # a click on the current row after closing the panel opens it again (no row change then)
        self.table.clicked.connect(lambda index: self.detail_open() or self._row_chosen(index.row()))
        self.detail = PayslipDetail(closable=True)
        self.detail.setMinimumWidth(DETAIL_MIN_WIDTH)
        self.detail.close_requested.connect(self.close_detail)
        self.detail_width = DETAIL_WIDTH  # what the panel opens with; follows the user's dragging
        self.splitter = QSplitter()
        self.splitter.addWidget(self.sheet)
        self.splitter.addWidget(self.detail)
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, True)  # dragged below its minimum, the panel closes
        self.splitter.setStretchFactor(0, 1)  # a wider window widens the sheet, the detail keeps its width
        self.splitter.setStretchFactor(1, 0)
        self.detail.hide()
        self.splitter.splitterMoved.connect(lambda *_: self._detail_dragged())
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_detail)

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.banner)
        layout.addWidget(self.stale_banner)
        layout.addWidget(self.notice)
        layout.addLayout(self.filters.row)
        layout.addWidget(self.splitter, 1)

        session.signals.changed.connect(self._on_changes)
        self._show_status()
        self.reload()

    # --- month --------------------------------------------------------------------------------

    def month(self) -> date:
        value = self.month_edit.date()
        return date(value.year(), value.month(), 1)

    def set_month(self, month: date) -> None:
        self.month_edit.setDate(QDate(month.year, month.month, 1))

    def step_month(self, months: int) -> None:
        self.month_edit.setDate(self.month_edit.date().addMonths(months))

    def _month_changed(self) -> None:
        if self.month() == self.shown_month:
            return
        self.shown_month = None
        self.last_warnings = ()
        self.notice.setVisible(False)
        # never act on one month with another month's status: forget it until the new one is loaded
        self.header = self.summary = None
        self.payroll_rows = {}
        self.model.clear()
        self._show_detail(-1)
        self._show_status()
        self.reload()

    # --- loading ------------------------------------------------------------------------------

    def _on_changes(self, changes) -> None:
        # anything a calculation reads can make the month stale
        if self.session.signals.touches(
            changes, "payroll_run", "payroll_input", "employee", "department", "policy", "pay_item_type"
        ):
            self.reload()

    def reload(self) -> None:
        self.loader.reload()
        self._update_busy()

    def _prepare_load(self):
        ctx = self.session.ctx
        month = self.month()

        def work():
            summary = runs.summary(ctx, month, check_stale=False)
            if summary is None:
                return month, None, None, [], {}
            header = runs.header(ctx, month)  # checks whether the inputs changed since
            rows = runs.rows(ctx, month)
            return month, summary, header, build_entries(rows), {r.employee_id: r for r in rows}

        return work

    def _loaded(self, result) -> None:
        month, summary, header, entries, rows = result
        self._update_busy()
        if month != self.month():
            return  # the user picked another month meanwhile; its load follows
        selected = self.current_employee_id()
        if month != self.shown_month:
            selected = None
        self.shown_month = month
        self.summary, self.header, self.payroll_rows = summary, header, rows
        self.filters.set_departments(department_paths(entries))
        self.model.set_entries(entries)
        self.sheet.fit_columns()
        self._show_status()
        self._keep_selection(selected)
        self.loaded.emit()

    def _load_failed(self, exc: BaseException) -> None:
        self._update_busy()
        self.status_text.setText(tr("加载失败"))
        show_error(self, exc)

    # --- status and buttons -------------------------------------------------------------------

    def status(self) -> RunStatus | None:
        return self.header.status if self.header is not None else None

    def stale(self) -> bool:
        return bool(self.header and self.header.stale)

    def _show_status(self) -> None:
        month = self.month()
        loaded = self.shown_month == month
        self.banner.show_status(
            self.status(),
            loaded,
            run_status_text(month, loaded, self.header, self.summary, self.can_calculate, self.can_approve),
        )
        self.stale_banner.show_stale(self.stale(), self.can_calculate)
        if self.last_warnings:
            self.notice.show_warnings(self.last_warnings)
        self._update_buttons()

    def _update_buttons(self) -> None:
        status, stale = self.status(), self.stale()
        working = self._busy_action is not None or self.shown_month != self.month()
        calculated_before = status in (RunStatus.CALCULATED, RunStatus.APPROVED, RunStatus.PAID)
        self.calculate_button.setText(tr("重新计算") if calculated_before else tr("计算工资"))
        self.calculate_button.setEnabled(not working and status is not RunStatus.PAID)
        self.calculate_button.setToolTip(
            tr("已发放的月份已锁定，不能重新计算")
            if status is RunStatus.PAID
            else tr("按当前员工档案、工资录入和政策计算本月全部员工的工资")
        )
        self.approve_button.setEnabled(not working and status is RunStatus.CALCULATED and not stale)
        if status is RunStatus.CALCULATED and stale:
            self.approve_button.setToolTip(tr("计算后数据有变更，需人事重新计算后才能审核"))
        else:
            self.approve_button.setToolTip(tr("核对无误后审核本月工资（仅“已计算”的月份）"))
        self.pay_button.setEnabled(not working and status is RunStatus.APPROVED and not stale)
        self.pay_button.setToolTip(tr("银行代发完成后确认；确认后本月工资锁定，不能再修改"))
        self.export_button.setEnabled(not working and self.header is not None and self.header.month == self.month())

    def _update_busy(self) -> None:
        busy = self.loader.loading or self._busy_action is not None
        self.banner.show_busy(busy, self._busy_action or (tr("正在加载…") if self.loader.loading else ""))

    def _set_busy_action(self, text: str | None) -> None:
        self._busy_action = text
        self._update_busy()
        self._update_buttons()

    # --- table --------------------------------------------------------------------------------

    def _filter_changed(self) -> None:
        selected = self.current_employee_id()
        self.filters.apply()
        self._keep_selection(selected)

    def _keep_selection(self, employee_id: int | None) -> None:
        """The same person selected again after a reload or a filter, the panel left open or closed
        as it was; no one (they are gone or were not chosen) closes it."""
        self._keeping_selection = True
        try:
            found = employee_id is not None and self.select_employee(employee_id)
        finally:
            self._keeping_selection = False
        if not found:
            self._show_detail(-1)

    def current_employee_id(self) -> int | None:
        return self.sheet.current_employee_id()

    def select_employee(self, employee_id: int) -> bool:
        """Choose the person (the detail panel opens); False when they are not in the sheet."""
        before = self.table.currentIndex().row()
        row = self.sheet.select_row_of(employee_id)  # a new current row is shown through the signal
        if row < 0:
            return False
        if row == before:
            self._row_chosen(row)
        return True

    def _row_chosen(self, row: int) -> None:
        self._show_detail(row, open_panel=not self._keeping_selection)

    # --- the detail panel ---------------------------------------------------------------------

    def detail_open(self) -> bool:
        return not self.detail.isHidden() and self.splitter.sizes()[1] > 0

    def open_detail(self) -> None:
        if self.detail_open():
            return
        total = sum(self.splitter.sizes())
        width = min(self.detail_width, max(total - SHEET_MIN_WIDTH, DETAIL_MIN_WIDTH))
        self.detail.show()
        self.splitter.setSizes([max(total - width, 1), width])

    def close_detail(self) -> None:
        """The sheet takes the whole width; choosing a person opens the panel again."""
        if self.detail.isHidden():
            return
        width = self.splitter.sizes()[1]
        if width > 0:
            self.detail_width = width
        self.detail.hide()

    def _detail_dragged(self) -> None:
        width = self.splitter.sizes()[1]
        if width > 0:
            self.detail_width = width
        else:
            self.detail.hide()  # dragged shut: closed like with its ✕

    def _show_detail(self, row: int, open_panel: bool = False) -> None:
        """What the panel shows for a row: a person's payslip (opening the panel if asked), a hint
        for a subtotal row, and with no row chosen it closes."""
        employee_id = self.model.employee_id(row) if row >= 0 else None
        found = self.payroll_rows.get(employee_id) if employee_id is not None else None
        if found is None:
            if self.header is None:
                self.detail.show_message(tr("本月还没有计算结果"))
            else:
                self.detail.show_message(tr("选择一名员工，查看每一项金额的计算过程"))
            if row < 0:
                self.close_detail()
            return
        subtitle = " · ".join(
            part
            for part in (
                found.department,
                found.project_department and tr("项目：{0}").format(found.project_department),
                found.city and tr("社保城市：{0}").format(found.city),
            )
            if part
        )
        self.detail.show_payslip(
            found.payslip, f"{found.emp_no} {found.name} · {month_text(self.shown_month)}", subtitle
        )
        if open_panel:
            self.open_detail()

    # --- actions ------------------------------------------------------------------------------

    def calculate(self) -> None:
        if self._busy_action is not None:
            return
        month = self.month()
        if self.status() is RunStatus.APPROVED:
            answer = QMessageBox.question(
                self,
                tr("重新计算"),
                tr("{0}的工资已经审核。重新计算后需要财务重新审核，确定重新计算吗？").format(month_text(month)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        ctx = self.session.ctx
        self.notice.setVisible(False)

        def done(summary):
            self.last_warnings = summary.warnings
            self._set_busy_action(None)
            self.calculated.emit(summary)
            self.reload()

        self._run(tr("正在计算{0}的工资…").format(month_text(month)), lambda: runs.calculate_month(ctx, month), done)

    def approve(self) -> None:
        if self._busy_action is not None:
            return
        month, ctx = self.month(), self.session.ctx

        def done(summary):
            self._set_busy_action(None)
            self.notice.say(tr("已审核通过{0}的工资。").format(month_text(month)))
            self.approved.emit(summary)
            self.reload()

        self._run(tr("正在审核…"), lambda: runs.approve(ctx, month), done)

    def mark_paid(self) -> None:
        if self._busy_action is not None:
            return
        month, ctx = self.month(), self.session.ctx
        total = f"{self.summary.total_net:,.2f}" if self.summary else ""
        count = self.summary.employee_count if self.summary else 0
        answer = QMessageBox.question(
            self,
            tr("确认发放"),
            tr(
                "确认{0}的工资已发放（共 {1} 人，实发合计 {2} 元）？\n\n确认后本月工资将锁定：不能再重新计算，"
                "本月的工资录入也不能再修改；如需更正，请在下月录入调整项目。员工此后可以在“我的工资条”中查看本月工资条。"
            ).format(month_text(month), count, total),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def done(summary):
            self._set_busy_action(None)
            self.notice.say(tr("已确认{0}的工资发放，本月已锁定。").format(month_text(month)))
            self.paid.emit(summary)
            self.reload()

        self._run(tr("正在确认发放…"), lambda: runs.mark_paid(ctx, month), done)

    def _run(self, busy_text: str, work, done) -> None:
        self._set_busy_action(busy_text)

        def failed(exc):
            self._set_busy_action(None)
            show_error(self, exc)
            self.reload()

        self.session.runner.submit(work, done, failed, owner=self)

    # --- export and calculator ----------------------------------------------------------------

    def export(self, kind: str) -> None:
        path = ask_export_path(self, self.month(), kind)
        if path:
            self.export_to(kind, path)

    def export_to(self, kind: str, path: str) -> None:
        from hrdesk.core.payroll import exports

        path = export_file_path(kind, path)
        month, ctx = self.month(), self.session.ctx
        label = export_labels()[kind]

        def done(_result):
            self._set_busy_action(None)
            self.notice.say(tr("已导出{0}{1}到 {2}").format(month_text(month), label, path))
            self.exported.emit(path)

        self._run(tr("正在导出{0}…").format(label), lambda: exports.export(ctx, month, kind, path), done)

    def open_tax_calculator(self):
        from hrdesk.ui.payroll.tax_calculator_dialog import TaxCalculatorDialog

        dialog = TaxCalculatorDialog(self.session.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

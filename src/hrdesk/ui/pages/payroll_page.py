"""工资核算: a month's payroll for HR and finance.

HR calculates (or recalculates) the month, finance approves it and confirms the payment, which
locks the month. The page shows the run's status and who did what when, a clear warning when the
inputs changed after the calculation, every employee's figures with department subtotals and a
totals row pinned below the table, and for the selected person how each figure was reached.

All reading and every state change run in the background (core.services.payroll); the services
check permissions and states again, the buttons only follow them.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.domain.payroll.report import RunHeader, RunStatus
from hrdesk.core.permissions import Permission
from hrdesk.core.services import payroll
from hrdesk.ui.messages import show_error
from hrdesk.ui.models.payroll_model import (
    COLUMN_COUNT,
    DEPARTMENT,
    EMP_NO,
    NAME,
    PAID_DAYS,
    PayrollModel,
    TotalsModel,
    build_entries,
    department_paths,
)
from hrdesk.ui.models.rows_model import setup_table
from hrdesk.ui.runner import Reloader
from hrdesk.ui.session import AppSession
from hrdesk.ui.styles import ROW_HEIGHT
from hrdesk.ui.widgets.payslip_detail import PayslipDetail

BANNER_STYLES = {
    None: ("#f1f3f4", "#3c4043", "#dadce0", "#80868b"),
    RunStatus.DRAFT: ("#f1f3f4", "#3c4043", "#dadce0", "#80868b"),
    RunStatus.CALCULATED: ("#e8f0fe", "#174ea6", "#aecbfa", "#1a56c4"),
    RunStatus.APPROVED: ("#fef7e0", "#7a4f01", "#fdd663", "#b06000"),
    RunStatus.PAID: ("#e6f4ea", "#137333", "#a8dab5", "#137333"),
}
STALE_STYLE = ("QLabel { background: #fce8e6; color: #b3261e; border: 1px solid #f4b5ae; border-radius: 4px;"
               " padding: 8px 12px; font-weight: bold; }")
NOTICE_STYLE = "QLabel { color: #137333; }"
ERROR_TEXT_STYLE = "QLabel { color: #b3261e; }"

EXPORT_KINDS = ("sheet", "payslips", "bank", "iit", "insurance", "cost")


def _tr(text: str) -> str:
    return QCoreApplication.translate("PayrollPage", text)


def month_text(month: date) -> str:
    return f"{month.year}年{month.month:02d}月"


def export_labels() -> dict[str, str]:
    return {"sheet": _tr("工资表"), "payslips": _tr("工资条"), "bank": _tr("银行代发文件"),
            "iit": _tr("个税扣缴申报表"), "insurance": _tr("社保公积金明细"), "cost": _tr("人工成本汇总")}


def default_export_name(month: date, kind: str) -> str:
    """E.g. 2026年03月工资表.xlsx."""
    return f"{month_text(month)}{export_labels()[kind]}.xlsx"


def _when(moment) -> str:
    return f"{moment:%Y-%m-%d %H:%M}" if moment else ""


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
        self.summary: payroll.RunSummary | None = None
        self.payroll_rows: dict[int, object] = {}  # employee_id -> PayrollRow of the shown month
        self.shown_month: date | None = None
        self.last_warnings: tuple[str, ...] = ()
        self._busy_action: str | None = None  # what runs in the background besides loading
        self.model = PayrollModel(self)
        self.totals_model = TotalsModel(self)
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
        self.prev_button.setToolTip(_tr("上个月"))
        self.prev_button.clicked.connect(lambda: self.step_month(-1))
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(_tr("下个月"))
        self.next_button.clicked.connect(lambda: self.step_month(1))

        self.calculate_button = QPushButton(_tr("计算工资"))
        self.calculate_button.setObjectName("calculate")
        self.calculate_button.clicked.connect(self.calculate)
        self.calculate_button.setVisible(self.can_calculate)
        self.approve_button = QPushButton(_tr("审核通过"))
        self.approve_button.setObjectName("approve")
        self.approve_button.clicked.connect(self.approve)
        self.approve_button.setVisible(self.can_approve)
        self.pay_button = QPushButton(_tr("确认发放"))
        self.pay_button.setObjectName("mark_paid")
        self.pay_button.clicked.connect(self.mark_paid)
        self.pay_button.setVisible(self.can_approve)
        self.export_button = QPushButton(_tr("导出 ▾"))
        self.export_button.setObjectName("export")
        self.export_menu = QMenu(self.export_button)
        self.export_actions: dict[str, QAction] = {}
        for kind, label in export_labels().items():
            action = self.export_menu.addAction(label + "…")
            action.setObjectName(f"export_{kind}")
            action.triggered.connect(lambda _=False, k=kind: self.export(k))
            self.export_actions[kind] = action
        self.export_button.setMenu(self.export_menu)
        self.calculator_button = QPushButton(_tr("个税计算器"))
        self.calculator_button.setObjectName("tax_calculator")
        self.calculator_button.clicked.connect(self.open_tax_calculator)
        self.refresh_button = QPushButton(_tr("刷新"))
        self.refresh_button.setObjectName("refresh")
        self.refresh_button.clicked.connect(self.reload)

        toolbar = QHBoxLayout()
        toolbar.addWidget(QLabel(_tr("工资月份")))
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

        # --- status ---
        self.status_badge = QLabel()
        self.status_badge.setObjectName("status_badge")
        self.status_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_text = QLabel()
        self.status_text.setObjectName("status_text")
        self.status_text.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setFixedWidth(120)
        self.busy.setMaximumHeight(14)
        self.busy.setVisible(False)
        self.busy_label = QLabel()
        self.busy_label.setObjectName("busy_label")
        self.banner = QFrame()
        self.banner.setObjectName("status_banner")
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(10, 6, 10, 6)
        banner_layout.addWidget(self.status_badge)
        banner_layout.addWidget(self.status_text, 1)
        banner_layout.addWidget(self.busy_label)
        banner_layout.addWidget(self.busy)

        self.stale_banner = QLabel()
        self.stale_banner.setObjectName("stale_banner")
        self.stale_banner.setWordWrap(True)
        self.stale_banner.setStyleSheet(STALE_STYLE)
        self.stale_banner.setVisible(False)

        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.RichText)
        self.notice.setVisible(False)

        # --- filters ---
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(_tr("搜索工号、姓名、部门…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("搜索工号、姓名、部门…") + 48)
        self.search.setMaximumWidth(320)
        self.search.textChanged.connect(lambda text: self._filter_changed())
        self.department_filter = QComboBox()
        self.department_filter.setObjectName("department_filter")
        self.department_filter.setMinimumContentsLength(12)
        self.department_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.department_filter.addItem(_tr("全部部门"), None)
        self.department_filter.currentIndexChanged.connect(lambda *_: self._filter_changed())
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        filters = QHBoxLayout()
        filters.addWidget(self.search)
        filters.addWidget(QLabel(_tr("部门")))
        filters.addWidget(self.department_filter)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        # --- table, footer and detail ---
        self.table = QTableView()
        self.table.setObjectName("payroll_table")
        setup_table(self.table, self.model, [])
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setSortIndicator(DEPARTMENT, Qt.SortOrder.AscendingOrder)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setMinimumHeight(2 * self.table.fontMetrics().lineSpacing() + 10)  # two-line headers
        self.table.setSortingEnabled(True)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._show_detail(current.row()))

        self.footer = QTableView()
        self.footer.setObjectName("totals_table")
        setup_table(self.footer, self.totals_model, [])
        self.footer.setAlternatingRowColors(False)
        self.footer.horizontalHeader().setVisible(False)
        self.footer.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.footer.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.footer.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.footer.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.footer.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.footer.setFixedHeight(ROW_HEIGHT + 2 * self.footer.frameWidth())
        self.footer.setSpan(0, 0, 1, 3)
        self.footer.setToolTip(_tr("合计行固定在表格底部，不参与排序；有筛选条件时为筛选结果的合计"))
        header.sectionResized.connect(lambda column, _, width: self.footer.setColumnWidth(column, width))
        self.table.horizontalScrollBar().valueChanged.connect(self.footer.horizontalScrollBar().setValue)
        self.model.modelReset.connect(self._apply_spans)
        self.model.layoutChanged.connect(self._apply_spans)
        self.model.totals_changed.connect(self._update_totals)
        self._size_columns()

        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.setSpacing(0)
        table_layout.addWidget(self.table, 1)
        table_layout.addWidget(self.footer)

        self.detail = PayslipDetail()
        self.detail.setMinimumWidth(320)
        self.splitter = QSplitter()
        self.splitter.addWidget(table_box)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)  # a wider window widens the sheet, the detail keeps its width
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([1060, 420])

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.banner)
        layout.addWidget(self.stale_banner)
        layout.addWidget(self.notice)
        layout.addLayout(filters)
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
        if self.session.signals.touches(changes, "payroll_run", "payroll_input", "employee", "department",
                                        "policy", "pay_item_type"):
            self.reload()

    def reload(self) -> None:
        self.loader.reload()
        self._update_busy()

    def _prepare_load(self):
        ctx = self.session.ctx
        month = self.month()

        def work():
            summary = payroll.summary(ctx, month, check_stale=False)
            if summary is None:
                return month, None, None, [], {}
            header = payroll.header(ctx, month)  # checks whether the inputs changed since
            rows = payroll.rows(ctx, month)
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
        self._set_departments(department_paths(entries))
        self.model.set_entries(entries)
        self._show_status()
        if selected is None or not self.select_employee(selected):
            self._show_detail(-1)
        self.loaded.emit()

    def _load_failed(self, exc: BaseException) -> None:
        self._update_busy()
        self.status_text.setText(_tr("加载失败"))
        show_error(self, exc)

    def _set_departments(self, paths: list[str]) -> None:
        current = self.department_filter.currentData()
        self.department_filter.blockSignals(True)
        self.department_filter.clear()
        self.department_filter.addItem(_tr("全部部门"), None)
        for path in paths:
            depth = path.count("/")
            self.department_filter.addItem("　" * depth + path.rsplit("/", 1)[-1], path)
            self.department_filter.setItemData(self.department_filter.count() - 1, path, Qt.ItemDataRole.ToolTipRole)
        index = self.department_filter.findData(current) if current else 0
        self.department_filter.setCurrentIndex(max(index, 0))
        self.department_filter.blockSignals(False)
        self.model.set_filter(department=self.department_filter.currentData())

    # --- status and buttons -------------------------------------------------------------------

    def status(self) -> RunStatus | None:
        return self.header.status if self.header is not None else None

    def stale(self) -> bool:
        return bool(self.header and self.header.stale)

    def _show_status(self) -> None:
        month = self.month()
        header, summary = self.header, self.summary
        status = self.status()
        background, color, border, badge = BANNER_STYLES[status]
        self.banner.setStyleSheet(f"QFrame#status_banner {{ background: {background}; border: 1px solid {border};"
                                  f" border-radius: 4px; }} QLabel {{ color: {color}; }}")
        self.status_badge.setStyleSheet(f"QLabel {{ background: {badge}; color: white; border-radius: 4px;"
                                        f" padding: 3px 10px; font-weight: bold; }}")
        self.status_badge.setText(status.label if status else RunStatus.DRAFT.label)
        if self.shown_month != month:
            self.status_badge.setText("…")
            text = _tr("正在读取{0}的工资…").format(month_text(month))
        elif header is None:
            text = _tr("{0}尚未计算工资。").format(month_text(month))
            if self.can_calculate:
                text += _tr("核对员工档案和工资录入后，点击“计算工资”。")
            elif self.can_approve:
                text += _tr("人事计算后可在此审核。")
        else:
            done = [_tr("{0} 于 {1} 计算").format(header.calculated_by or "", _when(header.calculated_at))]
            if header.approved_by:
                done.append(_tr("{0} 于 {1} 审核").format(header.approved_by, _when(header.approved_at)))
            if header.paid_by:
                done.append(_tr("{0} 于 {1} 确认发放").format(header.paid_by, _when(header.paid_at)))
            text = f"{month_text(month)}：" + "，".join(done)
            if summary is not None:
                text += _tr("。共 {0} 人，应发合计 {1}，实发合计 {2}，个税合计 {3}，人工成本 {4}").format(
                    summary.employee_count, f"{summary.total_gross:,.2f}", f"{summary.total_net:,.2f}",
                    f"{summary.total_tax:,.2f}", f"{summary.total_employer_cost:,.2f}")
            if status is RunStatus.CALCULATED:
                text += _tr("。待财务审核")
            elif status is RunStatus.APPROVED:
                text += _tr("。待财务确认发放")
            elif status is RunStatus.PAID:
                text += _tr("。本月已锁定，更正请记入下月的调整项目")
        self.status_text.setText(text)

        if self.stale():
            message = _tr("⚠ 计算后员工档案、工资项目或政策有变更，请重新计算")
            if not self.can_calculate:
                message += _tr("（请通知人事重新计算；重新计算前不能审核或发放）")
            self.stale_banner.setText(message)
        self.stale_banner.setVisible(self.stale())
        if self.last_warnings:
            shown = self.last_warnings[:8]
            more = len(self.last_warnings) - len(shown)
            lines = "<br>".join(html.escape(w) for w in shown)
            if more:
                lines += "<br>" + html.escape(_tr("……另有 {0} 条，见表格中红色标记的员工").format(more))
            self.notice.setStyleSheet(ERROR_TEXT_STYLE)
            self.notice.setText(_tr("计算完成，有 {0} 条提示：").format(len(self.last_warnings)) + "<br>" + lines)
            self.notice.setVisible(True)
        self._update_buttons()

    def _update_buttons(self) -> None:
        status, stale = self.status(), self.stale()
        working = self._busy_action is not None or self.shown_month != self.month()
        calculated_before = status in (RunStatus.CALCULATED, RunStatus.APPROVED, RunStatus.PAID)
        self.calculate_button.setText(_tr("重新计算") if calculated_before else _tr("计算工资"))
        self.calculate_button.setEnabled(not working and status is not RunStatus.PAID)
        self.calculate_button.setToolTip(_tr("已发放的月份已锁定，不能重新计算") if status is RunStatus.PAID else
                                         _tr("按当前员工档案、工资录入和政策计算本月全部员工的工资"))
        self.approve_button.setEnabled(not working and status is RunStatus.CALCULATED and not stale)
        if status is RunStatus.CALCULATED and stale:
            self.approve_button.setToolTip(_tr("计算后数据有变更，需人事重新计算后才能审核"))
        else:
            self.approve_button.setToolTip(_tr("核对无误后审核本月工资（仅“已计算”的月份）"))
        self.pay_button.setEnabled(not working and status is RunStatus.APPROVED and not stale)
        self.pay_button.setToolTip(_tr("银行代发完成后确认；确认后本月工资锁定，不能再修改"))
        self.export_button.setEnabled(not working and self.header is not None and self.header.month == self.month())

    def _update_busy(self) -> None:
        busy = self.loader.loading or self._busy_action is not None
        self.busy.setVisible(busy)
        self.busy_label.setText(self._busy_action or (_tr("正在加载…") if self.loader.loading else ""))
        self.busy_label.setVisible(busy)

    def _set_busy_action(self, text: str | None) -> None:
        self._busy_action = text
        self._update_busy()
        self._update_buttons()

    # --- table --------------------------------------------------------------------------------

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        amount = metrics.horizontalAdvance("9,999,999.99") + 20
        widths = {EMP_NO: metrics.horizontalAdvance("E0000000") + 20, NAME: metrics.horizontalAdvance("欧阳某某某") + 20,
                  DEPARTMENT: metrics.horizontalAdvance("销售部/华东销售部") + 20,
                  PAID_DAYS: metrics.horizontalAdvance("计薪天数") + 28}
        for column in range(COLUMN_COUNT):
            width = widths.get(column, amount)
            label = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            label_width = max(metrics.horizontalAdvance(part) for part in label.split("\n"))
            width = max(width, label_width + 30)  # room for the sort arrow
            self.table.setColumnWidth(column, width)
            self.footer.setColumnWidth(column, width)

    def _apply_spans(self) -> None:
        self.table.clearSpans()
        for row in self.model.subtotal_rows():
            self.table.setSpan(row, 0, 1, 3)
        self._update_count()

    def _filter_changed(self) -> None:
        selected = self.current_employee_id()
        self.model.set_filter(text=self.search.text(), department=self.department_filter.currentData())
        if selected is None or not self.select_employee(selected):
            self._show_detail(-1)

    def _update_totals(self) -> None:
        count, sums = self.model.totals()
        self.totals_model.set_totals(count, sums, self.model.is_filtered())

    def _update_count(self) -> None:
        shown, total = self.model.shown_count(), self.model.total_count()
        text = _tr("显示 {0} / 共 {1} 人").format(shown, total)
        if total and not self.model.subtotals_shown():
            text += _tr("（部门小计已隐藏）")
            self.count_label.setToolTip(_tr("部门小计只在按部门顺序显示且没有搜索条件时显示；"
                                            "点击“部门”列标题恢复部门顺序"))
        else:
            self.count_label.setToolTip(_tr("部门小计只在按部门顺序显示且没有搜索条件时显示"))
        self.count_label.setText(text)

    def current_employee_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.employee_id(index.row()) if index.isValid() else None

    def select_employee(self, employee_id: int) -> bool:
        row = self.model.row_of(employee_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        self._show_detail(row)
        return True

    def _show_detail(self, row: int) -> None:
        employee_id = self.model.employee_id(row) if row >= 0 else None
        found = self.payroll_rows.get(employee_id) if employee_id is not None else None
        if found is None:
            if self.header is None:
                self.detail.show_message(_tr("本月还没有计算结果"))
            else:
                self.detail.show_message(_tr("选择一名员工，查看每一项金额的计算过程"))
            return
        subtitle = " · ".join(part for part in (found.department, found.project_department and
                                                _tr("项目：{0}").format(found.project_department),
                                                found.city and _tr("社保城市：{0}").format(found.city)) if part)
        self.detail.show_payslip(found.payslip, f"{found.emp_no} {found.name} · {month_text(self.shown_month)}",
                                 subtitle)

    # --- actions ------------------------------------------------------------------------------

    def calculate(self) -> None:
        if self._busy_action is not None:
            return
        month = self.month()
        if self.status() is RunStatus.APPROVED:
            answer = QMessageBox.question(
                self, _tr("重新计算"),
                _tr("{0}的工资已经审核。重新计算后需要财务重新审核，确定重新计算吗？").format(month_text(month)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        ctx = self.session.ctx
        self.notice.setVisible(False)

        def done(summary):
            self.last_warnings = summary.warnings
            self._set_busy_action(None)
            self.calculated.emit(summary)
            self.reload()

        self._run(_tr("正在计算{0}的工资…").format(month_text(month)), lambda: payroll.calculate_month(ctx, month), done)

    def approve(self) -> None:
        if self._busy_action is not None:
            return
        month, ctx = self.month(), self.session.ctx

        def done(summary):
            self._set_busy_action(None)
            self._notice(_tr("已审核通过{0}的工资。").format(month_text(month)))
            self.approved.emit(summary)
            self.reload()

        self._run(_tr("正在审核…"), lambda: payroll.approve(ctx, month), done)

    def mark_paid(self) -> None:
        if self._busy_action is not None:
            return
        month, ctx = self.month(), self.session.ctx
        total = f"{self.summary.total_net:,.2f}" if self.summary else ""
        count = self.summary.employee_count if self.summary else 0
        answer = QMessageBox.question(
            self, _tr("确认发放"),
            _tr("确认{0}的工资已发放（共 {1} 人，实发合计 {2} 元）？\n\n确认后本月工资将锁定：不能再重新计算，"
                "本月的工资录入也不能再修改；如需更正，请在下月录入调整项目。员工此后可以在“我的工资条”中查看本月工资条。")
            .format(month_text(month), count, total),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return

        def done(summary):
            self._set_busy_action(None)
            self._notice(_tr("已确认{0}的工资发放，本月已锁定。").format(month_text(month)))
            self.paid.emit(summary)
            self.reload()

        self._run(_tr("正在确认发放…"), lambda: payroll.mark_paid(ctx, month), done)

    def _run(self, busy_text: str, work, done) -> None:
        self._set_busy_action(busy_text)

        def failed(exc):
            self._set_busy_action(None)
            show_error(self, exc)
            self.reload()

        self.session.runner.submit(work, done, failed, owner=self)

    def _notice(self, text: str, error: bool = False) -> None:
        self.notice.setStyleSheet(ERROR_TEXT_STYLE if error else NOTICE_STYLE)
        self.notice.setText(html.escape(text))
        self.notice.setVisible(True)

    # --- export and calculator ----------------------------------------------------------------

    def export(self, kind: str) -> None:
        month = self.month()
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = default_export_name(month, kind)
        path, _ = QFileDialog.getSaveFileName(
            self, _tr("导出{0}").format(export_labels()[kind]), f"{folder}/{suggested}" if folder else suggested,
            _tr("Excel 工作簿 (*.xlsx)") + (_tr(";;CSV 文件 (*.csv)") if kind == "bank" else ""))
        if path:
            self.export_to(kind, path)

    def export_to(self, kind: str, path: str) -> None:
        from hrdesk.core.services import payroll_exports

        csv = kind == "bank" and path.lower().endswith(".csv")  # the bank file may also be CSV
        if not path.lower().endswith(".xlsx") and not csv:
            path += ".xlsx"
        month, ctx = self.month(), self.session.ctx
        label = export_labels()[kind]

        def done(_result):
            self._set_busy_action(None)
            self._notice(_tr("已导出{0}{1}到 {2}").format(month_text(month), label, path))
            self.exported.emit(path)

        self._run(_tr("正在导出{0}…").format(label), lambda: payroll_exports.export(ctx, month, kind, path), done)

    def open_tax_calculator(self):
        from hrdesk.ui.dialogs.tax_calculator_dialog import TaxCalculatorDialog

        dialog = TaxCalculatorDialog(self.session.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

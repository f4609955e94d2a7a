"""我的工资条: the signed-in employee's own payslips of paid months, newest first, each explained
line by line (the same detail panel HR uses in 工资核算)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.payroll import runs
from hrdesk.ui.common.messages import show_error
from hrdesk.ui.common.runner import Reloader
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import HINT_STYLE
from hrdesk.ui.payroll.payslip_detail import PayslipDetail

MONTH_ROLE = Qt.ItemDataRole.UserRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("MyPayslipsPage", text)


def month_text(month) -> str:
    return f"{month.year}年{month.month:02d}月"


class MyPayslipsPage(QWidget):
    loaded = Signal()

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("my_payslips_page")
        self.payslips: list[runs.OwnPayslip] = []
        self.loader = Reloader(session.runner, self, self._prepare_load, self._loaded, self._load_failed)

        self.title = QLabel(_tr("{0} 的工资条").format(session.actor.display_name))
        self.title.setObjectName("title")
        self.title.setStyleSheet("QLabel { font-size: 15px; font-weight: bold; }")
        self.hint = QLabel(
            _tr("这里列出已发放月份的工资条；工资发放（财务确认）后即可查看。如对金额有疑问，请联系人事。")
        )
        self.hint.setStyleSheet(HINT_STYLE)
        self.hint.setWordWrap(True)
        self.refresh_button = QPushButton(_tr("刷新"))
        self.refresh_button.setObjectName("refresh")
        self.refresh_button.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.refresh_button)

        self.months = QListWidget()
        self.months.setObjectName("months")
        self.months.setMinimumWidth(200)
        self.months.setMaximumWidth(280)
        self.months.setSpacing(2)
        self.months.currentRowChanged.connect(self._show)
        self.detail = PayslipDetail(placeholder=_tr("选择左侧的月份查看工资条"))

        splitter = QSplitter()
        splitter.addWidget(self.months)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 800])

        self.empty = QLabel(
            _tr(
                "还没有已发放的工资条。\n\n每月工资由财务确认发放后，您可以在这里查看当月的工资条，"
                "包括应发、社保公积金、个税和实发的计算明细。"
            )
        )
        self.empty.setObjectName("empty_state")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("QLabel { color: #5f6368; font-size: 14px; padding: 40px; }")

        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(splitter)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.stack, 1)

        session.signals.changed.connect(self._on_changes)
        self.reload()

    def _on_changes(self, changes) -> None:
        if self.session.signals.touches(changes, "payroll_run"):
            self.reload()

    def reload(self) -> None:
        self.loader.reload()

    def _prepare_load(self):
        ctx = self.session.ctx
        return lambda: runs.my_payslips(ctx)

    def _loaded(self, payslips: list[runs.OwnPayslip]) -> None:
        current = self.current_month()
        self.payslips = payslips
        self.months.blockSignals(True)
        self.months.clear()
        for own in payslips:
            item = QListWidgetItem(_tr("{0}\n实发 {1}").format(month_text(own.month), f"{own.payslip.net_pay:,.2f}"))
            item.setData(MONTH_ROLE, own.month)
            self.months.addItem(item)
        self.months.blockSignals(False)
        self.stack.setCurrentIndex(1 if payslips else 0)
        row = next((i for i, own in enumerate(payslips) if own.month == current), 0)
        if payslips:
            self.months.setCurrentRow(row)
            self._show(row)
        self.loaded.emit()

    def _load_failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def current_month(self):
        item = self.months.currentItem()
        return item.data(MONTH_ROLE) if item is not None else None

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.payslips):
            self.detail.show_message(self.detail.placeholder)
            return
        own = self.payslips[row]
        self.detail.show_payslip(
            own.payslip,
            _tr("{0} 工资条").format(month_text(own.month)),
            _tr("{0} · {1}").format(self.session.actor.display_name, own.status.label),
        )

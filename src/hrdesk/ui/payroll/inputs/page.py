"""工资录入 (PAYROLL_INPUT): what the payroll of a month reads besides the employee register.

A month picker and five tabs: 本月项目 (the month's one-off entries: add, delete, Excel import),
固定津贴 (one employee's fixed monthly allowances), 专项附加扣除 (the declarations in force for the
month, edited one at a time or imported), 年初累计数 (each employee's tax options and the
year-to-date figures before HRDesk, for the month's year) and 历史工资 (each month's pay before
HRDesk, for the settlement's twelve-month average).

A paid month (已发放) is locked: a banner says so and the month's inputs cannot be changed; the
services refuse anyway. Loads and imports run in the background; every change goes through one
service call, whose messages appear next to the fields.

This module holds the page: the month, the lock and the tabs; each tab lives in its own module of
hrdesk.ui.payroll.inputs.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from hrdesk.core.payroll import inputs
from hrdesk.core.payroll.inputs import ItemType
from hrdesk.ui.common.form_parts import named_button
from hrdesk.ui.common.messages import show_error
from hrdesk.ui.common.month_edit import MonthEdit, shift_month
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.payroll.inputs.allowances import AllowancesTab
from hrdesk.ui.payroll.inputs.deductions import DeductionsTab
from hrdesk.ui.payroll.inputs.entries import EntriesTab
from hrdesk.ui.payroll.inputs.history import HistoryTab
from hrdesk.ui.payroll.inputs.input_tab import InputTab
from hrdesk.ui.payroll.inputs.labels import month_text
from hrdesk.ui.payroll.inputs.opening import OpeningTab

LOCK_BANNER_STYLE = (
    "QLabel { background: #fef7e0; color: #7a4f01; border: 1px solid #f9d67a; border-radius: 4px; padding: 6px 10px; }"
)


class PayrollInputsPage(QWidget):
    period_changed = Signal()  # the month (and whether it is locked) reached the tabs

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("payroll_inputs_page")
        self.item_types: list[ItemType] = []
        self.locked = False
        today = session.ctx.clock.today()
        self.month = date(today.year, today.month, 1)
        self._generation = 0

        self.month_edit = MonthEdit(self.month)
        self.month_edit.setObjectName("month")
        self.month_edit.dateChanged.connect(lambda *_: self._month_edited())
        self.previous_button = named_button(
            self.tr("‹ 上月"), "previous_month", lambda: self.set_month(shift_month(self.month, -1))
        )
        self.next_button = named_button(
            self.tr("下月 ›"), "next_month", lambda: self.set_month(shift_month(self.month, 1))
        )
        self.lock_banner = QLabel()
        self.lock_banner.setObjectName("lock_banner")
        self.lock_banner.setStyleSheet(LOCK_BANNER_STYLE)
        self.lock_banner.setWordWrap(True)
        self.lock_banner.setVisible(False)
        title = QLabel(self.tr("工资月份"))
        title.setStyleSheet("font-weight: bold;")
        header = QHBoxLayout()
        header.addWidget(title)
        header.addWidget(self.previous_button)
        header.addWidget(self.month_edit)
        header.addWidget(self.next_button)
        header.addStretch(1)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.entries = EntriesTab(session, self)
        self.allowances = AllowancesTab(session, self)
        self.deductions = DeductionsTab(session, self)
        self.opening = OpeningTab(session, self)
        self.history = HistoryTab(session, self)
        self.tabs.addTab(self.entries, self.tr("本月项目"))
        self.tabs.addTab(self.allowances, self.tr("固定津贴"))
        self.tabs.addTab(self.deductions, self.tr("专项附加扣除"))
        self.tabs.addTab(self.opening, self.tr("年初累计数"))
        self.tabs.addTab(self.history, self.tr("历史工资"))

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.lock_banner)
        layout.addWidget(self.tabs, 1)
        session.signals.changed.connect(self._on_changes)
        # item types first: the first read installs the defaults, which must not race the tabs' loads
        self._load_item_types(then=lambda: self.set_month(self.month, force=True))

    def tab_list(self) -> list[InputTab]:
        return [self.entries, self.allowances, self.deductions, self.opening, self.history]

    # the month

    def _month_edited(self) -> None:
        month = self.month_edit.month()
        if month != self.month:
            self.set_month(month)

    def set_month(self, month: date, force: bool = False) -> None:
        month = month.replace(day=1)
        if month == self.month and not force:
            return
        self.month = month
        if self.month_edit.month() != month:
            self.month_edit.blockSignals(True)
            self.month_edit.set_month(month)
            self.month_edit.blockSignals(False)
        self._check_lock()

    def _check_lock(self) -> None:
        self._generation += 1
        generation, ctx, month = self._generation, self.session.ctx, self.month

        def done(locked: bool):
            if generation != self._generation:
                return
            self.locked = locked
            self.lock_banner.setText(
                self.tr(
                    "{0}的工资已发放并锁定：本月的工资项目、固定津贴和专项附加扣除不能再修改。"
                    "更正请在下月录入调整项目（切换到{1}）。"
                ).format(month_text(month), month_text(shift_month(month, 1)))
            )
            self.lock_banner.setVisible(locked)
            for tab in self.tab_list():
                tab.set_period(month, locked)
            self.period_changed.emit()

        def failed(exc):
            if generation == self._generation:
                show_error(self, exc)

        self.session.runner.submit(lambda: inputs.month_locked(ctx, month), done, failed, owner=self)

    # item types

    def _load_item_types(self, then=None) -> None:
        ctx = self.session.ctx

        def done(types):
            self.item_types = types
            self.allowances.set_item_types(types)
            if then is not None:
                then()

        self.session.runner.submit(lambda: inputs.item_types(ctx), done, lambda exc: show_error(self, exc), owner=self)

    def _on_changes(self, changes) -> None:
        touches = self.session.signals.touches
        if touches(changes, "pay_item_type"):
            self._load_item_types()
        if touches(changes, "payroll_run"):
            self._check_lock()
        elif touches(changes, "payroll_input", "employee"):
            for tab in self.tab_list():
                tab.reload()

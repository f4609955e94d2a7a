"""薪资设置 (PAYROLL_POLICY): the payroll policy tables, the pay item types and the company leave rule.

Tabs: 社保公积金 (each city's contribution rules), 当地平均工资 (per city, for the tax-free part
of severance pay), 个税税率表 (the annual cumulative table and the monthly table for bonuses),
减除费用与扣除标准, 工资项目 and 公司福利年假 (the company's own annual leave, for separation
settlements).

A policy table is never overwritten: every change is saved as a new version in force from a month
(payroll_policies.save_version), and months before it keep being calculated with the version that
was in force for them. Each editor starts from the selected version; the service checks the data
the way the calculation will read it and its messages appear next to the fields.

This module holds the page: the note on versions, the tabs and their first load; each tab lives in
its own module of hrdesk.ui.payroll.settings.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from hrdesk.core.payroll import inputs, policies
from hrdesk.ui.common.messages import show_error
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.payroll.settings.average_wage import AverageWageTab
from hrdesk.ui.payroll.settings.company_leave import CompanyLeaveTab
from hrdesk.ui.payroll.settings.deductions_standard import DeductionsStandardTab
from hrdesk.ui.payroll.settings.insurance import InsuranceTab
from hrdesk.ui.payroll.settings.item_types import ItemTypesTab
from hrdesk.ui.payroll.settings.tax_tables import TaxTablesTab

INFO_STYLE = (
    "QLabel { background: #e8f0fe; color: #174ea6; border: 1px solid #aecbfa; border-radius: 4px; padding: 6px 10px; }"
)


class PayrollSettingsPage(QWidget):
    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("payroll_settings_page")
        note = QLabel(
            self.tr(
                "政策表按生效月份保存版本：修改总是新增一个版本，之前的月份仍按当时的版本计算。"
                "出厂数据标为“请核对”的，请先与当地最新通知核对。"
            )
        )
        note.setStyleSheet(INFO_STYLE)
        note.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.insurance = InsuranceTab(session)
        self.average_wage = AverageWageTab(session)
        self.tax_tables = TaxTablesTab(session)
        self.deductions = DeductionsStandardTab(session)
        self.item_types = ItemTypesTab(session)
        self.company_leave = CompanyLeaveTab(session)
        self.tabs.addTab(self.insurance, self.tr("社保公积金"))
        self.tabs.addTab(self.average_wage, self.tr("当地平均工资"))
        self.tabs.addTab(self.tax_tables, self.tr("个税税率表"))
        self.tabs.addTab(self.deductions, self.tr("减除费用与扣除标准"))
        self.tabs.addTab(self.item_types, self.tr("工资项目"))
        self.tabs.addTab(self.company_leave, self.tr("公司福利年假"))
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.tabs, 1)
        session.signals.changed.connect(self._on_changes)
        self._install_then_load()

    def _install_then_load(self) -> None:
        """The default tables and item types are installed by the first read; do that once before
        the tabs load side by side (two first reads at once would both try to install them)."""
        ctx = self.session.ctx

        def install():
            policies.cities(ctx)
            inputs.item_types(ctx)

        def done(_):
            for tab in (
                self.insurance,
                self.average_wage,
                self.tax_tables,
                self.deductions,
                self.item_types,
                self.company_leave,
            ):
                tab.reload()

        self.session.runner.submit(install, done, lambda exc: show_error(self, exc), owner=self)

    def _on_changes(self, changes) -> None:
        if self.session.signals.touches(changes, "pay_item_type"):
            self.item_types.reload()

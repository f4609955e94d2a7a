"""What the flow dialog adds for a separation: a 离职结算 tab for HR and finance from the finance step
on, and 离职证明预览 for HR from the archive step on. flow_dialog.py only calls ``SeparationSection``.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QPushButton

from hrdesk.core.documents import issuing
from hrdesk.core.flows.workflow import FlowKind, FlowStatus
from hrdesk.core.kernel.permissions import Permission, Role
from hrdesk.ui.common import messages
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.separation.settlement_panel import SettlementPanel
from hrdesk.ui.separation.texts import tr


def settlement_reached(detail) -> bool:
    """The flow is at its finance (settlement) step or later, or completed. The service checks
    again (settlement.statement raises StateError before the finance step)."""
    status = detail.summary.status
    if status is FlowStatus.COMPLETED:
        return True
    if status is not FlowStatus.RUNNING:
        return False
    finance = next((s.index for s in detail.steps if s.actor == Role.FINANCE.label), None)
    current = next((s.index for s in detail.steps if s.state == "current"), None)
    return finance is not None and current is not None and current >= finance


def at_archive_step(detail) -> bool:
    """HR's archive (the separation flow's last step) is current."""
    if detail.summary.status is not FlowStatus.RUNNING or not detail.steps:
        return False
    return detail.steps[-1].state == "current"


class SeparationSection(QObject):
    """The flow dialog's separation extras: a 离职结算 tab for HR and finance from the finance step on,
    and 离职证明预览 for HR from the archive step on."""

    certificate_issued = Signal(object)  # IssuedDoc

    def __init__(self, dialog):
        super().__init__(dialog)
        # weakly: a reference cycle would leave the dialog to Python's garbage collector, which may
        # run in a worker thread and must never delete widgets there
        self._dialog = weakref.ref(dialog)
        self.session: AppSession = dialog.session
        actor = self.session.actor
        self.can_view = actor.can_all(Permission.PAYROLL_VIEW)
        self.can_issue = actor.can_all(Permission.DOCUMENT_ISSUE)
        self.panel: SettlementPanel | None = None
        self.preview = None
        self._selected_once = False
        self._issuing = False
        f = dialog.form
        self.certificate_button = QPushButton(tr("离职证明预览"))
        self.certificate_button.setObjectName("certificate_preview")
        self.certificate_button.clicked.connect(self.preview_certificate)
        self.certificate_button.setVisible(False)
        f.bottom_layout.insertWidget(2, self.certificate_button)  # after the note and the spacer

    @property
    def dialog(self):
        return self._dialog()

    def show_for(self, detail) -> None:
        separation = detail.summary.kind is FlowKind.SEPARATION and detail.summary.subject_employee_id is not None
        f = self.dialog.form
        show_tab = separation and self.can_view and settlement_reached(detail)
        if show_tab and self.panel is None:
            self.panel = SettlementPanel(self.session, detail.summary.subject_employee_id)
            f.tabs.addTab(self.panel, tr("离职结算"))
        if self.panel is not None:
            f.tabs.setTabVisible(f.tabs.indexOf(self.panel), show_tab)
            if show_tab:
                self.panel.reload()
                if (
                    not self._selected_once
                    and detail.my_actions
                    and detail.summary.step_name == self._finance_name(detail)
                ):
                    self._selected_once = True
                    f.tabs.setCurrentWidget(self.panel)  # finance is here to settle: show it first
                    f.splitter.setSizes([110, 520])  # and give it the room (the steps stay visible)
        completed = detail.summary.status is FlowStatus.COMPLETED
        self.certificate_button.setVisible(separation and self.can_issue and (completed or at_archive_step(detail)))
        self.certificate_button.setToolTip(
            tr("开具离职证明并预览、保存、打印")
            if completed
            else tr("人事归档、流程完成后（员工状态变为“已离职”）才能开具离职证明")
        )

    @staticmethod
    def _finance_name(detail) -> str | None:
        return next((s.name for s in detail.steps if s.actor == Role.FINANCE.label), None)

    def preview_certificate(self) -> bool:
        detail = self.dialog.detail
        if detail.summary.status is not FlowStatus.COMPLETED:
            QMessageBox.information(
                self.dialog,
                tr("离职证明"),
                tr(
                    "员工在离职流程完成（人事归档）后状态才变为“已离职”，届时才能开具离职证明。\n"
                    "请先确认交接清单，再在本步骤点击“通过”完成归档，然后即可开具。"
                ),
            )
            return False
        if self._issuing:
            return False
        self._issuing = True
        self.certificate_button.setEnabled(False)
        ctx, employee_id = self.session.ctx, detail.summary.subject_employee_id

        def done(doc):
            self._issuing = False
            self.certificate_button.setEnabled(True)
            from hrdesk.ui.common.pdf_preview_dialog import open_preview

            self.preview = open_preview(doc, self.session.runner, self.dialog)
            self.certificate_issued.emit(doc)

        def failed(exc):
            self._issuing = False
            self.certificate_button.setEnabled(True)
            messages.show_error(self.dialog, exc)

        self.session.runner.submit(
            lambda: issuing.separation_certificate(ctx, employee_id), done, failed, owner=self.dialog
        )
        return True

"""流程设置 (administrators, FLOW_ADMIN): approval flows, notification policies, the mail server and
the handover checklist templates, one tab each.

Each tab loads in the background, saves through one service call and shows the service's
messages next to the fields. The services check the permission again; this page only gathers
input. Saving a flow definition makes a new version (running flows keep theirs).
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from hrdesk.ui.common.session import AppSession
from hrdesk.ui.flows.settings.checklist_tab import ChecklistTab
from hrdesk.ui.flows.settings.flows_tab import FlowsTab
from hrdesk.ui.flows.settings.mail_tab import MailTab
from hrdesk.ui.flows.settings.notices_tab import NoticesTab


class FlowSettingsPage(QWidget):
    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("flow_settings_page")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.flows = FlowsTab(session)
        self.notices = NoticesTab(session)
        self.mail = MailTab(session)
        self.checklists = ChecklistTab(session)
        self.tabs.addTab(self.flows, self.tr("审批流程"))
        self.tabs.addTab(self.notices, self.tr("通知策略"))
        self.tabs.addTab(self.mail, self.tr("邮件服务器"))
        self.tabs.addTab(self.checklists, self.tr("交接清单模板"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        session.signals.changed.connect(self._on_changes)

    def _on_changes(self, changes) -> None:
        touches = self.session.signals.touches
        if touches(changes, "flow_definition"):
            self.flows.reload()
        if touches(changes, "notification_policy") and not self.notices.has_unsaved_changes():
            self.notices.reload()
        if touches(changes, "notification") or touches(changes, "settings"):
            self.mail.reload_outbox()
        if touches(changes, "department", "position", "checklist_template") and not self.checklists.is_dirty():
            self.checklists.reload()

"""Issue 11 through the real widgets: a record written at 2026-03-01 00:30 UTC reads 08:30 on a
computer in China in the audit page (with the zone in its detail), the trail dialog, the flow
settings' version history, the flows' time text and the document register and preview."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from hrdesk.core.accounts import auth
from hrdesk.core.documents import issuing
from hrdesk.core.flows import definitions
from hrdesk.core.flows.workflow import FlowKind
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.people import employees
from hrdesk.ui.audit.audit_model import TIME
from hrdesk.ui.audit.audit_page import AuditPage
from hrdesk.ui.audit.trail_dialog import TrailDialog
from hrdesk.ui.common.pdf_preview_dialog import PdfPreviewDialog
from hrdesk.ui.documents.documents_page import DocumentsPage
from hrdesk.ui.flows import flow_texts
from hrdesk.ui.flows.settings.page import FlowSettingsPage
from hrdesk.ui.shell.app import make_session
from tests.helpers import employee_input

COMPANY = "测试科技有限公司"
WRITTEN = datetime(2026, 3, 1, 0, 30)  # UTC, as stored
HORIZONTAL = Qt.Orientation.Horizontal


@pytest.fixture
def sessions(company):
    made = []

    def make(username: str, at: datetime = WRITTEN):
        ctx = auth.login(company.db, username, company.users[username], FixedClock(at))
        session = make_session(ctx, COMPANY)
        made.append(session)
        return session

    yield make
    for session in made:
        session.runner.wait_idle()
        session.signals.detach()


@pytest.fixture
def hired(company):
    """钱九, hired by a record written at 00:30 UTC."""
    ctx = ServiceContext(company.db, company.system.actor, FixedClock(WRITTEN))
    return employees.create(ctx, employee_input("E000099", "钱九", company.depts["销售部"], 99)).id


def test_audit_page_shows_local_time_and_its_detail_names_the_zone(qtbot, company, hired, sessions, shanghai):
    page = AuditPage(sessions("auditor"))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=5000)
    row = next(
        r
        for r in range(page.model.rowCount())
        if page.model.entry(r).action == "employee.create" and page.model.entry(r).entity_id == str(hired)
    )
    assert page.model.headerData(TIME, HORIZONTAL) == "时间"
    assert page.model.data(page.model.index(row, TIME)) == "2026-03-01 08:30:00"
    page.table.setCurrentIndex(page.model.index(row, 0))
    assert "时间：2026-03-01 08:30:00（北京时间 UTC+08:00）" in page.detail.toPlainText()


def test_trail_dialog_shows_local_time_and_says_which(qtbot, company, hired, sessions, shanghai):
    dialog = TrailDialog(sessions("hr"), employee_id=hired)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=5000)
    assert dialog.model.headerData(1, HORIZONTAL) == "时间"
    assert dialog.model.data(dialog.model.index(0, 1)) == "2026-03-01 08:30:00"
    assert "北京时间 UTC+08:00" in dialog.info_label.text()


def test_flow_settings_history_and_flow_times_are_local(qtbot, company, sessions, shanghai):
    admin = ServiceContext(company.db, company.system.actor, FixedClock(WRITTEN))
    definitions.save(admin, definitions.current(admin, FlowKind.ONBOARDING).definition)
    page = FlowSettingsPage(sessions("admin"))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.flows.current is not None, timeout=5000)
    history = page.flows.history
    assert history.horizontalHeaderItem(4).text() == "修改时间"
    assert [history.item(r, 4).text() for r in range(history.rowCount())] == ["2026-03-01 08:30"] * 2
    assert flow_texts.format_time(WRITTEN) == "2026-03-01 08:30"  # what the flow pages show
    assert flow_texts.local_time(WRITTEN) == datetime(2026, 3, 1, 8, 30) and flow_texts.format_time(None) == ""


def test_document_register_and_preview_show_the_local_issue_time(qtbot, company, sessions, shanghai):
    session = sessions("hr")
    doc = issuing.employment_certificate(session.ctx, company.emps["王经理"])
    page = DocumentsPage(session)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.loader.loading and page.model.rowCount() == 1, timeout=10000)
    assert page.model.row(0).cells[3] == "2026-03-01 08:30"
    preview = PdfPreviewDialog.for_document(doc, session.runner)
    qtbot.addWidget(preview)
    assert "开具 2026-03-01 08:30（刘人事）" in preview.header.text()

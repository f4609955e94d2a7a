"""离职结算 and the documents through the real widgets: finance settles in the flow dialog (parameters,
a field error, a deduction confirmed, approval), HR previews the 离职证明 after archiving, the 证明文件
page (list, 补打, 核验, 在职证明, batch with cancel), the calculators and the company's seal settings."""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta
from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QMessageBox

from hrdesk.core.accounts import auth
from hrdesk.core.documents import appearance, issuing
from hrdesk.core.flows import checklists, engine, separations, stuck
from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.flows.workflow import Action, FlowStatus
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import PermissionDenied, StateError
from hrdesk.core.separation import settlement
from hrdesk.core.separation.compensation import CompensationCase
from hrdesk.ui.common import messages, pdf_preview_dialog
from hrdesk.ui.common.pdf_preview_dialog import PdfPreviewDialog
from hrdesk.ui.company.company_page import CompanyPage
from hrdesk.ui.documents.documents_page import DocumentsPage
from hrdesk.ui.flows.flow_dialog import FlowDialog
from hrdesk.ui.separation.compensation_calculator_dialog import CompensationCalculatorDialog
from hrdesk.ui.separation.leave_calculator_dialog import LeaveCalculatorDialog
from hrdesk.ui.shell.app import make_session
from tests.helpers import verify_average_wage
from tests.ui.qt_helpers import replace_text, screenshot, type_text

COMPANY = "测试科技有限公司"
RENDERER = pdf_preview_dialog.available_renderer()


def login(fx, username) -> ServiceContext:
    return auth.login(fx.db, username, fx.users[username], fx.clock)


def session_for(fx, username):
    return make_session(login(fx, username), COMPANY)


@pytest.fixture
def errors(monkeypatch):
    """Messages the GUI would show in a box (errors and information), and every question answered 是."""
    shown = []
    monkeypatch.setattr(messages, "show_error", lambda parent, exc: shown.append(exc))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda parent, title, text, *a, **k: shown.append(text))
    )
    return shown


@pytest.fixture
def leaving(company):
    """HR starts a 协商解除 for 李四 (hired 2020-01-06, 12,000, 上海), last day 31 March 2026; the manager
    and the administrator (for the 人事 who started it) approve, so the flow waits at 财务结算."""
    company.clock = FixedClock(datetime(2026, 3, 2, 9, 0))
    hr = login(company, "hr")
    flow = separations.start(hr, company.emps["李四"], SeparationReason.MUTUAL, date(2026, 3, 31), "协商一致")
    company.flow_id = flow.summary.id
    company.li = company.emps["李四"]
    engine.act(login(company, "manager"), company.flow_id, Action.APPROVE, "同意")
    engine.act(login(company, "admin"), company.flow_id, Action.APPROVE, "同意")
    verify_average_wage(company.db, company.li)
    return company


def run_to_archive(fx, flow_id: int) -> None:
    """Every step before 人事归档, by whoever it is assigned to (the administrator stands in for the
    人事 who started it; a step nobody may take gets 王经理, named by the administrator)."""
    acted = True
    while acted:
        acted = False
        if engine.get(login(fx, "hr"), flow_id).stuck:
            manager = login(fx, "manager").actor.user_id
            stuck.assign_stuck(login(fx, "admin"), flow_id, manager, "由销售部王经理审批")
        for user in ("manager", "lead", "hr", "finance", "admin"):
            try:
                detail = engine.get(login(fx, user), flow_id)
            except PermissionDenied:
                continue
            if Action.APPROVE in detail.my_actions and detail.summary.step_name != "人事归档":
                if user == "finance":
                    verify_average_wage(fx.db, engine.get(login(fx, user), flow_id).summary.subject_employee_id)
                engine.act(login(fx, user), flow_id, Action.APPROVE, "同意")
                acted = True


def archive(fx, flow_id: int) -> None:
    hr = login(fx, "hr")
    for item in engine.get(hr, flow_id).checklist:
        checklists.waive(hr, item.id, "测试：已线下办理")
    archived = engine.act(login(fx, "admin"), flow_id, Action.APPROVE, "归档")  # not by the 人事 who started it
    assert archived.summary.status is FlowStatus.COMPLETED


def separate(fx, name: str, last_day: date) -> int:
    flow_id = separations.start(
        login(fx, "hr"), fx.emps[name], SeparationReason.MUTUAL, last_day, "协商一致"
    ).summary.id
    run_to_archive(fx, flow_id)
    archive(fx, flow_id)
    return fx.emps[name]


def open_flow(qtbot, fx, username, flow_id) -> FlowDialog:
    dialog = FlowDialog(session_for(fx, username), flow_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def wait_statement(qtbot, panel, condition=lambda st: True):
    qtbot.waitUntil(
        lambda: (
            panel.statement is not None and not panel.loader.loading and not panel.busy and condition(panel.statement)
        ),
        timeout=15000,
    )
    return panel.statement


def table_rows(panel) -> list[tuple[str, str, str]]:
    m = panel.model
    return [tuple(m.item(r, c).text() for c in range(3)) for r in range(m.rowCount())]


def wait_preview(qtbot, dialog: PdfPreviewDialog) -> int:
    """Pages shown once rendering has finished (0 when no preview is possible)."""
    qtbot.waitUntil(lambda: not dialog.rendering, timeout=30000)
    return len(dialog.page_labels)


# --- finance settles in the flow dialog --------------------------------------------------------------


def test_finance_settles_in_the_flow_dialog(qtbot, leaving, errors):
    fx = leaving
    laptop = next(i for i in engine.get(login(fx, "finance"), fx.flow_id).checklist if "笔记本" in i.title)
    checklists.set_amount(login(fx, "admin"), laptop.id, "3000", "笔记本未归还，按净值扣款")

    # The manager sees no settlement: it is for HR and finance only.
    manager_view = open_flow(qtbot, fx, "manager", fx.flow_id)
    assert manager_view.separation.panel is None and manager_view.separation.certificate_button.isHidden()

    dialog = open_flow(qtbot, fx, "finance", fx.flow_id)
    panel = dialog.separation.panel
    assert panel is not None and dialog.form.tabs.currentWidget() is panel  # finance is here to settle
    assert dialog.form.tabs.tabText(dialog.form.tabs.indexOf(panel)) == "离职结算"
    st = wait_statement(qtbot, panel)
    rows = table_rows(panel)
    assert rows[-1][0] == "实发合计" and rows[-1][2] == f"{st.net_amount:,.2f}"
    compensation = next(r for r in rows if r[0].startswith("经济补偿金"))
    assert compensation[2] == "78,000.00" and "N = 6.5" in compensation[1]
    deduction = next(r for r in rows if r[0] == "扣款：笔记本电脑" or "笔记本" in r[0])
    assert deduction[2] == "−3,000.00"
    assert "2026年03月" in panel.header.text() and panel.badge.text() == "待财务审核"
    assert not panel.warnings.isHidden() and "累计工作年限未填写" in panel.warnings.text()
    assert laptop.id in panel.confirm_buttons and not panel.print_button.isEnabled()
    assert panel.refused_renewal.isHidden() and panel.notice_pay.isEnabled()  # a 协商解除, not an expiry
    dialog.resize(1040, 700)
    qtbot.wait(100)  # let layouts settle before the picture
    screenshot(dialog, "flow_dialog_settlement_finance")

    # A negative figure is refused by the service and shown next to its field; nothing is saved.
    replace_text(qtbot, panel.working_years, "-3")
    assert panel.save_params()
    qtbot.waitUntil(lambda: not panel.busy, timeout=15000)
    assert "不能为负数" in panel.current_errors()["working_years"]
    assert settlement.statement(login(fx, "finance"), fx.li).params.working_years is None
    replace_text(qtbot, panel.working_years, "abc")
    assert not panel.save_params() and "数字" in panel.current_errors()["working_years"]
    screenshot(panel, "settlement_panel_field_error")

    replace_text(qtbot, panel.working_years, "12")
    replace_text(qtbot, panel.leave_taken, "1")
    with qtbot.waitSignal(panel.saved, timeout=15000) as saved:
        panel.save_button.click()
    st = saved.args[0]
    assert st.leave.entitlement == 10 and st.leave.untaken == 1 and not panel.current_errors()
    assert "已保存" in panel.save_status.text()

    # Approving with the deduction unconfirmed is refused with the service's reason.
    dialog.action_buttons[Action.APPROVE].click()
    assert any(isinstance(e, StateError) and "尚未确认" in str(e) for e in errors)
    assert dialog.detail.summary.step_name == "财务结算"

    with qtbot.waitSignal(panel.deduction_confirmed, timeout=15000):
        panel.confirm_buttons[laptop.id].click()
    assert [d.confirmed for d in panel.statement.deductions] == [True] and not panel.confirm_buttons
    assert panel.deductions.item(0, 2).text() == "✓ 财务已确认"

    type_text(qtbot, dialog.form.comment, "结算无误")
    dialog.action_buttons[Action.APPROVE].click()
    assert dialog.detail.summary.step_name == "人事归档", (errors, dialog.form.banner.text())
    st = wait_statement(qtbot, panel, lambda s: s.approved)
    assert panel.badge.text() == "已审核" and not panel.approved_note.isHidden()
    assert panel.working_years.isReadOnly() and panel.save_button.isHidden() and not panel.unlawful.isEnabled()
    assert panel.print_button.isHidden()  # finance does not issue documents; HR prints the statement
    assert settlement.statement(login(fx, "finance"), fx.li).approved_by == "钱财务"
    qtbot.wait(100)  # let layouts settle before the picture
    screenshot(dialog, "flow_dialog_settlement_approved")


def test_unlawful_and_expiry_options_follow_the_reason(qtbot, leaving, errors):
    fx = leaving
    dialog = open_flow(qtbot, fx, "hr", fx.flow_id)
    panel = dialog.separation.panel
    wait_statement(qtbot, panel)
    assert not panel.confirm_buttons  # HR cannot confirm deductions (finance does)
    panel.notice_pay.setChecked(True)
    panel.unlawful.setChecked(True)
    assert not panel.notice_pay.isChecked() and not panel.notice_pay.isEnabled()  # 2N has no notice pay
    with qtbot.waitSignal(panel.saved, timeout=15000) as saved:
        panel.save_params()
    st = saved.args[0]
    assert st.case is CompensationCase.UNLAWFUL and st.compensation.compensation == D("156000.00")
    assert "违法解除" in panel.header.text()


# --- HR: certificate preview after archiving ---------------------------------------------------------


def test_hr_previews_the_certificate_once_archived(qtbot, leaving, errors, tmp_path):
    fx = leaving
    run_to_archive(fx, fx.flow_id)
    fx.clock.advance(timedelta(days=30))  # 2026-04-01, the day after the last working day

    # At the archive step the button is there, but the certificate needs the completed flow.
    dialog = open_flow(qtbot, fx, "hr", fx.flow_id)
    assert not dialog.separation.certificate_button.isHidden()
    assert not dialog.separation.preview_certificate()
    assert any("已离职" in str(e) for e in errors) and dialog.separation.preview is None

    archive(fx, fx.flow_id)
    dialog.reload()
    assert dialog.detail.summary.status is FlowStatus.COMPLETED
    with qtbot.waitSignal(dialog.separation.certificate_issued, timeout=15000) as issued:
        dialog.separation.certificate_button.click()
    doc = issued.args[0]
    assert doc.number == "LZ-2026-0001"
    preview = dialog.separation.preview
    pages = wait_preview(qtbot, preview)
    assert RENDERER == "pdfium"  # a dependency, bundled in the executable
    assert pages >= 1 and not preview.page_labels[0].pixmap().isNull()
    assert preview.print_button.isEnabled()
    assert "LZ-2026-0001" in preview.header.text() and "李四" in preview.header.text()
    preview.resize(820, 760)
    qtbot.wait(100)  # let layouts settle before the picture
    screenshot(preview, "pdf_preview_separation_certificate")
    saved = preview.save_to(str(tmp_path / "证明"))
    assert saved.endswith("证明.pdf") and open(saved, "rb").read() == doc.pdf

    # The approved statement is printed from the settlement tab.
    panel = dialog.separation.panel
    wait_statement(qtbot, panel, lambda s: s.approved)
    assert panel.print_button.isEnabled()
    with qtbot.waitSignal(panel.issued, timeout=15000) as issued:
        assert panel.print_statement()
    assert issued.args[0].number == "JS-2026-0001"
    statement_preview = panel.preview
    if wait_preview(qtbot, statement_preview) and pdf_preview_dialog.print_support_available():
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        with qtbot.waitSignal(statement_preview.printed, timeout=30000):
            statement_preview.print_to(printer)
        assert (tmp_path / "printed.pdf").stat().st_size > 1000
    qtbot.wait(100)  # let layouts settle before the picture
    screenshot(statement_preview, "pdf_preview_settlement_statement")


def test_preview_without_a_renderer_offers_saving(qtbot, company, monkeypatch, tmp_path):
    monkeypatch.setattr(pdf_preview_dialog, "available_renderer", lambda: None)
    session = make_session(company.login("hr"), COMPANY)
    dialog = PdfPreviewDialog(b"%PDF-1.4 test", "测试", session.runner)
    qtbot.addWidget(dialog)
    assert "无法预览" in dialog.status.text() and "保存" in dialog.status.text()
    assert not dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    assert dialog.save_to(str(tmp_path / "a.pdf")) and (tmp_path / "a.pdf").read_bytes() == b"%PDF-1.4 test"


# --- the documents page ------------------------------------------------------------------------------


@pytest.fixture
def separated(company):
    """李四 and 赵六 separated in March 2026 (flows completed), seen on 2 April."""
    company.clock = FixedClock(datetime(2026, 4, 2, 9, 0))
    separate(company, "李四", date(2026, 3, 31))
    separate(company, "赵六", date(2026, 3, 20))
    return company


def open_documents(qtbot, fx) -> DocumentsPage:
    page = DocumentsPage(session_for(fx, "hr"))
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitUntil(lambda: not page.loader.loading, timeout=10000)
    return page


def test_documents_page_lists_reissues_verifies_and_issues(qtbot, separated, errors, tmp_path):
    fx = separated
    doc = issuing.separation_certificate(login(fx, "hr"), fx.emps["李四"])
    page = open_documents(qtbot, fx)
    assert page.model.rowCount() == 1
    row = page.model.row(0)
    assert row.cells[:5] == ("LZ-2026-0001", "离职证明", "李四", "2026-04-02 09:00", "刘人事")
    assert row.cells[5] == doc.sha256[:16] + "…"

    # 补打: the same bytes, in the preview.
    page.select_number("LZ-2026-0001")
    with qtbot.waitSignal(page.previewed, timeout=15000) as shown:
        assert page.reissue_current()
    preview = shown.args[0]
    assert preview.pdf == doc.pdf and "补打" in preview.header.text()
    wait_preview(qtbot, preview)
    preview.close()

    # 核验: our own file is valid, a changed copy is named as altered.
    original = tmp_path / "original.pdf"
    original.write_bytes(doc.pdf)
    with qtbot.waitSignal(page.verified, timeout=15000) as verified:
        assert page.verify_file(str(original))
    assert verified.args[0].status == "valid" and "有效" in page.verify_result.text()
    altered = tmp_path / "altered.pdf"
    altered.write_bytes(doc.pdf.replace(b"/Producer (HRDesk)", b"/Producer (HRDesX)"))
    with qtbot.waitSignal(page.verified, timeout=15000) as verified:
        page.verify_file(str(altered))
    assert verified.args[0].status == "altered" and "已被改动" in page.verify_result.text()
    assert not page.verify_file(str(tmp_path / "missing.pdf")) and "无法读取" in page.verify_result.text()

    # 在职证明: the employee must be chosen from the list; then it is issued and previewed.
    dialog = page.open_employment_dialog()
    qtbot.addWidget(dialog)
    assert not dialog.submit() and "选择员工" in dialog.current_errors()["employee"]
    type_text(qtbot, dialog.employee, "王")
    dialog.lookup._refresh()
    label = next(text for text in dialog.lookup._matches if "王经理" in text)
    dialog.lookup.completer.activated[str].emit(label)
    type_text(qtbot, dialog.purpose, "办理签证")
    screenshot(dialog, "employment_certificate_dialog")
    with qtbot.waitSignal(page.previewed, timeout=15000) as shown:
        assert dialog.submit()
    issued_preview = shown.args[0]
    assert "ZM-2026-0001" in issued_preview.header.text()
    wait_preview(qtbot, issued_preview)
    issued_preview.close()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    assert page.model.row(0).cells[:3] == ("ZM-2026-0001", "在职证明", "王经理")
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(issuing.EMPLOYMENT))
    assert page.model.rowCount() == 1 and "1 / 共 2" in page.count_label.text()
    page.kind_filter.setCurrentIndex(0)
    page.select_number("LZ-2026-0001")
    qtbot.wait(100)  # let layouts settle before the picture
    screenshot(page, "documents_page")


def test_batch_issues_certificates_and_can_be_cancelled(qtbot, separated, errors, tmp_path, monkeypatch):
    fx = separated
    page = open_documents(qtbot, fx)
    dialog = page.open_batch_dialog()
    qtbot.addWidget(dialog)
    dialog.set_period(date(2026, 3, 1), date(2026, 3, 31))
    qtbot.waitUntil(lambda: dialog.count.text() == "该期间已离职 2 人", timeout=10000)
    dialog.folder.setText(str(tmp_path / "missing"))
    assert not dialog.start() and "不存在" in dialog.errors["folder"].text()
    dialog.set_period(date(2026, 3, 31), date(2026, 3, 1))
    assert not dialog.start() and "早于" in dialog.errors["date_to"].text()

    out = tmp_path / "out"
    out.mkdir()
    dialog.set_period(date(2026, 3, 1), date(2026, 3, 31))
    dialog.folder.setText(str(out))
    progress = []
    dialog.progress.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(dialog.finished_batch, timeout=30000) as finished:
        assert dialog.start()
    result = finished.args[0]
    assert not result.cancelled and result.total == 2 and len(result.written) == 2
    assert sorted(p.name for p in out.iterdir()) == ["LZ-2026-0001_赵六_离职证明.pdf", "LZ-2026-0002_李四_离职证明.pdf"]
    qtbot.waitUntil(lambda: (2, 2) in progress, timeout=5000)
    assert dialog.bar.value() == 2 and "已开具 2 份" in dialog.status.text()
    assert not dialog.open_folder_button.isHidden()
    qtbot.wait(100)  # let layouts settle before the picture
    screenshot(dialog, "batch_dialog_done")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)

    # A cancelled run stops after the certificate being written; what is written stays.
    gate = threading.Event()
    real = issuing.separation_certificate

    def slow(ctx, employee_id, **kwargs):
        gate.wait(10)
        return real(ctx, employee_id, **kwargs)

    monkeypatch.setattr(issuing, "separation_certificate", slow)
    again = tmp_path / "again"
    again.mkdir()
    dialog.folder.setText(str(again))
    with qtbot.waitSignal(dialog.finished_batch, timeout=30000) as finished:
        assert dialog.start()
        assert dialog.cancel_button.isVisible() and not dialog.close_button.isEnabled()
        dialog.reject()  # closing while running cancels instead
        assert dialog.isVisible() and "正在取消" in dialog.status.text()
        gate.set()
    result = finished.args[0]
    assert result.cancelled and len(result.written) < result.total == 2
    assert len(list(again.iterdir())) == len(result.written)
    assert "已取消" in dialog.status.text() and dialog.close_button.isEnabled()
    qtbot.wait(100)  # let layouts settle before the picture
    screenshot(dialog, "batch_dialog_cancelled")


# --- calculators -------------------------------------------------------------------------------------


def test_compensation_calculator(qtbot, company):
    dialog = CompensationCalculatorDialog(company.login("hr"), hire_date=date(2024, 1, 1), last_day=date(2026, 3, 31))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.result is None and "填写" in dialog.summary.text()
    type_text(qtbot, dialog.wage, "10,000")
    r = dialog.result
    assert r is not None and r.months_counted == D("2.5") and r.compensation == D("25000.00")
    assert dialog.values["service"].text().startswith("2年3个月")
    assert dialog.values["months"].text() == "2.5" and dialog.values["total"].text() == "25,000.00 元"
    assert "N = 2.5" in dialog.basis.toPlainText()

    # Invalid input: the message next to the field, nothing computed.
    replace_text(qtbot, dialog.wage, "12.345")
    assert dialog.result is None and "两位小数" in dialog.errors["wage"].text()
    assert dialog.values["total"].text() == "—"
    replace_text(qtbot, dialog.wage, "10000")
    dialog.last_day.setDate(date(2023, 12, 1))
    assert dialog.result is None and "入职日期" in dialog.errors["last_day"].text()
    dialog.last_day.setDate(date(2026, 3, 31))

    # A high wage is capped at 3 × the city's average (filled from 薪资设置), the years at 12.
    replace_text(qtbot, dialog.wage, "50000")
    dialog.city.setCurrentIndex(dialog.city.findData("上海"))
    assert dialog.local_average.text() == "12434.00" and "2024年度" in dialog.local_hint.text()
    r = dialog.result
    assert r.capped and r.wage_base == D("37302.00") and r.compensation == D("93255.00")
    assert "三倍" in dialog.values["wage_base"].text()
    dialog.reason.setCurrentIndex(dialog.reason.findData(CompensationCase.RESIGNATION))
    assert dialog.result.compensation == 0 and "不支付" in dialog.values["months"].text()
    assert dialog.reason.count() == len(CompensationCase) == 10  # art. 40's three dismissals included
    dialog.reason.setCurrentIndex(dialog.reason.findData(CompensationCase.MUTUAL))
    dialog.notice_pay.setChecked(True)
    assert dialog.result.notice_pay == D("50000.00")
    qtbot.wait(100)  # let layouts settle before the picture
    screenshot(dialog, "compensation_calculator")


def test_leave_calculator(qtbot, company):
    dialog = LeaveCalculatorDialog(company.login("hr"), last_day=date(2026, 3, 31))
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.working_years, "12")
    replace_text(qtbot, dialog.taken, "1")
    type_text(qtbot, dialog.wage, "10000")
    r = dialog.result
    # 10 days a year; 90 ÷ 365 × 10 = 2.47 − 1 taken → 1 day; 10,000 ÷ 21.75 × 200% = 919.54
    assert r.entitlement == 10 and r.untaken == 1 and r.statutory_pay == D("919.54")
    assert dialog.values["pay"].text() == "919.54 元" and "1 天" in dialog.values["untaken"].text()
    replace_text(qtbot, dialog.working_years, "-1")
    assert dialog.result is None and "负数" in dialog.errors["working_years"].text()
    replace_text(qtbot, dialog.working_years, "12")
    qtbot.wait(100)  # let layouts settle before the picture
    screenshot(dialog, "leave_calculator")


def test_calculators_open_from_page_and_panel(qtbot, leaving, errors):
    fx = leaving
    page = open_documents(qtbot, fx)
    calculator = page.open_compensation_calculator()
    assert calculator.isVisible()
    calculator.close()
    leave = page.open_leave_calculator()
    leave.close()
    dialog = open_flow(qtbot, fx, "finance", fx.flow_id)
    panel = dialog.separation.panel
    st = wait_statement(qtbot, panel)
    calculator = panel.open_compensation_calculator()
    assert calculator.result is not None and calculator.result.compensation == st.compensation.compensation
    leave = panel.open_leave_calculator()
    assert leave.result is not None and leave.result.untaken == st.leave.untaken


# --- company settings for documents ------------------------------------------------------------------


def seal_png(path) -> bytes:
    image = QImage(200, 200, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = painter.pen()
    pen.setColor(QColor("#d0021b"))
    pen.setWidth(10)
    painter.setPen(pen)
    painter.drawEllipse(10, 10, 180, 180)
    painter.end()
    image.save(str(path), "PNG")
    return path.read_bytes()


def test_company_page_document_settings(qtbot, company, tmp_path):
    session = make_session(company.login("admin"), COMPANY)
    page = CompanyPage(session)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.document_options is not None, timeout=10000)
    assert page.seal_preview.text() == "未上传公章" and not page.remove_seal_button.isEnabled()

    page.require_seal.click()  # no seal yet: refused, shown next to the seal, box unticked again
    assert "上传公章图片" in page.err_seal.text() and not page.require_seal.isChecked()
    not_png = tmp_path / "seal.jpg"
    not_png.write_bytes(b"\xff\xd8\xff not a png")
    assert not page.upload_seal(str(not_png)) and "PNG" in page.err_seal.text()

    assert page.upload_seal(str(tmp_path / "seal.png") if seal_png(tmp_path / "seal.png") else "")
    assert page.seal_preview.pixmap() is not None and not page.seal_preview.pixmap().isNull()
    assert page.err_seal.isHidden() and "公章图片已更新" in page.documents_status.text()
    page.require_seal.click()
    page.show_reason.click()
    options = appearance.get_options(session.ctx)
    assert options.require_seal and options.show_reason and options.seal_sha256
    qtbot.wait(100)  # let layouts settle before the picture
    screenshot(page, "company_page_documents")

    assert page.remove_seal()
    options = appearance.get_options(session.ctx)
    assert options.seal_sha256 is None and not options.require_seal and options.show_reason
    assert "一并取消" in page.documents_status.text() and not page.require_seal.isChecked()

    hr_page = CompanyPage(make_session(company.login("hr"), COMPANY))
    qtbot.addWidget(hr_page)
    assert not hr_page.require_seal.isEnabled() and hr_page.upload_seal_button.isHidden()


def test_company_page_reload_read_before_a_save_does_not_untick_the_box(qtbot, company, monkeypatch):
    """A reload read before the user's own click arrives after it: it must not untick the box (CI saw this)."""
    session = make_session(company.login("admin"), COMPANY)
    page = CompanyPage(session)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.document_options is not None, timeout=10000)
    read, release = threading.Event(), threading.Event()
    real_get_options = appearance.get_options

    def slow_get_options(ctx):
        options = real_get_options(ctx)  # read now, delivered only after the click below
        read.set()
        release.wait(10)
        return options

    monkeypatch.setattr(appearance, "get_options", slow_get_options)
    page.reload_document_options()
    assert read.wait(10)
    monkeypatch.setattr(appearance, "get_options", real_get_options)
    page.show_reason.click()
    assert appearance.get_options(session.ctx).show_reason
    release.set()
    assert session.runner.wait_idle(10000)
    qtbot.wait(100)  # the finished reload's result is delivered through the event loop
    assert page.show_reason.isChecked()
    page.require_seal.click()  # no seal: refused, and the refusal restores what is stored, show_reason still on
    assert appearance.get_options(session.ctx).show_reason and page.show_reason.isChecked()

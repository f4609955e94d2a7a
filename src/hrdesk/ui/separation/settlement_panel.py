"""离职结算 in the separation flow: the statement as hrdesk.core.separation.settlement computes it, the
few figures HR and finance enter, finance's confirmation of each deduction, and (once finance has
approved) the printed 离职结算单.

The panel loads, saves and confirms; what it shows is built from statement_lines (the lines),
params_form (结算参数) and deductions_list (扣款). Every service call runs in the background
(hrdesk.ui.common.runner); the services decide who may do what, the buttons only follow the role.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.documents import issuing
from hrdesk.core.kernel.errors import PermissionDenied, StateError, ValidationError
from hrdesk.core.kernel.permissions import Permission, Role
from hrdesk.core.separation import settlement
from hrdesk.core.separation.statement import SettlementParams, Statement
from hrdesk.ui.common import messages
from hrdesk.ui.common.runner import Reloader
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import BADGE_STYLE, ERROR_STYLE, GREEN, HINT_STYLE, NOTICE_STYLE, ORANGE
from hrdesk.ui.separation.deductions_list import DeductionsList
from hrdesk.ui.separation.params_form import SettlementParamsForm
from hrdesk.ui.separation.statement_lines import StatementLinesView
from hrdesk.ui.separation.texts import approved_text, header_html, net_html, tr, warnings_html

WARNING_BOX = (
    "QLabel { background: #fef7e0; color: #7a4f01; border: 1px solid #fdd663; border-radius: 4px; padding: 8px 12px; }"
)
APPROVED_BOX = (
    "QLabel { background: #e6f4ea; color: #137333; border: 1px solid #a8dab5; border-radius: 4px; padding: 6px 12px; }"
)


class SettlementPanel(QWidget):
    loaded = Signal(object)  # Statement shown
    unavailable = Signal(str)  # the service refused to show a statement (not reached yet, no right …)
    saved = Signal(object)  # Statement after 保存并重新计算
    deduction_confirmed = Signal(int)  # checklist item id
    issued = Signal(object)  # IssuedDoc of the 离职结算单

    def __init__(self, session: AppSession, employee_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settlement_panel")
        self.session = session
        self.employee_id = employee_id
        actor = session.actor
        self.can_edit = actor.can_all(Permission.PAYROLL_INPUT)
        self.can_confirm = Role.FINANCE in actor.roles
        self.can_print = actor.can_all(Permission.DOCUMENT_ISSUE)
        self.statement: Statement | None = None
        self.busy = False
        self._stale = False
        self._generation = 0
        self.preview = None  # the last PdfPreviewDialog opened
        self.calculator = None
        self.loader = Reloader(session.runner, self, self._prepare_load, self._loaded, self._load_failed)

        # --- header ---
        self.header = QLabel()
        self.header.setObjectName("settlement_header")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.badge = QLabel()
        self.badge.setObjectName("approved_badge")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.head = QHBoxLayout()
        self.head.addWidget(self.header, 1)
        self.approved_note = QLabel()
        self.approved_note.setObjectName("approved_note")
        self.approved_note.setWordWrap(True)
        self.approved_note.setStyleSheet(APPROVED_BOX)
        self.approved_note.setVisible(False)

        # --- lines ---
        self.table = StatementLinesView()
        self.model = self.table.lines_model
        self.warnings = QLabel()
        self.warnings.setObjectName("settlement_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_BOX)
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        self.warnings.setVisible(False)

        # --- params (its fields are reached through the panel too) ---
        self.params_group = form = SettlementParamsForm(self.can_edit)
        form.save_requested.connect(self.save_params)
        form.unlawful.toggled.connect(lambda *_: self._update_options())
        self.working_years, self.leave_taken, self.average_wage = (
            form.working_years,
            form.leave_taken,
            form.average_wage,
        )
        self.notice_pay, self.refused_renewal, self.unlawful = form.notice_pay, form.refused_renewal, form.unlawful
        self.save_button, self.save_status, self.error_labels = form.save_button, form.save_status, form.error_labels

        # --- deductions ---
        self.deductions_group = DeductionsList()
        self.deductions_group.confirm_requested.connect(self.confirm_deduction)
        self.deductions = self.deductions_group.table

        # --- tools ---
        self.calculator_button = QPushButton(tr("计算器 ▾"))
        self.calculator_button.setObjectName("calculators")
        menu = QMenu(self.calculator_button)
        menu.addAction(tr("离职补偿计算器…"), self.open_compensation_calculator)
        menu.addAction(tr("年休假折算…"), self.open_leave_calculator)
        self.calculator_button.setMenu(menu)
        self.print_button = QPushButton(tr("打印结算单"))
        self.print_button.setObjectName("print_statement")
        self.print_button.clicked.connect(self.print_statement)
        self.print_button.setVisible(self.can_print)
        self.net_label = QLabel()
        self.net_label.setObjectName("net_amount")
        self.net_label.setTextFormat(Qt.TextFormat.RichText)
        self.head.addWidget(self.net_label, 0, Qt.AlignmentFlag.AlignTop)
        self.head.addSpacing(12)
        for widget in (self.calculator_button, self.print_button, self.badge):
            self.head.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)

        # --- arrangement: lines on the left, what to enter on the right, all in a scroll area ---
        left = QVBoxLayout()
        left.addWidget(self.warnings)
        left.addWidget(self.table, 1)
        right = QVBoxLayout()
        right.addWidget(self.deductions_group)  # finance's to-do first
        right.addWidget(self.params_group)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)

        self.content = QWidget()
        self.content.setObjectName("settlement_content")
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(4, 4, 4, 4)
        content_layout.addLayout(self.head)
        content_layout.addWidget(self.approved_note)
        content_layout.addLayout(body, 1)
        self.message = QLabel(tr("正在读取离职结算…"))
        self.message.setObjectName("settlement_message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet(HINT_STYLE)
        self.content.setVisible(False)

        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 0, 0)
        inner_layout.addWidget(self.message)
        inner_layout.addWidget(self.content, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        self.content.setMinimumHeight(320)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        session.signals.changed.connect(self._on_changes)

    @property
    def confirm_buttons(self) -> dict:
        """确认扣款 buttons by checklist item id (rebuilt with every statement shown)."""
        return self.deductions_group.confirm_buttons

    # --- loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        self.loader.reload()

    def _prepare_load(self):
        ctx, employee_id, generation = self.session.ctx, self.employee_id, self._generation
        return lambda: (generation, settlement.statement(ctx, employee_id))

    def _loaded(self, result) -> None:
        generation, statement = result
        if self.busy:
            return  # a save or a confirmation is running; its result is shown when it comes back
        if generation != self._generation:
            self.reload()  # one ran meanwhile: this statement may be older than the one shown
            return
        self.show_statement(statement)

    def _changed_here(self) -> None:
        """A save or confirmation was sent or came back: loads started before it are stale."""
        self._generation += 1

    def _load_failed(self, exc: BaseException) -> None:
        if isinstance(exc, (StateError, PermissionDenied)):
            self.statement = None
            self.content.setVisible(False)
            self.message.setText(str(exc))
            self.message.setVisible(True)
            self.unavailable.emit(str(exc))
            return
        self.message.setText(messages.user_message(exc))
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setVisible(self.statement is None)
        self.unavailable.emit(messages.user_message(exc))

    def _on_changes(self, changes) -> None:
        if self.busy or not self.session.signals.touches(changes, "settlement", "flow", "payroll_entry"):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True  # reloaded when shown

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()

    # --- showing ----------------------------------------------------------------------------------

    def show_statement(self, st: Statement) -> None:
        self.statement = st
        self.message.setVisible(False)
        self.content.setVisible(True)
        self._show_header(st)
        self.table.show_lines(st)
        self._show_warnings(st)
        self.params_group.show_params(st)
        self.deductions_group.show_deductions(st, self.can_confirm)
        self.print_button.setEnabled(st.approved)
        self.print_button.setToolTip("" if st.approved else tr("财务审核结算后才能打印结算单"))
        self.loaded.emit(st)

    def _show_header(self, st: Statement) -> None:
        self.header.setText(header_html(st))
        self.net_label.setText(net_html(st))
        if st.approved:
            self.badge.setText(tr("已审核"))
            self.badge.setStyleSheet(BADGE_STYLE.format(GREEN.name()))
            self.approved_note.setText(approved_text(st))
        else:
            self.badge.setText(tr("待财务审核"))
            self.badge.setStyleSheet(BADGE_STYLE.format(ORANGE.name()))
        self.approved_note.setVisible(st.approved)

    def _show_warnings(self, st: Statement) -> None:
        if not st.warnings:
            self.warnings.setVisible(False)
            return
        self.warnings.setText(warnings_html(st))
        self.warnings.setVisible(True)

    def _update_options(self) -> None:
        self.params_group.update_options(self.statement)

    # --- params -----------------------------------------------------------------------------------

    def collect_params(self) -> SettlementParams | None:
        """The entered figures, or None with the problem shown beside its field."""
        return self.params_group.collect(self.statement.params if self.statement else SettlementParams())

    def save_params(self) -> bool:
        """保存并重新计算 in the background; False when nothing was sent."""
        if self.busy or not self.can_edit:
            return False
        params = self.collect_params()
        if params is None:
            return False
        ctx, employee_id = self.session.ctx, self.employee_id
        self._change(
            tr("正在保存并重新计算…"),
            lambda: settlement.save_params(ctx, employee_id, params),
            tr("已保存，结算已重新计算。"),
            self.saved.emit,
        )
        return True

    def _change(self, busy_text: str, work, done_text: str, announce) -> None:
        """Run a change of the statement in the background (``work`` returns the new statement); busy
        meanwhile, then the new statement, ``done_text`` and ``announce(statement)``."""
        self._set_busy(True, busy_text)

        def done(st: Statement):
            self._set_busy(False, "")
            self.show_statement(st)
            self.params_group.say(done_text, NOTICE_STYLE)
            announce(st)

        self.session.runner.submit(work, done, self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False, "")
        if isinstance(exc, ValidationError):
            self.params_group.show_errors(exc.errors)
            return
        self.save_status.setText("")
        messages.show_error(self, exc)
        if isinstance(exc, StateError):
            self.reload()

    def current_errors(self) -> dict[str, str]:
        return self.params_group.current_errors()

    def _set_busy(self, busy: bool, text: str) -> None:
        self.busy = busy
        self._changed_here()
        self.save_button.setEnabled(not busy)
        for button in self.confirm_buttons.values():
            button.setEnabled(not busy)
        if text:
            self.params_group.say(text, HINT_STYLE)

    # --- deductions -------------------------------------------------------------------------------

    def confirm_deduction(self, item_id: int) -> bool:
        if self.busy or not self.can_confirm:
            return False
        ctx, employee_id = self.session.ctx, self.employee_id
        self._change(
            tr("正在确认扣款…"),
            lambda: settlement.confirm_deduction(ctx, employee_id, item_id),
            tr("扣款已确认。"),
            lambda st: self.deduction_confirmed.emit(item_id),
        )
        return True

    # --- printing ---------------------------------------------------------------------------------

    def print_statement(self) -> bool:
        """Issue the 离职结算单 (after finance's approval) and show it for saving and printing."""
        if self.busy or not self.can_print or self.statement is None or not self.statement.approved:
            return False
        self.busy = True
        self.print_button.setEnabled(False)
        ctx, employee_id = self.session.ctx, self.employee_id

        def done(doc):
            self.busy = False
            self.print_button.setEnabled(True)
            self.issued.emit(doc)
            self.open_preview(doc)

        def failed(exc):
            self.busy = False
            self.print_button.setEnabled(True)
            messages.show_error(self, exc)

        self.session.runner.submit(lambda: issuing.settlement_statement(ctx, employee_id), done, failed, owner=self)
        return True

    def open_preview(self, doc):
        from hrdesk.ui.common.pdf_preview_dialog import open_preview

        self.preview = open_preview(doc, self.session.runner, self)
        return self.preview

    # --- calculators ------------------------------------------------------------------------------

    def open_compensation_calculator(self):
        from hrdesk.ui.separation.compensation_calculator_dialog import CompensationCalculatorDialog

        st = self.statement
        kwargs = {}
        if st is not None:
            kwargs = dict(
                hire_date=st.hire_date, last_day=st.last_working_day, average_wage=st.average_wage, case=st.case
            )
        self.calculator = CompensationCalculatorDialog(self.session.ctx, self, **kwargs)
        if st is not None and st.compensation.wage_cap is not None:
            self.calculator.local_average.setText(f"{st.compensation.wage_cap / 3:.2f}")
        self.calculator.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.calculator.open()
        return self.calculator

    def open_leave_calculator(self):
        from hrdesk.ui.separation.leave_calculator_dialog import LeaveCalculatorDialog

        st = self.statement
        kwargs = {}
        if st is not None:
            kwargs = dict(
                working_years=st.leave.working_years,
                last_day=st.last_working_day,
                taken=st.leave.taken,
                monthly_wage=st.average_wage,
                hire_date=st.hire_date,
            )
        self.calculator = LeaveCalculatorDialog(self.session.ctx, self, **kwargs)
        self.calculator.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.calculator.open()
        return self.calculator

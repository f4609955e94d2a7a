"""离职结算 in the separation flow: the statement as hrdesk.core.services.settlement computes it, the
few figures HR and finance enter, finance's confirmation of each deduction, and (once finance has
approved) the printed 离职结算单.

``SettlementPanel`` is the statement itself; ``SeparationSection`` is what the flow dialog adds for a
separation (the 离职结算 tab and the 离职证明预览 button), so flow_dialog.py only calls it.

Every service call runs in the background (hrdesk.ui.runner); the services decide who may do what,
the buttons only follow the role.
"""

from __future__ import annotations

import html
import weakref
from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.domain.separation import SeparationReason
from hrdesk.core.domain.settlement.compensation import CompensationCase
from hrdesk.core.domain.workflow import FlowKind, FlowStatus
from hrdesk.core.errors import PermissionDenied, StateError, ValidationError
from hrdesk.core.permissions import Permission, Role
from hrdesk.core.services import documents, settlement
from hrdesk.core.services.settlement import SettlementParams, Statement
from hrdesk.ui import messages
from hrdesk.ui.dialogs.compensation_calculator_dialog import number_text, parse_number
from hrdesk.ui.runner import Reloader
from hrdesk.ui.session import AppSession
from hrdesk.ui.styles import BADGE_STYLE, ERROR_STYLE, GREEN, HINT_STYLE, NOTICE_STYLE, ORANGE, RED

WARNING_BOX = ("QLabel { background: #fef7e0; color: #7a4f01; border: 1px solid #fdd663; border-radius: 4px;"
               " padding: 8px 12px; }")
APPROVED_BOX = ("QLabel { background: #e6f4ea; color: #137333; border: 1px solid #a8dab5; border-radius: 4px;"
                " padding: 6px 12px; }")
NET_BACKGROUND = QColor("#e6f4ea")
MINUS = "\u2212"
BASIS_LINES = 3  # the 计算依据 column wraps to at most this many lines; the tooltip has all of it


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettlementPanel", text)


def money(amount: Decimal) -> str:
    return f"{amount:,.2f}"


def signed_money(amount: Decimal) -> str:
    return f"{MINUS}{-amount:,.2f}" if amount < 0 else f"{amount:,.2f}"


def month_text(month) -> str:
    return _tr("{0}年{1:02d}月").format(month.year, month.month)


# --- the 计算依据 column: wrapped, at most three lines, elided ---------------------------------------


class WrappedTextDelegate(QStyledItemDelegate):
    """Word-wraps a cell to ``max_lines`` lines and ends the last with … when there is more."""

    def __init__(self, max_lines: int, parent=None):
        super().__init__(parent)
        self.max_lines = max_lines
        self.padding = 4

    def _lines(self, text: str, font: QFont, width: int) -> list[str]:
        layout = QTextLayout(text, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        spans = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            spans.append((line.textStart(), line.textLength()))
        layout.endLayout()
        return [text[start:start + length] for start, length in spans]

    def _visible(self, text: str, font: QFont, width: int) -> list[str]:
        from PySide6.QtGui import QFontMetrics

        lines = self._lines(text, font, width)
        if len(lines) <= self.max_lines:
            return lines
        shown = lines[:self.max_lines - 1]
        rest = "".join(lines[self.max_lines - 1:])
        shown.append(QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width))
        return shown

    def paint(self, painter, option, index) -> None:
        self.initStyleOption(option, index)
        text = option.text
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        rect = option.rect.adjusted(self.padding, self.padding // 2, -self.padding, -self.padding // 2)
        lines = self._visible(text, option.font, max(10, rect.width()))
        painter.save()
        painter.setFont(option.font)
        color = index.data(Qt.ItemDataRole.ForegroundRole)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(option.palette.highlightedText().color())
        elif isinstance(color, (QBrush, QColor)):
            painter.setPen(color.color() if isinstance(color, QBrush) else color)
        else:
            painter.setPen(QColor("#3c4043"))
        spacing = option.fontMetrics.lineSpacing()
        for number, line in enumerate(lines):
            painter.drawText(QRectF(rect.x(), rect.y() + number * spacing, rect.width(), spacing),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), line)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt)
        self.initStyleOption(option, index)
        view = option.widget
        width = view.columnWidth(index.column()) if isinstance(view, QTableView) else option.rect.width()
        lines = self._visible(option.text, option.font, max(10, width - 2 * self.padding)) if option.text else [""]
        return QSize(width, len(lines) * option.fontMetrics.lineSpacing() + self.padding + 4)


# --- the panel ---------------------------------------------------------------------------------


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
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([_tr("项目"), _tr("计算依据"), _tr("金额（元）")])
        self.table = QTableView()
        self.table.setObjectName("settlement_lines")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setItemDelegateForColumn(1, WrappedTextDelegate(BASIS_LINES, self.table))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        metrics = self.table.fontMetrics()
        self.table.setColumnWidth(0, metrics.horizontalAdvance("个人所得税（经济补偿金）") + 20)
        self.table.setColumnWidth(2, metrics.horizontalAdvance("−999,999.99") + 28)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.setMinimumHeight(160)

        self.warnings = QLabel()
        self.warnings.setObjectName("settlement_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_BOX)
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        self.warnings.setVisible(False)

        # --- params ---
        self.params_group = QGroupBox(_tr("结算参数"))
        self.params_group.setObjectName("params_group")
        self.working_years = self._edit("working_years", _tr("按本公司工龄估算"))
        self.leave_taken = self._edit("leave_taken", "0")
        self.average_wage = self._edit("average_wage", _tr("留空按工资记录"))
        self.notice_pay = QCheckBox(_tr("代通知金"))
        self.notice_pay.setObjectName("notice_pay")
        self.notice_pay.setToolTip(_tr("未提前三十日通知时，额外支付一个月工资（《劳动合同法》第四十条）"))
        self.refused_renewal = QCheckBox(_tr("员工拒绝同等条件续签"))
        self.refused_renewal.setObjectName("refused_renewal")
        self.unlawful = QCheckBox(_tr("违法解除"))
        self.unlawful.setObjectName("unlawful")
        self.unlawful.setToolTip(_tr("经仲裁认定或公司确认为违法解除：按 2N 支付赔偿金，不再另付经济补偿"))
        self.unlawful.toggled.connect(lambda *_: self._update_options())
        self.error_labels = {key: self._error(key) for key in ("working_years", "leave_taken", "average_wage",
                                                               "notice_pay")}
        grid = QGridLayout(self.params_group)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        row = 0
        for title, edit, key, unit in [(_tr("累计工作年限"), self.working_years, "working_years", _tr("年")),
                                       (_tr("本年已休年假天数"), self.leave_taken, "leave_taken", _tr("天")),
                                       (_tr("前12个月平均工资"), self.average_wage, "average_wage", _tr("元"))]:
            grid.addWidget(QLabel(title), row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(edit, row, 1)
            grid.addWidget(QLabel(unit), row, 2)
            grid.addWidget(self.error_labels[key], row + 1, 1, 1, 3)
            row += 2
        checks = QHBoxLayout()
        checks.addWidget(self.notice_pay)
        checks.addWidget(self.refused_renewal)
        checks.addWidget(self.unlawful)
        checks.addStretch(1)
        grid.addLayout(checks, row, 0, 1, 4)
        grid.addWidget(self.error_labels["notice_pay"], row + 1, 0, 1, 4)
        row += 2
        self.save_button = QPushButton(_tr("保存并重新计算"))
        self.save_button.setObjectName("save_params")
        self.save_button.clicked.connect(self.save_params)
        self.save_status = QLabel()
        self.save_status.setObjectName("save_status")
        self.save_status.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.save_button)
        actions.addWidget(self.save_status, 1)
        grid.addLayout(actions, row, 0, 1, 4)
        grid.setColumnStretch(3, 1)
        for edit in (self.working_years, self.leave_taken, self.average_wage):
            edit.returnPressed.connect(self.save_params)

        # --- deductions ---
        self.deductions_group = QGroupBox(_tr("扣款（来自交接清单）"))
        self.deductions_group.setObjectName("deductions_group")
        self.deductions = QTableWidget(0, 3)
        self.deductions.setObjectName("deductions_table")
        self.deductions.setHorizontalHeaderLabels([_tr("扣款项目"), _tr("金额"), _tr("状态")])
        self.deductions.verticalHeader().setVisible(False)
        self.deductions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.deductions.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.deductions.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        dh = self.deductions.horizontalHeader()
        dh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        dh.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        dh.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.deductions.verticalHeader().setDefaultSectionSize(32)
        self.no_deductions = QLabel(_tr("交接清单中没有扣款。"))
        self.no_deductions.setStyleSheet(HINT_STYLE)
        self.confirm_buttons: dict[int, QPushButton] = {}
        dl = QVBoxLayout(self.deductions_group)
        dl.addWidget(self.no_deductions)
        dl.addWidget(self.deductions)

        # --- tools ---
        self.calculator_button = QPushButton(_tr("计算器 ▾"))
        self.calculator_button.setObjectName("calculators")
        menu = QMenu(self.calculator_button)
        menu.addAction(_tr("离职补偿计算器…"), self.open_compensation_calculator)
        menu.addAction(_tr("年休假折算…"), self.open_leave_calculator)
        self.calculator_button.setMenu(menu)
        self.print_button = QPushButton(_tr("打印结算单"))
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
        self.message = QLabel(_tr("正在读取离职结算…"))
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

    @staticmethod
    def _edit(name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(placeholder or "000,000.00") + 24)
        return edit

    @staticmethod
    def _error(key: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"{key}_error")
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.setVisible(False)
        return label

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
        self._show_lines(st)
        self._show_warnings(st)
        self._show_params(st)
        self._show_deductions(st)
        self.print_button.setEnabled(st.approved)
        self.print_button.setToolTip("" if st.approved else _tr("财务审核结算后才能打印结算单"))
        self.loaded.emit(st)

    def _show_header(self, st: Statement) -> None:
        def part(label, value):
            return f"<span style='color:#5f6368'>{html.escape(label)}</span> {html.escape(value)}"

        who = " · ".join(x for x in (st.department, st.position) if x)
        after = st.stop_month.month % 12 + 1
        line1 = f"<span style='font-size:12pt; font-weight:bold'>{html.escape(st.name)}</span>　" \
                f"{html.escape(st.emp_no)}　{html.escape(who)}"
        line2 = "　　".join([
            part(_tr("离职原因"), st.reason.label + (_tr("（按违法解除计算）")
                                                    if st.case is CompensationCase.UNLAWFUL else "")),
            part(_tr("最后工作日"), st.last_working_day.isoformat()),
            part(_tr("社保公积金缴至"), _tr("{0}（{1}月减员）").format(month_text(st.stop_month), after)),
            part(_tr("计入"), _tr("{0}工资").format(month_text(st.payroll_month))),
        ])
        self.header.setText(f"{line1}<br/>{line2}")
        self.net_label.setText(f"<span style='color:#5f6368'>{html.escape(_tr('实发合计'))}</span> "
                               f"<span style='font-size:14pt; font-weight:bold; color:#137333'>"
                               f"{html.escape(signed_money(st.net_amount))}</span>")
        if st.approved:
            self.badge.setText(_tr("已审核"))
            self.badge.setStyleSheet(BADGE_STYLE.format(GREEN.name()))
            self.approved_note.setText(_tr("财务（{0}）已审核，结算单已冻结并计入{1}工资；如需修改，请将流程退回。").format(
                st.approved_by or "", month_text(st.payroll_month)))
        else:
            self.badge.setText(_tr("待财务审核"))
            self.badge.setStyleSheet(BADGE_STYLE.format(ORANGE.name()))
        self.approved_note.setVisible(st.approved)

    def _show_lines(self, st: Statement) -> None:
        self.model.removeRows(0, self.model.rowCount())
        bold = QFont(self.table.font())
        bold.setBold(True)
        for line in st.lines:
            item = QStandardItem(line.item)
            text = line.basis.replace("。；", "。")  # the basis joins whole sentences with "；"
            basis = QStandardItem(text)
            basis.setToolTip(text.replace("。", "。\n").replace("；", "；\n").strip())
            amount = QStandardItem(signed_money(line.amount))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(line.item)
            if line.section == "deduction" or line.amount < 0:
                amount.setForeground(QBrush(RED))
            if line.section == "net":
                for cell in (item, basis, amount):
                    cell.setFont(bold)
                    cell.setBackground(QBrush(NET_BACKGROUND))
                basis.setText(_tr("应发合计减去各项扣款"))
                basis.setToolTip("")
            self.model.appendRow([item, basis, amount])
        self.table.resizeRowsToContents()

    def _show_warnings(self, st: Statement) -> None:
        if not st.warnings:
            self.warnings.setVisible(False)
            return
        items = "".join(f"<li>{html.escape(w)}</li>" for w in st.warnings)
        self.warnings.setText(f"<b>{html.escape(_tr('请注意'))}</b><ul style='margin:2px 0 0 -24px'>{items}</ul>")
        self.warnings.setVisible(True)

    def _show_params(self, st: Statement) -> None:
        p = st.params
        self.working_years.setText("" if p.working_years is None else number_text(p.working_years))
        self.leave_taken.setText(number_text(p.leave_taken) if p.leave_taken else "0")
        self.average_wage.setText("" if p.average_wage is None else f"{p.average_wage:.2f}")
        self.average_wage.setPlaceholderText(_tr("自动：{0}").format(money(st.average_wage)))
        self.average_wage.setToolTip(_tr("当前按 {0}：{1}\n填写后按所填金额计算（含奖金、津贴，不含经济补偿）").format(
            money(st.average_wage), st.average_wage_basis))
        self.notice_pay.setChecked(p.notice_pay)
        self.refused_renewal.setChecked(p.refused_renewal)
        self.unlawful.setChecked(p.unlawful)
        messages.show_field_errors(self.error_labels, {})
        editable = self.can_edit and not st.approved
        for widget in (self.working_years, self.leave_taken, self.average_wage):
            widget.setReadOnly(not editable)
        self.unlawful.setEnabled(editable)
        self.save_button.setVisible(editable)
        if not self.can_edit:
            self.save_status.setText(_tr("只有人事和财务可以修改结算参数。"))
            self.save_status.setStyleSheet(HINT_STYLE)
        elif st.approved:
            self.save_status.setText("")
        self._update_options()

    def _update_options(self) -> None:
        """代通知金 only where compensation N is owed; 拒绝续签 only for an expiring contract."""
        st = self.statement
        if st is None:
            return
        editable = self.can_edit and not st.approved
        unlawful = self.unlawful.isChecked()
        n_case = st.reason in (SeparationReason.MUTUAL, SeparationReason.LAYOFF, SeparationReason.EXPIRY)
        self.notice_pay.setEnabled(editable and n_case and not unlawful)
        self.refused_renewal.setEnabled(editable and not unlawful)
        self.refused_renewal.setVisible(st.reason is SeparationReason.EXPIRY)  # only an expiring contract
        if unlawful:
            self.notice_pay.setChecked(False)
            self.refused_renewal.setChecked(False)
        self.notice_pay.setToolTip(_tr("未提前三十日通知时，额外支付一个月工资（《劳动合同法》第四十条）")
                                   if n_case else _tr("“{0}”不支付代通知金").format(st.reason.label))
        self.refused_renewal.setToolTip(_tr("合同到期时公司以同等或更好条件续签而员工不同意：不支付经济补偿")
                                        if st.reason is SeparationReason.EXPIRY else _tr("仅适用于合同到期"))

    def _show_deductions(self, st: Statement) -> None:
        table = self.deductions
        table.setRowCount(0)
        self.confirm_buttons = {}
        self.no_deductions.setVisible(not st.deductions)
        table.setVisible(bool(st.deductions))
        for row, d in enumerate(st.deductions):
            table.insertRow(row)
            origin = QTableWidgetItem(d.origin)
            origin.setToolTip(d.origin)
            amount = QTableWidgetItem(f"{MINUS}{money(d.amount)}")
            amount.setForeground(QBrush(RED))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, 0, origin)
            table.setItem(row, 1, amount)
            if d.confirmed:
                state = QTableWidgetItem(_tr("✓ 财务已确认"))
                state.setForeground(QBrush(GREEN))
                table.setItem(row, 2, state)
            elif self.can_confirm and not st.approved:
                button = QPushButton(_tr("确认扣款"))
                button.setObjectName(f"confirm_deduction_{d.item_id}")
                button.clicked.connect(lambda _=False, item_id=d.item_id: self.confirm_deduction(item_id))
                table.setCellWidget(row, 2, button)
                self.confirm_buttons[d.item_id] = button
            else:
                state = QTableWidgetItem(_tr("待财务确认"))
                state.setForeground(QBrush(ORANGE))
                table.setItem(row, 2, state)
        height = table.horizontalHeader().height() + 32 * max(1, len(st.deductions)) + 2 * table.frameWidth()
        table.setFixedHeight(height)

    # --- params -----------------------------------------------------------------------------------

    def collect_params(self) -> SettlementParams | None:
        """The entered figures, or None with the problem shown beside its field."""
        errors: dict[str, str] = {}
        values: dict[str, Decimal | None] = {}
        for key, edit in (("working_years", self.working_years), ("leave_taken", self.leave_taken),
                          ("average_wage", self.average_wage)):
            text = edit.text().strip()
            if not text:
                values[key] = None
                continue
            negative = text.startswith(("-", "−"))
            try:
                value = parse_number(text.lstrip("-−"), places=2 if key == "average_wage" else 1)
            except ValueError as exc:
                errors[key] = str(exc)
                continue
            values[key] = -value if negative else value  # a negative figure is the service's to refuse
        if errors:
            self._show_errors(errors)
            return None
        current = self.statement.params if self.statement else SettlementParams()
        return replace(current, working_years=values["working_years"],
                       leave_taken=values["leave_taken"] if values["leave_taken"] is not None else Decimal("0"),
                       average_wage=values["average_wage"], notice_pay=self.notice_pay.isChecked(),
                       refused_renewal=self.refused_renewal.isChecked(), unlawful=self.unlawful.isChecked())

    def save_params(self) -> bool:
        """保存并重新计算 in the background; False when nothing was sent."""
        if self.busy or not self.can_edit:
            return False
        params = self.collect_params()
        if params is None:
            return False
        self._set_busy(True, _tr("正在保存并重新计算…"))
        ctx, employee_id = self.session.ctx, self.employee_id

        def done(st: Statement):
            self._set_busy(False, "")
            self.show_statement(st)
            self.save_status.setText(_tr("已保存，结算已重新计算。"))
            self.save_status.setStyleSheet(NOTICE_STYLE)
            self.saved.emit(st)

        self.session.runner.submit(lambda: settlement.save_params(ctx, employee_id, params), done,
                                   self._failed, owner=self)
        return True

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False, "")
        if isinstance(exc, ValidationError):
            self._show_errors(exc.errors)
            return
        self.save_status.setText("")
        messages.show_error(self, exc)
        if isinstance(exc, StateError):
            self.reload()

    def _show_errors(self, errors: dict[str, str]) -> None:
        mapped = {{"monthly_wage": "average_wage", "company_leave_taken": "leave_taken"}.get(k, k): v
                  for k, v in errors.items()}
        leftovers = messages.show_field_errors(self.error_labels, mapped)
        text = "；".join(leftovers) if leftovers else _tr("未保存：请修正标红的内容。")
        self.save_status.setText(text)
        self.save_status.setStyleSheet(ERROR_STYLE)
        first = next((k for k in ("working_years", "leave_taken", "average_wage") if k in mapped), None)
        if first:
            getattr(self, first).setFocus()

    def current_errors(self) -> dict[str, str]:
        return {k: label.text() for k, label in self.error_labels.items() if not label.isHidden() and label.text()}

    def _set_busy(self, busy: bool, text: str) -> None:
        self.busy = busy
        self._changed_here()
        self.save_button.setEnabled(not busy)
        for button in self.confirm_buttons.values():
            button.setEnabled(not busy)
        if text:
            self.save_status.setText(text)
            self.save_status.setStyleSheet(HINT_STYLE)

    # --- deductions -------------------------------------------------------------------------------

    def confirm_deduction(self, item_id: int) -> bool:
        if self.busy or not self.can_confirm:
            return False
        self._set_busy(True, _tr("正在确认扣款…"))
        ctx, employee_id = self.session.ctx, self.employee_id

        def done(st: Statement):
            self._set_busy(False, "")
            self.show_statement(st)
            self.save_status.setText(_tr("扣款已确认。"))
            self.save_status.setStyleSheet(NOTICE_STYLE)
            self.deduction_confirmed.emit(item_id)

        self.session.runner.submit(lambda: settlement.confirm_deduction(ctx, employee_id, item_id), done,
                                   self._failed, owner=self)
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

        self.session.runner.submit(lambda: documents.settlement_statement(ctx, employee_id), done, failed, owner=self)
        return True

    def open_preview(self, doc):
        from hrdesk.ui.dialogs.pdf_preview_dialog import open_preview

        self.preview = open_preview(doc, self.session.runner, self)
        return self.preview

    # --- calculators ------------------------------------------------------------------------------

    def open_compensation_calculator(self):
        from hrdesk.ui.dialogs.compensation_calculator_dialog import CompensationCalculatorDialog

        st = self.statement
        kwargs = {}
        if st is not None:
            kwargs = dict(hire_date=st.hire_date, last_day=st.last_working_day, average_wage=st.average_wage,
                          case=st.case)
        self.calculator = CompensationCalculatorDialog(self.session.ctx, self, **kwargs)
        if st is not None and st.compensation.wage_cap is not None:
            self.calculator.local_average.setText(f"{st.compensation.wage_cap / 3:.2f}")
        self.calculator.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.calculator.open()
        return self.calculator

    def open_leave_calculator(self):
        from hrdesk.ui.dialogs.leave_calculator_dialog import LeaveCalculatorDialog

        st = self.statement
        kwargs = {}
        if st is not None:
            kwargs = dict(working_years=st.leave.working_years, last_day=st.last_working_day, taken=st.leave.taken,
                          monthly_wage=st.average_wage, hire_date=st.hire_date)
        self.calculator = LeaveCalculatorDialog(self.session.ctx, self, **kwargs)
        self.calculator.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.calculator.open()
        return self.calculator


# --- what the flow dialog shows for a separation -----------------------------------------------------


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
        self.certificate_button = QPushButton(_tr("离职证明预览"))
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
            f.tabs.addTab(self.panel, _tr("离职结算"))
        if self.panel is not None:
            f.tabs.setTabVisible(f.tabs.indexOf(self.panel), show_tab)
            if show_tab:
                self.panel.reload()
                if not self._selected_once and detail.my_actions and detail.summary.step_name == self._finance_name(
                        detail):
                    self._selected_once = True
                    f.tabs.setCurrentWidget(self.panel)  # finance is here to settle: show it first
                    f.splitter.setSizes([110, 520])  # and give it the room (the steps stay visible)
        completed = detail.summary.status is FlowStatus.COMPLETED
        self.certificate_button.setVisible(separation and self.can_issue and (completed or at_archive_step(detail)))
        self.certificate_button.setToolTip(
            _tr("开具离职证明并预览、保存、打印") if completed
            else _tr("人事归档、流程完成后（员工状态变为“已离职”）才能开具离职证明"))

    @staticmethod
    def _finance_name(detail) -> str | None:
        return next((s.name for s in detail.steps if s.actor == Role.FINANCE.label), None)

    def preview_certificate(self) -> bool:
        detail = self.dialog.detail
        if detail.summary.status is not FlowStatus.COMPLETED:
            QMessageBox.information(self.dialog, _tr("离职证明"), _tr(
                "员工在离职流程完成（人事归档）后状态才变为“已离职”，届时才能开具离职证明。\n"
                "请先确认交接清单，再在本步骤点击“通过”完成归档，然后即可开具。"))
            return False
        if self._issuing:
            return False
        self._issuing = True
        self.certificate_button.setEnabled(False)
        ctx, employee_id = self.session.ctx, detail.summary.subject_employee_id

        def done(doc):
            self._issuing = False
            self.certificate_button.setEnabled(True)
            from hrdesk.ui.dialogs.pdf_preview_dialog import open_preview

            self.preview = open_preview(doc, self.session.runner, self.dialog)
            self.certificate_issued.emit(doc)

        def failed(exc):
            self._issuing = False
            self.certificate_button.setEnabled(True)
            messages.show_error(self.dialog, exc)

        self.session.runner.submit(lambda: documents.separation_certificate(ctx, employee_id), done, failed,
                                   owner=self.dialog)
        return True

"""结算参数: the few figures HR and finance enter for a 离职结算, and the choices that change it.

累计工作年限, 本年已休年假天数 and the average wage (empty means: as the service works it out), and
代通知金 (for an art. 40 dismissal: "未提前三十日书面通知", paid at the previous month's wage;
elsewhere an agreed extra month), 员工拒绝同等条件续签 and 违法解除. The form reads and checks what
was typed and shows the service's messages next to their fields; saving is the panel's
(``save_requested``).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton

from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.kernel.money import format_money
from hrdesk.core.separation.statement import SettlementParams, Statement
from hrdesk.ui.common import messages
from hrdesk.ui.common.form_parts import error_label, shown_errors
from hrdesk.ui.common.styles import ERROR_STYLE, HINT_STYLE
from hrdesk.ui.separation.calculator import number_text, parse_number
from hrdesk.ui.separation.texts import tr

FIGURES = ("working_years", "leave_taken", "average_wage")  # the typed fields, in the order shown
N_REASONS = (SeparationReason.MUTUAL, SeparationReason.LAYOFF, SeparationReason.EXPIRY)  # N owed, not art. 40
SERVICE_FIELDS = {"monthly_wage": "average_wage", "company_leave_taken": "leave_taken"}  # service name -> ours


class SettlementParamsForm(QGroupBox):
    """The 结算参数 box; editable only for HR and finance (``can_edit``) and until finance approves."""

    save_requested = Signal()  # 保存并重新计算, by the button or Enter in a figure

    def __init__(self, can_edit: bool, parent=None):
        super().__init__(tr("结算参数"), parent)
        self.setObjectName("params_group")
        self.can_edit = can_edit
        self.working_years = self._edit("working_years", tr("按本公司工龄估算"))
        self.leave_taken = self._edit("leave_taken", "0")
        self.average_wage = self._edit("average_wage", tr("留空按工资记录"))
        self.notice_pay = QCheckBox(tr("另付一个月工资（约定）"))  # the text follows the reason (update_options)
        self.notice_pay.setObjectName("notice_pay")
        self.refused_renewal = QCheckBox(tr("员工拒绝同等条件续签"))
        self.refused_renewal.setObjectName("refused_renewal")
        self.unlawful = QCheckBox(tr("违法解除"))
        self.unlawful.setObjectName("unlawful")
        self.unlawful.setToolTip(tr("经仲裁认定或公司确认为违法解除：按 2N 支付赔偿金，不再另付经济补偿"))
        self.error_labels = {key: self._error(key) for key in (*FIGURES, "notice_pay")}
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        row = 0
        for title, edit, key, unit in [
            (tr("累计工作年限"), self.working_years, "working_years", tr("年")),
            (tr("本年已休年假天数"), self.leave_taken, "leave_taken", tr("天")),
            (tr("前12个月平均工资"), self.average_wage, "average_wage", tr("元")),
        ]:
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
        self.save_button = QPushButton(tr("保存并重新计算"))
        self.save_button.setObjectName("save_params")
        self.save_button.clicked.connect(lambda *_: self.save_requested.emit())
        self.save_status = QLabel()
        self.save_status.setObjectName("save_status")
        self.save_status.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.save_button)
        actions.addWidget(self.save_status, 1)
        grid.addLayout(actions, row, 0, 1, 4)
        grid.setColumnStretch(3, 1)
        for edit in (self.working_years, self.leave_taken, self.average_wage):
            edit.returnPressed.connect(lambda: self.save_requested.emit())

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
        label = error_label()
        label.setObjectName(f"{key}_error")
        return label

    def say(self, text: str, style: str) -> None:
        """A line beside the save button: saving…, saved, or what is wrong."""
        self.save_status.setText(text)
        self.save_status.setStyleSheet(style)

    # --- showing ----------------------------------------------------------------------------------

    def show_params(self, st: Statement) -> None:
        p = st.params
        self.working_years.setText("" if p.working_years is None else number_text(p.working_years))
        self.leave_taken.setText(number_text(p.leave_taken) if p.leave_taken else "0")
        self.average_wage.setText("" if p.average_wage is None else f"{p.average_wage:.2f}")
        self.average_wage.setPlaceholderText(tr("自动：{0}").format(format_money(st.average_wage)))
        self.average_wage.setToolTip(
            tr("当前按 {0}：{1}\n填写后按所填金额计算（含奖金、津贴，不含经济补偿）").format(
                format_money(st.average_wage), st.average_wage_basis
            )
        )
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
            self.say(tr("只有人事和财务可以修改结算参数。"), HINT_STYLE)
        elif st.approved:
            self.save_status.setText("")
        self.update_options(st)

    def update_options(self, st: Statement | None) -> None:
        """代通知金 only where compensation N is owed (for art. 40 it says notice was not given);
        拒绝续签 only for an expiring contract."""
        if st is None:
            return
        editable = self.can_edit and not st.approved
        unlawful = self.unlawful.isChecked()
        n_case = st.reason.article_40 or st.reason in N_REASONS
        self.notice_pay.setText(
            tr("未提前三十日书面通知（支付代通知金）") if st.reason.article_40 else tr("另付一个月工资（约定）")
        )
        self.notice_pay.setEnabled(editable and n_case and not unlawful)
        self.refused_renewal.setEnabled(editable and not unlawful)
        self.refused_renewal.setVisible(st.reason is SeparationReason.EXPIRY)  # only an expiring contract
        if unlawful:
            self.notice_pay.setChecked(False)
            self.refused_renewal.setChecked(False)
        if st.reason.article_40:
            tip = tr(
                "第四十条解除须提前三十日书面通知员工本人；未通知的，额外支付一个月工资作为代通知金，"
                "按上一个月的工资计算（实施条例第二十条）。不勾选即按已通知计算。"
            )
        elif n_case:
            tip = tr("双方约定额外支付一个月工资（按月平均工资）；法定代通知金只适用于第四十条的解除")
        else:
            tip = tr("“{0}”不支付代通知金").format(st.reason.label)
        self.notice_pay.setToolTip(tip)
        self.refused_renewal.setToolTip(
            tr("合同到期时公司以同等或更好条件续签而员工不同意：不支付经济补偿")
            if st.reason is SeparationReason.EXPIRY
            else tr("仅适用于合同到期")
        )

    # --- reading and errors -----------------------------------------------------------------------

    def collect(self, current: SettlementParams) -> SettlementParams | None:
        """``current`` with the entered figures, or None with the problem shown beside its field."""
        errors: dict[str, str] = {}
        values: dict[str, Decimal | None] = {}
        for key, edit in (
            ("working_years", self.working_years),
            ("leave_taken", self.leave_taken),
            ("average_wage", self.average_wage),
        ):
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
            self.show_errors(errors)
            return None
        return replace(
            current,
            working_years=values["working_years"],
            leave_taken=values["leave_taken"] if values["leave_taken"] is not None else Decimal("0"),
            average_wage=values["average_wage"],
            notice_pay=self.notice_pay.isChecked(),
            refused_renewal=self.refused_renewal.isChecked(),
            unlawful=self.unlawful.isChecked(),
        )

    def show_errors(self, errors: dict[str, str]) -> None:
        """The service's (or our own) messages beside their fields; the rest beside the save button."""
        mapped = {SERVICE_FIELDS.get(k, k): v for k, v in errors.items()}
        leftovers = messages.show_field_errors(self.error_labels, mapped)
        text = "；".join(leftovers) if leftovers else tr("未保存：请修正标红的内容。")
        self.say(text, ERROR_STYLE)
        first = next((k for k in FIGURES if k in mapped), None)
        if first:
            getattr(self, first).setFocus()

    def current_errors(self) -> dict[str, str]:
        return shown_errors(self.error_labels)

"""公司福利年假: the company's own annual leave on top of the statutory days, for separation settlements.

The statutory part is the law's and needs no setting: untaken statutory days of a leaver are paid
at 300% of the daily wage, 100% of which was already paid with the wages, so 200% more is paid.
Days a company gives beyond that follow its own rule (usually the staff handbook): how many, whether
a leaver gets them prorated by the days of the year passed, and at what multiple of the daily wage
untaken ones are paid (0 = not paid). The tab says both in plain words, because people setting it
mix the two up, and repeats the rule it would save as a sentence before it is saved.

The rule is one company setting, not a versioned table: settlements not yet approved are worked
out with the rule as it stands, approved ones keep their figures.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.core.separation import settlement
from hrdesk.core.separation.annual_leave import CompanyLeaveRule
from hrdesk.ui.common.form_parts import (
    add_field_row,
    error_label,
    form_layout,
    hint_label,
    named_button,
    show_errors_with_banner,
    shown_errors,
)
from hrdesk.ui.common.messages import show_error
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import ERROR_STYLE, NOTICE_STYLE
from hrdesk.ui.payroll.settings.policy_numbers import parse_number, plain_number, tr

MAX_EXTRA_DAYS = Decimal(30)
MAX_PAY_RATE = Decimal(3)


def rate_percent(rate: Decimal) -> str:
    """1 → "100", 1.5 → "150", 0.25 → "25"."""
    return f"{(rate * 100).normalize():f}"


def rule_summary(rule: CompanyLeaveRule) -> str:
    """The rule as one sentence, the way the settlement will apply it."""
    if not rule.extra_days:
        return tr("按此设置：公司不另给福利年假，离职结算只计算法定年休假。")
    how = tr("离职当年按已过天数折算") if rule.prorate else tr("离职当年不折算，按全年天数计")
    paid = (
        tr("未休的福利年假每天按日工资的{0}%支付").format(rate_percent(rule.pay_rate))
        if rule.pay_rate
        else tr("未休的福利年假不折算工资")
    )
    return tr("按此设置：公司每年另给 {0} 天福利年假；{1}；{2}。").format(f"{rule.extra_days.normalize():f}", how, paid)


class CompanyLeaveTab(QWidget):
    """The company leave rule as a small form: 公司额外年假天数, 按当年已过天数折算, 未休天数折算倍数."""

    loaded = Signal()
    saved = Signal(object)  # the CompanyLeaveRule

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("company_leave_tab")
        self.rule: CompanyLeaveRule | None = None  # as saved, once loaded

        statutory = QGroupBox(self.tr("法定年休假（按法律计算，无需设置）"))
        statutory_layout = QVBoxLayout(statutory)
        statutory_layout.addWidget(
            hint_label(
                self.tr(
                    "员工离职时，当年应休未休的法定年休假按日工资的300%支付，其中100%已含在工资中，另付200%"
                    "（《企业职工带薪年休假实施办法》第十条）。日工资 = 月工资 ÷ 21.75；天数按当年已过的日历天数折算，"
                    "不足一天的部分不计。"
                )
            )
        )

        self.extra_days = QLineEdit()
        self.extra_days.setObjectName("extra_days")
        self.extra_days.setPlaceholderText(self.tr("如 5 或 2.5"))
        self.extra_days.setMaximumWidth(120)
        self.prorate = QCheckBox(self.tr("按当年已过天数折算"))
        self.prorate.setObjectName("prorate")
        self.pay_rate = QLineEdit()
        self.pay_rate.setObjectName("pay_rate")
        self.pay_rate.setPlaceholderText(self.tr("0 到 3"))
        self.pay_rate.setMaximumWidth(120)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.save_button = named_button(self.tr("保存"), "save_leave_rule", self.save)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.error_labels: dict[str, QLabel] = {}
        self.banner = error_label()  # a message that names no field of the form

        self.company = QGroupBox(self.tr("公司福利年假（按公司规定）"))
        company_layout = QVBoxLayout(self.company)
        company_layout.addWidget(
            hint_label(
                self.tr(
                    "法定天数之外公司另给的年假。离职时未休的福利年假是否折算工资、按多少折算，由公司规定（如员工手册），"
                    "在这里设置；只用于离职结算。"
                )
            )
        )
        form = form_layout()
        add_field_row(
            form,
            self.tr("公司额外年假天数"),
            self._with_unit(self.extra_days, self.tr("天/年（0 到 30，可含半天；0 = 没有福利年假）")),
            self.error_labels,
            "extra_days",
        )
        form.addRow(
            "",
            self._with_unit(
                self.prorate,
                self.tr(
                    "勾选：离职当年按已过的日历天数 ÷ 365 折算，与法定年休假相同；不勾选：离职当年也按全年天数计。"
                ),
            ),
        )
        add_field_row(
            form,
            self.tr("未休天数折算倍数"),
            self._with_unit(self.pay_rate, self.tr("倍日工资（0 = 不折算工资；1 = 按日工资100%；最多 3）")),
            self.error_labels,
            "pay_rate",
        )
        company_layout.addLayout(form)
        company_layout.addWidget(self.summary)
        company_layout.addWidget(self.banner)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status, 1)
        company_layout.addLayout(buttons)
        self.company.setEnabled(False)  # until the saved rule is shown: saving defaults over it would lose it

        layout = QVBoxLayout(self)
        layout.addWidget(statutory)
        layout.addWidget(self.company)
        layout.addStretch(1)
        for edit in (self.extra_days, self.pay_rate):
            edit.textChanged.connect(lambda *_: self._update_summary())
        self.prorate.toggled.connect(lambda *_: self._update_summary())
        self._update_summary()

    @staticmethod
    def _with_unit(field: QWidget, unit: str) -> QHBoxLayout:
        """A field with its unit or explanation at its right, on one line (a wrapping label in a form
        row is laid out two lines high whatever it needs)."""
        label = hint_label(unit)
        label.setWordWrap(False)
        row = QHBoxLayout()
        row.addWidget(field)
        row.addWidget(label, 1)
        return row

    # loading

    def reload(self) -> None:
        ctx = self.session.ctx

        def done(rule: CompanyLeaveRule):
            self.show_rule(rule)
            self.company.setEnabled(True)
            self.loaded.emit()

        def failed(exc: BaseException):
            self._say(ERROR_STYLE, self.tr("加载失败：{0}").format(exc))
            if not isinstance(exc, HRDeskError):
                show_error(self, exc)

        self.session.runner.submit(lambda: settlement.get_company_leave_rule(ctx), done, failed, owner=self)

    def show_rule(self, rule: CompanyLeaveRule) -> None:
        self.rule = rule
        self.extra_days.setText(plain_number(rule.extra_days))
        self.prorate.setChecked(rule.prorate)
        self.pay_rate.setText(plain_number(rule.pay_rate))
        self._update_summary()

    # editing

    def collect(self) -> CompanyLeaveRule | None:
        """The rule in the fields, or None after showing what is wrong next to each field."""
        errors = {}
        try:
            days = parse_number(self.extra_days.text())
            if days > MAX_EXTRA_DAYS:
                raise ValueError(self.tr("应在0到30天之间"))
            if days * 2 != (days * 2).to_integral_value():
                raise ValueError(self.tr("只能是整天或半天，如 2.5"))
        except ValueError as exc:
            errors["extra_days"] = str(exc)
        try:
            rate = parse_number(self.pay_rate.text())
            if rate > MAX_PAY_RATE:
                raise ValueError(self.tr("应在0到3之间（1 表示按日工资的100%）"))
            if rate != rate.quantize(Decimal("0.01")):
                raise ValueError(self.tr("最多两位小数"))
        except ValueError as exc:
            errors["pay_rate"] = str(exc)
        self.show_errors(errors)
        if errors:
            return None
        return CompanyLeaveRule(extra_days=days, prorate=self.prorate.isChecked(), pay_rate=rate)

    def _update_summary(self) -> None:
        """The sentence follows the fields while they make a valid rule; nothing is shown otherwise."""
        try:
            days, rate = parse_number(self.extra_days.text()), parse_number(self.pay_rate.text())
        except ValueError:
            days = rate = None
        valid = days is not None and rate is not None and days <= MAX_EXTRA_DAYS and rate <= MAX_PAY_RATE
        self.summary.setText(rule_summary(CompanyLeaveRule(days, self.prorate.isChecked(), rate)) if valid else "")
        self.summary.setVisible(valid)

    def save(self) -> CompanyLeaveRule | None:
        rule = self.collect()
        if rule is None:
            self._say(ERROR_STYLE, self.tr("没有保存：请按红字提示改正。"))
            return None
        try:
            settlement.save_company_leave_rule(self.session.ctx, rule)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            self._say(ERROR_STYLE, self.tr("没有保存。"))
            return None
        except HRDeskError as exc:
            show_error(self, exc)
            return None
        self.show_rule(rule)
        self._say(NOTICE_STYLE, self.tr("已保存。尚未审核的离职结算按新规则计算，已审核的不变。"))
        self.saved.emit(rule)
        return rule

    def show_errors(self, errors: dict[str, str]) -> None:
        show_errors_with_banner(self.error_labels, self.banner, errors)

    def current_errors(self) -> dict[str, str]:
        return shown_errors(self.error_labels)

    def _say(self, style: str, text: str) -> None:
        self.status.setStyleSheet(style)
        self.status.setText(text)

"""个税计算器: what cumulative withholding takes month by month for a constant wage, and the tax on
an annual one-off bonus taxed on its own (compared with merging it into the year's wages).

Uses the company's current tables (薪资设置), so the answer matches what payroll will withhold.
Nothing is stored; invalid input is named next to its field and nothing is computed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import HRDeskError
from hrdesk.core.kernel.money import MoneyError, parse_money
from hrdesk.core.payroll import policies
from hrdesk.core.payroll.rules.calculation import MonthRules
from hrdesk.core.payroll.rules.policy import PolicyError
from hrdesk.core.payroll.rules.tax import BonusTax, WithholdingMonth, bonus_tax, cumulative_withholding
from hrdesk.ui.common.rows_model import Row, RowsModel, setup_table
from hrdesk.ui.common.styles import ERROR_STYLE, HINT_STYLE

MAX_AMOUNT = Decimal("99999999.99")
ZERO = Decimal("0.00")
RESULT_STYLE = "QLabel { background: #e8f0fe; color: #174ea6; border-radius: 4px; padding: 8px 12px; }"


def _tr(text: str) -> str:
    return QCoreApplication.translate("TaxCalculatorDialog", text)


def money(amount: Decimal) -> str:
    return f"{amount:,.2f}"


def percent(rate: Decimal) -> str:
    text = f"{rate * 100:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}%"


def load_rules(ctx: ServiceContext, day: date) -> MonthRules:
    """The company's tables in force on ``day`` (no city: only the tax tables are used)."""
    return policies.policy_set(ctx).rules(day, None)


class TaxCalculatorDialog(QDialog):
    def __init__(self, ctx: ServiceContext, parent=None, day: date | None = None):
        super().__init__(parent)
        self.setObjectName("tax_calculator")
        self.setWindowTitle(_tr("个税计算器"))
        self.ctx = ctx
        self.day = day or ctx.clock.today()
        self.rules: MonthRules | None = None
        self.rules_error = ""
        try:
            self.rules = load_rules(ctx, self.day)
        except (PolicyError, HRDeskError) as exc:
            self.rules_error = str(exc)
        self.results: list[WithholdingMonth] = []
        self.total_tax: Decimal | None = None
        self.total_net: Decimal | None = None
        self.bonus_result: BonusTax | None = None
        self._touched: set[str] = set()

        self.tabs = QTabWidget()
        self.tabs.addTab(self._wage_tab(), _tr("工资薪金（累计预扣法）"))
        self.tabs.addTab(self._bonus_tab(), _tr("全年一次性奖金"))

        self.rules_label = QLabel()
        self.rules_label.setWordWrap(True)
        if self.rules is None:
            self.rules_label.setStyleSheet(ERROR_STYLE)
            self.rules_label.setText(_tr("无法读取个税税率表：{0}").format(self.rules_error))
        else:
            self.rules_label.setStyleSheet(HINT_STYLE)
            self.rules_label.setText(
                _tr(
                    "按公司薪资设置中 {0} 适用的税率表计算；减除费用每月 {1} 元。"
                    "结果为预扣预缴估算，实际以税务机关汇算清缴为准。"
                ).format(self.day.isoformat(), money(self.rules.basic_monthly))
            )

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_tr("关闭"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.rules_label)
        layout.addWidget(buttons)
        self.resize(820, 620)
        self.compute()

    # --- building ------------------------------------------------------------------------------

    def _money_field(self, name: str, placeholder: str, text: str = "") -> tuple[QLineEdit, QLabel]:
        edit = QLineEdit(text)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        edit.setMaximumWidth(180)
        edit.textEdited.connect(lambda *_: self._touched.add(name))
        error = QLabel()
        error.setObjectName(f"{name}_error")
        error.setStyleSheet(ERROR_STYLE)
        return edit, error

    def _wage_tab(self) -> QWidget:
        tab = QWidget()
        self.gross, self.gross_error = self._money_field("gross", _tr("例如 20000"))
        self.insurance, self.insurance_error = self._money_field("insurance", _tr("例如 3500"), "0")
        self.special, self.special_error = self._money_field("special", _tr("例如 2000"), "0")
        self.months = QSpinBox()
        self.months.setObjectName("months")
        self.months.setRange(1, 12)
        self.months.setValue(12)
        self.months.setSuffix(_tr(" 个月"))
        self.months.setMaximumWidth(180)
        self.months_error = QLabel()
        for edit in (self.gross, self.insurance, self.special):
            edit.textChanged.connect(lambda *_: self.compute())
        self.months.valueChanged.connect(lambda *_: self.compute())

        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        for row, (label, field, error, hint) in enumerate(
            [
                (_tr("月应发工资"), self.gross, self.gross_error, ""),
                (_tr("月个人社保公积金"), self.insurance, self.insurance_error, _tr("个人缴纳部分（专项扣除）")),
                (_tr("月专项附加扣除"), self.special, self.special_error, _tr("子女教育、赡养老人、住房等合计")),
                (_tr("月数"), self.months, self.months_error, _tr("从1月起连续计算的月数（1–12）")),
            ]
        ):
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(field, row, 1)
            box = QHBoxLayout()
            box.addWidget(error)
            if hint:
                tip = QLabel(hint)
                tip.setStyleSheet(HINT_STYLE)
                box.addWidget(tip)
            box.addStretch(1)
            grid.addLayout(box, row, 2)

        self.wage_model = RowsModel(
            [_tr("月份"), _tr("累计应纳税所得额"), _tr("税率"), _tr("累计个税"), _tr("本月个税"), _tr("税后收入")], self
        )
        self.wage_table = QTableView()
        self.wage_table.setObjectName("withholding_table")
        metrics = self.wage_table.fontMetrics()
        amount = max(
            metrics.horizontalAdvance("累计应纳税所得额") + 30, metrics.horizontalAdvance("999,999,999.99") + 24
        )
        setup_table(self.wage_table, self.wage_model, [70, amount, 70, amount - 20, amount - 20, amount - 20])
        self.wage_table.horizontalHeader().setStretchLastSection(True)
        self.wage_total = QLabel()
        self.wage_total.setObjectName("wage_total")
        self.wage_total.setStyleSheet(RESULT_STYLE)
        self.wage_total.setWordWrap(True)

        layout = QVBoxLayout(tab)
        layout.addLayout(grid)
        layout.addWidget(self.wage_table, 1)
        layout.addWidget(self.wage_total)
        return tab

    def _bonus_tab(self) -> QWidget:
        tab = QWidget()
        self.bonus, self.bonus_error = self._money_field("bonus", _tr("例如 36000"))
        self.bonus.textChanged.connect(lambda *_: self.compute())
        entry = QHBoxLayout()
        entry.addWidget(QLabel(_tr("全年一次性奖金")))
        entry.addWidget(self.bonus)
        entry.addWidget(self.bonus_error)
        entry.addStretch(1)

        self.bonus_values: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in [
            ("monthly", _tr("奖金 ÷ 12（用于确定税率）")),
            ("rate", _tr("适用税率")),
            ("quick", _tr("速算扣除数")),
            ("tax", _tr("应纳个税")),
            ("net", _tr("税后奖金")),
        ]:
            value = QLabel("—")
            value.setObjectName(f"bonus_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.bonus_values[key] = value
            form.addRow(label, value)
        self.bonus_values["tax"].setStyleSheet("QLabel { font-weight: bold; }")
        note = QLabel(
            _tr(
                "单独计税：以奖金除以12个月的数额按月度税率表确定税率和速算扣除数，"
                "应纳税额 = 奖金 × 税率 − 速算扣除数（财政部 税务总局公告2023年第30号）。"
            )
        )
        note.setStyleSheet(HINT_STYLE)
        note.setWordWrap(True)
        self.compare = QLabel()
        self.compare.setObjectName("bonus_compare")
        self.compare.setWordWrap(True)
        self.compare.setStyleSheet(RESULT_STYLE)
        self.compare.setMinimumHeight(4 * self.compare.fontMetrics().lineSpacing() + 20)

        layout = QVBoxLayout(tab)
        layout.addLayout(entry)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.compare)
        layout.addStretch(1)
        return tab

    # --- computing -----------------------------------------------------------------------------

    def _read(self, name: str, edit: QLineEdit, error: QLabel, required: bool) -> Decimal | None:
        """The amount of a field, or None with the problem shown beside it. An untouched empty
        required field is simply not ready yet (no message)."""
        text = edit.text().strip()
        if not text and name not in self._touched:
            error.setText("")
            return None if required else ZERO
        try:
            value = parse_money(text, maximum=MAX_AMOUNT)
        except MoneyError as exc:
            error.setText(str(exc))
            return None
        error.setText("")
        return value

    def wage_inputs(self) -> tuple[Decimal, Decimal, Decimal, int] | None:
        gross = self._read("gross", self.gross, self.gross_error, True)
        insurance = self._read("insurance", self.insurance, self.insurance_error, False)
        special = self._read("special", self.special, self.special_error, False)
        if gross is not None and insurance is not None and insurance > gross:
            self.insurance_error.setText(_tr("不能大于月应发工资"))
            insurance = None
        if gross is None or insurance is None or special is None:
            return None
        return gross, insurance, special, self.months.value()

    def compute(self) -> None:
        self._compute_wages()
        self._compute_bonus()

    def _compute_wages(self) -> None:
        inputs = self.wage_inputs() if self.rules is not None else None
        if inputs is None:
            self.results, self.total_tax, self.total_net = [], None, None
            self.wage_model.set_rows([])
            self.wage_total.setText(_tr("填写月应发工资后自动计算每月预扣个税。"))
            return
        gross, insurance, special, months = inputs
        self.results = cumulative_withholding(
            gross, insurance, special, months, self.rules.annual_table, self.rules.basic_monthly
        )
        right = (1, 2, 3, 4, 5)
        self.wage_model.set_rows(
            [
                Row(
                    (
                        _tr("{0}月").format(m.month),
                        money(m.cumulative_taxable),
                        percent(m.rate),
                        money(m.cumulative_tax),
                        money(m.tax_this_month),
                        money(m.net_this_month),
                    ),
                    m.month,
                    right=right,
                )
                for m in self.results
            ]
        )
        self.total_tax = sum((m.tax_this_month for m in self.results), ZERO)
        self.total_net = sum((m.net_this_month for m in self.results), ZERO)
        self.wage_total.setText(
            _tr("{0}个月合计：应发 {1}，个人社保公积金 {2}，个税 {3}，税后收入 {4}").format(
                months, money(gross * months), money(insurance * months), money(self.total_tax), money(self.total_net)
            )
        )

    def _compute_bonus(self) -> None:
        amount = self._read("bonus", self.bonus, self.bonus_error, True) if self.rules is not None else None
        if amount is None:
            self.bonus_result = None
            for value in self.bonus_values.values():
                value.setText("—")
            self.compare.setText(_tr("填写奖金金额后计算单独计税的个税，并与并入当年综合所得计税比较。"))
            return
        result = bonus_tax(amount, self.rules.monthly_table)
        self.bonus_result = result
        self.bonus_values["monthly"].setText(result.monthly_equivalent_text)
        self.bonus_values["rate"].setText(percent(result.rate))
        self.bonus_values["quick"].setText(money(result.quick_deduction))
        self.bonus_values["tax"].setText(money(result.tax))
        self.bonus_values["net"].setText(money(amount - result.tax))
        self.compare.setText(self._comparison(amount, result))

    def _comparison(self, amount: Decimal, result: BonusTax) -> str:
        """Separate taxation against merging into the year's wages, using the wage tab's figures
        for a whole year (12 months)."""
        inputs = self.wage_inputs()
        if inputs is None:
            return _tr("在“工资薪金”页填写月应发工资等，可比较单独计税与并入综合所得哪种方式个税更少。")
        gross, insurance, special, _months = inputs
        table = self.rules.annual_table
        wages_taxable = gross * 12 - (self.rules.basic_monthly + insurance + special) * 12
        wage_tax = table.tax_on(max(ZERO, wages_taxable))
        separate = wage_tax + result.tax
        merged = table.tax_on(max(ZERO, wages_taxable + amount))
        if separate < merged:
            advice = _tr("单独计税少缴 {0}，建议单独计税。").format(money(merged - separate))
        elif merged < separate:
            advice = _tr("并入综合所得少缴 {0}，建议并入综合所得。").format(money(separate - merged))
        else:
            advice = _tr("两种方式个税相同。")
        return _tr(
            "按“工资薪金”页的数据估算全年（12个月）：\n单独计税：工资个税 {0} + 奖金个税 {1} = {2}\n"
            "并入综合所得：{3}\n{4}"
        ).format(money(wage_tax), money(result.tax), money(separate), money(merged), advice)

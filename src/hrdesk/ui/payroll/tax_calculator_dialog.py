"""个税计算器: what cumulative withholding takes month by month, and the tax on an annual one-off
bonus taxed on its own (compared with merging it into the year's wages).

The wage tab takes one wage, insurance and special additional deduction for every month, or, with
“各月金额不同”, each month's own amounts typed in the table; the first month with wages from this
company (a hire during the year), the 6万 option (国家税务总局公告2020年第19号: 累计减除费用 60,000
from January) and the 13号 rule (公告2020年第13号: no wage income earlier in the year, so the first
month's 减除费用 counts from January). The table shows the working a month at a time (累计减除费用,
累计应纳税所得额, the rate, 累计应预扣税额), worked out by the same functions as the payroll engine.

Uses the company's current tables (薪资设置), so the answer matches what payroll will withhold.
Nothing is stored; invalid input is named next to its field (or its cell) and nothing is computed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
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
INPUT_COLUMNS = (1, 2, 3)  # 本月应发, 个人社保公积金, 专项附加扣除: editable with “各月金额不同”
INPUT_NAMES = ("本月应发", "个人社保公积金", "专项附加扣除")
EDITABLE_BACKGROUND = QColor("#fffbe6")
INVALID_BACKGROUND = QColor("#fce8e6")


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


@dataclass(frozen=True)
class WageInputs:
    first_month: int
    months: int
    gross: tuple[Decimal, ...]  # one per month
    insurance: tuple[Decimal, ...]
    special: tuple[Decimal, ...]


class MonthsModel(RowsModel):
    """The withholding table; with “各月金额不同” the three input columns are edited in place.

    ``texts`` holds what was typed per month (gross, insurance, special); ``problems`` the invalid
    cells (month, column) with their message. Editing calls ``on_edit`` so that the dialog computes
    again; rows are then replaced in place (no reset), so the editor's position survives."""

    def __init__(self, headers: list[str], parent=None):
        super().__init__(headers, parent)
        self.editable = False
        self.texts: dict[int, list[str]] = {}
        self.problems: dict[tuple[int, int], str] = {}
        self.on_edit = lambda: None

    def set_rows(self, rows: list[Row]) -> None:
        if len(rows) == self.rowCount() and rows:
            self._rows = list(rows)
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1))
        else:
            super().set_rows(rows)

    def flags(self, index: QModelIndex):
        flags = super().flags(index)
        if self.editable and index.column() in INPUT_COLUMNS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        month = self.key(index.row())
        column = index.column()
        if self.editable and column in INPUT_COLUMNS:
            if role == Qt.ItemDataRole.EditRole:
                return self.texts.get(month, ["", "", ""])[column - 1]
            if role == Qt.ItemDataRole.BackgroundRole:
                return INVALID_BACKGROUND if (month, column) in self.problems else EDITABLE_BACKGROUND
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.problems.get((month, column)) or _tr("双击修改本月金额")
        return super().data(index, role)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not (self.editable and role == Qt.ItemDataRole.EditRole and index.column() in INPUT_COLUMNS):
            return False
        month = self.key(index.row())
        self.texts.setdefault(month, ["", "", ""])[index.column() - 1] = str(value).strip()
        self.on_edit()
        return True


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
        self.resize(1060, 740)
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

    def _spin(self, name: str, low: int, high: int, value: int, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setSuffix(suffix)
        spin.setMaximumWidth(180)
        return spin

    def _wage_tab(self) -> QWidget:
        tab = QWidget()
        self.gross, self.gross_error = self._money_field("gross", _tr("例如 20000"))
        self.insurance, self.insurance_error = self._money_field("insurance", _tr("例如 3500"), "0")
        self.special, self.special_error = self._money_field("special", _tr("例如 2000"), "0")
        self.first_month = self._spin("first_month", 1, 12, 1, _tr(" 月"))
        self.months = self._spin("months", 1, 12, 12, _tr(" 个月"))
        self.months_error = QLabel()
        self.per_month = QCheckBox(_tr("各月金额不同（在下表中双击修改每月的应发工资、社保公积金和专项附加扣除）"))
        self.per_month.setObjectName("per_month")
        low = money(self.rules.low_income_annual) if self.rules is not None else "60,000.00"
        self.low_income = QCheckBox(
            _tr(
                "上一完整年度在本单位工作且工资薪金不超过6万元：累计减除费用自1月起按 {0} 元"
                "（国家税务总局公告2020年第19号）"
            ).format(low)
        )
        self.low_income.setObjectName("low_income")
        self.no_earlier_income = QCheckBox(
            _tr("本年此前没有工资薪金收入：第一个月的减除费用自1月起累计（国家税务总局公告2020年第13号）")
        )
        self.no_earlier_income.setObjectName("no_earlier_income")
        for edit in (self.gross, self.insurance, self.special):
            edit.textChanged.connect(lambda *_: self.compute())
        self.first_month.valueChanged.connect(lambda *_: self._first_month_changed())
        self.months.valueChanged.connect(lambda *_: self.compute())
        self.per_month.toggled.connect(lambda *_: self._per_month_toggled())
        self.low_income.toggled.connect(lambda *_: self.compute())
        self.no_earlier_income.toggled.connect(lambda *_: self.compute())

        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        rows = [
            (_tr("月应发工资"), self.gross, self.gross_error, ""),
            (_tr("月个人社保公积金"), self.insurance, self.insurance_error, _tr("个人缴纳部分（专项扣除）")),
            (_tr("月专项附加扣除"), self.special, self.special_error, _tr("子女教育、赡养老人、住房等合计")),
            (_tr("起始月份"), self.first_month, None, _tr("本年在本单位第一个发工资的月份（年中入职时）")),
            (_tr("月数"), self.months, self.months_error, _tr("从起始月份起连续计算的月数，最多算到12月")),
        ]
        for row, (label, field, error, hint) in enumerate(rows):
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(field, row, 1)
            box = QHBoxLayout()
            if error is not None:
                box.addWidget(error)
            if hint:
                tip = QLabel(hint)
                tip.setStyleSheet(HINT_STYLE)
                box.addWidget(tip)
            box.addStretch(1)
            grid.addLayout(box, row, 2)
        for offset, box in enumerate((self.per_month, self.low_income, self.no_earlier_income)):
            grid.addWidget(box, len(rows) + offset, 0, 1, 3)

        self.wage_model = MonthsModel(
            [
                _tr("月份"),
                _tr("本月应发"),
                _tr("个人社保公积金"),
                _tr("专项附加扣除"),
                _tr("累计减除费用"),
                _tr("累计应纳税所得额"),
                _tr("税率"),
                _tr("累计应预扣税额"),
                _tr("本月个税"),
                _tr("税后收入"),
            ],
            self,
        )
        self.wage_model.on_edit = self.compute
        self.wage_table = QTableView()
        self.wage_table.setObjectName("withholding_table")
        metrics = self.wage_table.fontMetrics()
        amount = metrics.horizontalAdvance("99,999,999.99") + 20
        wide = max(metrics.horizontalAdvance("累计应纳税所得额") + 24, amount)
        setup_table(
            self.wage_table,
            self.wage_model,
            [56, amount, max(amount, metrics.horizontalAdvance("个人社保公积金") + 24), amount, amount, wide, 52, wide]
            + [amount, amount],
        )
        self.wage_table.horizontalHeader().setStretchLastSection(True)
        self.cells_error = QLabel()
        self.cells_error.setObjectName("cells_error")
        self.cells_error.setStyleSheet(ERROR_STYLE)
        self.cells_error.setWordWrap(True)
        self.cells_error.hide()
        self.wage_total = QLabel()
        self.wage_total.setObjectName("wage_total")
        self.wage_total.setStyleSheet(RESULT_STYLE)
        self.wage_total.setWordWrap(True)

        layout = QVBoxLayout(tab)
        layout.addLayout(grid)
        layout.addWidget(self.wage_table, 1)
        layout.addWidget(self.cells_error)
        layout.addWidget(self.wage_total)
        self._sync_options()
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

    # --- options -------------------------------------------------------------------------------

    def _first_month_changed(self) -> None:
        to_december = self.months.value() == self.months.maximum()
        self.months.blockSignals(True)
        self.months.setMaximum(13 - self.first_month.value())
        if to_december:
            self.months.setValue(self.months.maximum())
        self.months.blockSignals(False)
        self._sync_options()
        self.compute()

    def _per_month_toggled(self) -> None:
        model = self.wage_model
        model.editable = self.per_month.isChecked()
        model.texts = {}
        model.problems = {}
        self._sync_options()
        self.compute()

    def _sync_options(self) -> None:
        """Which inputs apply: the monthly fields are the table's starting values; 13号 only matters
        when the first month is after January."""
        editing = self.per_month.isChecked()
        for edit in (self.gross, self.insurance, self.special):
            edit.setEnabled(not editing)
            edit.setToolTip(_tr("已改为在下表中逐月填写") if editing else "")
        self.wage_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            if editing
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        later = self.first_month.value() > 1
        self.no_earlier_income.setEnabled(later)
        self.no_earlier_income.setToolTip(
            "" if later else _tr("从1月起发工资时，减除费用本来就自1月起累计，此项不影响结果")
        )

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

    def month_numbers(self) -> range:
        first = self.first_month.value()
        return range(first, first + self.months.value())

    def _constant_inputs(self) -> tuple[Decimal, Decimal, Decimal] | None:
        gross = self._read("gross", self.gross, self.gross_error, True)
        insurance = self._read("insurance", self.insurance, self.insurance_error, False)
        special = self._read("special", self.special, self.special_error, False)
        if gross is not None and insurance is not None and insurance > gross:
            self.insurance_error.setText(_tr("不能大于月应发工资"))
            insurance = None
        if gross is None or insurance is None or special is None:
            return None
        return gross, insurance, special

    def _month_inputs(self) -> tuple[list[Decimal], list[Decimal], list[Decimal]] | None:
        """Each month's amounts from the table (months not typed yet start from the fields above);
        None when a cell is invalid (named in ``problems``) or a month's wage is still empty."""
        model = self.wage_model
        model.problems = {}
        start = [self.gross.text().strip(), self.insurance.text().strip() or "0", self.special.text().strip() or "0"]
        columns: list[list[Decimal]] = [[], [], []]
        missing = False
        for month in self.month_numbers():
            texts = model.texts.setdefault(month, list(start))
            for offset, text in enumerate(texts):
                if not text:
                    if offset == 0:
                        missing = True  # not filled in yet: no message
                        continue
                    text = "0"
                try:
                    columns[offset].append(parse_money(text, maximum=MAX_AMOUNT))
                except MoneyError as exc:
                    model.problems[(month, INPUT_COLUMNS[offset])] = str(exc)
        if model.problems or missing:
            return None
        return columns[0], columns[1], columns[2]

    def wage_inputs(self) -> WageInputs | None:
        first, months = self.first_month.value(), self.months.value()
        if self.per_month.isChecked():
            for error in (self.gross_error, self.insurance_error, self.special_error):
                error.setText("")
            columns = self._month_inputs()
            if columns is None:
                return None
            gross, insurance, special = columns
            return WageInputs(first, months, tuple(gross), tuple(insurance), tuple(special))
        constant = self._constant_inputs()
        if constant is None:
            return None
        return WageInputs(first, months, *((amount,) * months for amount in constant))

    def compute(self) -> None:
        self._compute_wages()
        self._compute_bonus()

    def _withholding(self, inputs: WageInputs) -> list[WithholdingMonth]:
        return cumulative_withholding(
            list(inputs.gross),
            list(inputs.insurance),
            list(inputs.special),
            inputs.months,
            self.rules.annual_table,
            self.rules.basic_monthly,
            inputs.first_month,
            low_income_annual=self.rules.low_income_annual if self.low_income.isChecked() else None,
            counted_from_january=self.no_earlier_income.isChecked() and self.no_earlier_income.isEnabled(),
        )

    def _input_rows(self) -> list[Row]:
        """Rows of the inputs only (the results blank), while a month's amount is invalid."""
        model, right = self.wage_model, (1, 2, 3, 4, 5, 6, 7, 8, 9)
        rows = []
        for month in self.month_numbers():
            texts = model.texts.get(month, ["", "", ""])
            rows.append(Row((_tr("{0}月").format(month), *texts, *(["—"] * 6)), month, right=right))
        return rows

    def _show_cell_problems(self) -> None:
        problems = self.wage_model.problems
        names = [_tr(name) for name in INPUT_NAMES]
        text = "；".join(
            _tr("{0}月{1}：{2}").format(month, names[column - 1], message)
            for (month, column), message in sorted(problems.items())
        )
        self.cells_error.setText(text)
        self.cells_error.setVisible(bool(text))

    def _compute_wages(self) -> None:
        inputs = self.wage_inputs() if self.rules is not None else None
        self._show_cell_problems()
        if inputs is None:
            self.results, self.total_tax, self.total_net = [], None, None
            if self.per_month.isChecked() and self.rules is not None:
                self.wage_model.set_rows(self._input_rows())
                self.wage_total.setText(
                    _tr("请修正标红的月份金额。") if self.wage_model.problems else _tr("在下表中填写各月的应发工资。")
                )
            else:
                self.wage_model.set_rows([])
                self.wage_total.setText(_tr("填写月应发工资后自动计算每月预扣个税。"))
            return
        self.results = self._withholding(inputs)
        right = (1, 2, 3, 4, 5, 6, 7, 8, 9)
        self.wage_model.set_rows(
            [
                Row(
                    (
                        _tr("{0}月").format(m.month),
                        money(m.gross),
                        money(m.insurance),
                        money(m.special_additional),
                        money(m.cumulative_basic),
                        money(m.cumulative_taxable),
                        percent(m.rate),
                        money(m.cumulative_due),
                        money(m.tax_this_month),
                        money(m.net_this_month),
                    ),
                    m.month,
                    right=right,
                    tooltips={
                        5: _tr("累计收入 {0} − 累计减除费用 {1} − 累计专项扣除 {2} − 累计专项附加扣除 {3}").format(
                            money(m.cumulative_income),
                            money(m.cumulative_basic),
                            money(m.cumulative_special),
                            money(m.cumulative_additional),
                        ),
                        7: _tr("{0} × {1} − {2}").format(
                            money(m.cumulative_taxable), percent(m.rate), money(m.quick_deduction)
                        ),
                    },
                )
                for m in self.results
            ]
        )
        self.total_tax = sum((m.tax_this_month for m in self.results), ZERO)
        self.total_net = sum((m.net_this_month for m in self.results), ZERO)
        last = self.results[-1]
        lines = [
            _tr("{0}个月（{1}月–{2}月）合计：应发 {3}，个人社保公积金 {4}，个税 {5}，税后收入 {6}").format(
                inputs.months,
                inputs.first_month,
                last.month,
                money(last.cumulative_income),
                money(last.cumulative_special),
                money(self.total_tax),
                money(self.total_net),
            ),
            self._deduction_note(inputs),
        ]
        withheld = ZERO
        for m in self.results:
            if m.cumulative_due < withheld:
                lines.append(
                    _tr("{0}月累计应预扣税额 {1} 小于此前已预扣 {2}，本月不预扣（年度中间不退税）。").format(
                        m.month, money(m.cumulative_due), money(withheld)
                    )
                )
            withheld = m.cumulative_tax
        self.wage_total.setText("\n".join(lines))

    def _deduction_note(self, inputs: WageInputs) -> str:
        basic = self.rules.basic_monthly
        if self.low_income.isChecked():
            return _tr("累计减除费用自1月起按 {0}（上年工资薪金不超过6万元，公告2020年第19号）。").format(
                money(self.rules.low_income_annual)
            )
        if self.no_earlier_income.isChecked() and self.no_earlier_income.isEnabled():
            return _tr("{0}月减除费用自1月起累计：{1} × {0} = {2}，此后每月 {1}（公告2020年第13号）。").format(
                inputs.first_month, money(basic), money(basic * inputs.first_month)
            )
        return _tr("减除费用自{0}月起每月 {1}。").format(inputs.first_month, money(basic))

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
        """Separate taxation against merging into the year's wages (the annual 综合所得: 减除费用
        60,000 for the year whatever the months), using the wage tab's months."""
        inputs = self.wage_inputs()
        if inputs is None:
            return _tr("在“工资薪金”页填写月应发工资等，可比较单独计税与并入综合所得哪种方式个税更少。")
        table = self.rules.annual_table
        annual_basic = self.rules.basic_monthly * 12
        wages_taxable = sum(inputs.gross, ZERO) - sum(inputs.insurance, ZERO) - sum(inputs.special, ZERO)
        wages_taxable -= annual_basic
        wage_tax = table.tax_on(max(ZERO, wages_taxable))
        separate = wage_tax + result.tax
        merged = table.tax_on(max(ZERO, wages_taxable + amount))
        if separate < merged:
            advice = _tr("单独计税少缴 {0}，建议单独计税。").format(money(merged - separate))
        elif merged < separate:
            advice = _tr("并入综合所得少缴 {0}，建议并入综合所得。").format(money(separate - merged))
        else:
            advice = _tr("两种方式个税相同。")
        period = (
            _tr("全年（12个月）")
            if inputs.months == 12
            else _tr("{0}月–{1}月共{2}个月").format(
                inputs.first_month, inputs.first_month + inputs.months - 1, inputs.months
            )
        )
        return _tr(
            "按“工资薪金”页{0}的数据估算全年综合所得（减除费用全年 {1}）：\n"
            "单独计税：工资个税 {2} + 奖金个税 {3} = {4}\n并入综合所得：{5}\n{6}"
        ).format(
            period, money(annual_basic), money(wage_tax), money(result.tax), money(separate), money(merged), advice
        )

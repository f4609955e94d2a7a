"""离职补偿计算器: economic compensation for any dates, wage and reason, with the legal basis line by
line (hrdesk.core.separation.compensation does the work).

The city fills in the local average monthly wage of the previous year from 薪资设置 (it can be
changed by hand); above three times that average the wage and the years are capped. Nothing is
stored. Invalid input is named next to its field and nothing is computed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.core.kernel.money import MoneyError, parse_money
from hrdesk.core.payroll import policies
from hrdesk.core.payroll.rules.policy import LOCAL_AVERAGE_WAGE, PolicySet
from hrdesk.core.separation.compensation import CompensationCase, CompensationResult, economic_compensation
from hrdesk.ui.common.styles import ERROR_STYLE, HINT_STYLE

MAX_AMOUNT = Decimal("9999999.99")
RESULT_STYLE = "QFrame#result_box { background: #e8f0fe; border: 1px solid #aecbfa; border-radius: 4px; }"
TOTAL_STYLE = "QLabel { color: #174ea6; font-size: 15pt; font-weight: bold; }"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CompensationCalculatorDialog", text)


def money(amount: Decimal) -> str:
    return f"{amount:,.2f}"


def number_text(value: Decimal) -> str:
    return f"{value.normalize():f}"


# --- small form helpers (shared with the annual leave calculator) ---------------------------------


def date_edit(name: str, value: date) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.setDateRange(QDate(1950, 1, 1), QDate(2099, 12, 31))
    edit.setDate(QDate(value.year, value.month, value.day))
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("0000-00-00") + 48)
    return edit


def read_date(edit: QDateEdit) -> date:
    return edit.date().toPython()


def line_edit(name: str, placeholder: str = "", text: str = "", width: int = 160) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    edit.setFixedWidth(width)
    return edit


def error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(f"{name}_error")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    return label


def hint_label(text: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(HINT_STYLE)
    label.setWordWrap(wrap)
    return label


def show_errors_only_when_set(labels) -> None:
    """An empty error label takes no room."""
    for label in labels:
        label.setVisible(bool(label.text()))


def parse_number(text: str, *, maximum: Decimal | None = None, places: int = 2) -> Decimal:
    """A plain non-negative number such as 6 or 1.5 (years, days); ValueError with a Chinese message."""
    text = (text or "").strip().replace("，", ".").replace(",", "")
    if not text:
        raise ValueError(_tr("请填写"))
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(_tr("请输入数字，如 6 或 1.5")) from None
    if not value.is_finite():
        raise ValueError(_tr("请输入数字，如 6 或 1.5"))
    if value < 0:
        raise ValueError(_tr("不能为负数"))
    if value != value.quantize(Decimal(1).scaleb(-places)):
        raise ValueError(_tr("最多保留{0}位小数").format(places))
    if maximum is not None and value > maximum:
        raise ValueError(_tr("不能超过{0}").format(number_text(maximum)))
    return value


def basis_html(lines) -> str:
    items = "".join(f"<li style='margin-bottom:4px'>{_escape(line)}</li>" for line in lines)
    return f"<ol style='margin-left:-16px'>{items}</ol>"


def _escape(text: str) -> str:
    import html

    return html.escape(text)


def results_grid(parent_layout: QVBoxLayout, rows: list[tuple[str, str]]) -> dict[str, QLabel]:
    """Label/value rows in the blue result box; returns the value labels by key."""
    grid = QGridLayout()
    grid.setHorizontalSpacing(16)
    grid.setVerticalSpacing(6)
    values: dict[str, QLabel] = {}
    for row, (key, title) in enumerate(rows):
        name = QLabel(title)
        name.setStyleSheet("color: #3c4043;")
        value = QLabel("—")
        value.setObjectName(f"result_{key}")
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(name, row, 0)
        grid.addWidget(value, row, 1)
        values[key] = value
    grid.setColumnStretch(1, 1)
    parent_layout.addLayout(grid)
    return values


# --- the dialog ---------------------------------------------------------------------------------


class CompensationCalculatorDialog(QDialog):
    def __init__(
        self,
        ctx: ServiceContext,
        parent: QWidget | None = None,
        *,
        hire_date: date | None = None,
        last_day: date | None = None,
        average_wage: Decimal | None = None,
        case: CompensationCase | SeparationReason | None = None,
        city: str | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("compensation_calculator")
        self.setWindowTitle(_tr("离职补偿计算器"))
        self.ctx = ctx
        self.result: CompensationResult | None = None
        self._touched: set[str] = set()
        self._local_from_city = False
        try:
            self.policies: PolicySet | None = policies.policy_set(ctx)
            cities = policies.cities(ctx)
        except HRDeskError:
            self.policies, cities = None, []
        today = ctx.clock.today()

        self.hire_date = date_edit("hire_date", hire_date or date(today.year - 2, 1, 1))
        self.last_day = date_edit("last_day", last_day or today)
        self.reason = QComboBox()
        self.reason.setObjectName("reason")
        for member in CompensationCase:
            self.reason.addItem(member.label, member)
        if case is not None:
            member = CompensationCase.from_reason(case) if isinstance(case, SeparationReason) else case
            self.reason.setCurrentIndex(self.reason.findData(member))
        else:
            self.reason.setCurrentIndex(self.reason.findData(CompensationCase.MUTUAL))
        self.wage = line_edit("wage", _tr("例如 10000"), "" if average_wage is None else f"{average_wage:.2f}")
        self.city = QComboBox()
        self.city.setObjectName("city")
        self.city.addItem(_tr("（不选，不封顶）"), None)
        for name in cities:
            self.city.addItem(name, name)
        self.local_average = line_edit("local_average", _tr("不填则不封顶"))
        self.local_hint = hint_label()
        self.notice_pay = QCheckBox(_tr("另付一个月工资作为代通知金"))
        self.notice_pay.setObjectName("notice_pay")
        self.refused_renewal = QCheckBox(_tr("合同到期时员工拒绝以同等或更好条件续签"))
        self.refused_renewal.setObjectName("refused_renewal")
        self.errors = {
            key: error_label(key) for key in ("hire_date", "last_day", "reason", "wage", "local_average", "notice_pay")
        }

        inputs = QGroupBox(_tr("输入"))
        grid = QGridLayout(inputs)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        rows = [
            (_tr("入职日期"), self.hire_date, "hire_date", ""),
            (_tr("最后工作日"), self.last_day, "last_day", _tr("工作年限算至这一天（含）")),
            (_tr("离职原因"), self.reason, "reason", ""),
            (_tr("前12个月平均工资"), self.wage, "wage", _tr("元/月，含奖金、津贴")),
            (_tr("社保缴纳城市"), self.city, None, ""),
            (_tr("当地上年职工月平均工资"), self.local_average, "local_average", ""),
        ]
        for row, (title, field, key, hint) in enumerate(rows):
            grid.addWidget(QLabel(title), row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(field, row, 1)
            side = QHBoxLayout()
            if key is not None:
                side.addWidget(self.errors[key])
            if hint:
                side.addWidget(hint_label(hint, wrap=False))
            if field is self.local_average:
                side.addWidget(self.local_hint, 1)
            side.addStretch(1 if field is not self.local_average else 0)
            grid.addLayout(side, row, 2)
        grid.addWidget(self.notice_pay, len(rows), 1, 1, 2)
        grid.addWidget(self.errors["notice_pay"], len(rows) + 1, 1, 1, 2)
        grid.addWidget(self.refused_renewal, len(rows) + 2, 1, 1, 2)
        grid.setColumnStretch(2, 1)

        self.result_box = QFrame()
        self.result_box.setObjectName("result_box")
        self.result_box.setStyleSheet(RESULT_STYLE)
        box = QVBoxLayout(self.result_box)
        self.values = results_grid(
            box,
            [
                ("service", _tr("工作年限")),
                ("months", _tr("补偿月数 N")),
                ("wage_base", _tr("计算工资")),
                ("compensation", _tr("经济补偿")),
                ("notice", _tr("代通知金")),
                ("total", _tr("合计")),
            ],
        )
        self.values["total"].setStyleSheet(TOTAL_STYLE)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        box.addWidget(self.summary)

        self.basis = QTextBrowser()
        self.basis.setObjectName("basis")
        self.basis.setOpenLinks(False)
        self.basis.setMinimumHeight(150)
        note = hint_label(
            _tr(
                "依据《劳动合同法》第四十六、四十七、八十七条及实施条例第二十七条计算，结果供参考；"
                "2008年以前的工作年限、特殊地方规定请人工核对。"
            )
        )

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_tr("关闭"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(inputs)
        layout.addWidget(self.result_box)
        layout.addWidget(QLabel(_tr("计算依据")))
        layout.addWidget(self.basis, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(780, 720)

        for edit, key in ((self.wage, "wage"), (self.local_average, "local_average")):
            edit.textEdited.connect(lambda *_, k=key: self._touched.add(k))
            edit.textChanged.connect(lambda *_: self.compute())
        self.local_average.textEdited.connect(lambda *_: setattr(self, "_local_from_city", False))
        self.hire_date.dateChanged.connect(lambda *_: self.compute())
        self.last_day.dateChanged.connect(lambda *_: self._last_day_changed())
        self.reason.currentIndexChanged.connect(lambda *_: self._reason_changed())
        self.city.currentIndexChanged.connect(lambda *_: self._fill_local_average())
        self.notice_pay.toggled.connect(lambda *_: self.compute())
        self.refused_renewal.toggled.connect(lambda *_: self.compute())
        if city:
            index = self.city.findData(city)
            if index >= 0:
                self.city.setCurrentIndex(index)  # fills the local average and computes
        self._reason_changed()

    # --- inputs ---------------------------------------------------------------------------------

    def case(self) -> CompensationCase:
        return self.reason.currentData()

    def _reason_changed(self) -> None:
        expiry = self.case() is CompensationCase.EXPIRY
        self.refused_renewal.setEnabled(expiry)
        self.refused_renewal.setToolTip("" if expiry else _tr("仅适用于“合同到期不续签”"))
        if not expiry:
            self.refused_renewal.setChecked(False)
        self.compute()

    def _last_day_changed(self) -> None:
        if self._local_from_city:
            self._fill_local_average()
        else:
            self.compute()

    def _fill_local_average(self) -> None:
        city = self.city.currentData()
        if city is None:
            self.local_hint.setText("")
            if self._local_from_city:
                self.local_average.setText("")
            self._local_from_city = False
            self.compute()
            return
        found = None
        if self.policies is not None:
            found = self.policies.at(LOCAL_AVERAGE_WAGE, city, read_date(self.last_day))
        if found is None:
            self.local_hint.setText(_tr("薪资设置中没有{0}的数据，请手工填写").format(city))
            self.local_average.setText("")
            self._local_from_city = False
        else:
            self.local_average.setText(f"{found.monthly:.2f}")
            self._local_from_city = True
            self.local_hint.setText(_tr("{0} {1}年度；三倍为 {2}").format(city, found.year, money(found.monthly * 3)))
            self.local_hint.setToolTip(found.source)
        self.compute()

    def _amount(self, key: str, edit: QLineEdit, required: bool) -> tuple[bool, Decimal | None]:
        """(ok, amount); an untouched empty required field is "not ready" without a message."""
        text = edit.text().strip()
        if not text:
            if required and key in self._touched:
                self.errors[key].setText(_tr("请填写"))
                return False, None
            self.errors[key].setText("")
            return True, None  # not filled in yet (required ones: nothing to compute)
        try:
            value = parse_money(text, maximum=MAX_AMOUNT)
        except MoneyError as exc:
            self.errors[key].setText(str(exc))
            return False, None
        if key == "local_average" and value == 0:
            self.errors[key].setText(_tr("应大于0；不封顶请留空"))
            return False, None
        self.errors[key].setText("")
        return True, value

    # --- computing ------------------------------------------------------------------------------

    def compute(self) -> CompensationResult | None:
        result = self._compute()
        self._after_compute()
        return result

    def _compute(self) -> CompensationResult | None:
        for label in self.errors.values():
            label.setText("")
        wage_ok, wage = self._amount("wage", self.wage, True)
        local_ok, local = self._amount("local_average", self.local_average, False)
        hire, last = read_date(self.hire_date), read_date(self.last_day)
        if last < hire:
            self.errors["last_day"].setText(_tr("不能早于入职日期"))
            return self._clear(_tr("请修正标红的输入。"))
        if not (wage_ok and local_ok):
            return self._clear(_tr("请修正标红的输入。"))
        if wage is None:
            return self._clear(_tr("填写前12个月平均工资后自动计算。"))
        try:
            result = economic_compensation(
                self.case(),
                hire,
                last,
                wage,
                local_average_monthly=local,
                notice_pay=self.notice_pay.isChecked(),
                refused_renewal=self.refused_renewal.isChecked(),
            )
        except ValidationError as exc:
            mapping = {"monthly_wage": "wage", "local_average_monthly": "local_average"}
            leftovers = []
            for key, message in exc.errors.items():
                target = self.errors.get(mapping.get(key, key))
                if target is not None:
                    target.setText(message)
                else:
                    leftovers.append(message)
            return self._clear("；".join(leftovers) or _tr("请修正标红的输入。"))
        self._show(result)
        return result

    def _after_compute(self) -> None:
        show_errors_only_when_set(self.errors.values())

    def _clear(self, message: str) -> None:
        self.result = None
        for value in self.values.values():
            value.setText("—")
        self.summary.setText(message)
        self.summary.setStyleSheet(HINT_STYLE)
        self.basis.clear()
        return None

    def _show(self, r: CompensationResult) -> None:
        self.result = r
        v = self.values
        v["service"].setText(
            _tr("{0}（{1} 至 {2}）").format(r.service.text, r.hire_date.isoformat(), r.last_day.isoformat())
        )
        if not r.owed:
            v["months"].setText(_tr("不支付（{0}）").format(r.case.label))
        elif r.capped and r.months_counted != r.months:
            v["months"].setText(
                _tr("{0}（按十二年封顶，未封顶为 {1}）").format(number_text(r.months_counted), number_text(r.months))
            )
        elif r.multiplier == 2:
            v["months"].setText(_tr("{0}，违法解除按 2N 支付").format(number_text(r.months_counted)))
        else:
            v["months"].setText(number_text(r.months_counted))
        if r.capped:
            v["wage_base"].setText(
                _tr("{0}（月工资 {1} 超过当地月平均工资三倍，按三倍封顶）").format(
                    money(r.wage_base), money(r.monthly_wage)
                )
            )
        else:
            v["wage_base"].setText(money(r.wage_base))
        v["compensation"].setText(money(r.compensation))
        v["notice"].setText(money(r.notice_pay) if r.notice_pay else _tr("无"))
        v["total"].setText(_tr("{0} 元").format(money(r.total)))
        if r.owed:
            self.summary.setText(
                _tr("{0}：{1} × {2}{3} = {4}").format(
                    r.case.label,
                    money(r.wage_base),
                    number_text(r.months_counted),
                    " × 2" if r.multiplier == 2 else "",
                    money(r.compensation),
                )
            )
        else:
            self.summary.setText(_tr("“{0}”依法不支付经济补偿。").format(r.case.label))
        self.summary.setStyleSheet("color: #174ea6;")
        self.basis.setHtml(basis_html(r.basis))

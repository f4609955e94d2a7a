"""年休假折算: a leaver's statutory annual leave for the year, the untaken days and the extra 200% pay
for them (hrdesk.core.separation.annual_leave does the work).

Nothing is stored; invalid input is named next to its field and nothing is computed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.kernel.money import MoneyError, parse_money
from hrdesk.core.separation.annual_leave import AnnualLeaveResult, leaver_annual_leave
from hrdesk.ui.common.styles import HINT_STYLE
from hrdesk.ui.separation.compensation_calculator_dialog import (
    MAX_AMOUNT,
    RESULT_STYLE,
    TOTAL_STYLE,
    basis_html,
    date_edit,
    error_label,
    hint_label,
    line_edit,
    money,
    number_text,
    parse_number,
    read_date,
    results_grid,
    show_errors_only_when_set,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("LeaveCalculatorDialog", text)


class LeaveCalculatorDialog(QDialog):
    def __init__(
        self,
        ctx: ServiceContext,
        parent: QWidget | None = None,
        *,
        working_years: Decimal | None = None,
        last_day: date | None = None,
        taken: Decimal | None = None,
        monthly_wage: Decimal | None = None,
        hire_date: date | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("leave_calculator")
        self.setWindowTitle(_tr("年休假折算"))
        self.ctx = ctx
        self.result: AnnualLeaveResult | None = None
        self._touched: set[str] = set()
        today = ctx.clock.today()

        self.working_years = line_edit(
            "working_years", _tr("例如 6"), "" if working_years is None else number_text(working_years)
        )
        self.last_day = date_edit("last_day", last_day or today)
        self.taken = line_edit("taken", _tr("例如 1.5"), "0" if taken is None else number_text(taken))
        self.wage = line_edit("wage", _tr("例如 10000"), "" if monthly_wage is None else f"{monthly_wage:.2f}")
        self.hired_this_year = QCheckBox(_tr("当年入职，入职日期"))
        self.hired_this_year.setObjectName("hired_this_year")
        self.hire_date = date_edit("hire_date", hire_date or date(today.year, 1, 1))
        in_year = (
            hire_date is not None
            and hire_date.year == (last_day or today).year
            and hire_date > date(hire_date.year, 1, 1)
        )
        self.hired_this_year.setChecked(in_year)
        self.hire_date.setEnabled(in_year)
        self.errors = {key: error_label(key) for key in ("working_years", "last_day", "taken", "wage", "hire_date")}

        inputs = QGroupBox(_tr("输入"))
        grid = QGridLayout(inputs)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        rows = [
            (
                QLabel(_tr("累计工作年限")),
                self.working_years,
                "working_years",
                _tr("在所有单位累计工作的年数（不只是本公司）"),
            ),
            (QLabel(_tr("最后工作日")), self.last_day, "last_day", ""),
            (QLabel(_tr("本年已休年假天数")), self.taken, "taken", _tr("法定年休假，可为半天，如 1.5")),
            (QLabel(_tr("月工资")), self.wage, "wage", _tr("元，离职前十二个月平均，不含加班费")),
            (self.hired_this_year, self.hire_date, "hire_date", _tr("当年入职的从入职日起折算")),
        ]
        for row, (title, field, key, hint) in enumerate(rows):
            grid.addWidget(title, row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(field, row, 1)
            side = QHBoxLayout()
            side.addWidget(self.errors[key])
            if hint:
                side.addWidget(hint_label(hint, wrap=False))
            side.addStretch(1)
            grid.addLayout(side, row, 2)
        grid.setColumnStretch(2, 1)

        self.result_box = QFrame()
        self.result_box.setObjectName("result_box")
        self.result_box.setStyleSheet(RESULT_STYLE)
        box = QVBoxLayout(self.result_box)
        self.values = results_grid(
            box,
            [
                ("entitlement", _tr("法定年休假")),
                ("prorated", _tr("当年折算")),
                ("untaken", _tr("应休未休")),
                ("daily", _tr("日工资")),
                ("pay", _tr("另付未休年假工资（200%）")),
            ],
        )
        self.values["pay"].setStyleSheet(TOTAL_STYLE)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        box.addWidget(self.summary)

        self.basis = QTextBrowser()
        self.basis.setObjectName("basis")
        self.basis.setMinimumHeight(130)
        note = hint_label(
            _tr("依据《职工带薪年休假条例》《企业职工带薪年休假实施办法》计算；公司福利年假按公司规定另计。")
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
        self.resize(760, 640)

        for edit, key in ((self.working_years, "working_years"), (self.taken, "taken"), (self.wage, "wage")):
            edit.textEdited.connect(lambda *_, k=key: self._touched.add(k))
            edit.textChanged.connect(lambda *_: self.compute())
        self.last_day.dateChanged.connect(lambda *_: self.compute())
        self.hire_date.dateChanged.connect(lambda *_: self.compute())
        self.hired_this_year.toggled.connect(self._hired_toggled)
        self.compute()

    def _hired_toggled(self, checked: bool) -> None:
        self.hire_date.setEnabled(checked)
        self.compute()

    def _number(self, key: str, edit, maximum: Decimal) -> tuple[bool, Decimal | None]:
        text = edit.text().strip()
        if not text:
            if key in self._touched:
                self.errors[key].setText(_tr("请填写"))
                return False, None
            return True, None
        try:
            return True, parse_number(text, maximum=maximum)
        except ValueError as exc:
            self.errors[key].setText(str(exc))
            return False, None

    def compute(self) -> AnnualLeaveResult | None:
        result = self._compute()
        show_errors_only_when_set(self.errors.values())
        return result

    def _compute(self) -> AnnualLeaveResult | None:
        for label in self.errors.values():
            label.setText("")
        years_ok, years = self._number("working_years", self.working_years, Decimal(60))
        taken_ok, taken = self._number("taken", self.taken, Decimal(366))
        wage_ok, wage = True, None
        text = self.wage.text().strip()
        if text:
            try:
                wage = parse_money(text, maximum=MAX_AMOUNT)
            except MoneyError as exc:
                self.errors["wage"].setText(str(exc))
                wage_ok = False
        elif "wage" in self._touched:
            self.errors["wage"].setText(_tr("请填写"))
            wage_ok = False
        last = read_date(self.last_day)
        hire = read_date(self.hire_date) if self.hired_this_year.isChecked() else None
        if hire is not None and hire.year != last.year:
            self.errors["hire_date"].setText(_tr("应与最后工作日在同一年"))
            return self._clear(_tr("请修正标红的输入。"))
        if hire is not None and hire > last:
            self.errors["hire_date"].setText(_tr("不能晚于最后工作日"))
            return self._clear(_tr("请修正标红的输入。"))
        if not (years_ok and taken_ok and wage_ok):
            return self._clear(_tr("请修正标红的输入。"))
        if years is None or wage is None:
            return self._clear(_tr("填写累计工作年限和月工资后自动计算。"))
        try:
            result = leaver_annual_leave(years, last, taken or Decimal(0), wage, hire_date=hire)
        except ValidationError as exc:
            mapping = {"monthly_wage": "wage"}
            for key, message in exc.errors.items():
                label = self.errors.get(mapping.get(key, key))
                if label is not None:
                    label.setText(message)
            return self._clear(_tr("请修正标红的输入。"))
        self._show(result)
        return result

    def _clear(self, message: str) -> None:
        self.result = None
        for value in self.values.values():
            value.setText("—")
        self.summary.setText(message)
        self.summary.setStyleSheet(HINT_STYLE)
        self.basis.clear()
        return None

    def _show(self, r: AnnualLeaveResult) -> None:
        self.result = r
        v = self.values
        v["entitlement"].setText(
            _tr("每年 {0} 天（累计工作 {1} 年）").format(r.entitlement, number_text(r.working_years))
        )
        v["prorated"].setText(
            _tr("{0} 天（当年已过 {1} 天 ÷ 365 × {2}）").format(number_text(r.prorated), r.days_passed, r.entitlement)
        )
        v["untaken"].setText(_tr("{0} 天（已休 {1} 天，不足一天不计）").format(r.untaken, number_text(r.taken)))
        v["daily"].setText(_tr("{0}（月工资 {1} ÷ 21.75）").format(money(r.daily_wage), money(r.monthly_wage)))
        v["pay"].setText(_tr("{0} 元").format(money(r.statutory_pay)))
        if r.untaken:
            self.summary.setText(
                _tr("应另付 {0} 天未休年假工资：{1} × 200% × {0} = {2}").format(
                    r.untaken, money(r.daily_wage), money(r.statutory_pay)
                )
            )
        else:
            self.summary.setText(_tr("没有应休未休的法定年休假，不需另付工资。"))
        self.summary.setStyleSheet("color: #174ea6;")
        self.basis.setHtml(basis_html(r.basis))

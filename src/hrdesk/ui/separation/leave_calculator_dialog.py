"""年休假折算: a leaver's statutory annual leave for the year, the untaken days and the extra 200% pay
for them (hrdesk.core.separation.annual_leave does the work).

Nothing is stored; invalid input is named next to its field and nothing is computed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QWidget,
)

from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.separation.annual_leave import AnnualLeaveResult, leaver_annual_leave
from hrdesk.ui.separation.calculator import (
    CalculatorDialog,
    date_edit,
    error_label,
    line_edit,
    money,
    number_text,
    read_date,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("LeaveCalculatorDialog", text)


class LeaveCalculatorDialog(CalculatorDialog):
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
        super().__init__(ctx, parent, "leave_calculator", _tr("年休假折算"))
        self.result: AnnualLeaveResult | None = None
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

        self.build(
            [
                (
                    _tr("累计工作年限"),
                    self.working_years,
                    "working_years",
                    _tr("在所有单位累计工作的年数（不只是本公司）"),
                ),
                (_tr("最后工作日"), self.last_day, "last_day", ""),
                (_tr("本年已休年假天数"), self.taken, "taken", _tr("法定年休假，可为半天，如 1.5")),
                (_tr("月工资"), self.wage, "wage", _tr("元，离职前十二个月平均，不含加班费")),
                (self.hired_this_year, self.hire_date, "hire_date", _tr("当年入职的从入职日起折算")),
            ],
            [
                ("entitlement", _tr("法定年休假")),
                ("prorated", _tr("当年折算")),
                ("untaken", _tr("应休未休")),
                ("daily", _tr("日工资")),
                ("pay", _tr("另付未休年假工资（200%）")),
            ],
            "pay",
            _tr("依据《职工带薪年休假条例》《企业职工带薪年休假实施办法》计算；公司福利年假按公司规定另计。"),
            (760, 640),
        )

        self.recompute_on_typing([(self.working_years, "working_years"), (self.taken, "taken"), (self.wage, "wage")])
        self.last_day.dateChanged.connect(lambda *_: self.compute())
        self.hire_date.dateChanged.connect(lambda *_: self.compute())
        self.hired_this_year.toggled.connect(self._hired_toggled)
        self.compute()

    def _hired_toggled(self, checked: bool) -> None:
        self.hire_date.setEnabled(checked)
        self.compute()

    def _compute(self) -> AnnualLeaveResult | None:
        years_ok, years = self.read_number("working_years", self.working_years, Decimal(60))
        taken_ok, taken = self.read_number("taken", self.taken, Decimal(366))
        wage_ok, wage = self.read_amount("wage", self.wage, True)
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
            self.show_field_errors(exc.errors, {"monthly_wage": "wage"})
            return self._clear(_tr("请修正标红的输入。"))
        self._show(result)
        return result

    def _show(self, r: AnnualLeaveResult) -> None:
        v = self.values
        v["entitlement"].setText(
            _tr("每年 {0} 天（累计工作 {1} 年）").format(r.entitlement, number_text(r.working_years))
        )
        v["prorated"].setText(
            _tr("{0}（当年已过 {1} 天 ÷ 365 × {2}）").format(r.prorated_text, r.days_passed, r.entitlement)
        )
        v["untaken"].setText(_tr("{0} 天（已休 {1} 天，不足一天不计）").format(r.untaken, number_text(r.taken)))
        v["daily"].setText(_tr("{0}（月工资 {1} ÷ 21.75）").format(r.daily_wage_text, money(r.monthly_wage)))
        v["pay"].setText(_tr("{0} 元").format(money(r.statutory_pay)))
        if r.untaken:
            summary = _tr("应另付 {0} 天未休年假工资：{1} = {2} 元").format(
                r.untaken, r.pay_text(r.pay_rate, r.untaken), money(r.statutory_pay)
            )
        else:
            summary = _tr("没有应休未休的法定年休假，不需另付工资。")
        self._finish(r, summary, r.basis)

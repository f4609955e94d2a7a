"""离职补偿计算器: economic compensation for any dates, wage and reason, with the legal basis line by
line (hrdesk.core.separation.compensation does the work).

The city fills in the local average monthly wage of the previous year from 薪资设置 (it can be
changed by hand); above three times that average the wage and the years are capped, and without it
the result says that the cap could not be checked. The art. 40 dismissals add 代通知金 (at the
previous month's wage) when 30 days' written notice was not given. Nothing is stored. Invalid input
is named next to its field and nothing is computed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QWidget,
)

from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.core.payroll import policies
from hrdesk.core.payroll.rules.policy import LOCAL_AVERAGE_WAGE, PolicySet
from hrdesk.core.separation.compensation import CompensationCase, CompensationResult, economic_compensation
from hrdesk.ui.separation.calculator import (
    CalculatorDialog,
    date_edit,
    error_label,
    hint_label,
    line_edit,
    money,
    number_text,
    read_date,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("CompensationCalculatorDialog", text)


# no N, so no extra month either (the core refuses it; the box is disabled)
NO_EXTRA_MONTH = frozenset(
    {
        CompensationCase.RESIGNATION,
        CompensationCase.MISCONDUCT,
        CompensationCase.PROBATION_FAILED,
        CompensationCase.UNLAWFUL,
    }
)


class CompensationCalculatorDialog(CalculatorDialog):
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
        super().__init__(ctx, parent, "compensation_calculator", _tr("离职补偿计算器"))
        self.result: CompensationResult | None = None
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
        self.city.addItem(_tr("（不选）"), None)
        for name in cities:
            self.city.addItem(name, name)
        self.local_average = line_edit("local_average", _tr("不填则无法核对封顶"))
        self.local_hint = hint_label()
        self.notice_pay = QCheckBox(_tr("另付一个月工资作为代通知金"))
        self.notice_pay.setObjectName("notice_pay")
        self.previous_wage = line_edit("previous_wage", _tr("不填按月平均工资"))
        self.previous_wage.setEnabled(False)
        self.refused_renewal = QCheckBox(_tr("合同到期时员工拒绝以同等或更好条件续签"))
        self.refused_renewal.setObjectName("refused_renewal")
        self.errors = {
            key: error_label(key)
            for key in ("hire_date", "last_day", "reason", "wage", "local_average", "notice_pay", "previous_wage")
        }

        grid = self.build(
            [
                (_tr("入职日期"), self.hire_date, "hire_date", ""),
                (_tr("最后工作日"), self.last_day, "last_day", _tr("工作年限算至这一天（含）")),
                (_tr("离职原因"), self.reason, "reason", ""),
                (_tr("前12个月平均工资"), self.wage, "wage", _tr("元/月，含奖金、津贴")),
                (_tr("社保缴纳城市"), self.city, None, ""),
                (_tr("当地上年职工月平均工资"), self.local_average, "local_average", self.local_hint),
                (
                    _tr("上一个月的工资"),
                    self.previous_wage,
                    "previous_wage",
                    _tr("代通知金按上一个月的工资标准（实施条例第二十条）"),
                ),
            ],
            [
                ("service", _tr("工作年限")),
                ("months", _tr("补偿月数 N")),
                ("wage_base", _tr("计算工资")),
                ("compensation", _tr("经济补偿")),
                ("notice", _tr("代通知金")),
                ("total", _tr("合计")),
            ],
            "total",
            _tr(
                "依据《劳动合同法》第四十、四十一、四十六、四十七、八十七条及实施条例第二十、二十七条计算，"
                "结果供参考；2008年以前的工作年限、特殊地方规定请人工核对。"
            ),
            (800, 760),
        )
        first = grid.rowCount()
        grid.addWidget(self.notice_pay, first, 1, 1, 2)
        grid.addWidget(self.errors["notice_pay"], first + 1, 1, 1, 2)
        grid.addWidget(self.refused_renewal, first + 2, 1, 1, 2)

        self.recompute_on_typing(
            [(self.wage, "wage"), (self.local_average, "local_average"), (self.previous_wage, "previous_wage")]
        )
        self.local_average.textEdited.connect(lambda *_: setattr(self, "_local_from_city", False))
        self.hire_date.dateChanged.connect(lambda *_: self.compute())
        self.last_day.dateChanged.connect(lambda *_: self._last_day_changed())
        self.reason.currentIndexChanged.connect(lambda *_: self._reason_changed())
        self.city.currentIndexChanged.connect(lambda *_: self._fill_local_average())
        self.notice_pay.toggled.connect(lambda *_: self._notice_toggled())
        self.refused_renewal.toggled.connect(lambda *_: self.compute())
        if city:
            index = self.city.findData(city)
            if index >= 0:
                self.city.setCurrentIndex(index)  # fills the local average and computes
        self._reason_changed()

    # --- inputs ---------------------------------------------------------------------------------

    def case(self) -> CompensationCase:
        # the combo hands back the plain string it stored, not the enum member
        return CompensationCase(self.reason.currentData())

    def _reason_changed(self) -> None:
        case = self.case()
        expiry = case is CompensationCase.EXPIRY
        self.refused_renewal.setEnabled(expiry)
        self.refused_renewal.setToolTip("" if expiry else _tr("仅适用于“合同到期不续签”"))
        if not expiry:
            self.refused_renewal.setChecked(False)
        if case.article_40:
            self.notice_pay.setText(_tr("未提前三十日书面通知：另付一个月工资作为代通知金（第四十条）"))
        else:
            self.notice_pay.setText(_tr("另付一个月工资（双方约定；法定代通知金仅适用于第四十条的解除）"))
        with_n = case not in NO_EXTRA_MONTH
        self.notice_pay.setEnabled(with_n)
        self.notice_pay.setToolTip("" if with_n else _tr("“{0}”不支付代通知金").format(case.label))
        if not with_n:
            self.notice_pay.setChecked(False)
        self.compute()

    def _notice_toggled(self) -> None:
        self.previous_wage.setEnabled(self.notice_pay.isChecked())
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

    # --- computing ------------------------------------------------------------------------------

    def _compute(self) -> CompensationResult | None:
        wage_ok, wage = self.read_amount("wage", self.wage, True)
        local_ok, local = self.read_amount("local_average", self.local_average, False)
        notice = self.notice_pay.isChecked() and self.notice_pay.isEnabled()
        previous_ok, previous = self.read_amount("previous_wage", self.previous_wage, False) if notice else (True, None)
        if local == 0:
            self.errors["local_average"].setText(_tr("应大于0；不封顶请留空"))
            local_ok = False
        hire, last = read_date(self.hire_date), read_date(self.last_day)
        if last < hire:
            self.errors["last_day"].setText(_tr("不能早于入职日期"))
            return self._clear(_tr("请修正标红的输入。"))
        if not (wage_ok and local_ok and previous_ok):
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
                notice_pay=notice,
                previous_month_wage=previous,
                refused_renewal=self.refused_renewal.isChecked(),
            )
        except ValidationError as exc:
            leftovers = self.show_field_errors(
                exc.errors,
                {
                    "monthly_wage": "wage",
                    "local_average_monthly": "local_average",
                    "previous_month_wage": "previous_wage",
                },
            )
            return self._clear("；".join(leftovers) or _tr("请修正标红的输入。"))
        self._show(result)
        return result

    def _show(self, r: CompensationResult) -> None:
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
        if not r.notice_pay:
            v["notice"].setText(_tr("无"))
        elif r.case.article_40:
            v["notice"].setText(money(r.notice_pay))
        else:
            v["notice"].setText(_tr("{0}（双方约定的额外一个月工资）").format(money(r.notice_pay)))
        v["total"].setText(_tr("{0} 元").format(money(r.total)))
        if r.owed:
            summary = _tr("{0}：{1} × {2}{3} = {4}").format(
                r.case.label,
                money(r.wage_base),
                number_text(r.months_counted),
                " × 2" if r.multiplier == 2 else "",
                money(r.compensation),
            )
        else:
            summary = _tr("“{0}”依法不支付经济补偿。").format(r.case.label)
        self._finish(r, summary, r.basis, r.warnings)

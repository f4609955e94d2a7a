"""Calculators on the command line: separation pay and income tax, without a company file or a login.

    hrdesk calc compensation --hire-date 2023-01-01 --last-day 2025-03-31 --monthly-wage 10000 --reason mutual
    hrdesk calc annual-leave --working-years 10 --last-day 2026-03-31 --taken 1 --monthly-wage 10000
    hrdesk tax iit --gross 20000 --insurance 2000 --special 0 --months 12
    hrdesk tax iit --gross 12000,12000,30000 --insurance 1200 --low-income
    hrdesk tax iit --gross 15000 --first-month 7 --no-earlier-income
    hrdesk tax bonus 36000
    hrdesk tax severance 500000 --local-average-annual 149208

Tax tables are the defaults shipped in resources/data/payroll-policies.json (the version in force
today), not a company's own copy. ``--json`` prints every figure (amounts as strings, exact).
Bad input is a ValidationError: a Chinese message on stderr and exit code 2.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from hrdesk.cli import common
from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.money import MoneyError, format_money, parse_money

POLICY_FILE = "payroll-policies.json"


def register(sub) -> None:
    p = sub.add_parser("calc", help=tr("离职经济补偿、未休年假工资计算器（无需公司数据）"))
    csub = p.add_subparsers(dest="calc_command", required=True)
    pc = csub.add_parser("compensation", help=tr("经济补偿（《劳动合同法》第四十六、四十七、八十七条）"))
    pc.add_argument("--hire-date", required=True, help=tr("入职日期 YYYY-MM-DD"))
    pc.add_argument("--last-day", required=True, help=tr("最后工作日 YYYY-MM-DD"))
    pc.add_argument("--monthly-wage", required=True, help=tr("离职前十二个月平均工资（元）"))
    pc.add_argument(
        "--reason",
        required=True,
        help=tr(
            "resign 主动辞职, mutual 协商解除, expiry 合同到期不续签, probation 试用期不合格, "
            "misconduct 严重违纪辞退, layoff 经济性裁员（第四十一条）, illness 医疗期满不能从事原工作, "
            "incompetent 不能胜任工作, changed 客观情况发生重大变化（以上三项为第四十条）, "
            "unlawful 违法解除（也可直接写中文）"
        ),
    )
    pc.add_argument(
        "--local-average-monthly", default=None, help=tr("当地上年职工月平均工资（元）；月工资超过其三倍时封顶")
    )
    pc.add_argument("--minimum-wage", default=None, help=tr("当地最低工资（元）；平均工资低于它时按它计算"))
    pc.add_argument(
        "--notice-pay",
        action="store_true",
        help=tr("另付一个月工资：第四十条解除未提前三十日书面通知时的代通知金；其他情形为双方约定"),
    )
    pc.add_argument(
        "--previous-month-wage",
        default=None,
        help=tr("上一个月的工资（元），代通知金按它计算（实施条例第二十条；不填时暂按月工资并提示）"),
    )
    pc.add_argument(
        "--refused-renewal", action="store_true", help=tr("合同到期时员工拒绝以同等或更好条件续签（不支付经济补偿）")
    )
    pc.add_argument("--json", action="store_true", help=tr("输出 JSON"))
    pc.set_defaults(handler=_compensation)

    pa = csub.add_parser("annual-leave", help=tr("离职时未休年休假天数和工资报酬"))
    pa.add_argument("--working-years", required=True, help=tr("累计工作年限（所有单位）"))
    pa.add_argument("--last-day", required=True, help=tr("最后工作日 YYYY-MM-DD"))
    pa.add_argument("--taken", required=True, help=tr("当年已休法定年休假天数（可为半天，如 1.5）"))
    pa.add_argument("--monthly-wage", required=True, help=tr("月工资（元，离职前十二个月平均，不含加班费）"))
    pa.add_argument("--hire-date", default=None, help=tr("入职日期（当年入职时从入职日起算）"))
    pa.add_argument("--json", action="store_true", help=tr("输出 JSON"))
    pa.set_defaults(handler=_annual_leave)

    p = sub.add_parser("tax", help=tr("个人所得税计算器（无需公司数据）"))
    tsub = p.add_subparsers(dest="tax_command", required=True)
    pi = tsub.add_parser("iit", help=tr("工资薪金累计预扣法：逐月预扣税额表"))
    per_month = tr(
        "一个金额表示每月相同；各月不同时按月依次列出，用逗号或空格分隔（金额本身不写千位分隔符），或重复本选项"
    )
    pi.add_argument(
        "--gross",
        required=True,
        action="extend",
        nargs="+",
        metavar=tr("金额"),
        help=tr("税前工资（元，本期收入）。{0}，如 --gross 12000,12000,30000").format(per_month),
    )
    pi.add_argument(
        "--insurance",
        action="extend",
        nargs="+",
        metavar=tr("金额"),
        help=tr("个人社保和公积金（专项扣除，元，默认 0）。{0}").format(per_month),
    )
    pi.add_argument(
        "--special",
        action="extend",
        nargs="+",
        metavar=tr("金额"),
        help=tr("专项附加扣除（元，默认 0）。{0}").format(per_month),
    )
    pi.add_argument("--months", default=None, help=tr("计算的月数（默认：列出的月数，或算到 12 月）"))
    pi.add_argument("--first-month", default="1", help=tr("本年在本单位第一个发工资的月份（年中入职时，默认 1）"))
    pi.add_argument(
        "--low-income",
        action="store_true",
        help=tr(
            "上一完整年度在本单位工作且工资薪金不超过6万元（国家税务总局公告2020年第19号）："
            "累计减除费用自1月起按全年6万元"
        ),
    )
    pi.add_argument(
        "--no-earlier-income",
        action="store_true",
        help=tr("本年此前没有任何工资薪金收入（国家税务总局公告2020年第13号）：第一个月的减除费用自1月起累计"),
    )
    pi.add_argument("--json", action="store_true", help=tr("输出 JSON"))
    pi.set_defaults(handler=_iit)
    pb = tsub.add_parser("bonus", help=tr("全年一次性奖金单独计税"))
    pb.add_argument("amount", help=tr("奖金金额（元）"))
    pb.add_argument("--json", action="store_true", help=tr("输出 JSON"))
    pb.set_defaults(handler=_bonus)
    ps = tsub.add_parser("severance", help=tr("解除劳动合同一次性补偿收入计税"))
    ps.add_argument("amount", help=tr("一次性补偿金额（元）"))
    ps.add_argument("--local-average-annual", required=True, help=tr("当地上年职工年平均工资（元）"))
    ps.add_argument("--json", action="store_true", help=tr("输出 JSON"))
    ps.set_defaults(handler=_severance)


MAX_WORKING_YEARS = 80  # a working life, whatever the entry age
MAX_TAKEN_DAYS = 366  # days in a year


# --- input -----------------------------------------------------------------------------------------


def _money(text: str | None, field: str, label: str, *, positive: bool = False) -> Decimal | None:
    if text is None:
        return None
    try:
        amount = parse_money(text)
    except MoneyError as exc:
        raise ValidationError({field: tr("{0}：{1}").format(label, exc)}) from None
    if positive and amount == 0:
        raise ValidationError({field: tr("{0}：金额应大于0").format(label)})
    return amount


def _day(text: str | None, field: str, label: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError({field: tr("{0}格式应为 YYYY-MM-DD：{1}").format(label, text)}) from None


def _number(text: str, field: str, label: str, maximum: int) -> Decimal:
    """A count such as years or days: a finite number from 0 to ``maximum`` (so ``1e400`` is refused
    before any arithmetic)."""
    try:
        value = Decimal(text.strip())
    except (InvalidOperation, AttributeError):
        raise ValidationError({field: tr("{0}应为数字：{1}").format(label, text)}) from None
    if not value.is_finite():
        raise ValidationError({field: tr("{0}应为数字：{1}").format(label, text)})
    if value < 0:
        raise ValidationError({field: tr("{0}不能为负数：{1}").format(label, text)})
    if value > maximum:
        raise ValidationError({field: tr("{0}最多为 {1}：{2}").format(label, maximum, text)})
    return value


# Separators between months' amounts: commas (ASCII or full-width), semicolons, spaces.
_SEPARATOR = re.compile(r"\s*[,，;；]\s*|\s+")
# "000", "050.5": what follows a thousands separator, not an amount anyone means for a month
_AFTER_THOUSANDS = re.compile(r"0\d{2}(\.\d*)?")


def _amounts(values: list[str] | None, field: str, label: str) -> list[Decimal]:
    """One amount for every month, or one per month: ``12000,12000,30000``, ``12000 12000 30000``
    or the option repeated. Commas separate months, so an amount must not carry thousands separators
    (``12,000`` would be two months); a part such as ``000`` is refused as one."""
    if not values:
        return [Decimal("0.00")]
    parts: list[str] = []
    for value in values:
        parts += _SEPARATOR.split(value.strip())
    amounts = []
    for index, part in enumerate(parts, 1):
        where = tr("第{0}个月").format(index) if len(parts) > 1 else ""
        if not part:
            raise ValidationError({field: tr("{0}{1}：金额为空（各月金额之间只用一个逗号分隔）").format(label, where)})
        if index > 1 and _AFTER_THOUSANDS.fullmatch(part):
            raise ValidationError(
                {
                    field: tr(
                        "{0}：“{1}”不是一个月的金额。逗号用于分隔各月金额，金额本身不要写千位分隔符"
                        "（如 --gross 12000,12000,30000）"
                    ).format(label, part)
                }
            )
        try:
            amounts.append(parse_money(part))
        except MoneyError as exc:
            raise ValidationError({field: tr("{0}{1}：{2}（{3}）").format(label, where, exc, part)}) from None
    return amounts


def _whole(text: str, field: str, label: str, low: int, high: int) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise ValidationError({field: tr("{0}应为整数：{1}").format(label, text)}) from None
    if not low <= value <= high:
        raise ValidationError({field: tr("{0}应在 {1} 到 {2} 之间").format(label, low, high)})
    return value


def _yuan(amount: Decimal) -> str:
    return tr("{0} 元").format(format_money(amount))


def _plain(value: Decimal) -> str:
    """2.5, 12, 0.03 — a count or rate without trailing zeros."""
    return f"{value.normalize():f}"


# --- tax tables ------------------------------------------------------------------------------------


def _in_force(entries: list[dict], today: date) -> dict:
    current = [e for e in entries if date.fromisoformat(e["effective_from"]) <= today]
    return max(current or entries, key=lambda e: e["effective_from"])


def default_low_income_annual(today: date | None = None) -> Decimal:
    """The 6万 option's annual 累计减除费用 (公告2020年第19号) from the shipped policy file."""
    from hrdesk.core.kernel.resources_data import load_data_file

    data = load_data_file(POLICY_FILE)
    amount = Decimal(str(_in_force(data["iit_deductions"], today or date.today())["low_income_annual"]))
    return amount.quantize(Decimal("0.01"))


def default_tables(today: date | None = None):
    """(annual table, monthly table, basic monthly deduction) from the shipped policy file."""
    from hrdesk.core.kernel.resources_data import load_data_file
    from hrdesk.core.payroll.rules.tax import TaxTable

    today = today or date.today()
    data = load_data_file(POLICY_FILE)
    annual = TaxTable.from_data(_in_force(data["iit_annual"], today)["brackets"])
    monthly = TaxTable.from_data(_in_force(data["iit_monthly"], today)["brackets"])
    basic = Decimal(str(_in_force(data["iit_deductions"], today)["basic_monthly"]))
    return annual, monthly, basic


# --- calc ------------------------------------------------------------------------------------------


def _compensation(args) -> int:
    from hrdesk.core.separation.compensation import CompensationCase, economic_compensation

    try:
        case = CompensationCase.parse(args.reason)
    except ValueError:
        choices = "、".join(f"{code} {label}" for code, label in CompensationCase.choices())
        raise ValidationError({"reason": tr("离职情形无效：{0}（可用：{1}）").format(args.reason, choices)}) from None
    hire = _day(args.hire_date, "hire_date", tr("入职日期"))
    last = _day(args.last_day, "last_day", tr("最后工作日"))
    result = economic_compensation(
        case,
        hire,
        last,
        _money(args.monthly_wage, "monthly_wage", tr("月工资")),
        local_average_monthly=_money(
            args.local_average_monthly, "local_average_monthly", tr("当地月平均工资"), positive=True
        ),
        minimum_wage=_money(args.minimum_wage, "minimum_wage", tr("最低工资")),
        notice_pay=args.notice_pay,
        previous_month_wage=_money(args.previous_month_wage, "previous_month_wage", tr("上月工资")),
        refused_renewal=args.refused_renewal,
    )
    if args.json:
        common.print_json(
            {
                "case": result.case.value,
                "case_label": result.case.label,
                "owed": result.owed,
                "hire_date": result.hire_date,
                "last_day": result.last_day,
                "service": {
                    "years": result.service.years,
                    "months": result.service.months,
                    "days": result.service.days,
                    "text": result.service.text,
                },
                "months": result.months,
                "months_counted": result.months_counted,
                "multiplier": result.multiplier,
                "average_wage": result.average_wage,
                "monthly_wage": result.monthly_wage,
                "wage_cap": result.wage_cap,
                "capped": result.capped,
                "wage_base": result.wage_base,
                "compensation": result.compensation,
                "notice_pay": result.notice_pay,
                "total": result.total,
                "article_40": result.case.article_40,
                "basis": list(result.basis),
                "warnings": list(result.warnings),
            }
        )
        return 0
    print(tr("情形：{0}").format(result.case.label))
    print(tr("工作年限：{0}").format(result.service.text))
    for warning in result.warnings:
        print(tr("注意：") + warning)
    if result.owed:
        if result.months_counted != result.months:
            print(
                tr("补偿月数 N：{0}（工作年限折算为 {1}；月工资超过当地月平均工资三倍，年限最多按十二年计）").format(
                    _plain(result.months_counted), _plain(result.months)
                )
            )
        else:
            print(tr("补偿月数 N：{0}").format(_plain(result.months_counted)))
        if result.capped:
            print(
                tr("封顶：月工资按 {0}（当地月平均工资的三倍），年限按 {1} 个月计").format(
                    _yuan(result.wage_base), _plain(result.months_counted)
                )
            )
        else:
            print(tr("月工资基数：{0}").format(_yuan(result.wage_base)))
        print(
            tr("{0}：{1}").format(
                tr("赔偿金（2N）") if result.multiplier == 2 else tr("经济补偿"), _yuan(result.compensation)
            )
        )
    else:
        print(tr("经济补偿：不支付"))
    if args.notice_pay:
        label = tr("代通知金") if result.case.article_40 else tr("另付一个月工资（约定）")
        print(tr("{0}：{1}").format(label, _yuan(result.notice_pay)))
    print(tr("合计：{0}").format(_yuan(result.total)))
    print(tr("计算依据："))
    for line in result.basis:
        print("  " + line)
    return 0


def _annual_leave(args) -> int:
    from hrdesk.core.separation.annual_leave import leaver_annual_leave

    result = leaver_annual_leave(
        _number(args.working_years, "working_years", tr("累计工作年限"), MAX_WORKING_YEARS),
        _day(args.last_day, "last_day", tr("最后工作日")),
        _number(args.taken, "taken", tr("已休天数"), MAX_TAKEN_DAYS),
        _money(args.monthly_wage, "monthly_wage", tr("月工资")),
        hire_date=_day(args.hire_date, "hire_date", tr("入职日期")),
    )
    if args.json:
        common.print_json(
            {
                "working_years": result.working_years,
                "entitlement": result.entitlement,
                "days_passed": result.days_passed,
                "prorated": result.prorated,
                "taken": result.taken,
                "untaken": result.untaken,
                "monthly_wage": result.monthly_wage,
                "daily_wage": result.daily_wage,
                "pay_rate": result.pay_rate,
                "pay": result.statutory_pay,
                "total_pay": result.total_pay,
                "basis": list(result.basis),
            }
        )
        return 0
    print(tr("法定年休假：每年 {0} 天").format(result.entitlement))
    print(
        tr("折算：{0} ÷ 365 × {1} = {2}，已休 {3} 天").format(
            result.days_passed, result.entitlement, result.prorated_text, _plain(result.taken)
        )
    )
    print(tr("应休未休：{0} 天").format(result.untaken))
    print(tr("日工资：{0} ÷ 21.75 = {1} 元").format(format_money(result.monthly_wage), result.daily_wage_text))
    print(tr("另付未休年休假工资（200%）：{0}").format(_yuan(result.total_pay)))
    print(tr("计算依据："))
    for line in result.basis:
        print("  " + line)
    return 0


# --- tax -------------------------------------------------------------------------------------------


def _iit_months(args) -> tuple[list[Decimal], list[Decimal], list[Decimal], int, int]:
    """(gross, insurance, special a month, first month, months) from the options, each list as long
    as the months; one amount stands for every month."""
    gross = _amounts(args.gross, "gross", tr("税前工资"))
    insurance = _amounts(args.insurance, "insurance", tr("专项扣除"))
    special = _amounts(args.special, "special", tr("专项附加扣除"))
    first = _whole(args.first_month, "first_month", tr("起始月份"), 1, 12)
    room = 13 - first
    listed = {name: len(values) for name, values in (("gross", gross), ("insurance", insurance), ("special", special))}
    counts = {count for count in listed.values() if count > 1}
    if len(counts) > 1:
        raise ValidationError(
            {
                "months": tr("按月列出的个数不一致：税前工资 {0} 个、专项扣除 {1} 个、专项附加扣除 {2} 个").format(
                    listed["gross"], listed["insurance"], listed["special"]
                )
            }
        )
    if args.months is not None:
        months = _whole(args.months, "months", tr("月数"), 1, room)
        if counts and months not in counts:
            raise ValidationError(
                {"months": tr("按月列出了 {0} 个月的金额，与月数 {1} 不一致").format(counts.pop(), months)}
            )
    elif counts:
        months = counts.pop()
        if months > room:
            raise ValidationError(
                {
                    "months": tr("按月列出了 {0} 个月的金额，从 {1} 月起到 12 月最多 {2} 个月").format(
                        months, first, room
                    )
                }
            )
    else:
        months = room

    def spread(values: list[Decimal]) -> list[Decimal]:
        return values * months if len(values) == 1 else values

    return spread(gross), spread(insurance), spread(special), first, months


def _iit(args) -> int:
    from hrdesk.core.payroll.rules.tax import cumulative_withholding

    gross, insurance, special, first, months = _iit_months(args)
    annual, _, basic = default_tables()
    low_income = default_low_income_annual() if args.low_income else None
    rows = cumulative_withholding(
        gross,
        insurance,
        special,
        months,
        annual,
        basic,
        first_month=first,
        low_income_annual=low_income,
        counted_from_january=args.no_earlier_income,
    )
    total = sum((r.tax_this_month for r in rows), Decimal("0.00"))
    if args.json:
        common.print_json(
            {
                "first_month": first,
                "gross": gross,
                "insurance": insurance,
                "special": special,
                "basic_deduction": basic,
                "low_income": args.low_income,
                "low_income_annual": low_income,
                "no_earlier_income": args.no_earlier_income,
                "months": [
                    {
                        "month": r.month,
                        "gross": r.gross,
                        "insurance": r.insurance,
                        "special_additional": r.special_additional,
                        "cumulative_income": r.cumulative_income,
                        "cumulative_basic": r.cumulative_basic,
                        "cumulative_special": r.cumulative_special,
                        "cumulative_additional": r.cumulative_additional,
                        "cumulative_deductions": r.cumulative_deductions,
                        "cumulative_taxable": r.cumulative_taxable,
                        "rate": r.rate,
                        "quick_deduction": r.quick_deduction,
                        "cumulative_due": r.cumulative_due,
                        "cumulative_tax": r.cumulative_tax,
                        "tax_this_month": r.tax_this_month,
                        "net_this_month": r.net_this_month,
                    }
                    for r in rows
                ],
                "total_tax": total,
            }
        )
        return 0
    print(
        "\t".join(
            [
                tr("月份"),
                tr("本月收入"),
                tr("本月专项扣除"),
                tr("本月专项附加扣除"),
                tr("累计收入"),
                tr("累计减除费用"),
                tr("累计专项扣除"),
                tr("累计专项附加扣除"),
                tr("累计应纳税所得额"),
                tr("税率"),
                tr("速算扣除数"),
                tr("累计应预扣税额"),
                tr("本月预扣税额"),
                tr("本月税后"),
            ]
        )
    )
    for r in rows:
        print(
            "\t".join(
                [
                    tr("{0}月").format(r.month),
                    *(
                        format_money(amount)
                        for amount in (
                            r.gross,
                            r.insurance,
                            r.special_additional,
                            r.cumulative_income,
                            r.cumulative_basic,
                            r.cumulative_special,
                            r.cumulative_additional,
                            r.cumulative_taxable,
                        )
                    ),
                    f"{_plain(r.rate * 100)}%",
                    format_money(r.quick_deduction),
                    format_money(r.cumulative_due),
                    format_money(r.tax_this_month),
                    format_money(r.net_this_month),
                ]
            )
        )
    print(tr("预扣合计：{0}").format(_yuan(total)))
    print(tr("累计应纳税所得额 = 累计收入 − 累计减除费用 − 累计专项扣除 − 累计专项附加扣除（不小于0）"))
    print(tr("累计应预扣税额 = 累计应纳税所得额 × 税率 − 速算扣除数"))
    print(tr("本月预扣税额 = 累计应预扣税额 − 此前各月已预扣合计（为负时本月不预扣）"))
    if low_income is not None:
        print(
            tr("上年工资薪金不超过6万元（国家税务总局公告2020年第19号）：累计减除费用自1月起按 {0} 元。").format(
                format_money(low_income)
            )
        )
    elif args.no_earlier_income and first > 1:
        print(
            tr(
                "本年此前无工资薪金收入（国家税务总局公告2020年第13号）：{0}月的减除费用自1月起累计，"
                "{1} × {0} = {2} 元，此后每月 {1} 元。"
            ).format(first, format_money(basic), format_money(basic * first))
        )
    else:
        print(tr("减除费用：自 {0} 月起每月 {1} 元。").format(first, format_money(basic)))
    withheld = Decimal("0.00")
    for r in rows:
        if r.cumulative_due < withheld:
            print(
                tr("{0}月累计应预扣税额 {1} 小于此前已预扣 {2}，本月不预扣（年度中间不退税，汇算清缴时处理）。").format(
                    r.month, format_money(r.cumulative_due), format_money(withheld)
                )
            )
        withheld = r.cumulative_tax
    return 0


def _bonus(args) -> int:
    from hrdesk.core.payroll.rules.tax import bonus_tax

    amount = _money(args.amount, "amount", tr("奖金"))
    _, monthly, _ = default_tables()
    result = bonus_tax(amount, monthly)
    if args.json:
        common.print_json(
            {
                "bonus": result.bonus,
                "monthly_equivalent": result.monthly_equivalent,
                "rate": result.rate,
                "quick_deduction": result.quick_deduction,
                "tax": result.tax,
                "net": amount - result.tax,
            }
        )
        return 0
    print(
        tr("奖金 {0}，÷ 12 = {1}，适用税率 {2}%，速算扣除数 {3}").format(
            format_money(amount),
            result.monthly_equivalent_text,
            _plain(result.rate * 100),
            format_money(result.quick_deduction),
        )
    )
    print(tr("应纳税额：{0}").format(_yuan(result.tax)))
    print(tr("税后：{0}").format(_yuan(amount - result.tax)))
    return 0


def _severance(args) -> int:
    from hrdesk.core.payroll.rules.tax import severance_tax

    amount = _money(args.amount, "amount", tr("补偿金额"))
    average = _money(args.local_average_annual, "local_average_annual", tr("当地上年职工年平均工资"), positive=True)
    annual, _, _ = default_tables()
    result = severance_tax(amount, average, annual)
    if args.json:
        common.print_json(
            {
                "amount": result.amount,
                "exempt_limit": result.exempt_limit,
                "exempt": result.exempt,
                "taxable": result.taxable,
                "rate": result.rate,
                "quick_deduction": result.quick_deduction,
                "tax": result.tax,
                "net": amount - result.tax,
            }
        )
        return 0
    print(tr("免税额：当地上年职工年平均工资的三倍 = {0}").format(_yuan(result.exempt_limit)))
    print(tr("免税部分：{0}；应税部分：{1}").format(_yuan(result.exempt), _yuan(result.taxable)))
    if result.taxable > 0:
        print(
            tr("应税部分单独按综合所得税率表计税：税率 {0}%，速算扣除数 {1}").format(
                _plain(result.rate * 100), format_money(result.quick_deduction)
            )
        )
    print(tr("应纳税额：{0}").format(_yuan(result.tax)))
    print(tr("税后：{0}").format(_yuan(amount - result.tax)))
    return 0

"""Command-line sub-commands for a month's payroll inputs, so an accountant can script a month:

    hrdesk payroll item add --emp E000002 --item 绩效奖金 --amount 3000 --month 2026-03 --user hr
    hrdesk payroll item add --emp E000002 --item transport_allowance --amount 500 --month 2026-03 --fixed --user hr
    hrdesk payroll item list --month 2026-03 [--emp E000002] [--json] --user hr
    hrdesk payroll item import 本月项目.xlsx --month 2026-03 [--replace-imported] [--check] --user hr
    hrdesk payroll item remove 17 --user hr              (a one-off entry, by the id that list shows)
    hrdesk payroll item remove 4 --fixed --last-month 2026-06 --user hr   (a fixed item stops after June)
    hrdesk payroll declaration add --emp E000002 --month 2026-01 --child-education 2000 --user hr
    hrdesk payroll opening set --emp E000002 --year 2026 --months 3 --income 36000 --tax 180 --user hr
    hrdesk payroll history add --emp E000002 --month 2025-06 --gross 12500 --overtime 800 --user hr
    hrdesk payroll {item|declaration|opening|history} template --out 模板.xlsx

``declaration``, ``opening`` and ``history`` have add (opening: set), list, import and remove too.
Each command calls the same service as the GUI, so the rules, the permissions (录入工资项目) and the
audit trail are the same; an import is all or nothing and ``--check`` writes nothing.
"""

from __future__ import annotations

import argparse
from datetime import date

from hrdesk.cli import common
from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.kernel.i18n import tr


def register(psub) -> None:
    """Add the item, declaration, opening and history groups under ``payroll``."""
    _register_items(psub)
    _register_declarations(psub)
    _register_opening(psub)
    _register_history(psub)


def _command(group, name: str, help_text: str, handler, *, month: bool = False, emp: bool = False):
    c = group.add_parser(name, help=help_text)
    if month:
        c.add_argument("--month", required=True, type=month_argument, help=tr("月份 YYYY-MM"))
    if emp:
        c.add_argument("--emp", required=True, metavar="EMP_NO", help=tr("员工工号"))
    common.user_argument(c)
    c.set_defaults(handler=handler)
    return c


def _import_arguments(c) -> None:
    c.add_argument("file", help=tr("Excel 文件（.xlsx，可先用 template 得到模板）"))
    c.add_argument("--check", action="store_true", help=tr("只检查，不导入"))


def _template_command(group, handler) -> None:
    c = group.add_parser("template", help=tr("保存空白导入模板"))
    c.add_argument("--out", required=True, help=tr("保存为 .xlsx 文件"))
    c.set_defaults(handler=handler)


def month_argument(text: str) -> date:
    from hrdesk.core.payroll.inputs import parse_month

    try:
        return parse_month(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def year_argument(text: str) -> int:
    if not text.isdigit() or not 2000 <= int(text) <= 2100:
        raise argparse.ArgumentTypeError(tr("年度应为四位数字，如 2026：{0}").format(text))
    return int(text)


def yes_no_argument(text: str) -> bool:
    from hrdesk.core.payroll.import_sheets import yes_no

    try:
        return yes_no(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("请写 是 或 否（yes/no）：{0}").format(text)) from None


def _month_text(month: date) -> str:
    return month.strftime("%Y-%m")


# ---- pay items: one-off entries and fixed allowances -------------------------------------------


def _register_items(psub) -> None:
    group = psub.add_parser("item", help=tr("工资项目：一次性项目（奖金、扣款、报销）和每月固定项目（津贴）"))
    g = group.add_subparsers(dest="item_command", required=True)
    c = _command(g, "add", tr("录入一笔工资项目"), _item_add, month=True, emp=True)
    c.add_argument("--item", required=True, help=tr("工资项目名称或代码（见 payroll item types）"))
    c.add_argument("--amount", required=True, help=tr("金额（元，扣款也填正数）"))
    c.add_argument("--note", default="", help=tr("备注"))
    c.add_argument("--fixed", action="store_true", help=tr("每月固定项目：自 --month 起每月发放"))
    c.add_argument("--to-month", type=month_argument, default=None, help=tr("固定项目发至哪个月（默认一直发放）"))
    c = _command(g, "list", tr("列出一个月的工资项目（一次性项目和当月有效的固定项目）"), _item_list, month=True)
    c.add_argument("--emp", metavar="EMP_NO", default=None, help=tr("只列出这名员工"))
    c.add_argument("--json", action="store_true")
    c = _command(g, "import", tr("从 Excel 导入一个月的一次性项目"), _item_import, month=True)
    _import_arguments(c)
    c.add_argument("--replace-imported", action="store_true", help=tr("先删除该月之前导入的项目（手工录入的保留）"))
    c = _command(g, "remove", tr("删除一笔一次性项目，或停发一个固定项目"), _item_remove)
    c.add_argument("id", type=int, help=tr("list 显示的编号"))
    c.add_argument("--fixed", action="store_true", help=tr("编号是固定项目"))
    c.add_argument("--last-month", type=month_argument, default=None, help=tr("固定项目发至哪个月止"))
    _command(g, "types", tr("列出可用的工资项目"), _item_types)
    _template_command(g, _item_template)


def _resolve_item(ctx, text: str) -> str:
    from hrdesk.core.payroll import inputs

    wanted = text.strip()
    for item in inputs.item_types(ctx):
        if wanted in (item.code, item.name):
            return item.code
    raise ValidationError({"item": tr("没有名称或代码为“{0}”的工资项目（用 payroll item types 查看）").format(text)})


def _item_add(args) -> int:
    from hrdesk.core.payroll import inputs

    def work(ctx):
        employee = common.employee_id(ctx, args.emp)
        code = _resolve_item(ctx, args.item)
        if args.fixed:
            saved = inputs.set_allowance(ctx, employee, code, args.amount, args.month, args.to_month)
            return tr("已设置固定项目 {0}：{1} 自 {2} 起每月 {3:,.2f}（编号 {4}）").format(
                args.emp, saved.item_name, _month_text(saved.from_month), saved.amount, saved.id
            )
        if args.to_month is not None:
            raise ValidationError({"to_month": tr("--to-month 只用于固定项目（--fixed）")})
        entry_id = inputs.add_entry(ctx, args.month, employee, code, args.amount, args.note)
        return tr("已录入 {0} {1}：{2}（编号 {3}）").format(_month_text(args.month), args.emp, args.item, entry_id)

    print(common.with_login(args, work))
    return 0


def _item_list(args) -> int:
    from hrdesk.core.payroll import inputs

    def work(ctx):
        employee = common.employee_id(ctx, args.emp) if args.emp else None
        return inputs.entries(ctx, args.month, employee), inputs.allowances_in_month(ctx, args.month, employee)

    entries, fixed = common.with_login(args, work)
    if args.json:
        common.print_json(
            {
                "month": _month_text(args.month),
                "entries": [
                    {
                        "id": e.id,
                        "emp_no": e.emp_no,
                        "name": e.employee_name,
                        "item": e.item_code,
                        "item_name": e.item_name,
                        "category": e.category.value,
                        "amount": e.amount,
                        "note": e.note,
                        "source": e.source,
                        "locked": e.locked,
                    }
                    for e in entries
                ],
                "fixed": [
                    {
                        "id": a.id,
                        "emp_no": emp_no,
                        "item": a.item_code,
                        "item_name": a.item_name,
                        "amount": a.amount,
                        "from_month": _month_text(a.from_month),
                        "to_month": _month_text(a.to_month) if a.to_month else None,
                    }
                    for emp_no, a in fixed
                ],
            }
        )
        return 0
    print(tr("一次性项目"))
    print("\t".join([tr("编号"), tr("工号"), tr("姓名"), tr("工资项目"), tr("金额"), tr("备注"), tr("来源")]))
    for e in entries:
        source = (
            tr("离职结算（锁定）") if e.locked else {"import": tr("导入"), "manual": tr("手工")}.get(e.source, e.source)
        )
        print("\t".join([str(e.id), e.emp_no, e.employee_name, e.item_name, common.text(e.amount), e.note, source]))
    print()
    print(tr("固定项目（{0}有效）").format(_month_text(args.month)))
    print("\t".join([tr("编号"), tr("工号"), tr("工资项目"), tr("每月金额"), tr("起始月份"), tr("截止月份")]))
    for emp_no, a in fixed:
        to_month = _month_text(a.to_month) if a.to_month else tr("长期")
        cells = [str(a.id), emp_no, a.item_name, common.text(a.amount)]
        print("\t".join([*cells, _month_text(a.from_month), to_month]))
    return 0


def _item_import(args) -> int:
    from hrdesk.core.payroll import imports

    result = common.with_login(
        args,
        lambda ctx: imports.import_entries(
            ctx, args.month, args.file, replace_imported=args.replace_imported, check_only=args.check
        ),
    )
    print(result.message)
    return 0


def _item_remove(args) -> int:
    from hrdesk.core.payroll import inputs

    def work(ctx):
        if args.fixed:
            if args.last_month is None:
                raise ValidationError({"last_month": tr("停发固定项目时请用 --last-month 写明发至哪个月")})
            ended = inputs.end_allowance(ctx, args.id, args.last_month)
            return tr("固定项目 {0}（{1}）发至 {2} 止").format(ended.id, ended.item_name, _month_text(args.last_month))
        inputs.delete_entry(ctx, args.id)
        return tr("已删除工资项目 {0}").format(args.id)

    print(common.with_login(args, work))
    return 0


def _item_types(args) -> int:
    from hrdesk.core.payroll import inputs

    print("\t".join([tr("代码"), tr("名称"), tr("类别"), tr("可设为固定项目")]))
    for t in common.with_login(args, inputs.item_types):
        print("\t".join([t.code, t.name, t.category.label, tr("是") if t.recurring else ""]))
    return 0


def _item_template(args) -> int:
    from hrdesk.core.payroll import imports

    print(tr("已保存模板：{0}").format(imports.write_template(imports.ENTRIES, args.out)))
    return 0


# ---- 专项附加扣除 --------------------------------------------------------------------------------


def _register_declarations(psub) -> None:
    from hrdesk.core.payroll.declarations import ADDITIONAL_CODES, additional_label

    group = psub.add_parser("declaration", help=tr("专项附加扣除（员工申报的每月金额）"))
    g = group.add_subparsers(dest="declaration_command", required=True)
    c = _command(g, "add", tr("录入一名员工自某月起的专项附加扣除"), _declaration_add, month=True, emp=True)
    for code in ADDITIONAL_CODES:
        c.add_argument(
            "--" + code.replace("_", "-"),
            dest=code,
            default=None,
            help=tr("{0}（元/月）").format(additional_label(code)),
        )
    c = _command(g, "list", tr("列出一个月有效的专项附加扣除"), _declaration_list, month=True)
    c.add_argument("--json", action="store_true")
    c = _command(g, "import", tr("从 Excel 导入自某月起的专项附加扣除"), _declaration_import, month=True)
    _import_arguments(c)
    _command(g, "remove", tr("撤销一名员工在某月的申报"), _declaration_remove, month=True, emp=True)
    _template_command(g, _declaration_template)


def _declaration_add(args) -> int:
    from hrdesk.core.payroll import declarations

    amounts = {code: getattr(args, code) for code in declarations.ADDITIONAL_CODES}
    saved = common.with_login(
        args,
        lambda ctx: declarations.set_special_deduction(ctx, common.employee_id(ctx, args.emp), args.month, amounts),
    )
    print(
        tr("已保存 {0} 自 {1} 起的专项附加扣除，每月合计 {2:,.2f}").format(
            args.emp, _month_text(args.month), saved.monthly_total
        )
    )
    return 0


def _declaration_list(args) -> int:
    from hrdesk.core.payroll import declarations
    from hrdesk.core.payroll.declarations import ADDITIONAL_CODES, additional_label

    listed = common.with_login(args, lambda ctx: declarations.declarations(ctx, args.month))
    if args.json:
        common.print_json(
            [
                {
                    "emp_no": p.emp_no,
                    "name": p.name,
                    "declared_from": _month_text(d.month) if d else None,
                    **{code: (d.amounts.get(code) if d else None) for code in ADDITIONAL_CODES},
                    "monthly_total": d.monthly_total if d else None,
                }
                for p, d in listed
            ]
        )
        return 0
    print("\t".join([tr("工号"), tr("姓名"), tr("申报月份"), *map(additional_label, ADDITIONAL_CODES), tr("每月合计")]))
    for p, d in listed:
        cells = [common.text(d.amounts.get(code)) if d else "" for code in ADDITIONAL_CODES]
        total = common.text(d.monthly_total) if d else tr("未申报")
        print("\t".join([p.emp_no, p.name, _month_text(d.month) if d else "", *cells, total]))
    return 0


def _declaration_import(args) -> int:
    from hrdesk.core.payroll import imports

    result = common.with_login(
        args, lambda ctx: imports.import_special_deductions(ctx, args.month, args.file, check_only=args.check)
    )
    print(result.message)
    return 0


def _declaration_remove(args) -> int:
    from hrdesk.core.payroll import declarations

    common.with_login(
        args,
        lambda ctx: declarations.remove_special_deduction(ctx, common.employee_id(ctx, args.emp), args.month),
    )
    print(tr("已撤销 {0} 自 {1} 起的专项附加扣除").format(args.emp, _month_text(args.month)))
    return 0


def _declaration_template(args) -> int:
    from hrdesk.core.payroll import imports

    print(tr("已保存模板：{0}").format(imports.write_template(imports.DEDUCTIONS, args.out)))
    return 0


# ---- tax options and year-to-date figures -------------------------------------------------------

OPENING_OPTIONS = (
    ("income", "opening_income", "累计收入"),
    ("tax-free", "opening_tax_free", "累计免税收入"),
    ("special", "opening_special", "累计专项扣除（个人社保公积金）"),
    ("additional", "opening_additional", "累计专项附加扣除"),
    ("other", "opening_other", "累计其他扣除"),
    ("tax", "opening_tax", "累计已预扣税额"),
)


def _register_opening(psub) -> None:
    group = psub.add_parser("opening", help=tr("个税选项和年初累计数（开始使用 HRDesk 之前本年度的累计数）"))
    g = group.add_subparsers(dest="opening_command", required=True)
    c = _command(g, "set", tr("设置一名员工某年度的个税选项和年初累计数"), _opening_set, emp=True)
    c.add_argument("--year", required=True, type=year_argument, help=tr("年度"))
    c.add_argument("--months", type=int, default=None, help=tr("累计数覆盖的已发薪月数（0–11）"))
    for option, _field, label in OPENING_OPTIONS:
        c.add_argument("--" + option, default=None, help=tr(label) + tr("（元）"))
    c.add_argument(
        "--low-income",
        type=yes_no_argument,
        default=None,
        help=tr("上年在本单位工资薪金不超过6万元，自1月起按6万元扣除（公告2020年第19号）：是/否"),
    )
    c.add_argument(
        "--basic-from-january",
        type=yes_no_argument,
        default=None,
        help=tr("本年首次取得工资收入，减除费用自1月起算（公告2020年第13号）：是/否"),
    )
    c.add_argument("--bonus-separately", type=yes_no_argument, default=None, help=tr("全年一次性奖金单独计税：是/否"))
    c = _command(g, "list", tr("列出某年度的个税选项和年初累计数"), _opening_list)
    c.add_argument("--year", required=True, type=year_argument, help=tr("年度"))
    c.add_argument("--json", action="store_true")
    c = _command(g, "import", tr("从 Excel 导入某年度的年初累计数"), _opening_import)
    c.add_argument("--year", required=True, type=year_argument, help=tr("年度"))
    _import_arguments(c)
    c = _command(g, "remove", tr("撤销一名员工某年度的设置（恢复默认）"), _opening_remove, emp=True)
    c.add_argument("--year", required=True, type=year_argument, help=tr("年度"))
    _template_command(g, _opening_template)


def _opening_set(args) -> int:
    from dataclasses import replace

    from hrdesk.core.payroll import declarations

    def work(ctx):
        employee = common.employee_id(ctx, args.emp)
        profile = declarations.tax_profile(ctx, employee, args.year)
        changes: dict[str, object] = {
            field: value
            for field, value in (
                ("low_income", args.low_income),
                ("basic_from_january", args.basic_from_january),
                ("bonus_separately", args.bonus_separately),
                ("opening_months", args.months),
            )
            if value is not None
        }
        for option, field, _label in OPENING_OPTIONS:
            value = getattr(args, option.replace("-", "_"))
            if value is not None:
                changes[field] = value
        return declarations.save_tax_profile(ctx, replace(profile, **changes))

    saved = common.with_login(args, work)
    print(tr("已保存 {0} {1}年度的个税选项和年初累计数").format(args.emp, args.year))
    _print_profile_lines(saved)
    return 0


def _print_profile_lines(p) -> None:
    yes = tr("是")
    print(
        tr("  6万元减除：{0}  减除费用自1月起算：{1}  年终奖单独计税：{2}").format(
            yes if p.low_income else tr("否"),
            yes if p.basic_from_january else tr("否"),
            yes if p.bonus_separately else tr("否"),
        )
    )
    if p.opening_months:
        print(
            tr("  年初累计数（{0}个月）：收入 {1:,.2f}，已预扣税额 {2:,.2f}").format(
                p.opening_months, p.opening_income, p.opening_tax
            )
        )


def _opening_list(args) -> int:
    from hrdesk.core.payroll import declarations

    listed = common.with_login(args, lambda ctx: declarations.tax_profiles(ctx, args.year))
    if args.json:
        common.print_json(
            [
                {
                    "emp_no": person.emp_no,
                    "name": person.name,
                    "saved": saved,
                    "low_income": p.low_income,
                    "basic_from_january": p.basic_from_january,
                    "bonus_separately": p.bonus_separately,
                    "opening_months": p.opening_months,
                    **{field: getattr(p, field) for _o, field, _l in OPENING_OPTIONS},
                }
                for person, p, saved in listed
            ]
        )
        return 0
    headers = [tr("工号"), tr("姓名"), tr("6万元减除"), tr("自1月起扣除"), tr("年终奖单独计税"), tr("已发薪月数")]
    print("\t".join(headers + [tr(label) for _o, _f, label in OPENING_OPTIONS]))
    for person, p, _saved in listed:
        flags = [tr("是") if flag else "" for flag in (p.low_income, p.basic_from_january, p.bonus_separately)]
        figures = [common.text(getattr(p, field)) for _o, field, _l in OPENING_OPTIONS]
        print("\t".join([person.emp_no, person.name, *flags, str(p.opening_months), *figures]))
    return 0


def _opening_import(args) -> int:
    from hrdesk.core.payroll import imports

    result = common.with_login(
        args, lambda ctx: imports.import_opening_figures(ctx, args.year, args.file, check_only=args.check)
    )
    print(result.message)
    return 0


def _opening_remove(args) -> int:
    from hrdesk.core.payroll import declarations

    common.with_login(
        args, lambda ctx: declarations.remove_tax_profile(ctx, common.employee_id(ctx, args.emp), args.year)
    )
    print(tr("已撤销 {0} {1}年度的个税选项和年初累计数，恢复默认").format(args.emp, args.year))
    return 0


def _opening_template(args) -> int:
    from hrdesk.core.payroll import imports

    print(tr("已保存模板：{0}").format(imports.write_template(imports.OPENING, args.out)))
    return 0


# ---- wage history ------------------------------------------------------------------------------


def _register_history(psub) -> None:
    group = psub.add_parser(
        "history", help=tr("历史工资：开始使用 HRDesk 之前各月的应发工资和加班工资（离职补偿按前12个月平均）")
    )
    g = group.add_subparsers(dest="history_command", required=True)
    c = _command(g, "add", tr("录入或更正一名员工一个月的历史工资"), _history_add, month=True, emp=True)
    c.add_argument("--gross", required=True, help=tr("当月应发工资（元，不含经济补偿金）"))
    c.add_argument("--overtime", default="0", help=tr("其中加班工资（元）"))
    c.add_argument("--note", default="", help=tr("备注（如 数据来源）"))
    c = _command(g, "list", tr("列出历史工资"), _history_list)
    c.add_argument("--emp", metavar="EMP_NO", default=None, help=tr("只列出这名员工"))
    c.add_argument("--json", action="store_true")
    c = _command(g, "import", tr("从 Excel 导入历史工资"), _history_import)
    _import_arguments(c)
    _command(g, "remove", tr("删除一名员工一个月的历史工资"), _history_remove, month=True, emp=True)
    _template_command(g, _history_template)


def _history_add(args) -> int:
    from hrdesk.core.payroll import wage_history

    saved = common.with_login(
        args,
        lambda ctx: wage_history.set_month(
            ctx, common.employee_id(ctx, args.emp), args.month, args.gross, args.overtime, args.note
        ),
    )
    print(
        tr("已保存 {0} {1} {2} 的历史工资：应发 {3:,.2f}，其中加班工资 {4:,.2f}").format(
            saved.emp_no, saved.name, _month_text(saved.month), saved.gross, saved.overtime
        )
    )
    return 0


def _history_list(args) -> int:
    from hrdesk.core.payroll import wage_history

    rows = common.with_login(
        args, lambda ctx: wage_history.history(ctx, common.employee_id(ctx, args.emp) if args.emp else None)
    )
    if args.json:
        common.print_json(
            [
                {
                    "emp_no": r.emp_no,
                    "name": r.name,
                    "month": _month_text(r.month),
                    "gross": r.gross,
                    "overtime": r.overtime,
                    "note": r.note,
                    "source": r.source,
                    "entered_by": r.created_by,
                }
                for r in rows
            ]
        )
        return 0
    print("\t".join([tr("工号"), tr("姓名"), tr("月份"), tr("应发工资"), tr("其中加班工资"), tr("备注")]))
    for r in rows:
        print(
            "\t".join([r.emp_no, r.name, _month_text(r.month), common.text(r.gross), common.text(r.overtime), r.note])
        )
    return 0


def _history_import(args) -> int:
    from hrdesk.core.payroll import wage_history

    result = common.with_login(args, lambda ctx: wage_history.import_history(ctx, args.file, check_only=args.check))
    print(result.message)
    return 0


def _history_remove(args) -> int:
    from hrdesk.core.payroll import wage_history

    common.with_login(args, lambda ctx: wage_history.remove_month(ctx, common.employee_id(ctx, args.emp), args.month))
    print(tr("已删除 {0} {1} 的历史工资").format(args.emp, _month_text(args.month)))
    return 0


def _history_template(args) -> int:
    from hrdesk.core.payroll import wage_history

    print(tr("已保存模板：{0}").format(wage_history.write_template(args.out)))
    return 0

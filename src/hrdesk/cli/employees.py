"""Command-line sub-commands for the employee register:

    hrdesk --data-dir D employees list --user hr [--json] [--all-columns]
    hrdesk --data-dir D employees add --emp-no E0100 --name 张三 --id-number … --department 人事部
        --hire-date 2026-03-01 --base-salary 12000 [--onboarding [--account zhangsan]] --user hr

Sensitive fields are masked as the signed-in user may see them, exactly as in the register page.
"""

from __future__ import annotations

import json
import sys

from hrdesk.cli import common
from hrdesk.core.kernel.i18n import tr


def register(sub) -> None:
    p = sub.add_parser("employees", help=tr("员工档案"))
    esub = p.add_subparsers(dest="employees_command", required=True)
    pl = esub.add_parser("list", help=tr("按当前用户的权限列出员工（敏感字段按权限脱敏）"))
    pl.add_argument("--user", required=True, help=tr("以该用户身份查看（密码取自 HRDESK_PASSWORD）"))
    pl.add_argument("--json", action="store_true", help=tr("输出 JSON"))
    pl.add_argument("--all-columns", action="store_true", help=tr("输出全部列（默认只输出常用列）"))
    pl.set_defaults(handler=_cmd_employees_list)

    pa = esub.add_parser(
        "add", help=tr("新建员工档案（与员工档案页相同的规则和权限）；--onboarding 则发起入职流程，审批通过后建档")
    )
    for flag, help_text in (
        ("--emp-no", "工号"),
        ("--name", "姓名"),
        ("--id-number", "身份证号（出生日期和性别取自身份证号）"),
        ("--department", "部门：名称或完整路径（如 总公司 / 销售部）"),
        ("--base-salary", "基本工资（元/月）"),
    ):
        pa.add_argument(flag, required=True, help=tr(help_text))
    pa.add_argument("--hire-date", type=common.date_argument, required=True, help=tr("入职日期 YYYY-MM-DD"))
    pa.add_argument("--status", choices=("probation", "regular"), default="probation", help=tr("试用或正式"))
    pa.add_argument("--probation-end", type=common.date_argument, default=None, help=tr("试用期截止日"))
    pa.add_argument("--position", default=None, help=tr("岗位名称"))
    pa.add_argument("--project", default=None, help=tr("所在项目部：名称或完整路径"))
    pa.add_argument("--manager", default=None, help=tr("直属上级的工号"))
    pa.add_argument("--phone", required=True, help=tr("手机"))
    pa.add_argument("--email", default="", help=tr("邮箱"))
    pa.add_argument("--contract-type", default=None, help=tr("合同类型：fixed、open_ended、task、internship、service"))
    pa.add_argument("--contract-start", type=common.date_argument, default=None, help=tr("合同开始日"))
    pa.add_argument("--contract-end", type=common.date_argument, default=None, help=tr("合同结束日"))
    pa.add_argument("--city", default="", help=tr("社保缴纳城市"))
    pa.add_argument("--insurance-base", default="", help=tr("社保基数（默认同基本工资）"))
    pa.add_argument("--housing-fund-base", default="", help=tr("公积金基数（默认同基本工资）"))
    pa.add_argument("--bank-account", default="", help=tr("工资卡号"))
    pa.add_argument("--bank-name", default="", help=tr("开户行"))
    pa.add_argument("--onboarding", action="store_true", help=tr("发起入职流程，而不是直接建档"))
    pa.add_argument("--account", default=None, help=tr("与 --onboarding 一起用：入职完成时创建的登录账号"))
    pa.add_argument("--json", action="store_true", help=tr("输出 JSON"))
    common.user_argument(pa)
    pa.set_defaults(handler=_cmd_employees_add)


def _cmd_employees_list(args) -> int:
    from hrdesk.core.people import employee_table

    table = common.with_login(args, lambda ctx: employee_table.load(ctx))
    columns = table.columns if args.all_columns else [c for c in table.columns if c.default_visible]
    indexes = [table.column_index(c.key) for c in columns]
    if args.json:
        records = [{c.key: row[i] for c, i in zip(columns, indexes, strict=True)} for row in table.rows]
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1, default=common.json_default)
        sys.stdout.write("\n")
        return 0
    print("\t".join(c.label for c in columns))
    for row in table.rows:
        print("\t".join(common.text(row[i]) for i in indexes))
    return 0


def _department_id(ctx, text: str | None, field: str) -> int | None:
    """A department by its name or its full path; ValidationError naming the candidates otherwise."""
    from hrdesk.core.kernel.errors import ValidationError
    from hrdesk.core.org import departments

    if not text:
        return None
    wanted = " / ".join(part.strip() for part in text.replace("/", " / ").split(" / ") if part.strip())
    active = departments.list_departments(ctx, include_inactive=False)
    found = [d for d in active if d.path == wanted] or [d for d in active if d.name == text.strip()]
    if len(found) == 1:
        return found[0].id
    if not found:
        raise ValidationError({field: tr("找不到部门“{0}”").format(text)})
    paths = "；".join(d.path for d in found)
    raise ValidationError({field: tr("有多个部门叫“{0}”，请写完整路径：{1}").format(text, paths)})


def _position_id(ctx, text: str | None) -> int | None:
    from hrdesk.core.kernel.errors import ValidationError
    from hrdesk.core.org import positions

    if not text:
        return None
    found = [p for p in positions.list_positions(ctx, include_inactive=False) if p.name == text.strip()]
    if not found:
        raise ValidationError({"position_id": tr("找不到岗位“{0}”").format(text)})
    return found[0].id


def _cmd_employees_add(args) -> int:
    from hrdesk.core.flows import lifecycle
    from hrdesk.core.kernel.errors import ValidationError
    from hrdesk.core.people import employees
    from hrdesk.core.people.employee_rules import ContractType, EmployeeInput, EmployeeStatus

    if args.account and not args.onboarding:
        raise ValidationError({"account": tr("--account 只能与 --onboarding 一起使用")})
    try:
        contract = ContractType(args.contract_type) if args.contract_type else None
    except ValueError:
        choices = "、".join(c.value for c in ContractType)
        raise ValidationError({"contract_type": tr("合同类型应为：{0}").format(choices)}) from None

    def work(ctx):
        data = EmployeeInput(
            emp_no=args.emp_no,
            name=args.name,
            id_number=args.id_number,
            phone=args.phone,
            email=args.email,
            department_id=_department_id(ctx, args.department, "department_id"),
            project_department_id=_department_id(ctx, args.project, "project_department_id"),
            position_id=_position_id(ctx, args.position),
            manager_id=employees.id_by_emp_no(ctx, args.manager) if args.manager else None,
            hire_date=args.hire_date,
            probation_end_date=args.probation_end,
            contract_type=contract,
            contract_start=args.contract_start,
            contract_end=args.contract_end,
            status=EmployeeStatus(args.status),
            social_security_city=args.city,
            base_salary=args.base_salary,
            insurance_base=args.insurance_base,
            housing_fund_base=args.housing_fund_base,
            bank_account=args.bank_account,
            bank_name=args.bank_name,
        )
        if args.onboarding:
            flow = lifecycle.start_onboarding(ctx, data, args.account)
            return {"flow_id": flow.summary.id, "emp_no": args.emp_no, "name": args.name}
        detail = employees.create(ctx, data)
        return {"id": detail.id, "emp_no": detail.emp_no, "name": detail.name}

    result = common.with_login(args, work)
    if args.json:
        common.print_json(result)
    elif "flow_id" in result:
        started = tr("已发起入职流程 #{0}：{1} {2}（审批通过后建档）")
        print(started.format(result["flow_id"], result["emp_no"], result["name"]))
    else:
        print(tr("已新建员工档案：{0} {1}").format(result["emp_no"], result["name"]))
    return 0

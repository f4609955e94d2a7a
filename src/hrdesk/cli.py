"""The command line: the same entry point as the GUI, sub-commands for automation and testing.

Every command opens the company through the core services, so permissions, masking and the audit
trail apply exactly as in the GUI. Expected errors print a message and exit non-zero; nothing
prints a traceback (unexpected ones go to the log file).
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.version import __version__

PASSWORD_ENV = "HRDESK_PASSWORD"
log = logging.getLogger("hrdesk.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hrdesk", description=tr("HRDesk 人事财务一体化桌面系统"))
    parser.add_argument("--version", action="version", version=f"HRDesk {__version__}")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help=tr("公司数据文件夹（默认：当前用户的应用数据文件夹）"))
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("gui", help=tr("启动图形界面（默认）"))
    p.set_defaults(handler=_cmd_gui)

    p = sub.add_parser("init", help=tr("创建公司和第一个管理员账号（密码取自环境变量 HRDESK_PASSWORD）"))
    p.add_argument("--company", required=True, help=tr("公司名称"))
    p.add_argument("--admin", default="admin", help=tr("管理员用户名"))
    p.add_argument("--admin-name", default=tr("系统管理员"), help=tr("管理员姓名"))
    p.set_defaults(handler=_cmd_init)

    p = sub.add_parser("demo", help=tr("创建一家示例公司（用于试用和测试）"))
    p.add_argument("--employees", type=int, default=200, help=tr("员工人数（1 到 100000）"))
    p.add_argument("--seed", type=int, default=1, help=tr("随机种子：相同种子生成相同数据"))
    p.set_defaults(handler=_cmd_demo)

    p = sub.add_parser("employees", help=tr("员工档案"))
    esub = p.add_subparsers(dest="employees_command", required=True)
    pl = esub.add_parser("list", help=tr("按当前用户的权限列出员工（敏感字段按权限脱敏）"))
    pl.add_argument("--user", required=True, help=tr("以该用户身份查看（密码取自 HRDESK_PASSWORD）"))
    pl.add_argument("--json", action="store_true", help=tr("输出 JSON"))
    pl.add_argument("--all-columns", action="store_true", help=tr("输出全部列（默认只输出常用列）"))
    pl.set_defaults(handler=_cmd_employees_list)

    p = sub.add_parser("audit", help=tr("操作日志"))
    asub = p.add_subparsers(dest="audit_command", required=True)
    pv = asub.add_parser("verify", help=tr("校验操作日志的哈希链是否完整"))
    pv.set_defaults(handler=_cmd_audit_verify)

    p = sub.add_parser("key", help=tr("数据库密钥"))
    ksub = p.add_subparsers(dest="key_command", required=True)
    pr = ksub.add_parser("recover", help=tr("用恢复密钥打开公司数据，并把密钥存回系统凭据存储"))
    pr.add_argument("--recovery-key", help=tr("恢复密钥（不填则提示输入）"))
    pr.set_defaults(handler=_cmd_key_recover)

    p = sub.add_parser("selftest", help=tr("自检：在临时文件夹中创建示例公司，走一遍主要功能（也用于检查打包后的程序）"))
    p.add_argument("--employees", type=int, default=50, help=tr("示例公司的员工人数"))
    p.add_argument("--startup-only", action="store_true",
                   help=tr("只测量从启动到登录窗口显示的时间（可用 --data-dir 指定已有的公司数据）"))
    p.add_argument("--runs", type=int, default=1, help=tr("与 --startup-only 一起用：启动测量的次数"))
    p.add_argument("--screenshot", type=Path, default=None, help=tr("把主窗口截图保存到该文件（PNG）"))
    p.add_argument("--verbose", action="store_true", help=tr("检查失败时在终端显示详细错误"))
    p.set_defaults(handler=_cmd_selftest)

    from hrdesk import cli_calc, cli_documents, cli_flows, cli_payroll

    cli_flows.register(sub)
    cli_calc.register(sub)
    cli_payroll.register(sub)
    cli_documents.register(sub)
    return parser


def run(argv: list[str]) -> int:
    _utf8_console()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.handler = _cmd_gui
    try:
        return args.handler(args) or 0
    except HRDeskError as exc:
        _print_error(exc)
        return exc.exit_code
    except KeyboardInterrupt:
        print(tr("已取消。"), file=sys.stderr)
        return 130
    except Exception:  # a bug: keep the traceback out of the user's face, but keep it
        log.exception("unexpected error in command %s", argv)
        from hrdesk.logging_setup import log_path

        print(tr("发生内部错误，操作未完成。详细信息已写入日志：{0}").format(log_path()), file=sys.stderr)
        return 70


def _utf8_console() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError):
            pass


def _print_error(exc: HRDeskError) -> None:
    print(tr("错误：") + str(exc), file=sys.stderr)
    if isinstance(exc, ValidationError) and len(exc.errors) > 1:
        for field, message in list(exc.errors.items())[:50]:
            print(f"  {field}: {message}", file=sys.stderr)


def _data_dir(args):
    import hrdesk.core.areas  # noqa: F401  (every command with a company needs all its areas)
    from hrdesk.core.kernel.persistence.datadir import DataDir, default_data_dir

    return DataDir(args.data_dir or default_data_dir())


def _password(prompt: str) -> str:
    value = os.environ.get(PASSWORD_ENV)
    if value:
        return value
    if not sys.stdin.isatty():
        raise ValidationError({"password": tr("请通过环境变量 {0} 提供密码").format(PASSWORD_ENV)})
    return getpass.getpass(prompt)


def _login(args):
    from hrdesk.core.accounts import auth
    from hrdesk.core.company import setup as company

    db = company.open_company(_data_dir(args))
    try:
        return auth.login(db, args.user, _password(tr("{0} 的密码：").format(args.user)))
    except BaseException:
        db.dispose()
        raise


def _json_default(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(type(value).__name__)


# --- commands ------------------------------------------------------------------------------------


def _cmd_gui(args) -> int:
    from hrdesk.ui.shell.app import run_gui

    return run_gui(_data_dir(args))


def _cmd_init(args) -> int:
    from hrdesk.core.company import setup as company

    result = company.setup_company(
        _data_dir(args), company_name=args.company, admin_username=args.admin, admin_display_name=args.admin_name,
        admin_password=_password(tr("管理员密码：")))
    result.db.dispose()
    print(tr("已创建公司“{0}”，管理员账号：{1}").format(args.company, args.admin))
    print(tr("恢复密钥（请打印或抄写后妥善保管，只显示这一次）："))
    print(result.recovery_key)
    return 0


def _cmd_demo(args) -> int:
    from hrdesk.core.demo.demo_company import create_demo_company

    if not 1 <= args.employees <= 100_000:
        raise ValidationError({"employees": tr("员工人数应在 1 到 100000 之间")})
    result = create_demo_company(_data_dir(args), employees=args.employees, seed=args.seed)
    result.db.dispose()
    print(tr("已创建示例公司：{0} 名员工，数据文件夹 {1}").format(result.employee_count, _data_dir(args).root))
    for login in result.logins:
        roles = ",".join(r.value for r in login.roles)
        print(f"user: {login.username}  password: {login.password}  roles: {roles}")
    print(tr("恢复密钥：") + result.recovery_key)
    return 0


def _cmd_employees_list(args) -> int:
    from hrdesk.core.people import employee_table

    ctx = _login(args)
    try:
        table = employee_table.load(ctx)
    finally:
        ctx.db.dispose()
    columns = table.columns if args.all_columns else [c for c in table.columns if c.default_visible]
    indexes = [table.column_index(c.key) for c in columns]
    if args.json:
        records = [{c.key: row[i] for c, i in zip(columns, indexes)} for row in table.rows]
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1, default=_json_default)
        sys.stdout.write("\n")
        return 0
    print("\t".join(c.label for c in columns))
    for row in table.rows:
        print("\t".join(_text(row[i]) for i in indexes))
    return 0


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _cmd_audit_verify(args) -> int:
    from hrdesk.core.kernel.permissions import Actor
    from hrdesk.core.audit import audit_log
    from hrdesk.core.company import setup as company
    from hrdesk.core.kernel.context import ServiceContext

    db = company.open_company(_data_dir(args))
    try:
        report = audit_log.verify_chain(ServiceContext(db, Actor.system(tr("命令行"))))
    finally:
        db.dispose()
    if report.ok:
        print(tr("OK：操作日志完整，共 {0} 条记录。").format(report.checked))
        return 0
    print(tr("发现篡改：第 {0} 条记录 — {1}（之前的 {2} 条完好）").format(
        report.first_break.seq, report.first_break.reason, report.checked), file=sys.stderr)
    return 9


def _cmd_key_recover(args) -> int:
    from hrdesk.core.company import setup as company

    text = args.recovery_key
    if not text:
        if not sys.stdin.isatty():
            text = sys.stdin.readline()
        else:
            text = getpass.getpass(tr("恢复密钥："))
    db, stored = company.open_with_recovery_key(_data_dir(args), text)
    db.dispose()
    if stored:
        print(tr("恢复密钥正确，数据库密钥已存回系统凭据存储。"))
    else:
        print(tr("恢复密钥正确，但本机没有可用的系统凭据存储。请把恢复密钥设为环境变量 HRDESK_DB_KEY 后使用。"))
    return 0


def _cmd_selftest(args) -> int:
    from hrdesk.selftest import run

    return run(employees=args.employees, startup_only=args.startup_only, data_dir=args.data_dir, runs=args.runs,
               screenshot=args.screenshot, verbose=args.verbose)

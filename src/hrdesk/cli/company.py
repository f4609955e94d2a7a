"""Command-line sub-commands for the company file itself: creating it, a demo company, and opening
it with the recovery key:

    hrdesk --data-dir D init --company 示例科技有限公司 --admin admin
    hrdesk --data-dir D demo --employees 2000
    hrdesk --data-dir D key recover
    hrdesk --data-dir D key rotate --yes
"""

from __future__ import annotations

import getpass
import sys

from hrdesk.cli import common
from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.kernel.i18n import tr


def register(sub) -> None:
    p = sub.add_parser("init", help=tr("创建公司和第一个管理员账号（密码取自环境变量 HRDESK_PASSWORD）"))
    p.add_argument("--company", required=True, help=tr("公司名称"))
    p.add_argument("--admin", default="admin", help=tr("管理员用户名"))
    p.add_argument("--admin-name", default=tr("系统管理员"), help=tr("管理员姓名"))
    p.set_defaults(handler=_cmd_init)

    p = sub.add_parser("demo", help=tr("创建一家示例公司（用于试用和测试）"))
    p.add_argument("--employees", type=int, default=200, help=tr("员工人数（1 到 100000）"))
    p.add_argument("--seed", type=int, default=1, help=tr("随机种子：相同种子生成相同数据"))
    p.set_defaults(handler=_cmd_demo)

    p = sub.add_parser("key", help=tr("数据库密钥"))
    ksub = p.add_subparsers(dest="key_command", required=True)
    pr = ksub.add_parser("recover", help=tr("用恢复密钥打开公司数据，并把密钥存回系统凭据存储"))
    pr.add_argument("--recovery-key", help=tr("恢复密钥（不填则提示输入）"))
    pr.add_argument("--audit-key", help=tr("恢复单上的审计密钥（本机凭据存储也没有审计密钥时需要）"))
    pr.set_defaults(handler=_cmd_key_recover)
    pk = ksub.add_parser("rotate", help=tr("更换数据库密钥（公司数据须未在其他窗口打开），新的恢复密钥只显示一次"))
    pk.add_argument("--yes", action="store_true", help=tr("确认更换；之前的恢复密钥将不能打开新的公司数据文件"))
    pk.set_defaults(handler=_cmd_key_rotate)


def _cmd_init(args) -> int:
    from hrdesk.core.company import setup as company

    result = company.setup_company(
        common.data_dir(args),
        company_name=args.company,
        admin_username=args.admin,
        admin_display_name=args.admin_name,
        admin_password=common.password(tr("管理员密码：")),
    )
    result.db.dispose()
    print(tr("已创建公司“{0}”，管理员账号：{1}").format(args.company, args.admin))
    print(tr("恢复单（请打印或抄写后妥善保管，分开存放更安全，只显示这一次）："))
    print(tr("恢复密钥：") + result.recovery_key)
    print(tr("审计密钥：") + result.audit_recovery_key)
    return 0


def _cmd_demo(args) -> int:
    from hrdesk.core.demo.demo_company import create_demo_company

    if not 1 <= args.employees <= 100_000:
        raise ValidationError({"employees": tr("员工人数应在 1 到 100000 之间")})
    result = create_demo_company(common.data_dir(args), employees=args.employees, seed=args.seed)
    result.db.dispose()
    print(tr("已创建示例公司：{0} 名员工，数据文件夹 {1}").format(result.employee_count, common.data_dir(args).root))
    for login in result.logins:
        roles = ",".join(r.value for r in login.roles)
        print(f"user: {login.username}  password: {login.password}  roles: {roles}")
    print(tr("恢复密钥：") + result.recovery_key)
    print(tr("审计密钥：") + result.audit_recovery_key)
    return 0


def _cmd_key_recover(args) -> int:
    from hrdesk.core.company import setup as company

    text = args.recovery_key
    if not text:
        if not sys.stdin.isatty():
            text = sys.stdin.readline()
        else:
            text = getpass.getpass(tr("恢复密钥："))
    db, stored = company.open_with_recovery_key(common.data_dir(args), text, args.audit_key)
    db.dispose()
    if stored:
        print(tr("恢复密钥正确，数据库密钥已存回系统凭据存储。"))
    else:
        print(tr("恢复密钥正确，但本机没有可用的系统凭据存储。请把恢复密钥设为环境变量 HRDESK_DB_KEY 后使用。"))
    return 0


def _cmd_key_rotate(args) -> int:
    from hrdesk.core.company import key_rotation

    if not args.yes:
        raise ValidationError(
            {"yes": tr("更换密钥后，旧的恢复密钥不能再打开公司数据文件（旧备份仍可恢复）。确认后加上 --yes 再运行。")}
        )
    result = key_rotation.rotate_key(common.data_dir(args))
    print(tr("已更换数据库密钥（{0}）。新的恢复密钥（请打印或抄写后妥善保管，只显示这一次）：").format(result.key_id))
    print(result.recovery_key)
    if not result.key_in_keyring:
        print(
            tr("密钥未存入系统凭据存储：请把环境变量 {0} 改为上面的新恢复密钥，否则下次无法打开。").format(
                "HRDESK_DB_KEY"
            ),
            file=sys.stderr,
        )
    return 0

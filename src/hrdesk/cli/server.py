"""Command-line sub-commands for a company on a PostgreSQL server (issue 13):

hrdesk server init --database postgresql://USER@HOST/DB --company 名称 [--admin admin] [--admin-name 姓名]

The administrator's password comes from HRDESK_PASSWORD (or is asked for), the audit key from the
server's HRDESK_AUDIT_KEY, as for every server command.
"""

from __future__ import annotations

from hrdesk.cli import common
from hrdesk.core.kernel.i18n import tr


def register(sub) -> None:
    p = sub.add_parser("server", help=tr("服务器模式：公司数据在 PostgreSQL 数据库服务器上"))
    ssub = p.add_subparsers(dest="server_command", required=True)
    pi = ssub.add_parser("init", help=tr("在一个空的 PostgreSQL 数据库中建立公司和第一个管理员账号"))
    pi.add_argument("--database", required=True, help=tr("数据库地址，如 postgresql://hrdesk@db.example.cn/hrdesk"))
    pi.add_argument("--company", required=True, help=tr("公司名称"))
    pi.add_argument("--admin", default="admin", help=tr("管理员用户名"))
    pi.add_argument("--admin-name", default=tr("系统管理员"), help=tr("管理员姓名"))
    pi.set_defaults(handler=_cmd_init)


def _cmd_init(args) -> int:
    from hrdesk.core.company import server_database

    db = server_database.init_server(
        args.database,
        company_name=args.company,
        admin_username=args.admin,
        admin_display_name=args.admin_name,
        admin_password=common.password(tr("管理员密码：")),
    )
    db.dispose()
    print(tr("已在数据库服务器上创建公司“{0}”，管理员账号：{1}").format(args.company, args.admin))
    return 0

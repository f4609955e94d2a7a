"""Command-line sub-commands for the employee register:

    hrdesk --data-dir D employees list --user hr [--json] [--all-columns]

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

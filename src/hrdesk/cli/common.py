"""What every command group shares: the data folder, signing in as a user, dates as arguments, output
as text or JSON, and the messages of expected errors.

Every command opens the company through the core services, so permissions, masking and the audit
trail apply exactly as in the GUI. Expected errors (HRDeskError) print a message and exit with their
code: 2 invalid input, 3 permission, 4 not found, 5 conflict, 6 not allowed in this state,
7 sign-in, 8 storage, 9 audit chain broken, 10 mail not delivered, 12 document altered,
13 document not issued by this company; 70 is an internal error (logged, never a traceback).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import TypeVar

from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.core.kernel.i18n import tr

PASSWORD_ENV = "HRDESK_PASSWORD"

T = TypeVar("T")


# --- arguments -------------------------------------------------------------------------------------


def user_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", required=True, help=tr("以该用户身份操作（密码取自 HRDESK_PASSWORD）"))


def date_argument(text: str) -> date:
    """An argparse type: YYYY-MM-DD, or a message naming what was typed."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("日期格式应为 YYYY-MM-DD：{0}").format(text)) from None


# --- the company and the user ----------------------------------------------------------------------


def data_dir(args):
    import hrdesk.core.areas  # noqa: F401  (every command with a company needs all its areas)
    from hrdesk.core.kernel.persistence.datadir import DataDir, default_data_dir

    return DataDir(args.data_dir or default_data_dir())


def password(prompt: str) -> str:
    value = os.environ.get(PASSWORD_ENV)
    if value:
        return value
    if not sys.stdin.isatty():
        raise ValidationError({"password": tr("请通过环境变量 {0} 提供密码").format(PASSWORD_ENV)})
    return getpass.getpass(prompt)


def open_company(args):
    """The company database of ``--data-dir``, for commands that act as the system, not as a user."""
    from hrdesk.core.company import setup

    return setup.open_company(data_dir(args))


def system_context(db):
    """A service context acting as the command line itself (for checks that need no sign-in)."""
    from hrdesk.core.kernel.context import ServiceContext
    from hrdesk.core.kernel.permissions import Actor

    return ServiceContext(db, Actor.system(tr("命令行")))


def login(args):
    """Sign in as ``--user`` (the password from HRDESK_PASSWORD or typed); the caller disposes the db."""
    from hrdesk.core.accounts import auth

    db = open_company(args)
    try:
        return auth.login(db, args.user, password(tr("{0} 的密码：").format(args.user)))
    except BaseException:
        db.dispose()
        raise


def with_login(args, work: Callable[[object], T]) -> T:
    """``work(ctx)`` signed in as ``--user``, the company closed afterwards whatever happens."""
    ctx = login(args)
    try:
        return work(ctx)
    finally:
        ctx.db.dispose()


def employee_id(ctx, emp_no: str) -> int:
    from hrdesk.core.people import employees

    return employees.id_by_emp_no(ctx, emp_no)


# --- output ----------------------------------------------------------------------------------------


def json_default(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(type(value).__name__)


def print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1, default=json_default)
    sys.stdout.write("\n")


def text(value) -> str:
    """A value as a tab-separated table cell: amounts with two places, dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def print_error(exc: HRDeskError) -> None:
    print(tr("错误：") + str(exc), file=sys.stderr)
    if isinstance(exc, ValidationError) and len(exc.errors) > 1:
        for field, message in list(exc.errors.items())[:50]:
            print(f"  {field}: {message}", file=sys.stderr)

"""The command line: the same entry point as the GUI, sub-commands for automation and testing.

Expected errors print a message and exit non-zero (the codes are listed in :mod:`.common`); nothing
prints a traceback (unexpected ones go to the log file).

Each command group is a module of this package with a ``register(sub)`` that adds its sub-commands;
what they share (signing in, output, dates) is in :mod:`.common`.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from hrdesk.cli import (
    audit,
    backup,
    calculators,
    common,
    company,
    documents,
    employees,
    flows,
    payroll,
    separation,
    server,
)
from hrdesk.core.kernel.errors import HRDeskError
from hrdesk.core.kernel.i18n import tr
from hrdesk.logging_setup import configure_logging, log_path
from hrdesk.version import __version__

log = logging.getLogger("hrdesk.cli")

# in the order of `hrdesk --help`
COMMAND_GROUPS = (company, backup, server, employees, flows, separation, payroll, documents, audit, calculators)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hrdesk", description=tr("HRDesk 人事财务一体化桌面系统"))
    parser.add_argument("--version", action="version", version=f"HRDesk {__version__}")
    parser.add_argument(
        "--data-dir", type=Path, default=None, help=tr("公司数据文件夹（默认：当前用户的应用数据文件夹）")
    )
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("gui", help=tr("启动图形界面（默认）"))
    p.set_defaults(handler=_cmd_gui)

    p = sub.add_parser(
        "selftest", help=tr("自检：在临时文件夹中创建示例公司，走一遍主要功能（也用于检查打包后的程序）")
    )
    p.add_argument("--employees", type=int, default=50, help=tr("示例公司的员工人数"))
    p.add_argument(
        "--startup-only",
        action="store_true",
        help=tr("只测量从启动到登录窗口显示的时间（可用 --data-dir 指定已有的公司数据）"),
    )
    p.add_argument("--runs", type=int, default=1, help=tr("与 --startup-only 一起用：启动测量的次数"))
    p.add_argument("--screenshot", type=Path, default=None, help=tr("把主窗口截图保存到该文件（PNG）"))
    p.add_argument("--verbose", action="store_true", help=tr("检查失败时在终端显示详细错误"))
    p.set_defaults(handler=_cmd_selftest)

    for group in COMMAND_GROUPS:
        group.register(sub)
    return parser


# 128 + SIGPIPE: what a shell reports for a command whose reader (``| head -1``) went away
EXIT_BROKEN_PIPE = 141


def run(argv: list[str]) -> int:
    _utf8_console()
    log_file = configure_logging()  # the file the internal-error message below names
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.handler = _cmd_gui
    try:
        code = args.handler(args) or 0
        sys.stdout.flush()  # a closed pipe shows here rather than in the interpreter's exit
        return code
    except BrokenPipeError:
        return _reader_gone()
    except HRDeskError as exc:
        common.print_error(exc)
        return exc.exit_code
    except KeyboardInterrupt:
        print(tr("已取消。"), file=sys.stderr)
        return 130
    except Exception:  # a bug: keep the traceback out of the user's face, but keep it
        log.exception("unexpected error in command %s", argv)
        if log_file is None:
            print(tr("发生内部错误，操作未完成（日志文件无法写入：{0}）。").format(log_path()), file=sys.stderr)
        else:
            print(tr("发生内部错误，操作未完成。详细信息已写入日志：{0}").format(log_file), file=sys.stderr)
        return 70


def _reader_gone() -> int:
    """The output was piped into a command that stopped reading (``hrdesk ... | head -1``): end
    quietly. Standard output is pointed at the null device, as the Python documentation advises
    (signal module, "Note on SIGPIPE"), so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real file descriptor (a test's captured stream)
        pass
    return EXIT_BROKEN_PIPE


def _utf8_console() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError):
            pass


def _cmd_gui(args) -> int:
    from hrdesk.ui.shell.app import run_gui

    return run_gui(common.data_dir(args))


def _cmd_selftest(args) -> int:
    from hrdesk.selftest import run

    return run(
        employees=args.employees,
        startup_only=args.startup_only,
        data_dir=args.data_dir,
        runs=args.runs,
        screenshot=args.screenshot,
        verbose=args.verbose,
    )

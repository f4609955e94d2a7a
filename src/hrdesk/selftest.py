"""``hrdesk selftest``: the essential path of the shipped features, inside the very program a user
runs (the frozen executable included), in a throwaway data folder.

It is what catches a data file, a Qt plugin or a hidden import missing from the bundle: create a
demo company, reopen the encrypted file, check it holds no plain text, verify the audit chain,
sign in, load the register, open the main window offscreen and render it in Chinese. One line per
check, ``OK   <name> (<ms> ms)`` or ``FAIL <name>: <reason>``, then a summary; exit code 0 only if
every check passed. Nothing raises to the user: each check is caught on its own, unexpected
errors go to the log file (and to stderr with ``--verbose``).

Features add their checks by appending to :data:`CHECKS` with the :func:`check` decorator (a
payroll month and its Excel sheet, a separation and its certificate PDF, …); ``needs`` names the
checks whose results they build on, so one failure does not cascade into a wall of errors.

``hrdesk selftest --startup-only`` measures start-up instead: from the launch of the program to
the sign-in window painted, along the GUI's own path (see docs/build.md).

The test owns its environment: HRDESK_DB_KEY and HRDESK_AUDIT_KEY are random keys set for this
process only while the test runs (restored afterwards, never passed on), Qt runs offscreen unless QT_QPA_PLATFORM says
otherwise, Qt settings go to the temporary folder, and the folder is removed at the end.
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TextIO

from hrdesk import platform_support
from hrdesk.core.kernel.i18n import tr
from hrdesk.version import __version__

log = logging.getLogger("hrdesk.selftest")

DEFAULT_EMPLOYEES = 50
WAIT_SECONDS = 60.0  # for background loads; generous for a slow CI machine
CJK_SAMPLE = "员工档案确定取消"


class CheckFailed(Exception):
    """An expected failure with a message for the report (no traceback is logged)."""


@dataclass(frozen=True)
class Check:
    key: str
    title: str
    run: Callable[[SelfTest], str | None]  # returns an optional detail for the OK line
    needs: tuple[str, ...] = ()


@dataclass
class CheckResult:
    check: Check
    ok: bool
    ms: float
    detail: str | None = None
    reason: str | None = None

    def line(self) -> str:
        name = self.check.title + (f"：{self.detail}" if self.detail else "")
        if self.ok:
            return f"OK   {name} ({self.ms:.0f} ms)"
        return f"FAIL {self.check.title}: {self.reason}"


CHECKS: list[Check] = []


def check(key: str, title: str, needs: Sequence[str] = ()):
    """Register a check (in order of definition); its function gets the :class:`SelfTest`."""

    def register(fn: Callable[[SelfTest], str | None]):
        CHECKS.append(Check(key, title, fn, tuple(needs)))
        return fn

    return register


def _require(condition: Any, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


# --- the run -------------------------------------------------------------------------------------


@dataclass
class SelfTest:
    """What the checks share: the temporary folder, the opened company, the Qt objects."""

    root: Path
    verbose: bool = False
    employees: int = DEFAULT_EMPLOYEES
    screenshot: Path | None = None
    data_dir: Any = None  # DataDir
    demo: Any = None  # DemoResult
    db: Any = None  # CompanyDatabase (reopened)
    company_name: str = ""
    ctx: Any = None  # ServiceContext of the hr login
    table: Any = None  # EmployeeTable
    separated_id: int | None = None  # the employee the separation check saw through
    app: Any = None  # QApplication
    window: Any = None  # MainWindow
    login_shown_at: float | None = None  # perf_counter() when the sign-in window was painted
    login_since_launch: tuple[float, str] | None = None  # and how long after the launch
    modal_messages: list[str] = field(default_factory=list)
    callback_errors: list[str] = field(default_factory=list)  # raised in Qt slots, see _catch_callback_errors
    _cleanups: list[Callable[[], None]] = field(default_factory=list)

    def on_cleanup(self, fn: Callable[[], None]) -> None:
        self._cleanups.append(fn)

    def cleanup(self) -> None:
        while self._cleanups:
            fn = self._cleanups.pop()
            try:
                fn()
            except Exception:  # cleaning up must not hide the report
                log.warning("self-test clean-up step failed", exc_info=True)

    def wait_until(self, predicate: Callable[[], bool], seconds: float = WAIT_SECONDS) -> bool:
        """Run the Qt event loop until ``predicate()`` holds; False on timeout or when a modal
        message box popped up (its text is kept in modal_messages)."""
        from PySide6.QtCore import QEventLoop, QTimer

        deadline = time.monotonic() + seconds
        seen = len(self.modal_messages)
        while not predicate():
            if time.monotonic() > deadline or len(self.modal_messages) > seen:
                return False
            loop = QEventLoop()
            QTimer.singleShot(20, loop.quit)
            loop.exec()
        return True

    def modal_reason(self) -> str:
        return self.modal_messages[-1] if self.modal_messages else tr("超时")


class _ScopedEnv:
    """Environment variables set for the duration of the test, then put back as they were."""

    def __init__(self):
        self._saved: dict[str, str | None] = {}

    def set(self, name: str, value: str) -> None:
        if name not in self._saved:
            self._saved[name] = os.environ.get(name)
        os.environ[name] = value

    def restore(self) -> None:
        for name, value in self._saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        self._saved.clear()


def _use_offscreen(env: _ScopedEnv) -> None:
    if not os.environ.get("QT_QPA_PLATFORM"):
        env.set("QT_QPA_PLATFORM", "offscreen")


def _log_to_file() -> None:
    """Unexpected errors go to the user's log file (as in the GUI), unless someone (pytest, the
    GUI) already configured logging."""
    if not logging.getLogger().handlers:
        from hrdesk.logging_setup import configure_logging

        configure_logging()


def _header(out: TextIO) -> None:
    print(
        tr("HRDesk {0} 自检（{1}，{2}，Python {3}）").format(
            __version__, platform_support.build_kind(), sys.platform, ".".join(map(str, sys.version_info[:3]))
        ),
        file=out,
        flush=True,
    )


def run(
    *,
    employees: int = DEFAULT_EMPLOYEES,
    screenshot: Path | None = None,
    startup_only: bool = False,
    data_dir: Path | None = None,
    runs: int = 1,
    verbose: bool = False,
    checks: Sequence[Check] | None = None,
    out: TextIO | None = None,
) -> int:
    """Run the checks (or the start-up measurement) and print the report; the exit code."""
    out = out or sys.stdout
    err = sys.stderr
    try:
        _log_to_file()
    except Exception:
        pass
    if startup_only:
        return _run_startup(data_dir, runs, out, verbose)

    env = _ScopedEnv()
    started = time.perf_counter()
    results: list[CheckResult] = []
    root = Path(tempfile.mkdtemp(prefix="hrdesk-selftest-"))
    state = SelfTest(root=root, verbose=verbose, employees=employees, screenshot=screenshot)
    try:
        env.set("HRDESK_DB_KEY", secrets.token_hex(32))
        env.set("HRDESK_AUDIT_KEY", secrets.token_hex(32))
        _use_offscreen(env)
        _header(out)
        passed: set[str] = set()
        for item in CHECKS if checks is None else checks:
            result = _run_one(item, state, passed, verbose, err)
            if result.ok:
                passed.add(item.key)
            results.append(result)
            print(result.line(), file=out, flush=True)
    finally:
        state.cleanup()
        env.restore()
        shutil.rmtree(root, ignore_errors=True)
    elapsed = time.perf_counter() - started
    failed = [r for r in results if not r.ok]
    if failed:
        from hrdesk.logging_setup import log_path

        print(
            tr("自检失败：{0} 项中 {1} 项未通过，用时 {2:.1f} 秒。详细信息见日志：{3}").format(
                len(results), len(failed), elapsed, log_path()
            ),
            file=out,
            flush=True,
        )
        return 1
    print(tr("自检通过：全部 {0} 项，用时 {1:.1f} 秒。").format(len(results), elapsed), file=out, flush=True)
    return 0


def _run_one(item: Check, state: SelfTest, passed: set[str], verbose: bool, err: TextIO) -> CheckResult:
    missing = [key for key in item.needs if key not in passed]
    if missing:
        return CheckResult(item, False, 0.0, reason=tr("未运行，前置检查未通过（{0}）").format("、".join(missing)))
    started = time.perf_counter()
    errors_before = len(state.callback_errors)
    try:
        detail = item.run(state)
    except CheckFailed as exc:
        return CheckResult(item, False, _ms(started), reason=str(exc))
    except BaseException as exc:  # a missing module, file or plugin: report it, keep going
        if isinstance(exc, KeyboardInterrupt):
            raise
        log.error("self-test check %s failed", item.key, exc_info=True)
        if verbose:
            traceback.print_exc(file=err)
        return CheckResult(item, False, _ms(started), reason=_describe(exc))
    if len(state.callback_errors) > errors_before:
        return CheckResult(
            item, False, _ms(started), reason=tr("界面回调出错：{0}").format(state.callback_errors[errors_before])
        )
    return CheckResult(item, True, _ms(started), detail=detail)


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _describe(exc: BaseException) -> str:
    from hrdesk.core.kernel.errors import HRDeskError

    if isinstance(exc, HRDeskError):
        return str(exc)
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


# --- checks: files in the bundle ------------------------------------------------------------------


@check("version", tr("版本号"))
def _check_version(state: SelfTest) -> str:
    _require(__version__ and "unknown" not in __version__, tr("无法确定版本号（{0}）").format(__version__))
    if platform_support.is_frozen():
        from hrdesk._build_version import VERSION  # written by build.spec

        _require(VERSION == __version__, tr("版本号不一致：{0} / {1}").format(VERSION, __version__))
    return __version__


@check("resources", tr("随附资源文件（字体、数据文件）"))
def _check_resources(state: SelfTest) -> str:
    from hrdesk.resources import resource_path, resources_root

    font = resource_path("fonts", "wqy-microhei.ttc")
    _require(font.is_file() and font.stat().st_size > 1_000_000, tr("缺少字体文件 {0}").format(font))
    data_files = sorted(resource_path("data").glob("*.json"))
    _require(data_files, tr("{0} 中没有数据文件").format(resource_path("data")))
    for path in data_files:
        try:
            json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CheckFailed(tr("数据文件 {0} 无法读取：{1}").format(path.name, exc)) from None
    count = sum(1 for p in resources_root().rglob("*") if p.is_file())
    return tr("{0} 个文件").format(count)


@check("migrations", tr("数据库迁移脚本"))
def _check_migrations(state: SelfTest) -> str:
    from hrdesk.core.kernel.persistence.company_file import MIGRATIONS_DIR, head_revision

    for name in ("env.py", "script.py.mako"):
        _require((MIGRATIONS_DIR / name).is_file(), tr("缺少 {0}").format(MIGRATIONS_DIR / name))
    versions = sorted((MIGRATIONS_DIR / "versions").glob("*.py"))
    _require(versions, tr("{0} 中没有迁移脚本").format(MIGRATIONS_DIR / "versions"))
    head = head_revision()
    _require(head, tr("找不到最新的迁移版本"))
    return tr("{0} 个版本，最新 {1}").format(len(versions), head)


@check("sqlcipher", tr("SQLCipher 加密驱动"))
def _check_sqlcipher(state: SelfTest) -> str:
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    try:
        conn.execute(f"PRAGMA key = \"x'{secrets.token_hex(32)}'\"")
        row = conn.execute("PRAGMA cipher_version").fetchone()
    finally:
        conn.close()
    _require(row and row[0], tr("SQLCipher 未启用加密"))
    return f"SQLCipher {row[0]}"


@check("keyring", tr("系统凭据存储组件"))
def _check_keyring(state: SelfTest) -> str:
    """The backend of this OS must be in the bundle (and keyring's plugin metadata with it); the
    test does not touch the store itself."""
    import importlib
    from importlib import metadata

    import keyring  # noqa: F401

    module_name, class_name = platform_support.expected_keyring_backend()
    module = importlib.import_module(module_name)
    _require(hasattr(module, class_name), tr("{0} 中缺少 {1}").format(module_name, class_name))
    entry_points = metadata.entry_points(group="keyring.backends")
    _require(len(entry_points) > 0, tr("缺少 keyring 的后端登记信息（元数据未打包）"))
    return f"{module_name.rsplit('.', 1)[-1]}.{class_name}"


# --- checks: the company file ---------------------------------------------------------------------


@check("demo", tr("创建示例公司"))
def _check_demo(state: SelfTest) -> str:
    from hrdesk.core.demo.demo_company import create_demo_company
    from hrdesk.core.kernel.persistence.datadir import DataDir

    state.data_dir = DataDir(state.root / "data")
    state.demo = create_demo_company(state.data_dir, employees=state.employees, seed=1)
    state.demo.db.dispose()  # the next check reopens it as a later start would
    _require(
        state.demo.employee_count == state.employees,
        tr("应有 {0} 名员工，实际 {1} 名").format(state.employees, state.demo.employee_count),
    )
    return tr("{0} 名员工").format(state.demo.employee_count)


@check("reopen", tr("重新打开加密数据库"), needs=("demo",))
def _check_reopen(state: SelfTest) -> None:
    from hrdesk.core.company import details
    from hrdesk.core.company import setup as company
    from hrdesk.core.kernel.context import ServiceContext
    from hrdesk.core.kernel.permissions import Actor

    state.db = company.open_company(state.data_dir)
    state.on_cleanup(state.db.dispose)
    state.company_name = details.get_company(ServiceContext(state.db, Actor.system())).name
    _require(state.company_name, tr("公司名称为空"))


@check("audit", tr("操作日志哈希链"), needs=("reopen",))
def _check_audit(state: SelfTest) -> str:
    from hrdesk.core.audit import audit_log
    from hrdesk.core.kernel.context import ServiceContext
    from hrdesk.core.kernel.permissions import Actor

    report = audit_log.verify_chain(ServiceContext(state.db, Actor.system(tr("自检"))))
    _require(report.checked > 0, tr("操作日志为空"))
    if not report.ok:
        raise CheckFailed(tr("第 {0} 条记录：{1}").format(report.first_break.seq, report.first_break.reason))
    return tr("{0} 条记录完整").format(report.checked)


@check("login", tr("以人事身份登录"), needs=("reopen",))
def _check_login(state: SelfTest) -> None:
    from hrdesk.core.accounts import auth

    hr = next((login for login in state.demo.logins if login.username == "hr"), None)
    _require(hr, tr("示例公司没有人事账号"))
    state.ctx = auth.login(state.db, hr.username, hr.password)


@check("employee_table", tr("加载员工表"), needs=("login",))
def _check_employee_table(state: SelfTest) -> str:
    from hrdesk.core.people import employee_table

    state.table = employee_table.load(state.ctx)
    _require(
        len(state.table.rows) == state.demo.employee_count,
        tr("应有 {0} 行，实际 {1} 行").format(state.demo.employee_count, len(state.table.rows)),
    )
    return tr("{0} 行").format(len(state.table.rows))


@check("separation", tr("完整办理一次离职流程"), needs=("employee_table",))
def _check_separation(state: SelfTest) -> str:
    """The lifecycle flow path: the default definition and checklist data files, the flow engine,
    the checklist gate on archiving, and the completion effects (bundled data, not only code)."""
    from datetime import timedelta

    from hrdesk.core.flows import checklists, engine, notices, separations
    from hrdesk.core.flows.separation_rules import SeparationReason
    from hrdesk.core.flows.workflow import Action, FlowStatus
    from hrdesk.core.kernel.context import ServiceContext
    from hrdesk.core.kernel.errors import StateError
    from hrdesk.core.kernel.permissions import Actor
    from hrdesk.core.people import employees
    from hrdesk.core.people.employee_rules import EmployeeStatus
    from hrdesk.core.separation import settlement

    system = ServiceContext(state.db, Actor.system(tr("自检")))
    status_index = state.table.column_index("status")
    regular = EmployeeStatus.REGULAR.label
    row = next(
        (r for r in state.table.rows if r[status_index] == regular and r[0] != state.ctx.actor.employee_id), None
    )
    _require(row, tr("示例公司没有可离职的正式员工"))
    last_day = system.clock.today() + timedelta(days=31)
    detail = separations.start(state.ctx, row[0], SeparationReason.MUTUAL, last_day, tr("自检：协商解除"))
    _require(detail.checklist, tr("没有生成交接清单"))
    steps = 0
    while detail.summary.status is FlowStatus.RUNNING:
        if detail.summary.step_name == detail.steps[-1].name:  # 人事归档 waits for the checklist
            checklists.confirm_many(system, [i.id for i in detail.checklist], tr("自检"))
        try:
            shown = settlement.statement(system, row[0])
        except StateError:  # before the finance step
            shown = None
        if shown is not None and shown.average_missing and not shown.approved:
            # the demo's payroll does not reach back twelve months: HR's verified average stands in
            settlement.save_params(system, row[0], replace(shown.params, average_wage=shown.average_wage))
        detail = engine.act(system, detail.summary.id, Action.APPROVE, tr("自检：同意"))
        steps += 1
        _require(steps <= len(detail.steps) + 1, tr("流程没有在预期的步数内完成"))
    _require(detail.summary.status is FlowStatus.COMPLETED, tr("流程状态为 {0}").format(detail.summary.status.label))
    _require(employees.get(system, row[0]).status is EmployeeStatus.SEPARATED, tr("员工没有变为已离职"))
    _require(notices.pending_drafts(state.ctx), tr("没有生成离职通知"))
    state.separated_id = row[0]
    return tr("{0} 步审批，{1} 项交接").format(steps, len(detail.checklist))


@check("payroll", tr("核算一个月工资并导出工资表"), needs=("employee_table",))
def _check_payroll(state: SelfTest) -> str:
    """The payroll path: the policy and item data files, the calculation, the stored results and an
    openpyxl workbook written and read back (numbers as numbers, formatted)."""
    import openpyxl

    from hrdesk.core.kernel.context import ServiceContext
    from hrdesk.core.kernel.permissions import Actor
    from hrdesk.core.payroll import exports
    from hrdesk.core.payroll import runs as payroll

    month = state.ctx.clock.today().replace(day=1)
    summary = payroll.calculate_month(state.ctx, month)
    _require(summary.employee_count > 0 and summary.total_net > 0, tr("工资结果为空"))
    path = exports.export(
        ServiceContext(state.db, Actor.system(tr("自检"))), month, "sheet", state.root / "payroll.xlsx"
    )
    sheet = openpyxl.load_workbook(path, read_only=True).active
    money_cells = [
        c
        for row in sheet.iter_rows(min_row=1, max_row=12)
        for c in row
        if isinstance(c.value, (int, float)) and c.number_format == "#,##0.00"
    ]
    _require(money_cells, tr("工资表中没有按金额格式保存的数字"))
    return tr("{0} 人，实发合计 {1:,.2f}，工资表 {2} KB").format(
        summary.employee_count, summary.total_net, path.stat().st_size // 1024
    )


@check("certificate", tr("开具并核验离职证明（PDF）"), needs=("separation",))
def _check_certificate(state: SelfTest) -> str:
    """reportlab with the bundled CJK font embedded, the numbering and the verification."""
    from hrdesk.core.documents import issuing
    from hrdesk.core.kernel.context import ServiceContext
    from hrdesk.core.kernel.permissions import Actor

    started = time.perf_counter()
    doc = issuing.separation_certificate(state.ctx, state.separated_id)
    elapsed = _ms(started)
    _require(doc.pdf.startswith(b"%PDF") and b"FontFile2" in doc.pdf, tr("PDF 中没有嵌入中文字体"))
    check = issuing.verify(ServiceContext(state.db, Actor.system(tr("自检"))), doc.pdf)
    _require(check.status == "valid", check.message)
    import pypdfium2  # the preview renderer: its native library must be in the bundle

    page = pypdfium2.PdfDocument(doc.pdf)[0].render(scale=0.5)
    _require(page.width > 200 and page.height > 300, tr("PDF 预览渲染失败"))
    return tr("{0}，{1} KB，{2:.0f} ms，预览 {3}×{4}").format(
        doc.number, len(doc.pdf) // 1024, elapsed, page.width, page.height
    )


@check("no_plaintext", tr("数据文件无明文"), needs=("employee_table",))
def _check_no_plaintext(state: SelfTest) -> str:
    from hrdesk.core.kernel.persistence.company_file import SQLITE_PLAIN_HEADER

    name_index = state.table.column_index("name")
    names = {row[name_index] for row in state.table.rows[:30] if row[name_index]}
    markers = [text.encode("utf-8") for text in names | {state.company_name}]
    files = [p for p in state.data_dir.root.iterdir() if p.name.startswith(state.data_dir.db_path.name)]
    _require(state.data_dir.db_path in files, tr("找不到数据文件"))
    with open(state.data_dir.db_path, "rb") as fh:
        _require(fh.read(16) != SQLITE_PLAIN_HEADER, tr("数据文件是未加密的 SQLite 文件"))
    for path in files:
        content = path.read_bytes()
        _require(SQLITE_PLAIN_HEADER not in content[:4096], tr("{0} 含有 SQLite 明文文件头").format(path.name))
        for marker in markers:
            _require(marker not in content, tr("{0} 中能读到明文“{1}”").format(path.name, marker.decode("utf-8")))
    return tr("{0} 个文件，{1} 个姓名").format(len(files), len(markers))


@check("instance_lock", tr("同一数据文件夹只允许一个程序打开"), needs=("demo",))
def _check_instance_lock(state: SelfTest) -> None:
    from hrdesk.core.kernel.errors import StorageError
    from hrdesk.core.kernel.persistence.instance_lock import InstanceLock

    first, second = InstanceLock(state.data_dir.lock_path), InstanceLock(state.data_dir.lock_path)
    first.acquire()
    try:
        try:
            second.acquire()
        except StorageError as exc:
            _require("另一个" in str(exc), tr("提示信息不清楚：{0}").format(exc))
        else:
            second.release()
            raise CheckFailed(tr("第二个实例也拿到了锁"))
    finally:
        first.release()
    second.acquire()  # released by the first holder: free again
    second.release()


@check("unwritable_folder", tr("数据文件夹不可写时给出提示"))
def _check_unwritable_folder(state: SelfTest) -> None:
    """A folder that cannot be created (its parent is a file) stands in for a read-only or full
    disk: it works on every OS and also when the test runs as root."""
    from hrdesk.core.kernel.errors import StorageError
    from hrdesk.core.kernel.persistence.datadir import DataDir

    blocker = state.root / "not-a-folder"
    blocker.write_bytes(b"")
    try:
        DataDir(blocker / "data").ensure_writable()
    except StorageError as exc:
        _require("无法写入" in str(exc), tr("提示信息不清楚：{0}").format(exc))
        return
    raise CheckFailed(tr("没有报告数据文件夹不可写"))


# --- checks: the GUI --------------------------------------------------------------------------------


def _redirect_qt_settings(state: SelfTest) -> None:
    """Window geometry and column choices of the test go to the temporary folder, not to the
    user's settings."""
    from PySide6.QtCore import QSettings

    previous = QSettings.defaultFormat()
    settings_dir = str(state.root / "settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    state.on_cleanup(lambda: QSettings.setDefaultFormat(previous))


def _quiet_qt_messages(state: SelfTest) -> None:
    """Qt's own messages (e.g. the offscreen plugin's "does not support propagateSizeHints()") stay
    out of the report; only critical ones reach the log file."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {QtMsgType.QtCriticalMsg: logging.WARNING, QtMsgType.QtFatalMsg: logging.ERROR}
    qt_log = logging.getLogger("hrdesk.selftest.qt")

    def handler(kind, _context, message):
        qt_log.log(levels.get(kind, logging.DEBUG), "%s", message)

    previous = qInstallMessageHandler(handler)
    state.on_cleanup(lambda: qInstallMessageHandler(previous))


def _catch_callback_errors(state: SelfTest) -> None:
    """An exception in a Qt slot (a page that fails to build, a module missing from the bundle)
    does not reach the caller: Qt for Python hands it to sys.excepthook and carries on. Record it,
    so the check that triggered it fails, and log it instead of printing a traceback."""
    previous = sys.excepthook

    def hook(kind, value, tb):
        log.error("error in a Qt callback during the self-test", exc_info=(kind, value, tb))
        state.callback_errors.append(_describe(value))
        if state.verbose:
            traceback.print_exception(kind, value, tb, file=sys.stderr)

    sys.excepthook = hook
    state.on_cleanup(lambda: setattr(sys, "excepthook", previous))


def _watch_modal_dialogs(state: SelfTest) -> None:
    """A message box would wait for a click that never comes: note its text and close it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def close_modal():
        widget = QApplication.activeModalWidget()
        if widget is None:
            return
        text = widget.text() if isinstance(widget, QMessageBox) else widget.windowTitle()
        state.modal_messages.append(tr("弹出了对话框：{0}").format(text or type(widget).__name__))
        widget.reject() if hasattr(widget, "reject") else widget.close()

    timer = QTimer()
    timer.setInterval(100)
    timer.timeout.connect(close_modal)
    timer.start()
    state.on_cleanup(timer.stop)


@check("qt_app", tr("启动 Qt 图形界面"))
def _check_qt_app(state: SelfTest) -> str:
    from PySide6.QtWidgets import QApplication

    from hrdesk.ui.shell.qt_env import ensure_application

    existed = QApplication.instance() is not None
    if not existed:
        _redirect_qt_settings(state)
        _quiet_qt_messages(state)
    state.app = ensure_application(["hrdesk"])
    _watch_modal_dialogs(state)
    _catch_callback_errors(state)
    return state.app.platformName()


@check("qt_plugins", tr("Qt 平台插件"), needs=("qt_app",))
def _check_qt_plugins(state: SelfTest) -> str:
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    wanted = platform_support.native_qt_platform_plugin()
    found = [p.name for p in folder.glob("*") if wanted in p.name]
    _require(found, tr("{0} 中缺少桌面平台插件 {1}").format(folder, wanted))
    return found[0]


@check("cjk_font", tr("中文字体"), needs=("qt_app",))
def _check_cjk_font(state: SelfTest) -> str:
    """The bundled font is registered, the UI font is really used (not a fallback) and draws
    Chinese: different characters give different pictures (missing glyphs are all the same box)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import (
        QColor,
        QFontDatabase,
        QFontInfo,
        QFontMetrics,
        QImage,
        QPainter,
    )

    from hrdesk.ui.shell.qt_env import UI_FONT_FAMILY

    _require(UI_FONT_FAMILY in QFontDatabase.families(), tr("随附字体 {0} 未加载").format(UI_FONT_FAMILY))
    font = state.app.font()
    actual = QFontInfo(font).family()
    _require(actual == font.family(), tr("界面字体 {0} 不可用，实际使用 {1}").format(font.family(), actual))
    metrics = QFontMetrics(font)
    missing = [c for c in CJK_SAMPLE if not metrics.inFontUcs4(ord(c))]
    _require(not missing, tr("字体 {0} 缺少字符：{1}").format(actual, "".join(missing)))
    pictures = set()
    for char in CJK_SAMPLE[:4]:
        image = QImage(48, 48, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setFont(font)
        painter.setPen(QColor("black"))
        painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, char)
        painter.end()
        pictures.add(bytes(image.constBits()))
    _require(len(pictures) == 4, tr("中文字符显示为相同的方框"))
    return actual


@check("qt_translation", tr("Qt 中文翻译"), needs=("qt_app",))
def _check_qt_translation(state: SelfTest) -> str:
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok).text().replace("&", "")
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "")
    buttons.deleteLater()
    _require(ok == "确定", tr("“OK”按钮显示为“{0}”（qtbase_zh_CN.qm 未加载）").format(ok))
    return f"{ok} / {cancel}"


@check("print_support", tr("打印组件"), needs=("qt_app",))
def _check_print_support(state: SelfTest) -> None:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _require(printer.resolution() > 0, tr("无法创建打印机对象"))


@check("login_window", tr("登录窗口"), needs=("reopen", "qt_app"))
def _check_login_window(state: SelfTest) -> None:
    from hrdesk.ui.accounts.login_dialog import LoginDialog

    dialog = LoginDialog(state.db, state.company_name)
    state.on_cleanup(dialog.deleteLater)
    dialog.show()
    try:
        _require(
            state.wait_until(lambda: dialog.windowHandle() is not None and dialog.windowHandle().isExposed(), 10),
            tr("登录窗口没有显示：{0}").format(state.modal_reason()),
        )
        _require(not dialog.grab().isNull(), tr("登录窗口无法绘制"))
    finally:
        dialog.close()


@check("main_window", tr("主窗口与员工档案页"), needs=("login", "qt_app"))
def _check_main_window(state: SelfTest) -> str:
    from hrdesk.ui.shell.app import make_session
    from hrdesk.ui.shell.main_window import MainWindow

    session = make_session(state.ctx, state.company_name)
    window = MainWindow(session)
    state.on_cleanup(lambda: _close_window(window))
    window.show()
    _require("employees" in window.page_keys(), tr("人事账号看不到员工档案页"))
    page = window.page("employees")
    window.show_page("employees")
    expected = state.demo.employee_count
    loaded = state.wait_until(lambda: page.model.total_count() == expected)
    _require(loaded, tr("员工档案页未加载完成：{0}").format(state.modal_reason()))
    state.window = window
    return tr("{0} 名员工，加载 {1:.0f} ms").format(page.model.total_count(), page.last_load_seconds * 1000)


@check("render", tr("界面渲染"), needs=("main_window",))
def _check_render(state: SelfTest) -> str:
    window = state.window
    state.wait_until(lambda: window.windowHandle() is not None and window.windowHandle().isExposed(), 5)
    pixmap = window.grab()
    _require(not pixmap.isNull() and pixmap.width() > 100, tr("主窗口无法绘制"))
    image = pixmap.toImage()
    step_x, step_y = max(1, image.width() // 64), max(1, image.height() // 64)
    colours = {image.pixel(x, y) for x in range(0, image.width(), step_x) for y in range(0, image.height(), step_y)}
    _require(len(colours) > 3, tr("主窗口是空白的"))
    if state.screenshot:
        state.screenshot.parent.mkdir(parents=True, exist_ok=True)
        _require(pixmap.save(str(state.screenshot)), tr("截图无法保存到 {0}").format(state.screenshot))
        return f"{pixmap.width()}×{pixmap.height()}，{state.screenshot}"
    return f"{pixmap.width()}×{pixmap.height()}"


def _close_window(window) -> None:
    window.close()  # saves geometry (to the temporary settings) and waits for background work
    window.deleteLater()


# --- start-up time ------------------------------------------------------------------------------


STARTUP_TIMEOUT_SECONDS = 180


def _since_launch() -> tuple[float, str] | None:
    return platform_support.seconds_since_launch()


def _run_startup(data_dir: Path | None, runs: int, out: TextIO, verbose: bool) -> int:
    """Launch → sign-in window painted, along the GUI's own start-up path (hrdesk.ui.shell.app.Startup):
    data folder, instance lock, key, opening and checking the encrypted file, the sign-in dialog.

    With ``--data-dir`` this process is the one measured (from HRDESK_LAUNCH_TIME, or on Linux
    from the process start). Without it, a small company is created in a temporary folder and the
    program is started again on it ``runs`` times, as a new process each time (in the one-file
    build including the unpacking), with HRDESK_LAUNCH_TIME set just before the start.
    """
    if data_dir is not None:
        return _measure_this_process(data_dir, out, verbose)
    return _measure_fresh_processes(max(1, runs), out, verbose)


def _measure_this_process(data_dir: Path, out: TextIO, verbose: bool) -> int:
    from hrdesk.core.kernel.persistence.datadir import DataDir

    at_code = _since_launch()
    started = time.perf_counter()
    env = _ScopedEnv()
    root = Path(tempfile.mkdtemp(prefix="hrdesk-startup-"))
    state = SelfTest(root=root, verbose=verbose)
    title = tr("启动到登录窗口")
    try:
        _use_offscreen(env)
        target = DataDir(data_dir)
        result = _run_one(
            Check("startup", title, lambda s: _open_login_window(s, target)), state, set(), verbose, sys.stderr
        )
    finally:
        state.cleanup()
        env.restore()
        shutil.rmtree(root, ignore_errors=True)
    if not result.ok:
        print(result.line(), file=out, flush=True)
        return 1
    if state.login_since_launch is not None:
        total, source = state.login_since_launch
        code_ms = at_code[0] * 1000 if at_code else 0.0
    else:  # launch time unknown (see platform_support.seconds_since_launch): from here on
        total, source = state.login_shown_at - started, tr("自检开始")
        code_ms = 0.0
    result.ms = total * 1000
    print(result.line(), file=out, flush=True)
    print(
        tr("启动计时（{0}，起点：{1}）：启动后 {2:.0f} ms 进入 HRDesk 代码，{3:.0f} ms 登录窗口显示").format(
            platform_support.build_kind(), source, code_ms, result.ms
        ),
        file=out,
        flush=True,
    )
    return 0


_OK_MS = re.compile(r"^OK .*\((\d+) ms\)\s*$")


def _measure_fresh_processes(runs: int, out: TextIO, verbose: bool) -> int:
    import statistics
    import subprocess

    from hrdesk.core.kernel.persistence.datadir import DataDir

    title = tr("启动到登录窗口")
    root = Path(tempfile.mkdtemp(prefix="hrdesk-startup-"))
    key = secrets.token_hex(32)
    env = _ScopedEnv()
    timings: list[float] = []
    try:
        env.set("HRDESK_DB_KEY", key)
        env.set("HRDESK_AUDIT_KEY", secrets.token_hex(32))
        target = DataDir(root / "data")
        try:
            _create_small_company(target)
        except Exception as exc:
            log.error("self-test start-up: creating the company failed", exc_info=True)
            print(f"FAIL {title}: {_describe(exc)}", file=out, flush=True)
            return 1
        # The child gets the key of this throwaway company; nothing else ever sees it.
        child_env = platform_support.fresh_instance_env(os.environ)
        child_env.setdefault("QT_QPA_PLATFORM", "offscreen")
        command = platform_support.self_command(
            ["--data-dir", str(target.root), "selftest", "--startup-only"] + (["--verbose"] if verbose else [])
        )
        for _ in range(runs):
            child_env[platform_support.LAUNCH_TIME_ENV] = repr(time.time())
            try:
                proc = subprocess.run(
                    command,
                    env=child_env,
                    check=False,
                    capture_output=True,
                    text=True,
                    errors="replace",
                    timeout=STARTUP_TIMEOUT_SECONDS,
                )
            except (OSError, subprocess.SubprocessError) as exc:
                print(f"FAIL {title}: {_describe(exc)}", file=out, flush=True)
                return 1
            lines = [line for line in proc.stdout.splitlines() if line.strip()]
            for line in lines:
                print(line, file=out, flush=True)
            if verbose and proc.stderr.strip():
                print(proc.stderr.rstrip(), file=sys.stderr, flush=True)
            match = next((m for m in map(_OK_MS.match, lines) if m), None)
            if proc.returncode != 0 or match is None:
                if not lines:
                    print(tr("FAIL {0}: 程序退出码 {1}").format(title, proc.returncode), file=out, flush=True)
                return 1
            timings.append(float(match.group(1)))
    finally:
        env.restore()
        shutil.rmtree(root, ignore_errors=True)
    print(
        tr("启动到登录窗口（{0}，{1} 次）：{2} ms；最快 {3:.0f} ms，中位数 {4:.0f} ms").format(
            platform_support.build_kind(),
            len(timings),
            " / ".join(f"{t:.0f}" for t in timings),
            min(timings),
            statistics.median(timings),
        ),
        file=out,
        flush=True,
    )
    return 0


def _create_small_company(data_dir) -> None:
    from hrdesk.core.company import setup as company

    setup = company.setup_company(
        data_dir,
        company_name="自检科技有限公司",
        admin_username="admin",
        admin_display_name="系统管理员",
        admin_password=secrets.token_urlsafe(16),
    )
    setup.db.dispose()


def _open_login_window(state: SelfTest, data_dir) -> None:
    from hrdesk.ui.accounts.login_dialog import LoginDialog
    from hrdesk.ui.shell.app import Startup
    from hrdesk.ui.shell.qt_env import ensure_application

    _require(data_dir.is_initialized(), tr("数据文件夹 {0} 中还没有公司数据").format(data_dir.root))
    _redirect_qt_settings(state)
    _quiet_qt_messages(state)
    state.app = ensure_application(["hrdesk"])
    _watch_modal_dialogs(state)
    _catch_callback_errors(state)
    startup = Startup(data_dir)
    opened = startup.open_company()
    _require(opened is not None, tr("无法打开公司数据：{0}").format(state.modal_reason()))
    state.on_cleanup(startup.lock.release)
    state.on_cleanup(opened.db.dispose)
    dialog = LoginDialog(opened.db, opened.name)
    state.on_cleanup(dialog.deleteLater)
    state.on_cleanup(dialog.close)
    dialog.show()
    shown = state.wait_until(lambda: dialog.windowHandle() is not None and dialog.windowHandle().isExposed(), 10)
    _require(shown, tr("登录窗口没有显示：{0}").format(state.modal_reason()))
    _require(not dialog.grab().isNull(), tr("登录窗口无法绘制"))
    state.login_shown_at = time.perf_counter()
    state.login_since_launch = _since_launch()

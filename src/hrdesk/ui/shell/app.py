"""Starting the GUI: data folder → lock → setup or unlock → sign-in → main window.

Every failure on the way is a message box with what to do, and a non-zero exit; the company file
is never created over an existing one and never modified before the key is proven right.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

import hrdesk.core.areas  # noqa: F401  (the GUI uses every area)
from hrdesk.core.accounts import users
from hrdesk.core.company import details
from hrdesk.core.company import setup as company
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import HRDeskError, KeyUnavailable, MigrationFailed
from hrdesk.core.kernel.permissions import Actor
from hrdesk.core.kernel.persistence.database import CompanyDatabase
from hrdesk.core.kernel.persistence.datadir import DataDir
from hrdesk.core.kernel.persistence.instance_lock import InstanceLock
from hrdesk.logging_setup import configure_logging
from hrdesk.ui.common.bridge import ChangeSignals
from hrdesk.ui.common.runner import Runner
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.shell.qt_env import ensure_application

log = logging.getLogger("hrdesk.ui")


@dataclass
class OpenedCompany:
    db: CompanyDatabase
    name: str


def _critical(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.critical(parent, title, message)


class Startup:
    """The steps before the main window, each one a dialog or a message; testable one by one."""

    def __init__(self, data_dir: DataDir, parent: QWidget | None = None):
        self.data_dir = data_dir
        self.parent = parent
        self.lock = InstanceLock(data_dir.lock_path)

    def open_company(self) -> OpenedCompany | None:
        """The open company file, or None if the user cancelled or it cannot be opened."""
        title = QDialog.tr("无法打开公司数据")
        try:
            self.data_dir.ensure_writable()
            self.lock.acquire()
        except HRDeskError as exc:
            _critical(self.parent, title, str(exc))
            return None
        try:
            db = self._setup_or_open()
        except MigrationFailed as exc:
            db = self._offer_restore(exc) if exc.repeated >= 2 else None
            if db is None and exc.repeated < 2:
                _critical(self.parent, title, str(exc))
        except HRDeskError as exc:
            _critical(self.parent, title, str(exc))
            db = None
        if db is None:
            self.lock.release()
            return None
        name = details.get_company(ServiceContext(db, Actor.system())).name
        return OpenedCompany(db, name)

    def _offer_restore(self, exc: MigrationFailed) -> CompanyDatabase | None:
        """The same start failed again: offer the newest intact backup, and open what it restores."""
        from hrdesk.core.company import backups
        from hrdesk.core.kernel.clock import local_text
        from hrdesk.core.kernel.persistence import backup_store

        title = QDialog.tr("无法打开公司数据")
        newest = next(
            (b for b in backup_store.list_backups(self.data_dir.backups_dir) if backup_store.is_intact(b)), None
        )
        if newest is None:
            _critical(self.parent, title, str(exc) + QDialog.tr("没有找到完好的备份。"))
            return None
        answer = QMessageBox.question(
            self.parent,
            title,
            str(exc)
            + "\n\n"
            + QDialog.tr("要从最新的完好备份（{0}，{1}）恢复吗？当前数据会另存为备份。").format(
                local_text(newest.created), newest.kind_label
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        try:
            backups.restore_backup(self.data_dir, newest.path, lock_held=True)
            return company.open_company(self.data_dir)
        except HRDeskError as again:
            _critical(self.parent, title, str(again))
            return None

    def _setup_or_open(self) -> CompanyDatabase | None:
        if not self.data_dir.is_initialized():
            from hrdesk.ui.company.recovery_key_dialog import RecoveryKeyDialog
            from hrdesk.ui.company.setup_dialog import SetupDialog

            setup = SetupDialog(self.data_dir, self.parent)
            if setup.exec() != QDialog.DialogCode.Accepted:
                return None
            result = setup.result_setup
            RecoveryKeyDialog(
                result.recovery_key, result.audit_recovery_key, setup.form.company_name.text(), self.parent
            ).exec()
            return result.db
        try:
            return company.open_company(self.data_dir)
        except KeyUnavailable as exc:
            from hrdesk.ui.company.unlock_dialog import UnlockDialog

            unlock = UnlockDialog(self.data_dir, str(exc), self.parent)
            if unlock.exec() != QDialog.DialogCode.Accepted:
                return None
            if not unlock.key_stored:
                QMessageBox.information(
                    self.parent,
                    QDialog.tr("密钥未保存"),
                    QDialog.tr(
                        "本机没有可用的系统凭据存储，密钥未能保存。下次启动仍需输入恢复密钥，"
                        "或把恢复密钥设为环境变量 HRDESK_DB_KEY。"
                    ),
                )
            return unlock.db

    def sign_in(self, opened: OpenedCompany) -> ServiceContext | None:
        from hrdesk.ui.accounts.login_dialog import LoginDialog

        login = LoginDialog(opened.db, opened.name, self.parent)
        if login.exec() != QDialog.DialogCode.Accepted:
            return None
        ctx = login.context
        if users.must_change_password(ctx):
            from hrdesk.ui.accounts.change_password_dialog import ChangePasswordDialog

            if ChangePasswordDialog(ctx, forced=True, parent=self.parent).exec() != QDialog.DialogCode.Accepted:
                return None
        return ctx


def make_session(ctx: ServiceContext, company_name: str) -> AppSession:
    return AppSession(ctx, ChangeSignals(ctx.db.bus), Runner(), company_name)


def start_daily_backup(session: AppSession, window) -> None:
    """The first start of each day backs the company up, in the background once the window shows;
    the status bar says how it went (a failure is a warning, never a reason not to work)."""
    from hrdesk.core.company import backups

    db = session.ctx.db

    def done(result) -> None:
        if result is not None:
            text = QDialog.tr("已自动备份公司数据（{0}）").format(result.backup.path.name)
            if result.copy_problem:
                text += "；" + result.copy_problem
            window.statusBar().showMessage(text, 15000)

    def failed(exc: BaseException) -> None:
        log.warning("daily backup failed: %s", exc)
        window.statusBar().showMessage(QDialog.tr("今日自动备份失败：{0}").format(exc), 30000)

    session.runner.submit(lambda: backups.daily_backup_if_due(db), done, failed, owner=window)


def run_gui(data_dir: DataDir) -> int:
    configure_logging()
    app = ensure_application(sys.argv)
    startup = Startup(data_dir)
    opened = startup.open_company()
    if opened is None:
        return 1
    try:
        ctx = startup.sign_in(opened)
        if ctx is None:
            return 1
        from hrdesk.ui.shell.main_window import MainWindow

        session = make_session(ctx, opened.name)
        window = MainWindow(session)
        window.show()
        start_daily_backup(session, window)
        return app.exec()
    finally:
        opened.db.dispose()
        startup.lock.release()

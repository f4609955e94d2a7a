"""备份与恢复: the administrator's page over the company's backups.

It lists the backups (newest first, in local time, with what each holds), takes one now, checks
the chosen one, names the second folder that receives a copy of each, and restores. A restore
replaces the company under everyone's feet, so it asks twice, closes this window's connections,
proves the backup (the service does), and then closes the program: the next start signs in to the
restored company. Everything here calls ``core.company.backups``; the page only shows and asks.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.company import backups
from hrdesk.core.company.backups import size_text
from hrdesk.core.kernel.clock import local_text, zone_label
from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.ui.common import messages
from hrdesk.ui.common.form_parts import error_label, hint_label, named_button, rows_table
from hrdesk.ui.common.rows_model import Row
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import ERROR_STYLE, NOTICE_STYLE


def _tr(text: str) -> str:
    return QCoreApplication.translate("BackupPage", text)


def backup_row(view: backups.BackupView) -> Row:
    chain = str(view.chain_length) if view.chain_length is not None else _tr("无清单")
    return Row(
        (local_text(view.created), view.kind_label, size_text(view.size), chain, view.program_version, view.path.name),
        key=str(view.path),
        right=(2, 3),
        tooltips={5: str(view.path)},
    )


class BackupPage(QWidget):
    loaded = Signal()

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.setObjectName("backup_page")
        self.session = session
        self.rows: list[backups.BackupView] = []
        self._select_next: Path | None = None  # the backup just taken, chosen once it is listed
        self.view, self.model = rows_table(
            "backups_table",
            [
                _tr("备份时间（{0}）").format(zone_label()),
                _tr("类型"),
                _tr("大小"),
                _tr("操作日志条数"),
                _tr("程序版本"),
                _tr("文件"),
            ],
            [190, 130, 90, 110, 90, 360],
            stretch=5,
        )
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.update_buttons())
        self.backup_button = named_button(_tr("立即备份"), "backup_now", self.backup_now)
        self.verify_button = named_button(_tr("校验所选备份"), "verify_backup", self.verify_current)
        self.restore_button = named_button(_tr("从所选备份恢复…"), "restore_backup", self.restore_current)
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)

        self.second_folder = QLineEdit()
        self.second_folder.setObjectName("second_folder")
        self.second_folder.setPlaceholderText(_tr("如 E:\\HRDesk备份（U盘）或 \\\\服务器\\共享\\HRDesk；留空不使用"))
        self.err_folder = error_label()
        self.choose_button = named_button(_tr("选择…"), "choose_second_folder", self.choose_folder)
        self.save_folder_button = named_button(_tr("保存"), "save_second_folder", self.save_second_folder)

        toolbar = QHBoxLayout()
        for button in (self.backup_button, self.verify_button, self.restore_button):
            toolbar.addWidget(button)
        toolbar.addSpacing(16)
        toolbar.addWidget(self.count_label)
        toolbar.addStretch(1)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(_tr("第二备份位置")))
        folder_row.addWidget(self.second_folder, 1)
        folder_row.addWidget(self.choose_button)
        folder_row.addWidget(self.save_folder_button)

        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                _tr(
                    "备份是公司数据的加密副本（使用公司密钥），每天第一次启动时自动备份。保留最近 7 天每天一份、"
                    "最近 4 周每周一份、最近 12 个月每月一份，以及最新一份完好的备份。"
                    "恢复前会先校验备份，当前数据另存为备份；恢复后程序关闭，请重新启动登录。"
                )
            )
        )
        layout.addLayout(toolbar)
        layout.addWidget(self.view, 1)
        layout.addLayout(folder_row)
        layout.addWidget(self.err_folder)
        layout.addWidget(self.status)
        self.reload()

    # --- loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        ctx = self.session.ctx

        def load():
            return backups.list_backups(ctx), backups.second_folder(ctx.db)

        self.session.runner.submit(load, lambda result: self._show(*result), self._failed, owner=self)

    def _show(self, rows: list[backups.BackupView], folder: Path | None) -> None:
        keep = self._select_next or self.current_path()
        self._select_next = None
        self.rows = rows
        self.model.set_rows([backup_row(r) for r in rows])
        row = self.model.row_of(str(keep)) if keep else (0 if rows else -1)
        if row >= 0:
            self.view.selectRow(row)
        if not self.second_folder.isModified():
            self.second_folder.setText(str(folder) if folder else "")
        total = sum(r.size for r in rows)
        self.count_label.setText(_tr("共 {0} 个备份，{1}").format(len(rows), size_text(total)) if rows else "")
        if not rows:
            self.count_label.setText(_tr("还没有备份"))
        self.update_buttons()
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self._say(ERROR_STYLE, messages.user_message(exc))

    def current_path(self) -> Path | None:
        index = self.view.currentIndex()
        return Path(self.model.key(index.row())) if index.isValid() else None

    def update_buttons(self) -> None:
        chosen = self.current_path() is not None
        self.verify_button.setEnabled(chosen)
        self.restore_button.setEnabled(chosen)

    def _say(self, style: str, text: str) -> None:
        self.status.setStyleSheet(style)
        self.status.setText(text)

    # --- actions ----------------------------------------------------------------------------------

    def backup_now(self) -> None:
        ctx = self.session.ctx
        self.backup_button.setEnabled(False)
        self._say(NOTICE_STYLE, _tr("正在备份…"))

        def done(result: backups.BackupResult) -> None:
            self.backup_button.setEnabled(True)
            text = _tr("已备份：{0}（{1}）。").format(result.backup.path.name, size_text(result.backup.size))
            if result.copied_to:
                text += _tr("已复制到 {0}。").format(result.copied_to.parent)
            if result.copy_problem:
                self._say(ERROR_STYLE, text + result.copy_problem)
            else:
                self._say(NOTICE_STYLE, text)
            self._select_next = result.backup.path
            self.reload()

        def failed(exc: BaseException) -> None:
            self.backup_button.setEnabled(True)
            self._say(ERROR_STYLE, _tr("备份失败：{0}").format(messages.user_message(exc)))

        self.session.runner.submit(lambda: backups.create_backup(ctx), done, failed, owner=self)

    def verify_current(self) -> None:
        path = self.current_path()
        key = self.session.ctx.db.key_hex
        if path is None or key is None:
            return
        self._say(NOTICE_STYLE, _tr("正在校验 {0}…").format(path.name))

        def done(result: backups.Verification) -> None:
            if result.ok:
                assert result.check is not None
                self._say(
                    NOTICE_STYLE,
                    _tr("备份完好：{0}（{1} 个表，操作日志 {2} 条，每一页的加密签名均正确）。").format(
                        path.name, len(result.check.row_counts), result.check.chain_length
                    ),
                )
            else:
                self._say(ERROR_STYLE, _tr("备份有问题：{0}").format("；".join(result.problems)))

        self.session.runner.submit(
            lambda: backups.verify_backup(path, key),
            done,
            lambda exc: self._say(ERROR_STYLE, messages.user_message(exc)),
            owner=self,
        )

    def restore_current(self, *, confirm: bool = True, quit_after: bool = True) -> backups.RestoreResult | None:
        path = self.current_path()
        db = self.session.ctx.db
        if path is None or db.data_dir is None:
            return None
        view = next((r for r in self.rows if r.path == path), None)
        when = local_text(view.created) if view else path.name
        if confirm:
            answer = QMessageBox.warning(
                self,
                _tr("从备份恢复"),
                _tr(
                    "用 {0} 的备份替换当前的公司数据吗？\n\n"
                    "此后所做的修改将不在恢复后的数据中（当前数据会另存为备份）。恢复后程序将关闭，其他已登录的窗口也需要重新登录。"
                ).format(when),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        self._say(NOTICE_STYLE, _tr("正在校验并恢复…"))
        QApplication.processEvents()
        self.session.runner.wait_idle()
        db.dispose()  # no connection of this window may hold the file being replaced
        try:
            result = backups.restore_backup(db.data_dir, path, lock_held=True)
        except (HRDeskError, ValidationError) as exc:
            self._say(ERROR_STYLE, _tr("没有恢复：{0}").format(messages.user_message(exc)))
            return None
        text = _tr("已从 {0} 的备份恢复公司数据。恢复前的数据已另存为 {1}。").format(
            when, result.replaced_backup.name if result.replaced_backup else _tr("（无）")
        )
        self._say(NOTICE_STYLE, text)
        if quit_after:
            QMessageBox.information(self, _tr("恢复完成"), text + _tr("\n\n程序将关闭，请重新启动并登录。"))
            QApplication.quit()
        return result

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _tr("选择第二备份位置"), self.second_folder.text())
        if folder:
            self.second_folder.setText(folder)
            self.second_folder.setModified(True)

    def save_second_folder(self) -> bool:
        self.err_folder.setVisible(False)
        try:
            saved = backups.set_second_folder(self.session.ctx, self.second_folder.text())
        except ValidationError as exc:
            self.err_folder.setText("；".join(exc.errors.values()))
            self.err_folder.setVisible(True)
            return False
        except HRDeskError as exc:
            messages.show_error(self, exc)
            return False
        self.second_folder.setModified(False)
        self._say(
            NOTICE_STYLE,
            _tr("第二备份位置已保存：之后的每个备份都会复制到 {0}。").format(saved)
            if saved
            else _tr("已取消第二备份位置。"),
        )
        return True

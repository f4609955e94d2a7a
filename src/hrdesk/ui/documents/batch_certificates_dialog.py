"""批量开具离职证明: one 离职证明 (a PDF each) for everyone whose separation was completed with a last
working day in a period, written to a folder.

Dates and a folder; the batch runs in the background with a progress bar and can be cancelled
(what is written stays written). Progress reaches the GUI thread through a signal.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
)

from hrdesk.core.documents import issuing
from hrdesk.core.documents.issuing import BatchResult
from hrdesk.core.kernel.errors import ValidationError
from hrdesk.ui.common import messages
from hrdesk.ui.common.form_parts import error_label, hint_label, named_button
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from hrdesk.ui.separation.calculator import date_edit

CANCELLED_STYLE = "color: #b06000;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentsPage", text)  # the context it had on the page


class BatchCertificatesDialog(QDialog):
    """The period, the folder, a progress bar; 取消开具 (or closing) stops after the current certificate."""

    progress = Signal(int, int)  # done, total (emitted from the worker thread)
    finished_batch = Signal(object)  # BatchResult

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.setObjectName("batch_dialog")
        self.setWindowTitle(_tr("批量开具离职证明"))
        self.session = session
        self.running = False
        self.result: BatchResult | None = None
        self._cancel = threading.Event()
        today = session.ctx.clock.today()
        first = date(today.year, today.month, 1)
        previous = date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1)
        self.date_from = date_edit("date_from", previous)
        self.date_to = date_edit("date_to", today)
        self.folder = QLineEdit()
        self.folder.setObjectName("folder")
        self.folder.setPlaceholderText(_tr("选择保存证明文件的文件夹"))
        self.folder.setText(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        self.browse = named_button(_tr("选择…"), "browse", self.choose_folder)
        self.count = QLabel()
        self.count.setObjectName("count")
        self.count.setStyleSheet(HINT_STYLE)
        self.errors = {key: error_label() for key in ("date_to", "folder")}
        for key, label in self.errors.items():
            label.setObjectName(f"{key}_error")

        grid = QGridLayout()
        grid.setVerticalSpacing(2)
        grid.addWidget(QLabel(_tr("最后工作日")), 0, 0)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(_tr("至")))
        dates.addWidget(self.date_to)
        dates.addWidget(self.count, 1)
        grid.addLayout(dates, 0, 1, 1, 2)
        grid.addWidget(self.errors["date_to"], 1, 1, 1, 2)
        grid.addWidget(QLabel(_tr("保存到")), 2, 0)
        grid.addWidget(self.folder, 2, 1)
        grid.addWidget(self.browse, 2, 2)
        grid.addWidget(self.errors["folder"], 3, 1, 1, 2)
        grid.setColumnStretch(1, 1)

        self.bar = QProgressBar()
        self.bar.setObjectName("progress")
        self.bar.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        hint = hint_label(
            _tr(
                "为该期间内已办结离职的每位员工开具一份离职证明（每人一个 PDF 文件）。"
                "同一天对同一人重复开具时沿用原编号，不会重复编号。"
            )
        )

        self.start_button = named_button(_tr("开始开具"), "start", self.start)
        self.start_button.setDefault(True)
        self.cancel_button = named_button(_tr("取消开具"), "cancel", self.cancel)
        self.cancel_button.setVisible(False)
        self.open_folder_button = named_button(_tr("打开文件夹"), "open_folder", self.open_folder)
        self.open_folder_button.setVisible(False)
        self.close_button = named_button(_tr("关闭"), "close", self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(hint)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.resize(600, 280)

        self.progress.connect(self._on_progress)
        self.date_from.dateChanged.connect(lambda *_: self.count_people())
        self.date_to.dateChanged.connect(lambda *_: self.count_people())
        self.count_people()

    def period(self) -> tuple[date, date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()

    def set_period(self, date_from: date, date_to: date) -> None:
        self.date_from.setDate(QDate(date_from.year, date_from.month, date_from.day))
        self.date_to.setDate(QDate(date_to.year, date_to.month, date_to.day))

    def count_people(self) -> None:
        date_from, date_to = self.period()
        if date_to < date_from:
            self.count.setText("")
            return
        ctx = self.session.ctx

        def done(ids):
            if self.period() == (date_from, date_to):
                self.count.setText(_tr("该期间已离职 {0} 人").format(len(ids)))

        self.session.runner.submit(
            lambda: issuing.separated_between(ctx, date_from, date_to),
            done,
            lambda exc: self.count.setText(""),
            owner=self,
        )

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _tr("选择保存离职证明的文件夹"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def start(self) -> bool:
        if self.running:
            return False
        date_from, date_to = self.period()
        folder = self.folder.text().strip()
        errors = {}
        if date_to < date_from:
            errors["date_to"] = _tr("结束日期不能早于开始日期")
        if not folder:
            errors["folder"] = _tr("请选择保存的文件夹")
        elif not Path(folder).is_dir():
            errors["folder"] = _tr("文件夹不存在")
        messages.show_field_errors(self.errors, errors)
        if errors:
            return False
        self.running = True
        self.result = None
        self._cancel.clear()
        self._set_running(True)
        self.bar.setRange(0, 0)  # until the first certificate says how many there are
        self.status.setStyleSheet(HINT_STYLE)
        self.status.setText(_tr("正在开具…"))
        ctx, cancelled, emit = self.session.ctx, self._cancel.is_set, self.progress.emit

        def work():
            return issuing.batch_separation_certificates(
                ctx, date_from, date_to, folder, progress=emit, cancelled=cancelled
            )

        self.session.runner.submit(work, self._done, self._failed, owner=self)
        return True

    def cancel(self) -> None:
        """Stop after the certificate being written (the worker reads the flag between certificates)."""
        if self.running:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.status.setText(_tr("正在取消…（当前这一份写完后停止）"))

    def _on_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        if not self._cancel.is_set():
            self.status.setText(_tr("已开具 {0} / {1} 份…").format(done, total))

    def _done(self, result: BatchResult) -> None:
        self.running = False
        self.result = result
        self._set_running(False)
        written = len(result.written)
        self.bar.setRange(0, max(1, result.total))
        self.bar.setValue(written)
        if result.cancelled:
            self.status.setStyleSheet(CANCELLED_STYLE)
            self.status.setText(
                _tr("已取消：开具了 {0} / {1} 份，已保存的文件保留在文件夹中。").format(written, result.total)
            )
        elif result.total == 0:
            self.status.setStyleSheet(HINT_STYLE)
            self.status.setText(_tr("该期间没有已办结离职的员工，未开具任何证明。"))
        else:
            self.status.setStyleSheet(NOTICE_STYLE)
            self.status.setText(_tr("已开具 {0} 份离职证明，保存在 {1}").format(written, self.folder.text()))
        self.open_folder_button.setVisible(written > 0)
        self.finished_batch.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self._set_running(False)
        self.bar.setVisible(False)
        if isinstance(exc, ValidationError):
            leftovers = messages.show_field_errors(self.errors, exc.errors)
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText("；".join(leftovers))
            return
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(_tr("开具中断：{0}（已写好的文件保留）").format(messages.user_message(exc)))

    def _set_running(self, running: bool) -> None:
        self.bar.setVisible(True if running else self.bar.isVisible())
        self.start_button.setVisible(not running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)
        for widget in (self.date_from, self.date_to, self.folder, self.browse):
            widget.setEnabled(not running)

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text()))

    def reject(self) -> None:
        if self.running:  # closing cancels; the dialog closes when the worker has stopped
            self.cancel()
            return
        super().reject()

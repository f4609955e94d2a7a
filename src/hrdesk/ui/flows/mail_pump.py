"""The outbox sender: every minute (and once right after sign-in) hands due e-mails to the SMTP
server in the background, through the same runner as every other long operation.

It shows nothing while all is well. When the server refuses or cannot be reached it reports one
short line for the status bar ("邮件暂时发送失败，将自动重试"); the messages stay in the outbox and
the core retries them with backoff, so nothing is lost when the app is closed meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from hrdesk.core.flows import mail
from hrdesk.core.kernel.clock import Clock, SystemClock
from hrdesk.core.kernel.persistence.database import CompanyDatabase
from hrdesk.ui.common.runner import Runner

log = logging.getLogger(__name__)
INTERVAL_MS = 60_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("MailPump", text)


def deliver_if_configured(db: CompanyDatabase, clock: Clock) -> mail.DeliveryReport | None:
    """One round of the outbox (None when no mail server is set up). Runs in a worker thread."""
    with db.session() as session:
        if not mail.enabled(session):
            return None
    return mail.deliver_due(db, clock.now())


def status_for(report: mail.DeliveryReport | None) -> str:
    """The status-bar line for a round: empty unless something is worth telling."""
    if report is None or not report.failed:
        return ""
    if report.last_error:  # the server could not be reached or refused the connection
        return _tr("邮件暂时发送失败，将自动重试（待发 {0} 封）").format(report.pending)
    return _tr("有 {0} 封邮件被邮件服务器拒收（收件地址可能有误），请管理员检查").format(report.failed)


class MailPump(QObject):
    status_changed = Signal(str)  # a line for the status bar; "" when there is nothing to say
    delivered = Signal(object)  # the DeliveryReport of each round that ran (None: no mail server)

    def __init__(
        self,
        db: CompanyDatabase,
        runner: Runner,
        clock: Clock | None = None,
        parent: QObject | None = None,
        interval_ms: int = INTERVAL_MS,
        deliver: Callable[[CompanyDatabase, Clock], mail.DeliveryReport | None] = deliver_if_configured,
    ):
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.clock = clock or SystemClock()
        self._deliver = deliver
        self._busy = False
        self._stopped = False
        self.status = ""
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.run_now)

    def start(self) -> None:
        self._stopped = False
        self.timer.start()
        QTimer.singleShot(0, self.run_now)

    def stop(self) -> None:
        """No new rounds; a round already running finishes (the window waits for the runner)."""
        self._stopped = True
        self.timer.stop()

    def run_now(self) -> bool:
        """Start a round unless one is running (or the pump is stopped); True if one started."""
        if self._busy or self._stopped:
            return False
        self._busy = True
        db, clock, deliver = self.db, self.clock, self._deliver
        self.runner.submit(lambda: deliver(db, clock), self._done, self._failed, owner=self)
        return True

    def _done(self, report) -> None:
        self._busy = False
        if report is not None and report.last_error:
            log.warning(
                "mail delivery: %s sent, %s failed, %s pending: %s",
                report.sent,
                report.failed,
                report.pending,
                report.last_error,
            )
        self._set_status(status_for(report))
        self.delivered.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        log.error("mail delivery round failed", exc_info=exc)
        self._set_status(_tr("邮件发送出错，将自动重试"))

    def _set_status(self, text: str) -> None:
        if text != self.status:
            self.status = text
            self.status_changed.emit(text)

"""The one way to run long work off the GUI thread: a core call in the thread pool, its result or
its error delivered back on the GUI thread.

Core calls open their own database connection per thread (SQLAlchemy's SingletonThreadPool for
SQLCipher), so a worker never shares a connection with the GUI thread.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals):
        super().__init__()
        self.fn = fn
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # delivered to the GUI thread, which decides what to show
            if not _is_expected(exc):
                log.error("background task failed:\n%s", traceback.format_exc())
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


def _is_expected(exc: BaseException) -> bool:
    from hrdesk.core.kernel.errors import HRDeskError

    return isinstance(exc, HRDeskError)


class Runner(QObject):
    """Runs ``fn`` in the pool; ``on_done(result)`` or ``on_error(exc)`` run on the GUI thread."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool.globalInstance()
        self._live: set[_Signals] = set()

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        owner: QObject | None = None,
    ) -> None:
        """``owner``: the widget the callbacks update; if it is gone when the work finishes (the
        user closed the page), the result is dropped instead of touching a deleted widget."""
        signals = _Signals()
        self._live.add(signals)

        def alive() -> bool:
            return owner is None or shiboken6.isValid(owner)

        def done(result):
            self._live.discard(signals)
            if alive():
                on_done(result)

        def failed(exc):
            self._live.discard(signals)
            if alive():
                on_error(exc)

        signals.finished.connect(done)
        signals.failed.connect(failed)
        self.pool.start(_Task(fn, signals))

    def wait_idle(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)


class Reloader:
    """A page's background load. ``reload()`` while a load is running schedules exactly one more
    after it, so the page ends up showing the latest data and never runs two loads at a time.

    ``prepare`` runs on the GUI thread (it may read filter widgets) and returns the function for the
    worker thread; ``on_done(result)`` and ``on_error(exc)`` run on the GUI thread again.
    """

    def __init__(
        self,
        runner: Runner,
        owner: QObject,
        prepare: Callable[[], Callable[[], Any]],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ):
        self.runner = runner
        self.owner = owner
        self.prepare = prepare
        self.on_done = on_done
        self.on_error = on_error
        self.loading = False
        self._again = False

    def reload(self) -> bool:
        """Start a load; False if one is running (it will be followed by another)."""
        if self.loading:
            self._again = True
            return False
        self.loading = True
        self.runner.submit(self.prepare(), self._done, self._failed, owner=self.owner)
        return True

    def _done(self, result) -> None:
        self._finish()
        self.on_done(result)
        self._follow_up()

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.on_error(exc)
        self._follow_up()

    def _finish(self) -> None:
        self.loading = False

    def _follow_up(self) -> None:
        if self._again:
            self._again = False
            self.reload()

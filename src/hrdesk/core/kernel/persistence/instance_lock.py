"""One program instance per data folder: an OS-level lock on a file beside the company file.

The lock is held by the operating system (fcntl on POSIX, msvcrt on Windows), so it is released
when the process dies, even after a crash; no stale-lock cleanup is needed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import BinaryIO

from hrdesk.core.kernel.errors import StorageError
from hrdesk.core.kernel.i18n import tr


class InstanceLock:
    def __init__(self, path: Path):
        self.path = path
        self._fh: BinaryIO | None = None

    def acquire(self) -> None:
        try:
            fh = open(self.path, "a+b")
        except OSError as exc:
            raise StorageError(
                tr("无法在数据文件夹中创建锁文件（{0}）。请检查文件夹权限。").format(exc.strerror or exc)
            ) from None
        try:
            _lock(fh)
        except OSError:
            fh.close()
            raise StorageError(
                tr("这家公司的数据已在另一个 HRDesk 窗口中打开。请切换到那个窗口，或先关闭它再打开。")
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()).encode())
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is not None:
            try:
                _unlock(self._fh)
            finally:
                self._fh.close()
                self._fh = None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised by the Windows build's self-test
    import msvcrt

    def _lock(fh) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(fh) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fh) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fh) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

"""The private work folder: where every temporary of an export lives (docs/security.md,
"Plaintext outside the company file").

The only plaintext that ever leaves the encrypted company file is the file the user asked to save.
Everything an export writes on the way (openpyxl's write-only sheet buffers, the workbook or PDF
being written) goes into one folder per process inside the data folder::

    <data folder>/work/<pid>-<random>/      mode 0o700
        .lock       held with an OS lock while the process lives
        .outside    the partial files this process has beside a target (see write_atomically)
        ...         the temporaries themselves

The process removes its folder when it exits. A process killed half-way cannot, so the next start
(:func:`use_data_folder`, called when a company is opened) removes every folder whose lock it can
take: the operating system releases a lock when its process dies, even after ``kill -9``, so a
free lock means the owner is gone, while the folders of live processes (the GUI exporting while a
script runs the command line) stay untouched. The partial files a dead process listed in
``.outside`` are removed too: they are the only files HRDesk ever writes outside the data folder
apart from the saved file itself, and the list is how they are found again without searching the
user's folders.

Before a company is opened (or without a data folder) a private ``mkdtemp`` folder (0o700) in the
system temp folder takes the place of the work folder, with the same lock; the next such process
removes the ones left by killed processes.

openpyxl creates its write-only buffers with ``NamedTemporaryFile`` in the system temp folder and
has no option for another folder. :func:`install_openpyxl_hook` replaces its one factory,
``openpyxl.worksheet._writer.create_temporary_file``, by one that creates the file here; this is
process-wide and looked up at each call, so it needs no lock and no change of ``tempfile.tempdir``
(which would move every other temporary of the process and race between threads).
"""

from __future__ import annotations

import atexit
import os
import re
import secrets
import shutil
import sys
import tempfile
import threading
from pathlib import Path

from hrdesk.core.kernel.errors import StorageError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.persistence.instance_lock import InstanceLock

WORK_FOLDER = "work"
FALLBACK_PREFIX = "hrdesk-work-"
LOCK_FILE = ".lock"
OUTSIDE_LIST = ".outside"
# The partial files write_atomically leaves beside a target: ".~<name>-<random>.tmp".
OUTSIDE_NAME = re.compile(r"^\.~.*\.tmp$")


class _Session:
    """This process's folder inside one base folder, created when first needed."""

    def __init__(self, base: Path, *, fallback: bool = False):
        self.base = base
        self.fallback = fallback
        self.folder: Path | None = None
        self._lock: InstanceLock | None = None

    def ensure(self) -> Path:
        if self.folder is None:
            for attempt in range(3):
                folder = self._make_folder()
                lock = InstanceLock(folder / LOCK_FILE)
                try:
                    lock.acquire()
                except StorageError:
                    # another start took the new folder for a leftover in the instant before our
                    # lock existed, and removes it: take a fresh one
                    if attempt == 2:
                        raise
                    continue
                self.folder, self._lock = folder, lock
                break
        assert self.folder is not None
        return self.folder

    def _make_folder(self) -> Path:
        try:
            if self.fallback:
                return Path(tempfile.mkdtemp(prefix=FALLBACK_PREFIX))  # 0o700, random name
            self.base.mkdir(mode=0o700, exist_ok=True)
            folder = self.base / f"{os.getpid()}-{secrets.token_hex(4)}"
            folder.mkdir(mode=0o700)
            return folder
        except OSError as exc:
            raise StorageError(
                tr("无法在数据文件夹中创建临时文件夹 {0}（{1}）。请检查文件夹权限和磁盘空间。").format(
                    self.base, exc.strerror or exc
                )
            ) from None

    def usable(self) -> bool:
        """False when the folder was made and has since disappeared (removed by hand)."""
        return self.folder is None or self.folder.is_dir()

    def busy(self) -> bool:
        """True while a temporary of this process is still in the folder (an export under way)."""
        if self.folder is None:
            return False
        try:
            return any(p.name not in (LOCK_FILE, OUTSIDE_LIST) for p in self.folder.iterdir())
        except OSError:
            return False

    def close(self) -> None:
        if self.folder is None:
            return
        if self._lock is not None:
            self._lock.release()
        _remove_session(self.folder)
        self.folder, self._lock = None, None


_guard = threading.RLock()
_current: _Session | None = None
_sessions: list[_Session] = []


def use_data_folder(root: str | os.PathLike) -> None:
    """Keep this process's temporaries in ``root/work`` from now on, after removing what killed
    processes left there. Called whenever a company is opened or created."""
    global _current
    base = Path(root).absolute() / WORK_FOLDER
    clean_leftovers(base)
    with _guard:
        if _current is not None and _current.base == base:
            return
        previous, _current = _current, _Session(base)
        _sessions.append(_current)
        if previous is not None and not previous.busy():
            previous.close()
            _sessions.remove(previous)


def current_folder() -> Path:
    """The folder for this process's temporaries (created on first use)."""
    global _current
    with _guard:
        session = _current
        if session is not None and not (session.usable() and (session.fallback or session.base.parent.is_dir())):
            # the folder was removed by hand, or the data folder itself is gone (a discarded demo)
            session.close()
            _sessions.remove(session)
            session = None if session.fallback or not session.base.parent.is_dir() else _Session(session.base)
        if session is None:
            clean_leftovers(Path(tempfile.gettempdir()), prefix=FALLBACK_PREFIX)
            session = _Session(Path(tempfile.gettempdir()), fallback=True)
        if session not in _sessions:
            _sessions.append(session)
        _current = session
        return session.ensure()


def temporary_path(suffix: str = "", prefix: str = "export-") -> Path:
    """A new empty file in the work folder (mode 0o600); the caller removes it."""
    folder = current_folder()
    try:
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    except OSError as exc:
        raise StorageError(
            tr("无法在数据文件夹中创建临时文件（{0}）。请检查磁盘空间。").format(exc.strerror or exc)
        ) from None
    os.close(fd)
    return Path(name)


def remember_outside(path: Path) -> Path:
    """Note a partial file beside a target, so that the next start removes it after a kill.
    Returns the list it was written to, for :func:`forget_outside`."""
    listed = current_folder() / OUTSIDE_LIST
    with _guard, open(listed, "a", encoding="utf-8") as fh:
        fh.write(str(path) + "\n")
    return listed


def forget_outside(path: Path, listed: Path) -> None:
    """The partial file is gone (renamed onto its target or removed): strike it from the list."""
    with _guard:
        try:
            lines = listed.read_text(encoding="utf-8").splitlines()
            listed.write_text("".join(f"{line}\n" for line in lines if line != str(path)), encoding="utf-8")
        except OSError:
            pass


def clean_leftovers(base: Path, prefix: str = "") -> list[Path]:
    """Remove the session folders in ``base`` whose process is gone; return what was removed.

    With ``prefix`` only the folders whose name starts with it are considered (the system temp
    folder is shared with other programs; on POSIX only folders of this user, too)."""
    removed: list[Path] = []
    try:
        candidates = [p for p in base.iterdir() if p.name.startswith(prefix) and p.is_dir()]
    except OSError:
        return removed
    for folder in candidates:
        if prefix and sys.platform != "win32" and _owner(folder) != os.getuid():
            continue
        probe = InstanceLock(folder / LOCK_FILE)
        try:
            probe.acquire()
        except StorageError:
            continue  # a live process holds it (or it cannot even be opened: leave it alone)
        probe.release()
        _remove_session(folder)
        removed.append(folder)
    return removed


def _owner(path: Path) -> int | None:
    try:
        return path.stat().st_uid
    except OSError:
        return None


def _remove_session(folder: Path) -> None:
    try:
        listed = (folder / OUTSIDE_LIST).read_text(encoding="utf-8").splitlines()
    except OSError:
        listed = []
    for line in listed:
        partial = Path(line)
        if line and OUTSIDE_NAME.match(partial.name):
            try:
                partial.unlink(missing_ok=True)
            except OSError:
                pass
    shutil.rmtree(folder, ignore_errors=True)


@atexit.register
def _close_all() -> None:
    with _guard:
        for session in _sessions:
            session.close()
        _sessions.clear()


# ---- openpyxl --------------------------------------------------------------------------------


def _openpyxl_temporary_file(suffix: str = "") -> str:
    from openpyxl.worksheet import _writer

    name = str(temporary_path(suffix=suffix, prefix="openpyxl."))
    _writer.ALL_TEMP_FILES.append(name)  # openpyxl's own cleanup() and exit handler expect it there
    return name


def install_openpyxl_hook() -> None:
    """Make openpyxl's write-only worksheets buffer in the work folder (see the module text)."""
    from openpyxl.worksheet import _writer

    if not hasattr(_writer, "create_temporary_file"):  # pragma: no cover - a newer openpyxl
        raise RuntimeError("openpyxl.worksheet._writer.create_temporary_file is gone: update workfolder.py")
    _writer.create_temporary_file = _openpyxl_temporary_file

"""Building a company out of sight and moving it into its data folder only when it is complete.

A demo of 3,000 people takes a while; one killed half-way (a closed terminal, ``kill -9``, a power
cut) must not leave a half-built company that opens, nor a folder that refuses the next attempt.
So the company is built in a private folder beside the data folder, on the same disk::

    <parent>/.<name>.building-<pid>-<random>/        the company being built (mode 0o700)
    <parent>/.<name>.building-<pid>-<random>.lock    held with an OS lock while the builder lives

and moved into place at the end: a single rename when the data folder does not exist yet, else one
rename per file with the company file last (until it arrives the folder holds no company). Where
the parent folder is not writable the building folder goes inside the data folder instead
(``.demo-building-…``). The next demo removes the building folders of processes that are gone (the
OS releases a dead process's lock even after ``kill -9``), with the database key they stored.

The key is kept in the credential store under the database's random identifier (hrdesk.json), not
under a path, so it stays valid after the move.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring.errors

from hrdesk.core.kernel import audit_key
from hrdesk.core.kernel.errors import StorageError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.persistence import keys
from hrdesk.core.kernel.persistence.datadir import DB_FILE, DataDir
from hrdesk.core.kernel.persistence.instance_lock import InstanceLock

INSIDE_PREFIX = ".demo-building-"


def _sibling_prefix(root: Path) -> str:
    return f".{root.name}.building-"


@dataclass
class Staging:
    """A building folder and the lock that says its builder is alive."""

    folder: Path
    lock: InstanceLock

    @property
    def data_dir(self) -> DataDir:
        return DataDir(self.folder)

    def release(self) -> None:
        self.lock.release()
        try:
            self.lock.path.unlink(missing_ok=True)
        except OSError:
            pass

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        self.release()


def start(data_dir: DataDir) -> Staging:
    """A new building folder for ``data_dir`` (after removing those of dead builders)."""
    root = data_dir.root.absolute()
    remove_stale(data_dir)
    name = f"{os.getpid()}-{secrets.token_hex(3)}"
    try:
        root.parent.mkdir(parents=True, exist_ok=True)
        return _make(root.parent / (_sibling_prefix(root) + name))
    except (OSError, StorageError):
        pass
    data_dir.ensure_writable()  # the Chinese message when the data folder cannot be written either
    try:
        return _make(root / (INSIDE_PREFIX + name))
    except OSError as exc:
        raise StorageError(
            tr("数据文件夹 {0} 无法写入（{1}）。请检查磁盘空间和文件夹权限，或用 --data-dir 指定其他文件夹。").format(
                root, exc.strerror or exc
            )
        ) from None


def _make(folder: Path) -> Staging:
    lock = InstanceLock(_lock_path(folder))
    lock.acquire()  # the lock first: a folder without its lock file is a dead builder's
    try:
        folder.mkdir(mode=0o700)
    except BaseException:
        lock.release()
        lock.path.unlink(missing_ok=True)
        raise
    return Staging(folder, lock)


def _lock_path(folder: Path) -> Path:
    return folder.with_name(folder.name + ".lock")


def _candidates(data_dir: DataDir) -> Iterator[Path]:
    root = data_dir.root.absolute()
    for parent, prefix in ((root.parent, _sibling_prefix(root)), (root, INSIDE_PREFIX)):
        try:
            yield from (p for p in parent.iterdir() if p.name.startswith(prefix) and not p.name.endswith(".lock"))
        except OSError:
            continue


def remove_stale(data_dir: DataDir) -> list[Path]:
    """Remove the building folders of builders that are gone, and the keys they stored."""
    removed = []
    for folder in list(_candidates(data_dir)):
        probe = InstanceLock(_lock_path(folder))
        try:
            probe.acquire()
        except StorageError:
            continue  # its builder is still at work (or the lock cannot be opened: leave it)
        try:
            _forget_key(DataDir(folder))
            shutil.rmtree(folder, ignore_errors=True)
        finally:
            probe.release()
            try:
                probe.path.unlink(missing_ok=True)
            except OSError:
                pass
        removed.append(folder)
    return removed


def _forget_key(data_dir: DataDir) -> None:
    try:
        database_id = data_dir.database_id()
    except StorageError:
        return  # killed before hrdesk.json was written: no key was stored either
    try:
        keys.KeyStore(database_id).delete()
    except keyring.errors.KeyringError:
        pass  # no credential store (the key came from HRDESK_DB_KEY): nothing was stored
    audit_key.forget(database_id)


def move_into_place(staging: Staging, data_dir: DataDir) -> None:
    """Put the complete company into ``data_dir``; StorageError if a company arrived there meanwhile.
    When a move fails half-way, what was moved goes back, so the data folder is as it was."""
    root = data_dir.root.absolute()
    moved: list[tuple[Path, Path]] = []
    try:
        if not root.exists() and staging.folder.parent == root.parent:
            try:
                os.rename(staging.folder, root)
                return
            except OSError:
                if not root.exists():
                    raise
        if data_dir.is_initialized():
            raise StorageError(tr("{0} 已有公司数据，不会覆盖。").format(data_dir.root))
        # the company file last: until it is there, the folder holds no company
        for entry in sorted(staging.folder.iterdir(), key=lambda p: p.name == DB_FILE):
            _move(entry, root / entry.name, moved)
        staging.folder.rmdir()
    except OSError as exc:
        for source, target in reversed(moved):
            try:
                source.parent.mkdir(parents=True, exist_ok=True)
                os.replace(target, source)
            except OSError:
                pass
        raise StorageError(
            tr("无法把示例公司移入数据文件夹 {0}（{1}）。").format(data_dir.root, exc.strerror or exc)
        ) from None


def _move(source: Path, target: Path, moved: list[tuple[Path, Path]]) -> None:
    if source.is_dir() and target.is_dir():
        for child in source.iterdir():
            _move(child, target / child.name, moved)
        source.rmdir()
    else:
        os.replace(source, target)
        moved.append((source, target))

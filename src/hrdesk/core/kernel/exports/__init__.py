"""Files the core writes for people to read (Excel workbooks, PDFs, bank files).

Every export goes through :func:`write_atomically`, which keeps two promises:

- no half-written file: the file is built completely and only then put in place with a rename, so
  a failure (a full disk, a folder without write permission, a file open in Excel) leaves nothing
  behind, and the message says in Chinese what went wrong;
- no plaintext outside the company file except the file the user asked for: the file is built in
  the private work folder inside the data folder (:mod:`.workfolder`), never in the system temp
  folder nor beside the target, and whatever a killed process leaves there is removed at the next
  start (docs/security.md, "Plaintext outside the company file").
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from hrdesk.core.kernel.errors import StorageError
from hrdesk.core.kernel.exports import workfolder
from hrdesk.core.kernel.i18n import tr


def _message(exc: OSError, target: Path) -> str:
    folder = target.parent
    if isinstance(exc, FileNotFoundError) or exc.errno == errno.ENOENT:
        return tr("无法保存到“{0}”：文件夹“{1}”不存在。请选择一个已有的文件夹。").format(target, folder)
    if isinstance(exc, IsADirectoryError) or exc.errno == errno.EISDIR:
        return tr("无法保存到“{0}”：这是一个文件夹，请填写文件名。").format(target)
    if isinstance(exc, NotADirectoryError) or exc.errno == errno.ENOTDIR:
        return tr("无法保存到“{0}”：路径中的“{1}”不是文件夹。").format(target, folder)
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return tr(
            "无法保存到“{0}”：没有写入权限，或同名文件正被其他程序（如 Excel）打开。请关闭该文件或换一个位置后重试。"
        ).format(target)
    if exc.errno == errno.ENOSPC:
        return tr("无法保存到“{0}”：磁盘空间不足。").format(target)
    if exc.errno == errno.ENAMETOOLONG:
        return tr("无法保存到“{0}”：文件名或路径太长。").format(target)
    return tr("无法保存到“{0}”：{1}").format(target, exc.strerror or exc)


def write_atomically(path: str | os.PathLike, write: Callable[[Path], object]) -> Path:
    """Call ``write(temporary_path)`` and move the result to ``path``; StorageError on failure.
    What ``write`` returns (``Path.write_bytes`` gives the byte count) is not used.

    ``temporary_path`` is in the private work folder, so the slow part (a 26 MB 工资表 takes
    seconds) never leaves plaintext anywhere else. First an empty file is reserved beside the
    target (under a hidden ``.~name-random.tmp`` name): it proves at once that the folder exists
    and is writable, before any work is done, and holds no data. When the work folder is on the
    target's disk, the finished file is renamed straight onto the target and nothing with data ever
    sits beside it. On another disk (a USB stick) a rename cannot cross, so the finished file is
    copied into the reserved file and that is renamed onto the target: only this last copy, a
    fraction of a second, has a partial file beside the target, and the reserved file is listed in
    the work folder so that the next start removes it if the process is killed in between. Every
    temporary is removed on any failure, including an exception raised by ``write`` itself.
    """
    target = Path(path).expanduser()
    if not target.name or target.name in (".", ".."):
        raise StorageError(tr("请填写要保存的文件名。"))
    try:
        target = target.absolute()
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
        fd, reserved_name = tempfile.mkstemp(prefix=".~" + target.stem[:40] + "-", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise StorageError(_message(exc, target)) from None
    os.close(fd)
    reserved = Path(reserved_name)
    scratch: Path | None = None
    listed: Path | None = None
    try:
        listed = workfolder.remember_outside(reserved)
        scratch = workfolder.temporary_path(suffix=target.suffix)
        write(scratch)
        try:
            os.replace(scratch, target)
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
            shutil.copyfile(scratch, reserved)
            os.replace(reserved, target)
    except OSError as exc:
        raise StorageError(_message(exc, target)) from None
    finally:
        for leftover in (scratch, reserved):
            if leftover is not None:
                try:
                    leftover.unlink(missing_ok=True)
                except OSError:
                    pass
        if listed is not None:
            workfolder.forget_outside(reserved, listed)
    return target

"""Files the core writes for people to read (Excel workbooks, later PDFs).

Every export goes through :func:`write_atomically`: the file is written next to its target under a
temporary name and renamed into place only when complete, so a failure (a full disk, a folder
without write permission, a file open in Excel) leaves no half-written file behind, and the
message says in Chinese what went wrong.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from hrdesk.core.kernel.errors import StorageError
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

    The temporary file sits in the target folder (so the final rename never crosses disks) and is
    removed on any failure, including an exception raised by ``write`` itself.
    """
    target = Path(path).expanduser()
    if not target.name or target.name in (".", ".."):
        raise StorageError(tr("请填写要保存的文件名。"))
    try:
        target = target.absolute()
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
        fd, temp_name = tempfile.mkstemp(prefix=".~" + target.stem[:40] + "-", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise StorageError(_message(exc, target)) from None
    os.close(fd)
    temp = Path(temp_name)
    try:
        write(temp)
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise StorageError(_message(exc, target)) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target

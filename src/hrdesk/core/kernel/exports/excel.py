"""Excel workbooks (openpyxl). Write every cell through :mod:`.cells` so that text from users can
never turn into a formula, and save through :func:`save_workbook` (atomic, Chinese errors).

Importing this module (or :mod:`.cells`) points openpyxl's write-only buffers at the private work
folder (:func:`.workfolder.install_openpyxl_hook`): a 工资表 of 3,000 people buffers tens of MB of
names and salaries while it is built, and that must never land in the system temp folder."""

from __future__ import annotations

import os
from pathlib import Path

from openpyxl import Workbook

from hrdesk.core.kernel.exports import workfolder, write_atomically

workfolder.install_openpyxl_hook()


def save_workbook(workbook: Workbook, path: str | os.PathLike) -> Path:
    """Save to ``path`` without ever leaving a partial file; StorageError with a message on failure."""
    return write_atomically(path, lambda temp: workbook.save(temp))

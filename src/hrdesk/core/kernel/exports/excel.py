"""Excel workbooks (openpyxl). Write every cell through :mod:`.cells` so that text from users can
never turn into a formula, and save through :func:`save_workbook` (atomic, Chinese errors)."""

from __future__ import annotations

import os
from pathlib import Path

from openpyxl import Workbook

from hrdesk.core.kernel.exports import write_atomically


def save_workbook(workbook: Workbook, path: str | os.PathLike) -> Path:
    """Save to ``path`` without ever leaving a partial file; StorageError with a message on failure."""
    return write_atomically(path, lambda temp: workbook.save(temp))

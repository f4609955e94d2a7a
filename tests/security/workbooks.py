"""Reading what a reader sees, for the leak tests: every cell of a workbook as text, and a check
that none of the given texts is in it."""

from __future__ import annotations

import openpyxl


def workbook_text(path) -> str:
    """Every cell's value of every sheet, one per line."""
    wb = openpyxl.load_workbook(path)
    return "\n".join(
        str(cell.value) for ws in wb.worksheets for row in ws.iter_rows() for cell in row if cell.value is not None
    )


def assert_none_in(text: str, needles, where: str) -> None:
    found = [n for n in needles if n in text]
    assert not found, f"{where} shows {found}"

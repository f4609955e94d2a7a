"""Writing values into worksheets so that text stays text (formula injection) and never breaks the
file (control characters).

openpyxl turns any string starting with "=" into a live formula, and Excel treats text starting
with + - @ (or a tab) as the start of one when a user edits the cell. An employee named
"=HYPERLINK(...)" or a comment "-1+2" must appear exactly as typed, so such strings are stored
with data type "s" (a plain string). Use these helpers for every sheet:

    put(ws.cell(row=r, column=c), value)          # normal mode
    ws.append([text_cell(ws, v) for v in values])  # write_only mode
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, WriteOnlyCell

from hrdesk.core.kernel.exports import workfolder

workfolder.install_openpyxl_hook()  # write-only sheets buffer in the private work folder

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t")


def clean_text(value: str) -> str:
    """Drop the control characters an .xlsx file cannot hold (openpyxl refuses them)."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def needs_text_type(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def put(cell: Cell | WriteOnlyCell, value: Any) -> Cell | WriteOnlyCell:
    """Set ``cell`` to ``value``; strings are cleaned and never become formulas."""
    if isinstance(value, str):
        value = clean_text(value)
    cell.value = value
    if needs_text_type(value):
        cell.data_type = "s"
    return cell


def write(ws, row: int, column: int, value: Any) -> Cell:
    """``ws.cell(row, column, value)`` made safe (normal-mode worksheets)."""
    return put(ws.cell(row=row, column=column), value)


def text_cell(ws, value: Any, *, style: str | None = None) -> WriteOnlyCell:
    """A cell for ``ws.append`` in write_only mode, made safe; ``style`` is a named style."""
    cell = WriteOnlyCell(ws)
    if style is not None:
        cell.style = style
    return put(cell, value)

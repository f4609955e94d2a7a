"""Reading an import workbook and checking its rows, shared by every payroll import (本月项目,
专项附加扣除, 年初累计数, 历史工资): the header found by name wherever it is in the first rows, cells
read as the text a person typed, 工号 and 姓名 checked together (a row shifted by one in Excel is
caught), and every row's problems collected into one message naming the rows, so a file is
imported whole or not at all.

A file is refused before its rows are checked when it is larger than :data:`MAX_FILE_BYTES` or has
more than :data:`MAX_ROWS` data rows; a row that repeats an earlier one exactly (every cell the same,
so the same person, item or month and amount) is a row error of its own, reported with the others
by :meth:`People.check`. One row copied a million times would otherwise add a million entries and
audit records and a million times the amount to one person's pay.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.text_rules import clean_text
from hrdesk.core.people.tables import Employee

MAX_LISTED = 50  # row errors spelled out in the message; the rest are counted
HEADER_SEARCH_ROWS = 20
LOOKUP_CHUNK = 500
YES = ("是", "y", "yes", "true", "1", "√", "✓", "对")
NO = ("否", "n", "no", "false", "0", "×", "✗", "不", "")
TEMPLATE_ROWS = 2000  # rows prepared with the drop-downs of a blank sheet
TEXT_KEYS = ("emp_no", "name", "item", "note", "month")  # columns formatted as text in a blank sheet
MAX_ROWS = 100_000  # data rows in one file: ten times the largest company this is for
MAX_FILE_BYTES = 30 * 1024 * 1024  # a 100,000-row sheet is about 4 MB


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: int = 14
    required: bool = True
    aliases: tuple[str, ...] = ()
    yes_no: bool = False


@dataclass(frozen=True)
class SheetRow:
    number: int  # the row number Excel shows
    values: dict[str, object]
    repeat_of: int | None = None  # the number of an earlier row with exactly the same cells


def header_key(value) -> str:
    text = re.sub(r"\s+", "", str(value or ""))
    text = text.rstrip("*＊")
    text = re.sub(r"[（(][^（()）]*[)）]$", "", text)  # 金额（元） → 金额
    return text


def find_header(rows: Iterable[tuple], specs: Sequence[Column]) -> tuple[int, dict[str, int]] | None:
    names = {}
    for spec in specs:
        for name in (spec.header, *spec.aliases):
            names[header_key(name)] = spec.key
    for number, row in enumerate(rows, start=1):
        if number > HEADER_SEARCH_ROWS:
            break
        found: dict[str, int] = {}
        for index, value in enumerate(row or ()):
            key = names.get(header_key(value))
            if key is not None and key not in found:
                found[key] = index
        if "emp_no" in found and "name" in found:
            return number, found
    return None


def read_rows(path: str | os.PathLike, specs: Sequence[Column]) -> list[SheetRow]:
    """The data rows of the first sheet whose header has 工号 and 姓名; ValidationError({"file": …})
    if the file cannot be read or a required column is missing. Blank rows are skipped."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # a missing file gets its own message below
    if size > MAX_FILE_BYTES:
        raise ValidationError(
            {
                "file": tr("文件“{0}”太大（{1:.1f} MB，最多 {2} MB）。请分成几个文件导入。").format(
                    path.name, size / 1024 / 1024, MAX_FILE_BYTES // 1024 // 1024
                )
            }
        )
    if path.suffix.lower() in (".xls", ".et", ".csv"):
        raise ValidationError(
            {
                "file": tr("请在 Excel 中将文件另存为 .xlsx 格式后再导入（不支持 {0} 文件）。").format(
                    path.suffix.lower()
                )
            }
        )
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise ValidationError({"file": tr("找不到文件：{0}").format(path)}) from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ValidationError(
            {"file": tr("无法读取“{0}”：请确认它是 Excel 工作簿（.xlsx），且没有设置打开密码。").format(path.name)}
        ) from None
    try:
        for sheet in workbook.worksheets:
            if not hasattr(sheet, "iter_rows"):
                continue
            header = find_header(sheet.iter_rows(max_row=HEADER_SEARCH_ROWS, values_only=True), specs)
            if header is None:
                continue
            header_row, positions = header
            missing = [s.header for s in specs if s.required and s.key not in positions]
            if missing:
                raise ValidationError(
                    {
                        "file": tr("工作表“{0}”缺少列：{1}。请使用“下载模板”得到的表格。").format(
                            sheet.title, "、".join(missing)
                        )
                    }
                )
            result: list[SheetRow] = []
            seen: dict[tuple[str, ...], int] = {}  # a row's cells as text -> the first row holding them
            for number, row in enumerate(
                sheet.iter_rows(min_row=header_row + 1, values_only=True), start=header_row + 1
            ):
                values = {key: row[index] if index < len(row) else None for key, index in positions.items()}
                cells = tuple(cell_text(v) for v in values.values())
                if all(cell == "" for cell in cells):
                    continue
                if len(result) == MAX_ROWS:
                    message = tr("工作表“{0}”超过 {1:,} 行数据，一次最多导入 {1:,} 行。请分成几个文件导入。")
                    raise ValidationError({"file": message.format(sheet.title, MAX_ROWS)})
                first = seen.setdefault(cells, number)
                result.append(SheetRow(number, values, first if first != number else None))
            if not result:
                raise ValidationError({"file": tr("工作表“{0}”的表头下面没有数据。").format(sheet.title)})
            return result
    finally:
        workbook.close()
    raise ValidationError(
        {
            "file": tr("找不到表头：表格中应有一行包含“{0}”等列。请使用“下载模板”得到的表格。").format(
                "”“".join(s.header for s in specs if s.required)
            )
        }
    )


def cell_text(value) -> str:
    """A cell as the text a person would type (1001.0 → "1001", TRUE → "是")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return tr("是") if value else tr("否")
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(value, ".15g")  # drops binary noise such as 1234.5600000000001
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    return str(value).strip()


def yes_no(value) -> bool:
    text = cell_text(value).lower()
    if text in YES:
        return True
    if text in NO:
        return False
    raise ValueError(tr("请填写“是”或“否”"))


# ---- checking ---------------------------------------------------------------------------------


class Problems:
    """Row errors in row order; turned into one ValidationError."""

    def __init__(self) -> None:
        self.rows: dict[int, list[str]] = {}

    def add(self, row: SheetRow, message: str) -> None:
        self.rows.setdefault(row.number, []).append(message)

    def field(self, row: SheetRow, label: str, message: str) -> None:
        if message.startswith(tr("金额")):
            message = label + message  # 累计收入金额格式不正确
        elif label not in message:
            message = f"{label}：{message}"
        self.add(row, message)

    def raise_if_any(self) -> None:
        if not self.rows:
            return
        listed = sorted(self.rows.items())[:MAX_LISTED]
        errors = {f"row:{n}": tr("第{0}行：{1}").format(n, "；".join(messages)) for n, messages in listed}
        lines = list(errors.values())
        if len(self.rows) > len(listed):
            lines.append(tr("……另有 {0} 行有错误未列出").format(len(self.rows) - len(listed)))
        message = tr("有 {0} 行数据有误，没有导入任何数据。请在 Excel 中改正后重新导入：").format(len(self.rows))
        raise ValidationError(errors, message + "\n" + "\n".join(lines))


def normal_name(text: str) -> str:
    return " ".join(text.split())


class People:
    """工号 → (id, name) for the 工号 of the file, looked up in chunks."""

    def __init__(self, session: Session, rows: list[SheetRow]):
        numbers = sorted({cell_text(r.values.get("emp_no")) for r in rows} - {""})
        self.by_no: dict[str, tuple[int, str]] = {}
        for start in range(0, len(numbers), LOOKUP_CHUNK):
            chunk = numbers[start : start + LOOKUP_CHUNK]
            for emp_id, emp_no, name in session.execute(
                select(Employee.id, Employee.emp_no, Employee.name).where(Employee.emp_no.in_(chunk))
            ):
                self.by_no[emp_no] = (emp_id, name)

    def check(self, row: SheetRow, problems: Problems) -> tuple[int, str] | None:
        """The row's employee, or None with the problem recorded; a row repeating an earlier one
        exactly is recorded as a problem too (every import reads its rows through here)."""
        if row.repeat_of is not None:
            problems.add(
                row, tr("与第{0}行完全相同（重复的行），同一笔只应出现一次，请删除重复的行").format(row.repeat_of)
            )
        emp_no = cell_text(row.values.get("emp_no"))
        name = normal_name(cell_text(row.values.get("name")))
        if not emp_no:
            problems.add(row, tr("请填写工号"))
            return None
        found = self.by_no.get(emp_no)
        if found is None:
            problems.add(row, tr("找不到工号为 {0} 的员工").format(emp_no))
            return None
        if not name:
            problems.add(row, tr("请填写姓名（用于核对工号）"))
            return None
        if name != normal_name(found[1]):
            problems.add(
                row, tr("姓名“{0}”与工号 {1} 的员工“{2}”不一致，请检查是否错行").format(name, emp_no, found[1])
            )
            return None
        return found


def no_repeats(rows_people: list[tuple[SheetRow, tuple[int, str]]], problems: Problems) -> None:
    first: dict[int, int] = {}
    for row, (emp_id, _name) in rows_people:
        if emp_id in first:
            problems.add(row, tr("工号 {0} 与第{1}行重复").format(cell_text(row.values.get("emp_no")), first[emp_id]))
        else:
            first[emp_id] = row.number


# ---- blank sheets ------------------------------------------------------------------------------


def write_blank_sheet(
    path: str | os.PathLike,
    title: str,
    specs: Sequence[Column],
    notes: str,
    *,
    choices: dict[str, tuple[str, tuple[str, ...]]] | None = None,
) -> Path:
    """A blank import sheet: a note row, the header row, column widths, 工号 as text, drop-downs for
    是/否 and, for each ``choices`` column key, a drop-down of (sheet title, values) listed on a
    second sheet of that title."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from hrdesk.core.kernel.exports.cells import write
    from hrdesk.core.kernel.exports.excel import save_workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    last = get_column_letter(len(specs))
    note = write(sheet, 1, 1, notes)
    note.alignment = Alignment(wrap_text=True, vertical="top")
    note.font = Font(color="5F6368", size=10)
    note.fill = PatternFill("solid", fgColor="FFF8E1")
    sheet.merge_cells(f"A1:{last}1")
    sheet.row_dimensions[1].height = 72 if len(specs) <= 5 else 58
    thin = Side(style="thin", color="BDC1C6")
    for index, spec in enumerate(specs, start=1):
        cell = write(sheet, 2, index, spec.header)
        cell.font = Font(bold=True, color="FFFFFF" if spec.required else "202124")
        cell.fill = PatternFill("solid", fgColor="1A56C4" if spec.required else "D2E3FC")
        cell.alignment = Alignment(horizontal="center", vertical="center")
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = spec.width
        if spec.key in TEXT_KEYS:
            sheet.column_dimensions[letter].number_format = "@"
        if spec.yes_no:
            choice = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
            choice.add(f"{letter}3:{letter}{TEMPLATE_ROWS + 2}")
            sheet.add_data_validation(choice)
    sheet.row_dimensions[2].height = 22
    sheet.freeze_panes = "C3"
    for key, (list_title, values) in (choices or {}).items():
        if not values:
            continue
        listing = workbook.create_sheet(list_title)
        write(listing, 1, 1, list_title).font = Font(bold=True)
        for row, value in enumerate(values, start=2):
            write(listing, row, 1, value)
        listing.column_dimensions["A"].width = 24
        column = get_column_letter(next(i for i, s in enumerate(specs, start=1) if s.key == key))
        choice = DataValidation(
            type="list",
            formula1=f"='{listing.title}'!$A$2:$A${len(values) + 1}",
            allow_blank=True,
            showErrorMessage=False,
        )
        choice.add(f"{column}3:{column}{TEMPLATE_ROWS + 2}")
        sheet.add_data_validation(choice)
    return save_workbook(workbook, path)


def row_note(row: SheetRow, problems: Problems) -> str | None:
    """An import row's 备注, cleaned; None (and the row's problem noted) when it holds a control
    character, so the file is refused naming the row."""
    try:
        return clean_text(cell_text(row.values.get("note")), tr("备注"), "note", limit=200)
    except ValidationError as exc:
        problems.add(row, exc.errors["note"])
        return None

"""A month's payroll as a Qt model: one display entry per employee, department subtotals and a
separate one-row totals model for the footer.

Entries are built once per load in the worker thread (:func:`build_entries`): the cells are the
formatted strings, the values the raw figures for sorting and summing. Filtering and sorting work
on the Python list like the employee register (a QSortFilterProxyModel costs seconds per keystroke
at 10,000 rows), and ``data()`` only hands out cached strings.

The default order is the organisation tree's, as the service gives it and the 工资表 prints it
(:mod:`hrdesk.core.org.ordering`): a department's own people closed by its 小计, its
sub-departments after them, then for a department with sub-departments a 部门合计 of its whole
subtree ("销售部（含下级）"); a 部门合计 that would equal the footer's total is left out.

Subtotal rows exist only while the rows are in department order (the default, or sorted by the
部门 column) and no search text is given: sorted by a figure, a department's people are no longer
next to each other, and a subtotal of search hits would mislead.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from hrdesk.core.org.ordering import DepartmentLevel, DepartmentTotal, layout
from hrdesk.core.payroll.rules.report import PayrollRow
from hrdesk.core.people.employee_table import text_sort_key

DISPLAY = Qt.ItemDataRole.DisplayRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
FONT = Qt.ItemDataRole.FontRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
HORIZONTAL = Qt.Orientation.Horizontal
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

SUBTOTAL_BACKGROUND = QColor("#eef3fa")
ROLLUP_BACKGROUND = QColor("#e4ebf5")  # a 部门合计 (含下级): a shade darker than a 小计
TOTAL_BACKGROUND = QColor("#dde5f0")
WARNING_COLOR = QColor("#b3261e")

EMP_NO, NAME, DEPARTMENT, PAID_DAYS = range(4)
FIRST_AMOUNT = 4  # 基本工资 … 人工成本
ZERO = Decimal("0.00")

EMPLOYEE, SUBTOTAL = "employee", "subtotal"


def _tr(text: str) -> str:
    return QCoreApplication.translate("PayrollModel", text)


def headers() -> list[str]:
    return [
        _tr("工号"),
        _tr("姓名"),
        _tr("部门"),
        _tr("计薪天数"),
        _tr("基本工资"),
        _tr("应发合计"),
        _tr("个人社保公积金"),
        _tr("专项附加扣除"),
        _tr("本月个税"),
        _tr("税后扣款"),
        _tr("报销"),
        _tr("实发工资"),
        _tr("单位社保公积金"),
        _tr("人工成本"),
    ]


def view_headers() -> list[str]:
    """The headers as the table shows them: the long ones on two lines, so the columns stay narrow
    enough for the whole sheet to fit beside the detail panel."""
    wrapped = {
        _tr("个人社保公积金"): _tr("个人社保\n公积金"),
        _tr("专项附加扣除"): _tr("专项附加\n扣除"),
        _tr("单位社保公积金"): _tr("单位社保\n公积金"),
    }
    return [wrapped.get(label, label) for label in headers()]


def header_tips() -> dict[int, str]:
    return {
        PAID_DAYS: _tr("本月在职的计薪日（周一至周五，含法定节假日；整月为当月全部计薪日）"),
        5: _tr("基本工资 + 各应发项目 + 奖金、补偿金 − 税前扣款"),
        6: _tr("个人缴纳的养老、医疗、失业保险和住房公积金（专项扣除）"),
        8: _tr("工资薪金预扣个税 + 全年一次性奖金个税 + 补偿金个税"),
        11: _tr("应发合计 − 个人社保公积金 − 本月个税 − 税后扣款 + 报销"),
        13: _tr("应发合计 + 单位社保公积金"),
    }


COLUMN_COUNT = 14
AMOUNT_COLUMNS = frozenset(range(PAID_DAYS, COLUMN_COUNT))


def money(amount: Decimal) -> str:
    return f"{amount:,.2f}"


class Entry:
    """One table row: ``cells`` the display strings, ``values`` the raw figures (sort keys)."""

    __slots__ = (
        "kind",
        "cells",
        "values",
        "employee_id",
        "department",
        "order",
        "search",
        "warnings",
        "chain",
        "rolled_up",
    )

    def __init__(
        self,
        kind: str,
        cells: tuple,
        values: tuple,
        employee_id: int | None = None,
        department: str = "",
        order: int = 0,
        search: str = "",
        warnings: tuple[str, ...] = (),
        chain: tuple[DepartmentLevel, ...] = (),
        rolled_up: bool = False,
    ):
        self.kind = kind
        self.cells = cells
        self.values = values
        self.employee_id = employee_id
        self.department = department
        self.order = order  # position in the default order (the organisation tree's, then 工号)
        self.search = search
        self.warnings = warnings
        self.chain = chain  # the departments from the root down to the person's
        self.rolled_up = rolled_up  # a subtotal of a whole subtree (部门合计), not of own people


def _figures(row: PayrollRow) -> tuple:
    p = row.payslip
    return (
        p.base_pay,
        p.gross_pay,
        p.employee_insurance,
        p.special_additional,
        p.total_tax,
        p.after_tax_deductions,
        p.reimbursements,
        p.net_pay,
        p.employer_insurance,
        p.employer_cost,
    )


def build_entries(rows: list[PayrollRow]) -> list[Entry]:
    """Display entries in the service's order (the organisation tree's, then 工号); runs in the worker."""
    entries = []
    for order, row in enumerate(rows):
        figures = _figures(row)
        department = row.department or _tr("（未分配部门）")
        days = row.payslip.paid_days
        cells = (row.emp_no, row.name, department, str(days)) + tuple(money(v) for v in figures)
        values = (text_sort_key(row.emp_no), text_sort_key(row.name), order, days) + figures
        entries.append(
            Entry(
                EMPLOYEE,
                cells,
                values,
                row.employee_id,
                department,
                order,
                f"{row.emp_no}\n{row.name}\n{department}".lower(),
                tuple(row.payslip.warnings),
                row.department_levels,
            )
        )
    return entries


def sum_figures(entries) -> tuple[int, tuple]:
    """(people, sums of 基本工资 … 人工成本) over employee entries."""
    columns = list(zip(*(entry.values[FIRST_AMOUNT:] for entry in entries), strict=True))
    if not columns:
        return 0, (ZERO,) * (COLUMN_COUNT - FIRST_AMOUNT)
    return len(columns[0]), tuple(sum(column, ZERO) for column in columns)


def subtotal_label(total: DepartmentTotal) -> str:
    path = total.department.path or _tr("（未分配部门）")
    count = len(total.members)
    if total.rolled_up:
        return _tr("{0}（含下级） 部门合计（{1}人）").format(path, count)
    if total.has_subdepartments:
        return _tr("{0}（本部） 小计（{1}人）").format(path, count)
    return _tr("{0} 小计（{1}人）").format(path, count)


def _subtotal(total: DepartmentTotal) -> Entry:
    members = total.members
    count, sums = sum_figures(members)
    cells = (subtotal_label(total), "", "", "") + tuple(money(v) for v in sums)
    first = min(member.order for member in members)
    entry = Entry(SUBTOTAL, cells, ("", "", first, 0) + sums, None, members[0].department, first)
    entry.rolled_up = total.rolled_up
    return entry


def department_paths(entries: list[Entry]) -> list[str]:
    """Every department that has people in the run, with the parents of sub-departments, in the
    organisation tree's order (``entries`` in the service's order)."""
    paths: set[str] = set()
    for entry in entries:
        parts = entry.department.split("/")
        for i in range(1, len(parts) + 1):
            paths.add("/".join(parts[:i]))
    ordered: dict[str, None] = {}
    for entry in entries:
        for level in entry.chain:
            if level.path in paths:
                ordered.setdefault(level.path)
        ordered.setdefault(entry.department)
    return list(ordered) + sorted(paths - ordered.keys(), key=text_sort_key)


class PayrollModel(QAbstractTableModel):
    totals_changed = Signal()  # the shown employees changed: the footer has new sums

    def __init__(self, parent=None):
        super().__init__(parent)
        self._headers = view_headers()
        self._plain_headers = headers()
        self._tips = header_tips()
        self._all: list[Entry] = []  # every employee, in the current sort order
        self._rows: list[Entry] = []  # what the table shows (with subtotal rows when allowed)
        self._shown: list[Entry] = []  # the employees shown (no subtotals)
        self._text = ""
        self._department: str | None = None
        self._sort: tuple[int, bool] = (DEPARTMENT, False)
        self._bold = QFont()
        self._bold.setBold(True)

    # --- data in -----------------------------------------------------------------------------

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self._all = list(entries)
        self._sort_all()
        self._rows = self._build()
        self.endResetModel()
        self.totals_changed.emit()

    def clear(self) -> None:
        self.set_entries([])

    def set_filter(self, text: str | None = None, department: str | None | type(...) = ...) -> None:
        """Search text over 工号/姓名/部门 and a department (its sub-departments included)."""
        if text is not None:
            self._text = text.strip().lower()
        if department is not ...:
            self._department = department or None
        self.beginResetModel()
        self._rows = self._build()
        self.endResetModel()
        self.totals_changed.emit()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < COLUMN_COUNT:
            return
        self._sort = (column, order == Qt.SortOrder.DescendingOrder)
        self.layoutAboutToBeChanged.emit()
        self._sort_all()
        self._rows = self._build()
        self.layoutChanged.emit()

    def _sort_all(self) -> None:
        column, descending = self._sort
        # stable: equal figures keep the department order, also when descending
        self._all.sort(key=lambda e: e.values[column], reverse=descending)

    def _build(self) -> list[Entry]:
        terms = self._text.split()
        department = self._department
        prefix = department + "/" if department else None
        shown = self._all
        if department:
            shown = [e for e in shown if e.department == department or e.department.startswith(prefix)]
        if terms:
            shown = [e for e in shown if all(t in e.search for t in terms)]
        self._shown = shown if shown is not self._all else list(shown)
        if not self.subtotals_shown() or not shown:
            return list(shown)
        return [
            _subtotal(item) if isinstance(item, DepartmentTotal) else item
            for item in layout(shown, lambda entry: entry.chain)
        ]

    # --- state for the page --------------------------------------------------------------------

    def subtotals_shown(self) -> bool:
        """Subtotals only in department order and without search text."""
        return self._sort[0] == DEPARTMENT and not self._text.split()

    def is_filtered(self) -> bool:
        return bool(self._text.split()) or self._department is not None

    def total_count(self) -> int:
        return len(self._all)

    def shown_count(self) -> int:
        return len(self._shown)

    def shown_employees(self) -> list[Entry]:
        return self._shown

    def subtotal_rows(self) -> list[int]:
        return [i for i, e in enumerate(self._rows) if e.kind == SUBTOTAL]

    def entry(self, row: int) -> Entry:
        return self._rows[row]

    def employee_id(self, row: int) -> int | None:
        return self._rows[row].employee_id if 0 <= row < len(self._rows) else None

    def row_of(self, employee_id: int) -> int:
        for i, entry in enumerate(self._rows):
            if entry.employee_id == employee_id:
                return i
        return -1

    def totals(self) -> tuple[int, tuple]:
        return sum_figures(self._shown)

    # --- Qt model interface ------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index, role=DISPLAY):
        if role == DISPLAY:
            return self._rows[index.row()].cells[index.column()]
        if role == ALIGN:
            return RIGHT if index.column() in AMOUNT_COLUMNS else LEFT
        entry = self._rows[index.row()]
        if entry.kind == SUBTOTAL:
            if role == FONT:
                return self._bold
            if role == BACKGROUND:
                return ROLLUP_BACKGROUND if entry.rolled_up else SUBTOTAL_BACKGROUND
            if role == TOOLTIP:
                if entry.rolled_up:
                    return _tr("部门合计：本部门及其全部下级部门人员的合计（已含上面的各小计，不要再相加）")
                return _tr("部门小计：只在按部门顺序显示且没有搜索条件时显示")
            return None
        if entry.warnings:
            if role == FOREGROUND and index.column() in (EMP_NO, NAME):
                return WARNING_COLOR
            if role == TOOLTIP:
                return "\n".join(entry.warnings)
        if role == FOREGROUND and index.column() == 11 and entry.values[11] < 0:
            return WARNING_COLOR
        if role == TOOLTIP and index.column() == DEPARTMENT and len(entry.department) > 10:
            return entry.department
        return None

    def headerData(self, section, orientation, role=DISPLAY):
        if orientation != HORIZONTAL or not 0 <= section < COLUMN_COUNT:
            return None
        if role == DISPLAY:
            return self._headers[section]
        if role == TOOLTIP:
            tip = self._tips.get(section, self._plain_headers[section])
            rule = _tr(
                "点击列标题排序。部门小计只在按部门顺序（默认，或按“部门”列排序）显示且没有输入搜索条件时显示；"
                "按其他列排序或搜索时隐藏。合计行始终固定在表格底部。"
            )
            return f"{tip}\n{rule}" if tip else rule
        if role == ALIGN:
            return RIGHT if section in AMOUNT_COLUMNS else LEFT
        return None


class TotalsModel(QAbstractTableModel):
    """The footer: one row with the totals of the employees shown."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._cells: tuple = ("",) * COLUMN_COUNT
        self._tip = ""
        self._bold = QFont()
        self._bold.setBold(True)

    def set_totals(self, count: int, sums: tuple, filtered: bool) -> None:
        label = (_tr("筛选合计（{0}人）") if filtered else _tr("合计（{0}人）")).format(count)
        self._cells = (
            (label, "", "", "") + tuple(money(v) for v in sums) if count else (label,) + ("",) * (COLUMN_COUNT - 1)
        )
        self._tip = _tr("当前筛选条件下显示的员工合计") if filtered else _tr("本月全部员工合计")
        self.dataChanged.emit(self.index(0, 0), self.index(0, COLUMN_COUNT - 1))

    def cells(self) -> tuple:
        return self._cells

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 1

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index, role=DISPLAY):
        if role == DISPLAY:
            return self._cells[index.column()]
        if role == ALIGN:
            return RIGHT if index.column() in AMOUNT_COLUMNS else LEFT
        if role == FONT:
            return self._bold
        if role == BACKGROUND:
            return TOTAL_BACKGROUND
        if role == TOOLTIP:
            return self._tip
        return None

    def headerData(self, section, orientation, role=DISPLAY):
        return None

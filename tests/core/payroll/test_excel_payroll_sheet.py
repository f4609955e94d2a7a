"""The printed 工资表 (issue 11): departments in the organisation tree's order with rolled-up
subtotals that add up, and the print set-up finance files it with (A4 landscape at a readable
scale, 工号/姓名/部门 and the header on every page, the columns split between their groups, page
numbers, the signature line on the last page).

Every workbook is read back with openpyxl. The expected order and sums come from the tree the test
builds and from the people's own figures, never from the sheet's subtotals.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from hrdesk.core.org import departments, ordering
from hrdesk.core.org.tree import DepartmentKind
from hrdesk.core.payroll import runs
from hrdesk.core.payroll.excel import sheet
from hrdesk.core.payroll.excel.sheet import write_payroll_sheet
from hrdesk.core.payroll.rules.report import RunStatus
from tests.payroll_samples import bulk_rows, header, make_row, sample_rows

D = Decimal
ZERO = D("0.00")

# id: (name, parent, sort order). 测试部 sorts before 平台部 by its sort order although its name
# comes later; 销售部 has no people of its own, only its 华东销售部; 总公司 (the root) has its 总经理.
TREE = {
    1: ("总公司", None, 0),
    2: ("研发中心", 1, 1),
    3: ("人事部", 1, 2),
    4: ("平台部", 2, 2),
    5: ("测试部", 2, 1),
    6: ("销售部", 1, 3),
    7: ("华东销售部", 6, 1),
}
CHAINS = ordering.chains((i, name, parent, order) for i, (name, parent, order) in TREE.items())
PEOPLE = [  # (工号, name, department id or None), deliberately out of order
    ("E07", "华东甲", 7),
    ("E03", "平台乙", 4),
    ("E09", "无部门", None),
    ("E01", "总经理", 1),
    ("E05", "人事丙", 3),
    ("E02", "平台甲", 4),
    ("E04", "测试甲", 5),
    ("E06", "研发经理", 2),
    ("E08", "华东乙", 7),
]
# what the sheet shows in 工号 / 部门 for each line, top to bottom
EXPECTED = [
    ("E01", "总公司"),
    ("小计", "总公司（本部）"),
    ("E06", "研发中心"),
    ("小计", "研发中心（本部）"),
    ("E04", "研发中心/测试部"),
    ("小计", "研发中心/测试部"),
    ("E03", "研发中心/平台部"),  # within a department, the order given is kept
    ("E02", "研发中心/平台部"),
    ("小计", "研发中心/平台部"),
    ("部门合计", "研发中心（含下级）"),
    ("E05", "人事部"),
    ("小计", "人事部"),
    ("E07", "销售部/华东销售部"),
    ("E08", "销售部/华东销售部"),
    ("小计", "销售部/华东销售部"),
    ("部门合计", "销售部（含下级）"),
    ("部门合计", "总公司（含下级）"),  # not everyone: the person without a department is not in it
    ("E09", "未分配部门"),
    ("小计", "未分配部门"),
    ("合计", None),
]


def tree_rows():
    rows = []
    for n, (emp_no, name, dept) in enumerate(PEOPLE, start=1):
        row = make_row(n, emp_no, name, "", salary=str(8000 + 1000 * n))
        chain = CHAINS[dept] if dept is not None else ()
        rows.append(
            replace(row, department_id=dept, department=chain[-1].path if chain else "", department_chain=chain)
        )
    return rows


def num(value) -> Decimal:
    return ZERO if value is None else D(str(value)).quantize(D("0.01"))


def read_lines(ws):
    """(工号 cell, 部门 cell, {header: amount}) for every line between the header and the 合计."""
    headers = {ws.cell(4, c).value: c for c in range(1, ws.max_column + 1)}
    money = [h for h, c in headers.items() if c >= 5]
    lines = []
    for r in range(5, ws.max_row + 1):
        first = ws.cell(r, 1).value
        lines.append((first, ws.cell(r, 3).value, {h: ws.cell(r, headers[h]).value for h in money}))
        if first == "合计":
            break
    return lines


def subtree(dept: int) -> set[int]:
    below = {dept}
    for child, (_, parent, _) in TREE.items():
        if parent == dept:
            below |= subtree(child)
    return below


def test_departments_follow_the_tree_and_the_subtotals_add_up(tmp_path):
    rows = tree_rows()
    ws = openpyxl.load_workbook(write_payroll_sheet(tmp_path / "x.xlsx", header(), rows))["工资表"]
    lines = read_lines(ws)
    assert [(first, dept) for first, dept, _ in lines] == EXPECTED

    by_no = {r.emp_no: r for r in rows}
    person = {first: amounts for first, _, amounts in lines if first in by_no}
    summed = [h for h in lines[0][2] if h != "累计应纳税所得额"]

    def people_sum(emp_nos, column):
        return sum((num(person[e][column]) for e in emp_nos), ZERO)

    def line(first, dept):
        return next(amounts for f, d, amounts in lines if (f, d) == (first, dept))

    def total_of(dept: int):
        """The line that closes a department: its roll-up if it has sub-departments, else its 小计."""
        path = CHAINS[dept][-1].path
        has_children = any(parent == dept for _, parent, _ in TREE.values())
        return line("部门合计", f"{path}（含下级）") if has_children else line("小计", path)

    # every 小计 is the people right above it, and every person is in exactly one 小计
    counted, group = [], []
    for first, _, amounts in lines:
        if first in by_no:
            group.append(first)
        elif first == "小计":
            for column in summed:
                assert num(amounts[column]) == people_sum(group, column), (first, column)
            counted += group
            group = []
    assert sorted(counted) == sorted(by_no)

    # a roll-up is the department's own people plus its sub-departments' closing lines …
    for dept in (1, 2, 6):
        path = CHAINS[dept][-1].path
        rolled = line("部门合计", f"{path}（含下级）")
        own = [e for e, _, d in PEOPLE if d == dept]
        children = [child for child, (_, parent, _) in TREE.items() if parent == dept]
        for column in summed:
            expected = people_sum(own, column) + sum((num(total_of(c)[column]) for c in children), ZERO)
            assert num(rolled[column]) == expected, (path, column)
            # … which is everyone in the subtree, each once
            inside = [e for e, _, d in PEOPLE if d in subtree(dept)]
            assert num(rolled[column]) == people_sum(inside, column)
    assert ws.cell(5 + EXPECTED.index(("部门合计", "研发中心（含下级）")), 2).value == "4人"

    # the 合计 is the sum of the people, not of the subtotals and roll-ups
    grand = lines[-1][2]
    for column in summed:
        assert num(grand[column]) == people_sum(by_no, column)
        assert num(grand[column]) == sum((num(a[column]) for f, _, a in lines if f == "小计"), ZERO)
    net = sum((r.payslip.net_pay for r in rows), ZERO)
    assert num(grand["实发工资"]) == net and net > 0

    # 累计 figures are per person: blank in every subtotal, roll-up and the 合计
    for first, _, amounts in lines:
        if first not in by_no:
            assert amounts["累计应纳税所得额"] is None, first
        else:
            assert amounts["累计应纳税所得额"] is not None


def test_rows_without_a_known_tree_follow_their_paths(tmp_path):
    """Rows that carry only the path (the 工资表 of an older caller): the path's levels are the tree."""
    rows = [
        make_row(1, "E1", "甲", "销售部/华南销售部"),
        make_row(2, "E2", "乙", "人事部"),
        make_row(3, "E3", "丙", "销售部"),
        make_row(4, "E4", "丁", "销售部/华东销售部"),
    ]
    ws = openpyxl.load_workbook(write_payroll_sheet(tmp_path / "x.xlsx", header(), rows))["工资表"]
    assert [(first, dept) for first, dept, _ in read_lines(ws)] == [
        ("E2", "人事部"),
        ("小计", "人事部"),
        ("E3", "销售部"),
        ("小计", "销售部（本部）"),
        ("E4", "销售部/华东销售部"),
        ("小计", "销售部/华东销售部"),
        ("E1", "销售部/华南销售部"),
        ("小计", "销售部/华南销售部"),
        ("部门合计", "销售部（含下级）"),
        ("合计", None),
    ]


def test_print_setup_a4_landscape_readable_with_titles_and_breaks(tmp_path):
    rows = tree_rows()
    ws = openpyxl.load_workbook(write_payroll_sheet(tmp_path / "x.xlsx", header(), rows))["工资表"]
    setup = ws.page_setup
    assert setup.orientation == "landscape" and str(setup.paperSize) == "9"  # A4
    assert not ws.sheet_properties.pageSetUpPr.fitToPage and not setup.fitToWidth
    assert 70 <= setup.scale <= 100
    assert setup.pageOrder == "overThenDown"
    assert ws.print_title_rows == "$4:$4" and ws.print_title_cols == "$A:$C"
    last_row = ws.max_row
    assert ws.print_area == f"'工资表'!$A$4:${get_column_letter(ws.max_column)}${last_row}"
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
    assert "第" in ws.oddFooter.center.text and "共" in ws.oddFooter.center.text
    assert "工资表" in ws.oddHeader.center.text and ws.oddHeader.right.text == "金额单位：元"
    assert ws.oddHeader.left.text == "状态：已审核"

    # the columns are split only between their groups, and every page fits the paper at that scale
    headers = [ws.cell(4, c).value for c in range(1, ws.max_column + 1)]
    starts = sorted(b.id for b in ws.col_breaks.brk)  # a break after column id: the next page starts there
    assert starts and all(b.man for b in ws.col_breaks.brk)
    group_edges = {"个人养老": "应发合计", "累计应纳税所得额": "专项附加扣除(本月)", "单位养老": "实发工资"}
    for start in starts:
        assert group_edges[headers[start]] == headers[start - 1], headers[start]
    widths = [ws.column_dimensions[get_column_letter(c)].width for c in range(1, ws.max_column + 1)]
    room = sheet.PAGE_UNITS * 100 / setup.scale
    titles = sum(widths[:3])
    bounds = [3, *starts, len(widths)]
    for begin, end in zip(bounds, bounds[1:], strict=False):
        assert titles + sum(widths[begin:end]) <= room, (headers[begin], headers[end - 1])

    # the signature line: the run's names, on the last page's columns, below the 合计
    signature = {ws.cell(last_row, c).value: c for c in range(1, ws.max_column + 1) if ws.cell(last_row, c).value}
    assert list(signature) == ["制表：张会计", "审核：王经理", "批准：__________"]
    assert min(signature.values()) - 1 >= starts[-1]  # on the last page across
    assert ws.cell(last_row - 2, 1).value == "合计" and ws.row_dimensions[last_row].height >= 30


def test_a_sheet_with_many_pay_items_prints_three_pages_across(tmp_path):
    """The sample run's 14 columns of pay: 应发 on one page, the employee's deductions, tax and net
    pay on the next, the employer's contributions and 人工成本 on the third."""
    ws = openpyxl.load_workbook(write_payroll_sheet(tmp_path / "x.xlsx", header(), sample_rows()))["工资表"]
    headers = [ws.cell(4, c).value for c in range(1, ws.max_column + 1)]
    assert [headers[b.id] for b in sorted(ws.col_breaks.brk, key=lambda b: b.id)] == ["个人养老", "单位养老"]
    assert ws.page_setup.scale >= 70


def test_signature_blanks_when_the_run_is_not_approved(tmp_path):
    ws = openpyxl.load_workbook(
        write_payroll_sheet(tmp_path / "x.xlsx", header(status=RunStatus.CALCULATED), tree_rows())
    )["工资表"]
    texts = [ws.cell(ws.max_row, c).value for c in range(1, ws.max_column + 1) if ws.cell(ws.max_row, c).value]
    assert texts == ["制表：张会计", "审核：__________", "批准：__________"]
    assert ws.oddHeader.left.text == "状态：已计算"


def test_pages_down_keep_the_signature_with_the_last_rows(tmp_path):
    rows = bulk_rows(150)
    ws = openpyxl.load_workbook(write_payroll_sheet(tmp_path / "x.xlsx", header(), rows))["工资表"]
    per_page = sheet.PrintLayout(ws.page_setup.scale, [[0]]).rows_per_page
    assert 25 <= per_page <= 60
    assert ws.sheet_format.defaultRowHeight == sheet.ROW_HEIGHT and ws.sheet_format.customHeight
    total_row = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value == "合计")
    ends = [b.id for b in ws.row_breaks.brk]  # each page down ends after that row
    bounds = [4, *ends, total_row]
    for top, bottom in zip(bounds, bounds[1:], strict=False):
        assert 0 < bottom - top <= per_page
    # the rows at 16 pt plus the repeated header fit the paper at the scale
    assert sheet.HEADER_HEIGHT + per_page * sheet.ROW_HEIGHT <= sheet.PAGE_HEIGHT * 100 / ws.page_setup.scale


@pytest.mark.parametrize("per_page", [5, 8, 40])
def test_row_breaks_never_leave_the_signature_alone(per_page):
    tail = 4
    for rows in range(1, 5 * per_page):
        breaks = sheet.row_breaks(rows, per_page, tail)
        bounds = [0, *breaks, rows]
        sizes = [b - a for a, b in zip(bounds, bounds[1:], strict=False)]
        assert all(0 < size <= per_page for size in sizes), (rows, breaks)
        assert sizes[-1] + tail <= per_page or sizes[-1] == 1, (rows, breaks)


def test_pack_pages_keeps_groups_whole_and_splits_only_a_group_too_wide():
    groups = [[(0, 50), (1, 50)], [(2, 30)], [(3, 40), (4, 40)], [(5, 90), (6, 90)]]
    assert sheet.pack_pages(groups, 140) == [[0, 1, 2], [3, 4], [5], [6]]
    assert sheet.pack_pages(groups, 1000) == [[0, 1, 2, 3, 4, 5, 6]]


def test_service_rows_come_in_the_tree_order(company):
    """runs.rows: siblings by their sort order (not the characters of the path), a department's own
    people before its sub-departments, then 工号; the rows carry the chain the sheet and page use."""
    ctx = company.system
    depts = company.depts

    def move(name: str, sort_order: int) -> None:
        info = next(d for d in departments.list_departments(ctx) if d.id == depts[name])
        departments.update_department(
            ctx,
            info.id,
            name=info.name,
            kind=DepartmentKind(info.kind),
            parent_id=info.parent_id,
            head_employee_id=info.head_employee_id,
            sort_order=sort_order,
        )

    move("销售部", 1)  # first, although 人事部 comes first by its characters
    move("财务部", 2)
    move("人事部", 3)
    move("地铁项目部", 4)
    hr = company.login("hr")
    month = (hr.clock.today().replace(day=1) - timedelta(days=1)).replace(day=1)
    runs.calculate_month(hr, month)
    rows = runs.rows(company.login("finance"), month)
    order = [row.department for row in rows]
    firsts = list(dict.fromkeys(order))
    assert firsts == ["销售部", "销售部/华东销售部", "财务部", "人事部", "地铁项目部"]
    sales = [row.emp_no for row in rows if row.department == "销售部"]
    assert sales == sorted(sales) and len(sales) == 4
    east = rows[order.index("销售部/华东销售部")]
    assert [level.name for level in east.department_chain] == ["总公司", "销售部", "华东销售部"]
    assert east.department_levels == east.department_chain

    path = runs.rows(company.login("finance"), month)
    assert [r.employee_id for r in path] == [r.employee_id for r in rows]  # the same order every time

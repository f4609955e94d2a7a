"""工资核算 page (issue 11): people and department subtotals in the organisation tree's order, the
same order and subtotals as the printed 工资表, roll-ups that add up, and the 部门 filter in the
tree's order."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import openpyxl
import pytest
from PySide6.QtCore import Qt

from hrdesk.core.org import departments
from hrdesk.core.org.ordering import person_key
from hrdesk.core.org.tree import DepartmentKind
from hrdesk.core.payroll import runs
from hrdesk.core.payroll.excel.sheet import write_payroll_sheet
from hrdesk.ui.payroll.payroll_model import DEPARTMENT, SUBTOTAL, PayrollModel, build_entries, department_paths
from hrdesk.ui.payroll.run.page import PayrollPage
from hrdesk.ui.shell.app import make_session
from tests.core.payroll.test_excel_payroll_sheet import EXPECTED, PEOPLE, TREE, subtree, tree_rows
from tests.payroll_samples import header
from tests.ui.qt_helpers import screenshot

D = Decimal
NET = 11  # 实发工资
GROSS = 5  # 应发合计


def in_service_order(rows):
    return sorted(rows, key=lambda row: (person_key(row.department_levels), row.emp_no))


def sheet_sequence(expected):
    """The sheet's lines as the page names them: a 工号, or (kind, department label)."""
    out = []
    for first, dept in expected:
        if first == "小计":
            out.append(("小计", dept))
        elif first == "部门合计":
            out.append(("部门合计", dept))
        elif first != "合计":
            out.append(first)
    return out


def page_sequence(model: PayrollModel):
    out = []
    for r in range(model.rowCount()):
        entry = model.entry(r)
        if entry.kind != SUBTOTAL:
            out.append(entry.cells[0])
            continue
        label = entry.cells[0]
        kind = "部门合计" if " 部门合计（" in label else "小计"
        dept = label.split(" 部门合计（" if kind == "部门合计" else " 小计（")[0]
        out.append((kind, dept.replace("（未分配部门）", "未分配部门")))
    return out


def figures(model: PayrollModel, row: int, column: int) -> Decimal:
    return D(model.entry(row).cells[column].replace(",", ""))


def test_the_page_lists_what_the_sheet_prints_in_the_same_order(qapp, tmp_path):
    rows = in_service_order(tree_rows())
    model = PayrollModel()
    model.set_entries(build_entries(rows))
    sequence = page_sequence(model)
    expected = sheet_sequence(EXPECTED)
    # within a department the service sorts by 工号 (the sheet keeps what it is given)
    assert [s for s in sequence if isinstance(s, tuple)] == [s for s in expected if isinstance(s, tuple)]
    assert sequence.index(("小计", "研发中心/平台部")) - sequence.index("E02") == 2  # E02, E03, 小计
    assert [s for s in sequence if not isinstance(s, tuple)] == [r.emp_no for r in rows]

    # the sheet written from the same rows prints the same lines in the same order
    ws = openpyxl.load_workbook(write_payroll_sheet(tmp_path / "x.xlsx", header(), rows))["工资表"]
    printed = []
    for r in range(5, ws.max_row + 1):
        first, dept = ws.cell(r, 1).value, ws.cell(r, 3).value
        if first == "合计":
            break
        printed.append((first, dept) if first in ("小计", "部门合计") else first)
    assert printed == sequence


def test_rolled_up_subtotals_add_up_on_the_page(qapp):
    rows = in_service_order(tree_rows())
    model = PayrollModel()
    model.set_entries(build_entries(rows))
    by_label = {}
    people = {}
    for r in range(model.rowCount()):
        entry = model.entry(r)
        if entry.kind == SUBTOTAL:
            by_label[entry.cells[0]] = r
        else:
            people[entry.cells[0]] = r
    dept_of = {emp_no: dept for emp_no, _, dept in PEOPLE}
    for dept, label in ((2, "研发中心（含下级） 部门合计（4人）"), (6, "销售部（含下级） 部门合计（2人）")):
        row = by_label[label]
        inside = [e for e, d in dept_of.items() if d in subtree(dept)]
        for column in (GROSS, NET):
            assert figures(model, row, column) == sum((figures(model, people[e], column) for e in inside), D("0"))
    # 研发中心 = its own 小计 + 测试部's + 平台部's
    parts = ["研发中心（本部） 小计（1人）", "研发中心/测试部 小计（1人）", "研发中心/平台部 小计（2人）"]
    for column in (GROSS, NET):
        rolled = figures(model, by_label["研发中心（含下级） 部门合计（4人）"], column)
        assert rolled == sum((figures(model, by_label[p], column) for p in parts), D("0"))
    # every person in exactly one 小计: they add up to the footer's total
    count, sums = model.totals()
    small = [r for label, r in by_label.items() if " 小计（" in label]
    assert count == len(PEOPLE)
    assert sum((figures(model, r, NET) for r in small), D("0")) == sums[NET - 4]

    # in reverse department order the subtotals still close their own people
    model.sort(DEPARTMENT, Qt.SortOrder.DescendingOrder)
    labels = [model.entry(r).cells[0] for r in model.subtotal_rows()]
    assert len(labels) == len(by_label) and set(labels) == set(by_label)
    assert model.entry(model.subtotal_rows()[0]).cells[0] == "（未分配部门） 小计（1人）"
    run = 0
    for r in range(model.rowCount()):
        entry = model.entry(r)
        if entry.kind != SUBTOTAL:
            run += 1
        elif " 小计（" in entry.cells[0]:  # the people right above it, no one else
            assert entry.cells[0].endswith(f"（{run}人）"), entry.cells[0]
            run = 0

    # filtered to 研发中心: its roll-up would repeat the footer, so it is left out
    model.sort(DEPARTMENT, Qt.SortOrder.AscendingOrder)
    model.set_filter(department="研发中心")
    labels = [model.entry(r).cells[0] for r in model.subtotal_rows()]
    assert labels == parts


def test_department_filter_lists_the_tree_order(qapp):
    entries = build_entries(in_service_order(tree_rows()))
    assert department_paths(entries) == [
        "总公司",
        "研发中心",
        "研发中心/测试部",
        "研发中心/平台部",
        "人事部",
        "销售部",
        "销售部/华东销售部",
        "（未分配部门）",
    ]
    assert TREE[5][2] < TREE[4][2]  # 测试部 before 平台部 by sort order, not by name


@pytest.fixture
def hr_session(company):
    session = make_session(company.login("hr"), "测试科技有限公司")
    yield session
    session.runner.wait_idle()
    session.signals.detach()


def test_payroll_page_in_the_tree_order(qtbot, company, hr_session):
    ctx = company.system
    for name, order in (("销售部", 1), ("财务部", 2), ("人事部", 3), ("地铁项目部", 4)):
        info = next(d for d in departments.list_departments(ctx) if d.id == company.depts[name])
        departments.update_department(
            ctx,
            info.id,
            name=info.name,
            kind=DepartmentKind(info.kind),
            parent_id=info.parent_id,
            head_employee_id=info.head_employee_id,
            sort_order=order,
        )
    hr = company.login("hr")
    month = (hr.clock.today().replace(day=1) - timedelta(days=1)).replace(day=1)
    runs.calculate_month(hr, month)

    page = PayrollPage(hr_session)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.set_month(month)
    qtbot.waitUntil(lambda: not page.loader.loading and page.shown_month == page.month(), timeout=10000)
    model = page.model
    labels = [model.entry(r).cells[0] for r in model.subtotal_rows()]
    assert labels == [
        "销售部（本部） 小计（4人）",
        "销售部/华东销售部 小计（1人）",
        "销售部（含下级） 部门合计（5人）",
        "财务部 小计（1人）",
        "人事部 小计（1人）",
        "地铁项目部 小计（1人）",
    ]
    # the people in the service's order, which the exported 工资表 prints too
    service = [r.emp_no for r in runs.rows(hr, month)]
    shown = [model.entry(r).cells[0] for r in range(model.rowCount()) if model.entry(r).kind != SUBTOTAL]
    assert shown == service
    combo = page.department_filter
    assert [combo.itemData(i) for i in range(1, combo.count())] == [
        "销售部",
        "销售部/华东销售部",
        "财务部",
        "人事部",
        "地铁项目部",
    ]
    rolled = model.entry(model.subtotal_rows()[2])
    parts = [model.entry(r) for r in model.subtotal_rows()[:2]]
    for column in (GROSS, NET):
        assert D(rolled.cells[column].replace(",", "")) == sum(
            (D(p.cells[column].replace(",", "")) for p in parts), D("0")
        )
    assert page.table.columnSpan(model.subtotal_rows()[2], 0) == 3
    qtbot.wait(50)
    screenshot(page, "payroll_page_tree_order")

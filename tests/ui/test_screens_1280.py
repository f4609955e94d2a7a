"""The screens of issue 11 at 1280×800, the smallest screen HRDesk is made for, filled with the demo
company's 200 people (sub-departments, 项目部 with seconded staff, long names): 工资核算 with its
detail panel closed until a person is chosen, 员工档案 with 手机 whole, 组织架构 with the direct and
the subtree counts (the latter the count of the register's tree), and the 离职结算 tab of the flow
dialog with the whole 计算依据 and every 审批步骤.

"Not cut" is checked with Qt's own measure: the item delegate's size hint of every cell, the header
label plus what the style takes for margins and the sort arrow. Pictures go to build/screenshots.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTableView

from hrdesk.core.accounts import auth
from hrdesk.core.flows import checklists, engine, separations
from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.flows.workflow import Action
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.org import departments
from hrdesk.core.org.tree import subtree_ids
from hrdesk.core.payroll import runs
from hrdesk.ui.flows.flow_dialog import FlowDialog
from hrdesk.ui.org.departments_page import COL_COUNT, COL_NAME, COL_SUBTREE, DepartmentsPage
from hrdesk.ui.payroll.run.page import DETAIL_WIDTH, PayrollPage
from hrdesk.ui.people.employees_page import EmployeesPage
from hrdesk.ui.shell.app import make_session
from hrdesk.ui.shell.main_window import MainWindow
from tests.demo_company import demo_fixture
from tests.helpers import verify_average_wage
from tests.ui.qt_helpers import screenshot

WIDTH, HEIGHT = 1280, 800
MONTH = date(2026, 2, 1)  # the month before the demo's today

demo = demo_fixture()


@pytest.fixture(scope="module")
def calculated(demo):
    """February, which the demo has calculated and paid."""
    summary = runs.summary(demo.login("finance"), MONTH)
    assert summary is not None
    return summary


@pytest.fixture
def windows(demo, qtbot):
    """``windows(username)``: the main window at 1280×800 for one of the demo's logins."""
    made = []

    def open_window(username: str) -> MainWindow:
        session = make_session(demo.login(username), "示例科技有限公司")
        window = MainWindow(session)
        qtbot.addWidget(window)
        window.resize(WIDTH, HEIGHT)
        window.show()
        made.append(session)
        return window

    yield open_window
    for session in made:
        session.runner.wait_idle()
        session.signals.detach()


def settle(qtbot) -> None:
    qtbot.wait(50)  # layouts and the first paint, before pictures and geometry


def cell_width_needed(table: QTableView, row: int, column: int) -> int:
    """What Qt's delegate asks for the cell (its font, bold or not, its margins) and the grid line."""
    option = QStyleOptionViewItem()
    option.initFrom(table)
    option.font = table.font()
    option.fontMetrics = table.fontMetrics()
    return table.itemDelegate().sizeHint(option, table.model().index(row, column)).width() + int(table.showGrid())


def header_width_needed(table: QTableView, column: int) -> int:
    """The header label's widest line, the style's margins and, on the sorted column, the arrow
    (QCommonStyle takes half the header's height plus two margins off the label for it)."""
    header = table.horizontalHeader()
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
    label = str(table.model().headerData(column, Qt.Orientation.Horizontal))
    width = max(header.fontMetrics().horizontalAdvance(line) for line in label.split("\n")) + 4 * margin
    if table.isSortingEnabled() and header.sortIndicatorSection() == column:
        width += header.height() // 2 + 2 * margin
    return width


def assert_nothing_cut(table: QTableView, columns, spans: dict[int, int] | None = None) -> None:
    """No header and no cell of ``columns`` is narrower than it needs; ``spans`` gives rows whose
    first cell spreads over that many columns (subtotals, the totals row)."""
    spans = spans or {}
    for column in columns:
        width = table.columnWidth(column)
        if not table.horizontalHeader().isHidden():
            assert header_width_needed(table, column) <= width, ("header", column, width)
        for row in range(table.model().rowCount()):
            if column < spans.get(row, 0):
                continue
            assert cell_width_needed(table, row, column) <= width, (
                row,
                column,
                table.model().index(row, column).data(),
            )
    for row, span in spans.items():
        spread = sum(table.columnWidth(c) for c in range(span))
        assert cell_width_needed(table, row, 0) <= spread, (row, table.model().index(row, 0).data())


def click_row(qtbot, table: QTableView, row: int) -> None:
    cell = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())


def right_edge(table: QTableView, column: int) -> int:
    return table.columnViewportPosition(column) + table.columnWidth(column)


# --- 工资核算 -------------------------------------------------------------------------------------


def test_payroll_sheet_takes_the_width_until_a_person_is_chosen(qtbot, demo, calculated, windows):
    window = windows("finance")
    page: PayrollPage = window.show_page("payroll")
    page.set_month(MONTH)
    qtbot.waitUntil(lambda: not page.loader.loading and page.shown_month == MONTH, timeout=15000)
    settle(qtbot)
    assert page.model.shown_count() == calculated.employee_count > 150

    # nothing chosen: no panel, the sheet has the width and all 14 columns show, none cut
    assert page.splitter.sizes()[1] == 0 and not page.detail.isVisible() and not page.detail_open()
    assert page.sheet.width() == page.splitter.width()
    table = page.table
    columns = page.model.columnCount()
    screenshot(window, "screen_1280_payroll")
    assert right_edge(table, columns - 1) <= table.viewport().width(), [table.columnWidth(c) for c in range(columns)]
    assert table.horizontalScrollBar().maximum() == 0
    spans = {row: 3 for row in page.model.subtotal_rows()}
    assert_nothing_cut(table, range(columns), spans)
    assert_nothing_cut(page.footer, range(3, columns), {0: 3})  # the pinned totals (millions) too
    screenshot(window, "screen_1280_payroll")

    # a click on a person opens the panel with their payslip
    row = next(r for r in range(page.model.rowCount()) if page.model.employee_id(r) is not None)
    name = page.model.entry(row).cells[1]
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(table.model().index(row, 1)).center()
    )
    settle(qtbot)
    assert page.detail_open() and page.detail.width() == DETAIL_WIDTH
    assert name in page.detail.text() and "实发工资" in page.detail.text()
    assert page.detail.close_button is not None and page.detail.close_button.isVisible()
    # beside the panel: 工号, 姓名, the whole 部门 and the first figures; the rest a scroll away
    screenshot(window, "screen_1280_payroll_detail")
    shown = [c for c in range(columns) if right_edge(table, c) <= table.viewport().width()]
    assert len(shown) >= 7 and table.horizontalScrollBar().maximum() > 0, [table.columnWidth(c) for c in range(columns)]

    # ✕ closes it; a click on the same row opens it again; Esc closes it too
    qtbot.mouseClick(page.detail.close_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert not page.detail_open() and page.current_employee_id() is not None
    assert right_edge(table, columns - 1) <= table.viewport().width()
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(table.model().index(row, 1)).center()
    )
    assert page.detail_open() and name in page.detail.text()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=5000)  # shortcuts need the active window
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Escape)
    assert not page.detail_open()

    # a reload keeps the person and leaves the panel as the user left it: closed …
    with qtbot.waitSignal(page.loaded, timeout=15000):
        page.reload()
    assert page.current_employee_id() is not None and not page.detail_open()
    # … or open, at the width the user dragged it to
    subtotal = page.model.subtotal_rows()[0]  # a department's subtotal: nobody to explain, stays closed
    table.setCurrentIndex(page.model.index(subtotal, 0))
    assert not page.detail_open()
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the next department's first person opens it
    assert page.detail_open() and page.current_employee_id() == page.model.employee_id(subtotal + 1) is not None
    total = sum(page.splitter.sizes())
    page.splitter.moveSplitter(total - 500, 1)
    assert page.splitter.sizes()[1] == 500
    with qtbot.waitSignal(page.loaded, timeout=15000):
        page.reload()
    assert page.detail_open() and page.splitter.sizes()[1] == 500
    qtbot.keyClick(table, Qt.Key.Key_Escape)
    page.select_employee(page.model.employee_id(row))
    assert page.splitter.sizes()[1] == 500  # reopens at the user's width

    # another month: nobody is chosen, the panel closes
    page.step_month(-1)
    assert not page.detail_open()


# --- 员工档案 -------------------------------------------------------------------------------------


def test_register_shows_the_usual_columns_whole(qtbot, demo, windows):
    window = windows("hr")
    page: EmployeesPage = window.show_page("employees")
    qtbot.waitUntil(lambda: page.model.total_count() > 0 and not page.loader.loading, timeout=15000)
    settle(qtbot)
    table = page.table
    keys = [c.key for c in page.model.columns]
    phone = keys.index("phone")
    screenshot(window, "screen_1280_employees")
    # every column up to 手机 fits on the first screen, and the dates after it
    assert right_edge(table, phone) <= table.viewport().width(), [table.columnWidth(c) for c in range(phone + 1)]
    assert right_edge(table, keys.index("hire_date")) <= table.viewport().width()
    visible = [c for c in range(len(keys)) if not table.isColumnHidden(c)]
    assert_nothing_cut(table, visible)
    phones = [page.model.value(r, "phone") for r in range(page.model.rowCount())]
    assert all(len(p) == 11 for p in phones if p)

    # the department tree: the open branches fit beside the table, and opening one widens it so
    # that its labels show whole (never cut; beyond TREE_MAX_WIDTH it would scroll sideways)
    tree = page.tree
    assert tree.textElideMode() == Qt.TextElideMode.ElideNone
    assert tree.horizontalScrollBar().maximum() == 0 and tree.header().sectionSize(0) <= tree.viewport().width()
    before = tree.width()
    engineering = next(
        tree.topLevelItem(0).child(0).child(i)
        for i in range(tree.topLevelItem(0).child(0).childCount())
        if tree.topLevelItem(0).child(0).child(i).text(0).startswith("工程中心")
    )
    engineering.setExpanded(True)
    settle(qtbot)
    labels = [engineering.child(i).text(0) for i in range(engineering.childCount())]
    assert any(label.startswith("临港数据中心项目部（") for label in labels), labels  # no second（项目部）
    assert tree.width() > before and tree.horizontalScrollBar().maximum() == 0
    assert tree.sizeHintForColumn(0) <= tree.header().sectionSize(0) <= tree.viewport().width()
    assert right_edge(table, phone) <= table.viewport().width()  # 手机 still whole
    screenshot(window, "screen_1280_employees_tree_open")


# --- 组织架构 and the register's tree: the same counts ----------------------------------------------


def test_org_chart_shows_direct_and_subtree_counts_as_the_register_does(qtbot, demo, windows):
    admin = windows("admin")
    org_page: DepartmentsPage = admin.page("departments")
    with qtbot.waitSignal(org_page.loaded, timeout=15000):
        admin.show_page("departments")
    settle(qtbot)
    hr = windows("hr")
    register: EmployeesPage = hr.show_page("employees")
    qtbot.waitUntil(lambda: register.model.total_count() > 0 and not register.loader.loading, timeout=15000)

    infos = {d.id: d for d in departments.list_departments(demo.login("admin"))}
    parent_of = {d.id: d.parent_id for d in infos.values()}
    titles = [org_page.tree.headerItem().text(c) for c in range(org_page.tree.columnCount())]
    assert titles[COL_COUNT] == "直属人数" and titles[COL_SUBTREE] == "含下级人数"
    shared_seen = False
    for dept_id, info in infos.items():
        item = org_page.item_for(dept_id)
        direct, subtree = int(item.text(COL_COUNT)), int(item.text(COL_SUBTREE))
        assert (direct, subtree) == (info.employee_count, info.subtree_count), info.path
        # the subtree count is the sum of the direct counts shown below it, less who is in two of them
        below = subtree_ids(parent_of, [dept_id])
        shown_below = sum(int(org_page.item_for(d).text(COL_COUNT)) for d in below)
        assert subtree == shown_below - info.shared_count, info.path
        if info.shared_count:
            shared_seen = True
            assert "只计一次" in item.toolTip(COL_SUBTREE)
        # the register's tree says the same, and lists that many when the department is chosen
        register.tree.select_department(dept_id)
        label = register.tree.currentItem().text(0)
        assert label.endswith(f"（{subtree}）"), (label, subtree)
        assert f"直属 {direct} 人，含下级部门共 {subtree} 人" in register.tree.currentItem().toolTip(0)
        assert register.model.rowCount() == subtree, info.path  # status 在职, the default filter
    assert shared_seen  # the demo's seconded staff: the case where the plain sum would differ

    tree = org_page.tree
    assert (
        tree.header().sectionViewportPosition(tree.columnCount() - 1)
        + tree.header().sectionSize(tree.columnCount() - 1)
        <= tree.viewport().width()
    )
    metrics = QFontMetrics(tree.font())
    widest = max(
        metrics.horizontalAdvance(org_page.item_for(d).text(COL_NAME)) + tree.indentation() * (1 + depth(parent_of, d))
        for d in infos
    )
    assert widest <= tree.columnWidth(COL_NAME)
    tree.setCurrentItem(org_page.item_for(next(d for d in infos if infos[d].shared_count)))
    screenshot(admin, "screen_1280_departments")


def depth(parent_of: dict[int, int | None], dept_id: int) -> int:
    level, parent = 0, parent_of[dept_id]
    while parent is not None:
        level, parent = level + 1, parent_of[parent]
    return level


# --- 离职结算 in the flow dialog -----------------------------------------------------------------------


@pytest.fixture
def at_finance(company):
    """李四 (hired 2020-01-06, 12,000) leaves by 协商解除 on 31 March 2026; the manager and the
    administrator (for the 人事 who started it) have approved, a laptop is to be deducted, the flow
    waits at 财务结算."""
    company.clock = FixedClock(datetime(2026, 3, 2, 9, 0))
    hr = at_clock(company, "hr")
    flow = separations.start(hr, company.emps["李四"], SeparationReason.MUTUAL, date(2026, 3, 31), "协商一致，已面谈")
    engine.act(at_clock(company, "manager"), flow.summary.id, Action.APPROVE, "同意")
    engine.act(at_clock(company, "admin"), flow.summary.id, Action.APPROVE, "同意")
    verify_average_wage(company.db, company.emps["李四"])
    laptop = next(i for i in engine.get(at_clock(company, "finance"), flow.summary.id).checklist if "笔记本" in i.title)
    checklists.set_amount(at_clock(company, "admin"), laptop.id, "3000", "笔记本未归还，按净值扣款")
    return company, flow.summary.id


def at_clock(fx, username: str):
    """Signed in on the fixture's clock (the separation's dates are relative to it)."""
    return auth.login(fx.db, username, fx.users[username], fx.clock)


def wrapped_height(font: QFont, width: int, text: str) -> int:
    """The height of ``text`` laid out by Qt's text engine at ``width``, breaking between words or
    anywhere (Chinese has no spaces), in lines of ``lineSpacing``: what showing all of it takes."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = 0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines += 1
    layout.endLayout()
    return lines * QFontMetrics(font).lineSpacing()


@pytest.mark.parametrize("size", [(WIDTH, HEIGHT), (1040, 700)], ids=["1280x800", "default"])
def test_settlement_tab_shows_the_whole_basis_and_every_step(qtbot, at_finance, size):
    fx, flow_id = at_finance
    session = make_session(at_clock(fx, "finance"), "测试科技有限公司")
    try:
        dialog = FlowDialog(session, flow_id)
        qtbot.addWidget(dialog)
        dialog.resize(*size)
        dialog.show()
        panel = dialog.separation.panel
        assert dialog.form.tabs.currentWidget() is panel
        qtbot.waitUntil(lambda: panel.statement is not None and not panel.loader.loading, timeout=15000)
        settle(qtbot)
        f = dialog.form

        # 审批步骤 and 申请内容: every step and the whole proposal, no scrolling
        steps = f.steps_list
        assert steps.count() >= 5 and steps.verticalScrollBar().maximum() == 0
        last = steps.visualItemRect(steps.item(steps.count() - 1))
        assert last.bottom() <= steps.viewport().height(), (last, steps.viewport().height())
        assert f.proposal.verticalScrollBar().maximum() == 0
        assert "协商一致，已面谈" in f.proposal.toPlainText()

        # the 计算依据 of every line whole: each row as tall as its text wrapped at the column's width
        lines = panel.table
        model = panel.model
        basis_width = lines.columnWidth(1) - 8  # the delegate's padding
        metrics = lines.fontMetrics()
        compensation = next(r for r in range(model.rowCount()) if model.item(r, 0).text().startswith("经济补偿金"))
        text = model.item(compensation, 1).text()
        assert "N = 6.5" in text
        for row in range(model.rowCount()):
            needed = wrapped_height(lines.font(), basis_width, model.item(row, 1).text())
            assert lines.rowHeight(row) >= needed, (model.item(row, 0).text(), lines.rowHeight(row), needed)
        assert lines.rowHeight(compensation) >= 3 * metrics.lineSpacing()
        # the table is as tall as its rows: no scroll bar inside the panel's own scrolling
        assert lines.verticalScrollBar().maximum() == 0 and lines.height() >= lines.content_height()
        name = "screen_1280_settlement" if size == (WIDTH, HEIGHT) else "screen_default_settlement"
        screenshot(dialog, name)

        # a narrower window rewraps: still whole
        dialog.resize(size[0] - 200, size[1])
        settle(qtbot)
        for row in range(model.rowCount()):
            needed = wrapped_height(lines.font(), lines.columnWidth(1) - 8, model.item(row, 1).text())
            assert lines.rowHeight(row) >= needed
    finally:
        session.runner.wait_idle()
        session.signals.detach()

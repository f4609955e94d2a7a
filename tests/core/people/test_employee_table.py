"""Filtering and sorting the register's display rows (what the GUI table does on each keystroke)."""

from datetime import date
from decimal import Decimal

from hrdesk.core.people import employee_table as et


def row(emp_id, name, dept, status="regular", project=None, salary=Decimal("1"), hired=date(2020, 1, 1)):
    search = f"e{emp_id:03d}\x1f{name}\x1f138\x1fdept{dept}\x1f".lower()
    return (emp_id, dept, project, status, search, f"E{emp_id:03d}", name, salary, hired)


ROWS = [
    row(1, "张三", 1),
    row(2, "李四", 2, "probation"),
    row(3, "王五", 3, project=9),
    row(4, "安然", 2, "separated", salary="****"),
    row(5, "陈晨", 1, salary=None),
]


def test_text_filter_matches_all_terms_and_keeps_order():
    assert [r[0] for r in et.filter_rows(ROWS, "dept1")] == [1, 5]
    assert [r[0] for r in et.filter_rows(ROWS, "E00 张")] == [1]
    assert et.filter_rows(ROWS, "nobody") == []


def test_status_and_department_filters():
    assert [r[0] for r in et.filter_rows(ROWS, statuses={"regular"})] == [1, 3, 5]
    assert [r[0] for r in et.filter_rows(ROWS, department_ids={2})] == [2, 4]
    assert [r[0] for r in et.filter_rows(ROWS, department_ids={9})] == [3]  # via 项目部
    assert [r[0] for r in et.filter_rows(ROWS, "dept2", {"probation"}, {2})] == [2]


def test_chinese_names_sort_in_pinyin_order():
    rows = list(ROWS)
    et.sort_rows(rows, 6)
    assert [r[6] for r in rows] == ["安然", "陈晨", "李四", "王五", "张三"]


def test_sort_puts_masked_after_values_and_empty_last_both_ways():
    rows = list(ROWS)
    et.sort_rows(rows, 7)
    assert [r[7] for r in rows][-2:] == ["****", None]
    et.sort_rows(rows, 7, descending=True)
    assert rows[-1][7] is None

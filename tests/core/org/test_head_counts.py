"""Head counts of departments (issue 11): 组织架构 shows the direct count and the count with the
departments below; the register's department tree shows the latter. Both come from
hrdesk.core.org.tree.head_counts, and the subtree count is who the register lists for the
department: the sum of the direct counts below, less anyone counted twice in that sum (someone
whose department and 项目部 both lie below)."""

from __future__ import annotations

from collections import Counter

from hrdesk.core.org import departments
from hrdesk.core.org.tree import HeadCount, head_counts, subtree_ids
from hrdesk.core.people import employee_table
from hrdesk.core.people.employee_rules import EmployeeStatus
from tests.demo_company import demo_fixture

demo = demo_fixture()

NOT_SEPARATED = {s.value for s in EmployeeStatus if s.is_active}


def assert_counts_add_up(infos) -> None:
    """For every department: the subtree count is the sum of the direct counts over its subtree,
    less those counted twice in that sum; exactly that sum where nobody is."""
    parent_of = {d.id: d.parent_id for d in infos}
    by_id = {d.id: d for d in infos}
    for dept in infos:
        below = subtree_ids(parent_of, [dept.id])
        direct_sum = sum(by_id[d].employee_count for d in below)
        assert dept.subtree_count == direct_sum - dept.shared_count, dept.path
        if dept.shared_count == 0:
            assert dept.subtree_count == direct_sum, dept.path
        assert dept.subtree_count >= dept.employee_count >= 0


def test_a_small_tree_by_hand():
    # 1 总公司 ├ 2 销售部 ─ 3 华东 └ 4 工程中心 ─ 5 项目部
    parent_of = {1: None, 2: 1, 3: 2, 4: 1, 5: 4}
    placements = Counter(
        {
            (2, None): 3,  # 销售部
            (3, None): 2,  # 华东
            (5, 5): 1,  # the 项目负责人, placed in the 项目部 itself: counted once
            (4, 5): 2,  # 工程中心 staff working in its own 项目部
            (3, 5): 1,  # a 华东 salesman seconded to the 项目部
        }
    )
    counts = head_counts(parent_of, placements)
    # the sum of the direct counts below 总公司 is 12: the seconded salesman and 工程中心's two are
    # in it twice, the 项目负责人 once
    assert counts[1] == HeadCount(direct=0, subtree=9, shared=3)
    assert counts[2] == HeadCount(direct=3, subtree=6, shared=0)
    assert counts[3] == HeadCount(direct=3, subtree=3, shared=0)
    assert counts[4] == HeadCount(direct=2, subtree=4, shared=2)  # its own staff are in its 项目部 too
    assert counts[5] == HeadCount(direct=4, subtree=4, shared=0)
    assert sum(placements.values()) == counts[1].subtree  # the top holds everyone, once


def test_the_test_company(company):
    infos = departments.list_departments(company.login("admin"))
    by_name = {d.name: d for d in infos}
    # 周七 is in 销售部 and works for 地铁项目部: direct in both, once in 总公司
    assert (by_name["总公司"].employee_count, by_name["总公司"].subtree_count) == (0, 8)
    assert by_name["总公司"].shared_count == 1
    assert (by_name["销售部"].employee_count, by_name["销售部"].subtree_count) == (4, 5)  # 赵六 in 华东
    assert (by_name["地铁项目部"].employee_count, by_name["地铁项目部"].subtree_count) == (2, 2)
    assert_counts_add_up(infos)


def test_the_demo_company_counts_match_the_register(demo):
    hr = demo.login("hr")
    infos = departments.list_departments(hr)
    assert_counts_add_up(infos)
    table = employee_table.load(hr)
    parent_of = {d.id: d.parent_id for d in infos}
    for dept in infos:
        # who the register lists when the department is chosen in its tree (status 在职)
        listed = employee_table.filter_rows(table.rows, "", NOT_SEPARATED, subtree_ids(parent_of, [dept.id]))
        assert dept.subtree_count == len(listed), dept.path
        direct = employee_table.filter_rows(table.rows, "", NOT_SEPARATED, {dept.id})
        assert dept.employee_count == len(direct), dept.path
    # the data exercise both cases: seconded staff counted twice in a sum, and departments without
    top = next(d for d in infos if d.parent_id is None)
    assert top.shared_count > 0 and top.subtree_count == len(employee_table.filter_rows(table.rows, "", NOT_SEPARATED))
    assert any(d.shared_count == 0 and d.subtree_count > d.employee_count for d in infos)

"""Departments and positions: the tree has no cycles; nothing referenced can be deleted."""

import pytest

from hrdesk.core.kernel.errors import StateError, ValidationError
from hrdesk.core.org import departments, positions
from hrdesk.core.org.tree import DepartmentKind


def names(ctx):
    return [d.name for d in departments.list_departments(ctx)]


def test_tree_is_listed_parents_first_with_paths_and_counts(company):
    depts = departments.list_departments(company.login("admin"))
    by_name = {d.name: d for d in depts}
    order = [d.name for d in depts]
    assert order.index("销售部") < order.index("华东销售部")
    assert by_name["华东销售部"].path == "总公司 / 销售部 / 华东销售部"
    assert by_name["地铁项目部"].kind is DepartmentKind.PROJECT
    assert by_name["地铁项目部"].head_name == "陈工"
    assert by_name["地铁项目部"].employee_count == 2  # 陈工 (department) + 周七 (项目部)


def test_department_with_employees_cannot_be_deleted(company):
    admin = company.login("admin")
    before = names(admin)
    with pytest.raises(StateError, match="还有"):
        departments.delete_department(admin, company.depts["人事部"])
    with pytest.raises(StateError, match="下级部门"):
        departments.delete_department(admin, company.depts["总公司"])
    assert names(admin) == before


def test_empty_department_can_be_deleted(company):
    admin = company.login("admin")
    dept = departments.create_department(admin, "临时部门", DepartmentKind.BUSINESS, company.depts["总公司"])
    departments.delete_department(admin, dept)
    assert "临时部门" not in names(admin)


def test_cycles_and_duplicates_are_refused(company):
    admin = company.login("admin")
    with pytest.raises(ValidationError) as info:
        departments.update_department(
            admin,
            company.depts["销售部"],
            name="销售部",
            kind=DepartmentKind.BUSINESS,
            parent_id=company.depts["华东销售部"],
        )
    assert "parent_id" in info.value.errors
    with pytest.raises(ValidationError) as info:
        departments.create_department(admin, "销售部", DepartmentKind.BUSINESS, company.depts["总公司"])
    assert "name" in info.value.errors


def test_department_with_active_staff_cannot_be_deactivated(company):
    admin = company.login("admin")
    with pytest.raises(ValidationError) as info:
        departments.update_department(
            admin,
            company.depts["人事部"],
            name="人事部",
            kind=DepartmentKind.FUNCTION,
            parent_id=company.depts["总公司"],
            active=False,
        )
    assert "active" in info.value.errors


def test_project_department_in_use_keeps_its_kind(company):
    admin = company.login("admin")
    with pytest.raises(ValidationError) as info:
        departments.update_department(
            admin,
            company.depts["地铁项目部"],
            name="地铁项目部",
            kind=DepartmentKind.BUSINESS,
            parent_id=company.depts["总公司"],
            head_employee_id=company.emps["陈工"],
        )
    assert "kind" in info.value.errors


def test_positions(company):
    admin = company.login("admin")
    with pytest.raises(StateError, match="停用"):
        positions.delete_position(admin, company.positions["会计"])
    with pytest.raises(ValidationError):
        positions.create_position(admin, "会计")
    new = positions.create_position(admin, "出纳", code="CN")
    positions.update_position(admin, new, name="出纳", code="CN", description="管现金", active=False)
    info = {p.name: p for p in positions.list_positions(admin)}
    assert not info["出纳"].active and info["会计"].employee_count == 1
    positions.delete_position(admin, new)
    assert "出纳" not in {p.name for p in positions.list_positions(admin)}

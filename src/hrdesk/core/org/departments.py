"""Departments (a tree; 项目部 is a kind of department), managed by administrators."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import NotFound, StateError, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Permission
from hrdesk.core.kernel.text_rules import text_problem
from hrdesk.core.org.occupancy import occupancy
from hrdesk.core.org.tables import Department
from hrdesk.core.org.tree import DepartmentKind, head_counts, path_names, would_create_cycle


@dataclass(frozen=True)
class DepartmentInfo:
    id: int
    name: str
    code: str | None
    kind: DepartmentKind
    parent_id: int | None
    head_employee_id: int | None
    head_name: str | None
    sort_order: int
    active: bool
    employee_count: int  # active employees directly in this department (or 项目部): HeadCount.direct
    path: str  # "总公司 / 工程中心 / 一号项目部"
    subtree_count: int = 0  # active employees in it or anywhere below, each person once: HeadCount.subtree
    shared_count: int = 0  # of those, in a department below and a 项目部 below: HeadCount.shared


def _dept_snapshot(d: Department) -> dict:
    return {
        "name": d.name,
        "code": d.code,
        "kind": d.kind,
        "parent_id": d.parent_id,
        "head_employee_id": d.head_employee_id,
        "sort_order": d.sort_order,
        "active": d.active,
    }


def list_departments(ctx: ServiceContext, include_inactive: bool = True) -> list[DepartmentInfo]:
    """All departments, parents before children, siblings by sort order then name."""
    ctx.require(Permission.ORG_VIEW)
    with ctx.read() as session:
        depts = session.execute(select(Department)).scalars().all()
        placements = occupancy().placements(session)
        heads = {d.head_employee_id for d in depts if d.head_employee_id}
        head_names = occupancy().names(session, heads) if heads else {}
    parent_of = {d.id: d.parent_id for d in depts}
    names = {d.id: d.name for d in depts}
    counts = head_counts(parent_of, placements)
    by_parent: dict[int | None, list[Department]] = {}
    for d in depts:
        by_parent.setdefault(d.parent_id, []).append(d)
    ordered: list[DepartmentInfo] = []

    def walk(parent_id):
        for d in sorted(by_parent.get(parent_id, []), key=lambda d: (d.sort_order, d.name)):
            if include_inactive or d.active:
                count = counts[d.id]
                ordered.append(
                    DepartmentInfo(
                        d.id,
                        d.name,
                        d.code,
                        DepartmentKind(d.kind),
                        d.parent_id,
                        d.head_employee_id,
                        head_names.get(d.head_employee_id),
                        d.sort_order,
                        d.active,
                        count.direct,
                        " / ".join(path_names(d.id, parent_of, names)),
                        count.subtree,
                        count.shared,
                    )
                )
            walk(d.id)

    walk(None)
    return ordered


def _validate_department(
    session, name: str, code: str | None, parent_id: int | None, head_employee_id: int | None, dept_id: int | None
) -> dict[str, str]:
    errors = {}
    name = (name or "").strip()
    name_problem = text_problem(name, tr("部门名称"))
    if name_problem:
        errors["name"] = name_problem
    elif not name:
        errors["name"] = tr("请填写部门名称")
    elif len(name) > 60:
        errors["name"] = tr("部门名称最多60个字")
    if parent_id is not None:
        parent = session.get(Department, parent_id)
        if parent is None:
            errors["parent_id"] = tr("上级部门不存在")
        elif dept_id is not None:
            parent_of = dict(session.execute(select(Department.id, Department.parent_id)).all())
            if would_create_cycle(parent_of, dept_id, parent_id):
                errors["parent_id"] = tr("上级部门不能是本部门或其下级部门")
    if name and "name" not in errors:
        clash = select(Department.id).where(Department.name == name)
        clash = clash.where(
            Department.parent_id == parent_id if parent_id is not None else Department.parent_id.is_(None)
        )
        if dept_id is not None:
            clash = clash.where(Department.id != dept_id)
        if session.execute(clash).first():
            errors["name"] = tr("同一上级下已有名为“{0}”的部门").format(name)
    code_problem = text_problem(code, tr("部门编码"))
    if code_problem:
        errors["code"] = code_problem
    elif code and len(code) > 30:
        errors["code"] = tr("部门编码最多30个字符")
    elif code:
        clash = select(Department.id).where(Department.code == code)
        if dept_id is not None:
            clash = clash.where(Department.id != dept_id)
        if session.execute(clash).first():
            errors["code"] = tr("部门编码 {0} 已被使用").format(code)
    if head_employee_id is not None:
        problem = occupancy().head_problem(session, head_employee_id)
        if problem:
            errors["head_employee_id"] = problem
    return errors


def create_department(
    ctx: ServiceContext,
    name: str,
    kind: DepartmentKind,
    parent_id: int | None = None,
    code: str | None = None,
    head_employee_id: int | None = None,
    sort_order: int = 0,
) -> int:
    ctx.require_all(Permission.ORG_MANAGE)
    code = (code or "").strip() or None
    with ctx.transaction() as tx:
        errors = _validate_department(tx.session, name, code, parent_id, head_employee_id, None)
        if errors:
            raise ValidationError(errors)
        dept = Department(
            name=name.strip(),
            code=code,
            kind=kind.value,
            parent_id=parent_id,
            head_employee_id=head_employee_id,
            sort_order=sort_order,
            active=True,
            created_at=ctx.clock.now(),
        )
        tx.session.add(dept)
        tx.session.flush()
        tx.audit(
            "department.create",
            "department",
            dept.id,
            tr("新建部门“{0}”").format(dept.name),
            None,
            _dept_snapshot(dept),
        )
        tx.changed("department", "created", dept.id)
        return dept.id


def update_department(
    ctx: ServiceContext,
    dept_id: int,
    *,
    name: str,
    kind: DepartmentKind,
    parent_id: int | None,
    code: str | None = None,
    head_employee_id: int | None = None,
    sort_order: int = 0,
    active: bool = True,
) -> None:
    ctx.require_all(Permission.ORG_MANAGE)
    code = (code or "").strip() or None
    with ctx.transaction() as tx:
        session = tx.session
        dept = session.get(Department, dept_id)
        if dept is None:
            raise NotFound(tr("找不到该部门。"))
        errors = _validate_department(session, name, code, parent_id, head_employee_id, dept_id)
        if kind.value != dept.kind and dept.kind == DepartmentKind.PROJECT.value:
            in_project = occupancy().project_members(session, dept_id)
            if in_project:
                errors["kind"] = tr("还有 {0} 名员工归属该项目部，不能改为其他类型").format(in_project)
        if not active and dept.active:
            remaining = occupancy().members(session, dept_id, current_only=True)
            if remaining:
                errors["active"] = tr("部门中还有 {0} 名在职员工，不能停用").format(remaining)
        if errors:
            raise ValidationError(errors)
        before = _dept_snapshot(dept)
        dept.name, dept.code, dept.kind, dept.parent_id = name.strip(), code, kind.value, parent_id
        dept.head_employee_id, dept.sort_order, dept.active = head_employee_id, sort_order, active
        session.flush()
        tx.audit(
            "department.update",
            "department",
            dept.id,
            tr("修改部门“{0}”").format(dept.name),
            before,
            _dept_snapshot(dept),
        )
        tx.changed("department", "updated", dept.id)


def delete_department(ctx: ServiceContext, dept_id: int) -> None:
    """Delete an empty department. Refused while any employee (even a former one) or sub-department
    refers to it: their records must keep pointing somewhere real."""
    ctx.require_all(Permission.ORG_MANAGE)
    with ctx.transaction() as tx:
        session = tx.session
        dept = session.get(Department, dept_id)
        if dept is None:
            raise NotFound(tr("找不到该部门。"))
        members = occupancy().members(session, dept_id, current_only=False)
        if members:
            raise StateError(
                tr("部门“{0}”中还有 {1} 名员工（含已离职），不能删除。请先将员工调到其他部门，或停用该部门。").format(
                    dept.name, members
                )
            )
        children = session.execute(select(func.count()).where(Department.parent_id == dept_id)).scalar_one()
        if children:
            raise StateError(tr("部门“{0}”下还有 {1} 个下级部门，不能删除。").format(dept.name, children))
        before = _dept_snapshot(dept)
        session.delete(dept)
        tx.audit("department.delete", "department", dept_id, tr("删除部门“{0}”").format(before["name"]), before, None)
        tx.changed("department", "deleted", dept_id)

"""Positions (岗位), managed by administrators; a position in use can be deactivated, not deleted."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import NotFound, StateError, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Permission
from hrdesk.core.kernel.text_rules import text_problem
from hrdesk.core.org.occupancy import occupancy
from hrdesk.core.org.tables import Position


@dataclass(frozen=True)
class PositionInfo:
    id: int
    name: str
    code: str | None
    description: str | None
    active: bool
    employee_count: int


def _position_snapshot(p: Position) -> dict:
    return {"name": p.name, "code": p.code, "description": p.description, "active": p.active}


def list_positions(ctx: ServiceContext, include_inactive: bool = True) -> list[PositionInfo]:
    ctx.require(Permission.ORG_VIEW)
    with ctx.read() as session:
        counts = occupancy().position_holders(session)
        query = select(Position).order_by(Position.name)
        if not include_inactive:
            query = query.where(Position.active.is_(True))
        return [
            PositionInfo(p.id, p.name, p.code, p.description, p.active, counts.get(p.id, 0))
            for p in session.execute(query).scalars()
        ]


def _validate_position(
    session, name: str, code: str | None, position_id: int | None, description: str | None = None
) -> dict[str, str]:
    errors = {}
    description_problem = text_problem(description, tr("岗位说明"), multiline=True)
    if description_problem:
        errors["description"] = description_problem
    elif description and len(description.strip()) > 300:
        errors["description"] = tr("岗位说明最多300个字")
    name = (name or "").strip()
    name_problem = text_problem(name, tr("岗位名称"))
    if name_problem:
        errors["name"] = name_problem
    elif not name:
        errors["name"] = tr("请填写岗位名称")
    elif len(name) > 60:
        errors["name"] = tr("岗位名称最多60个字")
    else:
        clash = select(Position.id).where(Position.name == name)
        if position_id is not None:
            clash = clash.where(Position.id != position_id)
        if session.execute(clash).first():
            errors["name"] = tr("岗位“{0}”已存在").format(name)
    code_problem = text_problem(code, tr("岗位编码"))
    if code_problem:
        errors["code"] = code_problem
    elif code and len(code) > 30:
        errors["code"] = tr("岗位编码最多30个字符")
    elif code:
        clash = select(Position.id).where(Position.code == code)
        if position_id is not None:
            clash = clash.where(Position.id != position_id)
        if session.execute(clash).first():
            errors["code"] = tr("岗位编码 {0} 已被使用").format(code)
    return errors


def create_position(ctx: ServiceContext, name: str, code: str | None = None, description: str | None = None) -> int:
    ctx.require_all(Permission.ORG_MANAGE)
    code = (code or "").strip() or None
    with ctx.transaction() as tx:
        errors = _validate_position(tx.session, name, code, None, description)
        if errors:
            raise ValidationError(errors)
        position = Position(
            name=name.strip(),
            code=code,
            description=(description or "").strip() or None,
            active=True,
            created_at=ctx.clock.now(),
        )
        tx.session.add(position)
        tx.session.flush()
        tx.audit(
            "position.create",
            "position",
            position.id,
            tr("新建岗位“{0}”").format(position.name),
            None,
            _position_snapshot(position),
        )
        tx.changed("position", "created", position.id)
        return position.id


def update_position(
    ctx: ServiceContext,
    position_id: int,
    *,
    name: str,
    code: str | None = None,
    description: str | None = None,
    active: bool = True,
) -> None:
    ctx.require_all(Permission.ORG_MANAGE)
    code = (code or "").strip() or None
    with ctx.transaction() as tx:
        position = tx.session.get(Position, position_id)
        if position is None:
            raise NotFound(tr("找不到该岗位。"))
        errors = _validate_position(tx.session, name, code, position_id, description)
        if errors:
            raise ValidationError(errors)
        before = _position_snapshot(position)
        position.name, position.code = name.strip(), code
        position.description, position.active = (description or "").strip() or None, active
        tx.session.flush()
        tx.audit(
            "position.update",
            "position",
            position.id,
            tr("修改岗位“{0}”").format(position.name),
            before,
            _position_snapshot(position),
        )
        tx.changed("position", "updated", position.id)


def delete_position(ctx: ServiceContext, position_id: int) -> None:
    ctx.require_all(Permission.ORG_MANAGE)
    with ctx.transaction() as tx:
        position = tx.session.get(Position, position_id)
        if position is None:
            raise NotFound(tr("找不到该岗位。"))
        used = occupancy().position_uses(tx.session, position_id)
        if used:
            raise StateError(
                tr("岗位“{0}”还有 {1} 名员工（含已离职），不能删除；可以停用。").format(position.name, used)
            )
        before = _position_snapshot(position)
        tx.session.delete(position)
        tx.audit("position.delete", "position", position_id, tr("删除岗位“{0}”").format(before["name"]), before, None)
        tx.changed("position", "deleted", position_id)

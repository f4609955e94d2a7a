"""Company-defined employee fields: administrators define them, HR fills them in per employee."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import NotFound, StateError, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Permission
from hrdesk.core.people.custom_field_types import CustomFieldDef, FieldType, validate_definition
from hrdesk.core.people.tables import CustomFieldDefinition, CustomFieldValue


def _to_def(row: CustomFieldDefinition) -> CustomFieldDef:
    choices = tuple(c for c in (row.choices or "").split("\n") if c)
    return CustomFieldDef(
        row.id, row.key, row.label, FieldType(row.field_type), choices, row.required, row.active, row.sort_order
    )


def _snapshot(row: CustomFieldDefinition) -> dict:
    return {
        "key": row.key,
        "label": row.label,
        "field_type": row.field_type,
        "choices": row.choices,
        "required": row.required,
        "active": row.active,
        "sort_order": row.sort_order,
    }


def active_definitions(session: Session) -> dict[str, CustomFieldDef]:
    """Active definitions by key, in display order (used inside other services' transactions)."""
    rows = session.execute(
        select(CustomFieldDefinition)
        .where(CustomFieldDefinition.active.is_(True))
        .order_by(CustomFieldDefinition.sort_order, CustomFieldDefinition.id)
    ).scalars()
    return {row.key: _to_def(row) for row in rows}


def values_for(session: Session, employee_id: int) -> dict[str, str]:
    rows = session.execute(
        select(CustomFieldDefinition.key, CustomFieldValue.value)
        .join(CustomFieldValue, CustomFieldValue.field_id == CustomFieldDefinition.id)
        .where(CustomFieldValue.employee_id == employee_id)
    )
    return {key: value for key, value in rows}


def list_definitions(ctx: ServiceContext, include_inactive: bool = False) -> list[CustomFieldDef]:
    ctx.require(Permission.EMPLOYEE_VIEW)
    with ctx.read() as session:
        query = select(CustomFieldDefinition).order_by(CustomFieldDefinition.sort_order, CustomFieldDefinition.id)
        if not include_inactive:
            query = query.where(CustomFieldDefinition.active.is_(True))
        return [_to_def(row) for row in session.execute(query).scalars()]


def create_definition(
    ctx: ServiceContext,
    key: str,
    label: str,
    field_type: FieldType,
    choices: list[str] | None = None,
    required: bool = False,
) -> CustomFieldDef:
    ctx.require_all(Permission.CUSTOM_FIELD_MANAGE)
    choices = [c.strip() for c in (choices or []) if c.strip()]
    errors = validate_definition(key, label, field_type, choices)
    with ctx.transaction() as tx:
        session = tx.session
        if not errors:
            if session.execute(select(CustomFieldDefinition.id).where(CustomFieldDefinition.key == key)).first():
                errors["key"] = tr("字段代码 {0} 已存在").format(key)
            if session.execute(
                select(CustomFieldDefinition.id).where(CustomFieldDefinition.label == label.strip())
            ).first():
                errors["label"] = tr("字段名称“{0}”已存在").format(label.strip())
        if errors:
            raise ValidationError(errors)
        order = session.execute(select(func.coalesce(func.max(CustomFieldDefinition.sort_order), 0))).scalar_one()
        row = CustomFieldDefinition(
            key=key,
            label=label.strip(),
            field_type=field_type.value,
            choices="\n".join(choices) if field_type is FieldType.CHOICE else None,
            required=required,
            active=True,
            sort_order=order + 10,
            created_at=ctx.clock.now(),
        )
        session.add(row)
        session.flush()
        tx.audit(
            "custom_field.create",
            "custom_field",
            row.id,
            tr("新增自定义字段“{0}”").format(row.label),
            None,
            _snapshot(row),
        )
        tx.changed("custom_field", "created", row.id)
        return _to_def(row)


def update_definition(
    ctx: ServiceContext,
    field_id: int,
    *,
    label: str,
    choices: list[str] | None = None,
    required: bool = False,
    active: bool = True,
) -> CustomFieldDef:
    """Change label, choices, required or active. Key and type stay: stored values depend on them."""
    ctx.require_all(Permission.CUSTOM_FIELD_MANAGE)
    with ctx.transaction() as tx:
        session = tx.session
        row = session.get(CustomFieldDefinition, field_id)
        if row is None:
            raise NotFound(tr("找不到该自定义字段。"))
        field_type = FieldType(row.field_type)
        choices = [c.strip() for c in (choices or []) if c.strip()]
        errors = validate_definition(row.key, label, field_type, choices)
        clash = session.execute(
            select(CustomFieldDefinition.id).where(
                CustomFieldDefinition.label == (label or "").strip(), CustomFieldDefinition.id != field_id
            )
        ).first()
        if clash:
            errors["label"] = tr("字段名称“{0}”已存在").format(label.strip())
        if field_type is FieldType.CHOICE and not errors:
            used = set(
                session.execute(
                    select(CustomFieldValue.value).where(CustomFieldValue.field_id == field_id).distinct()
                ).scalars()
            )
            missing = sorted(used - set(choices))
            if missing:
                errors["choices"] = tr("以下选项已有员工在使用，不能删除：{0}").format("、".join(missing))
        if errors:
            raise ValidationError(errors)
        before = _snapshot(row)
        row.label = label.strip()
        row.choices = "\n".join(choices) if field_type is FieldType.CHOICE else None
        row.required = required
        row.active = active
        session.flush()
        tx.audit(
            "custom_field.update",
            "custom_field",
            row.id,
            tr("修改自定义字段“{0}”").format(row.label),
            before,
            _snapshot(row),
        )
        tx.changed("custom_field", "updated", row.id)
        return _to_def(row)


def delete_definition(ctx: ServiceContext, field_id: int) -> None:
    """Delete a field nobody has filled in; a field in use can only be deactivated."""
    ctx.require_all(Permission.CUSTOM_FIELD_MANAGE)
    with ctx.transaction() as tx:
        session = tx.session
        row = session.get(CustomFieldDefinition, field_id)
        if row is None:
            raise NotFound(tr("找不到该自定义字段。"))
        used = session.execute(select(func.count()).where(CustomFieldValue.field_id == field_id)).scalar_one()
        if used:
            raise StateError(tr("“{0}”已有 {1} 名员工填写，不能删除；可以停用。").format(row.label, used))
        before = _snapshot(row)
        session.delete(row)
        tx.audit(
            "custom_field.delete", "custom_field", field_id, tr("删除自定义字段“{0}”").format(row.label), before, None
        )
        tx.changed("custom_field", "deleted", field_id)

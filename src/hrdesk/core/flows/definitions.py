"""Flow definitions: the built-in defaults and administrators' edits, each edit a new version.

Defaults come from resources/data/flows-default.json and are installed the first time a company
needs a kind of flow (a company file created before flows existed gets them the same way).
Running instances point at the version they started with, which never changes.
"""

from __future__ import annotations

import json
import weakref
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hrdesk.core.flows.tables import FlowDefinitionRecord
from hrdesk.core.flows.workflow import FlowDefinition, FlowKind, steps_from_json, steps_to_json, validate_definition
from hrdesk.core.kernel.context import ServiceContext, Transaction
from hrdesk.core.kernel.errors import Conflict, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Permission
from hrdesk.core.kernel.persistence.rows import stored_row
from hrdesk.core.kernel.resources_data import load_data_file


@dataclass(frozen=True)
class StoredDefinition:
    id: int
    definition: FlowDefinition
    created_at: datetime
    created_by: str


def _to_stored(row: FlowDefinitionRecord) -> StoredDefinition:
    definition = FlowDefinition(FlowKind(row.kind), row.name, steps_from_json(row.steps), row.version)
    return StoredDefinition(row.id, definition, row.created_at, row.created_by)


def default_definition(kind: FlowKind) -> FlowDefinition:
    data = load_data_file("flows-default.json")[kind.value]
    return FlowDefinition(kind, data["name"], steps_from_json(json.dumps(data["steps"])))


def current_row(session: Session, kind: FlowKind, now: datetime) -> FlowDefinitionRecord:
    """The newest version of ``kind``, installing the built-in default if there is none yet."""
    row = session.execute(
        select(FlowDefinitionRecord)
        .where(FlowDefinitionRecord.kind == kind.value)
        .order_by(FlowDefinitionRecord.version.desc())
        .limit(1)
    ).scalar_one_or_none()
    if row is None:
        definition = default_definition(kind)
        row = FlowDefinitionRecord(
            kind=kind.value,
            version=1,
            name=definition.name,
            steps=steps_to_json(definition.steps),
            created_at=now,
            created_by=tr("系统默认"),
        )
        session.add(row)
        session.flush()
    return row


# Stored versions never change, so each is parsed once per database (engine).
_parsed: weakref.WeakKeyDictionary[object, dict[int, FlowDefinition]] = weakref.WeakKeyDictionary()


def by_id(session: Session, definition_id: int) -> FlowDefinition:
    cache = _parsed.setdefault(session.get_bind(), {})
    definition = cache.get(definition_id)
    if definition is None:
        row = stored_row(session, FlowDefinitionRecord, definition_id)
        definition = cache[definition_id] = _to_stored(row).definition
    return definition


def current(ctx: ServiceContext, kind: FlowKind) -> StoredDefinition:
    with ctx.transaction() as tx:  # may install the default
        return _to_stored(current_row(tx.session, kind, ctx.clock.now()))


def history(ctx: ServiceContext, kind: FlowKind) -> list[StoredDefinition]:
    ctx.require(Permission.FLOW_ADMIN)
    with ctx.read() as session:
        rows = session.execute(
            select(FlowDefinitionRecord)
            .where(FlowDefinitionRecord.kind == kind.value)
            .order_by(FlowDefinitionRecord.version.desc())
        ).scalars()
        return [_to_stored(r) for r in rows]


def save(ctx: ServiceContext, definition: FlowDefinition, expected_version: int | None = None) -> StoredDefinition:
    """Store an edited definition as the next version of its kind (running flows keep theirs).

    ``expected_version`` is the version the editor started from; if another administrator saved a
    newer one meanwhile, the save is refused instead of silently replacing their change.
    """
    ctx.require_all(Permission.FLOW_ADMIN)
    errors = validate_definition(definition)
    if errors:
        raise ValidationError(errors)
    with ctx.transaction() as tx:
        if expected_version is not None:
            latest = current_row(tx.session, definition.kind, ctx.clock.now()).version
            if latest != expected_version:
                raise Conflict(tr("在您编辑期间，流程已被修改为第{0}版。请关闭后重新打开再修改。").format(latest))
        return _save(tx, definition)


def _save(tx: Transaction, definition: FlowDefinition) -> StoredDefinition:
    session, now = tx.session, tx.ctx.clock.now()
    current_row(session, definition.kind, now)
    version = (
        session.execute(
            select(func.max(FlowDefinitionRecord.version)).where(FlowDefinitionRecord.kind == definition.kind.value)
        ).scalar_one()
        + 1
    )
    row = FlowDefinitionRecord(
        kind=definition.kind.value,
        version=version,
        name=definition.name.strip(),
        steps=steps_to_json(definition.steps),
        created_at=now,
        created_by=tx.ctx.actor.display_name,
    )
    session.add(row)
    session.flush()
    tx.audit(
        "flow_definition.save",
        "flow_definition",
        row.id,
        tr("修改流程“{0}”（第{1}版）").format(row.name, version),
        None,
        {"kind": row.kind, "version": version, "name": row.name, "steps": json.loads(row.steps)},
    )
    tx.changed("flow_definition", "created", row.id)
    return _to_stored(row)

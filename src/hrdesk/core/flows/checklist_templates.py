"""Reading the handover checklist templates one by one, for the administrators' 交接清单模板 tab.

checklists.templates_for merges the company default with a department's and a position's
additions (what a separation gets); the settings page needs each stored template on its own, and
which departments and positions have one. Saving stays checklists.save_template.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from hrdesk.core.flows.checklist_rules import ItemTemplate, templates_from_json
from hrdesk.core.flows.checklists import default_templates
from hrdesk.core.flows.tables import ChecklistTemplate
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.permissions import Permission


@dataclass(frozen=True)
class TemplateInfo:
    department_id: int | None
    position_id: int | None
    item_count: int


def _where(department_id: int | None, position_id: int | None):
    return (
        ChecklistTemplate.department_id.is_(None)
        if department_id is None
        else ChecklistTemplate.department_id == department_id,
        ChecklistTemplate.position_id.is_(None)
        if position_id is None
        else ChecklistTemplate.position_id == position_id,
    )


def get_template(ctx: ServiceContext, department_id: int | None, position_id: int | None) -> list[ItemTemplate]:
    """The items of exactly this template: the company default (built-in list until edited) when
    both are None, otherwise what that department and/or position adds (empty if nothing)."""
    ctx.require_all(Permission.FLOW_ADMIN)
    with ctx.read() as session:
        row = session.execute(select(ChecklistTemplate).where(*_where(department_id, position_id))).scalar()
        if row is not None:
            return templates_from_json(row.items)
    return default_templates() if department_id is None and position_id is None else []


def list_templates(ctx: ServiceContext) -> list[TemplateInfo]:
    """Every stored template with its number of items (an emptied addition counts 0)."""
    ctx.require_all(Permission.FLOW_ADMIN)
    with ctx.read() as session:
        rows = session.execute(select(ChecklistTemplate)).scalars().all()
        return [TemplateInfo(r.department_id, r.position_id, len(templates_from_json(r.items))) for r in rows]

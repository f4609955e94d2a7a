"""Handover checklists (交接清单): generated per separation from templates, confirmed item by item
by their owners, waived only by HR with a written reason."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hrdesk.core.accounts.tables import User
from hrdesk.core.flows.checklist_rules import (
    ItemCategory,
    ItemOwner,
    ItemStatus,
    ItemTemplate,
    templates_from_json,
    templates_to_json,
)
from hrdesk.core.flows.participants import user_of_employee
from hrdesk.core.flows.tables import ChecklistItem, ChecklistTemplate, FlowInstance
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import NotFound, StateError, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.money import MoneyError, parse_money
from hrdesk.core.kernel.permissions import Permission, Role
from hrdesk.core.kernel.persistence.rows import stored_row
from hrdesk.core.kernel.refusals import worded
from hrdesk.core.kernel.resources_data import load_data_file
from hrdesk.core.kernel.text_rules import clean_text
from hrdesk.core.org.tables import Department
from hrdesk.core.people.scope import in_scope
from hrdesk.core.people.tables import Employee


@dataclass(frozen=True)
class ChecklistItemView:
    id: int
    instance_id: int
    category: ItemCategory
    title: str
    asset_no: str | None
    amount: Decimal | None
    owner: str  # who confirms, as shown
    status: ItemStatus
    resolved_by: str | None
    resolved_at: datetime | None
    note: str | None
    can_confirm: bool  # for the caller
    can_waive: bool
    flow_title: str = ""  # e.g. "E000002 李四 离职（主动辞职）", for lists across flows
    amount_masked: bool = False  # an amount is set but the caller may not see the person's pay


def default_templates(kind: str = "separation") -> list[ItemTemplate]:
    name = "checklist-onboarding.json" if kind == "onboarding" else "checklist-default.json"
    return templates_from_json(json.dumps(load_data_file(name)["items"]))


def templates_for(session: Session, department_id: int | None, position_id: int | None) -> list[ItemTemplate]:
    """The company default plus what the employee's department (or any department above it: a
    template for 研发中心 covers its teams) and position add."""
    departments = _with_ancestors(session, department_id)
    rows = (
        session.execute(
            select(ChecklistTemplate).where(
                or_(ChecklistTemplate.department_id.is_(None), ChecklistTemplate.department_id.in_(departments)),
                or_(ChecklistTemplate.position_id.is_(None), ChecklistTemplate.position_id == position_id),
            )
        )
        .scalars()
        .all()
    )
    company_default = [r for r in rows if r.department_id is None and r.position_id is None]
    items = templates_from_json(company_default[0].items) if company_default else default_templates()
    for row in sorted(rows, key=lambda r: (r.department_id is None, r.position_id is None)):
        if row.department_id is not None or row.position_id is not None:
            items += templates_from_json(row.items)
    return items


def _with_ancestors(session: Session, department_id: int | None) -> list[int]:
    chain: list[int] = []
    while department_id is not None and department_id not in chain:
        chain.append(department_id)
        department_id = session.execute(select(Department.parent_id).where(Department.id == department_id)).scalar()
    return chain


def generate(session: Session, instance_id: int, employee: Employee, kind: str = "separation") -> int:
    """Create the checklist of a separation (from the templates) or of an onboarding; returns the
    number of items."""
    manager_user = user_of_employee(session, employee.manager_id)
    if kind == "onboarding":
        items = default_templates("onboarding")
    else:
        items = templates_for(session, employee.department_id, employee.position_id)
    for order, template in enumerate(items):
        owner_user, owner_role = None, None
        if template.owner is ItemOwner.MANAGER and manager_user is not None:
            owner_user = manager_user
        else:
            owner_role = (template.owner.role or Role.HR).value
        session.add(
            ChecklistItem(
                instance_id=instance_id,
                category=template.category.value,
                title=template.title,
                asset_no=template.asset_no,
                amount=template.amount,
                owner_role=owner_role,
                owner_user_id=owner_user,
                status=ItemStatus.OPEN.value,
                sort_order=order * 10,
            )
        )
    session.flush()
    return len(items)


def _owner_label(session: Session, item: ChecklistItem) -> str:
    if item.owner_user_id is not None:
        user = session.get(User, item.owner_user_id)
        return user.display_name if user else "?"
    return Role(item.owner_role).label if item.owner_role else tr("人事")


def _can_confirm(ctx: ServiceContext, item: ChecklistItem) -> bool:
    if item.owner_user_id is not None and item.owner_user_id == ctx.actor.user_id:
        return True
    if item.owner_role and Role(item.owner_role) in ctx.actor.roles:
        return True
    return ctx.actor.can_all(Permission.CHECKLIST_WAIVE)  # HR may confirm any item it has checked


def _view(session: Session, ctx: ServiceContext, item: ChecklistItem) -> ChecklistItemView:
    """One item as the caller may see it: a deduction's amount is the person's pay, shown only to
    whoever may see it (HR, finance, the person) and to the item's owner, who enters it, as the
    register and the trail do; a manager or the auditor sees that an amount is set, not which."""
    status = ItemStatus(item.status)
    instance = stored_row(session, FlowInstance, item.instance_id)
    subject = instance.subject_employee_id
    masked = (
        item.amount is not None
        and subject is not None
        and not ctx.actor.is_system
        and not _can_confirm(ctx, item)
        and not in_scope(session, ctx.actor, Permission.EMPLOYEE_SENSITIVE, subject)
    )
    return ChecklistItemView(
        item.id,
        item.instance_id,
        ItemCategory(item.category),
        item.title,
        item.asset_no,
        None if masked else item.amount,
        _owner_label(session, item),
        status,
        item.resolved_by,
        item.resolved_at,
        item.note,
        status is ItemStatus.OPEN and _can_confirm(ctx, item),
        status is ItemStatus.OPEN and ctx.actor.can_all(Permission.CHECKLIST_WAIVE),
        instance.title,
        masked,
    )


def items_for(session: Session, ctx: ServiceContext, instance_id: int) -> list[ChecklistItemView]:
    rows = session.execute(
        select(ChecklistItem)
        .where(ChecklistItem.instance_id == instance_id)
        .order_by(ChecklistItem.sort_order, ChecklistItem.id)
    ).scalars()
    return [_view(session, ctx, r) for r in rows]


def open_count(session: Session, instance_id: int) -> int:
    return len(
        session.execute(
            select(ChecklistItem.id).where(
                ChecklistItem.instance_id == instance_id, ChecklistItem.status == ItemStatus.OPEN.value
            )
        ).all()
    )


def my_open_items(ctx: ServiceContext) -> list[ChecklistItemView]:
    """Open items the caller is asked to confirm, across all running separations."""
    roles = [r.value for r in ctx.actor.roles]
    with ctx.read() as session:
        rows = session.execute(
            select(ChecklistItem)
            .join(FlowInstance, FlowInstance.id == ChecklistItem.instance_id)
            .where(
                ChecklistItem.status == ItemStatus.OPEN.value,
                FlowInstance.status.in_(("running", "returned")) | (FlowInstance.kind == "onboarding"),
                or_(ChecklistItem.owner_user_id == ctx.actor.user_id, ChecklistItem.owner_role.in_(roles)),
            )
            .order_by(ChecklistItem.instance_id, ChecklistItem.sort_order)
        ).scalars()
        return [_view(session, ctx, r) for r in rows]


def _item_for_change(session: Session, item_id: int) -> tuple[ChecklistItem, FlowInstance]:
    item = session.get(ChecklistItem, item_id)
    if item is None:
        raise NotFound(tr("找不到该交接事项。"))
    instance = stored_row(session, FlowInstance, item.instance_id)
    if instance.status not in ("running", "returned") and instance.kind != "onboarding":
        raise StateError(tr("流程已经结束，交接清单不能再修改。"))
    if item.status != ItemStatus.OPEN.value:
        raise StateError(tr("该事项已经{0}，不能重复处理。").format(ItemStatus(item.status).label))
    return item, instance


def confirm(ctx: ServiceContext, item_id: int, note: str = "") -> ChecklistItemView:
    """The owner confirms the item was handed over, settled or switched off."""
    return confirm_many(ctx, [item_id], note)[0]


def confirm_many(ctx: ServiceContext, item_ids: list[int], note: str = "") -> list[ChecklistItemView]:
    """Confirm several items at once (行政/IT ticking off a leaver's laptop, badge and accounts):
    all of them or, if any may not be confirmed by the caller, none."""
    resolved_note = clean_text(note, tr("备注"), "note", multiline=True, limit=300) or None
    with ctx.transaction() as tx:
        views = []
        for item_id in dict.fromkeys(item_ids):
            item, instance = _item_for_change(tx.session, item_id)
            if not _can_confirm(ctx, item):
                raise worded(
                    ctx.denied(Permission.CHECKLIST_WAIVE),
                    tr("“{0}”应由{1}确认。").format(item.title, _owner_label(tx.session, item)),
                )
            item.status = ItemStatus.DONE.value
            item.resolved_by = ctx.actor.display_name
            item.resolved_at = ctx.clock.now()
            item.note = resolved_note
            tx.audit(
                "checklist.confirm",
                "flow",
                instance.id,
                tr("确认交接事项：{0}").format(item.title),
                None,
                {"item_id": item.id, "title": item.title, "note": item.note},
            )
            tx.changed("flow", "updated", instance.id)
            views.append(_view(tx.session, ctx, item))
        return views


def waive(ctx: ServiceContext, item_id: int, reason: str) -> ChecklistItemView:
    """HR waives an item that cannot or need not be done; the written reason is required."""
    ctx.require_all(Permission.CHECKLIST_WAIVE)
    reason = clean_text(reason, tr("豁免原因"), "reason", multiline=True)
    if len(reason) < 4:
        raise ValidationError({"reason": tr("请写明豁免的原因（至少4个字）")})
    with ctx.transaction() as tx:
        item, instance = _item_for_change(tx.session, item_id)
        item.status = ItemStatus.WAIVED.value
        item.resolved_by = ctx.actor.display_name
        item.resolved_at = ctx.clock.now()
        item.note = reason[:300]
        tx.audit(
            "checklist.waive",
            "flow",
            instance.id,
            tr("豁免交接事项：{0}").format(item.title),
            None,
            {"item_id": item.id, "title": item.title, "reason": reason},
        )
        tx.changed("flow", "updated", instance.id)
        return _view(tx.session, ctx, item)


def add_item(
    ctx: ServiceContext,
    instance_id: int,
    category: ItemCategory,
    title: str,
    owner: ItemOwner,
    asset_no: str | None = None,
    amount: str | None = None,
) -> ChecklistItemView:
    """HR adds a line, e.g. a laptop with its asset number or an outstanding advance."""
    ctx.require_all(Permission.CHECKLIST_WAIVE)
    errors = {}
    title = (title or "").strip()
    if not title:
        errors["title"] = tr("请填写事项名称")
    money = None
    if amount not in (None, ""):
        try:
            money = parse_money(amount)
        except MoneyError as exc:
            errors["amount"] = str(exc)
    if errors:
        raise ValidationError(errors)
    with ctx.transaction() as tx:
        instance = tx.session.get(FlowInstance, instance_id)
        if instance is None or instance.kind != "separation":
            raise NotFound(tr("找不到该离职流程。"))
        if instance.status not in ("running", "returned"):
            raise StateError(tr("流程已经结束，交接清单不能再修改。"))
        employee = stored_row(tx.session, Employee, instance.subject_employee_id)
        owner_user = user_of_employee(tx.session, employee.manager_id) if owner is ItemOwner.MANAGER else None
        last = max(
            (
                i.sort_order
                for i in tx.session.execute(
                    select(ChecklistItem).where(ChecklistItem.instance_id == instance_id)
                ).scalars()
            ),
            default=0,
        )
        item = ChecklistItem(
            instance_id=instance_id,
            category=category.value,
            title=title[:120],
            asset_no=(asset_no or "").strip() or None,
            amount=money,
            owner_role=None if owner_user else (owner.role or Role.HR).value,
            owner_user_id=owner_user,
            status=ItemStatus.OPEN.value,
            sort_order=last + 10,
        )
        tx.session.add(item)
        tx.session.flush()
        tx.audit(
            "checklist.add",
            "flow",
            instance_id,
            tr("增加交接事项：{0}").format(title),
            None,
            {"item_id": item.id, "title": title, "asset_no": item.asset_no, "amount": money},
        )
        tx.changed("flow", "updated", instance_id)
        return _view(tx.session, ctx, item)


def save_template(
    ctx: ServiceContext, department_id: int | None, position_id: int | None, items: list[ItemTemplate]
) -> None:
    """Administrators keep the company default and per-department/position additions."""
    ctx.require_all(Permission.FLOW_ADMIN)
    if department_id is None and position_id is None and not items:
        raise ValidationError({"items": tr("公司默认的交接清单至少需要一项")})
    for n, item in enumerate(items, start=1):
        if not (item.title or "").strip():
            raise ValidationError({"items": tr("第{0}项缺少事项名称").format(n)})
        if len(item.title.strip()) > 120:
            raise ValidationError({"items": tr("第{0}项的名称最多120个字").format(n)})
    with ctx.transaction() as tx:
        row = tx.session.execute(
            select(ChecklistTemplate).where(
                ChecklistTemplate.department_id.is_(None)
                if department_id is None
                else ChecklistTemplate.department_id == department_id,
                ChecklistTemplate.position_id.is_(None)
                if position_id is None
                else ChecklistTemplate.position_id == position_id,
            )
        ).scalar_one_or_none()
        before = json.loads(row.items) if row else None
        if row is None:
            row = ChecklistTemplate(
                department_id=department_id, position_id=position_id, items="[]", updated_at=ctx.clock.now()
            )
            tx.session.add(row)
        row.items = templates_to_json(items)
        row.updated_at = ctx.clock.now()
        tx.session.flush()
        tx.audit(
            "checklist_template.save",
            "checklist_template",
            row.id,
            tr("修改交接清单模板"),
            before,
            json.loads(row.items),
        )
        tx.changed("checklist_template", "updated", row.id)


def set_amount(ctx: ServiceContext, item_id: int, amount: str | None, note: str = "") -> ChecklistItemView:
    """Record what an open item will cost the leaver (an unreturned laptop at the company's value,
    an outstanding advance); it becomes a deduction in the settlement, which finance confirms.
    An empty amount removes it."""
    with ctx.transaction() as tx:
        session = tx.session
        item, _ = _item_for_change(session, item_id)
        if not (_can_confirm(ctx, item) or Role.FINANCE in ctx.actor.roles):
            raise worded(
                ctx.denied(Permission.CHECKLIST_WAIVE),
                tr("该事项由{0}处理，您不能修改金额。").format(_owner_label(session, item)),
            )
        money = None
        if amount not in (None, "") and str(amount).strip():
            try:
                money = parse_money(amount)
            except MoneyError as exc:
                raise ValidationError({"amount": str(exc)}) from None
            if money == 0:
                money = None
        before = {"amount": item.amount, "note": item.note}
        item.amount = money
        note = (note or "").strip()
        if note:
            item.note = note[:300]
        tx.audit(
            "checklist.amount",
            "flow",
            item.instance_id,
            tr("交接事项“{0}”的扣款金额改为 {1}").format(item.title, f"{money:,.2f}" if money else tr("无")),
            before,
            {"item_id": item.id, "amount": money, "note": item.note},
        )
        tx.changed("flow", "updated", item.instance_id)
        return _view(session, ctx, item)

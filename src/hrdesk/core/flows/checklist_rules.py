"""The handover checklist (交接清单): item categories, templates and what "closed" means."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.labels import LabeledEnum
from hrdesk.core.kernel.permissions import Role


class ItemCategory(LabeledEnum):
    DOCUMENTS = "documents"
    EQUIPMENT = "equipment"
    FINANCE = "finance"
    ACCOUNTS = "accounts"
    KEYS = "keys"

    @classmethod
    def _labels(cls):
        return {
            cls.DOCUMENTS: "资料文件",
            cls.EQUIPMENT: "设备资产",
            cls.FINANCE: "财务结清",
            cls.ACCOUNTS: "账号停用",
            cls.KEYS: "钥匙门禁",
        }


class ItemStatus(LabeledEnum):
    OPEN = "open"
    DONE = "done"
    WAIVED = "waived"

    @classmethod
    def _labels(cls):
        return {cls.OPEN: "待确认", cls.DONE: "已确认", cls.WAIVED: "已豁免"}


class ItemOwner(LabeledEnum):
    """Who confirms an item: a role, or a relation to the leaving employee."""

    MANAGER = "manager"
    HR = "hr"
    FINANCE = "finance"
    ADMIN = "admin"  # 行政/IT: accounts, equipment, badges

    @classmethod
    def _labels(cls):
        return {cls.MANAGER: "直属上级", cls.HR: "人事", cls.FINANCE: "财务", cls.ADMIN: "行政/IT"}

    @property
    def role(self) -> Role | None:
        return {ItemOwner.HR: Role.HR, ItemOwner.FINANCE: Role.FINANCE, ItemOwner.ADMIN: Role.ADMIN}.get(self)


@dataclass(frozen=True)
class ItemTemplate:
    category: ItemCategory
    title: str
    owner: ItemOwner
    asset_no: str | None = None
    amount: Decimal | None = None  # outstanding advance or loan, for finance items


def templates_from_json(text: str) -> list[ItemTemplate]:
    items = []
    for n, raw in enumerate(json.loads(text), start=1):
        try:
            items.append(
                ItemTemplate(
                    ItemCategory(raw["category"]),
                    str(raw["title"]).strip(),
                    ItemOwner(raw["owner"]),
                    raw.get("asset_no") or None,
                    Decimal(str(raw["amount"])) if raw.get("amount") not in (None, "") else None,
                )
            )
        except (KeyError, ValueError, ArithmeticError):
            raise ValueError(tr("交接清单模板第{0}项无效").format(n)) from None
        if not items[-1].title:
            raise ValueError(tr("交接清单模板第{0}项缺少名称").format(n))
    return items


def templates_to_json(items: list[ItemTemplate]) -> str:
    return json.dumps(
        [
            {
                "category": i.category.value,
                "title": i.title,
                "owner": i.owner.value,
                "asset_no": i.asset_no,
                "amount": str(i.amount) if i.amount is not None else None,
            }
            for i in items
        ],
        ensure_ascii=False,
    )


def blocking_items(statuses: list[ItemStatus]) -> int:
    """How many items still stop archiving (open ones; waived items count as closed)."""
    return sum(1 for s in statuses if s is ItemStatus.OPEN)

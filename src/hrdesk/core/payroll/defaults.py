"""The payroll data a company starts with, installed the first time it is needed (also for a company
file created before payroll existed): the policy versions of resources/data/payroll-policies.json
and the pay item types of pay-item-types.json. After that the company's own versions and types count.
"""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import Conflict
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.resources_data import load_data_file
from hrdesk.core.payroll.rules import policy
from hrdesk.core.payroll.tables import PayItemType, PolicyVersion

DATA_FILE = "payroll-policies.json"


def default_versions() -> list[policy.Version]:
    data = load_data_file(DATA_FILE)
    versions = []
    for kind in (policy.IIT_ANNUAL, policy.IIT_MONTHLY, policy.IIT_DEDUCTIONS):
        for entry in data[kind]:
            versions.append(
                policy.Version(
                    kind, "", date.fromisoformat(entry["effective_from"]), _payload(entry), entry.get("source", "")
                )
            )
    for kind in policy.PER_CITY:
        for city, entries in data[kind].items():
            for entry in entries:
                versions.append(
                    policy.Version(
                        kind,
                        city,
                        date.fromisoformat(entry["effective_from"]),
                        _payload(entry),
                        entry.get("source", ""),
                    )
                )
    return versions


def _payload(entry: dict) -> dict:
    return {k: v for k, v in entry.items() if k not in ("effective_from",)}


def ensure_defaults(session: Session, now) -> None:
    """Install each shipped version the company does not hold yet (same table, city and date).

    A version the company already holds for that date is its own and is never overwritten; a later
    release that ships an earlier year (a month that had no version) or a new year adds it."""
    rows = session.execute(select(PolicyVersion.kind, PolicyVersion.key, PolicyVersion.effective_from))
    present = {(kind, key, effective_from) for kind, key, effective_from in rows}
    missing = [v for v in default_versions() if (v.kind, v.key, v.effective_from) not in present]
    for version in missing:
        session.add(
            PolicyVersion(
                kind=version.kind,
                key=version.key,
                effective_from=version.effective_from,
                data=json.dumps(version.data, ensure_ascii=False),
                source=version.source,
                created_at=now,
                created_by=tr("系统默认"),
            )
        )
    if missing:
        session.flush()


def install_defaults(ctx: ServiceContext) -> None:
    """Install the shipped policies and pay item types in a transaction of their own.

    Two pages opening at the same moment may both find nothing installed; the second insert then
    violates a unique key, and a second look finds everything there."""
    for attempt in (1, 2):
        try:
            with ctx.transaction() as tx:
                ensure_defaults(tx.session, ctx.clock.now())
                ensure_item_types(tx.session, ctx.clock.now())
            return
        except Conflict:
            if attempt == 2:
                raise


def ensure_item_types(session: Session, now) -> None:
    if session.execute(select(PayItemType.id).limit(1)).first() is not None:
        return
    for index, data in enumerate(load_data_file("pay-item-types.json")["types"]):
        session.add(
            PayItemType(
                code=data["code"],
                name=data["name"],
                category=data["category"],
                taxable=data.get("taxable", True),
                prorate=data.get("prorate", False),
                recurring=data.get("recurring", False),
                overtime=data.get("overtime", False),
                active=True,
                sort_order=index,
                created_at=now,
            )
        )
    session.flush()

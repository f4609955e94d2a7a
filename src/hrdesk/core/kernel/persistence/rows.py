"""Fetching one stored row that must be there.

``session.get`` returns ``None`` for a key that is gone, and code that follows a stored reference
(a flow's subject employee, a run's month) would otherwise fail later with an AttributeError that
reaches the user as a traceback. ``stored_row`` turns a vanished row into ``NotFound`` with a
message the user can act on (in the office mode another desktop may have deleted it meanwhile),
and gives the type checker a row that is never ``None``.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy.orm import Session

from hrdesk.core.kernel.errors import NotFound
from hrdesk.core.kernel.i18n import tr

RowT = TypeVar("RowT")


def stored_row(session: Session, table: type[RowT], key: Any, missing: str | None = None) -> RowT:
    """The row of ``table`` with primary key ``key``; ``NotFound`` (with ``missing`` or a general
    message) when there is none."""
    row = session.get(table, key) if key is not None else None
    if row is None:
        raise NotFound(missing or tr("所需的记录已不存在（可能已被他人删除），请刷新后重试。"))
    return row

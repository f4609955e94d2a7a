"""A refused write is a security event (issue 12): every refused write of the matrix leaves one
security.denied record naming the caller, in the trail, although the write itself left nothing.

Acting on a flow out of turn and starting one for someone else out of scope are recorded too.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from hrdesk.core.kernel.errors import PermissionDenied
from hrdesk.core.kernel.persistence.tables import AuditRecord
from tests.core.permission_matrix.state import REFUSAL_RECORD
from tests.core.permission_matrix.table import READS, cases

UNRECORDED: dict[str, str] = {}  # every refusal of the matrix is recorded now


def _params():
    for case in cases():
        if case.allowed or case.line.name in READS:
            continue
        function = case.line.name.split("[")[0]
        reason = UNRECORDED.get(function)
        if function == "flows.start_transfer" and case.scope == "self":
            reason = None  # refused in flows/lifecycle.py, which records it
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        yield pytest.param(case, id=case.id, marks=marks)


def _refusals(w) -> list[AuditRecord]:
    assert w.db is not None
    with w.db.session() as session:
        return list(session.execute(select(AuditRecord).where(AuditRecord.action == REFUSAL_RECORD)).scalars())


@pytest.mark.parametrize("case", list(_params()))
def test_a_refused_write_is_recorded(case, w):
    before = len(_refusals(w))
    with pytest.raises(PermissionDenied):
        case.line.call(w.ctx(case.user), w)
    records = _refusals(w)
    assert len(records) == before + 1
    record = records[-1]
    assert record.actor_user_id == w.actors[case.user].user_id
    assert json.loads(record.after or "{}").get("permission")

"""The hash chain detects a changed, deleted or reordered record."""

from datetime import datetime

from sqlalchemy import text

from hrdesk.core.audit import audit_log
from hrdesk.core.kernel import audit_chain
from hrdesk.core.kernel.permissions import Actor


def verify(fx):
    return audit_log.verify_chain(fx.login("auditor"))


def test_intact_chain_verifies(company):
    report = verify(company)
    assert report.ok and report.checked > 20


def test_altered_record_is_detected(company):
    with company.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET summary = '改过了' WHERE seq = 5"))
    report = verify(company)
    assert not report.ok and report.first_break.seq == 5 and "修改" in report.first_break.reason
    assert report.checked == 4


def test_altered_values_are_detected(company):
    with company.db.engine.begin() as conn:
        seq = conn.execute(
            text("SELECT min(seq) FROM audit_log WHERE action = 'employee.create' AND after LIKE '%12000.00%'")
        ).scalar()
        conn.execute(
            text("UPDATE audit_log SET after = replace(after, '12000.00', '99000.00') WHERE seq = :s"), {"s": seq}
        )
    assert verify(company).first_break.seq == seq


def test_deleted_record_is_detected(company):
    with company.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE seq = 7"))
    report = verify(company)
    assert report.first_break.seq == 8 and "删除" in report.first_break.reason


def test_swapped_records_are_detected(company):
    with company.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET seq = -1 WHERE seq = 3"))
        conn.execute(text("UPDATE audit_log SET seq = 3 WHERE seq = 4"))
        conn.execute(text("UPDATE audit_log SET seq = 4 WHERE seq = -1"))
    assert verify(company).first_break.seq == 3


def test_hash_covers_every_field():
    base = dict(
        key=b"k" * 32,
        prev_hash="0" * 64,
        seq=1,
        created_at=datetime(2026, 1, 1),
        actor_user_id=1,
        actor_name="a",
        on_behalf_of=None,
        action="x",
        entity_type="employee",
        entity_id="1",
        summary="s",
        before=None,
        after='{"a":1}',
    )
    digest = audit_chain.record_hash(**base)
    for field, other in [
        ("key", b"j" * 32),
        ("key", None),
        ("seq", 2),
        ("actor_user_id", 2),
        ("actor_name", "b"),
        ("entity_type", "user"),
        ("on_behalf_of", "c"),
        ("action", "y"),
        ("entity_id", "2"),
        ("summary", "t"),
        ("before", "{}"),
        ("after", '{"a":2}'),
        ("created_at", datetime(2026, 1, 2)),
        ("prev_hash", "1" * 64),
    ]:
        assert audit_chain.record_hash(**(base | {field: other})) != digest, field


def test_append_many_continues_the_chain(company):
    with company.db.session() as session, session.begin():
        audit_chain.append_many(
            session,
            Actor.system(),
            datetime(2026, 1, 1),
            [audit_chain.Entry("test", "employee", i, f"批量{i}") for i in range(50)],
        )
    assert verify(company).ok

"""Parallel guessing cannot get past the lockout (issue 12: eight parallel streams of wrong passwords
got about 34 tries before the lock held). Real processes, one company file."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from sqlalchemy import select

from hrdesk.core.accounts import auth
from hrdesk.core.kernel.persistence import keys
from hrdesk.core.kernel.persistence.tables import AuditRecord

ROOT = Path(__file__).resolve().parents[3]
STREAMS, TRIES = 8, 6

GUESSER = textwrap.dedent(
    """
    import sys
    import hrdesk.core.areas  # noqa: F401
    from hrdesk.core.accounts import auth
    from hrdesk.core.company import setup
    from hrdesk.core.kernel.errors import AuthenticationError, StorageError
    from hrdesk.core.kernel.persistence.datadir import DataDir

    db = setup.open_company(DataDir(__import__("pathlib").Path(sys.argv[1])))
    sys.stdin.readline()  # start together
    for n in range(int(sys.argv[2])):
        try:
            auth.login(db, "staff", f"wrong-guess-{n}")
        except (AuthenticationError, StorageError):
            pass
    db.dispose()
    """
)


def test_eight_parallel_streams_get_no_more_than_five_checks(company):
    user_id = auth.login(company.db, "staff", "User-pass-2024!").actor.user_id
    key = keys.resolve_key(company.data_dir.database_id())
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), keys.ENV_KEY: key, "HRDESK_AUDIT_KEY": company.db.audit_key}
    streams = [
        subprocess.Popen(
            [sys.executable, "-c", GUESSER, str(company.data_dir.root), str(TRIES)],
            stdin=subprocess.PIPE,
            env=env,
            text=True,
        )
        for _ in range(STREAMS)
    ]
    for stream in streams:
        assert stream.stdin is not None
        stream.stdin.write("go\n")
        stream.stdin.flush()
    for stream in streams:
        assert stream.wait(180) == 0
    with company.db.session() as session:
        done = list(
            session.execute(
                select(AuditRecord.action).where(
                    AuditRecord.entity_type == "user",
                    AuditRecord.entity_id == str(user_id),
                    AuditRecord.action.in_(("login.failed", "login.locked", "login.refused_locked")),
                )
            ).scalars()
        )
    checked = [a for a in done if a in ("login.failed", "login.locked")]
    assert len(checked) == auth.MAX_FAILED_LOGINS  # the passwords actually tried
    assert done.count("login.locked") == 1
    assert len(done) >= STREAMS * TRIES - 8  # every other try was refused as locked (a few may hit busy)

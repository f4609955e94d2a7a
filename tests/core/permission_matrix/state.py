"""Everything a refused call must leave as it was: every table's rows (the trail apart from its
security.denied records, which a refusal adds on purpose), the files beside the company (backups,
exports, checkpoints) and the credential store (the SMTP password)."""

from __future__ import annotations

from pathlib import Path

import keyring

from hrdesk.core.kernel.persistence.base import Base
from hrdesk.core.kernel.persistence.tables import AuditRecord
from tests.core.permission_matrix.world import World

REFUSAL_RECORD = "security.denied"


def tables(w: World) -> dict[str, list[tuple]]:
    """Every row of every table (straight through the driver: this runs twice per refused case)."""
    assert w.db is not None
    result = {}
    connection = w.db.engine.raw_connection()
    try:
        cursor = connection.cursor()
        for table in Base.metadata.sorted_tables:
            if table.name == AuditRecord.__tablename__:
                cursor.execute(f"SELECT * FROM {table.name} WHERE action != ? ORDER BY seq", (REFUSAL_RECORD,))
            else:
                cursor.execute(f"SELECT * FROM {table.name}")
            result[table.name] = sorted(cursor.fetchall(), key=repr)
        cursor.close()
    finally:
        connection.close()
    return result


def files(w: World) -> list[tuple[str, int]]:
    """Files beside the database in the case's folder; the database itself (and its WAL) is
    compared table by table instead."""
    assert w.out is not None
    base = w.out.parent
    return sorted(
        (str(path.relative_to(base)), path.stat().st_size)
        for path in base.rglob("*")
        if path.is_file() and not path.name.startswith(Path(w.db.data_dir.db_path).name)  # type: ignore[union-attr]
    )


def credentials() -> dict:
    return dict(getattr(keyring.get_keyring(), "store", {}))


def snapshot(w: World) -> tuple:
    return tables(w), files(w), credentials()


def difference(before: tuple, after: tuple) -> list[str]:
    """What changed, readably: the tables with other rows, files added or changed, credentials."""
    problems = []
    for name, rows in before[0].items():
        if after[0].get(name) != rows:
            added = [r for r in after[0].get(name, []) if r not in rows]
            removed = [r for r in rows if r not in after[0].get(name, [])]
            problems.append(f"table {name}: +{added[:3]} -{removed[:3]}")
    if before[1] != after[1]:
        problems.append(f"files: {sorted(set(after[1]) ^ set(before[1]))}")
    if before[2] != after[2]:
        problems.append("credential store changed")
    return problems

"""Backup, verify, check and restore of a demo company (issue 12). Run on demand:

    python tests/bench/bench_backup.py [--employees 2000]

Prints the file size and the seconds each step takes; figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=2000)
    args = parser.parse_args()
    os.environ.setdefault("HRDESK_DB_KEY", "ab" * 32)  # no credential store needed
    os.environ.setdefault("HRDESK_AUDIT_KEY", "cd" * 32)  # the audit key apart from it

    import hrdesk.core.areas  # noqa: F401
    from hrdesk.core.company import backups
    from hrdesk.core.company import setup as company_setup
    from hrdesk.core.demo.demo_company import create_demo_company
    from hrdesk.core.kernel.persistence import keys
    from hrdesk.core.kernel.persistence.datadir import DataDir

    with tempfile.TemporaryDirectory() as folder:
        data_dir = DataDir(Path(folder) / "data")
        started = time.perf_counter()
        create_demo_company(data_dir, employees=args.employees).db.dispose()
        print(f"demo with {args.employees} employees: {time.perf_counter() - started:.1f} s")
        key = keys.key_from_environment()
        assert key is not None
        db = company_setup.open_company(data_dir)
        size = data_dir.db_path.stat().st_size / 1_048_576
        print(f"company file: {size:.1f} MB")

        started = time.perf_counter()
        result = backups.backup_as_system(db)
        print(f"backup (copy + full check + manifest): {time.perf_counter() - started:.2f} s")
        started = time.perf_counter()
        assert backups.verify_backup(result.backup.path, key).ok
        print(f"verify backup: {time.perf_counter() - started:.2f} s")
        started = time.perf_counter()
        assert backups.check_company(data_dir.db_path, key).ok
        print(f"check live file: {time.perf_counter() - started:.2f} s")
        db.dispose()
        started = time.perf_counter()
        backups.restore_backup(data_dir, result.backup.path, key_hex=key)
        print(f"restore (verify, copy, check, keep the replaced one, swap): {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()

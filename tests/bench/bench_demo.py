"""Benchmark: how long the demo company takes to build (target: 100,000 employees in under 60 s).

Run on demand, not by pytest (tests/bench is in norecursedirs):

    .venv/bin/python tests/bench/bench_demo.py --employees 100000

A random HRDESK_DB_KEY is set so that no OS credential store is touched, and the company is built
in a temporary folder that is removed afterwards. --profile writes a cProfile dump to look into.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import platform
import resource
import secrets
import sys
import tempfile
import time
from datetime import date
from pathlib import Path


def _peak_rss_mb() -> float:
    """Peak resident memory of this process; ru_maxrss is in KiB on Linux, bytes on macOS."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=date.fromisoformat, default=None, help="YYYY-MM-DD")
    parser.add_argument("--profile", type=Path, default=None, help="write cProfile stats to this file")
    args = parser.parse_args(argv)

    os.environ["HRDESK_DB_KEY"] = secrets.token_hex(32)  # before importing: no keyring at all

    os.environ.setdefault("HRDESK_AUDIT_KEY", "cd" * 32)  # the audit key apart from it
    from hrdesk.core.demo.demo_company import create_demo_company
    from hrdesk.core.kernel.persistence.datadir import DataDir

    print(
        f"machine: {platform.platform()}, {platform.machine()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs"
    )
    with tempfile.TemporaryDirectory(prefix="hrdesk-bench-demo-") as tmp:
        data_dir = DataDir(Path(tmp) / "data")
        profiler = cProfile.Profile() if args.profile else None
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        result = create_demo_company(data_dir, employees=args.employees, seed=args.seed, today=args.today)
        if profiler:
            profiler.disable()
        elapsed = time.perf_counter() - start
        result.db.dispose()  # closing checkpoints the WAL into the main file
        size_mb = sum(p.stat().st_size for p in data_dir.root.glob(data_dir.db_path.name + "*")) / (1024 * 1024)
    if profiler:
        profiler.dump_stats(args.profile)
        print(f"profile written to {args.profile}")
    print(f"employees: {result.employee_count}")
    print(f"elapsed: {elapsed:.1f} s")
    print(f"rate: {result.employee_count / elapsed:,.0f} employees/s")
    print(f"peak RSS: {_peak_rss_mb():,.0f} MiB")
    print(f"database file: {size_mb:,.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

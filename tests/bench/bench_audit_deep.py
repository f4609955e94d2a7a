"""Benchmark: the deep check (``hrdesk audit verify --deep``) of a 2,000-employee demo company
(target < 10 s). Run on demand, not by pytest (tests/bench is in norecursedirs):

    .venv/bin/python tests/bench/bench_audit_deep.py [--employees 2000] [--today 2026-12-15] [--documents 20]

Builds the demo in a temporary folder (random HRDESK_DB_KEY and HRDESK_AUDIT_KEY: no credential
store) anchored on ``--today``; mid-December gives the largest payroll history a demo of up to
2,000 people gets (eleven paid months, one result per person and month). Issues ``--documents``
在职证明 so the register is compared too. Then times the chain check alone
(``audit_log.verify_chain``) and the deep check (``deep_check.deep_check``), which reads the chain
once and every audited table.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import platform
import pstats
import resource
import secrets
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 12, 15), help="YYYY-MM-DD")
    parser.add_argument("--documents", type=int, default=20)
    parser.add_argument("--profile", type=Path, default=None, help="profile the deep check into this file")
    args = parser.parse_args(argv)

    os.environ["HRDESK_DB_KEY"] = secrets.token_hex(32)  # before importing: no keyring at all
    os.environ["HRDESK_AUDIT_KEY"] = secrets.token_hex(32)  # the audit key apart from it

    from sqlalchemy import select

    import hrdesk.core.areas  # noqa: F401  (every area loaded, as the entry points do)
    from hrdesk.core.audit import audit_log, deep_check
    from hrdesk.core.demo.demo_company import create_demo_company
    from hrdesk.core.documents import issuing
    from hrdesk.core.kernel.clock import FixedClock
    from hrdesk.core.kernel.context import ServiceContext
    from hrdesk.core.kernel.permissions import Actor
    from hrdesk.core.kernel.persistence.datadir import DataDir
    from hrdesk.core.people.tables import Employee

    print(
        f"machine: {platform.platform()}, {platform.machine()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs"
    )
    with tempfile.TemporaryDirectory(prefix="hrdesk-bench-deep-") as tmp:
        started = time.perf_counter()
        demo = create_demo_company(
            DataDir(Path(tmp) / "data"), employees=args.employees, seed=args.seed, today=args.today
        )
        print(f"demo of {demo.employee_count:,} employees built in {time.perf_counter() - started:.1f} s")
        ctx = ServiceContext(
            demo.db, Actor.system("bench"), FixedClock(datetime.combine(args.today, datetime.min.time()))
        )
        with ctx.read() as session:
            regular = list(
                session.execute(select(Employee.id).where(Employee.status == "regular").limit(args.documents)).scalars()
            )
        for employee_id in regular:
            issuing.employment_certificate(ctx, employee_id, purpose="基准测试")
        try:
            started = time.perf_counter()
            chain = audit_log.verify_chain(ctx)
            chain_s = time.perf_counter() - started
            profiler = cProfile.Profile() if args.profile else None
            started = time.perf_counter()
            if profiler:
                profiler.enable()
            report = deep_check.deep_check(ctx)
            if profiler:
                profiler.disable()
            deep_s = time.perf_counter() - started
        finally:
            demo.db.dispose()
    counts = ", ".join(f"{kind} {count:,}" for kind, count in report.checked.items())
    print(f"chain only: {chain.checked:,} records in {chain_s:.2f} s")
    print(
        f"deep check: {deep_s:.2f} s  target < 10 s  "
        f"({'OK' if report.ok else f'{len(report.mismatches)} mismatches'}; {report.chain.checked:,} records; {counts})"
    )
    print(f"peak RSS: {peak_rss_mb():,.0f} MiB")
    if args.profile:
        profiler.dump_stats(args.profile)
        pstats.Stats(str(args.profile)).sort_stats("cumulative").print_stats(18)
    for mismatch in report.mismatches[:20]:
        print("  " + mismatch.message)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())

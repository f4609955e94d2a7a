"""Benchmark: 离职证明 for the separated employees of the 10,000-employee demo through the service
(numbering, the record with its SHA-256, the audit entry, the file written atomically), with the
memory before and after to show it stays flat. Run on demand:

    .venv/bin/python tests/bench/bench_documents_batch.py [--employees 10000] [--limit 1000]

The renderer alone is measured by bench_certificates.py; this adds what issuing costs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "bench"))

from bench_separations import KEY, machine, peak_rss_mb, prepare  # noqa: E402

import hrdesk.core.areas  # noqa: E402,F401  (every area loaded, as the entry points do)


def current_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=10_000)
    parser.add_argument("--limit", type=int, default=1000)
    args = parser.parse_args()
    os.environ["HRDESK_DB_KEY"] = KEY
    os.environ.setdefault("HRDESK_AUDIT_KEY", "cd" * 32)  # the audit key apart from it
    from sqlalchemy import select

    from hrdesk.core.company import setup
    from hrdesk.core.documents import issuing
    from hrdesk.core.kernel.clock import FixedClock
    from hrdesk.core.kernel.context import ServiceContext
    from hrdesk.core.kernel.permissions import Actor, Role
    from hrdesk.core.kernel.persistence.datadir import DataDir
    from hrdesk.core.people.tables import Employee

    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        folder = prepare(Path(tmp), args.employees, False)
        db = setup.open_company(DataDir(folder))
        with db.session() as s, s.begin():  # demo employees may lack a contract end; make them open-ended
            for e in s.execute(select(Employee).where(Employee.status == "separated")).scalars():
                if e.contract_type != "open_ended" and e.contract_end is None:
                    e.contract_type = "open_ended"
        hr = ServiceContext(
            db, Actor.create(None, "bench-hr", "人事", None, {Role.HR}), FixedClock(datetime(2026, 11, 27, 9, 0))
        )
        ids = issuing.separated_between(hr, date(2000, 1, 1), date(2099, 12, 31))
        print(f"separated employees: {len(ids):,}")
        ids = ids[: args.limit]
        out = Path(tmp) / "pdf"
        out.mkdir()
        first = time.perf_counter()
        doc = issuing.separation_certificate(hr, ids[0])
        print(f"first certificate (font loading included): {(time.perf_counter() - first) * 1000:.0f} ms")
        times = []
        for employee_id in ids[1:21]:
            started = time.perf_counter()
            issuing.separation_certificate(hr, employee_id)
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        print(
            f"one certificate after the first: median {times[len(times) // 2]:.1f} ms, max {times[-1]:.1f} ms "
            f"(target < 100 ms)"
        )
        rss_before = current_rss_mb()
        dates = [
            d for d in db.session().execute(select(Employee.last_working_day).where(Employee.id.in_(ids))).scalars()
        ]
        started = time.perf_counter()
        result = issuing.batch_separation_certificates(hr, min(dates), max(dates), out)
        elapsed = time.perf_counter() - started
        print(
            f"batch: {len(result.written):,} certificates in {elapsed:.1f} s (target 1,000 < 60 s); "
            f"memory {rss_before:.0f} → {current_rss_mb():.0f} MB, peak {peak_rss_mb():.0f} MB; "
            f"{sum(p.stat().st_size for p in result.written) / len(result.written) / 1024:.0f} KB each"
        )
        print(f"(first document {doc.number}; numbering continues across the batch)")
        db.dispose()


if __name__ == "__main__":
    main()

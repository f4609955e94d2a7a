"""Benchmark: writing the 工资表 of 10,000 employees (targets < 5 s, < 300 MB peak). Run on demand:

    .venv/bin/python tests/bench/bench_payroll_sheet.py [--rows 10000] [--payslips] [--profile FILE]

Builds varied rows with the real calculation (12 departments, 5 cities, allowances and one-off
items drawn at random, a separately taxed bonus now and then), then times
``payroll_sheet.write_payroll_sheet`` alone. Memory: the RSS before and after the write, the peak of
Python allocations of a second, untimed write under tracemalloc, and the process's peak RSS (which
includes building the rows: ~215 MiB of Payslip objects with their explanation lines for 10,000
people). Run it in a fresh process; ``--payslips`` also times the 工资条 of the same rows.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import platform
import pstats
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

import hrdesk.core.areas  # noqa: E402,F401  (every area loaded, as the entry points do)


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.platform()}, {cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()} "
        f"({platform.python_implementation()})"
    )


def timed(label: str, write, path: Path, header, rows, *, trace: bool, profiler=None) -> float:
    """Time one write; with ``trace`` write it again under tracemalloc for the allocation peak
    (tracemalloc slows Python down several times, so it never runs during the timed write)."""
    before = rss_mb()
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    write(path, header, rows)
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - started
    after = rss_mb()
    text = ""
    if trace:
        tracemalloc.start()
        write(path, header, rows)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        text = f", tracemalloc peak {peak / 2**20:.1f} MiB"
    print(
        f"{label}: {seconds:.2f} s, {path.stat().st_size / 2**20:.1f} MiB file, RSS {before:.0f} → "
        f"{after:.0f} MiB during the write{text}"
    )
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--payslips", action="store_true", help="also time the 工资条")
    parser.add_argument("--profile", type=Path, default=None, help="profile the 工资表 write into this file")
    parser.add_argument("--no-trace", action="store_true", help="skip the extra write under tracemalloc")
    args = parser.parse_args(argv)

    from hrdesk.core.payroll.excel.payslips import write_payslips
    from hrdesk.core.payroll.excel.sheet import write_payroll_sheet
    from tests.payroll_samples import bulk_rows, header

    print(f"machine: {machine()}")
    started = time.perf_counter()
    rows = bulk_rows(args.rows)
    items = len({(i.category, i.code) for r in rows for i in r.payslip.items})
    departments = len({r.department for r in rows})
    print(
        f"built {len(rows):,} rows ({departments} departments, {items} pay item types) in "
        f"{time.perf_counter() - started:.1f} s; RSS {rss_mb():.0f} MiB"
    )

    with tempfile.TemporaryDirectory(prefix="hrdesk-bench-payroll-") as tmp:
        profiler = cProfile.Profile() if args.profile else None
        seconds = timed(
            "工资表",
            write_payroll_sheet,
            Path(tmp) / "工资表.xlsx",
            header(),
            rows,
            trace=not args.no_trace,
            profiler=profiler,
        )
        if args.payslips:
            timed("工资条", write_payslips, Path(tmp) / "工资条.xlsx", header(), rows, trace=not args.no_trace)
    peak = peak_rss_mb()
    print(
        f"工资表 {seconds:.2f} s (target < 5 s); peak RSS of the whole process, building the rows included: "
        f"{peak:,.0f} MiB (target < 300 MB)"
    )
    if profiler:
        profiler.dump_stats(args.profile)
        pstats.Stats(str(args.profile)).sort_stats("cumulative").print_stats(18)
    return 0 if seconds < 5 and peak < 300 else 1


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: payroll months for a 10,000-employee demo company (targets: one month < 3 s, a year of
12 runs < 40 s). Run on demand:

    .venv/bin/python tests/bench/bench_payroll.py [--employees 10000] [--fresh] [--profile FILE]

The company is a copy of the cached demo /tmp/hrdesk-bench-<N> (built by bench_register.py, key
"7"*64; migrated to the current schema on open, after a backup), or a fresh demo. Every tenth
employee gets a one-off item each month and every fifth a special additional deduction, so the
run reads entries and declarations as a real month does.

Measured:
- one month (January): calculate_month, i.e. read the register, the inputs and the year-to-date
  figures, calculate, write all results and the audit record;
- a year: calculate, approve and mark paid for each of the 12 months (each month reads the year-to-
  date figures the previous month wrote; approve re-reads the inputs to refuse a stale run);
- the bare-SQL baseline: read the same employee columns and insert the same number of result rows
  with the same JSON size, with no calculation, to show what the calculation adds.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "bench"))

from bench_separations import KEY, machine, peak_rss_mb, prepare  # noqa: E402

import hrdesk.core.areas  # noqa: E402,F401  (every area loaded, as the entry points do)


def seed_inputs(db, year: int) -> None:
    from sqlalchemy import insert, select

    from hrdesk.core.payroll import defaults
    from hrdesk.core.payroll.tables import PayItemType, PayrollEntry, SpecialDeduction
    from hrdesk.core.people.tables import Employee

    now = time.time()
    with db.session() as s, s.begin():
        defaults.ensure_item_types(s, _now())
        bonus = s.execute(select(PayItemType.id).where(PayItemType.code == "performance_bonus")).scalar_one()
        ids = list(s.execute(select(Employee.id).order_by(Employee.id)).scalars())
        entries = [
            {
                "month": date(year, m, 1),
                "employee_id": e,
                "item_type_id": bonus,
                "amount": 500 + m,
                "note": None,
                "source": "import",
                "locked": False,
                "created_by": "bench",
                "created_at": _now(),
            }
            for m in range(1, 13)
            for e in ids[::10]
        ]
        s.execute(insert(PayrollEntry), entries)
        s.execute(
            insert(SpecialDeduction),
            [
                {
                    "employee_id": e,
                    "month": date(year, 1, 1),
                    "child_education": 2000,
                    "infant_care": 0,
                    "elderly_support": 1500,
                    "continuing_education": 0,
                    "housing_loan": 1000,
                    "housing_rent": 0,
                    "serious_illness": 0,
                    "updated_at": _now(),
                }
                for e in ids[::5]
            ],
        )
    print(f"inputs: {len(entries):,} one-off entries, {len(ids[::5]):,} declarations ({time.time() - now:.1f} s)")


def _now():
    from datetime import datetime

    return datetime(2026, 1, 5, 9, 0)


def bare_sql(db, month: date) -> float:
    """Read the employee columns payroll reads and write as many result rows of the same size."""
    from sqlalchemy import delete, insert, select

    from hrdesk.core.payroll.tables import PayrollResult, PayrollRun
    from hrdesk.core.people.tables import Employee

    with db.session() as s, s.begin():
        run = s.execute(select(PayrollRun).where(PayrollRun.month == month)).scalar_one()
        sample = s.execute(select(PayrollResult.detail).where(PayrollResult.run_id == run.id).limit(1)).scalar_one()
        started = time.perf_counter()
        rows = s.execute(
            select(
                Employee.id,
                Employee.emp_no,
                Employee.name,
                Employee.hire_date,
                Employee.last_working_day,
                Employee.base_salary,
                Employee.social_security_city,
                Employee.department_id,
            )
        ).all()
        s.execute(delete(PayrollResult).where(PayrollResult.run_id == run.id))
        s.execute(
            insert(PayrollResult).execution_options(render_nulls=True),
            [
                {
                    "run_id": run.id,
                    "employee_id": r[0],
                    "department_id": r[7],
                    "project_department_id": None,
                    "gross_pay": r[5],
                    "employee_insurance": r[5],
                    "employer_insurance": r[5],
                    "total_tax": r[5],
                    "net_pay": r[5],
                    "employer_cost": r[5],
                    "ytd_months": 1,
                    "ytd_income": r[5],
                    "ytd_tax_free": 0,
                    "ytd_basic": 5000,
                    "ytd_special": 0,
                    "ytd_additional": 0,
                    "ytd_other": 0,
                    "ytd_tax": 0,
                    "ytd_bonus_separately": False,
                    "detail": sample,
                }
                for r in rows
            ],
        )
        elapsed = time.perf_counter() - started
        s.rollback()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=10_000)
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--profile", default=None)
    args = parser.parse_args()
    os.environ["HRDESK_DB_KEY"] = KEY
    os.environ.setdefault("HRDESK_AUDIT_KEY", "cd" * 32)  # the audit key apart from it
    from hrdesk.core.company import setup
    from hrdesk.core.kernel.clock import FixedClock
    from hrdesk.core.kernel.context import ServiceContext
    from hrdesk.core.kernel.permissions import Actor, Role
    from hrdesk.core.kernel.persistence.datadir import DataDir
    from hrdesk.core.payroll import runs

    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        folder = prepare(Path(tmp), args.employees, args.fresh)
        started = time.perf_counter()
        db = setup.open_company(DataDir(folder))
        print(f"open (and migrate after a backup): {time.perf_counter() - started:.1f} s")
        seed_inputs(db, 2026)
        clock = FixedClock(date(2026, 12, 28))
        hr = ServiceContext(db, Actor.create(None, "bench-hr", "人事", None, {Role.HR}), clock)
        finance = ServiceContext(db, Actor.create(None, "bench-fin", "财务", None, {Role.FINANCE}), clock)
        profiler = cProfile.Profile() if args.profile else None

        started = time.perf_counter()
        if profiler:
            profiler.enable()
        summary = runs.calculate_month(hr, date(2026, 1, 1))
        if profiler:
            profiler.disable()
        one_month = time.perf_counter() - started
        print(
            f"one month: {summary.employee_count:,} employees in {one_month:.2f} s (target < 3 s); "
            f"net {summary.total_net:,.2f}, {len(summary.warnings)} warnings"
        )
        baseline = bare_sql(db, date(2026, 1, 1))
        print(
            f"bare SQL read + write of the same rows: {baseline:.2f} s → the calculation adds "
            f"{one_month / baseline:.1f}× the bare I/O"
        )

        started = time.perf_counter()
        per_month = []
        for month in range(1, 13):
            t0 = time.perf_counter()
            runs.calculate_month(hr, date(2026, month, 1))
            t1 = time.perf_counter()
            runs.approve(finance, date(2026, month, 1))
            runs.mark_paid(finance, date(2026, month, 1))
            per_month.append((t1 - t0, time.perf_counter() - t1))
        year = time.perf_counter() - started
        calc_only = sum(c for c, _ in per_month)
        print(
            f"a year of 12 runs: {year:.1f} s including approve and pay (target < 40 s); "
            f"calculation alone {calc_only:.1f} s; slowest month {max(c for c, _ in per_month):.2f} s (December "
            f"reads 11 earlier months)"
        )
        started = time.perf_counter()
        december = runs.rows(hr, date(2026, 12, 1))
        print(
            f"December: {len(december):,} rows read back in {time.perf_counter() - started:.2f} s; year-to-date "
            f"tax {sum(r.payslip.ytd.tax for r in december):,.2f}"
        )
        del december  # the exports read the rows again; measure their own footprint
        from hrdesk.core.payroll import exports

        for kind in ("sheet", "iit", "bank"):
            started = time.perf_counter()
            exports.export(finance, date(2026, 12, 1), kind, Path(tmp) / f"{kind}.xlsx")
            print(
                f"export {kind} through the service (rows read, masked, written): {time.perf_counter() - started:.2f} s"
            )
        print(f"peak memory of the whole run: {peak_rss_mb():.0f} MB")
        db.dispose()
        if profiler:
            profiler.dump_stats(args.profile)
            pstats.Stats(args.profile).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()

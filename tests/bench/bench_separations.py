"""Benchmark: start and complete 1,000 separation flows in a 10,000-employee demo company through the
service layer (target < 30 s). Run on demand:

    .venv/bin/python tests/bench/bench_separations.py [--flows 1000] [--employees 10000] [--fresh]
                                                      [--profile FILE]

The company is a copy of the cached demo /tmp/hrdesk-bench-<N> (built by bench_register.py, key
"7"*64), or a fresh demo (``--fresh``, or when there is no cache), in a temporary folder; the
cache itself is never changed. HR starts each separation on the employee's behalf; every step is
approved by a user the flow assigned it to (FlowTask rows), each acting through a ServiceContext
of their own; every handover item is confirmed by its owner (a user with the owner role, or the
owner user); then HR archives. The clock is fixed so that deadlines and notice periods are stable.

Prints the time per phase and per operation, the figures of the run, and with ``--profile`` the
functions where the time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import platform
import pstats
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

import hrdesk.core.areas  # noqa: E402,F401  (every area loaded, as the entry points do)

KEY = "7" * 64


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def machine() -> str:
    cpu = platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.platform()}, {cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}"


def prepare(root: Path, employees: int, fresh: bool) -> Path:
    """A company folder to work on: a copy of the cache, or a new demo."""
    from hrdesk.core.kernel.persistence.datadir import DataDir

    cache = Path(f"/tmp/hrdesk-bench-{employees}")
    target = root / "data"
    if not fresh and (cache / "hrdesk.db").exists():
        shutil.copytree(cache, target, ignore=shutil.ignore_patterns("hrdesk.lock", "backups"))
        print(f"company: copy of {cache}")
        return target
    from hrdesk.core.demo.demo_company import create_demo_company

    started = time.perf_counter()
    result = create_demo_company(DataDir(target), employees=employees, seed=1)
    result.db.dispose()
    print(f"company: fresh demo with {employees:,} employees, built in {time.perf_counter() - started:.1f} s")
    return target


class People:
    """A ServiceContext per user (as the signed-in user would have), built once from the User rows."""

    def __init__(self, db, clock):
        from sqlalchemy import select

        from hrdesk.core.accounts.auth import actor_for
        from hrdesk.core.accounts.tables import User
        from hrdesk.core.kernel.context import ServiceContext

        self.ctx: dict[int, ServiceContext] = {}
        self.by_role: dict[str, list[int]] = defaultdict(list)
        self.by_name: dict[str, int] = {}
        with db.session() as session:
            for user in session.execute(select(User).where(User.active.is_(True))).scalars():
                self.ctx[user.id] = ServiceContext(db, actor_for(user), clock)
                self.by_name[user.username] = user.id
                for role in user.roles:
                    self.by_role[role.role].append(user.id)

    def user(self, username: str):
        return self.ctx[self.by_name[username]]


def pick_employees(db, count: int, excluded: set[int]) -> list[int]:
    from sqlalchemy import select

    from hrdesk.core.flows.tables import FlowInstance
    from hrdesk.core.org.tables import Department
    from hrdesk.core.people.tables import Employee

    with db.session() as session:
        busy = set(
            session.execute(
                select(FlowInstance.subject_employee_id).where(FlowInstance.status.in_(("running", "returned")))
            ).scalars()
        )
        heads = set(session.execute(select(Department.head_employee_id)).scalars())
        rows = session.execute(
            select(Employee.id).where(Employee.status.in_(("regular", "probation"))).order_by(Employee.id)
        ).scalars()
        chosen = [e for e in rows if e not in busy and e not in heads and e not in excluded]
    if len(chosen) < count:
        raise SystemExit(f"only {len(chosen)} employees can start a separation")
    step = len(chosen) / count  # spread over departments rather than the first N
    return [chosen[int(i * step)] for i in range(count)]


def patch_colleagues() -> None:
    """WHAT-IF, for the report only: notices._colleagues with one query instead of two per colleague.
    Same recipients (the employee's active account if any, else the employee), same order and limit."""
    from sqlalchemy import select

    from hrdesk.core.accounts.tables import User
    from hrdesk.core.flows import notices
    from hrdesk.core.flows.notice_policy import Recipient
    from hrdesk.core.people.tables import Employee

    def colleagues(session, condition, subject, reason):
        rows = session.execute(
            select(Employee.id, Employee.name, Employee.email, User.id)
            .outerjoin(User, (User.employee_id == Employee.id) & User.active.is_(True))
            .where(condition, Employee.status != "separated", Employee.id != subject.employee_id)
            .limit(notices.MAX_COLLEAGUES)
        ).all()
        return [
            Recipient(f"user:{uid}", name, uid, email, (reason,))
            if uid is not None
            else Recipient(f"employee:{eid}", name, None, email, (reason,))
            for eid, name, email, uid in rows
        ]

    notices._colleagues = colleagues
    print("WHAT-IF: notices._colleagues replaced by a one-query version (not the product code)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flows", type=int, default=1000)
    parser.add_argument("--employees", type=int, default=10_000)
    parser.add_argument("--fresh", action="store_true", help="build a new demo company instead of copying the cache")
    parser.add_argument("--profile", type=Path, default=None, help="write cProfile stats of the timed part here")
    parser.add_argument(
        "--what-if-batched-colleagues",
        action="store_true",
        help="measure with a one-query version of notices._colleagues patched in (a proposal, not the product code)",
    )
    args = parser.parse_args(argv)
    os.environ["HRDESK_DB_KEY"] = KEY  # before importing: no credential store at all
    os.environ.setdefault("HRDESK_AUDIT_KEY", "cd" * 32)  # the audit key apart from it

    from sqlalchemy import select

    from hrdesk.core.accounts.tables import User
    from hrdesk.core.audit import audit_log
    from hrdesk.core.company import setup
    from hrdesk.core.flows import checklists, engine, separations
    from hrdesk.core.flows.separation_rules import SeparationReason
    from hrdesk.core.flows.tables import ChecklistItem, FlowInstance, FlowTask
    from hrdesk.core.flows.workflow import Action
    from hrdesk.core.kernel.clock import FixedClock
    from hrdesk.core.kernel.persistence.datadir import DataDir

    print(f"machine: {machine()}")
    if args.what_if_batched_colleagues:
        patch_colleagues()
    tmp = Path(tempfile.mkdtemp(prefix="hrdesk-bench-sep-"))
    try:
        data = prepare(tmp, args.employees, args.fresh)
        db = setup.open_company(DataDir(data))
        clock = FixedClock(datetime.combine(date.today(), datetime.min.time()) + timedelta(hours=9))
        people = People(db, clock)
        hr = people.user("hr")
        with db.session() as session:
            linked = set(session.execute(select(User.employee_id).where(User.employee_id.is_not(None))).scalars())
        subjects = pick_employees(db, args.flows, linked)
        last_day = clock.today() + timedelta(days=45)

        timings: dict[str, float] = defaultdict(float)
        counts: Counter = Counter()
        actors: Counter = Counter()
        profiler = cProfile.Profile() if args.profile else None

        def timed(phase, fn, *a, **k):
            t = time.perf_counter()
            result = fn(*a, **k)
            timings[phase] += time.perf_counter() - t
            counts[phase] += 1
            return result

        def assignees(instance_id: int) -> tuple[int, list[int], bool]:
            """(step index, users who may act, whether it is the archiving step)."""
            with db.session() as session:
                instance = session.get(FlowInstance, instance_id)
                users = list(
                    session.execute(
                        select(FlowTask.user_id).where(
                            FlowTask.instance_id == instance_id, FlowTask.step_index == instance.step_index
                        )
                    ).scalars()
                )
                return instance.step_index, users, instance.status

        def owner_ctx(item) -> object:
            if item.owner_user_id is not None and item.owner_user_id in people.ctx:
                return people.ctx[item.owner_user_id]
            for user_id in people.by_role.get(item.owner_role or "hr", []):
                return people.ctx[user_id]
            return hr

        started = time.perf_counter()
        if profiler:
            profiler.enable()
        flow_ids = []
        for employee_id in subjects:
            detail = timed(
                "start (separations.start)",
                separations.start,
                hr,
                employee_id,
                SeparationReason.MUTUAL,
                last_day,
                "协商一致解除劳动合同",
            )
            flow_ids.append(detail.summary.id)
        start_phase = time.perf_counter() - started
        for flow_id in flow_ids:
            while True:
                _, users, status = assignees(flow_id)
                if status != "running":
                    break
                ctx = people.ctx[users[0]]
                try:
                    timed("approve (flows.act)", engine.act, ctx, flow_id, Action.APPROVE, "同意")
                    actors[ctx.actor.username] += 1
                except Exception as exc:  # the archiving step refuses while the checklist is open
                    if "交接清单" not in str(exc):
                        raise
                    with db.session() as session:
                        items = (
                            session.execute(
                                select(ChecklistItem).where(
                                    ChecklistItem.instance_id == flow_id, ChecklistItem.status == "open"
                                )
                            )
                            .scalars()
                            .all()
                        )
                    by_owner = {}
                    for item in items:
                        owner = owner_ctx(item)
                        by_owner.setdefault(id(owner), (owner, []))[1].append(item.id)
                    for ctx_of_owner, ids in by_owner.values():  # each owner ticks off their items at once
                        timed("confirm (checklists.confirm_many)", checklists.confirm_many, ctx_of_owner, ids, "已交接")
        total = time.perf_counter() - started
        if profiler:
            profiler.disable()

        with db.session() as session:
            done = session.execute(
                select(FlowInstance.id).where(FlowInstance.id.in_(flow_ids), FlowInstance.status == "completed")
            ).all()
        verify_started = time.perf_counter()
        report = audit_log.verify_chain(people.user("auditor"))
        verify_s = time.perf_counter() - verify_started
        db.dispose()
        size_mb = sum(p.stat().st_size for p in data.glob("hrdesk.db*")) / 2**20

        print(
            f"flows started and completed: {len(done):,} of {args.flows:,} in a company of {args.employees:,} employees"
        )
        print(
            f"TOTAL: {total:.1f} s  (target < 30 s); starting {start_phase:.1f} s, the rest {total - start_phase:.1f} s"
        )
        for phase in sorted(timings):
            print(
                f"  {phase:32s} {counts[phase]:>6,} calls  {timings[phase]:7.1f} s  "
                f"{timings[phase] / counts[phase] * 1000:6.1f} ms each"
            )
        other = total - sum(timings.values())
        print(f"  {'benchmark glue (task look-ups)':32s} {'':>6}        {other:7.1f} s")
        print(f"approvals by: {dict(actors)}")
        print(
            f"audit chain afterwards: {report.checked:,} records, {'OK' if report.ok else report.first_break}, "
            f"verified in {verify_s:.1f} s"
        )
        print(f"company file: {size_mb:,.1f} MiB; peak RSS {peak_rss_mb():,.0f} MiB")
        if profiler:
            profiler.dump_stats(args.profile)
            for order in ("tottime", "cumulative"):
                out = io.StringIO()
                pstats.Stats(str(args.profile), stream=out).sort_stats(order).print_stats(25)
                print(out.getvalue())
        return 0 if len(done) == args.flows and report.ok else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: verifying an audit chain of 1,000,000 records (target < 20 s). Run on demand:

    .venv/bin/python tests/bench/bench_audit_verify.py [--records 1000000] [--keep DIR] [--profile FILE]

Builds a company file (SQLCipher, raw key from a random HRDESK_DB_KEY, no credential store) and
appends the records with ``audit.append_many`` in chunks of 50,000, a few chunks per transaction,
with before/after values of realistic size (an employee edit: ~200-400 bytes of JSON). Then times
``audit_log.verify_chain`` over the whole chain, exactly as the auditor's 校验完整性 button and
``hrdesk audit verify`` run it. ``--keep DIR`` keeps (and on the next run reuses) the built file.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import platform
import pstats
import random
import resource
import secrets
import shutil
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

import hrdesk.core.areas  # noqa: E402,F401  (every area loaded, as the entry points do)

CHUNK = 50_000
CHUNKS_PER_TRANSACTION = 4
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英"
CITIES = ("上海", "北京", "深圳", "广州", "杭州", "成都", "武汉", "南京")
ACTIONS = (
    "employee.update",
    "employee.update",
    "employee.update",
    "flow.approve",
    "checklist.confirm",
    "login.success",
    "user.update",
    "employee.transfer",
)


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


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


def make_entries(rng: random.Random, start: int, count: int):
    """Records shaped like the real ones: an edit's changed fields before and after."""
    from hrdesk.core.kernel.audit_chain import Entry

    entries = []
    for n in range(start, start + count):
        action = ACTIONS[n % len(ACTIONS)]
        emp = rng.randint(1, 100_000)
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        if action == "employee.update":
            before = {
                "phone": f"13{rng.randint(100000000, 999999999)}",
                "email": f"e{emp:06d}@example.cn",
                "department_id": rng.randint(1, 40),
                "position_id": rng.randint(1, 30),
                "social_security_city": rng.choice(CITIES),
                "base_salary": f"{rng.randint(5, 60)}000.00",
                "bank_name": "中国工商银行" + rng.choice(CITIES) + "分行",
                "custom": {"教师职称": "中级"},
            }
            after = dict(
                before,
                phone=f"13{rng.randint(100000000, 999999999)}",
                base_salary=f"{rng.randint(5, 60)}500.00",
                department_id=rng.randint(1, 40),
            )
            entity, summary = ("employee", emp), f"修改员工 E{emp:06d} {name}"
        elif action == "employee.transfer":
            before = {
                "department_id": rng.randint(1, 40),
                "manager_id": rng.randint(1, 100_000),
                "position_id": rng.randint(1, 30),
                "base_salary": f"{rng.randint(5, 60)}000.00",
            }
            after = {
                "department_id": rng.randint(1, 40),
                "manager_id": rng.randint(1, 100_000),
                "position_id": rng.randint(1, 30),
                "base_salary": f"{rng.randint(5, 60)}500.00",
            }
            entity, summary = ("employee", emp), f"{name} 调岗/调薪生效（2026-03-01）"
        elif action in ("flow.approve", "checklist.confirm"):
            before = {"status": "running", "step": rng.randint(0, 4), "title": f"E{emp:06d} {name} 离职（主动辞职）"}
            after = {
                "comment": "同意。工作已交接给" + rng.choice(SURNAMES) + rng.choice(GIVEN) + "，客户资料、项目文件"
                "和在办事项均已移交，无未结清借款。" * rng.randint(1, 2),
                "item_id": n,
                "note": "已完成",
            }
            entity, summary = ("flow", rng.randint(1, 20_000)), f"E{emp:06d} {name} 离职：人事审核 同意"
        elif action == "user.update":
            before = {
                "username": f"u{emp}",
                "display_name": name,
                "employee_id": emp,
                "roles": ["employee", "manager"],
                "active": True,
                "must_change_password": False,
            }
            after = dict(before, roles=["employee", "manager", "project_lead"], active=rng.random() > 0.1)
            entity, summary = ("user", rng.randint(1, 5000)), f"修改账号 u{emp}"
        else:
            before, after = (
                None,
                {
                    "ip": f"10.0.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
                    "client": "HRDesk 0.3 Windows 10 (10.0.19045)",
                    "session": secrets.token_hex(12),
                },
            )
            entity, summary = ("user", rng.randint(1, 5000)), "登录成功"
        on_behalf = name if n % 17 == 0 else None
        entries.append(Entry(action, entity[0], entity[1], summary, before, after, on_behalf))
    return entries


def build(data_dir, records: int, seed: int) -> tuple[float, float]:
    """Append ``records`` records; returns (seconds, average JSON bytes per record)."""
    from sqlalchemy import func, select

    from hrdesk.core.company import setup as company
    from hrdesk.core.kernel import audit_chain
    from hrdesk.core.kernel.permissions import Actor
    from hrdesk.core.kernel.persistence.tables import AuditRecord

    setup = company.setup_company(
        data_dir,
        company_name="基准测试有限公司",
        admin_username="admin",
        admin_display_name="管理员",
        admin_password="Bench-pass-2024!",
    )
    db = setup.db
    rng = random.Random(seed)
    actors = [Actor.create(i, f"user{i}", f"用户{i}", i, []) for i in range(1, 51)]
    started = time.perf_counter()
    now = datetime(2025, 1, 1, 8, 0)
    with db.session() as session:
        existing = session.execute(select(func.count()).select_from(AuditRecord)).scalar_one()
    todo = records - existing
    done = 0
    while done < todo:
        with db.session() as session, session.begin():
            for _ in range(CHUNKS_PER_TRANSACTION):
                count = min(CHUNK, todo - done)
                if count <= 0:
                    break
                # one actor and timestamp per chunk (append_many takes one of each)
                audit_chain.append_many(
                    session, actors[(done // CHUNK) % len(actors)], now, make_entries(rng, done, count)
                )
                done += count
                now += timedelta(minutes=37)
        print(f"  {existing + done:>9,} records  {time.perf_counter() - started:6.1f} s", flush=True)
    elapsed = time.perf_counter() - started
    with db.session() as session:
        size = session.execute(
            select(
                func.avg(
                    func.coalesce(func.length(AuditRecord.before), 0) + func.coalesce(func.length(AuditRecord.after), 0)
                )
            )
        ).scalar_one()
    db.dispose()
    return elapsed, float(size or 0)


def time_sealing(data_dir) -> float:
    """Make the file one from before keyed chains (plain SHA-256, no fingerprint), then time the
    start that seals it (kernel.audit_key.upgrade via open_company)."""
    from sqlalchemy import delete, select, update
    from sqlalchemy.orm import Session

    from hrdesk.core.company import setup as company
    from hrdesk.core.kernel import audit_chain, audit_key
    from hrdesk.core.kernel.persistence.engine import sqlcipher_engine
    from hrdesk.core.kernel.persistence.tables import AuditRecord, Setting

    engine = sqlcipher_engine(data_dir.db_path, os.environ["HRDESK_DB_KEY"])
    with Session(engine) as session, session.begin():
        prev, last = audit_chain.GENESIS_HASH, 0
        while rows := session.execute(
            select(AuditRecord.id, *audit_chain.CHAIN_COLUMNS)
            .where(AuditRecord.seq > last)
            .order_by(AuditRecord.seq)
            .limit(20000)
        ).all():
            changes = []
            for row in rows:
                digest = audit_chain.record_hash(None, prev, *row[1:12])
                changes.append({"id": row[0], "prev_hash": prev, "hash": digest})
                prev, last = digest, row[1]
            session.execute(update(AuditRecord), changes)
        session.execute(delete(Setting).where(Setting.key == audit_key.FINGERPRINT_SETTING))
    engine.dispose()
    started = time.perf_counter()
    company.open_company(data_dir).dispose()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--keep", type=Path, default=None, help="build into (or reuse) this folder instead of a temporary one"
    )
    parser.add_argument("--profile", type=Path, default=None, help="profile the verification into this file")
    parser.add_argument(
        "--seal",
        action="store_true",
        help="then turn the chain into one from before keyed chains and time the one-time sealing at open",
    )
    args = parser.parse_args(argv)

    key_file = args.keep / "bench-key.txt" if args.keep else None
    if key_file and key_file.exists():
        os.environ["HRDESK_DB_KEY"] = key_file.read_text().strip()
        os.environ.setdefault("HRDESK_AUDIT_KEY", "cd" * 32)  # the audit key apart from it
    else:
        os.environ["HRDESK_DB_KEY"] = secrets.token_hex(32)  # before importing: no keyring at all
        os.environ.setdefault("HRDESK_AUDIT_KEY", "cd" * 32)  # the audit key apart from it

    from hrdesk.core.audit import audit_log
    from hrdesk.core.company import setup as company
    from hrdesk.core.kernel.context import ServiceContext
    from hrdesk.core.kernel.permissions import Actor
    from hrdesk.core.kernel.persistence.datadir import DataDir

    print(f"machine: {machine()}")
    tmp = None
    if args.keep:
        root = args.keep
    else:
        tmp = tempfile.mkdtemp(prefix="hrdesk-bench-audit-")
        root = Path(tmp)
    try:
        data_dir = DataDir(root / "data")
        if data_dir.is_initialized():
            print(f"reusing {data_dir.root}")
        else:
            print(f"building {args.records:,} audit records in {data_dir.root} …")
            build_s, json_bytes = build(data_dir, args.records, args.seed)
            if key_file:
                key_file.write_text(os.environ["HRDESK_DB_KEY"])
            print(
                f"build: {build_s:.1f} s ({args.records / build_s:,.0f} records/s), "
                f"before+after JSON {json_bytes:.0f} bytes per record on average"
            )
        size_mb = sum(p.stat().st_size for p in data_dir.root.glob(data_dir.db_path.name + "*")) / 2**20
        print(f"company file: {size_mb:,.1f} MiB")

        db = company.open_company(data_dir)
        ctx = ServiceContext(db, Actor.system("bench"))
        profiler = cProfile.Profile() if args.profile else None
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        report = audit_log.verify_chain(ctx)
        if profiler:
            profiler.disable()
        verify_s = time.perf_counter() - started
        db.dispose()
        print(
            f"verify: {report.checked:,} records in {verify_s:.1f} s "
            f"({report.checked / verify_s:,.0f} records/s), {'OK' if report.ok else report.first_break}  "
            f"target < 20 s"
        )
        if args.seal:
            seal_s = time_sealing(data_dir)
            print(f"seal at first open: {report.checked:,} records in {seal_s:.1f} s")
        print(f"peak RSS: {peak_rss_mb():,.0f} MiB")
        if profiler:
            profiler.dump_stats(args.profile)
            pstats.Stats(str(args.profile)).sort_stats("cumulative").print_stats(18)
        return 0 if report.ok else 1
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

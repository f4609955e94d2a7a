"""Benchmark: 离职证明 PDFs (targets: one certificate < 100 ms after the first; 1,000 in < 60 s with
flat memory). Run on demand:

    .venv/bin/python tests/bench/bench_certificates.py [--count 1000] [--out DIR]

Times the first certificate (which loads and registers the 5 MB font), then single certificates
after it, then a batch of ``--count`` different certificates (each its own number and employee, the
company seal on every one), and one settlement statement for comparison. Memory: the resident set
size at checkpoints through the batch (it should stop growing after the first documents), the
peak RSS, and the Python heap still allocated after each of four further hundreds of certificates
under tracemalloc (it levels off: only bounded caches fill).
With ``--out`` the batch is also written to files there.
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import platform
import resource
import statistics
import sys
import time
import tracemalloc
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

import hrdesk.core.areas  # noqa: E402,F401  (every area loaded, as the entry points do)


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def current_rss_mb() -> float:
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return float("nan")


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


def seal_png() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (400, 400), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, 390, 390), outline=(200, 20, 30, 230), width=16)
    draw.regular_polygon((200, 200, 60), 5, fill=(200, 20, 30, 230))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超"]
POSITIONS = [
    "软件工程师",
    "高级软件工程师",
    "销售经理",
    "会计",
    "出纳",
    "人事专员",
    "行政助理",
    "产品经理",
    "测试工程师",
]
DEPARTMENTS = ["研发中心", "销售部", "财务部", "人力资源部", "行政部", "产品部", "质量部"]


def certificate(index: int, base):
    from hrdesk.core.separation.compensation import service_length

    hire = date(2012, 1, 1) + timedelta(days=(index * 37) % 4000)
    last = date(2026, 3, 1) + timedelta(days=index % 28)
    return replace(
        base,
        number=f"LZ-2026-{index + 1:04d}",
        employee_name=SURNAMES[index % len(SURNAMES)] + GIVEN[(index // 20) % len(GIVEN)],
        id_number=f"1101011990{index % 12 + 1:02d}{index % 28 + 1:02d}{index % 1000:03d}X",
        position=POSITIONS[index % len(POSITIONS)],
        department=DEPARTMENTS[index % len(DEPARTMENTS)],
        hire_date=hire,
        contract_start=hire,
        contract_end=last + timedelta(days=365 * (index % 3)),
        last_working_day=last,
        termination_date=last,
        years_of_service=service_length(hire, last).text,
        issue_date=last + timedelta(days=1),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=None, help="also write the batch's PDFs into this folder")
    args = parser.parse_args(argv)

    from hrdesk.core.documents.pdf import (
        CompanyLetterhead,
        SeparationCertificate,
        SettlementLine,
        SettlementStatement,
        render_separation_certificate,
        render_settlement_statement,
    )

    print(f"machine: {machine()}")
    company = CompanyLetterhead(
        "上海示例科技有限公司", "上海市浦东新区张江路88号8楼", "021-5888 6666", "91310115MA1K4XXXX0", seal_png()
    )
    base = SeparationCertificate(
        number="LZ-2026-0000",
        company=company,
        employee_name="张三",
        id_number="110101199003071234",
        position="高级软件工程师",
        department="研发中心",
        hire_date=date(2020, 3, 2),
        contract_start=date(2020, 3, 2),
        contract_end=date(2026, 3, 1),
        last_working_day=date(2026, 3, 15),
        termination_date=date(2026, 3, 15),
        years_of_service="6年14天",
        issue_date=date(2026, 3, 16),
    )
    rss_start = current_rss_mb()

    started = time.perf_counter()
    first = render_separation_certificate(base)
    first_ms = (time.perf_counter() - started) * 1000
    print(
        f"first certificate (font load included): {first_ms:.1f} ms, {len(first) / 1024:.1f} KiB, "
        f"RSS {rss_start:.0f} → {current_rss_mb():.0f} MiB"
    )

    singles = []
    for index in range(50):
        cert = certificate(index, base)
        started = time.perf_counter()
        render_separation_certificate(cert)
        singles.append((time.perf_counter() - started) * 1000)
    print(
        f"one certificate after the first (50 runs): median {statistics.median(singles):.1f} ms, "
        f"min {min(singles):.1f} ms, max {max(singles):.1f} ms  (target < 100 ms)"
    )

    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    gc.collect()
    checkpoints = []
    total_bytes = 0
    rss_before = current_rss_mb()
    started = time.perf_counter()
    for index in range(args.count):
        pdf = render_separation_certificate(certificate(index, base))
        total_bytes += len(pdf)
        if args.out:
            (args.out / f"LZ-2026-{index + 1:04d}.pdf").write_bytes(pdf)
        if (index + 1) % max(1, args.count // 5) == 0:
            checkpoints.append((index + 1, current_rss_mb()))
    batch_s = time.perf_counter() - started
    print(
        f"batch of {args.count:,}: {batch_s:.1f} s, {batch_s / args.count * 1000:.1f} ms each, "
        f"{total_bytes / 2**20:.1f} MiB of PDF  (target < 60 s)"
    )
    print(
        "RSS through the batch: "
        + ", ".join([f"start {rss_before:.0f}"] + [f"{n:,}: {mb:.0f}" for n, mb in checkpoints])
        + " MiB"
    )

    statement = SettlementStatement(
        number="JS-2026-0001",
        company=company,
        employee_name="张三",
        emp_no="E000123",
        department="研发中心",
        position="高级软件工程师",
        hire_date=date(2020, 3, 2),
        last_working_day=date(2026, 3, 15),
        termination_date=date(2026, 3, 15),
        separation_type="协商解除",
        issue_date=date(2026, 3, 16),
        lines=(
            SettlementLine("3月工资", "出勤11天：23,500.00元 ÷ 21.75 × 11天", Decimal("11885.06")),
            SettlementLine("经济补偿", "N = 6.5；23,500.00元 × 6.5个月", Decimal("152750.00")),
            SettlementLine("个人所得税", "3月工资累计预扣", Decimal("-512.30")),
        ),
    )
    render_settlement_statement(statement)
    started = time.perf_counter()
    for _ in range(20):
        render_settlement_statement(statement)
    print(f"settlement statement: {(time.perf_counter() - started) / 20 * 1000:.1f} ms each (20 runs)")

    gc.collect()
    tracemalloc.start()
    heap_start = tracemalloc.get_traced_memory()[0]
    heap = []
    for chunk in range(4):
        for index in range(100):
            render_separation_certificate(certificate(args.count + chunk * 100 + index, base))
        gc.collect()
        heap.append(((chunk + 1) * 100, (tracemalloc.get_traced_memory()[0] - heap_start) / 1024))
    peak = tracemalloc.get_traced_memory()[1] - heap_start
    tracemalloc.stop()
    print(
        "Python heap still allocated after N more certificates (tracemalloc; bounded caches of reportlab, "
        "struct and the type attribute cache fill up, then it stays level): "
        + ", ".join(f"{n}: {kib:+.0f} KiB" for n, kib in heap)
        + f"; peak within a document {peak / 2**20:.1f} MiB"
    )
    print(f"peak RSS {peak_rss_mb():.0f} MiB")
    ok = statistics.median(singles) < 100 and batch_s < 60
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

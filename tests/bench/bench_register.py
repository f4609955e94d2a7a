"""Benchmark: the employee register GUI at 10,000 and 100,000 employees (run on demand).

    python tests/bench/bench_register.py [--small 10000] [--large 100000]

Measures, each in a fresh process so that nothing is cached:
- bare Qt: process start to an empty main window painted (the yardstick for other machines);
- start-up: process start to the employee table painted with ``--small`` employees, after sign-in
  (target < 2 s on 2 cores);
- with ``--large`` employees loaded in the table: time per keystroke of the search filter, the
  status and department filters (target < 100 ms), sorting by name, and peak memory (< 400 MB).
Demo companies are built once into /tmp/hrdesk-bench-<N> and reused (same key, same seed).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

KEY = "7" * 64
ROOT = Path(__file__).resolve().parents[2]


def ensure_demo(n: int) -> Path:
    data = Path(f"/tmp/hrdesk-bench-{n}")
    if (data / "hrdesk.db").exists():
        return data
    env = dict(os.environ, HRDESK_DB_KEY=KEY, HRDESK_AUDIT_KEY="cd" * 32)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "hrdesk", "--data-dir", str(data), "demo", "--employees", str(n)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    print(f"(built demo with {n} employees in {time.perf_counter() - started:.1f} s)")
    return data


CHILD_BARE = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv)
w = QMainWindow(); w.setCentralWidget(QTableView()); w.resize(1280, 800); w.show()
w.grab()
print("PAINTED", flush=True)
"""

CHILD_GUI = r"""
import os, sys, time, resource
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from hrdesk.ui.shell.qt_env import ensure_application
from hrdesk.core.kernel.persistence.datadir import DataDir
from hrdesk.core.accounts import auth
from hrdesk.core.company import setup as company
from hrdesk.ui.shell.app import make_session
from hrdesk.ui.shell.main_window import MainWindow
app = ensure_application()
db = company.open_company(DataDir(Path(sys.argv[1])))
ctx = auth.login(db, "hr", sys.argv[2])
window = MainWindow(make_session(ctx, "bench"))
window.show()
page = window.pages["employees"]
loop_done = []
page.loaded.connect(lambda: loop_done.append(1))
while not loop_done:
    app.processEvents()
    time.sleep(0.001)
window.grab()  # paints the table
print("PAINTED", page.model.total_count(), flush=True)
if sys.argv[3] == "interactive":
    from PySide6.QtCore import Qt
    from hrdesk.ui.people.employees_page import status_filters

    def timed(fn):
        t = time.perf_counter(); fn(); app.processEvents(); return (time.perf_counter() - t) * 1000

    def type_into(text):
        return [timed(lambda i=i: page.search.setText(text[:i])) for i in range(1, len(text) + 1)]

    keys = []
    for text in ("张", "张伟", "e0012", "13", "销售", "王 项目"):
        keys += type_into(text)
        keys.append(timed(lambda: page.search.clear()))
    status = [timed(lambda i=i: page.status_filter.setCurrentIndex(i)) for i in range(page.status_filter.count())]
    status.append(timed(lambda: page.status_filter.setCurrentIndex(1)))
    tree = page.tree
    depts = [tree.topLevelItem(0).child(0).child(i) for i in range(min(6, tree.topLevelItem(0).child(0).childCount()))]
    dept = [timed(lambda d=d: tree.setCurrentItem(d)) for d in depts]
    dept.append(timed(lambda: tree.setCurrentItem(tree.topLevelItem(0))))
    name_col = [c.key for c in page.model.columns].index("name")
    sort_ms = timed(lambda: page.table.sortByColumn(name_col, Qt.SortOrder.AscendingOrder))
    keys_after_sort = type_into("李娜")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"KEYS {max(keys):.1f} {sorted(keys)[len(keys)//2]:.1f} {len(keys)}")
    print(f"STATUS {max(status):.1f}")
    print(f"DEPT {max(dept):.1f}")
    print(f"SORT {sort_ms:.1f}")
    print(f"KEYS_SORTED {max(keys_after_sort):.1f}")
    print(f"LOAD {page.last_load_seconds:.2f}")
    print(f"RSS {rss:.0f}")
"""


def time_to_paint(args: list[str], env: dict) -> tuple[float, list[str]]:
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    painted = None
    lines = []
    for line in proc.stdout:
        lines.append(line.strip())
        if line.startswith("PAINTED") and painted is None:
            painted = time.perf_counter() - started
    proc.wait()
    if painted is None:
        raise SystemExit("child did not paint: " + "\n".join(lines))
    return painted, lines


def hr_password(data: Path) -> str:
    from hrdesk.core.demo.demo_company import demo_passwords

    return demo_passwords(1)["hr"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    env = dict(os.environ, HRDESK_DB_KEY=KEY, HRDESK_AUDIT_KEY="cd" * 32, QT_QPA_PLATFORM="offscreen")
    print(
        f"machine: {platform.machine()} {os.cpu_count()} cores, {platform.platform()}, "
        f"Python {platform.python_version()}"
    )

    bare = statistics.median(time_to_paint([sys.executable, "-c", CHILD_BARE], env)[0] for _ in range(args.runs))
    print(f"bare QApplication + empty main window painted: {bare:.2f} s")

    small = ensure_demo(args.small)
    runs = [
        time_to_paint([sys.executable, "-c", CHILD_GUI, str(small), hr_password(small), "start"], env)[0]
        for _ in range(args.runs)
    ]
    start = statistics.median(runs)
    print(
        f"start-up to table painted, {args.small} employees, after sign-in: {start:.2f} s "
        f"(median of {args.runs}; {start / bare:.1f}× bare Qt)  target < 2 s"
    )

    large = ensure_demo(args.large)
    total, lines = time_to_paint([sys.executable, "-c", CHILD_GUI, str(large), hr_password(large), "interactive"], env)
    figures = {line.split()[0]: line.split()[1:] for line in lines}
    keys_max, keys_median, keys_n = figures["KEYS"]
    print(f"start-up to table painted, {args.large} employees: {total:.2f} s (background load {figures['LOAD'][0]} s)")
    print(
        f"search filter per keystroke over {args.large} rows: max {keys_max} ms, median {keys_median} ms "
        f"({keys_n} keystrokes)  target < 100 ms"
    )
    print(f"status filter change: max {figures['STATUS'][0]} ms; department tree filter: max {figures['DEPT'][0]} ms")
    print(f"sort by name (pinyin): {figures['SORT'][0]} ms; search after sorting: max {figures['KEYS_SORTED'][0]} ms")
    print(f"peak memory with {args.large} employees loaded: {figures['RSS'][0]} MB  target < 400 MB")


if __name__ == "__main__":
    main()

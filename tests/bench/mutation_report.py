"""The figures of the last mutation run, per module, and the surviving mutants by name.

mutmut keeps one ``mutants/<source>.py.meta`` per mutated module with each mutant's exit code; its
own ``results`` lists survivors without counts and ``export-cicd-stats`` totals without modules, and
docs/mutation.md needs both. Run from the checkout (tests/bench/run_mutation.sh calls it last):

    .venv/bin/python tests/bench/mutation_report.py            # the table and the survivors
    .venv/bin/python tests/bench/mutation_report.py --diffs    # … and each survivor's diff
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from mutmut.stats import status_by_exit_code

MUTANTS = Path("mutants")
COLUMNS = ("killed", "survived", "no tests", "timeout", "not checked", "other")


def module_results() -> dict[str, dict[str, str]]:
    """Module (dotted) → mutant name → status, for every mutated module of the last run."""
    results: dict[str, dict[str, str]] = {}
    for meta in sorted((MUTANTS / "src").rglob("*.py.meta")):
        source = meta.relative_to(MUTANTS / "src").with_suffix("").with_suffix("")
        module = ".".join(source.parts)
        exit_codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        if exit_codes:
            results[module] = {name: status_by_exit_code[code] for name, code in exit_codes.items()}
    return results


def column(status: str) -> str:
    if status in ("killed", "caught by type check"):
        return "killed"
    if status == "segfault":  # a mutant that crashed the test process was found out, as a kill
        return "killed"
    return status if status in COLUMNS else "other"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--diffs", action="store_true", help="print each surviving mutant's diff (mutmut show)")
    args = parser.parse_args(argv)
    results = module_results()
    if not results:
        print("no mutation results: run tests/bench/run_mutation.sh first", file=sys.stderr)
        return 1
    print(f"| module | generated | {' | '.join(COLUMNS)} |")
    print("|---|---:|" + "---:|" * len(COLUMNS))
    totals: Counter[str] = Counter()
    for module, statuses in results.items():
        counts = Counter(column(s) for s in statuses.values())
        totals.update(counts)
        totals["generated"] += len(statuses)
        cells = " | ".join(str(counts[c]) for c in COLUMNS)
        print(f"| {module} | {len(statuses)} | {cells} |")
    cells = " | ".join(str(totals[c]) for c in COLUMNS)
    print(f"| **total** | {totals['generated']} | {cells} |")
    survivors = [
        name
        for statuses in results.values()
        for name, status in statuses.items()
        if column(status) not in ("killed", "not checked")
    ]
    if totals["not checked"]:
        print(f"\n{totals['not checked']} not checked yet (the run is going on or was stopped)")
    print(f"\n{len(survivors)} not killed:")
    for name in survivors:
        status = next(statuses[name] for statuses in results.values() if name in statuses)
        print(f"  {name}  [{status}]")
        if args.diffs:
            diff = subprocess.run(
                [str(Path(sys.executable).parent / "mutmut"), "show", name], capture_output=True, text=True
            )
            print("    " + (diff.stdout or diff.stderr).strip().replace("\n", "\n    "))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Compile every forms/*.ui into hrdesk/ui/forms/ui_<name>.py with pyside6-uic.

Run ``python -m hrdesk.ui.forms.compile`` after editing a form, or with ``--check`` to list modules
that are out of date (exit code 1), which is what the test suite does.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

FORMS_DIR = Path(__file__).resolve().parents[4] / "forms"
OUT_DIR = Path(__file__).resolve().parent


def uic_command() -> list[str]:
    uic = Path(sys.executable).with_name("pyside6-uic")
    if uic.exists():
        return [str(uic)]
    return [sys.executable, "-m", "PySide6.scripts.pyside_tool", "uic"]


def compile_form(ui_file: Path, out_file: Path) -> None:
    subprocess.run([*uic_command(), str(ui_file), "-o", str(out_file)], check=True)


def target_for(ui_file: Path) -> Path:
    return OUT_DIR / f"ui_{ui_file.stem}.py"


def stale_forms() -> list[Path]:
    """Forms whose generated module differs from what pyside6-uic produces now."""
    stale = []
    with tempfile.TemporaryDirectory() as tmp:
        for ui_file in sorted(FORMS_DIR.glob("*.ui")):
            fresh = Path(tmp) / target_for(ui_file).name
            compile_form(ui_file, fresh)
            current = target_for(ui_file)
            if not current.exists() or current.read_text(encoding="utf-8") != fresh.read_text(encoding="utf-8"):
                stale.append(ui_file)
    return stale


def main(argv: list[str]) -> int:
    if "--check" in argv:
        stale = stale_forms()
        for ui_file in stale:
            print(f"out of date: {ui_file.name} -> {target_for(ui_file).name}")
        return 1 if stale else 0
    for ui_file in sorted(FORMS_DIR.glob("*.ui")):
        compile_form(ui_file, target_for(ui_file))
        print(f"{ui_file.name} -> {target_for(ui_file).name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

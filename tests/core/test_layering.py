"""The core never imports Qt: import every core module in a fresh interpreter with PySide6 blocked."""

import pkgutil
import subprocess
import sys
import textwrap

import hrdesk.core


def core_modules() -> list[str]:
    return sorted(
        m.name for m in pkgutil.walk_packages(hrdesk.core.__path__, "hrdesk.core.") if ".migrations" not in m.name
    )


def test_core_modules_exist():
    names = core_modules()
    assert "hrdesk.core.people.employees" in names
    assert "hrdesk.core.kernel.persistence.company_file" in names


def test_core_imports_no_qt():
    script = textwrap.dedent(f"""
        import importlib, sys

        class BlockQt:
            def find_spec(self, name, path=None, target=None):
                if name == "PySide6" or name.startswith("PySide6.") or name == "shiboken6":
                    raise ImportError("core must not import " + name)
                return None

        sys.meta_path.insert(0, BlockQt())
        for name in {core_modules()!r}:
            importlib.import_module(name)
        assert not any(m.startswith("PySide6") for m in sys.modules)
        print("ok")
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"

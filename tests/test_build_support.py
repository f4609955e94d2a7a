"""The pieces of the one-file build that can be checked without running PyInstaller: the platform
helpers build.spec relies on, the self-test's runner, and the self-test itself (from source, in a
subprocess). The real build and the self-test of the binary run in .ci/run."""

from __future__ import annotations

import ast
import importlib
import io
import os
import subprocess
import sys
import tomllib
import types
from pathlib import Path

import pytest

from hrdesk import platform_support as ps
from hrdesk import selftest
from hrdesk.cli.main import build_parser

ROOT = Path(__file__).resolve().parents[1]


# --- names and versions --------------------------------------------------------------------------


def test_executable_name_per_platform():
    assert ps.executable_name("win32") == "hrdesk.exe"
    assert ps.executable_name("linux") == "hrdesk"
    assert ps.executable_name("darwin") == "hrdesk"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("2", (2, 0, 0, 0)),
        ("1.2.3.4.5", (1, 2, 3, 4)),
        ("1.2.3rc1", (1, 2, 3, 0)),
        ("1.2.dev4", (1, 2, 0, 0)),
        ("1.2.3+local.7", (1, 2, 3, 0)),
        ("v3.1", (3, 1, 0, 0)),
        ("70000.1", (65535, 1, 0, 0)),
    ],
)
def test_version_tuple(text, expected):
    assert ps.version_tuple(text) == expected


@pytest.mark.parametrize("text", ["", "abc", None])
def test_version_tuple_rejects_non_versions(text):
    with pytest.raises(ValueError):
        ps.version_tuple(text)


def test_project_version_is_read_from_pyproject(tmp_path):
    expected = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert ps.read_project_version(ROOT / "pyproject.toml") == expected
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "x"\nversion = "4.5.6"\n', encoding="utf-8")
    assert ps.read_project_version(other) == "4.5.6"


def test_build_version_module_defines_version():
    namespace: dict = {}
    exec(ps.build_version_module_text("1.2.3"), namespace)
    assert namespace["VERSION"] == "1.2.3"
    with pytest.raises(ValueError):
        ps.build_version_module_text('1"; import os; "')


class _Recorder:
    """Stands in for PyInstaller's version-info classes: records how each was called."""

    def __init__(self, kind):
        self.kind = kind

    def __call__(self, *args, **kwargs):
        return {"kind": self.kind, "args": args, "kwargs": kwargs}


def _eval_version_file(text: str) -> dict:
    names = [
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    ]
    return eval(compile(text, "file_version_info.txt", "eval"), {n: _Recorder(n) for n in names})


def test_windows_version_file_carries_the_version():
    text = ps.windows_version_file_text("1.2.3", year=2026)
    assert text.startswith("# UTF-8\n")
    info = _eval_version_file(text)
    assert info["kind"] == "VSVersionInfo"
    ffi = info["kwargs"]["ffi"]["kwargs"]
    assert ffi["filevers"] == (1, 2, 3, 0) and ffi["prodvers"] == (1, 2, 3, 0)
    assert ffi["fileType"] == 0x1  # an application
    string_file_info, var_file_info = info["kwargs"]["kids"]
    (table,) = string_file_info["args"][0]
    language, structs = table["args"]
    assert language == "080404B0"  # Chinese (PRC), Unicode
    strings = dict(s["args"] for s in structs)
    assert strings["FileVersion"] == strings["ProductVersion"] == "1.2.3"
    assert strings["OriginalFilename"] == "hrdesk.exe"
    assert strings["InternalName"] == "hrdesk"
    assert "人事" in strings["ProductName"]
    assert "2026" in strings["LegalCopyright"]
    (translation,) = var_file_info["args"][0]
    assert translation["args"] == ("Translation", [0x0804, 1200])


def test_windows_version_file_loads_in_pyinstaller(tmp_path, monkeypatch):
    """Parse the file exactly as EXE(version=...) does and build the binary resource, on every
    platform (issue 12: this test used to skip everywhere but Windows). PyInstaller's versioninfo
    imports ``win32api`` from its compat module only to write resources into an .exe on Windows;
    parsing and toRaw() never use it, so off Windows a placeholder stands in for the import."""
    compat = importlib.import_module("PyInstaller.compat")
    if not hasattr(compat, "win32api"):
        monkeypatch.setattr(compat, "win32api", types.SimpleNamespace(), raising=False)
    versioninfo = importlib.import_module("PyInstaller.utils.win32.versioninfo")
    path = tmp_path / "file_version_info.txt"
    path.write_text(ps.windows_version_file_text("0.1.0"), encoding="utf-8")
    info = versioninfo.load_version_info_from_text_file(str(path))
    assert info.toRaw()


# --- what goes into the bundle -------------------------------------------------------------------


@pytest.mark.parametrize(
    "dest, platform, keep",
    [
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", "linux", True),
        ("PySide6/Qt/translations/qtbase_de.qm", "linux", False),
        ("PySide6/Qt/translations/qt_zh_CN.qm", "linux", False),
        ("PySide6\\translations\\qtbase_zh_CN.qm", "win32", True),
        ("PySide6\\translations\\qtbase_zh_TW.qm", "win32", False),
        ("PySide6\\opengl32sw.dll", "win32", False),
        ("PySide6\\Qt6Core.dll", "win32", True),
        ("PySide6\\Qt6Network.dll", "win32", False),
        ("PySide6/Qt/lib/libQt6Network.so.6", "linux", False),
        ("libQt6Network.so.6", "linux", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", "linux", True),
        ("PySide6/Qt/lib/libQt6DBus.so.6", "linux", True),  # QtGui needs it on Linux
        ("libQt6EglFSDeviceIntegration.so.6", "linux", False),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "linux", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", "linux", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "linux", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", "linux", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", "linux", False),
        ("PySide6/Qt/plugins/platforms/libqlinuxfb.so", "linux", False),
        ("PySide6\\plugins\\platforms\\qwindows.dll", "win32", True),
        ("PySide6\\plugins\\platforms\\qoffscreen.dll", "win32", True),
        ("PySide6\\plugins\\platforms\\qminimal.dll", "win32", False),
        ("PySide6\\plugins\\platforms\\qdirect2d.dll", "win32", False),
        ("PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so", "linux", False),
        ("PySide6/Qt/plugins/generic/libqtuiotouchplugin.so", "linux", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", "linux", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", "linux", False),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", "linux", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", "linux", True),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "linux", True),
        ("stdnum/cn/loc.dat", "linux", True),
        ("stdnum\\cn\\loc.dat", "win32", True),
        ("stdnum/oui.dat", "linux", False),
        ("stdnum/iban.dat", "win32", False),
        ("resources/fonts/wqy-microhei.ttc", "linux", True),
        ("resources/data/cities.json", "win32", True),
        ("hrdesk/core/kernel/persistence/migrations/versions/0001_initial.py", "linux", True),
        ("libpython3.11.so.1.0", "linux", True),
        ("python311.dll", "win32", True),
    ],
)
def test_keep_bundled_file(dest, platform, keep):
    assert ps.keep_bundled_file(dest, platform) is keep


def test_platform_plugin_and_keyring_backend_names():
    import importlib

    assert ps.native_qt_platform_plugin("win32") == "qwindows"
    assert ps.native_qt_platform_plugin("linux") == "qxcb"
    assert ps.native_qt_platform_plugin("darwin") == "qcocoa"
    assert ps.expected_keyring_backend("win32") == ("keyring.backends.Windows", "WinVaultKeyring")
    for platform in ("win32", "linux", "darwin"):  # the named classes exist in the pinned keyring
        module, name = ps.expected_keyring_backend(platform)
        assert hasattr(importlib.import_module(module), name)
    # every platform's native plugin survives the bundle filter
    assert ps.keep_bundled_file("PySide6/plugins/platforms/qwindows.dll", "win32")
    assert ps.keep_bundled_file("PySide6/Qt/plugins/platforms/libqcocoa.dylib", "darwin")


# --- frozen or not, start-up timing --------------------------------------------------------------


def test_is_onefile():
    assert ps.is_onefile(meipass="/tmp/_MEIabc123", executable="/opt/hrdesk/hrdesk")
    assert not ps.is_onefile(meipass="/opt/hrdesk/_internal", executable="/opt/hrdesk/hrdesk")
    assert not ps.is_onefile(meipass="/opt/hrdesk", executable="/opt/hrdesk/hrdesk")
    assert not ps.is_onefile(meipass="", executable="/opt/hrdesk/hrdesk")


def test_running_from_source():
    assert not ps.is_frozen()
    assert ps.build_kind() == "source"
    assert ps.self_command(["--version"]) == [sys.executable, "-m", "hrdesk", "--version"]
    assert ps.attach_parent_console() is False  # streams exist (and not Windows here)


def test_linux_process_age_from_proc_files(tmp_path):
    (tmp_path / "123").mkdir()
    # the command name may hold spaces and parentheses; field 22 (start time) is 500 ticks
    fields = ["S"] + ["0"] * 18 + ["500"] + ["0"] * 10
    (tmp_path / "123" / "stat").write_text("123 (hr desk (x)) " + " ".join(fields) + "\n")
    (tmp_path / "uptime").write_text("12.50 40.00\n")
    ticks = os.sysconf("SC_CLK_TCK")
    assert ps.linux_process_age(123, proc=tmp_path) == pytest.approx(12.5 - 500 / ticks)
    assert ps.linux_process_age(999, proc=tmp_path) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc is Linux")
def test_linux_process_age_of_this_process():
    age = ps.linux_process_age()
    assert age is not None and 0 <= age < 24 * 3600


def test_seconds_since_launch_prefers_the_launch_time():
    assert ps.seconds_since_launch({ps.LAUNCH_TIME_ENV: "100.25"}, now=102.0) == (
        pytest.approx(1.75),
        ps.LAUNCH_TIME_ENV,
    )
    fallback = ps.seconds_since_launch({ps.LAUNCH_TIME_ENV: "yesterday"}, now=102.0)
    if sys.platform.startswith("linux"):
        assert fallback is not None and fallback[1] == "/proc"
    else:
        assert fallback is None


def test_fresh_instance_env():
    env = {"PATH": "/bin", "LD_LIBRARY_PATH": "/tmp/_MEI1", "LD_LIBRARY_PATH_ORIG": "/opt/lib"}
    fresh = ps.fresh_instance_env(env, frozen=True)
    assert fresh["PYINSTALLER_RESET_ENVIRONMENT"] == "1"
    assert fresh["LD_LIBRARY_PATH"] == "/opt/lib" and "LD_LIBRARY_PATH_ORIG" not in fresh
    assert "LD_LIBRARY_PATH" not in ps.fresh_instance_env({"LD_LIBRARY_PATH": "/tmp/_MEI1"}, frozen=True)
    assert ps.fresh_instance_env(env, frozen=False) == env
    assert env["LD_LIBRARY_PATH"] == "/tmp/_MEI1"  # the caller's mapping is untouched


# --- build.spec ----------------------------------------------------------------------------------


def test_build_spec_is_valid_python_and_uses_the_helpers():
    source = (ROOT / "build.spec").read_text(encoding="utf-8")
    ast.parse(source)
    for needle in (
        "read_project_version",
        "build_version_module_text",
        "windows_version_file_text",
        "keep_bundled_file",
        "hrdesk._build_version",
        "hrdesk/core/kernel/persistence/migrations",
    ):
        assert needle in source
    assert not (ROOT / "src" / "hrdesk" / "_build_version.py").exists()  # generated in the work folder only


# --- the self-test's runner ----------------------------------------------------------------------


def _fake_checks(seen: dict) -> list[selftest.Check]:
    def ok(state):
        seen["root"] = state.root
        seen["key"] = os.environ.get("HRDESK_DB_KEY")
        (state.root / "scratch.txt").write_text("x")
        return "detail"

    def expected_failure(state):
        raise selftest.CheckFailed("缺少某个文件")

    def unexpected(state):
        import hrdesk_module_that_does_not_exist  # noqa: F401

    def dependent(state):
        seen["dependent ran"] = True

    return [
        selftest.Check("one", "第一项", ok),
        selftest.Check("two", "第二项", expected_failure),
        selftest.Check("three", "第三项", unexpected),
        selftest.Check("four", "第四项", dependent, needs=("two",)),
        selftest.Check("five", "第五项", lambda s: None, needs=("one",)),
    ]


def test_runner_reports_each_check_and_never_raises(monkeypatch, capsys):
    monkeypatch.setenv("HRDESK_DB_KEY", "the-callers-value")
    seen: dict = {}
    out = io.StringIO()
    code = selftest.run(checks=_fake_checks(seen), out=out)
    lines = out.getvalue().splitlines()
    assert code == 1
    assert lines[0].startswith("HRDesk ")
    assert lines[1].startswith("OK   第一项：detail (") and lines[1].endswith(" ms)")
    assert lines[2] == "FAIL 第二项: 缺少某个文件"
    assert lines[3] == "FAIL 第三项: ModuleNotFoundError: No module named 'hrdesk_module_that_does_not_exist'"
    assert lines[4].startswith("FAIL 第四项: 未运行") and "two" in lines[4]
    assert lines[5].startswith("OK   第五项 (")
    assert "自检失败" in lines[6] and "5 项中 3 项" in lines[6]
    assert "dependent ran" not in seen
    assert "Traceback" not in capsys.readouterr().err
    # its own random key while running, the caller's value afterwards; the folder is gone
    assert len(seen["key"]) == 64 and seen["key"] != "the-callers-value"
    assert os.environ["HRDESK_DB_KEY"] == "the-callers-value"
    assert not seen["root"].exists()


def test_runner_exit_code_zero_when_everything_passes(monkeypatch):
    monkeypatch.delenv("HRDESK_DB_KEY", raising=False)
    out = io.StringIO()
    code = selftest.run(
        checks=[selftest.Check("a", "甲", lambda s: None), selftest.Check("b", "乙", lambda s: "2 行")], out=out
    )
    assert code == 0
    assert out.getvalue().splitlines()[-1].startswith("自检通过：全部 2 项")
    assert "HRDESK_DB_KEY" not in os.environ


def test_an_error_in_a_qt_callback_fails_the_check_that_caused_it():
    """Qt for Python reports exceptions raised in slots through sys.excepthook; the self-test
    records them in callback_errors (see selftest._catch_callback_errors)."""

    def opens_a_window(state):
        state.callback_errors.append("ModuleNotFoundError: No module named 'hrdesk.ui.shell.navigation.x'")

    out = io.StringIO()
    code = selftest.run(
        checks=[selftest.Check("window", "主窗口", opens_a_window), selftest.Check("after", "之后", lambda s: None)],
        out=out,
    )
    lines = out.getvalue().splitlines()
    assert code == 1
    assert lines[1] == "FAIL 主窗口: 界面回调出错：ModuleNotFoundError: No module named 'hrdesk.ui.shell.navigation.x'"
    assert lines[2].startswith("OK   之后")


def test_registered_checks_cover_the_essential_path():
    keys = [c.key for c in selftest.CHECKS]
    assert len(keys) == len(set(keys))
    for index, item in enumerate(selftest.CHECKS):  # a check may only build on earlier ones
        assert set(item.needs) <= set(keys[:index]), item.key
    for key in (
        "version",
        "resources",
        "migrations",
        "sqlcipher",
        "keyring",
        "demo",
        "reopen",
        "no_plaintext",
        "audit",
        "login",
        "employee_table",
        "instance_lock",
        "unwritable_folder",
        "qt_app",
        "qt_plugins",
        "cjk_font",
        "qt_translation",
        "login_window",
        "main_window",
        "render",
    ):
        assert key in keys


def test_cli_has_the_selftest_command():
    args = build_parser().parse_args(["--data-dir", "x", "selftest", "--startup-only", "--runs", "3"])
    assert args.command == "selftest" and args.startup_only and args.runs == 3
    args = build_parser().parse_args(["selftest", "--employees", "20", "--screenshot", "s.png"])
    assert args.employees == 20 and args.screenshot == Path("s.png") and not args.startup_only


# --- the self-test itself, from source, as a user runs it ----------------------------------------


def _run_hrdesk(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("HRDESK_DB_KEY", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [sys.executable, "-m", "hrdesk", *args],
        check=False,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        timeout=timeout,
        cwd=ROOT,
    )


def test_selftest_passes_from_source(tmp_path):
    shot = tmp_path / "main.png"
    result = _run_hrdesk("selftest", "--employees", "20", "--screenshot", str(shot))
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    checks = [line for line in lines if line.startswith(("OK ", "FAIL "))]
    assert len(checks) == len(selftest.CHECKS)
    assert all(line.startswith("OK   ") for line in checks), result.stdout
    assert lines[-1].startswith("自检通过")
    assert "Traceback" not in result.stderr
    assert shot.stat().st_size > 10_000


def test_selftest_measures_startup_from_source():
    result = _run_hrdesk("selftest", "--startup-only")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[0].startswith("OK   启动到登录窗口 (")
    assert "启动到登录窗口（source，1 次）" in result.stdout


def test_selftest_startup_on_a_folder_without_company_fails_cleanly(tmp_path):
    result = _run_hrdesk("--data-dir", str(tmp_path / "empty"), "selftest", "--startup-only")
    assert result.returncode == 1
    assert result.stdout.startswith("FAIL 启动到登录窗口: ") and "还没有公司数据" in result.stdout
    assert "Traceback" not in result.stderr

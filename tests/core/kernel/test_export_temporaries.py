"""No plaintext outside the company file (issue 12): every temporary of an export lives in the
private work folder inside the data folder, and what a killed export leaves is removed at the next
start. docs/security.md, "Plaintext outside the company file"."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

import hrdesk.core.kernel.exports.excel  # noqa: F401  (installs the openpyxl hook, as every exporter does)
from hrdesk.core.company import setup
from hrdesk.core.demo.demo_company import create_demo_company, demo_passwords
from hrdesk.core.kernel import audit_key
from hrdesk.core.kernel.errors import StorageError
from hrdesk.core.kernel.exports import workfolder, write_atomically
from hrdesk.core.kernel.persistence import keys
from hrdesk.core.kernel.persistence.datadir import DataDir
from hrdesk.core.kernel.persistence.instance_lock import InstanceLock
from hrdesk.core.people.tables import Employee

POSIX = sys.platform != "win32"


def _sessions(root: Path) -> list[Path]:
    work = root / "work"
    return sorted(p for p in work.iterdir() if p.is_dir()) if work.exists() else []


def _temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name not in (workfolder.LOCK_FILE, workfolder.OUTSIDE_LIST)]


def _dead_session(root: Path, name: str = "4242-dead") -> Path:
    """What ``kill -9`` leaves: a session folder whose lock nobody holds."""
    folder = root / "work" / name
    folder.mkdir(parents=True)
    (folder / workfolder.LOCK_FILE).write_text("4242")
    return folder


# ---- where the temporaries go ----------------------------------------------------------------


def test_write_only_sheets_buffer_in_the_private_work_folder(company):
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("工资表")
    ws.append(["张三", 12000])
    buffer = Path(ws._writer.out)
    assert buffer.parent.parent == company.data_dir.root.absolute() / "work"
    assert buffer.exists()
    if POSIX:
        assert (buffer.parent.stat().st_mode & 0o777) == 0o700
        assert ((company.data_dir.root / "work").stat().st_mode & 0o777) == 0o700
        assert (buffer.stat().st_mode & 0o777) == 0o600
    ws.close()
    ws._writer.cleanup()
    assert not buffer.exists()


def test_while_a_file_is_written_nothing_with_data_sits_beside_the_target(company, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    seen = {}

    def write(temp: Path) -> None:
        seen["temp"] = temp
        seen["beside"] = [(p.name, p.stat().st_size) for p in out.iterdir()]
        temp.write_bytes("张三 12000.00".encode())

    written = write_atomically(out / "工资表.xlsx", write)
    assert seen["temp"].parent.parent == company.data_dir.root.absolute() / "work"
    [(name, size)] = seen["beside"]  # the reservation that proved the folder writable, and empty
    assert name.startswith(".~工资表-") and name.endswith(".tmp") and size == 0
    assert written.read_bytes() == "张三 12000.00".encode()
    assert [p.name for p in out.iterdir()] == ["工资表.xlsx"]
    [session] = _sessions(company.data_dir.root)
    assert _temporaries(session) == []


def test_on_another_disk_the_finished_file_is_copied_at_the_very_end(company, tmp_path, monkeypatch):
    out = tmp_path / "usb"
    out.mkdir()
    work = company.data_dir.root.absolute() / "work"
    real_replace = os.replace
    crossings = []

    def replace(src, dst):
        if Path(src).is_relative_to(work):
            crossings.append(src)
            raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    written = write_atomically(out / "银行代发.xlsx", lambda temp: temp.write_bytes(b"data " * 1000))
    assert crossings, "the rename from the work folder was tried first"
    assert written.read_bytes() == b"data " * 1000
    assert [p.name for p in out.iterdir()] == ["银行代发.xlsx"]
    [session] = _sessions(company.data_dir.root)
    assert _temporaries(session) == []
    assert (session / workfolder.OUTSIDE_LIST).read_text(encoding="utf-8") == ""


def test_a_failed_write_leaves_nothing_anywhere(company, tmp_path):
    out = tmp_path / "out"
    out.mkdir()

    def broken(temp: Path) -> None:
        temp.write_bytes("李四 8000".encode())
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(StorageError, match="磁盘空间不足"):
        write_atomically(out / "x.xlsx", broken)
    assert list(out.iterdir()) == []
    [session] = _sessions(company.data_dir.root)
    assert _temporaries(session) == []


def test_a_missing_folder_is_refused_before_any_work(company, tmp_path):
    calls = []
    with pytest.raises(StorageError, match="不存在"):
        write_atomically(tmp_path / "没有" / "x.xlsx", calls.append)
    assert calls == []


def test_without_a_data_folder_a_private_folder_is_used_and_removed_at_exit(tmp_path):
    """A process that never opens a company (a script writing a template) still keeps its
    temporaries out of the shared temp folder's open view, and removes them when it exits."""
    temp_root = tmp_path / "tmp"
    temp_root.mkdir()
    script = (
        "from openpyxl import Workbook\n"
        "import hrdesk.core.kernel.exports.excel\n"
        "from pathlib import Path\n"
        "wb = Workbook(write_only=True); ws = wb.create_sheet('x'); ws.append(['王五'])\n"
        "folder = Path(ws._writer.out).parent\n"
        "print(folder, oct(folder.stat().st_mode & 0o777))\n"
    )
    env = dict(os.environ, TMPDIR=str(temp_root), TEMP=str(temp_root), TMP=str(temp_root))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    folder_text, mode = done.stdout.split()
    folder = Path(folder_text)
    assert folder.parent == temp_root and folder.name.startswith(workfolder.FALLBACK_PREFIX)
    if POSIX:
        assert mode == "0o700"
    assert list(temp_root.iterdir()) == []  # removed at exit, with the sheet buffer in it


def test_every_module_that_makes_a_write_only_workbook_loads_the_hook():
    """The hook is installed by importing kernel.exports.cells or .excel, which every exporter
    does to write its cells and save; a module building write-only sheets without them would
    buffer in the system temp folder again. Each is imported alone, in a fresh interpreter."""
    source = Path(workfolder.__file__).resolve().parents[4]  # src/
    modules = [
        ".".join(path.relative_to(source).with_suffix("").parts)
        for path in sorted((source / "hrdesk").rglob("*.py"))
        if "write_only=True" in path.read_text(encoding="utf-8")
    ]
    assert "hrdesk.core.payroll.excel.sheet" in modules
    check = (
        "import importlib, sys\n"
        "importlib.import_module(sys.argv[1])\n"
        "from openpyxl.worksheet import _writer\n"
        "sys.exit(_writer.create_temporary_file.__module__ != 'hrdesk.core.kernel.exports.workfolder')\n"
    )
    runs = {m: subprocess.Popen([sys.executable, "-c", check, m], stderr=subprocess.PIPE) for m in modules}
    failed = {m: p.communicate(timeout=120)[1] for m, p in runs.items() if p.wait(timeout=120) != 0}
    assert failed == {}


# ---- the next start removes what a killed process left ------------------------------------------


def test_opening_the_company_removes_what_a_killed_export_left(company, tmp_path, memory_keyring):
    root = company.data_dir.root
    dead = _dead_session(root)
    (dead / "openpyxl.abc123").write_text("<c><is><t>张三</t></is></c><v>12000</v>", encoding="utf-8")
    (dead / "export-xyz.xlsx").write_bytes(b"PK\x03\x04 half")
    target_folder = tmp_path / "desktop"
    target_folder.mkdir()
    partial = target_folder / ".~工资表-k3j4.tmp"
    partial.write_bytes(b"PK\x03\x04 half a workbook")
    keep = target_folder / "工资表.xlsx"  # the user's own file: never touched, even if listed
    keep.write_bytes(b"the user's file")
    (dead / workfolder.OUTSIDE_LIST).write_text(f"{partial}\n{keep}\n", encoding="utf-8")
    no_lock = root / "work" / "4243-killed-before-locking"
    no_lock.mkdir()

    reopened = setup.open_company(company.data_dir)
    reopened.dispose()

    assert _sessions(root) == []
    assert not partial.exists()
    assert keep.read_bytes() == b"the user's file"


def test_a_running_process_keeps_its_work_folder(company, tmp_path):
    """The GUI exporting while a script runs the command line: the script's start must not
    remove the GUI's temporaries."""
    root = company.data_dir.root
    script = (
        "import sys\n"
        "from hrdesk.core.kernel.exports import workfolder\n"
        f"workfolder.use_data_folder({str(root)!r})\n"
        "print(workfolder.temporary_path(), flush=True)\n"
        "sys.stdin.read()\n"
    )
    other = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        theirs = Path(other.stdout.readline().strip())
        assert theirs.exists()
        workfolder.use_data_folder(root)
        assert workfolder.clean_leftovers(root / "work") == []
        assert theirs.exists()
    finally:
        other.kill()
        other.wait(timeout=30)
    removed = workfolder.clean_leftovers(root.absolute() / "work")
    assert removed == [theirs.parent]
    assert not theirs.parent.exists()


def test_a_session_folder_taken_for_a_leftover_in_the_instant_before_its_lock_is_retried(tmp_path, monkeypatch):
    root = tmp_path / "data"
    root.mkdir()
    session = workfolder._Session(root / "work")
    made, held = [], []
    real_make = session._make_folder

    def make() -> Path:
        folder = real_make()
        made.append(folder)
        if len(made) == 1:  # another start cleans it and holds its lock for that moment
            held.append(InstanceLock(folder / workfolder.LOCK_FILE))
            held[0].acquire()
        return folder

    monkeypatch.setattr(session, "_make_folder", make)
    folder = session.ensure()
    assert folder == made[1]
    session.close()
    held[0].release()


# ---- the attack: an export killed half-way ---------------------------------------------------------

TODAY = date(2026, 3, 15)


@pytest.fixture(scope="module")
def payroll_company(tmp_path_factory):
    """A 500-person demo with January and February paid, opened with HRDESK_DB_KEY so that a
    command-line process can open it too."""
    key, chain_key = keys.generate_key(), keys.generate_key()
    previous = {name: os.environ.get(name) for name in (keys.ENV_KEY, audit_key.ENV_AUDIT_KEY)}
    os.environ[keys.ENV_KEY], os.environ[audit_key.ENV_AUDIT_KEY] = key, chain_key
    try:
        root = tmp_path_factory.mktemp("payroll") / "data"
        result = create_demo_company(DataDir(root), employees=500, seed=5, today=TODAY)
        with result.db.session() as session:
            names = list(session.execute(select(Employee.name)).scalars())
        result.db.dispose()
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return DataDir(root), key, chain_key, names


def _files(*folders: Path) -> list[Path]:
    found = []
    for folder in folders:
        if folder.exists():
            found.extend(p for p in folder.rglob("*") if p.is_file())
    return found


def _xml_escaped(name: str) -> bytes:
    """How openpyxl's XML writer stores the name (non-ASCII as character references)."""
    return "".join(c if ord(c) < 128 else f"&#{ord(c)};" for c in name).encode()


def _with_names(paths, names) -> list[Path]:
    """The files holding any of the names, as UTF-8 text or as openpyxl writes them."""
    encoded = [n.encode() for n in names] + [_xml_escaped(n) for n in names]
    hits = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if any(n in data for n in encoded):
            hits.append(path)
    return hits


def _kill_when(process: subprocess.Popen, found, timeout: float = 240.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        hit = found()
        if hit:
            process.kill()  # SIGKILL: no handler, no atexit, no finally
            process.wait(timeout=30)
            return hit
        if process.poll() is not None:
            out, err = process.communicate()
            pytest.fail(f"the process ended (exit {process.returncode}) before it could be killed: {err}")
        time.sleep(0.002)
    process.kill()
    pytest.fail("the export never started writing")


def _sheet_buffer(system_temp: Path, data_dir: DataDir, desktop: Path) -> Path | None:
    """openpyxl buffering the rows (wherever it puts them), with some rows in it."""
    for path in _files(system_temp, data_dir.root / "work"):
        if path.name.startswith("openpyxl.") and path.stat().st_size > 32_768:
            return path
    return None


def _workbook_being_saved(system_temp: Path, data_dir: DataDir, desktop: Path) -> Path | None:
    """The .xlsx being written (wherever it is written), with part of the zip in it."""
    for path in _files(data_dir.root / "work", desktop, system_temp):
        if not path.name.startswith("openpyxl.") and path.name != workfolder.LOCK_FILE:
            try:
                if path.stat().st_size > 0 and path.read_bytes()[:2] == b"PK":
                    return path
            except OSError:
                continue
    return None


@pytest.mark.parametrize("moment", [_sheet_buffer, _workbook_being_saved], ids=["buffering", "saving"])
def test_an_export_killed_half_way_leaves_no_plaintext_outside_the_data_folder(
    payroll_company, tmp_path, monkeypatch, moment
):
    data_dir, key, chain_key, names = payroll_company
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    desktop = tmp_path / "桌面"
    desktop.mkdir()
    env = dict(
        os.environ,
        TMPDIR=str(system_temp),
        TEMP=str(system_temp),
        TMP=str(system_temp),
        HRDESK_DB_KEY=key,
        HRDESK_AUDIT_KEY=chain_key,
        HRDESK_PASSWORD=demo_passwords(5)["finance"],
    )
    command = [sys.executable, "-m", "hrdesk", "--data-dir", str(data_dir.root)]
    command += ["payroll", "export", "2026-02", "--kind", "sheet", "--out", str(desktop / "工资表.xlsx")]
    command += ["--user", "finance"]
    export = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    caught = _kill_when(export, lambda: moment(system_temp, data_dir, desktop))

    # killed half-way, with the data in a temporary ...
    if moment is _sheet_buffer:
        assert _with_names([caught], names) == [caught]
    assert caught.is_relative_to(data_dir.root / "work"), caught
    # ... and nothing of it outside the data folder: not in the system temp folder, and beside
    # the target at most the empty file that reserved the name
    assert _files(system_temp) == []
    assert all(p.stat().st_size == 0 and p.name.startswith(".~工资表-") for p in _files(desktop))
    if moment is _workbook_being_saved:
        assert len(_files(desktop)) == 1  # the reservation, listed in the work folder for the next start
    if POSIX:
        assert ((data_dir.root / "work").stat().st_mode & 0o777) == 0o700
        assert (caught.parent.stat().st_mode & 0o777) == 0o700

    # the next start removes the leftovers, in the work folder and beside the target
    monkeypatch.setenv(keys.ENV_KEY, key)
    monkeypatch.setenv(audit_key.ENV_AUDIT_KEY, chain_key)
    db = setup.open_company(data_dir)
    try:
        assert _sessions(data_dir.root) == []
        assert list(desktop.iterdir()) == []
    finally:
        db.dispose()

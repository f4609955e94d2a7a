"""A PostgreSQL server for the tests, started by the tests themselves (issue 13).

It uses the operating system's PostgreSQL (Debian's ``postgresql`` package; .ci/run installs it):
``initdb`` into a temporary folder, then ``pg_ctl`` with a private socket folder and no TCP port,
so nothing outside the test run can reach it and two runs never meet. PostgreSQL refuses to run as
root; as root the server runs as the ``postgres`` system user the package creates.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

MINIMUM_MAJOR = 15  # what issue 13 supports


@dataclass(frozen=True)
class PostgresServer:
    root: Path
    bin_dir: Path
    port: int

    @property
    def url(self) -> str:
        """SQLAlchemy URL of the ``postgres`` database over the private socket."""
        return f"postgresql+psycopg://postgres@/postgres?host={self.root}&port={self.port}"


def find_bin_dir() -> Path:
    """The newest installed PostgreSQL's programs; RuntimeError naming the package when none is."""
    found = []
    for initdb in glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        major = Path(initdb).parent.parent.name
        if major.isdigit() and int(major) >= MINIMUM_MAJOR:
            found.append((int(major), Path(initdb).parent))
    if not found:
        on_path = shutil.which("initdb")
        if on_path:
            return Path(on_path).parent
        raise RuntimeError(f"PostgreSQL {MINIMUM_MAJOR} or later is not installed (Debian: apt-get install postgresql)")
    return max(found)[1]


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


def start(port: int = 5432) -> PostgresServer:
    """A fresh cluster, running; :func:`stop` removes it. With no TCP listener the port only names
    the socket file in the cluster's own folder, so runs side by side never collide."""
    bin_dir = find_bin_dir()
    root = Path(tempfile.mkdtemp(prefix="hrdesk-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    data = root / "data"
    subprocess.run(
        _as_server_user(
            [str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]
        ),
        check=True,
        capture_output=True,
    )
    options = f"-k {root} -p {port} -c listen_addresses='' -c fsync=off"
    subprocess.run(
        _as_server_user(
            [str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start"]
        ),
        check=True,
        capture_output=True,
    )
    return PostgresServer(root, bin_dir, port)


def stop(server: PostgresServer) -> None:
    subprocess.run(
        _as_server_user([str(server.bin_dir / "pg_ctl"), "-D", str(server.root / "data"), "-m", "fast", "-w", "stop"]),
        capture_output=True,
    )
    shutil.rmtree(server.root, ignore_errors=True)

"""The data folder of one company: where the encrypted file, its metadata and backups live.

Default location is the per-user application data folder (platformdirs): on Windows
``%LOCALAPPDATA%\\HRDesk``, on Linux ``~/.local/share/HRDesk``, on macOS
``~/Library/Application Support/HRDesk``. ``--data-dir`` points elsewhere.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from hrdesk.core.kernel.errors import StorageError
from hrdesk.core.kernel.i18n import tr

APP_NAME = "HRDesk"
DB_FILE = "hrdesk.db"
META_FILE = "hrdesk.json"
META_FORMAT = 1


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


@dataclass(frozen=True)
class DataDir:
    root: Path

    @property
    def db_path(self) -> Path:
        return self.root / DB_FILE

    @property
    def meta_path(self) -> Path:
        """Plain JSON with only the database's random identifier (no company data)."""
        return self.root / META_FILE

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    @property
    def lock_path(self) -> Path:
        return self.root / "hrdesk.lock"

    def is_initialized(self) -> bool:
        return self.db_path.exists()

    def database_id(self) -> str:
        """The identifier under which the key is kept in the credential store."""
        try:
            meta = json.loads(self.meta_path.read_text(encoding="utf-8"))
            return str(uuid.UUID(meta["database_id"]))
        except FileNotFoundError:
            raise StorageError(
                tr("数据文件夹 {0} 中缺少 {1}，无法确定密钥。请使用恢复密钥打开。").format(self.root, META_FILE)
            ) from None
        except (ValueError, KeyError, TypeError):
            raise StorageError(tr("{0} 已损坏，无法读取数据库标识。").format(self.meta_path)) from None

    def write_meta(self, database_id: str, retired_key_ids: list[str] | None = None) -> None:
        data: dict = {"format": META_FORMAT, "database_id": database_id}
        if retired_key_ids:
            data["retired_key_ids"] = sorted(set(retired_key_ids))
        tmp = self.meta_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
        os.replace(tmp, self.meta_path)

    def retired_key_ids(self) -> list[str]:
        """The public ids of keys replaced by ``key rotate`` that are still kept for older backups."""
        try:
            meta = json.loads(self.meta_path.read_text(encoding="utf-8"))
            return [str(k) for k in meta.get("retired_key_ids", [])]
        except (OSError, ValueError, AttributeError, TypeError):
            return []

    def set_retired_key_ids(self, key_ids: list[str]) -> None:
        self.write_meta(self.database_id(), key_ids)

    def ensure_writable(self) -> None:
        """Create the folder if needed and prove we can write in it; StorageError otherwise."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            probe = self.root / f".write-test-{os.getpid()}"
            with open(probe, "wb") as fh:
                fh.write(b"0")
            probe.unlink()
        except OSError as exc:
            raise StorageError(
                tr(
                    "数据文件夹 {0} 无法写入（{1}）。请检查磁盘空间和文件夹权限，或用 --data-dir 指定其他文件夹。"
                ).format(self.root, exc.strerror or exc)
            ) from None

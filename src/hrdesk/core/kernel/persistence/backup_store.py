"""The backups folder of a company: naming, writing a verified backup, listing, and what to keep.

A backup is ``backups/hrdesk-<UTC time>-<kind>.db`` (the encrypted copy) with its manifest beside
it (``….db.json``); a backup counts only once its manifest exists, which is written after the copy
was checked, so a copy cut short by a kill is never mistaken for a good one (and is removed later).

What is kept (:func:`to_keep`): the newest backup of each of the last 7 days, of each of the last
4 weeks and of each of the last 12 months that have backups, the 3 newest taken before a migration,
every backup of the last 24 hours, and always the newest backup that verifies, whatever its age:
pruning can never leave a company without a good copy (an earlier version pruned by count, and
twenty failed starts removed the last good one).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hrdesk.core.kernel.errors import StorageError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.persistence import snapshots
from hrdesk.core.kernel.persistence.datadir import DataDir
from hrdesk.core.kernel.persistence.snapshots import FileCheck, Manifest
from hrdesk.version import __version__

DAILY, MANUAL, BEFORE_MIGRATION, REPLACED = "daily", "manual", "before-migration", "replaced"
BEFORE_KEY_CHANGE = "before-key-change"
KIND_LABELS = {
    DAILY: "每日自动",
    MANUAL: "手动",
    BEFORE_MIGRATION: "升级前",
    REPLACED: "恢复前的公司数据",
    BEFORE_KEY_CHANGE: "更换密钥前",
}
KEEP_DAYS, KEEP_WEEKS, KEEP_MONTHS, KEEP_BEFORE_MIGRATION = 7, 4, 12, 3
_NAME = re.compile(r"^hrdesk-(\d{8}-\d{6}-\d{6})-([a-z0-9-]+)\.db$")
FAILURES_FILE = "startup-failures.json"


@dataclass(frozen=True)
class Backup:
    path: Path
    created: datetime  # naive UTC
    kind: str
    manifest: Manifest | None  # None: an older program's backup, or one whose manifest is missing

    @property
    def kind_label(self) -> str:
        return tr(KIND_LABELS.get(self.kind, self.kind))


def backup_name(now: datetime, kind: str) -> str:
    return f"hrdesk-{now:%Y%m%d-%H%M%S-%f}-{kind}.db"


def _parse(path: Path) -> Backup | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    manifest = snapshots.read_manifest(path)
    stamp, kind = match.groups()
    if manifest is not None:
        return Backup(path, manifest.created, manifest.kind, manifest)
    # An older program named its pre-migration copies "hrdesk-<local time>-before-<revision>.db".
    created = datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f")
    return Backup(path, created, BEFORE_MIGRATION if kind.startswith("before") else kind, None)


def list_backups(folder: Path) -> list[Backup]:
    """The backups in ``folder``, newest first (files still being written are not listed)."""
    if not folder.is_dir():
        return []
    found = [b for b in (_parse(p) for p in folder.glob("hrdesk-*.db")) if b is not None]
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def write_backup(
    source: Path,
    key_hex: str,
    folder: Path,
    *,
    database_id: str,
    kind: str,
    now: datetime,
    verify_chain: snapshots.ChainVerifier | None = None,
) -> tuple[Backup, FileCheck]:
    """Copy ``source`` into ``folder`` (online backup), check the copy and write its manifest.
    StorageError, and no backup left behind, when the copy does not verify."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(tr("无法创建备份文件夹 {0}（{1}）。").format(folder, exc.strerror or exc)) from None
    target = folder / backup_name(now, kind)
    snapshots.online_copy(source, key_hex, target)
    check = snapshots.check_file(target, key_hex, verify_chain=verify_chain)
    if not check.ok:
        target.unlink(missing_ok=True)
        raise StorageError(tr("备份未通过校验，已删除：{0}").format("；".join(check.problems)))
    manifest = snapshots.manifest_for(
        target, check, database_id=database_id, kind=kind, key_hex=key_hex, program_version=__version__, now=now
    )
    snapshots.write_manifest(target, manifest)
    return Backup(target, manifest.created, kind, manifest), check


def copy_backup(backup: Backup, folder: Path) -> Path:
    """The backup and its manifest also in ``folder`` (a USB drive, a network share), each written
    under a temporary name and renamed, the manifest last."""
    import shutil

    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / backup.path.name
        partial = target.with_name(target.name + snapshots.PARTIAL_SUFFIX)
        shutil.copyfile(backup.path, partial)
        os.replace(partial, target)
        if backup.manifest is not None:
            snapshots.write_manifest(target, backup.manifest)
    except OSError as exc:
        raise StorageError(
            tr("备份已保存在本机，但未能复制到 {0}（{1}）。").format(folder, exc.strerror or exc)
        ) from None
    return target


def is_intact(backup: Backup) -> bool:
    """Cheap proof that a backup is the file its manifest describes (size and SHA-256)."""
    if backup.manifest is None:
        return False
    try:
        return (
            backup.path.stat().st_size == backup.manifest.file_size
            and snapshots.file_sha256(backup.path) == backup.manifest.file_sha256
        )
    except OSError:
        return False


def to_keep(backups: list[Backup], now: datetime) -> set[Path]:
    """The backups the retention rule keeps (see the module's docstring); ``backups`` newest first."""
    keep: set[Path] = set()
    days: list[object] = []
    weeks: list[object] = []
    months: list[object] = []
    before_migration = 0
    for backup in backups:
        if now - backup.created < timedelta(hours=24):
            keep.add(backup.path)
        if backup.kind == BEFORE_MIGRATION:
            if before_migration < KEEP_BEFORE_MIGRATION:
                keep.add(backup.path)
            before_migration += 1
            continue
        day = backup.created.date()
        week = day.isocalendar()[:2]
        month = (day.year, day.month)
        for seen, value, limit in ((days, day, KEEP_DAYS), (weeks, week, KEEP_WEEKS), (months, month, KEEP_MONTHS)):
            if value not in seen and len(seen) < limit:
                seen.append(value)
                keep.add(backup.path)
    newest_good = next((b for b in backups if is_intact(b)), None)
    if newest_good is not None:
        keep.add(newest_good.path)
    return keep


def prune(folder: Path, now: datetime) -> list[Path]:
    """Remove what :func:`to_keep` does not keep, and copies cut short by a kill; returns what went."""
    backups = list_backups(folder)
    keep = to_keep(backups, now)
    removed = []
    for backup in backups:
        if backup.path not in keep:
            for path in (backup.path, snapshots.manifest_path(backup.path)):
                try:
                    path.unlink(missing_ok=True)
                except OSError:
                    continue
            removed.append(backup.path)
    if folder.is_dir():
        for leftover in folder.glob("*" + snapshots.PARTIAL_SUFFIX):
            leftover.unlink(missing_ok=True)
    return removed


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


# ---- starts that fail -----------------------------------------------------------------------------


class StartupFailures:
    """How often opening the company has failed the same way in a row, kept beside the company file
    so that the second identical failure can say so and offer a restore."""

    def __init__(self, data_dir: DataDir):
        self.path = data_dir.root / FAILURES_FILE

    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def record(self, signature: str) -> int:
        """Count one more failure; returns how many times in a row it failed this way."""
        data = self._read()
        count = int(data.get("count", 0)) + 1 if data.get("signature") == signature else 1
        try:
            partial = self.path.with_name(self.path.name + snapshots.PARTIAL_SUFFIX)
            partial.write_text(json.dumps({"signature": signature, "count": count}), encoding="utf-8")
            os.replace(partial, self.path)
        except OSError:
            pass  # a read-only folder: the message simply cannot count
        return count

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)

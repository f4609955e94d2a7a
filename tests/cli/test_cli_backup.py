"""hrdesk backup create|list|verify|restore and hrdesk check (issue 12), through the real parser."""

from __future__ import annotations

import json

from hrdesk.cli.main import run
from hrdesk.core.kernel.persistence import backup_store
from tests.helpers import flip_byte


def cli(capsys, *args):
    code = run([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_backup_create_list_verify_restore(company, capsys, tmp_path):
    company.db.dispose()
    data = company.data_dir.root
    code, out, _ = cli(capsys, "--data-dir", data, "backup", "create", "--second-folder", tmp_path / "usb")
    assert code == 0 and "已备份" in out and "已复制到" in out
    (taken,) = backup_store.list_backups(company.data_dir.backups_dir)

    code, out, _ = cli(capsys, "--data-dir", data, "backup", "list", "--json")
    listed = json.loads(out)
    assert code == 0 and listed[0]["file"] == str(taken.path) and listed[0]["manifest"] is True
    code, out, _ = cli(capsys, "--data-dir", data, "backup", "list", "--folder", tmp_path / "usb")
    assert code == 0 and taken.path.name in out

    code, out, _ = cli(capsys, "--data-dir", data, "backup", "verify", taken.path)
    assert code == 0 and out.startswith("OK")

    code, _, err = cli(capsys, "--data-dir", data, "backup", "restore", taken.path)
    assert code == 2 and "--yes" in err  # nothing replaced without the confirmation
    code, out, _ = cli(capsys, "--data-dir", data, "backup", "restore", taken.path, "--yes")
    assert code == 0 and "已从" in out and "另存为" in out

    code, out, _ = cli(capsys, "--data-dir", data, "check")
    assert code == 0 and out.startswith("OK")


def test_a_damaged_backup_and_a_damaged_file_exit_non_zero(company, capsys):
    company.db.dispose()
    data = company.data_dir.root
    assert cli(capsys, "--data-dir", data, "backup", "create")[0] == 0
    (taken,) = backup_store.list_backups(company.data_dir.backups_dir)
    flip_byte(taken.path, taken.path.stat().st_size - 100)
    code, _, err = cli(capsys, "--data-dir", data, "backup", "verify", taken.path)
    assert code == 9 and "加密页校验失败" in err
    code, _, err = cli(capsys, "--data-dir", data, "backup", "restore", taken.path, "--yes")
    assert code != 0 and "未通过校验" in err and "Traceback" not in err

    db_path = company.data_dir.db_path
    flip_byte(db_path, db_path.stat().st_size - 5000)
    code, _, err = cli(capsys, "--data-dir", data, "check")
    assert code == 9 and "加密页校验失败" in err


def test_a_missing_backup_file_is_a_clear_message(company, capsys, tmp_path):
    company.db.dispose()
    code, _, err = cli(capsys, "--data-dir", company.data_dir.root, "backup", "verify", tmp_path / "none.db")
    assert code != 0 and "找不到备份文件" in err

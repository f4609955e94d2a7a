"""The command line: same services, same masking, clear messages and non-zero exits."""

import json
import os
import subprocess
import sys

import pytest

from hrdesk import __version__
from hrdesk.cli.main import run
from hrdesk.core.kernel.persistence import keys
from tests.helpers import USER_PASSWORD, build_company, environment_keys


@pytest.fixture
def env_company(tmp_path, monkeypatch):
    """A company whose key comes from HRDESK_DB_KEY, as in automation (no credential store)."""
    key = environment_keys(monkeypatch)
    fx = build_company(tmp_path / "data")
    fx.db.dispose()
    return fx, key


def cli(capsys, *args):
    code = run([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        run(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_employees_list_as_staff_shows_only_self(env_company, capsys, monkeypatch):
    fx, _ = env_company
    monkeypatch.setenv("HRDESK_PASSWORD", USER_PASSWORD)
    code, out, err = cli(capsys, "--data-dir", fx.data_dir.root, "employees", "list", "--user", "staff", "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert [r["name"] for r in rows] == ["孙员工"]
    assert rows[0]["base_salary"] == "12000.00" and "*" not in rows[0]["id_number"]


def test_employees_list_masks_for_admin(env_company, capsys, monkeypatch):
    fx, _ = env_company
    monkeypatch.setenv("HRDESK_PASSWORD", fx.users["admin"])
    code, out, _ = cli(capsys, "--data-dir", fx.data_dir.root, "employees", "list", "--user", "admin")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("工号\t姓名")
    assert len(lines) == 9
    assert "****" in out and "12000.00" not in out
    assert "110***********" in out or "*" * 11 in out


def test_wrong_password_exits_7(env_company, capsys, monkeypatch):
    fx, _ = env_company
    monkeypatch.setenv("HRDESK_PASSWORD", "nope-nope-nope")
    code, out, err = cli(capsys, "--data-dir", fx.data_dir.root, "employees", "list", "--user", "hr")
    assert code == 7 and out == ""
    assert "用户名或密码不正确" in err and "Traceback" not in err


def test_wrong_key_exits_8_and_changes_nothing(env_company, capsys, monkeypatch):
    fx, _ = env_company
    before = fx.data_dir.db_path.read_bytes()
    environment_keys(monkeypatch)
    monkeypatch.setenv("HRDESK_PASSWORD", USER_PASSWORD)
    code, _, err = cli(capsys, "--data-dir", fx.data_dir.root, "employees", "list", "--user", "hr")
    assert code == 8 and "密钥不正确" in err
    assert fx.data_dir.db_path.read_bytes() == before


def test_missing_data_folder_exits_8(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HRDESK_PASSWORD", USER_PASSWORD)
    code, _, err = cli(capsys, "--data-dir", tmp_path / "nothing", "employees", "list", "--user", "hr")
    assert code == 8 and "还没有公司数据" in err
    assert not (tmp_path / "nothing").exists()


def test_init_and_audit_verify(tmp_path, capsys, monkeypatch):
    environment_keys(monkeypatch)
    monkeypatch.setenv("HRDESK_PASSWORD", "Init-pass-12345")
    data = tmp_path / "init"
    code, out, err = cli(capsys, "--data-dir", data, "init", "--company", "命令行公司")
    assert code == 0, err
    assert len(out.splitlines()[-1].split("-")) == 14  # the recovery key
    code, out, _ = cli(capsys, "--data-dir", data, "audit", "verify")
    assert code == 0 and out.startswith("OK")
    code, _, err = cli(capsys, "--data-dir", data, "init", "--company", "再来一次")
    assert code == 8 and "不会覆盖" in err


def test_init_with_weak_password_exits_2_and_creates_nothing(tmp_path, capsys, monkeypatch):
    environment_keys(monkeypatch)
    monkeypatch.setenv("HRDESK_PASSWORD", "short")
    code, _, err = cli(capsys, "--data-dir", tmp_path / "weak", "init", "--company", "甲")
    assert code == 2 and "10" in err
    assert not (tmp_path / "weak").exists()


def test_audit_verify_reports_tampering(env_company, capsys):
    fx, key = env_company
    from sqlalchemy import text

    from hrdesk.core.kernel.persistence.engine import sqlcipher_engine

    engine = sqlcipher_engine(fx.data_dir.db_path, key)
    with engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET actor_name = '别人' WHERE seq = 2"))
    engine.dispose()
    code, out, err = cli(capsys, "--data-dir", fx.data_dir.root, "audit", "verify")
    assert code == 9 and "第 2 条" in err


def test_key_recover_without_credential_store_explains_env(env_company, capsys, monkeypatch):
    import keyring
    import keyring.backends.fail

    fx, _ = env_company
    monkeypatch.delenv(keys.ENV_KEY)
    keyring.set_keyring(keyring.backends.fail.Keyring())
    code, out, _ = cli(capsys, "--data-dir", fx.data_dir.root, "key", "recover", "--recovery-key", fx.recovery_key)
    assert code == 0 and "HRDESK_DB_KEY" in out
    code, _, err = cli(capsys, "--data-dir", fx.data_dir.root, "key", "recover", "--recovery-key", "ABCD")
    assert code == 2 and "恢复密钥" in err


def test_entry_point_subprocess_exit_code(env_company):
    fx, key = env_company
    env = dict(os.environ, HRDESK_DB_KEY=key, HRDESK_PASSWORD="wrong-password-x")
    result = subprocess.run(
        [sys.executable, "-m", "hrdesk", "--data-dir", str(fx.data_dir.root), "employees", "list", "--user", "hr"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 7
    assert "用户名或密码不正确" in result.stderr and "Traceback" not in result.stderr


def test_read_only_data_folder_exits_8(tmp_path, capsys, monkeypatch):
    from tests.helpers import read_only_folder

    environment_keys(monkeypatch)
    monkeypatch.setenv("HRDESK_PASSWORD", "Init-pass-12345")
    folder = tmp_path / "ro"
    folder.mkdir()
    with read_only_folder(folder):
        code, _, err = cli(capsys, "--data-dir", folder, "init", "--company", "只读公司")
    assert code == 8 and "无法写入" in err


def test_locked_database_exits_8_with_message(env_company, capsys, monkeypatch):
    from hrdesk.core.kernel.persistence import engine as engine_module
    from hrdesk.core.kernel.persistence.engine import sqlcipher_engine

    fx, key = env_company
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 100)
    monkeypatch.setenv("HRDESK_PASSWORD", USER_PASSWORD)
    holder_engine = sqlcipher_engine(fx.data_dir.db_path, key)
    holder = holder_engine.connect()
    holder.exec_driver_sql("BEGIN EXCLUSIVE")
    try:
        code, _, err = cli(capsys, "--data-dir", fx.data_dir.root, "employees", "list", "--user", "hr")
    finally:
        holder.exec_driver_sql("ROLLBACK")
        holder.close()
        holder_engine.dispose()
    assert code == 8 and "占用" in err

"""hrdesk audit verify --deep: OK with what was compared, or every difference and exit 9 (issue 12)."""

from sqlalchemy import text

from hrdesk.cli.main import run
from hrdesk.core.kernel.persistence.engine import sqlcipher_engine
from tests.helpers import build_company, environment_keys


def cli(capsys, *args):
    code = run([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_deep_verify_names_a_salary_changed_in_the_database(tmp_path, capsys, monkeypatch):
    key = environment_keys(monkeypatch)
    fx = build_company(tmp_path / "data")
    fx.db.dispose()
    data = fx.data_dir.root
    code, out, err = cli(capsys, "--data-dir", data, "audit", "verify", "--deep")
    assert code == 0, err
    assert (
        "OK：当前数据与操作日志一致（员工 8 名、账号 7 个、工资核算 0 个月共 0 条个人结果、流程 0 个、证明文件 0 份）"
    ) in out

    engine = sqlcipher_engine(fx.data_dir.db_path, key)
    with engine.begin() as conn:
        conn.execute(text("UPDATE employees SET base_salary = 9999900 WHERE emp_no = 'E000006'"))
    engine.dispose()
    code, out, _ = cli(capsys, "--data-dir", data, "audit", "verify")
    assert code == 0 and out.startswith("OK")  # the chain alone sees nothing
    code, out, err = cli(capsys, "--data-dir", data, "audit", "verify", "--deep")
    assert code == 9
    assert "发现篡改：1 处当前数据与操作日志记录的不一致" in err
    # nobody signed in: masked as for the auditor
    assert "员工 E000006 刘人事：基本工资 数据库中为 ****，操作日志记录为 ****" in err
    assert "99999" not in err + out

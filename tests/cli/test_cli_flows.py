"""A whole separation scripted on the command line, acting as each user in turn."""

import json
from datetime import date, timedelta

import pytest

from hrdesk.cli.main import run
from hrdesk.core.accounts import auth, users
from hrdesk.core.company import setup as company_service
from hrdesk.core.kernel.permissions import Role
from hrdesk.core.people import employees
from tests.helpers import USER_PASSWORD, build_company, environment_keys, verify_average_wage

LAST_DAY = (date.today() + timedelta(days=120)).isoformat()  # at most a year ahead


@pytest.fixture
def fx(tmp_path, monkeypatch):
    environment_keys(monkeypatch)
    fx = build_company(tmp_path / "data")
    li = employees.get(fx.system, fx.emps["李四"])
    users.create_account(fx.system, "lisi", "李四", USER_PASSWORD, {Role.EMPLOYEE}, li.id, must_change_password=False)
    fx.users["lisi"] = USER_PASSWORD
    fx.db.dispose()
    return fx


def as_user(capsys, monkeypatch, fx, user, *args):
    monkeypatch.setenv("HRDESK_PASSWORD", fx.users[user])
    code = run(["--data-dir", str(fx.data_dir.root), *map(str, args), "--user", user])
    out, err = capsys.readouterr()
    return code, out, err


def test_scripted_separation(fx, capsys, monkeypatch):
    code, out, err = as_user(
        capsys,
        monkeypatch,
        fx,
        "lisi",
        "separation",
        "start",
        "E000002",
        "--reason",
        "主动辞职",
        "--last-day",
        LAST_DAY,
        "--comment",
        "个人原因",
    )
    assert code == 0, err
    assert "#1" in out and "王经理" in out
    code, _, err = as_user(capsys, monkeypatch, fx, "staff", "flow", "act", "1", "--approve")
    assert code == 3 and "不是您" in err
    code, out, _ = as_user(capsys, monkeypatch, fx, "manager", "flow", "list", "--inbox", "--json")
    assert [f["id"] for f in json.loads(out)] == [1]
    for user in ("manager", "hr", "finance"):  # 李四 is in no 项目部: the lead's step is skipped
        if user == "finance":
            verify_average_wage(fx.db, fx.emps["李四"])
        code, out, err = as_user(capsys, monkeypatch, fx, user, "flow", "act", "1", "--approve", "--comment", "同意")
        assert code == 0, err
    code, _, err = as_user(capsys, monkeypatch, fx, "hr", "flow", "act", "1", "--approve")
    assert code == 6 and "交接清单" in err
    code, out, _ = as_user(capsys, monkeypatch, fx, "hr", "flow", "show", "1", "--json")
    detail = json.loads(out)
    for item in detail["checklist"]:
        code, _, err = as_user(
            capsys, monkeypatch, fx, "hr", "checklist", "waive", item["id"], "--reason", "测试中由人事统一确认"
        )
        assert code == 0, err
    code, out, _ = as_user(capsys, monkeypatch, fx, "hr", "flow", "act", "1", "--approve", "--comment", "归档")
    assert code == 0 and "已完成" in out
    code, out, _ = as_user(capsys, monkeypatch, fx, "hr", "notice", "list")
    assert "离职" in out
    assert run(["--data-dir", str(fx.data_dir.root), "audit", "verify"]) == 0
    db = company_service.open_company(fx.data_dir)
    try:
        assert employees.get(auth.login(db, "hr", USER_PASSWORD), fx.emps["李四"]).status.value == "separated"
    finally:
        db.dispose()


def test_bad_input(fx, capsys, monkeypatch):
    code, _, err = as_user(
        capsys, monkeypatch, fx, "hr", "separation", "start", "NOPE", "--reason", "resign", "--last-day", "2099-01-01"
    )
    assert code == 4 and "NOPE" in err
    code, _, err = as_user(
        capsys, monkeypatch, fx, "hr", "separation", "start", "E000002", "--reason", "fired", "--last-day", "2099-01-01"
    )
    assert code == 2 and "离职原因" in err
    code, _, err = as_user(
        capsys,
        monkeypatch,
        fx,
        "hr",
        "separation",
        "start",
        "E000002",
        "--reason",
        "mutual",
        "--last-day",
        "2001-01-01",
    )
    assert code == 2 and "入职日期" in err
    code, _, err = as_user(capsys, monkeypatch, fx, "hr", "flow", "act", "99", "--approve")
    assert code == 4
    with pytest.raises(SystemExit):
        run(
            [
                "--data-dir",
                str(fx.data_dir.root),
                "separation",
                "start",
                "E000002",
                "--reason",
                "mutual",
                "--last-day",
                "31.12.2099",
                "--user",
                "hr",
            ]
        )


def test_trail_export(fx, capsys, monkeypatch, tmp_path):
    import openpyxl

    out = tmp_path / "trail.xlsx"
    code, stdout, err = as_user(capsys, monkeypatch, fx, "auditor", "trail", "--employee", "E000002", "--out", out)
    assert code == 0, err
    assert "李四" in stdout and out.exists()
    sheet = openpyxl.load_workbook(out).active
    assert any("新建员工" in str(c.value) for row in sheet.iter_rows() for c in row)
    code, _, err = as_user(capsys, monkeypatch, fx, "staff", "trail", "--employee", "E000002", "--out", out)
    assert code == 3


def test_stuck_flows_listed_and_a_handler_named_by_the_administrator(fx, capsys, monkeypatch):
    # 孙员工 has no manager and the only 人事 starts it: nobody else may take the first step.
    code, out, err = as_user(
        capsys, monkeypatch, fx, "hr", "separation", "start", "E000008", "--reason", "mutual", "--last-day", LAST_DAY
    )
    assert code == 0, err
    code, out, err = as_user(capsys, monkeypatch, fx, "admin", "flow", "stuck", "--json")
    assert code == 0, err
    [listed] = json.loads(out)
    assert (listed["id"], listed["step"], listed["initiator"]) == (1, "直属上级审批", "刘人事")
    assert "等待管理员指定处理人" in listed["reason"]
    code, out, _ = as_user(capsys, monkeypatch, fx, "admin", "flow", "stuck")
    assert out.splitlines()[1].split("\t")[:4] == ["1", "E000008 孙员工 离职（协商解除）", "直属上级审批", "刘人事"]
    code, _, err = as_user(capsys, monkeypatch, fx, "hr", "flow", "stuck")
    assert code == 3
    code, _, err = as_user(capsys, monkeypatch, fx, "admin", "flow", "assign", "1", "--to", "hr", "--reason", "只有他")
    assert code == 2 and "发起人、当事人" in err  # the initiator is not offered
    code, _, err = as_user(capsys, monkeypatch, fx, "admin", "flow", "assign", "1", "--to", "manager", "--reason", " ")
    assert code == 2 and "为什么" in err
    code, out, err = as_user(
        capsys, monkeypatch, fx, "admin", "flow", "assign", "1", "--to", "manager", "--reason", "由销售部王经理审批"
    )
    assert code == 0, err
    assert "已指定王经理处理 #1“直属上级审批”" in out
    code, out, _ = as_user(capsys, monkeypatch, fx, "manager", "flow", "list", "--inbox", "--json")
    assert [f["id"] for f in json.loads(out)] == [1]
    code, out, _ = as_user(capsys, monkeypatch, fx, "admin", "flow", "stuck", "--json")
    assert json.loads(out) == []

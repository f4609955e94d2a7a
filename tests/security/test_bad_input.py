"""Bad input that still got in (issue 12): each is refused with a clear message and a non-zero exit,
and nothing is saved."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from hrdesk import logging_setup
from hrdesk.cli import calculators
from hrdesk.cli.main import run
from hrdesk.core.accounts import users as accounts
from hrdesk.core.accounts.tables import User
from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.kernel.money import MoneyError, parse_money
from hrdesk.core.kernel.permissions import Role
from hrdesk.core.kernel.persistence.tables import AuditRecord
from hrdesk.core.kernel.text_rules import text_problem
from hrdesk.core.org import departments, positions
from hrdesk.core.org.tables import Department, Position
from hrdesk.core.org.tree import DepartmentKind
from hrdesk.core.people import custom_fields, employees
from hrdesk.core.people.custom_field_types import FieldType
from hrdesk.core.people.tables import Employee
from tests.helpers import USER_PASSWORD, employee_input


def cli(capsys, *args):
    code = run([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def log_file(tmp_path, monkeypatch):
    """The log file of this test, and no handler of it left on the root logger afterwards."""
    path = tmp_path / "log" / "hrdesk.log"
    monkeypatch.setattr(logging_setup, "log_path", lambda: path)
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", None) == str(path):
            root.removeHandler(handler)
            handler.close()


# --- the command line: a closed pipe, the log file ------------------------------------------------


def test_output_piped_into_head_ends_quietly(tmp_path):
    """``hrdesk tax iit --gross 12000 | head -0``: the reader is gone before the first line."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    env = os.environ | {"XDG_STATE_HOME": str(tmp_path / "state"), "PYTHONPATH": "src"}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "hrdesk", "tax", "iit", "--gross", "12000"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            env=env,
        )
    finally:
        os.close(write_end)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
    assert done.stderr == ""
    assert done.returncode in (0, 141)


def test_an_unexpected_error_goes_to_the_log_file_it_names(capsys, log_file, monkeypatch):
    def broken(args):
        raise RuntimeError("deliberate failure for the log")

    monkeypatch.setattr(calculators, "_iit", broken)
    code, out, err = cli(capsys, "tax", "iit", "--gross", "12000")
    assert code == 70
    assert "Traceback" not in err and str(log_file) in err
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "RuntimeError: deliberate failure for the log" in logged


def test_logging_is_set_up_once_however_often_the_cli_runs(capsys, log_file):
    for _ in range(3):
        cli(capsys, "tax", "iit", "--gross", "12000")
    mine = [h for h in logging.getLogger().handlers if getattr(h, "baseFilename", None) == str(log_file)]
    assert len(mine) == 1


# --- amounts: finite, at most two decimals, below a sane ceiling -----------------------------------


@pytest.mark.parametrize("text", ["1e400", "-1e400", "1E+30", "nan", "NaN", "inf", "-Infinity", "sNaN", "100000000.01"])
def test_parse_money_refuses_non_finite_and_absurd_amounts(text):
    with pytest.raises(MoneyError):
        parse_money(text)


def test_parse_money_keeps_ordinary_amounts_and_an_explicit_larger_ceiling():
    assert parse_money("99,999,999.99") == Decimal("99999999.99")
    assert parse_money("1E+2") == Decimal("100.00")
    assert parse_money("250000000", maximum=Decimal("999999999.99")) == Decimal("250000000.00")
    assert parse_money("12000", maximum=None) == Decimal("12000.00")  # None: the ceiling still holds
    with pytest.raises(MoneyError):
        parse_money("1e10", maximum=None)


@pytest.mark.parametrize(
    "args, field",
    [
        (["tax", "iit", "--gross", "1e400"], "税前工资"),
        (["tax", "iit", "--gross", "nan"], "税前工资"),
        (["tax", "iit", "--gross", "inf"], "税前工资"),
        (["tax", "iit", "--gross", "12000,1e400"], "税前工资"),
        (["tax", "iit", "--gross", "12000", "--insurance", "1e400"], "专项扣除"),
        (["tax", "bonus", "1e400"], "奖金"),
        (
            ["calc", "compensation", "--hire-date", "2020-01-01", "--last-day", "2024-01-01"]
            + ["--monthly-wage", "1e400", "--reason", "mutual"],
            "月工资",
        ),
        (
            ["calc", "annual-leave", "--working-years", "1e400", "--last-day", "2024-06-30"]
            + ["--taken", "0", "--monthly-wage", "10000"],
            "累计工作年限",
        ),
        (
            ["calc", "annual-leave", "--working-years", "10", "--last-day", "2024-06-30"]
            + ["--taken", "1e400", "--monthly-wage", "10000"],
            "已休天数",
        ),
    ],
)
def test_calculators_refuse_absurd_numbers_with_exit_2(capsys, log_file, args, field):
    code, out, err = cli(capsys, *args)
    assert code == 2, err
    assert field in err and "Traceback" not in err and "内部错误" not in err
    assert out == ""


# --- names: no control characters, no bidi overrides ---------------------------------------------

BAD_TEXT = [
    pytest.param("张\x00三", "U+0000", id="NUL"),
    pytest.param("张三\x1b[31m", "U+001B", id="ESC"),
    pytest.param("张\n三", "U+000A", id="newline"),
    pytest.param("张\x85三", "U+0085", id="C1-NEL"),
    pytest.param("张三\u202e吕", "U+202E", id="RLO"),
    pytest.param("\u202a张三", "U+202A", id="LRE"),
    pytest.param("张三\u2066", "U+2066", id="LRI"),
    pytest.param("张三\u2069", "U+2069", id="PDI"),
    pytest.param("张\u200f三", "U+200F", id="RLM"),
    pytest.param("张\u200e三", "U+200E", id="LRM"),
]


def test_text_rules_accept_ordinary_names():
    for name in ("张三", "欧阳 娜娜", "Zoë O'Brien-Smith", "阿卜杜拉·买买提", "👩‍💻"):
        assert text_problem(name, "姓名") is None
    assert text_problem("第一行\n第二行\t缩进", "说明", multiline=True) is None
    assert text_problem("第一行\x00", "说明", multiline=True) is not None


def employee_counts(fx):
    with fx.db.session() as s:
        return (
            s.execute(select(func.count(Employee.id))).scalar(),
            s.execute(select(func.count(AuditRecord.id))).scalar(),
        )


def refused(fx, action, field, *expected):
    """``action()`` raises a ValidationError on ``field`` whose message holds ``expected``; no row and
    no audit record were added."""
    before = employee_counts(fx), _org_counts(fx)
    with pytest.raises(ValidationError) as info:
        action()
    assert field in info.value.errors, info.value.errors
    for text in expected:
        assert text in info.value.errors[field], info.value.errors[field]
    assert (employee_counts(fx), _org_counts(fx)) == before
    return info.value.errors[field]


def _org_counts(fx):
    with fx.db.session() as s:
        return tuple(s.execute(select(func.count(t.id))).scalar() for t in (Department, Position, User))


@pytest.mark.parametrize("name, code", BAD_TEXT)
def test_employee_name_with_control_or_bidi_characters_is_refused(company, name, code):
    hr = company.login("hr")
    data = employee_input("E000200", name, company.depts["销售部"], 200)
    refused(company, lambda: employees.create(hr, data), "name", "姓名", code)
    bank = employee_input("E000200", "张三", company.depts["销售部"], 200, bank_name="工商银行" + name)
    refused(company, lambda: employees.create(hr, bank), "bank_name", "开户行", code)


@pytest.mark.parametrize("name, code", BAD_TEXT[:5])
def test_employee_update_refuses_the_same(company, name, code):
    hr = company.login("hr")
    emp_id = company.emps["孙员工"]
    version = employees.get(hr, emp_id).version
    data = employee_input("E000008", name, company.depts["销售部"], 8)
    refused(company, lambda: employees.update(hr, emp_id, data, version), "name", code)
    assert employees.get(hr, emp_id).name == "孙员工"


@pytest.mark.parametrize("name, code", BAD_TEXT)
def test_department_position_and_display_names_are_checked(company, name, code):
    ctx = company.system
    refused(company, lambda: departments.create_department(ctx, name, DepartmentKind.FUNCTION), "name", code)
    refused(
        company,
        lambda: departments.create_department(ctx, "新部门", DepartmentKind.FUNCTION, code="D" + name),
        "code",
        code,
    )
    refused(company, lambda: positions.create_position(ctx, name), "name", code)
    refused(
        company,
        lambda: accounts.create_account(ctx, "newuser", name, USER_PASSWORD, {Role.EMPLOYEE}, None),
        "display_name",
        code,
    )


def test_position_description_may_have_lines_but_no_other_controls(company):
    ctx = company.system
    positions.create_position(ctx, "测试岗", description="负责：\n1. 测试\n2. 记录")
    refused(company, lambda: positions.create_position(ctx, "测试岗2", description="负责\u202e测试"), "description")


def test_custom_field_labels_choices_and_values_are_checked(company):
    ctx = company.system
    with pytest.raises(ValidationError) as info:
        custom_fields.create_definition(ctx, "title", "职称\u202e", FieldType.TEXT)
    assert "U+202E" in info.value.errors["label"]
    with pytest.raises(ValidationError) as info:
        custom_fields.create_definition(ctx, "level", "级别", FieldType.CHOICE, ["初级", "中\x00级"])
    assert "U+0000" in info.value.errors["choices"]
    custom_fields.create_definition(ctx, "note", "备注", FieldType.TEXT)
    custom_fields.create_definition(ctx, "score", "评分", FieldType.NUMBER)
    hr = company.login("hr")
    data = employee_input("E000201", "张三", company.depts["销售部"], 201, custom={"note": "好\u2067人"})
    refused(company, lambda: employees.create(hr, data), "custom:note", "U+2067")
    data = employee_input("E000201", "张三", company.depts["销售部"], 201, custom={"score": "1e400"})
    refused(company, lambda: employees.create(hr, data), "custom:score", "评分")

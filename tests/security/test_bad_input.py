"""Bad input that still got in (issue 12): each is refused with a clear message and a non-zero exit,
and nothing is saved."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from datetime import date, timedelta
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
from hrdesk.core.kernel.months import shift_month
from hrdesk.core.kernel.permissions import Role
from hrdesk.core.kernel.persistence.tables import AuditRecord
from hrdesk.core.kernel.text_rules import text_problem
from hrdesk.core.org import departments, positions
from hrdesk.core.org.tables import Department, Position
from hrdesk.core.org.tree import DepartmentKind
from hrdesk.core.payroll import runs as payroll_runs
from hrdesk.core.payroll.tables import PayrollRun
from hrdesk.core.people import custom_fields, employees
from hrdesk.core.people.custom_field_types import FieldType
from hrdesk.core.people.employee_rules import ContractType, EmployeeStatus
from hrdesk.core.people.tables import Employee
from tests.helpers import USER_PASSWORD, build_company, employee_input, environment_keys, make_id


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


# --- the employee record: birth date, base salary, 社保 city -------------------------------------


def test_birth_year_1850_is_refused(company):
    hr = company.login("hr")
    data = employee_input("E000202", "张三", company.depts["销售部"], 202, id_number=make_id(birth=date(1850, 3, 7)))
    refused(company, lambda: employees.create(hr, data), "id_number", "1850-03-07", "1900")


def test_birth_date_in_the_future_is_refused(company):
    hr = company.login("hr")
    future = date.today().replace(day=1) + timedelta(days=400)
    data = employee_input(
        "E000203",
        "张三",
        company.depts["销售部"],
        203,
        id_number=make_id(birth=future),
        hire_date=future + timedelta(days=17 * 366),
    )
    refused(company, lambda: employees.create(hr, data), "id_number", "晚于今天")


def test_hired_under_16_is_refused(company):
    hr = company.login("hr")
    data = employee_input(
        "E000204",
        "张三",
        company.depts["销售部"],
        204,
        id_number=make_id(birth=date(2008, 6, 1)),
        hire_date=date(2024, 5, 31),
    )
    refused(company, lambda: employees.create(hr, data), "hire_date", "16")


@pytest.mark.parametrize("status", [EmployeeStatus.REGULAR, EmployeeStatus.PROBATION])
def test_zero_base_salary_for_regular_and_probation_is_refused(company, status):
    hr = company.login("hr")
    data = employee_input("E000205", "张三", company.depts["销售部"], 205, status=status, base_salary="0")
    refused(company, lambda: employees.create(hr, data), "base_salary", status.label, "大于0")


def test_zero_base_salary_is_allowed_for_an_internship(company):
    hr = company.login("hr")
    data = employee_input(
        "E000206", "张三", company.depts["销售部"], 206, base_salary="0", contract_type=ContractType.INTERNSHIP
    )
    assert employees.create(hr, data).base_salary == Decimal("0.00")


def test_unknown_social_insurance_city_is_refused(company):
    hr = company.login("hr")
    data = employee_input("E000207", "张三", company.depts["销售部"], 207, social_security_city="火星")
    refused(company, lambda: employees.create(hr, data), "social_security_city", "火星", "上海")
    # in the dialog's list of cities, but no policy: the payroll would skip the person's 社保
    data = employee_input("E000207", "张三", company.depts["销售部"], 207, social_security_city="昆明")
    refused(company, lambda: employees.create(hr, data), "social_security_city", "昆明")
    emp_id = company.emps["孙员工"]
    version = employees.get(hr, emp_id).version
    data = employee_input("E000008", "孙员工", company.depts["销售部"], 8, social_security_city="火星")
    refused(company, lambda: employees.update(hr, emp_id, data, version), "social_security_city", "火星")
    with pytest.raises(ValidationError) as info:
        employees.bulk_create(hr, [data], summary="导入")
    assert "1:social_security_city" in info.value.errors


def test_a_city_the_company_added_a_policy_for_is_accepted(company):
    from hrdesk.core.payroll import policies

    shanghai = policies.versions(company.system, "insurance", "上海")[0]
    policies.save_version(company.system, "insurance", "昆明", shanghai.effective_from, shanghai.data, "昆明人社局")
    hr = company.login("hr")
    data = employee_input("E000208", "张三", company.depts["销售部"], 208, social_security_city="昆明")
    assert employees.create(hr, data).social_security_city == "昆明"


# --- payroll months --------------------------------------------------------------------------------


def payroll_run_count(fx):
    with fx.db.session() as s:
        return s.execute(select(func.count(PayrollRun.id))).scalar()


@pytest.mark.parametrize(
    "month, message",
    [
        (date(1900, 1, 1), "早于"),
        (date(1999, 12, 1), "早于"),
        (date(2018, 12, 1), "2019年01月"),  # before the 累计预扣法 tables
        (date(2099, 1, 1), "最多只能提前12个月"),
        (date(9999, 12, 1), "最多只能提前12个月"),  # the month after would not exist
    ],
)
def test_payroll_refuses_months_it_cannot_mean(company, month, message):
    hr = company.login("hr")
    with pytest.raises(ValidationError) as info:
        payroll_runs.calculate_month(hr, month)
    assert message in info.value.errors["month"]
    assert payroll_run_count(company) == 0


def test_payroll_accepts_this_month_and_one_year_ahead(company):
    hr = company.login("hr")
    today = hr.clock.today()
    payroll_runs.calculate_month(hr, shift_month(today.replace(day=1), 12))
    with pytest.raises(ValidationError):
        payroll_runs.calculate_month(hr, shift_month(today.replace(day=1), 13))
    assert payroll_run_count(company) == 1


@pytest.fixture
def cli_company(tmp_path, monkeypatch, log_file):
    environment_keys(monkeypatch)
    fx = build_company(tmp_path / "data")
    fx.db.dispose()
    return fx


@pytest.mark.parametrize("month", ["1900-01", "2099-01", "9999-12"])
def test_cli_payroll_run_refuses_those_months_with_exit_2(cli_company, capsys, monkeypatch, month):
    monkeypatch.setenv("HRDESK_PASSWORD", USER_PASSWORD)
    code, out, err = cli(capsys, "--data-dir", cli_company.data_dir.root, "payroll", "run", month, "--user", "hr")
    assert code == 2, err
    assert "内部错误" not in err and "月" in err
    for command in (
        ["show", month],
        ["export", month, "--kind", "sheet", "--out", cli_company.data_dir.root / "x.xlsx"],
    ):
        code, out, err = cli(capsys, "--data-dir", cli_company.data_dir.root, "payroll", *command, "--user", "hr")
        assert code in (2, 4) and "内部错误" not in err, err


# --- PDF: a character the font cannot draw is refused, never dropped -------------------------------


def _employment_certificate(**overrides):
    from hrdesk.core.documents.pdf import CompanyLetterhead, EmploymentCertificate

    values = (
        dict(
            number="ZM-2026-0001",
            company=CompanyLetterhead("测试科技有限公司"),
            employee_name="王经理",
            id_number="110105199003071230",
            hire_date=date(2020, 1, 6),
            position="销售经理",
            issue_date=date(2026, 4, 2),
        )
        | overrides
    )
    return EmploymentCertificate(**values)


def test_pdf_refuses_a_name_with_an_emoji_naming_the_character():
    from hrdesk.core.documents.pdf import render_employment_certificate

    assert render_employment_certificate(_employment_certificate()).startswith(b"%PDF")
    with pytest.raises(ValidationError) as info:
        render_employment_certificate(_employment_certificate(employee_name="王😀经理"))
    assert info.value.errors["employee_name"].startswith("姓名中的字符“😀”（U+1F600）无法在证明文件中显示")


def test_pdf_refuses_a_rare_character_in_any_field_including_the_letterhead():
    from hrdesk.core.documents.pdf import CompanyLetterhead, render_employment_certificate

    cert = _employment_certificate(
        purpose="办理签证𠀀", company=CompanyLetterhead("测试科技有限公司", address="上海市🏢路1号")
    )
    with pytest.raises(ValidationError) as info:
        render_employment_certificate(cert)
    assert "U+20000" in info.value.errors["purpose"]
    assert "U+1F3E2" in info.value.errors["company.address"] and "地址" in info.value.errors["company.address"]


def test_issuing_a_certificate_for_an_emoji_name_saves_nothing(company):
    from hrdesk.core.documents import issuing
    from hrdesk.core.documents.tables import IssuedDocument

    hr = company.login("hr")
    emp_id = company.emps["王经理"]
    detail = employees.get(hr, emp_id)
    data = employee_input("E000001", "王😀经理", company.depts["销售部"], 1, position_id=company.positions["销售经理"])
    data.base_salary = "30000"
    employees.update(hr, emp_id, data, detail.version)

    def issued_and_audit():
        with company.db.session() as s:
            return (
                s.execute(select(func.count(IssuedDocument.id))).scalar(),
                s.execute(select(func.count(AuditRecord.id))).scalar(),
            )

    before = issued_and_audit()
    with pytest.raises(ValidationError) as info:
        issuing.employment_certificate(hr, emp_id, purpose="办理签证")
    assert "😀" in str(info.value.errors) and "U+1F600" in str(info.value.errors)
    assert issued_and_audit() == before


# --- imports: one row repeated, too many rows, too large a file ------------------------------------

IMPORT_MONTH = date(2026, 3, 1)
ENTRY_HEADER = ["工号", "姓名", "工资项目", "金额", "备注"]


def entries_sheet(path, rows):
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(ENTRY_HEADER)
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def entries_and_audit(fx):
    from hrdesk.core.payroll.tables import PayrollEntry

    with fx.db.session() as s:
        return (
            s.execute(select(func.count(PayrollEntry.id))).scalar(),
            s.execute(select(func.count(AuditRecord.id))).scalar(),
        )


def test_an_import_repeating_one_row_is_refused_naming_the_rows(company, tmp_path):
    from hrdesk.core.payroll.imports import import_entries

    hr = company.login("hr")
    row = ("E000002", "李四", "绩效奖金", 1_000_000, "")
    other = ("E000003", "赵六", "绩效奖金", 500, "")
    path = entries_sheet(tmp_path / "items.xlsx", [row, other, row, row])
    before = entries_and_audit(company)
    with pytest.raises(ValidationError) as info:
        import_entries(hr, IMPORT_MONTH, path)
    assert set(info.value.errors) == {"row:4", "row:5"}  # the header is row 1, the first copy row 2
    assert "与第2行完全相同" in info.value.errors["row:4"]
    # nothing imported; the one record added is the refusal itself (a refused import is a security event)
    assert entries_and_audit(company) == (before[0], before[1] + 1)
    # the same person and item with another amount or note is a second entry, not a repeat
    path = entries_sheet(tmp_path / "ok.xlsx", [row, ("E000002", "李四", "绩效奖金", 1_000_000, "补发")])
    assert import_entries(hr, IMPORT_MONTH, path).count == 2


def test_an_import_with_too_many_rows_is_refused(company, tmp_path, monkeypatch):
    from hrdesk.core.payroll import import_sheets
    from hrdesk.core.payroll.imports import import_entries

    monkeypatch.setattr(import_sheets, "MAX_ROWS", 20)
    rows = [("E000002", "李四", "绩效奖金", 100 + i, "") for i in range(21)]
    path = entries_sheet(tmp_path / "many.xlsx", rows)
    before = entries_and_audit(company)
    with pytest.raises(ValidationError) as info:
        import_entries(company.login("hr"), IMPORT_MONTH, path)
    assert "超过 20 行" in info.value.errors["file"]
    assert entries_and_audit(company)[0] == before[0]
    path = entries_sheet(tmp_path / "twenty.xlsx", rows[:20])
    assert import_entries(company.login("hr"), IMPORT_MONTH, path).count == 20


def test_an_import_file_too_large_is_refused_before_it_is_opened(company, tmp_path, monkeypatch):
    from hrdesk.core.payroll import import_sheets
    from hrdesk.core.payroll.imports import import_entries

    path = entries_sheet(tmp_path / "items.xlsx", [("E000002", "李四", "绩效奖金", 100, "")])
    monkeypatch.setattr(import_sheets, "MAX_FILE_BYTES", path.stat().st_size - 1)
    with pytest.raises(ValidationError) as info:
        import_entries(company.login("hr"), IMPORT_MONTH, path)
    assert "太大" in info.value.errors["file"]


def test_cli_import_of_a_repeated_row_exits_2_and_saves_nothing(cli_company, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("HRDESK_PASSWORD", USER_PASSWORD)
    row = ("E000002", "李四", "绩效奖金", 1_000_000, "")
    path = entries_sheet(tmp_path / "items.xlsx", [row] * 1000)
    code, out, err = cli(
        capsys, "--data-dir", cli_company.data_dir.root, "payroll", "item", "import", path, "--month", "2026-03",
        "--user", "hr",
    )  # fmt: skip
    assert code == 2, err
    assert "第3行" in err and "完全相同" in err and "内部错误" not in err
    code, out, err = cli(
        capsys, "--data-dir", cli_company.data_dir.root, "payroll", "item", "list", "--month", "2026-03",
        "--user", "hr", "--json",
    )  # fmt: skip
    assert code == 0 and json.loads(out)["entries"] == []


@pytest.mark.parametrize("month", ["1900-01", "9999-12", "10000-01"])
def test_the_payroll_input_commands_refuse_months_outside_2000_to_2100(cli_company, capsys, monkeypatch, month):
    """9999-12 was accepted by the input commands and overflowed in month arithmetic later."""
    monkeypatch.setenv("HRDESK_PASSWORD", USER_PASSWORD)
    add = ["item", "add", "--emp", "E000002", "--item", "绩效奖金", "--amount", "100", "--month", month]
    for command in (["item", "list", "--month", month], add):
        with pytest.raises(SystemExit) as exited:  # refused while the arguments are read
            run(["--data-dir", str(cli_company.data_dir.root), "payroll", *command, "--user", "hr"])
        err = capsys.readouterr().err
        assert exited.value.code == 2 and ("超出范围" in err or "格式" in err) and "Traceback" not in err, err


# --- a last working day in 2099 --------------------------------------------------------------------


def flow_count(fx):
    from hrdesk.core.flows.tables import FlowInstance as Flow

    with fx.db.session() as s:
        return s.execute(select(func.count(Flow.id))).scalar()


def test_a_separation_with_a_last_working_day_in_2099_is_refused(company):
    from hrdesk.core.flows import separations
    from hrdesk.core.flows.separation_rules import SeparationReason

    hr = company.login("hr")
    before = flow_count(company), employee_counts(company)
    with pytest.raises(ValidationError) as info:
        separations.start(hr, company.emps["周七"], SeparationReason.MUTUAL, date(2099, 1, 31), "协商一致")
    assert "2099-01-31" in info.value.errors["last_working_day"] and "一年以内" in info.value.errors["last_working_day"]
    assert (flow_count(company), employee_counts(company)) == before
    within = hr.clock.today() + timedelta(days=300)
    assert separations.start(hr, company.emps["周七"], SeparationReason.MUTUAL, within, "协商一致").summary.id


def test_an_employee_record_with_a_last_working_day_in_2099_is_refused(company):
    hr = company.login("hr")
    data = employee_input(
        "E000209",
        "张三",
        company.depts["销售部"],
        209,
        status=EmployeeStatus.LEAVING,
        last_working_day=date(2099, 1, 31),
    )
    refused(company, lambda: employees.create(hr, data), "last_working_day", "2099-01-31")

"""Issue 12, leaks: a masked ID number (``110***********0235``) keeps its region prefix and its last
four digits; the 11 masked digits are the rest of the region code and the birth date. 出生日期 shown
next to it (or a custom 生日 field, or a note "生日 3月7日") gives them back, and with the area-code
table and the check digit leaves a median of three candidates.

Whoever may not see the ID sees the age in whole years instead, in every view the role can reach:
the record, the register (sorting included), the command line, the proposal of a 入职 flow, the
trail, the audit log and the trail's Excel file. Each check also runs for someone who may see the
ID, so a check that could not fail shows up.
"""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from hrdesk.cli.main import run
from hrdesk.core.accounts import auth, users
from hrdesk.core.audit import audit_log, trail
from hrdesk.core.flows import engine, lifecycle
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.permissions import Role
from hrdesk.core.people import custom_fields, employee_table, employees
from hrdesk.core.people.custom_field_types import FieldType
from tests.helpers import USER_PASSWORD, employee_input, make_id
from tests.security.workbooks import assert_none_in, workbook_text

NOW = datetime(2026, 3, 2, 9, 30)
BIRTH = date(1990, 3, 7)  # 李四: 35 on 2 March 2026, 36 from the 7th
AGE = 35


def login(fx, username) -> ServiceContext:
    return auth.login(fx.db, username, fx.users[username], fx.clock)


def birth_forms(birth: date) -> list[str]:
    """How a birth date is written, in data and by people."""
    return [
        birth.isoformat(),
        f"{birth:%Y%m%d}",
        f"{birth:%Y/%m/%d}",
        f"{birth.year}年{birth.month}月{birth.day}日",
        f"{birth.month}月{birth.day}日",
    ]


def readable_back(id_number: str) -> list[str]:
    """Texts from which the masked digits of ``id_number`` can be read back."""
    return [id_number, id_number[3:14], id_number[:6], *birth_forms(BIRTH)]


@pytest.fixture
def li(company):
    """李四 (born 7 March 1990) with a custom 生日 date and a note that repeats it."""
    fx = company
    fx.clock = FixedClock(NOW)
    system = ServiceContext(fx.db, fx.system.actor, fx.clock)
    custom_fields.create_definition(system, "birthday", "生日", FieldType.DATE)
    custom_fields.create_definition(system, "note", "备注", FieldType.TEXT)
    current = employees.get(system, fx.emps["李四"])
    fx.id_number = make_id(region="110105", birth=BIRTH, seq=235)
    data = employee_input(
        "E000002",
        "李四",
        fx.depts["销售部"],
        2,
        id_number=fx.id_number,
        manager_id=fx.emps["王经理"],
        position_id=current.position_id,
        custom={"birthday": BIRTH.isoformat(), "note": f"生日 {BIRTH.month}月{BIRTH.day}日，爱吃蛋糕"},
    )
    employees.update(system, current.id, data, current.version)
    fx.li = current.id
    return fx


# Everyone who may see 李四's record but not his ID number: his manager, the administrator, the auditor.
WITHOUT_THE_RIGHT = ("manager", "admin", "auditor")


@pytest.mark.parametrize("username", WITHOUT_THE_RIGHT)
def test_the_record_and_the_register_show_the_age_not_the_birth_date(li, username):
    fx = li
    ctx = login(fx, username)
    detail = employees.get(ctx, fx.li)
    assert not detail.sensitive_visible
    assert detail.birth_date is None and detail.age == AGE
    assert detail.id_number == "110***********" + fx.id_number[-4:]
    assert detail.custom["note"] == "****" and detail.custom["birthday"] == "****"
    assert_none_in(repr(detail), readable_back(fx.id_number), f"{username}'s 员工档案")

    table = employee_table.load(ctx)
    row = next(r for r in table.as_dicts() if r["name"] == "李四")
    assert row["age"] == AGE and row["birth_date"] == "****"
    assert row["custom:birthday"] == "****" and row["custom:note"] == "****"
    assert_none_in(repr(row), readable_back(fx.id_number), f"{username}'s register")


@pytest.mark.parametrize("username", ("hr", "lisi"))
def test_who_may_see_the_id_still_sees_the_birth_date(li, username):
    fx = li
    if username == "lisi":
        users.create_account(
            fx.system, "lisi", "李四", USER_PASSWORD, {Role.EMPLOYEE}, fx.li, must_change_password=False
        )
        fx.users["lisi"] = USER_PASSWORD
    ctx = login(fx, username)
    detail = employees.get(ctx, fx.li)
    assert detail.birth_date == BIRTH and detail.age == AGE and detail.id_number == fx.id_number
    assert detail.custom["birthday"] == BIRTH.isoformat()
    row = next(r for r in employee_table.load(ctx).as_dicts() if r["name"] == "李四")
    assert row["birth_date"] == BIRTH and row["age"] == AGE and row["custom:birthday"] == date(1990, 3, 7)


def test_sorting_by_age_reveals_no_order_of_birthdays(company):
    """Two of the manager's reports of the same age, the younger one first by 工号: sorted by 年龄 they
    keep their 工号 order whichever way round their birthdays are."""
    fx = company
    fx.clock = FixedClock(NOW)
    system = ServiceContext(fx.db, fx.system.actor, fx.clock)
    for name, seq, birth in (("李四", 2, date(1990, 9, 1)), ("赵六", 3, date(1990, 4, 1))):
        current = employees.get(system, fx.emps[name])
        data = employee_input(
            current.emp_no,
            name,
            current.department_id,
            seq,
            id_number=make_id(birth=birth, seq=300 + seq),
            manager_id=fx.emps["王经理"],
            position_id=current.position_id,
        )
        employees.update(system, current.id, data, current.version)
    table = employee_table.load(login(fx, "manager"))
    rows = [r for r in table.rows if r[table.column_index("name")] in ("李四", "赵六")]
    for descending in (False, True):
        employee_table.sort_rows(rows, table.column_index("age"), descending)
        assert [r[table.column_index("name")] for r in rows] == ["李四", "赵六"]


def test_command_line_list_shows_no_birth_date(li, capsys, monkeypatch):
    fx = li
    fx.db.dispose()
    monkeypatch.setenv("HRDESK_PASSWORD", USER_PASSWORD)
    root = str(fx.data_dir.root)
    code = run(["--data-dir", root, "employees", "list", "--user", "manager", "--all-columns"])
    out, err = capsys.readouterr()
    assert code == 0, err
    header, *lines = out.splitlines()
    assert "年龄" in header
    line = next(line for line in lines if "李四" in line)
    assert_none_in(line, readable_back(fx.id_number), "employees list")
    code = run(["--data-dir", root, "employees", "list", "--user", "manager", "--all-columns", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    record = next(r for r in json.loads(out) if r["name"] == "李四")
    today = date.today()  # the command line runs on the computer's clock
    assert record["age"] == today.year - BIRTH.year - ((today.month, today.day) < (BIRTH.month, BIRTH.day))
    assert_none_in(json.dumps(record, ensure_ascii=False), readable_back(fx.id_number), "employees list --json")
    code = run(["--data-dir", str(fx.data_dir.root), "employees", "list", "--user", "hr", "--all-columns", "--json"])
    out, _ = capsys.readouterr()
    assert code == 0 and BIRTH.isoformat() in out  # HR sees it: the check above can fail


def test_onboarding_proposal_shows_no_birth_date_or_bases(company):
    """The auditor and the new employee's future manager read a 入职 proposal before the record
    exists: the ID is masked, and so are the birth date and the 社保/公积金 bases."""
    fx = company
    hr = fx.login("hr")
    id_number = make_id(region="420102", birth=BIRTH, seq=851)
    data = employee_input(
        "E000100",
        "马小红",
        fx.depts["销售部"],
        100,
        id_number=id_number,
        birth_date=BIRTH,
        manager_id=fx.emps["王经理"],
        base_salary="13579",
        insurance_base="11111",
        housing_fund_base="12121",
    )
    flow_id = lifecycle.start_onboarding(hr, data).summary.id
    for username in ("auditor", "manager"):
        payload = engine.get(fx.login(username), flow_id).payload
        text = json.dumps(payload, ensure_ascii=False)
        assert_none_in(text, [*readable_back(id_number), "13579", "11111", "12121"], f"{username}'s 入职 proposal")
        assert payload["employee"]["id_number"] == "420***********" + id_number[-4:]
        assert payload["employee"]["name"] == "马小红"
    clear = json.dumps(engine.get(hr, flow_id).payload, ensure_ascii=False)
    assert id_number in clear and "13579" in clear


def test_trail_and_audit_log_show_no_birth_date(li, tmp_path):
    fx = li
    auditor = login(fx, "auditor")
    needles = readable_back(fx.id_number)
    report = trail.trail_report(auditor, employee_id=fx.li)
    assert report.masked
    assert any("出生日期：****" in row.after for row in report.rows)
    texts = [json.dumps([e.summary, e.before, e.after], ensure_ascii=False) for e in report.entries]
    texts += [f"{r.summary}\n{r.before}\n{r.after}" for r in report.rows]
    assert_none_in("\n".join(texts), needles, "the auditor's trail")
    logged = audit_log.list_entries(auditor, entity_type="employee", entity_id=fx.li)
    assert logged
    assert_none_in(
        json.dumps([[e.summary, e.before, e.after] for e in logged], ensure_ascii=False), needles, "the audit log"
    )
    path = trail.export_trail(auditor, tmp_path / "trail.xlsx", employee_id=fx.li).path
    assert_none_in(workbook_text(path), needles, "the auditor's trail workbook")
    hr_path = trail.export_trail(login(fx, "hr"), tmp_path / "hr.xlsx", employee_id=fx.li).path
    assert BIRTH.isoformat() in workbook_text(hr_path)

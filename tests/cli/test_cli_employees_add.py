"""hrdesk employees add (issue 11: an accountant who scripts a month needs the employees too):
the register's rules and permissions, or an onboarding flow."""

from __future__ import annotations

import json
from datetime import date

from hrdesk.cli.main import run
from hrdesk.core.flows import engine
from hrdesk.core.people import employees
from tests.helpers import USER_PASSWORD, make_card, make_id


def cli(capsys, monkeypatch, company, user, *args):
    monkeypatch.setenv("HRDESK_PASSWORD", USER_PASSWORD)
    company.db.dispose()
    try:
        code = run(["--data-dir", str(company.data_dir.root), *map(str, args), "--user", user])
    finally:
        from hrdesk.core.company import setup

        company.db = setup.open_company(company.data_dir)
    out, err = capsys.readouterr()
    return code, out, err


def person(emp_no: str, **extra) -> list[str]:
    values = {
        "--emp-no": emp_no,
        "--name": "郑新",
        "--id-number": make_id(seq=321, birth=date(1992, 5, 17)),
        "--department": "总公司 / 销售部 / 华东销售部",
        "--hire-date": "2026-03-02",
        "--base-salary": "15000",
        "--phone": "13912345678",
        "--city": "上海",
        "--bank-account": make_card(serial=321),
        "--bank-name": "招商银行上海分行",
        **extra,
    }
    return ["employees", "add", *[x for pair in values.items() for x in pair]]


def test_hr_adds_an_employee_with_the_registers_rules(company, capsys, monkeypatch):
    code, out, err = cli(capsys, monkeypatch, company, "hr", *person("E000901"), "--json")
    assert code == 0, err
    created = json.loads(out)
    detail = employees.get(company.system, created["id"])
    assert (detail.emp_no, detail.name, str(detail.base_salary)) == ("E000901", "郑新", "15000.00")
    assert detail.department_id == company.depts["华东销售部"] and detail.birth_date == date(1992, 5, 17)


def test_bad_input_changes_nothing_and_says_why(company, capsys, monkeypatch):
    before = employees.count(company.system)
    code, _, err = cli(capsys, monkeypatch, company, "hr", *person("E000902", **{"--department": "不存在的部门"}))
    assert code == 2 and "找不到部门" in err
    code, _, err = cli(capsys, monkeypatch, company, "hr", *person("E000902", **{"--id-number": "110105199205171234"}))
    assert code == 2 and "身份证" in err and "Traceback" not in err
    assert employees.count(company.system) == before


def test_only_hr_adds_employees(company, capsys, monkeypatch):
    code, _, err = cli(capsys, monkeypatch, company, "staff", *person("E000903"))
    assert code == 3 and "权限" in err


def test_onboarding_starts_the_flow_instead(company, capsys, monkeypatch):
    before = employees.count(company.system)
    code, out, _ = cli(capsys, monkeypatch, company, "hr", *person("E000904"), "--onboarding", "--json")
    assert code == 0
    flow = engine.get(company.login("hr"), json.loads(out)["flow_id"])
    assert flow.summary.kind.value == "onboarding" and employees.count(company.system) == before

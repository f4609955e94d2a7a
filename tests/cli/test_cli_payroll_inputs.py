"""A month's payroll inputs from the command line, with the same rules and permissions as the GUI:
pay items (one-off and fixed), 专项附加扣除, tax options and opening figures, wage history."""

import json

import openpyxl
import pytest

from hrdesk.cli.main import run
from tests.cli.test_cli_payroll import as_user as signed_in
from tests.cli.test_cli_payroll import fx as fx  # noqa: F401  (the company fixture)


def as_user(capsys, monkeypatch, fx, user, *args):
    """The command's exit code and output; argparse's own refusals (exit 2) included."""
    try:
        return signed_in(capsys, monkeypatch, fx, user, *args)
    except SystemExit as exc:
        out, err = capsys.readouterr()
        return exc.code, out, err


def no_login(capsys, *args):
    """A command that needs no company sign-in (a blank template)."""
    code = run([*map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, monkeypatch, fx, user, *args):
    code, out, err = as_user(capsys, monkeypatch, fx, user, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_items_one_off_and_fixed_reach_the_payslip(fx, capsys, monkeypatch):
    code, out, err = as_user(
        capsys, monkeypatch, fx, "hr", "payroll", "item", "add", "--emp", "E000002", "--item", "绩效奖金",
        "--amount", "3000", "--month", "2026-01", "--note", "一月绩效",
    )  # fmt: skip
    assert code == 0, err
    code, _, err = as_user(
        capsys, monkeypatch, fx, "hr", "payroll", "item", "add", "--emp", "E000002", "--item", "transport_allowance",
        "--amount", "500", "--month", "2026-01", "--fixed",
    )  # fmt: skip
    assert code == 0, err
    listed = run_json(capsys, monkeypatch, fx, "hr", "payroll", "item", "list", "--month", "2026-01")
    [entry] = listed["entries"]
    assert (entry["emp_no"], entry["item"], entry["amount"], entry["note"]) == (
        "E000002",
        "performance_bonus",
        "3000.00",
        "一月绩效",
    )
    assert [(a["emp_no"], a["item"], a["amount"]) for a in listed["fixed"]] == [
        ("E000002", "transport_allowance", "500.00")
    ]
    run = run_json(capsys, monkeypatch, fx, "hr", "payroll", "run", "2026-01")
    assert run["employees"] == 8
    row = run_json(capsys, monkeypatch, fx, "hr", "payroll", "show", "2026-01", "--emp", "E000002")["rows"][0]
    labels = {line["label"]: line["amount"] for line in row["lines"]}
    assert labels["绩效奖金"] == "3000.00" and labels["交通补贴"] == "500.00"
    # removing the one-off entry and stopping the fixed item, by the ids the list shows
    code, _, err = as_user(capsys, monkeypatch, fx, "hr", "payroll", "item", "remove", str(entry["id"]))
    assert code == 0, err
    fixed_id = str(listed["fixed"][0]["id"])
    code, _, err = as_user(capsys, monkeypatch, fx, "hr", "payroll", "item", "remove", fixed_id, "--fixed")
    assert code == 2 and "--last-month" in err
    code, _, err = as_user(
        capsys, monkeypatch, fx, "hr", "payroll", "item", "remove", fixed_id, "--fixed", "--last-month", "2026-01"
    )
    assert code == 0, err
    after = run_json(capsys, monkeypatch, fx, "hr", "payroll", "item", "list", "--month", "2026-02")
    assert after == {"month": "2026-02", "entries": [], "fixed": []}


def test_bad_input_and_missing_rights_change_nothing(fx, capsys, monkeypatch):
    base = ["payroll", "item", "add", "--emp", "E000002", "--month", "2026-01"]
    code, _, err = as_user(capsys, monkeypatch, fx, "hr", *base, "--item", "没有这项", "--amount", "1")
    assert code == 2 and "没有名称或代码" in err
    code, _, err = as_user(capsys, monkeypatch, fx, "hr", *base, "--item", "绩效奖金", "--amount", "abc")
    assert code == 2
    code, _, err = as_user(capsys, monkeypatch, fx, "manager", *base, "--item", "绩效奖金", "--amount", "100")
    assert code == 3  # 王经理 sees 李四 but may not enter pay
    code, _, err = as_user(capsys, monkeypatch, fx, "hr", *base[:-1], "2026-13", "--item", "x", "--amount", "1")
    assert code == 2 and "YYYY-MM" in err
    code, _, err = as_user(
        capsys, monkeypatch, fx, "hr", "payroll", "item", "add", "--emp", "E999999", "--item", "绩效奖金",
        "--amount", "1", "--month", "2026-01",
    )  # fmt: skip
    assert code == 4
    listed = run_json(capsys, monkeypatch, fx, "hr", "payroll", "item", "list", "--month", "2026-01")
    assert listed["entries"] == []


def test_item_import_with_check_then_for_real(fx, capsys, monkeypatch, tmp_path):
    template = tmp_path / "t.xlsx"
    code, _, err = no_login(capsys, "payroll", "item", "template", "--out", template)
    assert code == 0, err
    wb = openpyxl.load_workbook(template)
    ws = wb.active
    ws.append(["E000002", "李四", "绩效奖金", 1200, "导入"])
    wb.save(template)
    args = ["payroll", "item", "import", template, "--month", "2026-01"]
    code, out, err = as_user(capsys, monkeypatch, fx, "hr", *args, "--check")
    assert code == 0 and "检查通过" in out
    assert run_json(capsys, monkeypatch, fx, "hr", "payroll", "item", "list", "--month", "2026-01")["entries"] == []
    code, out, err = as_user(capsys, monkeypatch, fx, "hr", *args)
    assert code == 0 and "已导入" in out and "1,200.00" in out


def test_declarations_add_list_remove(fx, capsys, monkeypatch):
    code, _, err = as_user(
        capsys, monkeypatch, fx, "hr", "payroll", "declaration", "add", "--emp", "E000002", "--month", "2026-01",
        "--child-education", "2000", "--housing-rent", "1500",
    )  # fmt: skip
    assert code == 0, err
    listed = run_json(capsys, monkeypatch, fx, "hr", "payroll", "declaration", "list", "--month", "2026-03")
    li = next(r for r in listed if r["emp_no"] == "E000002")
    assert li["declared_from"] == "2026-01" and li["monthly_total"] == "3500.00"
    code, _, err = as_user(
        capsys, monkeypatch, fx, "hr", "payroll", "declaration", "add", "--emp", "E000002", "--month", "2026-01",
        "--housing-loan", "1000", "--housing-rent", "1500",
    )  # fmt: skip
    assert code == 2 and "不能同时" in err
    code, _, err = as_user(
        capsys, monkeypatch, fx, "hr", "payroll", "declaration", "remove", "--emp", "E000002", "--month", "2026-01"
    )
    assert code == 0, err
    listed = run_json(capsys, monkeypatch, fx, "hr", "payroll", "declaration", "list", "--month", "2026-03")
    assert next(r for r in listed if r["emp_no"] == "E000002")["monthly_total"] is None


def test_opening_figures_and_tax_options(fx, capsys, monkeypatch):
    code, out, err = as_user(
        capsys, monkeypatch, fx, "hr", "payroll", "opening", "set", "--emp", "E000002", "--year", "2026",
        "--months", "2", "--income", "24000", "--tax", "120", "--bonus-separately", "否",
    )  # fmt: skip
    assert code == 0, err
    listed = run_json(capsys, monkeypatch, fx, "hr", "payroll", "opening", "list", "--year", "2026")
    li = next(r for r in listed if r["emp_no"] == "E000002")
    assert (li["saved"], li["opening_months"], li["opening_income"], li["opening_tax"], li["bonus_separately"]) == (
        True,
        2,
        "24000.00",
        "120.00",
        False,
    )
    # a second call changes only what it names
    code, _, err = as_user(
        capsys, monkeypatch, fx, "hr", "payroll", "opening", "set", "--emp", "E000002", "--year", "2026",
        "--tax", "150",
    )  # fmt: skip
    assert code == 0, err
    li = next(
        r
        for r in run_json(capsys, monkeypatch, fx, "hr", "payroll", "opening", "list", "--year", "2026")
        if r["emp_no"] == "E000002"
    )
    assert (li["opening_income"], li["opening_tax"]) == ("24000.00", "150.00")
    code, _, err = as_user(
        capsys, monkeypatch, fx, "hr", "payroll", "opening", "set", "--emp", "E000002", "--year", "2026",
        "--low-income", "maybe",
    )  # fmt: skip
    assert code == 2 and "是 或 否" in err
    code, _, err = as_user(
        capsys, monkeypatch, fx, "hr", "payroll", "opening", "remove", "--emp", "E000002", "--year", "2026"
    )
    assert code == 0, err
    listed = run_json(capsys, monkeypatch, fx, "hr", "payroll", "opening", "list", "--year", "2026")
    assert next(r for r in listed if r["emp_no"] == "E000002")["saved"] is False


@pytest.mark.parametrize("user", ["hr", "finance"])
def test_wage_history_add_list_import_remove(fx, capsys, monkeypatch, tmp_path, user):
    code, out, err = as_user(
        capsys, monkeypatch, fx, user, "payroll", "history", "add", "--emp", "E000002", "--month", "2025-06",
        "--gross", "12500", "--overtime", "800", "--note", "旧系统",
    )  # fmt: skip
    assert code == 0, err
    assert "12,500.00" in out and "800.00" in out
    template = tmp_path / "h.xlsx"
    assert no_login(capsys, "payroll", "history", "template", "--out", template)[0] == 0
    wb = openpyxl.load_workbook(template)
    wb.active.append(["E000002", "李四", "2025-07", 12600, 0, ""])
    wb.save(template)
    code, out, err = as_user(capsys, monkeypatch, fx, user, "payroll", "history", "import", template)
    assert code == 0, err
    assert "新增 1 条" in out
    rows = run_json(capsys, monkeypatch, fx, user, "payroll", "history", "list", "--emp", "E000002")
    assert [(r["month"], r["gross"], r["overtime"]) for r in rows] == [
        ("2025-06", "12500.00", "800.00"),
        ("2025-07", "12600.00", "0.00"),
    ]
    code, _, err = as_user(
        capsys, monkeypatch, fx, user, "payroll", "history", "remove", "--emp", "E000002", "--month", "2025-06"
    )
    assert code == 0, err
    code, _, err = as_user(
        capsys, monkeypatch, fx, user, "payroll", "history", "remove", "--emp", "E000002", "--month", "2025-06"
    )
    assert code == 4
    code, _, err = as_user(capsys, monkeypatch, fx, "staff", "payroll", "history", "list")
    assert code == 3

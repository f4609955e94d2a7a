"""Excel imports of payroll inputs with real .xlsx files: all rows or none, errors by row number,
the 姓名 guard against shifted rows, the lock of a paid month, and the blank templates."""

from __future__ import annotations

import time
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from hrdesk.core.audit import audit_log
from hrdesk.core.kernel.errors import PermissionDenied, StateError, ValidationError
from hrdesk.core.kernel.persistence.tables import AuditRecord
from hrdesk.core.payroll import declarations, imports, inputs
from hrdesk.core.payroll.imports import (
    DEDUCTIONS,
    ENTRIES,
    OPENING,
    import_entries,
    import_opening_figures,
    import_special_deductions,
    write_template,
)
from hrdesk.core.payroll.tables import PayrollEntry, PayrollRun

MONTH = date(2026, 3, 1)
D = Decimal


def xlsx(path, header, rows, *, note: str | None = "说明行") -> str:
    """A sheet as a person would fill it: an optional note row, the header, the data rows."""
    workbook = Workbook()
    sheet = workbook.active
    if note is not None:
        sheet.append([note])
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return str(path)


def emp_no(company, name: str) -> str:
    return f"E{list(company.emps).index(name) + 1:06d}"


def actions(company) -> list[str]:
    with company.db.session() as s:
        return list(s.execute(select(AuditRecord.action).order_by(AuditRecord.seq)).scalars())


def entry_count(company) -> int:
    with company.db.session() as s:
        return s.execute(select(func.count(PayrollEntry.id))).scalar_one()


def pay_month(company, month: date) -> None:
    with company.db.session() as s, s.begin():
        s.add(PayrollRun(month=month, status="paid", created_at=datetime(2026, 3, 28), version=1))


# --- one-off entries ---------------------------------------------------------------------------------


def test_good_entry_import_writes_every_row_with_audit(company, tmp_path):
    hr = company.login("hr")
    # columns in another order, an extra column, 金额 with its unit, numbers as Excel stores them
    path = xlsx(
        tmp_path / "items.xlsx",
        ["姓名", "工号", "部门", "金额（元）", "工资项目", "备注"],
        [
            ("李四", emp_no(company, "李四"), "销售部", 1500, "绩效奖金", "一季度"),
            ("赵六", emp_no(company, "赵六"), "华东销售部", 320.5, "transport_allowance", None),
            (None, None, None, None, None, None),  # a blank row is skipped
            ("李四", emp_no(company, "李四"), "销售部", "¥1,000.00", "借款归还", ""),
        ],
    )
    before = len(actions(company))

    result = import_entries(hr, MONTH, path)

    assert (result.count, result.employees, result.total) == (3, 2, D("2820.50"))
    assert "已导入 2026-03 的工资项目 3 条" in result.message
    rows = inputs.entries(hr, MONTH)
    assert [(e.employee_name, e.item_name, e.amount, e.note, e.source) for e in rows] == [
        ("李四", "绩效奖金", D("1500.00"), "一季度", "import"),
        ("李四", "借款归还", D("1000.00"), "", "import"),
        ("赵六", "交通补贴", D("320.50"), "", "import"),
    ]
    new = actions(company)[before:]
    assert new.count("payroll_entry.add") == 3 and new[-1] == "payroll_entry.import"
    summary = audit_log.list_entries(company.login("auditor"), entity_type="payroll_input")[0]
    assert "导入 2026-03 的工资项目 3 条" in summary.summary and "items.xlsx" in summary.summary
    assert audit_log.verify_chain(company.login("auditor")).ok


def test_one_bad_row_writes_nothing_and_names_the_row(company, tmp_path):
    hr = company.login("hr")
    path = xlsx(
        tmp_path / "bad.xlsx",
        ["工号", "姓名", "工资项目", "金额", "备注"],
        [
            (emp_no(company, "李四"), "李四", "绩效奖金", 1500, ""),  # row 3
            (emp_no(company, "赵六"), "赵六", "绩效奖金", "一千", ""),  # row 4
            (emp_no(company, "陈工"), "陈工", "不存在的项目", 100, ""),  # row 5
            (emp_no(company, "周七"), "周七", "绩效奖金", "12.345", ""),  # row 6
        ],
    )
    before = len(actions(company))
    with pytest.raises(ValidationError) as caught:
        import_entries(hr, MONTH, path)
    message = str(caught.value)
    assert "有 3 行数据有误，没有导入任何数据" in message
    assert "第4行：金额格式不正确" in message
    assert "第5行：没有名为“不存在的项目”的工资项目" in message
    assert "第6行：金额最多保留两位小数" in message
    assert "第3行" not in message
    assert caught.value.errors["row:4"] == "第4行：金额格式不正确"
    # nothing imported; the refusal itself is on record (issue 12: a refused import is a security event)
    assert entry_count(company) == 0 and actions(company)[before:] == ["import.refused"]


def test_many_bad_rows_list_fifty_and_count_the_rest(company, tmp_path):
    rows = [(emp_no(company, "李四"), "李四", "绩效奖金", "x", "")] * 80
    path = xlsx(tmp_path / "many.xlsx", ["工号", "姓名", "工资项目", "金额"], rows)
    with pytest.raises(ValidationError) as caught:
        import_entries(company.login("hr"), MONTH, path)
    assert len(caught.value.errors) == 50
    assert "有 80 行数据有误" in str(caught.value) and "另有 30 行有错误未列出" in str(caught.value)


def test_name_must_match_the_employee_number(company, tmp_path):
    path = xlsx(
        tmp_path / "shifted.xlsx",
        ["工号", "姓名", "工资项目", "金额"],
        [
            (emp_no(company, "李四"), "李四", "绩效奖金", 100),
            (emp_no(company, "赵六"), "陈工", "绩效奖金", 200),  # shifted: 赵六's number, 陈工's name
            ("E999999", "无名氏", "绩效奖金", 300),
            (emp_no(company, "周七"), "", "绩效奖金", 300),
        ],
    )
    with pytest.raises(ValidationError) as caught:
        import_entries(company.login("hr"), MONTH, path)
    message = str(caught.value)
    assert f"第4行：姓名“陈工”与工号 {emp_no(company, '赵六')} 的员工“赵六”不一致" in message
    assert "第5行：找不到工号为 E999999 的员工" in message
    assert "第6行：请填写姓名" in message
    assert entry_count(company) == 0


def test_a_paid_month_is_refused(company, tmp_path):
    pay_month(company, MONTH)
    path = xlsx(
        tmp_path / "paid.xlsx",
        ["工号", "姓名", "工资项目", "金额"],
        [(emp_no(company, "李四"), "李四", "绩效奖金", 100)],
    )
    with pytest.raises(StateError, match="已发放并锁定"):
        import_entries(company.login("hr"), MONTH, path)
    with pytest.raises(StateError):
        import_special_deductions(
            company.login("hr"),
            MONTH,
            xlsx(
                tmp_path / "d.xlsx",
                ["工号", "姓名", "子女教育", "3岁以下婴幼儿照护", "赡养老人", "继续教育", "住房贷款利息", "住房租金"],
                [(emp_no(company, "李四"), "李四", 2000, 0, 0, 0, 0, 0)],
            ),
        )
    assert entry_count(company) == 0
    assert inputs.month_locked(company.login("hr"), MONTH)
    assert import_entries(company.login("hr"), date(2026, 4, 1), path).count == 1  # the next month is open


def test_file_problems_are_reported_plainly(company, tmp_path):
    hr = company.login("hr")
    missing = xlsx(tmp_path / "missing.xlsx", ["工号", "姓名", "金额"], [("E000002", "李四", 1)])
    with pytest.raises(ValidationError, match="缺少列：工资项目"):
        import_entries(hr, MONTH, missing)
    with pytest.raises(ValidationError, match="找不到表头"):
        import_entries(hr, MONTH, xlsx(tmp_path / "nohead.xlsx", ["a", "b"], [(1, 2)]))
    with pytest.raises(ValidationError, match="没有数据"):
        import_entries(hr, MONTH, xlsx(tmp_path / "empty.xlsx", ["工号", "姓名", "工资项目", "金额"], []))
    broken = tmp_path / "broken.xlsx"
    broken.write_text("not a workbook")
    with pytest.raises(ValidationError, match="无法读取"):
        import_entries(hr, MONTH, broken)
    with pytest.raises(ValidationError, match="另存为 .xlsx"):
        import_entries(hr, MONTH, tmp_path / "old.xls")


def test_only_payroll_input_may_import(company, tmp_path):
    path = xlsx(
        tmp_path / "x.xlsx", ["工号", "姓名", "工资项目", "金额"], [(emp_no(company, "李四"), "李四", "绩效奖金", 1)]
    )
    with pytest.raises(PermissionDenied):
        import_entries(company.login("staff"), MONTH, path)


def test_reimport_can_replace_the_earlier_import_but_keeps_manual_entries(company, tmp_path):
    hr = company.login("hr")
    inputs.add_entry(hr, MONTH, company.emps["李四"], "performance_bonus", "50", "手工")
    first = xlsx(
        tmp_path / "v1.xlsx",
        ["工号", "姓名", "工资项目", "金额"],
        [(emp_no(company, "李四"), "李四", "绩效奖金", 100), (emp_no(company, "赵六"), "赵六", "绩效奖金", 200)],
    )
    import_entries(hr, MONTH, first)
    assert imports.imported_entry_count(hr, MONTH) == 2
    check = import_entries(hr, MONTH, first, check_only=True)
    assert check.checked_only and check.count == 2 and entry_count(company) == 3
    second = xlsx(
        tmp_path / "v2.xlsx", ["工号", "姓名", "工资项目", "金额"], [(emp_no(company, "李四"), "李四", "绩效奖金", 150)]
    )
    result = import_entries(hr, MONTH, second, replace_imported=True)
    assert result.replaced == 2 and "替换了之前导入的 2 条" in result.message
    assert sorted((e.amount, e.source) for e in inputs.entries(hr, MONTH)) == [
        (D("50.00"), "manual"),
        (D("150.00"), "import"),
    ]


def test_ten_thousand_entries_import_in_seconds(company, tmp_path):
    people = [(emp_no(company, n), n) for n in company.emps]
    rows = [
        (people[i % len(people)][0], people[i % len(people)][1], "绩效奖金", 100 + i % 50, f"第{i}笔")
        for i in range(10_000)
    ]
    path = xlsx(tmp_path / "big.xlsx", ["工号", "姓名", "工资项目", "金额", "备注"], rows)
    started = time.perf_counter()
    result = import_entries(company.login("hr"), MONTH, path)
    elapsed = time.perf_counter() - started
    assert result.count == 10_000 and entry_count(company) == 10_000
    assert elapsed < 10, f"{elapsed:.1f} s"


# --- special additional deductions ---------------------------------------------------------------------

DEDUCTION_HEADER = [
    "工号",
    "姓名",
    "子女教育",
    "3岁以下婴幼儿照护",
    "赡养老人",
    "继续教育",
    "住房贷款利息",
    "住房租金",
    "大病医疗",
]


def test_deductions_import_declares_from_the_month(company, tmp_path):
    hr = company.login("hr")
    declarations.set_special_deduction(hr, company.emps["李四"], MONTH, {"elderly_support": "1000"})
    path = xlsx(
        tmp_path / "sd.xlsx",
        DEDUCTION_HEADER,
        [
            (emp_no(company, "李四"), "李四", 2000, None, 3000, None, 1000, None, None),
            (emp_no(company, "赵六"), "赵六", 4000, 2000, None, 400, None, 1500, 0),
        ],
    )
    result = import_special_deductions(hr, MONTH, path)
    assert result.count == 2 and "自 2026-03 起的专项附加扣除" in result.message
    li = declarations.special_deduction(hr, company.emps["李四"], date(2026, 5, 1))
    assert li.month == MONTH and li.amounts["elderly_support"] == D("3000.00") and li.monthly_total == D("6000.00")
    zhao = declarations.special_deduction(hr, company.emps["赵六"], MONTH)
    assert zhao.monthly_total == D("7900.00")
    assert actions(company)[-3:] == ["special_deduction.set", "special_deduction.set", "special_deduction.import"]
    listed = dict((p.name, d) for p, d in declarations.declarations(hr, MONTH))
    assert listed["李四"].amounts["child_education"] == D("2000.00") and listed["陈工"] is None


def test_deductions_import_checks_rules_and_repeats(company, tmp_path):
    hr = company.login("hr")
    path = xlsx(
        tmp_path / "sd.xlsx",
        DEDUCTION_HEADER,
        [
            (emp_no(company, "李四"), "李四", None, None, None, None, 1000, 1500, None),  # row 3: loan and rent
            (emp_no(company, "赵六"), "赵六", None, None, 3500, None, None, None, None),  # row 4: above the maximum
            (emp_no(company, "陈工"), "陈工", "abc", None, None, None, None, None, None),  # row 5
            (emp_no(company, "李四"), "李四", 1000, None, None, None, None, None, None),  # row 6: repeated
        ],
    )
    with pytest.raises(ValidationError) as caught:
        import_special_deductions(hr, MONTH, path)
    message = str(caught.value)
    assert "第3行：住房贷款利息和住房租金不能同时扣除" in message
    assert "第4行：赡养老人每月最多 3,000.00" in message
    assert "第5行：子女教育金额格式不正确" in message
    assert "第6行：工号 E000002 与第3行重复" in message
    assert declarations.special_deduction(hr, company.emps["赵六"], MONTH) is None


# --- opening figures -------------------------------------------------------------------------------------

OPENING_HEADER = [
    "工号",
    "姓名",
    "已发薪月数",
    "累计收入",
    "累计免税收入",
    "累计专项扣除",
    "累计专项附加扣除",
    "累计其他扣除",
    "累计已预扣税额",
    "上年工资不超过6万",
    "自1月起扣除减除费用",
]


def test_opening_figures_import(company, tmp_path):
    hr = company.login("hr")
    declarations.save_tax_profile(hr, declarations.TaxProfile(company.emps["李四"], 2026, bonus_separately=False))
    path = xlsx(
        tmp_path / "ytd.xlsx",
        OPENING_HEADER,
        [
            (emp_no(company, "李四"), "李四", 2, 24000, 0, 4200, 4000, 0, "96.00", "否", "否"),
            (emp_no(company, "赵六"), "赵六", 0, None, None, None, None, None, None, "是", None),
        ],
    )
    result = import_opening_figures(hr, 2026, path)
    assert result.count == 2 and "2026 年度的年初累计数" in result.message
    li = declarations.tax_profile(hr, company.emps["李四"], 2026)
    assert (li.opening_months, li.opening_income, li.opening_special, li.opening_tax) == (
        2,
        D("24000.00"),
        D("4200.00"),
        D("96.00"),
    )
    assert li.bonus_separately is False  # not in the sheet: kept
    zhao = declarations.tax_profile(hr, company.emps["赵六"], 2026)
    assert zhao.low_income and not zhao.basic_from_january and zhao.opening_months == 0
    assert actions(company)[-1] == "tax_profile.import"
    listed = {p.name: (profile, saved) for p, profile, saved in declarations.tax_profiles(hr, 2026)}
    assert listed["赵六"][1] and not listed["陈工"][1]


def test_opening_figures_errors(company, tmp_path):
    path = xlsx(
        tmp_path / "ytd.xlsx",
        OPENING_HEADER,
        [
            (emp_no(company, "李四"), "李四", "两个月", 24000, 0, 0, 0, 0, 0, "否", "否"),  # row 3
            (emp_no(company, "赵六"), "赵六", 2, 1000, 2000, 0, 0, 0, 0, "也许", "否"),  # row 4
            (emp_no(company, "陈工"), "陈工", 0, 1000, 0, 0, 0, 0, 0, "否", "否"),  # row 5: figures without months
        ],
    )
    with pytest.raises(ValidationError) as caught:
        import_opening_figures(company.login("hr"), 2026, path)
    message = str(caught.value)
    assert "第3行：已发薪月数：应为0到11的整数" in message
    assert "第4行：上年工资不超过6万：请填写“是”或“否”；累计免税收入不能大于累计收入" in message
    assert "第5行：已发薪月数：填写了累计数时，请填写这些累计数覆盖的月数" in message
    assert not declarations.tax_profiles(company.login("hr"), 2026)[0][2]


# --- templates -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind, headers",
    [
        (ENTRIES, ["工号", "姓名", "工资项目", "金额", "备注"]),
        (DEDUCTIONS, DEDUCTION_HEADER),
        (OPENING, OPENING_HEADER),
    ],
)
def test_template_opens_with_the_right_headers(tmp_path, kind, headers):
    path = write_template(kind, tmp_path / f"{kind}.xlsx", item_names=["绩效奖金", "交通补贴"])
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    assert [c.value for c in sheet[2]] == headers
    assert sheet["A1"].value.startswith("填写说明")
    assert sheet.freeze_panes == "C3"
    assert sheet.column_dimensions["A"].width > 8
    if kind == ENTRIES:
        assert [c.value for c in workbook["工资项目"]["A"]] == ["工资项目", "绩效奖金", "交通补贴"]


def test_a_filled_template_imports(company, tmp_path):
    path = write_template(ENTRIES, tmp_path / "t.xlsx", item_names=["绩效奖金"])
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    sheet.append([emp_no(company, "李四"), "李四", "绩效奖金", 800, "-1+2 扣回"])
    workbook.save(path)
    result = import_entries(company.login("hr"), MONTH, path)
    assert result.count == 1
    assert inputs.entries(company.login("hr"), MONTH)[0].note == "-1+2 扣回"

"""Free texts reach the trail, PDFs and e-mails: the company name, notes, reasons and evaluations
refuse NUL, other control characters and the direction controls as names do (issue 12, "Bad
input that still gets in"), with a message naming the field and the character; nothing is saved."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from sqlalchemy import func, select

from hrdesk.core.company import details
from hrdesk.core.flows import lifecycle
from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.kernel.persistence.tables import AuditRecord
from hrdesk.core.payroll import imports, inputs

BAD = [
    pytest.param("\x00", "U+0000", id="NUL"),
    pytest.param("\u202e", "U+202E", id="RLO"),
    pytest.param("\x1b", "U+001B", id="ESC"),
]


def trail_length(company) -> int:
    with company.db.session() as s:
        return s.execute(select(func.count()).select_from(AuditRecord)).scalar_one()


def refused(company, action, field, code):
    before = trail_length(company)
    with pytest.raises(ValidationError) as info:
        action()
    assert field in info.value.errors and code in info.value.errors[field], info.value.errors
    assert trail_length(company) == before
    return info.value


@pytest.mark.parametrize("char, code", BAD)
def test_the_company_name_address_and_phone(company, char, code):
    admin = company.login("admin")
    for field, info in [
        ("company_name", details.CompanyInfo("测试" + char + "公司", None, None, None)),
        ("address", details.CompanyInfo("测试科技有限公司", None, "上海市" + char, None)),
        ("phone", details.CompanyInfo("测试科技有限公司", None, None, "021" + char)),
    ]:
        refused(company, lambda info=info: details.update_company(admin, info), field, code)
    assert details.get_company(admin).name == "测试科技有限公司"


@pytest.mark.parametrize("char, code", BAD)
def test_a_payroll_note(company, char, code):
    hr = company.login("hr")
    refused(
        company,
        lambda: inputs.add_entry(hr, date(2026, 1, 1), company.emps["李四"], "performance_bonus", "50", "手工" + char),
        "note",
        code,
    )


@pytest.mark.parametrize("char, code", [BAD[1]])  # openpyxl itself writes no C0 controls into a cell
def test_an_import_rows_note_names_the_row(company, tmp_path, char, code):
    hr = company.login("hr")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["工号", "姓名", "工资项目", "金额", "备注"])
    ws.append(["E000002", "李四", "绩效奖金", 100, "好" + char])
    path = tmp_path / "notes.xlsx"
    wb.save(path)
    with pytest.raises(ValidationError) as info:
        imports.import_entries(hr, date(2026, 1, 1), path, check_only=True)
    assert any(code in message and "第2行" in message for message in info.value.errors.values()), info.value.errors


@pytest.mark.parametrize("char, code", BAD)
def test_a_transfer_reason_and_a_confirmation_evaluation(company, char, code):
    hr = company.login("hr")
    refused(
        company,
        lambda: lifecycle.start_transfer(
            hr, company.emps["赵六"], date(2026, 4, 1), {"base_salary": "13000"}, "调薪" + char
        ),
        "reason",
        code,
    )
    refused(
        company,
        lambda: lifecycle.start_confirmation(hr, company.emps["李四"], date(2026, 4, 1), "表现良好" + char),
        "evaluation",
        code,
    )


@pytest.mark.parametrize("char, code", BAD)
def test_a_flow_comment(company, char, code):
    from hrdesk.core.flows import engine
    from hrdesk.core.flows.workflow import Action

    hr = company.login("hr")
    flow = lifecycle.start_transfer(hr, company.emps["赵六"], date(2026, 4, 1), {"base_salary": "13000"}, "调薪")
    refused(company, lambda: engine.act(hr, flow.summary.id, Action.COMMENT, "请看" + char), "comment", code)

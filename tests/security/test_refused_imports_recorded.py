"""A refused import is a security event (issue 12): an import that repeats one row a million times
or carries bad rows leaves no data, but the trail says who tried which file and why. A check
(check_only) that finds problems is what checks are for and is not recorded."""

from __future__ import annotations

import json
from datetime import date

import openpyxl
import pytest
from sqlalchemy import select

from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.kernel.persistence.tables import AuditRecord
from hrdesk.core.payroll import imports


def entries_file(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["工号", "姓名", "工资项目", "金额", "备注"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def refused_imports(company) -> list[AuditRecord]:
    with company.db.session() as s:
        return list(s.execute(select(AuditRecord).where(AuditRecord.action == "import.refused")).scalars())


def test_a_file_of_repeated_rows_is_refused_and_recorded(company, tmp_path):
    hr = company.login("hr")
    row = ["E000002", "李四", "奖金", "1000", "重复"]
    path = entries_file(tmp_path / "一次性项目.xlsx", [row] * 50)
    with pytest.raises(ValidationError):
        imports.import_entries(hr, date(2026, 1, 1), path)
    records = refused_imports(company)
    assert len(records) == 1
    record = records[0]
    assert record.actor_name == "刘人事(hr)" and "一次性项目.xlsx" in record.summary
    details = json.loads(record.after)
    assert details["file"] == "一次性项目.xlsx" and details["problems"] >= 1 and details["reason"]


def test_a_check_that_finds_problems_is_not_a_refusal(company, tmp_path):
    hr = company.login("hr")
    path = entries_file(tmp_path / "有误.xlsx", [["E999999", "无此人", "奖金", "abc", ""]])
    with pytest.raises(ValidationError):
        imports.import_entries(hr, date(2026, 1, 1), path, check_only=True)
    assert refused_imports(company) == []
    with pytest.raises(ValidationError):
        imports.import_entries(hr, date(2026, 1, 1), path)
    assert len(refused_imports(company)) == 1

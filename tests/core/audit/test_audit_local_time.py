"""Issue 11: times are stored in UTC and shown in local time everywhere, and exports name the zone.

A record written at 2026-03-01 00:30 UTC reads 2026-03-01 08:30 on a computer in China: in the
trail (rows and workbook), in the payroll workbooks' title block and in the document register's
verdict, whose day is the local day.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import openpyxl
from sqlalchemy import select

from hrdesk.core.accounts import auth
from hrdesk.core.audit import audit_log, trail
from hrdesk.core.documents import issuing
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.persistence.tables import AuditRecord
from hrdesk.core.payroll import exports, runs
from hrdesk.core.people import employees
from tests.helpers import employee_input
from tests.time_zones import local_zone

WRITTEN = datetime(2026, 3, 1, 0, 30)  # UTC, as stored


def login(fx, username, at: datetime) -> ServiceContext:
    return auth.login(fx.db, username, fx.users[username], FixedClock(at))


def _hire_at(fx, at: datetime) -> int:
    ctx = ServiceContext(fx.db, fx.system.actor, FixedClock(at))
    return employees.create(ctx, employee_input("E000099", "钱九", fx.depts["销售部"], 99)).id


def test_the_stored_value_stays_utc(company, shanghai):
    new_id = _hire_at(company, WRITTEN)
    with company.db.session() as s:
        stored = s.execute(
            select(AuditRecord.created_at).where(
                AuditRecord.action == "employee.create", AuditRecord.entity_id == str(new_id)
            )
        ).scalar_one()
    assert stored == WRITTEN  # the database is unchanged: naive UTC
    entry = audit_log.list_entries(login(company, "auditor", WRITTEN), entity_type="employee", entity_id=new_id)[0]
    assert entry.created_at == WRITTEN


def test_trail_rows_and_workbook_show_local_time_and_name_the_zone(company, shanghai, tmp_path):
    new_id = _hire_at(company, WRITTEN)
    auditor = login(company, "auditor", WRITTEN + timedelta(hours=1))  # exported at 01:30 UTC
    report = trail.trail_report(auditor, new_id)
    assert [r.time for r in report.rows] == ["2026-03-01 08:30:00"]

    path = trail.export_trail(auditor, tmp_path / "留痕.xlsx", employee_id=new_id).path
    ws = openpyxl.load_workbook(path).active
    assert ws["B5"].value == "时间（北京时间 UTC+08:00）"
    assert ws["B6"].value == datetime(2026, 3, 1, 8, 30)  # a real date-time, in local time
    assert ws["B6"].number_format == "yyyy-mm-dd hh:mm:ss"
    assert "导出时间：2026-03-01 09:30（北京时间 UTC+08:00）" in ws["A3"].value


def test_the_zone_named_is_the_computers_not_a_fixed_one(company, tmp_path):
    new_id = _hire_at(company, WRITTEN)
    with local_zone("Asia/Kolkata"):
        auditor = login(company, "auditor", WRITTEN)
        assert trail.trail_report(auditor, new_id).rows[0].time == "2026-03-01 06:00:00"
        ws = openpyxl.load_workbook(trail.export_trail(auditor, tmp_path / "t.xlsx", employee_id=new_id).path).active
        assert ws["B5"].value == "时间（UTC+05:30）" and ws["B6"].value == datetime(2026, 3, 1, 6, 0)
        assert "导出时间：2026-03-01 06:00（UTC+05:30）" in ws["A3"].value


def test_payroll_workbook_states_when_in_local_time_with_the_zone(company, shanghai, tmp_path):
    runs.calculate_month(login(company, "hr", WRITTEN), date(2026, 1, 1))
    finance = login(company, "finance", WRITTEN + timedelta(hours=2))
    path = exports.export(finance, date(2026, 1, 1), "sheet", tmp_path / "工资表.xlsx")
    info = openpyxl.load_workbook(path).active["A2"].value
    assert "计算：2026-03-01 08:30 刘人事" in info
    assert "导出：2026-03-01 10:30 钱财务" in info
    assert "时间为北京时间 UTC+08:00" in info


def test_a_document_issued_early_in_the_morning_is_dated_that_local_day(company, shanghai):
    early = datetime(2026, 2, 28, 23, 0)  # 07:00 on 1 March in Beijing
    hr = login(company, "hr", early)
    doc = issuing.employment_certificate(hr, company.emps["王经理"])
    assert doc.issued_at == early  # stored in UTC
    message = issuing.verify(company.system, doc.pdf).message
    assert "于 2026-03-01 开具" in message and "2026-02-28" not in message

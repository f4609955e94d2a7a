"""The wage history (历史工资): months before HRDesk that the settlement's twelve-month average (实施
条例 art. 27), annual-leave pay without overtime (年休假实施办法 art. 11) and the 6万 check (公告2020年
第19号) read; never a month HRDesk calculated; imported whole or not at all."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal as D

import openpyxl
import pytest

from hrdesk.core.accounts import auth
from hrdesk.core.audit import audit_log
from hrdesk.core.flows import engine
from hrdesk.core.flows.workflow import Action
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.kernel.errors import NotFound, PermissionDenied, ValidationError
from hrdesk.core.payroll import declarations, inputs, runs, wage_history
from hrdesk.core.separation import settlement
from hrdesk.core.separation.statement import wage_window
from tests.core.separation.test_wage_average import to_finance


def login(fx, username):
    return auth.login(fx.db, username, fx.users[username], fx.clock)


@pytest.fixture
def fx(company):
    company.clock = FixedClock(datetime(2026, 3, 2, 9, 0))
    return company


def history_rows(path, rows, header=("工号", "姓名", "月份", "应发工资", "其中加班工资", "备注")):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["说明：历史工资"])
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def test_the_average_takes_the_missing_months_from_the_history_and_can_then_be_approved(fx):
    """李四 (hired 2020, base 12,000) with Dec 2025 – Feb 2026 in HRDesk and a 60,000 bonus in
    February: with Mar – Nov 2025 entered as history, the average is over the whole twelve months."""
    hr, li = login(fx, "hr"), fx.emps["李四"]
    inputs.add_entry(hr, date(2026, 2, 1), li, "annual_bonus", "60000", "2025年终奖")
    for month in (date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)):
        runs.calculate_month(hr, month)
    history = {date(2025, m, 1): (D("11000") + m * 100, D(m * 10)) for m in range(3, 12)}
    for month, (gross, overtime) in history.items():
        wage_history.set_month(hr, li, month, gross, overtime, "旧系统工资表")
    flow_id = to_finance(fx, li)
    finance = login(fx, "finance")
    st = settlement.statement(finance, li)
    assert not st.average_missing
    with fx.db.session() as session:
        held = wage_history.monthly_wages(session, li, wage_window(date(2020, 1, 6), date(2026, 3, 1)))
    assert len(held) == 12
    paid = sum(m.gross for m in held.values() if m.source == wage_history.PAYROLL)
    assert paid == sum(r.payslip.gross_pay for m in (12, 1, 2) for r in runs.rows(hr, _month(m)) if r.employee_id == li)
    total = paid + sum(g for g, _ in history.values())
    overtime = sum(o for _, o in history.values())
    assert st.average_wage == (total / 12).quantize(D("0.01"))
    assert "其中 9 个月取自历史工资" in st.average_wage_basis
    # annual-leave pay is on the average without the overtime part of the history
    assert st.leave.monthly_wage == ((total - overtime) / 12).quantize(D("0.01"))
    engine.act(finance, flow_id, Action.APPROVE, "结算无误")
    assert settlement.statement(finance, li).approved


def _month(m: int) -> date:
    return date(2025 if m == 12 else 2026, m, 1)


def test_a_month_hrdesk_calculated_or_outside_employment_is_refused(fx):
    hr, li = login(fx, "hr"), fx.emps["李四"]
    runs.calculate_month(hr, date(2026, 1, 1))
    with pytest.raises(ValidationError, match="已由 HRDesk 核算"):
        wage_history.set_month(hr, li, date(2026, 1, 1), "12000")
    with pytest.raises(ValidationError, match="尚未结束"):
        wage_history.set_month(hr, li, date(2026, 3, 1), "12000")
    with pytest.raises(ValidationError, match="入职"):
        wage_history.set_month(hr, li, date(2019, 12, 1), "12000")
    with pytest.raises(ValidationError, match="不能大于应发工资"):
        wage_history.set_month(hr, li, date(2025, 6, 1), "1000", "1000.01")
    with pytest.raises(ValidationError):
        wage_history.set_month(hr, li, date(2025, 6, 1), "-1")
    assert wage_history.history(hr, li) == []


def test_a_month_is_corrected_in_place_and_removed_with_an_audit_record(fx):
    hr, li = login(fx, "hr"), fx.emps["李四"]
    wage_history.set_month(hr, li, date(2025, 6, 1), "12000", "300")
    wage_history.set_month(hr, li, date(2025, 6, 1), "12500", "0", "更正")
    [row] = wage_history.history(hr, li)
    assert (row.gross, row.overtime, row.note) == (D("12500.00"), D("0.00"), "更正")
    wage_history.remove_month(hr, li, date(2025, 6, 1))
    assert wage_history.history(hr, li) == []
    with pytest.raises(NotFound):
        wage_history.remove_month(hr, li, date(2025, 6, 1))
    actions = [r.action for r in audit_log.list_entries(login(fx, "auditor"), entity_type="employee")]
    assert {"wage_history.set", "wage_history.remove"} <= set(actions)


def test_only_payroll_staff_enter_or_read_it(fx):
    li = fx.emps["李四"]
    for user in ("staff", "manager"):
        with pytest.raises(PermissionDenied):
            wage_history.set_month(login(fx, user), li, date(2025, 6, 1), "12000")
        with pytest.raises(PermissionDenied):
            wage_history.history(login(fx, user))


def test_the_import_is_all_or_nothing_and_updates_on_a_second_run(fx, tmp_path):
    hr, li = login(fx, "hr"), fx.emps["李四"]
    wage_history.set_month(hr, li, date(2025, 5, 1), "9999")
    good = history_rows(
        tmp_path / "h.xlsx",
        [
            ("E000002", "李四", "2025-05", 12000, 500, ""),
            ("E000002", "李四", "2025年6月", "12,100.00", None, "旧系统"),
            ("E000002", "李四", datetime(2025, 7, 1), 12200, 0, ""),
        ],
    )
    checked = wage_history.import_history(hr, good, check_only=True)
    assert (checked.count, checked.new, checked.updated) == (3, 2, 1) and checked.checked_only
    assert len(wage_history.history(hr, li)) == 1  # a check writes nothing
    done = wage_history.import_history(hr, good)
    assert "新增 2 条，更新 1 条" in done.message
    assert [(r.month.month, r.gross, r.overtime) for r in wage_history.history(hr, li)] == [
        (5, D("12000.00"), D("500.00")),
        (6, D("12100.00"), D("0.00")),
        (7, D("12200.00"), D("0.00")),
    ]
    bad = history_rows(
        tmp_path / "bad.xlsx",
        [
            ("E000002", "李四", "2025-08", 13000, 0, ""),
            ("E000002", "张三", "2025-09", 13000, 0, ""),  # shifted row: the name is not 李四's
            ("E000002", "李四", "2025-13", 13000, 0, ""),
            ("E000002", "李四", "2025-08", 13000, 0, ""),  # the same month twice
            ("E000002", "李四", "2025-10", 100, 200, ""),
        ],
    )
    with pytest.raises(ValidationError) as caught:
        wage_history.import_history(hr, bad)
    message = str(caught.value)
    for row_number, text in ((4, "不一致"), (5, "无法识别"), (6, "重复"), (7, "不能大于")):
        assert f"第{row_number}行" in message and text in message
    assert len(wage_history.history(hr, li)) == 3  # nothing written


def test_the_template_reads_back_as_an_empty_import(tmp_path):
    path = wage_history.write_template(tmp_path / wage_history.TEMPLATE_FILE_NAME)
    ws = openpyxl.load_workbook(path).active
    assert [c.value for c in ws[2]] == ["工号", "姓名", "月份", "应发工资", "其中加班工资", "备注"]
    with pytest.raises(ValidationError, match="没有数据"):
        wage_history.read_rows(path, wage_history.COLUMNS)


def test_month_cells_as_people_type_them():
    parse = wage_history.parse_history_month
    for text in ("2025-03", "2025/3", "2025.03", "2025年3月", "202503", "2025-03-01", " 2025 年 3 月 "):
        assert parse(text) == date(2025, 3, 1), text
    assert parse(datetime(2025, 3, 15)) == date(2025, 3, 1)
    for text in ("2025-13", "3月", "abc", "", "1899-01"):
        with pytest.raises(ValueError):
            parse(text)


def test_last_years_history_counts_for_the_6wan_check(fx):
    """公告2020年第19号: last year's wage income in this company, here from the history, above 60,000."""
    hr, li = login(fx, "hr"), fx.emps["李四"]
    with fx.db.session() as session:
        assert declarations.low_income_refusal(session, li, 2026) is None  # no records of 2025
    for m in range(1, 13):
        wage_history.set_month(hr, li, date(2025, m, 1), "5000")
    with fx.db.session() as session:
        assert declarations.previous_year_wages(session, li, 2025) == (D("60000.00"), 12)
        assert declarations.low_income_refusal(session, li, 2026) is None  # exactly 60,000 is allowed
    wage_history.set_month(hr, li, date(2025, 12, 1), "5000.01")
    with fx.db.session() as session:
        refusal = declarations.low_income_refusal(session, li, 2026)
    assert refusal and "60,000.01" in refusal

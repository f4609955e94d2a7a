"""The trail (操作留痕) of one employee or one flow: content, permissions, masking, Excel export."""

from datetime import date, datetime

import openpyxl
import pytest

from hrdesk.core.accounts import auth, users
from hrdesk.core.audit import trail
from hrdesk.core.flows import checklists, engine, separations
from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.flows.workflow import Action, FlowStatus
from hrdesk.core.kernel.clock import FixedClock, zone_label
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import NotFound, PermissionDenied, StorageError, ValidationError
from hrdesk.core.kernel.exports import cells
from hrdesk.core.kernel.permissions import Role
from hrdesk.core.people import employees
from hrdesk.core.people.employee_rules import EmployeeStatus
from tests.helpers import USER_PASSWORD, employee_input, read_only_folder, verify_average_wage

TODAY = datetime(2026, 3, 2, 9, 30)


def login(fx, username):
    return auth.login(fx.db, username, fx.users[username], fx.clock)


@pytest.fixture
def separated(company):
    """李四 (with an account) resigns; every step approves; the checklist is closed; archived."""
    fx = company
    fx.clock = FixedClock(TODAY)
    system = ServiceContext(fx.db, fx.system.actor, fx.clock)
    li = employees.get(system, fx.emps["李四"])
    data = employee_input(
        "E000002",
        "李四",
        fx.depts["销售部"],
        2,
        manager_id=fx.emps["王经理"],
        position_id=li.position_id,
        base_salary="15000",
    )
    employees.update(system, li.id, data, li.version)
    users.create_account(system, "lisi", "李四", USER_PASSWORD, {Role.EMPLOYEE}, li.id, must_change_password=False)
    fx.users["lisi"] = USER_PASSWORD
    lisi = login(fx, "lisi")
    flow_id = separations.start(lisi, li.id, SeparationReason.RESIGNATION, date(2026, 4, 10), "个人原因").summary.id
    hr = login(fx, "hr")
    for username in ("manager", "hr", "finance"):
        if username == "finance":
            verify_average_wage(fx.db, li.id)
        engine.act(login(fx, username), flow_id, Action.APPROVE, f"{username} 同意")
    for item in engine.get(hr, flow_id).checklist:
        checklists.waive(hr, item.id, "已线下办理完毕") if item.title.startswith("钥匙") else checklists.confirm(
            login(fx, "admin")
            if item.owner == "管理员"
            else hr
            if item.owner == "人事"
            else login(fx, "finance")
            if item.owner == "财务"
            else login(fx, "manager"),
            item.id,
            "已完成",
        )
    detail = engine.act(hr, flow_id, Action.APPROVE, "归档")
    assert detail.summary.status is FlowStatus.COMPLETED
    fx.flow_id = flow_id
    fx.li = li.id
    return fx


def test_employee_trail_covers_record_account_and_flow_in_order(separated):
    fx = separated
    entries = trail.trail(login(fx, "auditor"), employee_id=fx.li)
    seqs = [e.seq for e in entries]
    assert seqs == sorted(seqs)
    actions = [e.action for e in entries]
    # the employee record: created, edited, 待离职, separated
    assert actions[0] == "employee.create"
    assert {"employee.update", "employee.status", "employee.separate"} <= set(actions)
    # the account: created, signed in, end date set by the completed separation
    assert {"user.create", "login.success", "user.active_until"} <= set(actions)
    # the flow: submitted, approved by each step, checklist confirmed and waived
    assert {"flow.submit", "flow.approve", "checklist.confirm", "checklist.waive"} <= set(actions)
    assert actions.index("employee.status") < actions.index("flow.submit") < actions.index("employee.separate")
    # nothing about anybody else
    other_users = {str(u.id) for u in users.list_accounts(fx.system) if u.username != "lisi"}
    assert not [e for e in entries if e.entity_type == "user" and e.entity_id in other_users]
    assert all(e.entity_type in ("employee", "user", "flow") for e in entries)
    assert not [e for e in entries if e.entity_type == "employee" and e.entity_id != str(fx.li)]

    flow_entries = trail.trail(login(fx, "hr"), flow_id=fx.flow_id)
    assert {e.entity_type for e in flow_entries} == {"flow"}
    assert [e.seq for e in flow_entries] == [e.seq for e in entries if e.entity_type == "flow"]
    # by 工号, for the command line
    assert [e.seq for e in trail.trail(login(fx, "hr"), emp_no="e000002")] == seqs


def test_masking_for_hr_and_auditor(separated):
    fx = separated
    hr_view = trail.trail(login(fx, "hr"), employee_id=fx.li)
    auditor_view = trail.trail(login(fx, "auditor"), employee_id=fx.li)
    hr_create, auditor_create = hr_view[0].after, auditor_view[0].after
    assert hr_create["base_salary"] == "12000.00" and len(hr_create["id_number"]) == 18
    assert auditor_create["base_salary"] == "****"
    assert auditor_create["id_number"] == hr_create["id_number"][:3] + "*" * 11 + hr_create["id_number"][-4:]
    assert (
        auditor_create["bank_account"].startswith(hr_create["bank_account"][:4])
        and "*" in auditor_create["bank_account"]
    )
    assert auditor_create["name"] == "李四"  # only the sensitive fields
    edit = next(e for e in auditor_view if e.action == "employee.update")
    assert edit.before["base_salary"] == edit.after["base_salary"] == "****"
    assert trail.trail_report(login(fx, "auditor"), employee_id=fx.li).masked
    assert not trail.trail_report(login(fx, "hr"), employee_id=fx.li).masked


def test_who_may_read_trails(separated):
    fx = separated
    for username in ("staff", "manager", "finance", "admin", "lisi"):
        with pytest.raises(PermissionDenied):
            trail.trail(login(fx, username), employee_id=fx.li)
        with pytest.raises(PermissionDenied):
            trail.trail(login(fx, username), flow_id=fx.flow_id)
    with pytest.raises(NotFound):
        trail.trail(login(fx, "hr"), employee_id=4242)
    with pytest.raises(NotFound):
        trail.trail(login(fx, "hr"), flow_id=4242)
    with pytest.raises(ValidationError):
        trail.trail(login(fx, "hr"))
    with pytest.raises(ValidationError):
        trail.trail(login(fx, "hr"), employee_id=fx.li, flow_id=fx.flow_id)


def test_export_is_readable_and_text_stays_text(separated, tmp_path):
    fx = separated
    out = tmp_path / "out"
    out.mkdir()
    system = ServiceContext(fx.db, fx.system.actor, fx.clock)
    li = employees.get(system, fx.li)
    evil = '=HYPERLINK("http://x","点我")'
    employees.update(
        system,
        li.id,
        employee_input(
            "E000002",
            evil,
            fx.depts["销售部"],
            2,
            manager_id=fx.emps["王经理"],
            position_id=li.position_id,
            base_salary="15000",
            status=EmployeeStatus.SEPARATED,
            last_working_day=date(2026, 4, 10),
        ),
        li.version,
    )
    path = out / "李四 操作留痕.xlsx"
    result = trail.export_trail(login(fx, "auditor"), path, employee_id=fx.li)
    assert result.path == path and result.count == len(trail.trail(login(fx, "auditor"), employee_id=fx.li))
    assert [p.name for p in out.iterdir()] == [path.name]  # no temporary file left

    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws.title == "操作留痕"
    assert ws["A1"].value == "测试科技有限公司 操作留痕"
    assert ws["A2"].value.startswith("对象：员工 E000002 ")
    assert "导出人：审计员" in ws["A3"].value and f"共 {result.count} 条记录" in ws["A3"].value
    assert "打码" in ws["A4"].value
    header = [c.value for c in ws[5]]
    assert header == ["序号", f"时间（{zone_label()}）", "操作人", "代办", "操作", "摘要", "变更前", "变更后"]
    assert ws.freeze_panes == "A6"
    assert ws.column_dimensions["F"].width >= 30 and ws["F6"].alignment.wrap_text
    rows = list(ws.iter_rows(min_row=6, values_only=True))
    assert len(rows) == result.count
    assert rows[0][4] == "新建员工" and rows[0][0] < rows[-1][0]
    create_after = rows[0][7]
    assert "姓名：李四" in create_after and "基本工资：****" in create_after and "部门：销售部" in create_after
    assert "状态：正式" in create_after
    approvals = [r for r in rows if r[4] == "流程：同意"]
    assert approvals and approvals[0][6].startswith("状态：审批中")
    # the name starting with "=" is text, not a formula, wherever it appears
    rename = next(r for r in ws.iter_rows(min_row=6) if r[4].value == "修改员工档案" and evil in (r[7].value or ""))
    assert rename[7].data_type == "s"
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    # HR's export shows the values in clear and has no masking note
    hr_path = trail.export_trail(login(fx, "hr"), out / "hr.xlsx", flow_id=fx.flow_id).path
    hr_ws = openpyxl.load_workbook(hr_path).active
    assert hr_ws["A2"].value.startswith("对象：流程 #") and hr_ws["A4"].value is None


def test_cells_helper_keeps_text_as_text(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    samples = ["=1+1", "+86 138", "-5", "@SUM(A1)", "\tx", "普通文字", "a\x01b"]
    for row, value in enumerate(samples, start=1):
        cells.write(ws, row, 1, value)
    cells.write(ws, 9, 1, 42)
    wb.save(tmp_path / "c.xlsx")
    back = openpyxl.load_workbook(tmp_path / "c.xlsx").active
    assert [back.cell(row=r, column=1).value for r in range(1, 8)] == samples[:6] + ["ab"]
    assert all(back.cell(row=r, column=1).data_type == "s" for r in range(1, 8))
    assert back["A9"].value == 42 and back["A9"].data_type == "n"
    wo = openpyxl.Workbook(write_only=True)
    sheet = wo.create_sheet()
    sheet.append([cells.text_cell(sheet, "=2*3"), cells.text_cell(sheet, 7)])
    wo.save(tmp_path / "w.xlsx")
    row = next(openpyxl.load_workbook(tmp_path / "w.xlsx").active.iter_rows())
    assert row[0].value == "=2*3" and row[0].data_type == "s" and row[1].value == 7


def test_bad_path_leaves_no_file(separated, tmp_path):
    fx = separated
    hr = login(fx, "hr")
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(StorageError, match="不存在"):
        trail.export_trail(hr, tmp_path / "没有这个文件夹" / "x.xlsx", employee_id=fx.li)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(StorageError, match="文件夹"):
        trail.export_trail(hr, tmp_path, employee_id=fx.li)
    locked = tmp_path / "locked"
    locked.mkdir()
    with read_only_folder(locked), pytest.raises(StorageError, match="没有写入权限"):
        trail.export_trail(hr, locked / "x.xlsx", employee_id=fx.li)
    assert list(locked.iterdir()) == []


def test_failed_write_removes_the_temporary_file(separated, tmp_path, monkeypatch):
    fx = separated
    from openpyxl import Workbook

    def broken_save(self, filename):
        with open(filename, "wb") as handle:
            handle.write(b"PK\x03\x04 half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", broken_save)
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(StorageError, match="磁盘空间不足"):
        trail.export_trail(login(fx, "hr"), tmp_path / "x.xlsx", employee_id=fx.li)
    assert list(tmp_path.iterdir()) == []

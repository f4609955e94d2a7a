"""Every write service records its audit entry (issue 12): the action, the entity type and id, and
before and after values holding the field(s) the call changed.

Each case calls one service as a user the matrix allows (the calls of tests/core/permission_matrix,
on its company), then reads the records the call appended, newest first, straight from the chain
table, and finds the one with the expected action and entity. ``before``/``after`` list the values
that record must hold (a subset: a record may say more); None means the side must be empty (a
creation has no before, a deletion no after). A value is compared as the trail stores it (dates as
ISO text); an expected Decimal is compared as an amount; ANY only asks that the key be there; a
function checks values that are no dict.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from hrdesk.core.accounts.tables import User
from hrdesk.core.flows.tables import ChecklistTemplate, FlowDefinitionRecord, FlowInstance
from hrdesk.core.flows.workflow import Action
from hrdesk.core.kernel.persistence.tables import AuditRecord
from hrdesk.core.org.tables import Department, Position
from hrdesk.core.payroll.tables import PayItemType, PolicyVersion
from hrdesk.core.people.tables import CustomFieldDefinition, Employee
from hrdesk.core.separation.statement import LEAVE_RULE_KEY
from tests.core.permission_matrix import calls as c
from tests.core.permission_matrix.fixtures import w, world
from tests.core.permission_matrix.world import World

__all__ = ["w", "world"]

D = Decimal
ANY = object()


@dataclass(frozen=True)
class Expect:
    name: str
    call: Callable
    user: str
    action: str
    entity_type: str
    entity_id: Callable[[World], object]  # evaluated after the call (a new record's id)
    before: dict | Callable | None = field(default_factory=dict)
    after: dict | Callable | None = field(default_factory=dict)
    prepare: Callable[[World], None] | None = None  # e.g. move the clock on a day


def fixed(value) -> Callable[[World], object]:
    return lambda _w: value


def emp(name: str) -> Callable[[World], object]:
    return lambda w: w.emp[name]


def flow(key: str) -> Callable[[World], object]:
    return lambda w: w.flow[key]


def newest(model, *where) -> Callable[[World], object]:
    def find(w: World):
        with w.system.read() as session:
            return session.execute(select(func.max(model.id)).where(*where)).scalar_one()

    return find


def next_day(w: World) -> None:
    w.clock.advance(timedelta(days=1))


E = Expect
EXPECTED = [
    # accounts
    E(
        "accounts.create_account",
        c.create_account,
        "admin",
        "user.create",
        "user",
        newest(User, User.username == "newuser"),
        None,
        {"username": "newuser", "display_name": "新用户", "roles": ["employee"], "active": True},
    ),
    E(
        "accounts.update_account",
        c.update_account,
        "admin",
        "user.update",
        "user",
        lambda w: w.user_id["locked"],
        {"display_name": "锁定用户"},
        {"display_name": "改名用户"},
    ),
    E(
        "accounts.reset_password",
        c.reset_password,
        "admin",
        "user.reset_password",
        "user",
        lambda w: w.user_id["locked"],
        {"must_change_password": False, "locked_until": ANY},
        {"must_change_password": True, "locked_until": None},
    ),
    E(
        "accounts.unlock",
        c.unlock,
        "admin",
        "user.unlock",
        "user",
        lambda w: w.user_id["locked"],
        {"locked_until": "2026-04-03T00:00:00"},
        {"locked_until": None, "failed_logins": 0},
    ),
    E(
        "accounts.change_own_password",
        c.change_own_password,
        "staff",
        "user.change_password",
        "user",
        lambda w: w.user_id["staff"],
        {"must_change_password": False},
        {"must_change_password": False},
    ),
    # organisation, custom fields, company
    E(
        "org.create_department",
        c.create_department,
        "admin",
        "department.create",
        "department",
        newest(Department, Department.name == "新部门"),
        None,
        {"name": "新部门", "kind": "business", "parent_id": ANY},
    ),
    E(
        "org.update_department",
        c.update_department,
        "admin",
        "department.update",
        "department",
        lambda w: w.dept["空部门"],
        {"name": "空部门"},
        {"name": "空部门（改）"},
    ),
    E(
        "org.delete_department",
        c.delete_department,
        "admin",
        "department.delete",
        "department",
        lambda w: w.dept["空部门"],
        {"name": "空部门"},
        None,
    ),
    E(
        "org.create_position",
        c.create_position,
        "admin",
        "position.create",
        "position",
        newest(Position, Position.name == "新岗位"),
        None,
        {"name": "新岗位", "active": True},
    ),
    E(
        "org.update_position",
        c.update_position,
        "admin",
        "position.update",
        "position",
        lambda w: w.pos["空岗位"],
        {"name": "空岗位"},
        {"name": "空岗位（改）"},
    ),
    E(
        "org.delete_position",
        c.delete_position,
        "admin",
        "position.delete",
        "position",
        lambda w: w.pos["空岗位"],
        {"name": "空岗位"},
        None,
    ),
    E(
        "people.create_field",
        c.create_field,
        "admin",
        "custom_field.create",
        "custom_field",
        newest(CustomFieldDefinition, CustomFieldDefinition.key == "school"),
        None,
        {"key": "school", "label": "毕业院校", "field_type": "text"},
    ),
    E(
        "people.update_field",
        c.update_field,
        "admin",
        "custom_field.update",
        "custom_field",
        lambda w: w.field_id,
        {"label": "职称"},
        {"label": "职称（改）"},
    ),
    E(
        "people.delete_field",
        c.delete_field,
        "admin",
        "custom_field.delete",
        "custom_field",
        lambda w: w.field_id,
        {"key": "title", "label": "职称"},
        None,
    ),
    E(
        "company.update_company",
        c.update_company,
        "admin",
        "company.update",
        "company",
        fixed(1),
        {"address": None, "phone": None},
        {"address": "上海市浦东新区世纪大道1号", "phone": "021-12345678"},
    ),
    E(
        "documents.save_options",
        c.save_document_options,
        "admin",
        "settings.documents",
        "settings",
        fixed("documents.options"),
        {"show_reason": False},
        {"show_reason": True},
    ),
    # the register
    E(
        "people.create",
        c.create_employee,
        "hr",
        "employee.create",
        "employee",
        newest(Employee, Employee.emp_no == "E000100"),
        None,
        {"emp_no": "E000100", "name": "新员工", "base_salary": D(12000)},
    ),
    E(
        "people.bulk_create",
        c.bulk_create_employees,
        "hr",
        "employee.bulk_create",
        "employee",
        fixed(None),
        None,
        {"count": 2},
    ),
    E(
        "people.bulk_create[each]",
        c.bulk_create_employees,
        "hr",
        "employee.create",
        "employee",
        newest(Employee, Employee.emp_no == "E000102"),
        None,
        {"emp_no": "E000102", "name": "导入2"},
    ),
    E(
        "people.update",
        c.update_employee("孙员工"),
        "hr",
        "employee.update",
        "employee",
        emp("孙员工"),
        {"phone": "13800000008", "email": "e000008@example.cn"},
        {"phone": "13900000099", "email": "new.mail@example.cn"},
    ),
    E(
        "people.correct",
        c.correct_employee("孙员工"),
        "hr",
        "employee.correct",
        "employee",
        emp("孙员工"),
        {"base_salary": "12000.00"},
        {"base_salary": "12345.67"},
    ),
    # payroll settings
    E(
        "payroll.save_policy_version",
        c.save_policy_version,
        "finance",
        "policy.save",
        "policy",
        newest(PolicyVersion),
        None,
        {"effective_from": "2026-05-01", "source": "测试：重新发布同一标准", "data": ANY},
    ),
    E(
        "payroll.save_item_type",
        c.save_item_type,
        "hr",
        "pay_item_type.save",
        "pay_item_type",
        newest(PayItemType, PayItemType.code == "test_bonus"),
        None,
        {"name": "测试奖金", "category": "earning"},
    ),
    E(
        "separation.save_leave_rule",
        c.save_leave_rule,
        "finance",
        "settings.leave_rule",
        "settings",
        fixed(LEAVE_RULE_KEY),
        None,
        {"extra_days": "5", "prorate": True, "pay_rate": "2"},
    ),
    # payroll inputs
    E(
        "payroll.set_allowance",
        c.set_allowance,
        "hr",
        "allowance.set",
        "employee",
        emp("王经理"),
        None,
        {"item": "phone_allowance", "amount": D(200), "from_month": "2026-05-01", "to_month": None},
    ),
    E(
        "payroll.end_allowance",
        c.end_allowance,
        "finance",
        "allowance.end",
        "employee",
        emp("王经理"),
        {"to_month": None},
        {"to_month": "2026-06-01"},
    ),
    E(
        "payroll.add_entry",
        c.add_entry,
        "hr",
        "payroll_entry.add",
        "employee",
        emp("王经理"),
        None,
        {"month": "2026-04-01", "item": "performance_bonus", "amount": D(800), "note": "四月"},
    ),
    E(
        "payroll.delete_entry",
        c.delete_entry,
        "finance",
        "payroll_entry.delete",
        "employee",
        emp("王经理"),
        {"month": "2026-04-01", "item": "performance_bonus", "amount": D(1000)},
        None,
    ),
    E(
        "payroll.set_deduction",
        c.set_special_deduction,
        "hr",
        "special_deduction.set",
        "employee",
        emp("王经理"),
        None,
        {"child_education": D(2000), "elderly_support": D(1000)},
    ),
    E(
        "payroll.remove_deduction",
        c.remove_special_deduction,
        "hr",
        "special_deduction.remove",
        "employee",
        emp("王经理"),
        {"child_education": D(2000)},
        None,
    ),
    E(
        "payroll.save_tax_profile",
        c.save_tax_profile,
        "finance",
        "tax_profile.save",
        "employee",
        emp("王经理"),
        {"bonus_separately": False},
        {"bonus_separately": True},
    ),
    E(
        "payroll.remove_tax_profile",
        c.remove_tax_profile,
        "hr",
        "tax_profile.remove",
        "employee",
        emp("王经理"),
        {"bonus_separately": False},
        None,
    ),
    E(
        "payroll.set_wage_history",
        c.set_wage_history,
        "hr",
        "wage_history.set",
        "employee",
        emp("王经理"),
        None,
        {"month": "2025-10-01", "gross": D(30000), "overtime": D(0)},
    ),
    E(
        "payroll.remove_wage_history",
        c.remove_wage_history,
        "finance",
        "wage_history.remove",
        "employee",
        emp("王经理"),
        {"month": "2025-11-01", "gross": D(30000)},
        None,
    ),
    E(
        "payroll.import_wage_history",
        c.import_wage_history,
        "hr",
        "wage_history.import",
        "wage_history",
        fixed("import"),
        None,
        {"count": 1, "new": 1, "file": "history.xlsx"},
    ),
    E(
        "payroll.import_wage_history[row]",
        c.import_wage_history,
        "hr",
        "wage_history.set",
        "employee",
        emp("钱财务"),
        None,
        {"month": "2025-10-01", "gross": D(15000)},
    ),
    E(
        "payroll.import_entries",
        c.import_entries,
        "finance",
        "payroll_entry.import",
        "payroll_input",
        fixed("2026-04"),
        None,
        {"count": 1, "total": D(600), "file": "entries.xlsx"},
    ),
    E(
        "payroll.import_entries[row]",
        c.import_entries,
        "finance",
        "payroll_entry.add",
        "employee",
        emp("钱财务"),
        None,
        {"item": "performance_bonus", "amount": D(600)},
    ),
    E(
        "payroll.import_deductions",
        c.import_special_deductions,
        "hr",
        "special_deduction.import",
        "payroll_input",
        fixed("2026-05"),
        None,
        {"count": 1, "file": "deductions.xlsx"},
    ),
    E(
        "payroll.import_deductions[row]",
        c.import_special_deductions,
        "hr",
        "special_deduction.set",
        "employee",
        emp("钱财务"),
        None,
        {"child_education": D(2000)},
    ),
    E(
        "payroll.import_opening",
        c.import_opening_figures,
        "hr",
        "tax_profile.import",
        "payroll_input",
        fixed("2026"),
        None,
        {"count": 1, "year": 2026},
    ),
    E(
        "payroll.import_opening[row]",
        c.import_opening_figures,
        "hr",
        "tax_profile.save",
        "employee",
        emp("钱财务"),
        None,
        {"opening_months": 2, "opening_income": D(30000), "opening_tax": D(300)},
    ),
    # payroll runs
    E(
        "payroll.calculate",
        c.calculate_month,
        "hr",
        "payroll.calculate",
        "payroll_run",
        fixed("2026-04"),
        None,
        {"status": "calculated", "employee_count": ANY, "total_net": ANY},
    ),
    E(
        "payroll.approve",
        c.approve_run,
        "finance",
        "payroll.approved",
        "payroll_run",
        fixed("2026-03"),
        {"status": "calculated"},
        {"status": "approved"},
    ),
    E(
        "payroll.mark_paid",
        c.mark_paid,
        "finance",
        "payroll.paid",
        "payroll_run",
        fixed("2026-02"),
        {"status": "approved"},
        {"status": "paid"},
    ),
    E(
        "payroll.export",
        c.export_sheet,
        "hr",
        "payroll.export",
        "payroll_run",
        fixed("2026-01"),
        None,
        {"kind": "sheet", "file": "工资表.xlsx"},
    ),
    # mail and notices
    E(
        "flows.save_mail_settings",
        c.save_mail_settings,
        "admin",
        "settings.smtp",
        "settings",
        fixed("smtp"),
        None,
        {"host": "smtp.example.cn", "port": 587, "security": "starttls"},
    ),
    E(
        "flows.save_notice_policy",
        c.save_notice_policy,
        "admin",
        "notification_policy.save",
        "notification_policy",
        fixed("separation.started"),
        None,
        {},
    ),
    E(
        "flows.send_draft",
        c.send_draft,
        "hr",
        "notice.send",
        "flow",
        flow("li"),
        None,
        {"event": "separation.started", "recipients": ANY},
    ),
    E(
        "flows.cancel_draft",
        c.cancel_draft,
        "hr",
        "notice.cancel",
        "flow",
        flow("zhou"),
        None,
        {"reason": "不需要通知"},
    ),
    # 离职结算
    E(
        "separation.save_params",
        c.save_settlement_params,
        "hr",
        "settlement.params",
        "employee",
        emp("李四"),
        {"working_years": None},
        {"working_years": "8"},
    ),
    E(
        "separation.confirm_deduction",
        c.confirm_deduction,
        "finance",
        "settlement.deduction",
        "employee",
        emp("周七"),
        None,
        {"item_id": ANY, "amount": D(3000)},
    ),
    # flows
    E(
        "flows.start_separation",
        c.start_separation("试用甲"),
        "hr",
        "employee.status",
        "employee",
        emp("试用甲"),
        {"status": "probation", "last_working_day": None},
        {"status": "leaving", "last_working_day": "2026-05-29"},
    ),
    E(
        "flows.start_separation[flow]",
        c.start_separation("试用甲"),
        "hr",
        "flow.submit",
        "flow",
        newest(FlowInstance),
        {"step": -1},
        {"comment": "协商一致"},
    ),
    E(
        "flows.start_confirmation",
        c.start_confirmation("试用丁"),
        "hr",
        "flow.submit",
        "flow",
        newest(FlowInstance),
        {"step": -1},
        {"comment": "试用期考核合格"},
    ),
    E(
        "flows.start_transfer",
        c.start_transfer("试用丁"),
        "hr",
        "flow.submit",
        "flow",
        newest(FlowInstance),
        {"step": -1},
        {"comment": "岗位调整"},
    ),
    E(
        "flows.start_onboarding",
        c.start_onboarding,
        "hr",
        "flow.submit",
        "flow",
        newest(FlowInstance),
        {"step": -1},
        {},
    ),
    E(
        "flows.act[approve]",
        c.act("confirmation", Action.APPROVE, "同意"),
        "manager",
        "flow.approve",
        "flow",
        flow("confirmation"),
        {"status": "running", "step": 0},
        {"comment": "同意"},
    ),
    E(
        "flows.act[withdraw]",
        c.act("sun", Action.WITHDRAW, "不走了"),
        "staff",
        "employee.status",
        "employee",
        emp("孙员工"),
        {"status": "leaving", "last_working_day": "2026-05-29"},
        {"status": "regular", "last_working_day": None},
    ),
    E(
        "flows.save_definition",
        c.save_flow_definition,
        "admin",
        "flow_definition.save",
        "flow_definition",
        newest(FlowDefinitionRecord),
        None,
        {"kind": "confirmation", "version": 2, "steps": ANY},
    ),
    E(
        "flows.save_checklist_template",
        c.save_checklist_template,
        "admin",
        "checklist_template.save",
        "checklist_template",
        newest(ChecklistTemplate),
        None,
        lambda items: [i["title"] for i in items] == ["工作资料、文件和客户资料移交"],
    ),
    E(
        "flows.waive_item",
        c.waive_item,
        "hr",
        "checklist.waive",
        "flow",
        flow("li"),
        None,
        {"item_id": ANY, "reason": "电脑已在线下交还"},
    ),
    E(
        "flows.add_item",
        c.add_checklist_item,
        "hr",
        "checklist.add",
        "flow",
        flow("li"),
        None,
        {"title": "显示器归还", "asset_no": "A-1001", "item_id": ANY},
    ),
    E(
        "flows.confirm_item",
        c.confirm_item("li.laptop"),
        "admin",
        "checklist.confirm",
        "flow",
        flow("li"),
        None,
        {"item_id": ANY, "note": "已交接"},
    ),
    E(
        "flows.set_item_amount",
        c.set_item_amount,
        "finance",
        "checklist.amount",
        "flow",
        flow("li"),
        {"amount": None},
        {"amount": D(2500), "note": "电脑未归还"},
    ),
    # documents
    E(
        "documents.separation_certificate",
        c.separation_certificate,
        "hr",
        "document.issue",
        "employee",
        emp("赵六"),
        None,
        {"kind": "separation", "number": "LZ-2026-0002", "sha256": ANY},
        prepare=next_day,
    ),
    E(
        "documents.employment_certificate",
        c.employment_certificate,
        "hr",
        "document.issue",
        "employee",
        emp("李四"),
        None,
        {"kind": "employment", "number": ANY, "sha256": ANY},
    ),
    E(
        "documents.settlement_statement",
        c.settlement_statement_pdf,
        "hr",
        "document.issue",
        "employee",
        emp("赵六"),
        None,
        {"kind": "statement", "number": ANY, "sha256": ANY},
    ),
    E(
        "documents.reissue",
        c.reissue_document,
        "hr",
        "document.reissue",
        "employee",
        emp("赵六"),
        None,
        {"number": "LZ-2026-0001", "sha256": ANY},
    ),
    # backups
    E(
        "company.create_backup",
        c.create_backup,
        "admin",
        "backup.create",
        "company",
        fixed(1),
        None,
        {"kind": "manual", "file": ANY, "sha256": ANY, "chain_length": ANY},
    ),
    E(
        "company.set_second_folder",
        c.set_second_folder,
        "admin",
        "backup.second_folder",
        "settings",
        fixed("backup.second_folder"),
        {"folder": None},
        {"folder": ANY},
    ),
]


def _stored(value):
    """A value as the trail stores it (canonical JSON: dates as ISO text, Decimal as text)."""
    from hrdesk.core.kernel.audit_chain import canonical_json

    return json.loads(canonical_json({"v": value}) or "{}")["v"]


def _holds(side, expected, what: str) -> list[str]:
    if callable(expected):  # values that are no dict (a template's list of items)
        return [] if side is not None and expected(side) else [f"{what} is {side!r}"]
    if expected is None:
        return [] if side is None else [f"{what} should be empty: {side}"]
    if side is None:
        return [f"{what} is empty, expected {expected}"]
    problems = []
    for key, value in expected.items():
        if key not in side:
            problems.append(f"{what} lacks {key!r}")
        elif value is ANY:
            continue
        elif isinstance(value, Decimal):
            if side[key] is None or Decimal(str(side[key])) != value:
                problems.append(f"{what}[{key!r}] = {side[key]!r}, expected {value}")
        elif side[key] != _stored(value):
            problems.append(f"{what}[{key!r}] = {side[key]!r}, expected {value!r}")
    return problems


def _new_records(w: World, after_seq: int) -> list[AuditRecord]:
    assert w.db is not None
    with w.db.session() as session:
        return list(
            session.execute(
                select(AuditRecord).where(AuditRecord.seq > after_seq).order_by(AuditRecord.seq.desc())
            ).scalars()
        )


def _last_seq(w: World) -> int:
    assert w.db is not None
    with w.db.session() as session:
        return session.execute(select(func.coalesce(func.max(AuditRecord.seq), 0))).scalar_one()


@pytest.mark.parametrize("expect", EXPECTED, ids=[e.name for e in EXPECTED])
def test_write_records_its_audit_entry(w, expect):
    if expect.prepare is not None:
        expect.prepare(w)
    start = _last_seq(w)
    expect.call(w.ctx(expect.user), w)
    entity_id = expect.entity_id(w)
    records = _new_records(w, start)
    matching = [
        r
        for r in records
        if r.action == expect.action
        and r.entity_type == expect.entity_type
        and r.entity_id == (None if entity_id is None else str(entity_id))
    ]
    seen = [(r.action, r.entity_type, r.entity_id) for r in records]
    assert len(matching) == 1, f"one {expect.action} record on {expect.entity_type} {entity_id}; got {seen}"
    record = matching[0]
    assert record.actor_user_id == w.actors[expect.user].user_id
    before = json.loads(record.before) if record.before else None
    after = json.loads(record.after) if record.after else None
    assert _holds(before, expect.before, "before") + _holds(after, expect.after, "after") == []


def test_every_write_of_the_matrix_is_checked_here():
    """The matrix's allowed calls that write are each checked above (reads and the checks that only
    refuse are listed as such)."""
    from tests.core.permission_matrix.table import CALLS, READS

    checked = {e.call.__name__ for e in EXPECTED}
    # the same service as a checked line, on another target or for another caller
    same_service = {
        "people.update[李四]",
        "people.correct[刘人事]",  # refused for everyone: nobody corrects their own record
        "flows.resign[self]",
        "flows.mutual_separation[self]",
        "flows.start_confirmation[试用乙]",
        "flows.start_confirmation[试用丙]",
        "flows.start_transfer[试用乙]",
        "flows.start_transfer[试用丙]",
        "flows.start_transfer[self]",
        "flows.act[li:approve]",
        "flows.act[sun:approve]",
        "flows.confirm_item[handover:manager]",
    }
    unchecked = [name for name, (_service, call) in CALLS.items() if call.__name__ not in checked]
    assert sorted(set(unchecked) - READS - same_service) == []


def test_a_flow_action_records_where_the_flow_went(w):
    start = _last_seq(w)
    c.act("confirmation", Action.APPROVE, "同意")(w.ctx("manager"), w)
    (record,) = [r for r in _new_records(w, start) if r.action == "flow.approve"]
    after = json.loads(record.after or "{}")
    assert {"status", "step"} <= set(after) and after["step"] != 0

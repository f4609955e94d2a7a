"""One small call per service: ``(ctx, w) -> None`` calls one service function as ``ctx`` with
valid input on the matrix's company ``w`` (see world.py).

Kept free of pytest and of any assertion, so the same calls can run through the HTTP API once it
exists (issue 13): there the transport replaces ``ctx``. Where a call needs the current state of a
record (an employee's version, a stored definition) it reads it as the system first; reading
changes nothing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from hrdesk.core.accounts import users as accounts
from hrdesk.core.audit import audit_log, checkpoints, trail
from hrdesk.core.audit import deep_check as audit_deep_check
from hrdesk.core.company import backups, details
from hrdesk.core.company.details import CompanyInfo
from hrdesk.core.documents import appearance, issuing
from hrdesk.core.flows import checklists, engine, lifecycle, mail, notices, separations
from hrdesk.core.flows import definitions as flow_definitions
from hrdesk.core.flows.checklist_rules import ItemCategory, ItemOwner
from hrdesk.core.flows.notice_policy import Event
from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.flows.workflow import Action, FlowKind
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.permissions import Role
from hrdesk.core.org import departments, positions
from hrdesk.core.org.tree import DepartmentKind
from hrdesk.core.payroll import declarations, exports, imports, inputs, policies, runs, wage_history
from hrdesk.core.payroll.declarations import TaxProfile
from hrdesk.core.payroll.rules import policy
from hrdesk.core.payroll.rules.items import PayCategory
from hrdesk.core.people import custom_fields, employee_table, employees
from hrdesk.core.people.custom_field_types import FieldType
from hrdesk.core.people.employee_rules import EmployeeInput
from hrdesk.core.separation import settlement
from hrdesk.core.separation.annual_leave import CompanyLeaveRule
from tests import helpers
from tests.core.permission_matrix.world import APR, FEB, JAN, MAR, World
from tests.helpers import ADMIN_PASSWORD, USER_PASSWORD, employee_input

MAY = date(2026, 5, 1)
NEW_PASSWORD = "Changed-pass-2026!"


def stored_input(w: World, employee_id: int, **changes) -> tuple[EmployeeInput, int]:
    """The employee's record as an edit dialog submits it unchanged, with ``changes``; and its version."""
    return helpers.stored_input(w.system, employee_id, **changes)


# ---- accounts ---------------------------------------------------------------------------------


def list_accounts(ctx: ServiceContext, w: World) -> None:
    accounts.list_accounts(ctx)


def create_account(ctx: ServiceContext, w: World) -> None:
    accounts.create_account(ctx, "newuser", "新用户", USER_PASSWORD, {Role.EMPLOYEE})


def update_account(ctx: ServiceContext, w: World) -> None:
    accounts.update_account(
        ctx, w.user_id["locked"], display_name="改名用户", roles={Role.EMPLOYEE}, employee_id=None, active=True
    )


def reset_password(ctx: ServiceContext, w: World) -> None:
    accounts.reset_password(ctx, w.user_id["locked"], "Temporary-pass-2026")


def unlock(ctx: ServiceContext, w: World) -> None:
    accounts.unlock(ctx, w.user_id["locked"])


def change_own_password(ctx: ServiceContext, w: World) -> None:
    old = ADMIN_PASSWORD if ctx.actor.username == "admin" else USER_PASSWORD
    accounts.change_own_password(ctx, old, NEW_PASSWORD)


# ---- organisation, custom fields, company ---------------------------------------------------------


def list_departments(ctx: ServiceContext, w: World) -> None:
    departments.list_departments(ctx)


def create_department(ctx: ServiceContext, w: World) -> None:
    departments.create_department(ctx, "新部门", DepartmentKind.BUSINESS, w.dept["总公司"])


def update_department(ctx: ServiceContext, w: World) -> None:
    departments.update_department(
        ctx, w.dept["空部门"], name="空部门（改）", kind=DepartmentKind.BUSINESS, parent_id=w.dept["总公司"]
    )


def delete_department(ctx: ServiceContext, w: World) -> None:
    departments.delete_department(ctx, w.dept["空部门"])


def create_position(ctx: ServiceContext, w: World) -> None:
    positions.create_position(ctx, "新岗位")


def update_position(ctx: ServiceContext, w: World) -> None:
    positions.update_position(ctx, w.pos["空岗位"], name="空岗位（改）")


def delete_position(ctx: ServiceContext, w: World) -> None:
    positions.delete_position(ctx, w.pos["空岗位"])


def create_field(ctx: ServiceContext, w: World) -> None:
    custom_fields.create_definition(ctx, "school", "毕业院校", FieldType.TEXT)


def update_field(ctx: ServiceContext, w: World) -> None:
    custom_fields.update_definition(ctx, w.field_id, label="职称（改）")


def delete_field(ctx: ServiceContext, w: World) -> None:
    custom_fields.delete_definition(ctx, w.field_id)


def update_company(ctx: ServiceContext, w: World) -> None:
    details.update_company(ctx, CompanyInfo("测试科技有限公司", None, "上海市浦东新区世纪大道1号", "021-12345678"))


def save_document_options(ctx: ServiceContext, w: World) -> None:
    appearance.save_options(ctx, require_seal=False, show_reason=True)


# ---- the register -------------------------------------------------------------------------------


def create_employee(ctx: ServiceContext, w: World) -> None:
    employees.create(ctx, employee_input("E000100", "新员工", w.dept["销售部"], 100))


def bulk_create_employees(ctx: ServiceContext, w: World) -> None:
    items = [employee_input(f"E0001{n:02d}", f"导入{n}", w.dept["销售部"], 100 + n) for n in (1, 2)]
    employees.bulk_create(ctx, items, summary="导入员工2人")


def update_employee(name: str):
    def call(ctx: ServiceContext, w: World) -> None:
        data, version = stored_input(w, w.emp[name], phone="13900000099", email="new.mail@example.cn")
        employees.update(ctx, w.emp[name], data, version)

    call.__name__ = f"update_employee({name})"
    return call


def correct_employee(name: str):
    """更正 of a flow-controlled field (the base salary), with its reason."""

    def call(ctx: ServiceContext, w: World) -> None:
        data, version = stored_input(w, w.emp[name], base_salary="12345.67")
        employees.correct(ctx, w.emp[name], data, version, "入职时基本工资录错，依据劳动合同更正")

    call.__name__ = f"correct_employee({name})"
    return call


def get_employee(name: str):
    def call(ctx: ServiceContext, w: World) -> None:
        employees.get(ctx, w.emp[name])

    call.__name__ = f"get_employee({name})"
    return call


def employee_table_load(ctx: ServiceContext, w: World) -> None:
    employee_table.load(ctx)


# ---- payroll settings ---------------------------------------------------------------------------


def save_policy_version(ctx: ServiceContext, w: World) -> None:
    policies.save_version(ctx, policy.IIT_DEDUCTIONS, "", MAY, w.policy_data, "测试：重新发布同一标准")


def save_item_type(ctx: ServiceContext, w: World) -> None:
    inputs.save_item_type(ctx, "test_bonus", "测试奖金", PayCategory.EARNING)


def save_leave_rule(ctx: ServiceContext, w: World) -> None:
    settlement.save_company_leave_rule(ctx, CompanyLeaveRule(Decimal(5), True, Decimal(2)))


# ---- payroll inputs (all about 王经理, the manager's own record, unless named) ----------------------


def set_allowance(ctx: ServiceContext, w: World) -> None:
    inputs.set_allowance(ctx, w.emp["王经理"], "phone_allowance", "200", MAY)


def end_allowance(ctx: ServiceContext, w: World) -> None:
    inputs.end_allowance(ctx, w.allowance_id, date(2026, 6, 1))


def add_entry(ctx: ServiceContext, w: World) -> None:
    inputs.add_entry(ctx, APR, w.emp["王经理"], "performance_bonus", "800", "四月")


def delete_entry(ctx: ServiceContext, w: World) -> None:
    inputs.delete_entry(ctx, w.entry_id)


def set_special_deduction(ctx: ServiceContext, w: World) -> None:
    declarations.set_special_deduction(
        ctx, w.emp["王经理"], MAY, {"child_education": "2000", "elderly_support": "1000"}
    )


def remove_special_deduction(ctx: ServiceContext, w: World) -> None:
    declarations.remove_special_deduction(ctx, w.emp["王经理"], APR)


def save_tax_profile(ctx: ServiceContext, w: World) -> None:
    declarations.save_tax_profile(ctx, TaxProfile(w.emp["王经理"], 2026, bonus_separately=True))


def remove_tax_profile(ctx: ServiceContext, w: World) -> None:
    declarations.remove_tax_profile(ctx, w.emp["王经理"], 2026)


def set_wage_history(ctx: ServiceContext, w: World) -> None:
    wage_history.set_month(ctx, w.emp["王经理"], date(2025, 10, 1), "30000", "0", "历史")


def remove_wage_history(ctx: ServiceContext, w: World) -> None:
    wage_history.remove_month(ctx, w.emp["王经理"], date(2025, 11, 1))


def import_wage_history(ctx: ServiceContext, w: World) -> None:
    wage_history.import_history(ctx, w.inputs / "history.xlsx")


def import_entries(ctx: ServiceContext, w: World) -> None:
    imports.import_entries(ctx, APR, w.inputs / "entries.xlsx")


def import_special_deductions(ctx: ServiceContext, w: World) -> None:
    imports.import_special_deductions(ctx, MAY, w.inputs / "deductions.xlsx")


def import_opening_figures(ctx: ServiceContext, w: World) -> None:
    imports.import_opening_figures(ctx, 2026, w.inputs / "opening.xlsx")


# ---- payroll runs and results -----------------------------------------------------------------------


def calculate_month(ctx: ServiceContext, w: World) -> None:
    runs.calculate_month(ctx, APR)


def approve_run(ctx: ServiceContext, w: World) -> None:
    runs.approve(ctx, MAR)


def mark_paid(ctx: ServiceContext, w: World) -> None:
    runs.mark_paid(ctx, FEB)


def export_sheet(ctx: ServiceContext, w: World) -> None:
    assert w.out is not None
    exports.export(ctx, JAN, "sheet", w.out / "工资表.xlsx")


def payroll_rows(ctx: ServiceContext, w: World) -> None:
    runs.rows(ctx, JAN)


def payroll_summary(ctx: ServiceContext, w: World) -> None:
    runs.summary(ctx, MAR)


def payslip(name: str):
    def call(ctx: ServiceContext, w: World) -> None:
        runs.payslip(ctx, JAN, w.emp[name])

    call.__name__ = f"payslip({name})"
    return call


def my_payslips(ctx: ServiceContext, w: World) -> None:
    runs.my_payslips(ctx)


def payroll_entries(ctx: ServiceContext, w: World) -> None:
    inputs.entries(ctx, APR)


def wage_history_list(ctx: ServiceContext, w: World) -> None:
    wage_history.history(ctx, w.emp["王经理"])


def settlement_statement_read(ctx: ServiceContext, w: World) -> None:
    settlement.statement(ctx, w.emp["李四"])


# ---- mail and notices ---------------------------------------------------------------------------


SMTP = mail.SmtpSettings("smtp.example.cn", 587, "starttls", "hr@example.cn", "hr@example.cn", "测试科技人事部")


def save_mail_settings(ctx: ServiceContext, w: World) -> None:
    mail.save_settings(ctx, SMTP, "smtp-password")


def get_mail_settings(ctx: ServiceContext, w: World) -> None:
    mail.get_settings(ctx)


def save_notice_policy(ctx: ServiceContext, w: World) -> None:
    notices.save_policy(ctx, notices.get_policy(w.system, Event.SEPARATION_STARTED))


def send_draft(ctx: ServiceContext, w: World) -> None:
    notices.send_draft(ctx, w.draft["li"])


def cancel_draft(ctx: ServiceContext, w: World) -> None:
    notices.cancel_draft(ctx, w.draft["zhou"], "不需要通知")


def get_draft(ctx: ServiceContext, w: World) -> None:
    notices.get_draft(ctx, w.draft["li"])


# ---- separation and settlement ----------------------------------------------------------------------


def save_settlement_params(ctx: ServiceContext, w: World) -> None:
    current = settlement.statement(w.system, w.emp["李四"]).params
    settlement.save_params(ctx, w.emp["李四"], replace(current, working_years=Decimal(8)))


def confirm_deduction(ctx: ServiceContext, w: World) -> None:
    settlement.confirm_deduction(ctx, w.emp["周七"], w.item["zhou.laptop"])


def start_separation(name: str):
    def call(ctx: ServiceContext, w: World) -> None:
        separations.start(ctx, w.emp[name], SeparationReason.MUTUAL, date(2026, 5, 29), "协商一致")

    call.__name__ = f"start_separation({name})"
    return call


def resign_self(ctx: ServiceContext, w: World) -> None:
    assert ctx.actor.employee_id is not None
    separations.start(ctx, ctx.actor.employee_id, SeparationReason.RESIGNATION, date(2026, 5, 29), "个人原因")


def mutual_separation_self(ctx: ServiceContext, w: World) -> None:
    assert ctx.actor.employee_id is not None
    separations.start(ctx, ctx.actor.employee_id, SeparationReason.MUTUAL, date(2026, 5, 29), "协商一致")


# ---- lifecycle flows ----------------------------------------------------------------------------


def start_confirmation(name: str):
    def call(ctx: ServiceContext, w: World) -> None:
        lifecycle.start_confirmation(ctx, w.emp[name], date(2026, 7, 5), "试用期考核合格")

    call.__name__ = f"start_confirmation({name})"
    return call


def start_transfer(name: str):
    def call(ctx: ServiceContext, w: World) -> None:
        lifecycle.start_transfer(ctx, w.emp[name], MAY, {"position_id": w.pos["销售代表"]}, "岗位调整")

    call.__name__ = f"start_transfer({name})"
    return call


def transfer_self(ctx: ServiceContext, w: World) -> None:
    assert ctx.actor.employee_id is not None
    lifecycle.start_transfer(ctx, ctx.actor.employee_id, MAY, {"position_id": w.pos["工程师"]}, "想换岗位")


def start_onboarding(ctx: ServiceContext, w: World) -> None:
    lifecycle.start_onboarding(ctx, employee_input("E000200", "待入职", w.dept["销售部"], 200))


def act(flow: str, action: Action, comment: str | None = None):
    def call(ctx: ServiceContext, w: World) -> None:
        engine.act(ctx, w.flow[flow], action, comment)

    call.__name__ = f"act({flow},{action.value})"
    return call


def get_flow(flow: str):
    def call(ctx: ServiceContext, w: World) -> None:
        engine.get(ctx, w.flow[flow])

    call.__name__ = f"get_flow({flow})"
    return call


def save_flow_definition(ctx: ServiceContext, w: World) -> None:
    current = flow_definitions.current(w.system, FlowKind.CONFIRMATION)
    flow_definitions.save(ctx, current.definition, current.definition.version)


def save_checklist_template(ctx: ServiceContext, w: World) -> None:
    checklists.save_template(ctx, w.dept["销售部"], None, checklists.default_templates()[:1])


def waive_item(ctx: ServiceContext, w: World) -> None:
    checklists.waive(ctx, w.item["li.laptop"], "电脑已在线下交还")


def add_checklist_item(ctx: ServiceContext, w: World) -> None:
    checklists.add_item(ctx, w.flow["li"], ItemCategory.EQUIPMENT, "显示器归还", ItemOwner.ADMIN, "A-1001")


def confirm_item(item: str):
    def call(ctx: ServiceContext, w: World) -> None:
        checklists.confirm(ctx, w.item[item], "已交接")

    call.__name__ = f"confirm_item({item})"
    return call


def set_item_amount(ctx: ServiceContext, w: World) -> None:
    checklists.set_amount(ctx, w.item["li.laptop"], "2500", "电脑未归还")


# ---- documents ----------------------------------------------------------------------------------


def separation_certificate(ctx: ServiceContext, w: World) -> None:
    issuing.separation_certificate(ctx, w.emp["赵六"])


def employment_certificate(ctx: ServiceContext, w: World) -> None:
    issuing.employment_certificate(ctx, w.emp["李四"], purpose="办理签证")


def settlement_statement_pdf(ctx: ServiceContext, w: World) -> None:
    issuing.settlement_statement(ctx, w.emp["赵六"])


def reissue_document(ctx: ServiceContext, w: World) -> None:
    issuing.reissue(ctx, w.doc_number)


def issued_documents(ctx: ServiceContext, w: World) -> None:
    issuing.issued(ctx)


# ---- backups ------------------------------------------------------------------------------------


def create_backup(ctx: ServiceContext, w: World) -> None:
    backups.create_backup(ctx)


def set_second_folder(ctx: ServiceContext, w: World) -> None:
    assert w.out is not None
    backups.set_second_folder(ctx, str(w.out / "second"))


def list_backups(ctx: ServiceContext, w: World) -> None:
    backups.list_backups(ctx)


# ---- the audit trail ------------------------------------------------------------------------------


def audit_entries(ctx: ServiceContext, w: World) -> None:
    audit_log.list_entries(ctx)


def verify_chain(ctx: ServiceContext, w: World) -> None:
    audit_log.verify_chain(ctx)


def deep_check(ctx: ServiceContext, w: World) -> None:
    audit_deep_check.deep_check(ctx)


def verify_known_anchors(ctx: ServiceContext, w: World) -> None:
    checkpoints.verify_known_anchors(ctx)


def employee_trail(ctx: ServiceContext, w: World) -> None:
    trail.trail(ctx, w.emp["李四"])


def write_checkpoint(ctx: ServiceContext, w: World) -> None:
    assert w.out is not None
    checkpoints.write_checkpoint(ctx, w.out / "checkpoint.json")

"""THE REVIEWED TABLE: who may call which service on whom.

One line per service function (and target); one column per role, in the order of ``COLUMNS``:
``Y`` allowed, ``N`` refused (PermissionDenied, nothing changed), ``-`` not applicable (said why
in the comment). Each cell is one case of the matrix, named
``<service>-<role>-<scope>-<allowed|refused>``, e.g. ``payroll.approve-finance-all-allowed``.

The scope is how the case's target stands to the caller, worked out from the company in world.py:

- ``self``: the caller's own record (or their own account, their own flow);
- ``team``: one of the caller's direct reports;
- ``project``: someone in a 项目部 the caller heads (not a direct report);
- ``department``: someone in a department the caller heads (not a direct report);
- ``none``: a person none of those, so only a company-wide grant reaches them;
- ``all``: no person: the organisation, the accounts, a payroll month, the settings, the trail.

The roles, one user each: 管理员 admin, 人事 hr (刘人事), 财务 finance (钱财务), 直属上级 manager
(王经理, heads 销售部, manages 李四, 赵六, 试用甲, 试用丁), 项目负责人 project_lead (陈工, heads
地铁项目部, manages 周七), 员工 employee (孙员工) and 审计 auditor. Each user also holds the
employee role where they have a record, as real accounts do.

Changing a cell is a change of who may do what in the company: review it as such.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hrdesk.core.accounts import users as accounts
from hrdesk.core.audit import audit_log, checkpoints, deep_check, trail
from hrdesk.core.company import backups, details
from hrdesk.core.documents import appearance, issuing
from hrdesk.core.flows import checklists, engine, lifecycle, mail, notices, separations
from hrdesk.core.flows import definitions as flow_definitions
from hrdesk.core.flows.workflow import Action
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.org import departments, positions
from hrdesk.core.payroll import declarations, exports, imports, inputs, policies, runs, wage_history
from hrdesk.core.people import custom_fields, employee_table, employees
from hrdesk.core.separation import settlement
from tests.core.permission_matrix import calls as c
from tests.core.permission_matrix.world import World

Call = Callable[[ServiceContext, World], None]

COLUMNS = ("admin", "hr", "finance", "manager", "lead", "staff", "auditor")
ROLE_OF = {
    "admin": "admin",
    "hr": "hr",
    "finance": "finance",
    "manager": "manager",
    "lead": "project_lead",
    "staff": "employee",
    "auditor": "auditor",
}

# ---- who is who (world.py builds exactly this; test_relations_match_the_company checks it) -------

# name: (department, 项目部, direct manager)
PEOPLE = {
    "王经理": ("销售部", None, None),
    "李四": ("销售部", None, "王经理"),
    "赵六": ("华东销售部", None, "王经理"),
    "陈工": ("地铁项目部", "地铁项目部", None),
    "周七": ("销售部", "地铁项目部", "陈工"),
    "刘人事": ("人事部", None, None),
    "钱财务": ("财务部", None, None),
    "孙员工": ("销售部", None, None),
    "试用甲": ("销售部", None, "王经理"),
    "试用乙": ("地铁项目部", None, None),
    "试用丙": ("销售部", None, None),
    "试用丁": ("销售部", None, "王经理"),
}
HEADS = {"销售部": "王经理", "地铁项目部": "陈工"}  # department: its head
PROJECTS = {"地铁项目部"}
SUBTREE = {"销售部": {"销售部", "华东销售部"}, "地铁项目部": {"地铁项目部"}}
EMPLOYEE_OF = {"hr": "刘人事", "finance": "钱财务", "manager": "王经理", "lead": "陈工", "staff": "孙员工"}

SELF, ALL = "<self>", "<all>"  # targets that are the caller, or no person


def relation(user: str, target: str) -> str:
    """How ``target`` (a person, SELF or ALL) stands to ``user``: the scope label of a case."""
    if target == ALL:
        return "all"
    me = EMPLOYEE_OF.get(user)
    if target == SELF:
        return "self"
    if me is None:
        return "none"
    if target == me:
        return "self"
    department, project, manager = PEOPLE[target]
    if manager == me:
        return "team"
    for headed, head in HEADS.items():
        if head == me and {department, project} & SUBTREE[headed]:
            return "project" if headed in PROJECTS else "department"
    return "none"


# ---- the table ------------------------------------------------------------------------------------

# target: a person, "self" (the caller themself) or "all" (no person). See the module docstring.
TABLE = """
service                                target   admin  hr  finance  manager  lead  staff  auditor
# accounts: administrators only; everyone changes their own password
accounts.list_accounts                 all        Y    N     N        N      N     N      N
accounts.create_account                all        Y    N     N        N      N     N      N
accounts.update_account                all        Y    N     N        N      N     N      N
accounts.reset_password                all        Y    N     N        N      N     N      N
accounts.unlock                        all        Y    N     N        N      N     N      N
accounts.change_own_password           self       Y    Y     Y        Y      Y     Y      Y
# organisation, custom fields, company details: administrators; everyone reads the org chart
org.list_departments                   all        Y    Y     Y        Y      Y     Y      Y
org.create_department                  all        Y    N     N        N      N     N      N
org.update_department                  all        Y    N     N        N      N     N      N
org.delete_department                  all        Y    N     N        N      N     N      N
org.create_position                    all        Y    N     N        N      N     N      N
org.update_position                    all        Y    N     N        N      N     N      N
org.delete_position                    all        Y    N     N        N      N     N      N
people.create_field                    all        Y    N     N        N      N     N      N
people.update_field                    all        Y    N     N        N      N     N      N
people.delete_field                    all        Y    N     N        N      N     N      N
company.update_company                 all        Y    N     N        N      N     N      N
documents.save_options                 all        Y    N     N        N      N     N      N
# the register: HR writes (nobody else, not even on their own record); each reads within their scope
people.create                          all        N    Y     N        N      N     N      N
people.bulk_create                     all        N    Y     N        N      N     N      N
people.update[孙员工]                  孙员工     N    Y     N        N      N     N      N
people.update[李四]                    李四       N    Y     N        N      N     N      N
people.correct[孙员工]                 孙员工     N    Y     N        N      N     N      N
people.correct[刘人事]                 刘人事     N    N     N        N      N     N      N
people.get[孙员工]                     孙员工     Y    Y     Y        N      N     Y      Y
people.get[李四]                       李四       Y    Y     Y        Y      N     N      Y
people.get[试用乙]                     试用乙     Y    Y     Y        N      Y     N      Y
people.get[周七]                       周七       Y    Y     Y        N      Y     N      Y
people.table                           all        Y    Y     Y        Y      Y     Y      Y
# payroll settings: HR and finance
payroll.save_policy_version            all        N    Y     Y        N      N     N      N
payroll.save_item_type                 all        N    Y     Y        N      N     N      N
separation.save_leave_rule             all        N    Y     Y        N      N     N      N
# payroll inputs, about 王经理 (the manager's own record): HR and finance, never the person themself
payroll.set_allowance                  王经理     N    Y     Y        N      N     N      N
payroll.end_allowance                  王经理     N    Y     Y        N      N     N      N
payroll.add_entry                      王经理     N    Y     Y        N      N     N      N
payroll.delete_entry                   王经理     N    Y     Y        N      N     N      N
payroll.set_deduction                  王经理     N    Y     Y        N      N     N      N
payroll.remove_deduction               王经理     N    Y     Y        N      N     N      N
payroll.save_tax_profile               王经理     N    Y     Y        N      N     N      N
payroll.remove_tax_profile             王经理     N    Y     Y        N      N     N      N
payroll.set_wage_history               王经理     N    Y     Y        N      N     N      N
payroll.remove_wage_history            王经理     N    Y     Y        N      N     N      N
payroll.import_wage_history            all        N    Y     Y        N      N     N      N
payroll.import_entries                 all        N    Y     Y        N      N     N      N
payroll.import_deductions              all        N    Y     Y        N      N     N      N
payroll.import_opening                 all        N    Y     Y        N      N     N      N
# payroll runs: HR calculates, finance approves and pays (separation of duties); both export
payroll.calculate                      all        N    Y     N        N      N     N      N
payroll.approve                        all        N    N     Y        N      N     N      N
payroll.mark_paid                      all        N    N     Y        N      N     N      N
payroll.export                         all        N    Y     Y        N      N     N      N
# payroll results: HR and finance; an employee only their own payslip of a paid month
payroll.rows                           all        N    Y     Y        N      N     N      N
payroll.summary                        all        N    Y     Y        N      N     N      N
payroll.entries                        all        N    Y     Y        N      N     N      N
payroll.wage_history                   王经理     N    Y     Y        N      N     N      N
payroll.payslip[孙员工]                孙员工     N    Y     Y        N      N     Y      N
payroll.payslip[李四]                  李四       N    Y     Y        N      N     N      N
payroll.my_payslips                    self       Y    Y     Y        Y      Y     Y      Y
separation.statement                   李四       N    Y     Y        N      N     N      N
# mail server and notification policies: administrators; a drafted notice: HR sends or cancels it
flows.save_mail_settings               all        Y    N     N        N      N     N      N
flows.get_mail_settings                all        Y    N     N        N      N     N      N
flows.save_notice_policy               all        Y    N     N        N      N     N      N
flows.send_draft                       李四       N    Y     N        N      N     N      N
flows.cancel_draft                     周七       N    Y     N        N      N     N      N
flows.get_draft                        李四       N    Y     N        N      N     N      N
# 离职结算: HR and finance enter the figures; only finance confirms a deduction
separation.save_params                 李四       N    Y     Y        N      N     N      N
separation.confirm_deduction           周七       N    N     Y        N      N     N      N
# starting flows: an employee may only resign, themself; HR starts any flow for anyone; managers
# and project leads propose 转正 and 调岗 within their scope. "-": no employee record (admin,
# auditor), or 孙员工's own resignation is already running (world.py started it)
flows.start_separation[试用甲]         试用甲     N    Y     N        N      N     N      N
flows.resign[self]                     self       -    Y     Y        Y      Y     -      -
flows.mutual_separation[self]          self       -    N     N        N      N     N      -
flows.start_confirmation[试用丁]       试用丁     N    Y     N        Y      N     N      N
flows.start_confirmation[试用乙]       试用乙     N    Y     N        N      Y     N      N
flows.start_confirmation[试用丙]       试用丙     N    Y     N        N      N     N      N
flows.start_transfer[试用丁]           试用丁     N    Y     N        Y      N     N      N
flows.start_transfer[试用乙]           试用乙     N    Y     N        N      Y     N      N
flows.start_transfer[试用丙]           试用丙     N    Y     N        N      N     N      N
flows.start_transfer[self]             self       -    N     N        N      N     N      -
flows.start_onboarding                 all        N    Y     N        N      N     N      N
# acting on a flow: only whoever the step waits for, never on one's own case; withdrawing: the
# initiator or HR. Reading a flow: flow.view scope, its participants and its checklist owners
flows.act[confirmation:approve]        试用甲     N    N     N        Y      N     N      N
flows.act[li:approve]                  李四       N    N     Y        N      N     N      N
flows.act[sun:approve]                 孙员工     N    Y     N        N      N     N      N
flows.act[sun:withdraw]                孙员工     N    Y     N        N      N     Y      N
flows.get[zhou]                        周七       Y    Y     Y        N      Y     N      Y
flows.get[sun]                         孙员工     Y    Y     Y        N      N     Y      Y
# flow settings: administrators; handover items: their owner or HR, amounts also finance
flows.save_definition                  all        Y    N     N        N      N     N      N
flows.save_checklist_template          all        Y    N     N        N      N     N      N
flows.waive_item                       李四       N    Y     N        N      N     N      N
flows.add_item                         李四       N    Y     N        N      N     N      N
flows.confirm_item[laptop:admin]       李四       Y    Y     N        N      N     N      N
flows.confirm_item[handover:manager]   李四       N    Y     N        Y      N     N      N
flows.set_item_amount                  李四       Y    Y     Y        N      N     N      N
# documents: HR issues them; the register of issued documents: HR and the auditor
documents.separation_certificate       赵六       N    Y     N        N      N     N      N
documents.employment_certificate       李四       N    Y     N        N      N     N      N
documents.settlement_statement         赵六       N    Y     N        N      N     N      N
documents.reissue                      赵六       N    Y     N        N      N     N      N
documents.issued                       all        N    Y     N        N      N     N      Y
# backups: administrators
company.create_backup                  all        Y    N     N        N      N     N      N
company.set_second_folder              all        Y    N     N        N      N     N      N
company.list_backups                   all        Y    N     N        N      N     N      N
# the audit trail: the auditor; one employee's or flow's trail also HR
audit.list_entries                     all        N    N     N        N      N     N      Y
audit.verify_chain                     all        N    N     N        N      N     N      Y
audit.write_checkpoint                 all        N    N     N        N      N     N      Y
audit.verify_known_anchors             all        N    N     N        N      N     N      Y
audit.deep_check                       all        N    N     N        N      N     N      Y
audit.trail[李四]                      李四       N    Y     N        N      N     N      Y
"""

A = Action

# name in the table: (the service function, the call that exercises it)
CALLS: dict[str, tuple[Callable, Call]] = {
    "accounts.list_accounts": (accounts.list_accounts, c.list_accounts),
    "accounts.create_account": (accounts.create_account, c.create_account),
    "accounts.update_account": (accounts.update_account, c.update_account),
    "accounts.reset_password": (accounts.reset_password, c.reset_password),
    "accounts.unlock": (accounts.unlock, c.unlock),
    "accounts.change_own_password": (accounts.change_own_password, c.change_own_password),
    "org.list_departments": (departments.list_departments, c.list_departments),
    "org.create_department": (departments.create_department, c.create_department),
    "org.update_department": (departments.update_department, c.update_department),
    "org.delete_department": (departments.delete_department, c.delete_department),
    "org.create_position": (positions.create_position, c.create_position),
    "org.update_position": (positions.update_position, c.update_position),
    "org.delete_position": (positions.delete_position, c.delete_position),
    "people.create_field": (custom_fields.create_definition, c.create_field),
    "people.update_field": (custom_fields.update_definition, c.update_field),
    "people.delete_field": (custom_fields.delete_definition, c.delete_field),
    "company.update_company": (details.update_company, c.update_company),
    "documents.save_options": (appearance.save_options, c.save_document_options),
    "people.create": (employees.create, c.create_employee),
    "people.bulk_create": (employees.bulk_create, c.bulk_create_employees),
    "people.update[孙员工]": (employees.update, c.update_employee("孙员工")),
    "people.update[李四]": (employees.update, c.update_employee("李四")),
    "people.correct[孙员工]": (employees.correct, c.correct_employee("孙员工")),
    "people.correct[刘人事]": (employees.correct, c.correct_employee("刘人事")),
    "people.get[孙员工]": (employees.get, c.get_employee("孙员工")),
    "people.get[李四]": (employees.get, c.get_employee("李四")),
    "people.get[试用乙]": (employees.get, c.get_employee("试用乙")),
    "people.get[周七]": (employees.get, c.get_employee("周七")),
    "people.table": (employee_table.load, c.employee_table_load),
    "payroll.save_policy_version": (policies.save_version, c.save_policy_version),
    "payroll.save_item_type": (inputs.save_item_type, c.save_item_type),
    "separation.save_leave_rule": (settlement.save_company_leave_rule, c.save_leave_rule),
    "payroll.set_allowance": (inputs.set_allowance, c.set_allowance),
    "payroll.end_allowance": (inputs.end_allowance, c.end_allowance),
    "payroll.add_entry": (inputs.add_entry, c.add_entry),
    "payroll.delete_entry": (inputs.delete_entry, c.delete_entry),
    "payroll.set_deduction": (declarations.set_special_deduction, c.set_special_deduction),
    "payroll.remove_deduction": (declarations.remove_special_deduction, c.remove_special_deduction),
    "payroll.save_tax_profile": (declarations.save_tax_profile, c.save_tax_profile),
    "payroll.remove_tax_profile": (declarations.remove_tax_profile, c.remove_tax_profile),
    "payroll.set_wage_history": (wage_history.set_month, c.set_wage_history),
    "payroll.remove_wage_history": (wage_history.remove_month, c.remove_wage_history),
    "payroll.import_wage_history": (wage_history.import_history, c.import_wage_history),
    "payroll.import_entries": (imports.import_entries, c.import_entries),
    "payroll.import_deductions": (imports.import_special_deductions, c.import_special_deductions),
    "payroll.import_opening": (imports.import_opening_figures, c.import_opening_figures),
    "payroll.calculate": (runs.calculate_month, c.calculate_month),
    "payroll.approve": (runs.approve, c.approve_run),
    "payroll.mark_paid": (runs.mark_paid, c.mark_paid),
    "payroll.export": (exports.export, c.export_sheet),
    "payroll.rows": (runs.rows, c.payroll_rows),
    "payroll.summary": (runs.summary, c.payroll_summary),
    "payroll.entries": (inputs.entries, c.payroll_entries),
    "payroll.wage_history": (wage_history.history, c.wage_history_list),
    "payroll.payslip[孙员工]": (runs.payslip, c.payslip("孙员工")),
    "payroll.payslip[李四]": (runs.payslip, c.payslip("李四")),
    "payroll.my_payslips": (runs.my_payslips, c.my_payslips),
    "separation.statement": (settlement.statement, c.settlement_statement_read),
    "flows.save_mail_settings": (mail.save_settings, c.save_mail_settings),
    "flows.get_mail_settings": (mail.get_settings, c.get_mail_settings),
    "flows.save_notice_policy": (notices.save_policy, c.save_notice_policy),
    "flows.send_draft": (notices.send_draft, c.send_draft),
    "flows.cancel_draft": (notices.cancel_draft, c.cancel_draft),
    "flows.get_draft": (notices.get_draft, c.get_draft),
    "separation.save_params": (settlement.save_params, c.save_settlement_params),
    "separation.confirm_deduction": (settlement.confirm_deduction, c.confirm_deduction),
    "flows.start_separation[试用甲]": (separations.start, c.start_separation("试用甲")),
    "flows.resign[self]": (separations.start, c.resign_self),
    "flows.mutual_separation[self]": (separations.start, c.mutual_separation_self),
    "flows.start_confirmation[试用丁]": (lifecycle.start_confirmation, c.start_confirmation("试用丁")),
    "flows.start_confirmation[试用乙]": (lifecycle.start_confirmation, c.start_confirmation("试用乙")),
    "flows.start_confirmation[试用丙]": (lifecycle.start_confirmation, c.start_confirmation("试用丙")),
    "flows.start_transfer[试用丁]": (lifecycle.start_transfer, c.start_transfer("试用丁")),
    "flows.start_transfer[试用乙]": (lifecycle.start_transfer, c.start_transfer("试用乙")),
    "flows.start_transfer[试用丙]": (lifecycle.start_transfer, c.start_transfer("试用丙")),
    "flows.start_transfer[self]": (lifecycle.start_transfer, c.transfer_self),
    "flows.start_onboarding": (lifecycle.start_onboarding, c.start_onboarding),
    "flows.act[confirmation:approve]": (engine.act, c.act("confirmation", A.APPROVE, "同意")),
    "flows.act[li:approve]": (engine.act, c.act("li", A.APPROVE, "结算无误")),
    "flows.act[sun:approve]": (engine.act, c.act("sun", A.APPROVE, "同意")),
    "flows.act[sun:withdraw]": (engine.act, c.act("sun", A.WITHDRAW, "不走了")),
    "flows.get[zhou]": (engine.get, c.get_flow("zhou")),
    "flows.get[sun]": (engine.get, c.get_flow("sun")),
    "flows.save_definition": (flow_definitions.save, c.save_flow_definition),
    "flows.save_checklist_template": (checklists.save_template, c.save_checklist_template),
    "flows.waive_item": (checklists.waive, c.waive_item),
    "flows.add_item": (checklists.add_item, c.add_checklist_item),
    "flows.confirm_item[laptop:admin]": (checklists.confirm, c.confirm_item("li.laptop")),
    "flows.confirm_item[handover:manager]": (checklists.confirm, c.confirm_item("li.handover")),
    "flows.set_item_amount": (checklists.set_amount, c.set_item_amount),
    "documents.separation_certificate": (issuing.separation_certificate, c.separation_certificate),
    "documents.employment_certificate": (issuing.employment_certificate, c.employment_certificate),
    "documents.settlement_statement": (issuing.settlement_statement, c.settlement_statement_pdf),
    "documents.reissue": (issuing.reissue, c.reissue_document),
    "documents.issued": (issuing.issued, c.issued_documents),
    "company.create_backup": (backups.create_backup, c.create_backup),
    "company.set_second_folder": (backups.set_second_folder, c.set_second_folder),
    "company.list_backups": (backups.list_backups, c.list_backups),
    "audit.list_entries": (audit_log.list_entries, c.audit_entries),
    "audit.verify_chain": (audit_log.verify_chain, c.verify_chain),
    "audit.write_checkpoint": (checkpoints.write_checkpoint, c.write_checkpoint),
    "audit.verify_known_anchors": (checkpoints.verify_known_anchors, c.verify_known_anchors),
    "audit.deep_check": (deep_check.deep_check, c.deep_check),
    "audit.trail[李四]": (trail.trail, c.employee_trail),
}


# Lines that only read: their refusals need not be security events (test_refusals_recorded.py).
READS = {
    "accounts.list_accounts",
    "org.list_departments",
    "people.get[孙员工]",
    "people.get[李四]",
    "people.get[试用乙]",
    "people.get[周七]",
    "people.table",
    "payroll.rows",
    "payroll.summary",
    "payroll.entries",
    "payroll.wage_history",
    "payroll.payslip[孙员工]",
    "payroll.payslip[李四]",
    "payroll.my_payslips",
    "separation.statement",
    "flows.get_mail_settings",
    "flows.get_draft",
    "flows.get[zhou]",
    "flows.get[sun]",
    "documents.issued",
    "company.list_backups",
    "audit.list_entries",
    "audit.verify_chain",
    "audit.write_checkpoint",
    "audit.verify_known_anchors",
    "audit.deep_check",
    "audit.trail[李四]",
}


@dataclass(frozen=True)
class Line:
    """One line of TABLE: a service call on a target, and a verdict per role."""

    name: str
    service: Callable
    call: Call
    target: str  # a person's name, SELF or ALL
    verdicts: dict[str, str]  # user -> Y / N / -


def lines() -> list[Line]:
    rows = [r.split() for r in TABLE.strip().splitlines() if r.strip() and not r.lstrip().startswith("#")]
    header, body = rows[0], rows[1:]
    assert header[2:] == ["admin", "hr", "finance", "manager", "lead", "staff", "auditor"], header
    result = []
    for name, target, *cells in body:
        assert len(cells) == len(COLUMNS), name
        assert set(cells) <= {"Y", "N", "-"}, name
        service, call = CALLS[name]
        target = {"all": ALL, "self": SELF}.get(target, target)
        assert target in (ALL, SELF) or target in PEOPLE, (name, target)
        result.append(Line(name, service, call, target, dict(zip(COLUMNS, cells, strict=True))))
    assert sorted(CALLS) == sorted(r.name for r in result), "every call is in the table, once"
    return result


@dataclass(frozen=True)
class Case:
    id: str
    line: Line
    user: str
    scope: str
    allowed: bool


def cases() -> list[Case]:
    """Every cell of the table as a case, except the "-" ones."""
    result = []
    for entry in lines():
        for user, cell in entry.verdicts.items():
            if cell == "-":
                continue
            scope = relation(user, entry.target)
            verdict = "allowed" if cell == "Y" else "refused"
            result.append(Case(f"{entry.name}-{ROLE_OF[user]}-{scope}-{verdict}", entry, user, scope, cell == "Y"))
    ids = [case.id for case in result]
    assert len(ids) == len(set(ids)), "every case id is unique"
    return result

"""The permission matrix (issue 12): every service × every role × the target's scope, expected
allowed or refused as table.py says, run at service level against a real encrypted company.

- refused: the service raises PermissionDenied and changes nothing (every table, the trail apart
  from the refusal's own security record, the files beside the company, the credential store);
- allowed: the call succeeds (valid input: any error, PermissionDenied or other, fails the case).

Each case runs on its own copy of the company, so a wrongly allowed call leaks into no other case.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import pkgutil

import pytest

import hrdesk.core
from hrdesk.core.kernel.errors import PermissionDenied
from tests.core.permission_matrix import state
from tests.core.permission_matrix.table import CALLS, cases

CASES = cases()


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_matrix(case, w):
    ctx = w.ctx(case.user)
    if case.allowed:
        case.line.call(ctx, w)
        return
    before = state.snapshot(w)
    with pytest.raises(PermissionDenied):
        case.line.call(ctx, w)
    assert state.difference(before, state.snapshot(w)) == []


# ---- the matrix covers every service -------------------------------------------------------------

# Service functions (public, first parameter ``ctx``, not a yes/no question) not in the table, each
# with why.
NOT_IN_THE_TABLE = {
    "audit.checkpoints.read_anchor": "reads a file the caller holds; verify_against's helper",
    "audit.checkpoints.verify_against": "the auditor's check; same grant as write_checkpoint",
    "audit.trail.trail_report": "the same check as trail (one _require)",
    "audit.trail.export_trail": "the same check as trail; writes the file the caller asked for",
    "company.details.get_company": "the company's name and address, printed on every document",
    "documents.appearance.get_options": "document options, shown to everyone who prints",
    "documents.appearance.current_seal": "the seal image printed on every issued document",
    "documents.certificate_income.require_income_right": "a check used by employment_certificate",
    "documents.certificate_income.income_preview": "a preview inside the issuing dialog (document.issue)",
    "documents.issuing.verify": "anyone may check a PDF shown to them (reveals what the PDF shows)",
    "documents.issuing.separated_between": "the batch's list; the same check as issuing",
    "documents.issuing.batch_separation_certificates": "separation_certificate per person",
    "flows.checklist_templates.get_template": "templates for the flow settings page",
    "flows.checklist_templates.list_templates": "templates for the flow settings page",
    "flows.checklists.my_open_items": "the caller's own items",
    "flows.checklists.confirm_many": "confirm is confirm_many of one item",
    "flows.definitions.current": "the definition a new flow uses (installs the default)",
    "flows.definitions.history": "the settings page's versions (flow.admin)",
    "flows.engine.inbox": "the caller's own tasks",
    "flows.engine.list_flows": "narrowed to the caller's flow.view scope, never refused",
    "flows.lifecycle.suggest_emp_no": "the next free 工号 for the onboarding dialog",
    "flows.mail.outbox_counts": "counts of queued messages, no content",
    "flows.mail.send_test": "needs a mail server; the same check as save_settings",
    "flows.notices.get_policy": "which roles a notice reaches, shown to its sender",
    "flows.notices.pending_drafts": "narrowed to the drafts the caller may send",
    "flows.notices.my_notifications": "the caller's own notices",
    "flows.notices.mark_read": "the caller's own notices",
    # new (issue 12, not yet in the matrix): administrators name a handler for a stuck flow
    "flows.stuck.stuck_flows": "its own tests, until the matrix has a stuck flow",
    "flows.stuck.handler_candidates": "its own tests, until the matrix has a stuck flow",
    "flows.stuck.assign_stuck": "its own tests, until the matrix has a stuck flow",
    "org.positions.list_positions": "the same grant as list_departments (org.view for everyone)",
    "payroll.declarations.special_deduction": "payroll.view for everyone, as entries",
    "payroll.declarations.declarations": "payroll.view for everyone, as entries",
    "payroll.declarations.deduction_limits": "the published standard's maximums",
    "payroll.declarations.tax_profile": "payroll.view for everyone, as entries",
    "payroll.declarations.tax_profiles": "payroll.view for everyone, as entries",
    "payroll.defaults.install_defaults": "installs the shipped tables; no caller's data",
    "payroll.imports.imported_entry_count": "payroll.view for everyone, as entries",
    "payroll.inputs.item_types": "the pay item names, as a picker shows them",
    "payroll.inputs.allowances": "payroll.view for everyone, as entries",
    "payroll.inputs.allowances_in_month": "payroll.view for everyone, as entries",
    "payroll.policies.policy_set": "the published tax and contribution tables",
    "payroll.policies.versions": "the published tax and contribution tables",
    "payroll.policies.cities": "the cities with a contribution policy",
    "payroll.runs.runs": "payroll.view for everyone, as summary",
    "payroll.runs.header": "payroll.view for everyone, as summary",
    "people.custom_fields.list_definitions": "field names for the employee dialog",
    "people.employees.count": "a number, for the status bar",
    "people.employees.search": "narrowed to the caller's employee.view scope, never refused",
    "people.employees.id_by_emp_no": "narrowed like search; NotFound outside the scope",
    "people.insurance_cities.offered": "the city picker's list",
    "separation.settlement.get_company_leave_rule": "payroll.view for everyone, as statement",
    "separation.statement.compute": "the statement's arithmetic, called by the settlement services",
}


def service_functions() -> set[str]:
    """Every public function of the core's service modules whose first parameter is ``ctx``, except
    the predicates (``-> bool``: whether the caller may, whether a month is locked)."""
    found = set()
    for module_info in pkgutil.walk_packages(hrdesk.core.__path__, "hrdesk.core."):
        parts = module_info.name.split(".")
        if {"kernel", "rules", "pdf", "excel", "demo"} & set(parts):
            continue
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(value) or value.__module__ != module.__name__:
                continue
            signature = inspect.signature(value)
            parameters = list(signature.parameters)
            if parameters and parameters[0] == "ctx" and signature.return_annotation not in (bool, "bool"):
                found.add(f"{module.__name__.removeprefix('hrdesk.core.')}.{name}")
    return found


def qualified(function) -> str:
    return f"{function.__module__.removeprefix('hrdesk.core.')}.{function.__name__}"


def test_every_service_is_in_the_table_or_said_why_not():
    in_table = {qualified(service) for service, _call in CALLS.values()}
    everything = service_functions()
    assert sorted(everything - in_table - set(NOT_IN_THE_TABLE)) == [], "add these to table.py"
    assert sorted(in_table & set(NOT_IN_THE_TABLE)) == []
    stale = [name for name in set(NOT_IN_THE_TABLE) - everything if importlib.util.find_spec(_module_of(name))]
    assert sorted(stale) == [], "no longer services: remove them here"


def _module_of(name: str) -> str:
    return "hrdesk.core." + name.rsplit(".", 1)[0]

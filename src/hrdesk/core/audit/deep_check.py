"""深度校验 (``hrdesk audit verify --deep``): the stored records are what the trail says they became.

The hash chain proves that nobody changed the trail; it says nothing about the tables it describes,
so a salary changed with an SQL editor passes ``audit verify``. This check folds the trail instead:
for every audited record (employees, accounts, payroll runs and their per-person results, flows,
issued documents) it starts from the record's create entry, applies each later entry's ``after``
values (entries hold only the fields that changed, kernel.audit_chain.diff), and compares the
result with the row in the database, field by field, for the fields the trail holds. A difference,
a row no entry created (inserted directly) and a row the trail created but that is gone without a
delete entry (deleted directly) are each reported, named for a person to read.

What it cannot see: a field the trail never recorded (the administrator's display name from the
company set-up, a flow recorded before flow entries said where the flow went), and an edit made
together with a forged entry, which the chain check (run first) catches unless the audit key was
taken too. The values in the report are masked by kernel.masking unless the reader may see every
employee's sensitive values, as in the audit viewer.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from dataclasses import fields as dc_fields
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrdesk.core.accounts.tables import User, UserRole
from hrdesk.core.audit.audit_log import sees_everything
from hrdesk.core.audit.trail import field_label, id_names, value_text
from hrdesk.core.documents.issuing import kind_label
from hrdesk.core.documents.tables import IssuedDocument
from hrdesk.core.flows.tables import FlowInstance
from hrdesk.core.kernel import audit_chain
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.masking import giveaways, mask_values
from hrdesk.core.kernel.permissions import Permission
from hrdesk.core.payroll.rules import codec
from hrdesk.core.payroll.runs import RESULT_COLUMNS, results_digest
from hrdesk.core.payroll.tables import PayrollResult, PayrollRun
from hrdesk.core.people.employee_rules import EmployeeValues
from hrdesk.core.people.tables import CustomFieldDefinition, CustomFieldValue, Employee

EMPLOYEE, USER, PAYROLL_RUN, FLOW, DOCUMENT = "employee", "user", "payroll_run", "flow", "document"
PAYROLL_RESULT = "payroll_result"  # counted apart: compared through their run's digest

# The entries that change each kind of record (an entry of another action about the same entity,
# a sign-in or a refusal, says nothing about its fields). The correction (更正) has the update's shape.
EMPLOYEE_ACTIONS = frozenset(
    {
        "employee.create",
        "employee.update",
        "employee.correct",
        "employee.status",
        "employee.separate",
        "employee.confirm",
        "employee.transfer",
    }
)
USER_ACTIONS = frozenset({"user.create", "user.update", "user.active_until"})
RUN_ACTIONS = frozenset({"payroll.calculate", "payroll.approved", "payroll.paid"})
DOCUMENT_ACTIONS = frozenset({"document.issue", "document.reissue"})

# The fields compared, as the trail names them.
EMPLOYEE_FIELDS = (*(f.name for f in dc_fields(EmployeeValues)), "confirmation_date", "custom")
USER_FIELDS = ("username", "display_name", "employee_id", "roles", "active", "active_until")  # never a password
RUN_FIELDS = (
    "status",
    "employee_count",
    "input_hash",
    "total_gross",
    "total_net",
    "total_tax",
    "total_employer_cost",
)
FLOW_FIELDS = ("status", "step")
DOCUMENT_FIELDS = ("kind", "sha256", "size", "employee_id")

# What every service that creates the record leaves as it is without saying so.
_IMPLIED: dict[str, dict[str, Any]] = {
    EMPLOYEE: {"confirmation_date": None},  # set by the 转正 flow only
    USER: {"employee_id": None, "active": True, "active_until": None},
}

# A person's result against their own payslip (the column, the payslip's attribute, the label).
_RESULT_CHECKS = (
    ("gross_pay", "gross_pay", "应发工资"),
    ("employee_insurance", "employee_insurance", "个人社保公积金"),
    ("employer_insurance", "employer_insurance", "单位社保公积金"),
    ("total_tax", "total_tax", "个税"),
    ("net_pay", "net_pay", "实发工资"),
    ("employer_cost", "employer_cost", "单位成本"),
)
_RESULT_SUMS = (("gross_pay", "total_gross"), ("net_pay", "total_net"), ("total_tax", "total_tax"))


@dataclass(frozen=True)
class Mismatch:
    """One difference between a stored record and its trail, worded for a person."""

    entity_type: str  # employee | user | payroll_run | flow | document
    entity_id: str  # the employee or account id, the month "2026-01", the flow id, the document number
    subject: str  # "员工 E000006 刘人事"
    problem: str  # "changed" | "not_in_trail" | "missing"
    field: str | None  # the trail's key for "changed"
    message: str


@dataclass(frozen=True)
class DeepReport:
    chain: audit_chain.ChainReport
    checked: dict[str, int]  # records compared, by kind (empty when the chain is broken)
    mismatches: tuple[Mismatch, ...]
    masked: bool  # the values in the messages are masked for this reader

    @property
    def ok(self) -> bool:
        return self.chain.ok and not self.mismatches


def deep_check(ctx: ServiceContext, *, mask: bool = False) -> DeepReport:
    """Verify the chain, then compare every audited record with what its trail says it became.

    Auditors (AUDIT_VIEW for everyone). ``mask`` masks the values even for a reader who may see
    them (the command line, which signs nobody in)."""
    ctx.require_all(Permission.AUDIT_VIEW)
    clear = sees_everything(ctx) and not mask
    fold = _Fold()
    with ctx.read() as session:
        _one_snapshot(session)
        # one pass over the chain: verified and folded together; a broken chain makes the fold moot
        chain = audit_chain.verify_rows(fold.tap(audit_chain.iter_chain_rows(session)), bytes.fromhex(ctx.db.audit_key))
        if not chain.ok:
            return DeepReport(chain, {}, (), not clear)
        checker = _Checker(session, fold, clear)
        checker.run()
        return DeepReport(chain, checker.checked, tuple(checker.found), not clear)


def _one_snapshot(session: Session) -> None:
    """Read the chain and every table as of one moment: otherwise a record saved by someone else
    between reading the chain and reading its table would look inserted behind the trail's back.
    (SQLite runs each read on its own unless a transaction is open; WAL keeps the writers going.)"""
    if session.get_bind().dialect.name == "sqlite":
        session.connection().exec_driver_sql("BEGIN")
    else:
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})


# --- folding the trail ----------------------------------------------------------------------------


@dataclass
class _Trail:
    """What the entries of one record say it became."""

    state: dict[str, Any] = field(default_factory=dict)
    created: bool = False
    deleted: bool = False


def _kind(action: str, entity_type: str) -> str | None:
    if entity_type == EMPLOYEE:
        if action in EMPLOYEE_ACTIONS:
            return EMPLOYEE
        return DOCUMENT if action in DOCUMENT_ACTIONS else None
    if entity_type == USER:
        return USER if action in USER_ACTIONS else None
    if entity_type == PAYROLL_RUN:
        return PAYROLL_RUN if action in RUN_ACTIONS else None
    if entity_type == FLOW:
        return FLOW if action.startswith("flow.") else None
    return None


class _Fold:
    def __init__(self) -> None:
        self.trails: dict[str, dict[str, _Trail]] = {k: {} for k in (EMPLOYEE, USER, PAYROLL_RUN, FLOW, DOCUMENT)}

    def tap(self, rows: Iterable[tuple]) -> Iterator[tuple]:
        """The chain's rows passed on to the verification, each folded on the way."""
        for row in rows:
            self.add(row)
            yield row

    def add(self, row: tuple) -> None:
        action, entity_type, entity_id, before_text, after_text = row[5], row[6], row[7], row[9], row[10]
        kind = _kind(action, entity_type)
        if kind is None or entity_id is None:
            return  # a bulk import's summary entry names no record
        before = json.loads(before_text) if before_text else None
        after = json.loads(after_text) if after_text else None
        if kind == DOCUMENT:
            if not after or not after.get("number"):
                return
            owner = int(entity_id) if entity_id.isdigit() else entity_id
            entity_id = str(after["number"])
            after = {key: after.get(key) for key in ("kind", "sha256", "size")} | {"employee_id": owner}
        trails = self.trails[kind]
        new = entity_id not in trails
        trail = trails.setdefault(entity_id, _Trail())
        if _creates(kind, action, before, new):
            trail.state, trail.created, trail.deleted = dict(_IMPLIED.get(kind) or {}), True, False
        if after is None:
            if before is not None:
                trail.deleted = True  # a deletion: before only
            return
        for key in before or {}:
            if key not in after:
                trail.state.pop(key, None)  # changed by the entry, to a value it does not give
        trail.state.update(after)


def _creates(kind: str, action: str, before: dict | None, new: bool) -> bool:
    if kind == EMPLOYEE:
        return action == "employee.create"
    if kind == USER:
        return action == "user.create"
    if kind == PAYROLL_RUN:
        return action == "payroll.calculate" and before is None
    if kind == FLOW:
        return new and action == "flow.submit"  # a flow's first entry is its submission
    return new and action == "document.issue"


# --- comparing with the database ------------------------------------------------------------------


def _stored(value: Any) -> Any:
    """A database value in the form the trail stores it (dates as ISO text, amounts as text)."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _same(db: Any, recorded: Any) -> bool:
    """Equal as values: amounts as Decimal (the trail writes 12000 or 12000.00), dates as ISO text,
    lists (roles) in any order, booleans only as booleans."""
    if db is None or recorded is None:
        return db is None and recorded is None
    if isinstance(db, Decimal):
        try:
            return Decimal(str(recorded)) == db
        except InvalidOperation:
            return False
    if isinstance(db, (date, datetime)):
        return str(recorded) == db.isoformat()
    if isinstance(db, bool) or isinstance(recorded, bool):
        return isinstance(db, bool) and isinstance(recorded, bool) and db is recorded
    if isinstance(db, list) and isinstance(recorded, list):
        return sorted(map(str, db)) == sorted(map(str, recorded))
    return db == recorded


@dataclass
class _Row:
    """One stored record: its fields under the trail's names, its name for people, and the
    giveaways of the person's ID number (for masking their company-defined values)."""

    values: dict[str, Any]
    subject: str
    secrets: tuple[str, ...] = ()


class _Checker:
    def __init__(self, session: Session, fold: _Fold, clear: bool):
        self.session = session
        self.fold = fold
        self.clear = clear
        self.names = id_names(session)
        self.checked: dict[str, int] = {}
        self.found: list[Mismatch] = []
        self.employees: dict[str, _Row] = {}
        self.active_custom: set[str] = set()

    def run(self) -> None:
        self.employees = self._employees()
        self._compare(EMPLOYEE, EMPLOYEE_FIELDS, self.employees, self._missing_employee)
        self._compare(
            USER, USER_FIELDS, self._users(), lambda key, state: tr("账号 {0}").format(state.get("username", key))
        )
        runs = self._runs()
        self._compare(PAYROLL_RUN, RUN_FIELDS, runs, lambda key, state: _run_subject(key))
        self._results(runs)
        self._compare(FLOW, FLOW_FIELDS, self._flows(), lambda key, state: tr("流程 #{0}").format(key))
        self._compare(DOCUMENT, DOCUMENT_FIELDS, self._documents(), self._missing_document)

    # --- the generic comparison ---

    def _compare(
        self, kind: str, compared: tuple[str, ...], rows: dict[str, _Row], missing_subject: Callable[[str, dict], str]
    ) -> None:
        trails = self.fold.trails[kind]
        self.checked[kind] = len(rows)
        for key, row in rows.items():
            trail = trails.get(key)
            if trail is None or not trail.created:
                self._add(
                    kind,
                    key,
                    row.subject,
                    "not_in_trail",
                    None,
                    tr("{0}：数据库中有这条记录，但操作日志中没有新建它的记录（未经系统直接写入）").format(row.subject),
                )
                continue
            if trail.deleted:
                self._add(
                    kind,
                    key,
                    row.subject,
                    "changed",
                    None,
                    tr("{0}：操作日志记录它已被删除，但数据库中仍有这条记录").format(row.subject),
                )
                continue
            for name in compared:
                if name in trail.state and not _same(row.values[name], trail.state[name]):
                    self._changed(kind, key, row, name, row.values[name], trail.state[name])
        for key, trail in trails.items():
            if trail.created and not trail.deleted and key not in rows:
                subject = missing_subject(key, trail.state)
                self._add(
                    kind,
                    key,
                    subject,
                    "missing",
                    None,
                    tr(
                        "{0}：操作日志记录了新建、没有删除它的记录，但数据库中已没有这条记录（未经系统直接删除）"
                    ).format(subject),
                )

    def _changed(self, kind: str, key: str, row: _Row, name: str, db: Any, recorded: Any) -> None:
        self._add(
            kind,
            key,
            row.subject,
            "changed",
            name,
            tr("{0}：{1} 数据库中为 {2}，操作日志记录为 {3}").format(
                row.subject,
                tr("证明类型") if kind == DOCUMENT and name == "kind" else field_label(name),
                self._shown(kind, name, _stored(db), row.secrets),
                self._shown(kind, name, recorded, row.secrets),
            ),
        )

    def _add(self, kind: str, key: str, subject: str, problem: str, name: str | None, message: str) -> None:
        self.found.append(Mismatch(kind, key, subject, problem, name, message))

    def _shown(self, kind: str, name: str, value: Any, secrets: tuple[str, ...] = ()) -> str:
        """A value as the reader may see it: masked by the register's rules, then as the trail
        shows it (names for ids, labels for codes)."""
        if not self.clear:
            value = mask_values({name: value}, secrets)[name]
        if kind == DOCUMENT and name == "kind" and isinstance(value, str):
            try:
                return kind_label(value)
            except KeyError:
                return value
        return value_text(name, value, kind, self.names)

    # --- the stored records, under the trail's names ---

    def _employees(self) -> dict[str, _Row]:
        columns = [getattr(Employee, name) for name in EMPLOYEE_FIELDS if name != "custom"]
        active = dict(
            self.session.execute(
                select(CustomFieldDefinition.id, CustomFieldDefinition.key).where(
                    CustomFieldDefinition.active.is_(True)
                )
            ).all()
        )
        custom: dict[int, dict[str, str]] = {}
        for emp_id, field_id, value in self.session.execute(
            select(CustomFieldValue.employee_id, CustomFieldValue.field_id, CustomFieldValue.value)
        ):
            if field_id in active:
                custom.setdefault(emp_id, {})[active[field_id]] = value
        self.active_custom = set(active.values())
        rows = {}
        for record in self.session.execute(select(Employee.id, *columns)):
            values = dict(zip(EMPLOYEE_FIELDS, record[1:], strict=False))
            values["custom"] = custom.get(record[0], {})
            subject = tr("员工 {0} {1}").format(values["emp_no"], values["name"])
            rows[str(record[0])] = _Row(values, subject, giveaways(values["id_number"]))
        # company-defined fields compared only while defined: a deactivated field's values stay
        # stored, though an edit afterwards no longer lists them
        for trail in self.fold.trails[EMPLOYEE].values():
            if isinstance(trail.state.get("custom"), dict):
                trail.state["custom"] = {k: v for k, v in trail.state["custom"].items() if k in self.active_custom}
        return rows

    def _missing_employee(self, key: str, state: dict) -> str:
        return tr("员工 {0} {1}").format(state.get("emp_no", "#" + key), state.get("name", ""))

    def _users(self) -> dict[str, _Row]:
        roles: dict[int, list[str]] = {}
        for user_id, role in self.session.execute(select(UserRole.user_id, UserRole.role)):
            roles.setdefault(user_id, []).append(role)
        rows = {}
        for user_id, username, display_name, employee_id, active, active_until in self.session.execute(
            select(User.id, User.username, User.display_name, User.employee_id, User.active, User.active_until)
        ):
            values = {
                "username": username,
                "display_name": display_name,
                "employee_id": employee_id,
                "roles": sorted(roles.get(user_id, [])),
                "active": active,
                "active_until": active_until,
            }
            rows[str(user_id)] = _Row(values, tr("账号 {0}").format(username))
        return rows

    def _runs(self) -> dict[str, _Row]:
        rows = {}
        for run in self.session.execute(select(PayrollRun).order_by(PayrollRun.month)).scalars():
            key = run.month.strftime("%Y-%m")
            values = {name: getattr(run, name) for name in RUN_FIELDS} | {"id": run.id}
            rows[key] = _Row(values, _run_subject(key))
        return rows

    def _results(self, runs: dict[str, _Row]) -> None:
        """Each run's results against the digest its calculation recorded; where they differ, the
        people whose stored figures disagree with their own payslip, and the totals they add up to."""
        trails = self.fold.trails[PAYROLL_RUN]
        columns = [getattr(PayrollResult, name) for name in RESULT_COLUMNS]
        count = 0
        for key, run in runs.items():
            results = [
                dict(zip(RESULT_COLUMNS, r, strict=True))
                for r in self.session.execute(
                    select(*columns).where(PayrollResult.run_id == run.values["id"]).order_by(PayrollResult.employee_id)
                )
            ]
            count += len(results)
            trail = trails.get(key)
            recorded = trail.state.get("results_digest") if trail is not None and trail.created else None
            if recorded is None or results_digest(results) == recorded:
                continue  # not recorded (calculated before results were fingerprinted), or intact
            self._add(
                PAYROLL_RUN,
                key,
                run.subject,
                "changed",
                "results_digest",
                tr("{0}：各人工资结果与计算时记录的不一致（计算之后有结果被改动、增加或删除）").format(run.subject),
            )
            assert trail is not None
            self._result_people(key, run, results)
            self._result_totals(key, run, results, trail.state)
        self.checked[PAYROLL_RESULT] = count

    def _result_people(self, key: str, run: _Row, results: list[dict]) -> None:
        for result in results:
            person = self.employees.get(str(result["employee_id"]))
            who = person.subject if person else tr("员工 #{0}").format(result["employee_id"])
            subject = tr("{0} {1}").format(run.subject, who)
            try:
                payslip = codec.loads(result["detail"])
            except (ValueError, KeyError, TypeError):
                self._add(PAYROLL_RUN, key, subject, "changed", "detail", tr("{0}：工资条明细无法读取").format(subject))
                continue
            for column, attribute, label in _RESULT_CHECKS:
                stored, slip = result[column], getattr(payslip, attribute)
                if stored != slip:
                    self._add(
                        PAYROLL_RUN,
                        key,
                        subject,
                        "changed",
                        column,
                        tr("{0}：{1} 数据库中为 {2}，该人工资条明细为 {3}").format(
                            subject,
                            tr(label),
                            self._shown(PAYROLL_RUN, column, _stored(stored)),
                            self._shown(PAYROLL_RUN, column, _stored(slip)),
                        ),
                    )

    def _result_totals(self, key: str, run: _Row, results: list[dict], state: dict) -> None:
        if "employee_count" in state and len(results) != state["employee_count"]:
            self._add(
                PAYROLL_RUN,
                key,
                run.subject,
                "changed",
                "employee_count",
                tr("{0}：各人结果 数据库中有 {1} 条，操作日志记录为 {2} 人").format(
                    run.subject, len(results), state["employee_count"]
                ),
            )
        for column, total in _RESULT_SUMS:
            if total not in state:
                continue
            added = sum((r[column] for r in results), Decimal("0.00"))
            if not _same(added, state[total]):
                self._add(
                    PAYROLL_RUN,
                    key,
                    run.subject,
                    "changed",
                    total,
                    tr("{0}：各人结果相加的{1} 数据库中为 {2}，操作日志记录为 {3}").format(
                        run.subject,
                        field_label(total),
                        self._shown(PAYROLL_RUN, total, _stored(added)),
                        self._shown(PAYROLL_RUN, total, state[total]),
                    ),
                )

    def _flows(self) -> dict[str, _Row]:
        rows = {}
        for flow_id, title, status, step in self.session.execute(
            select(FlowInstance.id, FlowInstance.title, FlowInstance.status, FlowInstance.step_index)
        ):
            rows[str(flow_id)] = _Row({"status": status, "step": step}, tr("流程 #{0} {1}").format(flow_id, title))
        return rows

    def _documents(self) -> dict[str, _Row]:
        rows = {}
        for number, kind, sha256, size, employee_id in self.session.execute(
            select(
                IssuedDocument.number,
                IssuedDocument.kind,
                IssuedDocument.sha256,
                IssuedDocument.size,
                IssuedDocument.employee_id,
            )
        ):
            values = {"kind": kind, "sha256": sha256, "size": size, "employee_id": employee_id}
            rows[number] = _Row(values, self._document_subject(number, kind))
        return rows

    def _missing_document(self, key: str, state: dict) -> str:
        return self._document_subject(key, state.get("kind"))

    def _document_subject(self, number: str, kind: str | None) -> str:
        try:
            label = kind_label(kind) if kind else ""
        except KeyError:
            label = kind or ""
        return tr("证明文件 {0}（{1}）").format(number, label) if label else tr("证明文件 {0}").format(number)


def _run_subject(key: str) -> str:
    year, month = key.split("-")
    return tr("工资核算 {0}年{1}月").format(year, month)

"""Employee records: read one (masked as the caller may see it), create, update, bulk create.

Every write validates the whole record (fields, references, duplicates, custom fields), refuses
with a ValidationError naming each field, and otherwise stores it with an audit record holding the
before and after values, in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import fields as dc_fields
from datetime import date
from decimal import Decimal

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from hrdesk.core.kernel import audit_chain
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import Conflict, NotFound, PermissionDenied, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.masking import (
    MASKED_MONEY,
    age_on,
    giveaways,
    mask_bank_account,
    mask_custom_value,
    mask_id_number,
)
from hrdesk.core.kernel.money import format_money
from hrdesk.core.kernel.permissions import Permission, Scope
from hrdesk.core.kernel.persistence.rows import stored_row
from hrdesk.core.kernel.refusals import worded
from hrdesk.core.kernel.text_rules import text_problem
from hrdesk.core.org.tables import Department, Position
from hrdesk.core.org.tree import DepartmentKind
from hrdesk.core.people import custom_fields as custom_fields_service
from hrdesk.core.people import insurance_cities
from hrdesk.core.people.custom_field_types import normalize_value
from hrdesk.core.people.employee_rules import (
    ContractType,
    EmployeeInput,
    EmployeeStatus,
    EmployeeValues,
    Gender,
    validate_employee,
)
from hrdesk.core.people.scope import employee_condition, in_scope
from hrdesk.core.people.tables import CustomFieldValue, Employee

SENSITIVE_FIELDS = ("id_number", "bank_account", "base_salary", "insurance_base", "housing_fund_base")
_STORED_FIELDS = tuple(f.name for f in dc_fields(EmployeeValues))


@dataclass(frozen=True)
class EmployeeDetail:
    """One employee as the caller may see them: sensitive values masked unless allowed. Whoever may
    not see the ID number sees the age instead of the birth date, which would give the masked digits
    back, and company-defined dates, and values that repeat those digits, masked (kernel.masking)."""

    id: int
    version: int
    emp_no: str
    name: str
    id_number: str
    gender: Gender
    birth_date: date | None  # None when masked
    age: int  # in whole years, today
    phone: str | None
    email: str | None
    department_id: int
    department_name: str
    project_department_id: int | None
    project_department_name: str | None
    position_id: int | None
    position_name: str | None
    manager_id: int | None
    manager_name: str | None
    hire_date: date
    probation_end_date: date | None
    contract_type: ContractType | None
    contract_start: date | None
    contract_end: date | None
    status: EmployeeStatus
    last_working_day: date | None
    social_security_city: str | None
    base_salary: Decimal | None  # None when masked
    base_salary_text: str
    insurance_base: Decimal | None  # None when masked or not set (the base salary applies)
    housing_fund_base: Decimal | None
    bank_account: str | None
    bank_name: str | None
    custom: dict[str, str]
    sensitive_visible: bool
    editable: bool


def snapshot(emp: Employee) -> dict:
    """The stored values of an employee for the audit trail (unmasked: the trail must be complete;
    the audit view masks them for readers without the right)."""
    return {name: getattr(emp, name) for name in _STORED_FIELDS}


def _can_see_sensitive(session: Session, ctx: ServiceContext, employee_id: int) -> bool:
    return in_scope(session, ctx.actor, Permission.EMPLOYEE_SENSITIVE, employee_id)


def _can_edit(session: Session, ctx: ServiceContext, employee_id: int) -> bool:
    return ctx.actor.can(Permission.EMPLOYEE_EDIT) and in_scope(
        session, ctx.actor, Permission.EMPLOYEE_EDIT, employee_id
    )


def get(ctx: ServiceContext, employee_id: int) -> EmployeeDetail:
    ctx.require(Permission.EMPLOYEE_VIEW)
    with ctx.read() as session:
        return _detail(session, ctx, employee_id)


def _detail(session: Session, ctx: ServiceContext, employee_id: int) -> EmployeeDetail:
    emp = session.get(Employee, employee_id)
    if emp is None:
        raise NotFound(tr("找不到该员工（编号 {0}）。").format(employee_id))
    if not in_scope(session, ctx.actor, Permission.EMPLOYEE_VIEW, employee_id):
        raise PermissionDenied(tr("您无权查看该员工的档案。"))
    dept = stored_row(session, Department, emp.department_id)
    project = session.get(Department, emp.project_department_id) if emp.project_department_id else None
    position = session.get(Position, emp.position_id) if emp.position_id else None
    manager = session.get(Employee, emp.manager_id) if emp.manager_id else None
    visible = _can_see_sensitive(session, ctx, employee_id)
    custom = custom_fields_service.values_for(session, employee_id)
    if not visible:
        secrets = giveaways(emp.id_number)
        custom = {key: mask_custom_value(value, secrets) for key, value in custom.items()}
    return EmployeeDetail(
        id=emp.id,
        version=emp.version,
        emp_no=emp.emp_no,
        name=emp.name,
        id_number=emp.id_number if visible else mask_id_number(emp.id_number),
        gender=Gender(emp.gender),
        birth_date=emp.birth_date if visible else None,
        age=age_on(emp.birth_date, ctx.clock.today()),
        phone=emp.phone,
        email=emp.email,
        department_id=emp.department_id,
        department_name=dept.name,
        project_department_id=emp.project_department_id,
        project_department_name=project.name if project else None,
        position_id=emp.position_id,
        position_name=position.name if position else None,
        manager_id=emp.manager_id,
        manager_name=manager.name if manager else None,
        hire_date=emp.hire_date,
        probation_end_date=emp.probation_end_date,
        contract_type=ContractType(emp.contract_type) if emp.contract_type else None,
        contract_start=emp.contract_start,
        contract_end=emp.contract_end,
        status=EmployeeStatus(emp.status),
        last_working_day=emp.last_working_day,
        social_security_city=emp.social_security_city,
        base_salary=emp.base_salary if visible else None,
        base_salary_text=format_money(emp.base_salary) if visible else MASKED_MONEY,
        insurance_base=emp.insurance_base if visible else None,
        housing_fund_base=emp.housing_fund_base if visible else None,
        bank_account=emp.bank_account if visible else mask_bank_account(emp.bank_account),
        bank_name=emp.bank_name,
        custom=custom,
        sensitive_visible=visible,
        editable=_can_edit(session, ctx, employee_id),
    )


def next_emp_no(session: Session, prefix: str = "E", reserved: Iterable[str] = ()) -> str:
    """The next free number in the company's most common pattern (prefix + zero-padded digits),
    beyond the stored ones and ``reserved`` (numbers proposed but not yet stored)."""
    numbers = list(session.execute(select(Employee.emp_no).where(Employee.emp_no.like(f"{prefix}%"))).scalars())
    numbers += list(reserved)
    highest, width = 0, 6
    for number in numbers:
        digits = number[len(prefix) :]
        if digits.isdigit():
            highest = max(highest, int(digits))
            width = max(width, len(digits))
    return f"{prefix}{highest + 1:0{width}d}"


def create(ctx: ServiceContext, data: EmployeeInput) -> EmployeeDetail:
    if ctx.actor.scope_for(Permission.EMPLOYEE_EDIT) is not Scope.ALL:
        raise worded(ctx.denied(Permission.EMPLOYEE_EDIT, whole_company=True), tr("您没有新建员工档案的权限。"))
    with ctx.transaction() as tx:
        emp = create_in(tx, data)
        return _detail(tx.session, ctx, emp.id)


def create_in(tx, data: EmployeeInput, summary: str | None = None) -> Employee:
    """Validate and store a new employee inside the caller's transaction (also used when an
    onboarding flow completes)."""
    session, ctx = tx.session, tx.ctx
    values, custom = _validate(session, data, employee_id=None, today=ctx.clock.today())
    now = ctx.clock.now()
    emp = Employee(**_column_values(values), created_at=now, updated_at=now)
    session.add(emp)
    session.flush()
    _store_custom(session, emp.id, custom)
    after = snapshot(emp) | {"custom": custom}
    tx.audit(
        "employee.create",
        "employee",
        emp.id,
        summary or tr("新建员工 {0} {1}").format(emp.emp_no, emp.name),
        None,
        after,
    )
    tx.changed("employee", "created", emp.id)
    return emp


# Pay, place in the organisation and status change through their flows, where someone else
# approves (调岗/调薪, 转正, 离职); the register edit refuses them. A typing error in one of them is
# put right with a 更正: HR only, never on one's own record, a reason required, audited as a
# correction the auditor can list (audit action "employee.correct").
FLOW_FIELDS = {  # field: (label, the flow that changes it)
    "base_salary": ("基本工资", "调岗/调薪"),
    "department_id": ("部门", "调岗/调薪"),
    "project_department_id": ("项目部", "调岗/调薪"),
    "position_id": ("岗位", "调岗/调薪"),
    "manager_id": ("直属上级", "调岗/调薪"),
    "status": ("员工状态", "转正或离职"),
    "last_working_day": ("最后工作日", "离职"),
}
CORRECTION_ACTION = "employee.correct"


def update(ctx: ServiceContext, employee_id: int, data: EmployeeInput, expected_version: int) -> EmployeeDetail:
    """Replace an employee's fields; ``expected_version`` is the version the editor started from.
    The fields in FLOW_FIELDS must stay as they are (see :func:`correct`)."""
    return _write(ctx, employee_id, data, expected_version, reason=None)


def correct(
    ctx: ServiceContext, employee_id: int, data: EmployeeInput, expected_version: int, reason: str
) -> EmployeeDetail:
    """更正: put right a typing error, the flow-controlled fields included, with a written reason."""
    if ctx.actor.scope_for(Permission.EMPLOYEE_EDIT) is not Scope.ALL:
        raise worded(ctx.denied(Permission.EMPLOYEE_EDIT), tr("更正档案由人事办理。"))
    if ctx.actor.employee_id is not None and ctx.actor.employee_id == employee_id:
        raise worded(ctx.denied(Permission.EMPLOYEE_EDIT), tr("不能更正本人的档案，请由其他人事同事办理。"))
    reason = (reason or "").strip()
    problem = text_problem(reason, tr("更正原因"))
    if problem is None and not 4 <= len(reason) <= 200:
        problem = tr("请写明更正原因（4到200个字），例如录入时的错误和依据")
    if problem:
        raise ValidationError({"reason": problem})
    return _write(ctx, employee_id, data, expected_version, reason=reason)


def _write(
    ctx: ServiceContext, employee_id: int, data: EmployeeInput, expected_version: int, reason: str | None
) -> EmployeeDetail:
    ctx.require(Permission.EMPLOYEE_EDIT)
    with ctx.transaction() as tx:
        session = tx.session
        emp = session.get(Employee, employee_id)
        if emp is None:
            raise NotFound(tr("找不到该员工（编号 {0}）。").format(employee_id))
        if not _can_edit(session, ctx, employee_id):
            raise worded(ctx.denied(Permission.EMPLOYEE_EDIT), tr("您无权修改该员工的档案。"))
        if emp.version != expected_version:
            raise Conflict(tr("该员工档案已被其他人修改，请关闭后重新打开再编辑。"))
        values, custom = _validate(session, data, employee_id=employee_id, today=ctx.clock.today())
        columns = _column_values(values)
        if reason is None and not ctx.actor.is_system:
            refused = {
                name: tr("{0}只能通过{1}流程修改；若是录入错误，请用“更正”并写明原因").format(tr(label), tr(flow))
                for name, (label, flow) in FLOW_FIELDS.items()
                if columns[name] != getattr(emp, name)
            }
            if refused:
                raise ValidationError(refused)
        before = snapshot(emp) | {"custom": custom_fields_service.values_for(session, employee_id)}
        for name, value in columns.items():
            setattr(emp, name, value)
        emp.updated_at = ctx.clock.now()
        _store_custom(session, emp.id, custom, replace=True)
        session.flush()
        after = snapshot(emp) | {"custom": custom}
        changed_before, changed_after = audit_chain.diff(before, after)
        if changed_after:
            if reason is None:
                action, summary = "employee.update", tr("修改员工 {0} {1}").format(emp.emp_no, emp.name)
            else:
                action = CORRECTION_ACTION
                summary = tr("更正员工 {0} {1}（原因：{2}）").format(emp.emp_no, emp.name, reason)
            tx.audit(action, "employee", emp.id, summary, changed_before, changed_after)
            tx.changed("employee", "updated", emp.id)
        elif reason is not None:
            raise ValidationError({"changes": tr("没有任何更正的内容")})
        return _detail(session, ctx, emp.id)


def bulk_create(ctx: ServiceContext, items: Iterable[EmployeeInput], *, summary: str) -> list[int]:
    """Create many employees in one transaction (imports, demo data): all valid or none stored.

    Errors are reported per row as ``"<row>:<field>"`` so an import can point at the cell.
    """
    if ctx.actor.scope_for(Permission.EMPLOYEE_EDIT) is not Scope.ALL:
        raise worded(ctx.denied(Permission.EMPLOYEE_EDIT, whole_company=True), tr("您没有新建员工档案的权限。"))
    items = list(items)
    with ctx.transaction() as tx:
        session = tx.session
        refs = _ReferenceData.load(session)
        errors: dict[str, str] = {}
        rows, customs = [], []
        seen_no: set[str] = set()
        seen_id: set[str] = set()
        existing_no = set(session.execute(select(Employee.emp_no)).scalars())
        existing_id = set(session.execute(select(Employee.id_number)).scalars())
        definitions = custom_fields_service.active_definitions(session)
        now, today = ctx.clock.now(), ctx.clock.today()
        for index, data in enumerate(items, start=1):
            values, field_errors = validate_employee(data, today)
            if values is not None:
                field_errors |= refs.check(values, employee_id=None)
                if values.emp_no in existing_no or values.emp_no in seen_no:
                    field_errors["emp_no"] = tr("工号 {0} 已存在").format(values.emp_no)
                if values.id_number in existing_id or values.id_number in seen_id:
                    field_errors["id_number"] = tr("身份证号已被其他员工使用")
            custom, custom_errors = _normalize_custom(definitions, data.custom)
            field_errors |= custom_errors
            if values is None or field_errors:
                errors.update({f"{index}:{k}": v for k, v in field_errors.items()})
                if len(errors) > 200:
                    break
                continue
            seen_no.add(values.emp_no)
            seen_id.add(values.id_number)
            rows.append(_column_values(values) | {"created_at": now, "updated_at": now, "version": 1})
            customs.append(custom)
        if errors:
            raise ValidationError(errors, tr("有 {0} 处输入错误，未导入任何数据。").format(len(errors)))
        # render_nulls: otherwise the ORM bulk insert splits the rows at every change of which
        # columns are empty and splices the RETURNING results quadratically (248 s for 100,000
        # mixed rows instead of a few).
        ids = list(
            session.execute(
                insert(Employee)
                .returning(Employee.id, sort_by_parameter_order=True)
                .execution_options(render_nulls=True),
                rows,
            ).scalars()
        )
        value_rows = [
            {"employee_id": emp_id, "field_id": definitions[key].id, "value": value}
            for emp_id, custom in zip(ids, customs, strict=True)
            for key, value in custom.items()
        ]
        if value_rows:
            session.execute(insert(CustomFieldValue), value_rows)
        entries = []
        for emp_id, row, custom in zip(ids, rows, customs, strict=True):
            after = {name: row[name] for name in _STORED_FIELDS} | {"custom": custom}
            entries.append(
                audit_chain.Entry(
                    "employee.create",
                    "employee",
                    emp_id,
                    tr("新建员工 {0} {1}").format(row["emp_no"], row["name"]),
                    None,
                    after,
                )
            )
        audit_chain.append_many(session, ctx.actor, now, entries)
        tx.audit("employee.bulk_create", "employee", None, summary, None, {"count": len(ids)})
        tx.changed("employee", "created", *ids)
        return ids


def count(ctx: ServiceContext) -> int:
    ctx.require(Permission.EMPLOYEE_VIEW)
    with ctx.read() as session:
        return session.execute(select(func.count(Employee.id))).scalar_one()


# --- validation shared by create, update and bulk_create ------------------------------------


class _ReferenceData:
    """Departments, positions and the manager graph, loaded once to check references."""

    def __init__(
        self,
        departments: dict[int, tuple[str, bool]],
        positions: dict[int, bool],
        managers: dict[int, int | None],
        cities: frozenset[str] | None = None,
    ):
        self.departments = departments  # id -> (kind, active)
        self.positions = positions  # id -> active
        self.managers = managers  # employee id -> manager id
        self.cities = cities  # the 社保 cities the payroll knows; None: not checked

    @classmethod
    def load(cls, session: Session) -> _ReferenceData:
        departments = {
            r.id: (r.kind, r.active) for r in session.execute(select(Department.id, Department.kind, Department.active))
        }
        positions = {r.id: r.active for r in session.execute(select(Position.id, Position.active))}
        managers = {r.id: r.manager_id for r in session.execute(select(Employee.id, Employee.manager_id))}
        return cls(departments, positions, managers, insurance_cities.known_cities(session))

    def check(self, values: EmployeeValues, employee_id: int | None, stored_city: str | None = None) -> dict[str, str]:
        """``stored_city``: the city the record holds now, accepted unchanged even if no policy
        knows it any more (an edit of the phone number must not fail over it)."""
        errors = {}
        city = values.social_security_city
        if city and self.cities is not None and city not in self.cities and city != stored_city:
            errors["social_security_city"] = tr(
                "社保缴纳城市“{0}”没有社保公积金缴费政策，工资无法计算社保（已有政策的城市：{1}）。"
                "请选择其中之一，或先在工资设置中添加该城市的缴费政策"
            ).format(city, "、".join(sorted(self.cities)))
        dept = self.departments.get(values.department_id)
        if dept is None:
            errors["department_id"] = tr("所选部门不存在")
        elif not dept[1]:
            errors["department_id"] = tr("所选部门已停用")
        if values.project_department_id is not None:
            project = self.departments.get(values.project_department_id)
            if project is None or project[0] != DepartmentKind.PROJECT.value:
                errors["project_department_id"] = tr("所选项目部不存在或不是项目部")
            elif not project[1]:
                errors["project_department_id"] = tr("所选项目部已停用")
        if values.position_id is not None and values.position_id not in self.positions:
            errors["position_id"] = tr("所选岗位不存在")
        if values.manager_id is not None:
            if values.manager_id not in self.managers:
                errors["manager_id"] = tr("所选直属上级不存在")
            elif employee_id is not None and self._manages_self(employee_id, values.manager_id):
                errors["manager_id"] = tr("直属上级不能是本人或本人的下属")
        return errors

    def _manages_self(self, employee_id: int, manager_id: int) -> bool:
        current: int | None = manager_id
        seen: set[int] = set()
        while current is not None and current not in seen:
            if current == employee_id:
                return True
            seen.add(current)
            current = self.managers.get(current)
        return False


def reference_errors(session: Session, values: EmployeeValues, employee_id: int | None) -> dict[str, str]:
    """Departments, position and manager exist; number and ID number are not someone else's."""
    stored_city = (
        session.execute(select(Employee.social_security_city).where(Employee.id == employee_id)).scalar()
        if employee_id is not None
        else None
    )
    errors = _ReferenceData.load(session).check(values, employee_id, stored_city)
    dup_no = session.execute(select(Employee.id).where(Employee.emp_no == values.emp_no)).scalar()
    if dup_no is not None and dup_no != employee_id:
        errors["emp_no"] = tr("工号 {0} 已被其他员工使用").format(values.emp_no)
    dup_id = session.execute(select(Employee.id).where(Employee.id_number == values.id_number)).scalar()
    if dup_id is not None and dup_id != employee_id:
        errors["id_number"] = tr("该身份证号已被其他员工使用")
    return errors


def _validate(session: Session, data: EmployeeInput, employee_id: int | None, today: date | None = None):
    values, errors = validate_employee(data, today)
    if values is not None:
        errors |= reference_errors(session, values, employee_id)
    custom, custom_errors = _normalize_custom(custom_fields_service.active_definitions(session), data.custom)
    errors |= custom_errors
    if errors:
        raise ValidationError(errors)
    return values, custom


def _normalize_custom(definitions, raw: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    values, errors = {}, {}
    for key, definition in definitions.items():
        try:
            value = normalize_value(definition, raw.get(key))
        except ValueError as exc:
            errors[f"custom:{key}"] = str(exc)
            continue
        if value is not None:
            values[key] = value
    return values, errors


def _column_values(values: EmployeeValues) -> dict:
    result = {}
    for name in _STORED_FIELDS:
        value = getattr(values, name)
        if isinstance(value, (Gender, ContractType, EmployeeStatus)):
            value = value.value
        result[name] = value
    return result


def _store_custom(session: Session, employee_id: int, custom: dict[str, str], replace: bool = False) -> None:
    definitions = custom_fields_service.active_definitions(session)
    if replace:
        active_ids = [d.id for d in definitions.values()]
        for row in session.execute(
            select(CustomFieldValue).where(
                CustomFieldValue.employee_id == employee_id, CustomFieldValue.field_id.in_(active_ids)
            )
        ).scalars():
            session.delete(row)
        session.flush()
    for key, value in custom.items():
        session.add(CustomFieldValue(employee_id=employee_id, field_id=definitions[key].id, value=value))


@dataclass(frozen=True)
class EmployeeBrief:
    id: int
    emp_no: str
    name: str
    department_name: str
    status: EmployeeStatus

    @property
    def label(self) -> str:
        return f"{self.emp_no} {self.name}（{self.department_name}）"


def search(ctx: ServiceContext, text: str, limit: int = 20, include_separated: bool = False) -> list[EmployeeBrief]:
    """Employees whose number starts with, or whose name contains, ``text`` (for pickers such as
    直属上级 or 部门负责人), within the caller's view scope."""
    scope = ctx.require(Permission.EMPLOYEE_VIEW)
    text = (text or "").strip()
    query = (
        select(Employee.id, Employee.emp_no, Employee.name, Department.name, Employee.status)
        .join(Department, Department.id == Employee.department_id)
        .order_by(Employee.emp_no)
        .limit(limit)
    )
    if text:
        query = query.where(
            (Employee.emp_no.like(f"{_escape_like(text)}%", escape="\\"))
            | (Employee.name.like(f"%{_escape_like(text)}%", escape="\\"))
        )
    if not include_separated:
        query = query.where(Employee.status != EmployeeStatus.SEPARATED.value)
    with ctx.read() as session:
        condition = employee_condition(session, ctx.actor, scope)
        if condition is not None:
            query = query.where(condition)
        return [EmployeeBrief(r[0], r[1], r[2], r[3], EmployeeStatus(r[4])) for r in session.execute(query)]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def id_by_emp_no(ctx: ServiceContext, emp_no: str) -> int:
    """The employee with this 工号, if the caller may see them; NotFound otherwise (the same message
    either way, so the command line does not reveal who exists)."""
    ctx.require(Permission.EMPLOYEE_VIEW)
    with ctx.read() as session:
        emp_id = session.execute(select(Employee.id).where(Employee.emp_no == (emp_no or "").strip())).scalar()
        if emp_id is None or not in_scope(session, ctx.actor, Permission.EMPLOYEE_VIEW, emp_id):
            raise NotFound(tr("找不到工号为 {0} 的员工。").format(emp_no))
        return emp_id

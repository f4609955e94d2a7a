"""Numbered documents the company issues: 离职证明 (LZ-), 在职证明 (ZM-) and 离职结算单 (JS-).

Each issued document is recorded with exactly what it said (so it can be reissued byte for byte)
and its SHA-256 (so a PDF someone shows later can be checked: issued by us and unaltered, a copy
of a number we issued but changed, or not ours at all). Issuing and reissuing are audited.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hrdesk.core.documents import appearance, certificate_income
from hrdesk.core.documents.income_choice import IncomeChoice
from hrdesk.core.documents.pdf import (
    CompanyLetterhead,
    EmploymentCertificate,
    SeparationCertificate,
    SettlementLine,
    SettlementStatement,
    render_employment_certificate,
    render_separation_certificate,
    render_settlement_statement,
)
from hrdesk.core.documents.tables import IssuedDocument
from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.flows.tables import Separation
from hrdesk.core.kernel.clock import local_date
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import NotFound, PermissionDenied, StateError, ValidationError
from hrdesk.core.kernel.exports import write_atomically
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Permission
from hrdesk.core.kernel.persistence import snapshots
from hrdesk.core.kernel.persistence.rows import stored_row
from hrdesk.core.kernel.persistence.tables import Company
from hrdesk.core.org.tables import Department, Position
from hrdesk.core.people.employee_rules import EmployeeStatus
from hrdesk.core.people.tables import Employee
from hrdesk.core.separation.compensation import service_length

SEPARATION, EMPLOYMENT, STATEMENT = "separation", "employment", "statement"
PREFIX = {SEPARATION: "LZ", EMPLOYMENT: "ZM", STATEMENT: "JS"}
NUMBER_IN_PDF = re.compile(rb"/Keywords \(((?:LZ|ZM|JS)-\d{4}-\d{4,})\)")


def kind_label(kind: str) -> str:
    return {SEPARATION: tr("离职证明"), EMPLOYMENT: tr("在职证明"), STATEMENT: tr("离职结算单")}[kind]


@dataclass(frozen=True)
class IssuedDoc:
    number: str
    kind: str
    employee_id: int
    employee_name: str
    sha256: str
    pdf: bytes
    issued_at: datetime
    issued_by: str
    reissued: bool = False  # an earlier issue with the same content was returned

    @property
    def file_name(self) -> str:
        return f"{self.number}_{self.employee_name}_{kind_label(self.kind)}.pdf"


@dataclass(frozen=True)
class Verification:
    status: str  # valid, altered, unknown
    number: str | None = None
    kind: str | None = None
    employee_name: str | None = None
    issued_at: datetime | None = None
    issued_by: str | None = None

    @property
    def message(self) -> str:
        if self.kind is not None and self.issued_at is not None:  # a document found in the register
            if self.status == "valid":
                return tr("有效：这是本公司于 {0} 开具的{1}（编号 {2}，{3}），内容未被改动。").format(
                    local_date(self.issued_at).isoformat(), kind_label(self.kind), self.number, self.employee_name
                )
            if self.status == "altered":
                return tr("内容已被改动：编号 {0} 是本公司开具的{1}（{2}），但此文件与开具时的原件不一致。").format(
                    self.number, kind_label(self.kind), self.employee_name
                )
        return tr("无法确认：本公司没有开具过与此文件一致的证明文件。")


# ---- shared pieces ----------------------------------------------------------------------------


def _require_issuer(ctx: ServiceContext) -> None:
    ctx.require_all(Permission.DOCUMENT_ISSUE)


def _letterhead(session: Session) -> tuple[CompanyLetterhead, dict]:
    company = session.get(Company, 1)
    opts = appearance.options(session)
    if company is None or not (company.name or "").strip():
        raise ValidationError({"company_name": tr("请先在“公司信息”中填写公司名称。")})
    if opts.require_seal and not opts.seal_sha256:
        raise ValidationError({"seal": tr("公司设置要求证明文件加盖公章，请先在“公司信息”中上传公章图片。")})
    content = {
        "name": company.name,
        "address": company.address or "",
        "phone": company.phone or "",
        "credit_code": company.credit_code or "",
        "seal_sha256": opts.seal_sha256,
    }
    return _letterhead_from(session, content), content


def _letterhead_from(session: Session, content: dict) -> CompanyLetterhead:
    return CompanyLetterhead(
        content["name"],
        content["address"],
        content["phone"],
        content["credit_code"],
        appearance.seal_png(session, content.get("seal_sha256")),
    )


def _employee(session: Session, employee_id: int) -> Employee:
    employee = session.get(Employee, employee_id)
    if employee is None:
        raise NotFound(tr("找不到该员工（编号 {0}）。").format(employee_id))
    return employee


def _names(session: Session, employee: Employee) -> tuple[str, str]:
    dept = session.get(Department, employee.department_id)
    position = session.get(Position, employee.position_id) if employee.position_id else None
    return (dept.name if dept else ""), (position.name if position else "")


def _next_number(session: Session, kind: str, year: int) -> str:
    prefix = f"{PREFIX[kind]}-{year}-"
    last = session.execute(
        select(func.max(IssuedDocument.number)).where(IssuedDocument.number.like(prefix + "%"))
    ).scalar()
    sequence = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{sequence:04d}"


def _day(value: str) -> date:
    """A date that is always recorded (the issue date, the hire date ...)."""
    return date.fromisoformat(value)


def _d(value: str | None) -> date | None:
    """A date that may be left empty (the end of an open-ended contract)."""
    return date.fromisoformat(value) if value else None


def render(session: Session, kind: str, number: str, content: dict) -> bytes:
    """The PDF of a document from what was recorded when it was issued."""
    company = _letterhead_from(session, content["company"])
    f = content["fields"]
    if kind == SEPARATION:
        return render_separation_certificate(
            SeparationCertificate(
                number,
                company,
                f["employee_name"],
                f["id_number"],
                f["position"],
                _day(f["hire_date"]),
                _day(f["contract_start"]),
                _d(f["contract_end"]),
                _day(f["last_working_day"]),
                _day(f["termination_date"]),
                f["years_of_service"],
                _day(f["issue_date"]),
                f["department"],
                f["reason"],
                f["expired"],
            )
        )
    if kind == EMPLOYMENT:
        if "income" in f:
            income, include_salary, salary = certificate_income.from_record(f["income"]), False, None
        else:  # issued before the income choice: the 基本工资 in the words of then
            income, include_salary = None, f["include_salary"]
            salary = Decimal(f["monthly_salary"]) if f["monthly_salary"] else None
        return render_employment_certificate(
            EmploymentCertificate(
                number,
                company,
                f["employee_name"],
                f["id_number"],
                _day(f["hire_date"]),
                f["position"],
                _day(f["issue_date"]),
                f["department"],
                f["purpose"],
                include_salary,
                salary,
                f["contact"],
                income,
            )
        )
    return render_settlement_statement(
        SettlementStatement(
            number,
            company,
            f["employee_name"],
            f["emp_no"],
            f["department"],
            f["position"],
            _day(f["hire_date"]),
            _day(f["last_working_day"]),
            _day(f["termination_date"]),
            f["separation_type"],
            tuple(SettlementLine(item, basis, Decimal(amount)) for item, basis, amount in f["lines"]),
            _day(f["issue_date"]),
            f["id_number"],
        )
    )


def _issue(
    ctx: ServiceContext, session: Session, kind: str, employee: Employee, company: dict, fields: dict
) -> IssuedDoc:
    """Record and render; the same content issued again (same day, same fields) returns the first."""
    content = {"company": company, "fields": fields}
    text = json.dumps(content, ensure_ascii=False, sort_keys=True)
    existing = (
        session.execute(
            select(IssuedDocument).where(
                IssuedDocument.employee_id == employee.id, IssuedDocument.kind == kind, IssuedDocument.content == text
            )
        )
        .scalars()
        .first()
    )
    if existing is not None:
        return _reissue_row(ctx, session, existing, employee.name)
    number = _next_number(session, kind, ctx.clock.today().year)
    pdf = render(session, kind, number, content)
    digest = hashlib.sha256(pdf).hexdigest()
    length, head = snapshots.chain_head(session)
    row = IssuedDocument(
        number=number,
        kind=kind,
        employee_id=employee.id,
        content=text,
        sha256=digest,
        size=len(pdf),
        issued_at=ctx.clock.now(),
        issued_by=ctx.actor.display_name,
        chain_length=length,
        chain_head=head,
    )
    session.add(row)
    session.flush()
    return IssuedDoc(number, kind, employee.id, employee.name, digest, pdf, row.issued_at, row.issued_by)


def _audit_issue(tx, doc: IssuedDoc, income: IncomeChoice | None = None) -> None:
    """The audit record names the document and its hash; for a 在职证明 also which income it states
    (the figure itself stays in the document's recorded content)."""
    action = "document.reissue" if doc.reissued else "document.issue"
    summary = tr("{0}{1} {2}（SHA-256 {3}…）").format(
        tr("补打") if doc.reissued else tr("开具"), kind_label(doc.kind), doc.number, doc.sha256[:12]
    )
    after = {"number": doc.number, "kind": doc.kind, "sha256": doc.sha256, "size": len(doc.pdf)}
    if income is not None:
        summary += tr("，收入：{0}").format(income.label)
        after["income"] = income.label
    tx.audit(action, "employee", doc.employee_id, summary, None, after)
    tx.changed("document", "created", doc.employee_id)


def _reissue_row(ctx: ServiceContext, session: Session, row: IssuedDocument, name: str) -> IssuedDoc:
    pdf = render(session, row.kind, row.number, json.loads(row.content))
    digest = hashlib.sha256(pdf).hexdigest()
    if digest != row.sha256:  # the renderer changed since: the record must say what is handed out now
        raise StateError(
            tr("无法原样补打 {0}：本版本程序生成的文件与开具时不一致。请重新开具一份新编号的证明。").format(row.number)
        )
    return IssuedDoc(row.number, row.kind, row.employee_id, name, digest, pdf, row.issued_at, row.issued_by, True)


# ---- the documents ----------------------------------------------------------------------------


def separation_certificate(ctx: ServiceContext, employee_id: int, *, show_reason: bool | None = None) -> IssuedDoc:
    """离职证明 (劳动合同法 art. 50; 实施条例 art. 24) for an employee whose separation is complete."""
    _require_issuer(ctx)
    with ctx.transaction() as tx:
        session = tx.session
        doc = _separation_certificate_in(ctx, session, _employee(session, employee_id), show_reason)
        _audit_issue(tx, doc)
        return doc


def _separation_certificate_in(
    ctx: ServiceContext, session: Session, employee: Employee, show_reason: bool | None
) -> IssuedDoc:
    if employee.status != EmployeeStatus.SEPARATED.value or employee.last_working_day is None:
        raise StateError(
            tr("{0}（{1}）尚未离职，不能开具离职证明；在职员工请开具在职证明。").format(
                employee.name, EmployeeStatus(employee.status).label
            )
        )
    _require_contract(employee)
    company, company_content = _letterhead(session)
    separation = session.execute(
        select(Separation).where(Separation.employee_id == employee.id).order_by(Separation.id.desc()).limit(1)
    ).scalar()
    reason = SeparationReason(separation.reason) if separation else None
    if show_reason is None:
        show_reason = appearance.options(session).show_reason
    department, position = _names(session, employee)
    last = employee.last_working_day
    fields = {
        "employee_name": employee.name,
        "id_number": employee.id_number,
        "position": position or tr("员工"),
        "hire_date": employee.hire_date.isoformat(),
        "contract_start": (employee.contract_start or employee.hire_date).isoformat(),
        "contract_end": employee.contract_end.isoformat()
        if employee.contract_type != "open_ended" and employee.contract_end
        else None,
        "last_working_day": last.isoformat(),
        "termination_date": last.isoformat(),
        "years_of_service": service_length(employee.hire_date, last).text,
        "issue_date": ctx.clock.today().isoformat(),
        "department": department,
        "reason": reason.label if (show_reason and reason) else None,
        "expired": reason is not None and reason.ends_by_expiry,  # 终止; every other reason 解除
    }
    return _issue(ctx, session, SEPARATION, employee, company_content, fields)


def _require_contract(employee: Employee) -> None:
    """实施条例 art. 24: the certificate states the contract term, so it must be on record."""
    from hrdesk.core.people.employee_rules import ContractType

    kind = ContractType(employee.contract_type) if employee.contract_type else None
    if kind is None or (kind is not ContractType.OPEN_ENDED and employee.contract_end is None):
        raise ValidationError(
            {
                "contract_type": tr(
                    "{0}的员工档案中没有完整的劳动合同期限（合同类型和起止日期）；离职证明须写明劳动合同期限，"
                    "请先补充档案。"
                ).format(employee.name)
            }
        )


def employment_certificate(
    ctx: ServiceContext,
    employee_id: int,
    *,
    purpose: str | None = None,
    income: IncomeChoice | None = None,
    contact: str | None = None,
) -> IssuedDoc:
    """在职证明 for a current employee; a monthly income only when asked for, worded as the figure
    ``income`` chose (certificate_income says how each is worked out)."""
    _require_issuer(ctx)
    income = income or IncomeChoice()
    certificate_income.require_income_right(ctx, income)
    with ctx.transaction() as tx:
        session = tx.session
        employee = _employee(session, employee_id)
        if employee.status == EmployeeStatus.SEPARATED.value:
            raise StateError(tr("{0}已离职，不能开具在职证明；请开具离职证明。").format(employee.name))
        _, company_content = _letterhead(session)
        department, position = _names(session, employee)
        fields = {
            "employee_name": employee.name,
            "id_number": employee.id_number,
            "hire_date": employee.hire_date.isoformat(),
            "position": position or tr("员工"),
            "issue_date": ctx.clock.today().isoformat(),
            "department": department,
            "purpose": (purpose or "").strip() or None,
            "income": certificate_income.to_record(
                certificate_income.stated_income(session, employee, income, ctx.clock.today())
            ),
            "contact": (contact or "").strip() or None,
        }
        doc = _issue(ctx, session, EMPLOYMENT, employee, company_content, fields)
        _audit_issue(tx, doc, income)
        return doc


def settlement_statement(ctx: ServiceContext, employee_id: int) -> IssuedDoc:
    """离职结算单 as finance approved it, for the employee to sign."""
    _require_issuer(ctx)
    from hrdesk.core.separation import settlement

    st = settlement.statement(ctx, employee_id)
    if not st.approved:
        raise StateError(tr("离职结算尚未经财务审核，暂不能打印结算单。"))
    with ctx.transaction() as tx:
        session = tx.session
        employee = _employee(session, employee_id)
        _, company_content = _letterhead(session)
        fields = {
            "employee_name": st.name,
            "emp_no": st.emp_no,
            "department": st.department,
            "position": st.position,
            "hire_date": st.hire_date.isoformat(),
            "last_working_day": st.last_working_day.isoformat(),
            "termination_date": st.last_working_day.isoformat(),
            "separation_type": st.reason.label,
            "lines": [[ln.item, ln.basis, str(ln.amount)] for ln in st.lines if ln.section != "net"],
            "issue_date": ctx.clock.today().isoformat(),
            "id_number": employee.id_number,
        }
        doc = _issue(ctx, session, STATEMENT, employee, company_content, fields)
        _audit_issue(tx, doc)
        return doc


def reissue(ctx: ServiceContext, number: str) -> IssuedDoc:
    """The same PDF, byte for byte, as when ``number`` was issued."""
    _require_issuer(ctx)
    with ctx.transaction() as tx:
        session = tx.session
        row = session.execute(
            select(IssuedDocument).where(IssuedDocument.number == (number or "").strip().upper())
        ).scalar_one_or_none()
        if row is None:
            raise NotFound(tr("没有编号为 {0} 的证明文件。").format(number))
        doc = _reissue_row(ctx, session, row, _employee(session, row.employee_id).name)
        _audit_issue(tx, doc)
        return doc


@dataclass(frozen=True)
class DocumentRecord:
    number: str
    kind: str
    employee_id: int
    employee_name: str
    sha256: str
    issued_at: datetime
    issued_by: str


def issued(ctx: ServiceContext, employee_id: int | None = None) -> list[DocumentRecord]:
    if not (ctx.actor.can_all(Permission.DOCUMENT_ISSUE) or ctx.actor.can_all(Permission.AUDIT_VIEW)):
        raise PermissionDenied(tr("您没有查看证明文件记录的权限。"))
    with ctx.read() as session:
        query = (
            select(IssuedDocument, Employee.name)
            .join(Employee, Employee.id == IssuedDocument.employee_id)
            .order_by(IssuedDocument.id.desc())
        )
        if employee_id is not None:
            query = query.where(IssuedDocument.employee_id == employee_id)
        return [
            DocumentRecord(r.number, r.kind, r.employee_id, name, r.sha256, r.issued_at, r.issued_by)
            for r, name in session.execute(query)
        ]


def verify(ctx: ServiceContext, pdf: bytes) -> Verification:
    """Whether ``pdf`` is a document this company issued, unaltered. Reveals only the number, the kind,
    the person's name and when it was issued, which the document itself shows."""
    digest = hashlib.sha256(pdf).hexdigest()
    with ctx.read() as session:
        row = session.execute(select(IssuedDocument).where(IssuedDocument.sha256 == digest)).scalars().first()
        status = "valid"
        if row is None:
            match = NUMBER_IN_PDF.search(pdf)
            row = (
                session.execute(
                    select(IssuedDocument).where(IssuedDocument.number == match.group(1).decode())
                ).scalar_one_or_none()
                if match
                else None
            )
            status = "altered"
        if row is None:
            return Verification("unknown")
        name = stored_row(session, Employee, row.employee_id).name
        return Verification(status, row.number, row.kind, name, row.issued_at, row.issued_by)


# ---- batch ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchResult:
    written: tuple[Path, ...]
    total: int
    cancelled: bool


def separated_between(ctx: ServiceContext, date_from: date, date_to: date) -> list[int]:
    _require_issuer(ctx)
    if date_to < date_from:
        raise ValidationError({"date_to": tr("结束日期不能早于开始日期")})
    with ctx.read() as session:
        return list(
            session.execute(
                select(Employee.id)
                .where(
                    Employee.status == EmployeeStatus.SEPARATED.value,
                    Employee.last_working_day >= date_from,
                    Employee.last_working_day <= date_to,
                )
                .order_by(Employee.last_working_day, Employee.emp_no)
            ).scalars()
        )


def batch_separation_certificates(
    ctx: ServiceContext,
    date_from: date,
    date_to: date,
    folder: str | os.PathLike,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BatchResult:
    """离职证明 for everyone separated between the two dates, one PDF each in ``folder``.

    Each certificate is its own transaction and file, so cancelling keeps what is done."""
    ids = separated_between(ctx, date_from, date_to)
    target = Path(folder)
    if not target.is_dir():
        raise ValidationError({"folder": tr("文件夹“{0}”不存在。").format(target)})
    written: list[Path] = []
    for index, employee_id in enumerate(ids):
        if cancelled is not None and cancelled():
            return BatchResult(tuple(written), len(ids), True)
        doc = separation_certificate(ctx, employee_id)
        written.append(save_pdf(doc, target / doc.file_name))
        if progress is not None:
            progress(index + 1, len(ids))
    return BatchResult(tuple(written), len(ids), False)


def save_pdf(doc: IssuedDoc, path: str | os.PathLike) -> Path:
    return write_atomically(path, lambda temp: temp.write_bytes(doc.pdf))

"""离职证明 (separation certificate) and 在职证明 (employment certificate) as PDF bytes.

The separation certificate is what 劳动合同法 art. 50 requires at termination; 实施条例 art. 24
says what it must state: the contract term, the date of termination, the position and the years
of service in this company. It never states a wage, and the reason for leaving only when the
caller passes one (a reason such as misconduct on a paper the employee shows the next employer is
a dispute risk, so it is off by default). The employment certificate (for visas, loans, rentals)
states a monthly income only when the employee asked for it (``income``), and says which figure it
is: the 基本工资, the fixed monthly pay or the average 应发 of named months.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from hrdesk.core.documents.income_choice import IncomeBasis
from hrdesk.core.documents.pdf.amounts import amount_in_words, money_text
from hrdesk.core.documents.pdf.document import build_pdf, paragraph
from hrdesk.core.documents.pdf.fonts import require_drawable
from hrdesk.core.documents.pdf.letterhead import CompanyLetterhead, SignatureBlock, Title, cn_date, seal_image
from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.kernel.i18n import tr


@dataclass(frozen=True)
class SeparationCertificate:
    number: str  # e.g. LZ-2026-0001
    company: CompanyLetterhead
    employee_name: str
    id_number: str
    position: str
    hire_date: date
    contract_start: date
    contract_end: date | None  # None: an open-ended contract (无固定期限)
    last_working_day: date
    termination_date: date
    years_of_service: str  # e.g. "6年2个月" (settlement.compensation.service_length(...).text)
    issue_date: date
    department: str = ""
    reason: str | None = None  # printed only when given
    expired: bool = False  # the contract ended by expiry (终止) rather than being ended early (解除)


@dataclass(frozen=True)
class StatedIncome:
    """The monthly income a 在职证明 states and what it is (before tax)."""

    basis: IncomeBasis  # never NONE: no income is ``income=None``
    amount: Decimal
    allowances: tuple[str, ...] = ()  # FIXED_MONTHLY: the names of the fixed allowances included
    months: tuple[date, ...] = ()  # AVERAGE_GROSS: the months averaged (first days), oldest first


@dataclass(frozen=True)
class EmploymentCertificate:
    number: str  # e.g. ZM-2026-0001
    company: CompanyLetterhead
    employee_name: str
    id_number: str
    hire_date: date
    position: str
    issue_date: date
    department: str = ""
    purpose: str | None = None  # e.g. "办理签证": "本证明仅用于办理签证，不作其他用途。"
    # certificates issued before the income choice stated the 基本工资 in their own words; these two
    # fields keep them reissuing byte for byte (new certificates use ``income``)
    include_salary: bool = False
    monthly_salary: Decimal | None = None  # before tax; printed only with include_salary
    contact: str | None = None  # how a reader can verify, e.g. "人力资源部 021-12345678"
    income: StatedIncome | None = None


def _require(**fields: tuple[str | None, str]) -> None:
    """Each field is (value, label); a ValidationError naming every blank one."""
    missing = {
        name: tr("请填写{0}").format(label) for name, (value, label) in fields.items() if not (value or "").strip()
    }
    if missing:
        raise ValidationError(missing)


def _contract_term(start: date, end: date | None) -> str:
    if end is None:
        return tr("双方订立的是自{0}起的无固定期限劳动合同。").format(cn_date(start))
    return tr("双方订立的劳动合同期限为{0}至{1}。").format(cn_date(start), cn_date(end))


def separation_certificate_paragraphs(cert: SeparationCertificate) -> list[str]:
    """The body text, one string per paragraph."""
    name = cert.employee_name
    post = (
        tr("离职前在{0}担任{1}职务").format(cert.department, cert.position)
        if cert.department
        else tr("离职前担任{0}职务").format(cert.position)
    )
    ended = tr("终止") if cert.expired else tr("解除")
    paragraphs = [
        tr("兹证明{0}（身份证号码：{1}）于{2}入职本公司，{3}。").format(
            name, cert.id_number, cn_date(cert.hire_date), post
        ),
        _contract_term(cert.contract_start, cert.contract_end),
        tr("{0}的最后工作日为{1}。双方劳动合同已于{2}{3}，劳动关系于同日终止。{0}在本公司的工作年限为{4}。").format(
            name, cn_date(cert.last_working_day), cn_date(cert.termination_date), ended, cert.years_of_service
        ),
    ]
    if cert.reason:
        paragraphs.append(tr("离职原因：{0}。").format(cert.reason.rstrip("。")))
    paragraphs.append(tr("本证明依据《中华人民共和国劳动合同法》第五十条出具。"))
    paragraphs.append(tr("特此证明。"))
    return paragraphs


def render_separation_certificate(cert: SeparationCertificate) -> bytes:
    """离职证明 as PDF bytes; the same certificate always gives the same bytes."""
    _require(
        employee_name=(cert.employee_name, tr("员工姓名")),
        position=(cert.position, tr("岗位")),
        number=(cert.number, tr("证明编号")),
        company=(cert.company.name, tr("公司名称")),
        years_of_service=(cert.years_of_service, tr("工作年限")),
    )
    if cert.termination_date < cert.hire_date or cert.last_working_day < cert.hire_date:
        raise ValidationError({"termination_date": tr("离职日期不能早于入职日期")})
    require_drawable(cert)
    story = [Title(tr("离职证明"))]
    story += [paragraph(p) for p in separation_certificate_paragraphs(cert)]
    story.append(SignatureBlock(cert.company, cert.issue_date, seal=seal_image(cert.company)))
    return build_pdf(
        story,
        company=cert.company,
        number=cert.number,
        title=tr("离职证明"),
        subject=cert.employee_name,
        issue_date=cert.issue_date,
    )


def employment_certificate_paragraphs(cert: EmploymentCertificate) -> list[str]:
    name = cert.employee_name
    post = (
        tr("现在{0}担任{1}职务").format(cert.department, cert.position)
        if cert.department
        else tr("现任{0}职务").format(cert.position)
    )
    paragraphs = [
        tr("兹证明{0}（身份证号码：{1}）自{2}起在本公司工作，{3}。").format(
            name, cert.id_number, cn_date(cert.hire_date), post
        )
    ]
    if cert.income is not None:
        paragraphs.append(income_sentence(cert.income))
    elif cert.include_salary:
        salary = cert.monthly_salary
        if salary is None:
            raise ValidationError({"monthly_salary": tr("选择了写明月收入，但没有月收入金额")})
        paragraphs.append(
            tr("其税前月收入为人民币{0}元（大写：{1}）。").format(money_text(salary), amount_in_words(salary))
        )
    if cert.purpose:
        paragraphs.append(tr("本证明仅用于{0}，不作其他用途。").format(cert.purpose.rstrip("。")))
    if cert.contact:
        paragraphs.append(tr("如需核实，请联系本公司：{0}。").format(cert.contact.rstrip("。")))
    paragraphs.append(tr("特此证明。"))
    return paragraphs


def _month_name(month: date) -> str:
    return tr("{0}年{1}月").format(month.year, month.month)


def _months_text(months: tuple[date, ...]) -> str:
    """2025年10月至2026年3月 for consecutive months, else each one: 2025年10月、2025年12月."""
    consecutive = all(
        (b.year * 12 + b.month) - (a.year * 12 + a.month) == 1 for a, b in zip(months, months[1:], strict=False)
    )
    if consecutive and len(months) > 1:
        return tr("{0}至{1}").format(_month_name(months[0]), _month_name(months[-1]))
    return "、".join(_month_name(m) for m in months)


def income_sentence(income: StatedIncome) -> str:
    """The sentence stating the income, naming the figure: a reader must not take an average of
    paid wages for a contractual salary, or the 基本工资 for all the pay."""
    if income.amount <= 0:
        raise ValidationError({"income": tr("月收入金额必须大于0")})
    figure = tr("人民币{0}元（大写：{1}）").format(money_text(income.amount), amount_in_words(income.amount))
    if income.basis is IncomeBasis.BASE_SALARY:
        return tr("其月收入（基本工资，税前）为{0}。").format(figure)
    if income.basis is IncomeBasis.FIXED_MONTHLY:
        if income.allowances:
            what = tr("固定月薪，含基本工资及{0}，税前").format("、".join(income.allowances))
        else:
            what = tr("固定月薪，即基本工资，税前")
        return tr("其月收入（{0}）为{1}。").format(what, figure)
    if income.basis is IncomeBasis.AVERAGE_GROSS:
        if not income.months:
            raise ValidationError({"income": tr("平均应发工资须写明所平均的月份")})
        return tr("其月收入（近{0}个月平均应发工资，税前）为{1}，按{2}共{0}个月的应发工资平均计算。").format(
            len(income.months), figure, _months_text(income.months)
        )
    raise ValidationError({"income": tr("未选择要写明的收入")})


def render_employment_certificate(cert: EmploymentCertificate) -> bytes:
    """在职证明 as PDF bytes; an income appears only when one is given."""
    _require(
        employee_name=(cert.employee_name, tr("员工姓名")),
        position=(cert.position, tr("岗位")),
        number=(cert.number, tr("证明编号")),
        company=(cert.company.name, tr("公司名称")),
    )
    require_drawable(cert)
    story = [Title(tr("在职证明"))]
    story += [paragraph(p) for p in employment_certificate_paragraphs(cert)]
    story.append(SignatureBlock(cert.company, cert.issue_date, seal=seal_image(cert.company)))
    return build_pdf(
        story,
        company=cert.company,
        number=cert.number,
        title=tr("在职证明"),
        subject=cert.employee_name,
        issue_date=cert.issue_date,
    )

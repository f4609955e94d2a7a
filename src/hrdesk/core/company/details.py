"""The company's details (名称, 统一社会信用代码, 地址, 电话): shown on every document and payroll file,
changed by administrators."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from stdnum.cn import uscc

from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import NotFound, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Permission
from hrdesk.core.kernel.persistence.tables import Company
from hrdesk.core.kernel.text_rules import text_problem


@dataclass(frozen=True)
class CompanyInfo:
    name: str
    credit_code: str | None
    address: str | None
    phone: str | None


def validate_company(
    name: str, credit_code: str | None, address: str | None = None, phone: str | None = None
) -> dict[str, str]:
    errors = {}
    for key, value, label in (
        ("company_name", name, tr("公司名称")),
        ("address", address, tr("地址")),
        ("phone", phone, tr("电话")),
    ):
        problem = text_problem(value, label)
        if problem:
            errors[key] = problem
    if errors:
        return errors
    if address and len(address.strip()) > 200:
        errors["address"] = tr("地址最多200个字")
    if phone and len(phone.strip()) > 40:
        errors["phone"] = tr("电话最多40个字符")
    if not (name or "").strip():
        errors["company_name"] = tr("请填写公司名称")
    elif len(name.strip()) > 100:
        errors["company_name"] = tr("公司名称最多100个字")
    if credit_code and not uscc.is_valid(credit_code.strip().upper()):
        errors["credit_code"] = tr("统一社会信用代码应为18位且校验位正确")
    return errors


def get_company(ctx: ServiceContext) -> CompanyInfo:
    with ctx.read() as session:
        company = session.execute(select(Company)).scalar_one_or_none()
        if company is None:
            raise NotFound(tr("公司信息缺失。"))
        return CompanyInfo(company.name, company.credit_code, company.address, company.phone)


def update_company(ctx: ServiceContext, info: CompanyInfo) -> CompanyInfo:
    ctx.require_all(Permission.COMPANY_MANAGE)
    errors = validate_company(info.name, info.credit_code, info.address, info.phone)
    if errors:
        raise ValidationError(errors)
    with ctx.transaction() as tx:
        company = tx.session.execute(select(Company)).scalar_one()
        before = {
            "name": company.name,
            "credit_code": company.credit_code,
            "address": company.address,
            "phone": company.phone,
        }
        company.name = info.name.strip()
        company.credit_code = (info.credit_code or "").strip().upper() or None
        company.address = (info.address or "").strip() or None
        company.phone = (info.phone or "").strip() or None
        after = {
            "name": company.name,
            "credit_code": company.credit_code,
            "address": company.address,
            "phone": company.phone,
        }
        tx.audit("company.update", "company", 1, tr("修改公司信息"), before, after)
        tx.changed("company", "updated", 1)
        return CompanyInfo(company.name, company.credit_code, company.address, company.phone)

"""What employees declare for income tax: the monthly 专项附加扣除 (in force from a month until the
next declaration of the same tax year) and, per tax year, the options (6万 deduction, bonus taxed
separately, 5,000 from January) and, for a company starting mid-year, the year-to-date figures.

The same rules as the other payroll inputs apply: HR and finance change them, and a paid month is
locked (see ``payroll_inputs``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrdesk.core.kernel.context import ServiceContext, Transaction
from hrdesk.core.kernel.errors import NotFound, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.money import MoneyError, parse_money
from hrdesk.core.kernel.months import first_of_month, month_end
from hrdesk.core.kernel.permissions import Permission
from hrdesk.core.payroll import defaults, policies
from hrdesk.core.payroll.inputs import MAX_AMOUNT, Person, get_employee, people_between, require_open_month
from hrdesk.core.payroll.rules import codec, policy
from hrdesk.core.payroll.tables import PayrollResult, PayrollRun, SpecialDeduction, TaxYearProfile
from hrdesk.core.payroll.wage_history import monthly_history

ADDITIONAL_CODES = (
    "child_education",
    "infant_care",
    "elderly_support",
    "continuing_education",
    "housing_loan",
    "housing_rent",
    "serious_illness",
)
# serious_illness is declared for the annual reconciliation and never deducted monthly.
MONTHLY_ADDITIONAL_CODES = ADDITIONAL_CODES[:-1]


def additional_label(code: str) -> str:
    return {
        "child_education": tr("子女教育"),
        "infant_care": tr("3岁以下婴幼儿照护"),
        "elderly_support": tr("赡养老人"),
        "continuing_education": tr("继续教育"),
        "housing_loan": tr("住房贷款利息"),
        "housing_rent": tr("住房租金"),
        "serious_illness": tr("大病医疗"),
    }[code]


# ---- special additional deductions ------------------------------------------------------------


@dataclass(frozen=True)
class Declaration:
    employee_id: int
    month: date  # declared from
    amounts: dict[str, Decimal]

    @property
    def monthly_total(self) -> Decimal:
        return sum((self.amounts.get(code, Decimal(0)) for code in MONTHLY_ADDITIONAL_CODES), Decimal("0.00"))


def declaration_in_force(session: Session, employee_id: int, month: date) -> Declaration | None:
    row = session.execute(
        select(SpecialDeduction)
        .where(
            SpecialDeduction.employee_id == employee_id,
            SpecialDeduction.month <= month,
            SpecialDeduction.month >= date(month.year, 1, 1),
        )
        .order_by(SpecialDeduction.month.desc())
        .limit(1)
    ).scalar()
    return None if row is None else _declaration(row)


def _declaration(row: SpecialDeduction) -> Declaration:
    return Declaration(row.employee_id, row.month, {code: getattr(row, code) for code in ADDITIONAL_CODES})


def special_deduction(ctx: ServiceContext, employee_id: int, month: date) -> Declaration | None:
    """The declaration in force for the month (the latest one of the same tax year)."""
    ctx.require_all(Permission.PAYROLL_VIEW)
    with ctx.read() as session:
        return declaration_in_force(session, employee_id, first_of_month(month))


def declarations(ctx: ServiceContext, month: date) -> list[tuple[Person, Declaration | None]]:
    """Everyone employed in the month with the declaration in force for it (None: nothing declared)."""
    ctx.require_all(Permission.PAYROLL_VIEW)
    month = first_of_month(month)
    with ctx.read() as session:
        latest: dict[int, SpecialDeduction] = {}
        for row in session.execute(
            select(SpecialDeduction)
            .where(SpecialDeduction.month >= date(month.year, 1, 1), SpecialDeduction.month <= month)
            .order_by(SpecialDeduction.month)
        ).scalars():
            latest[row.employee_id] = row
        people = people_between(session, month, month_end(month))
        return [(p, _declaration(latest[p.id]) if p.id in latest else None) for p in people]


def validate_declaration(amounts: dict, limits: dict[str, Decimal] | None = None) -> dict[str, Decimal]:
    """Parsed amounts; ValidationError naming each field that is wrong."""
    values, errors = {}, {}
    for code in ADDITIONAL_CODES:
        raw = amounts.get(code)
        if raw in (None, ""):
            values[code] = Decimal("0.00")
            continue
        try:
            values[code] = parse_money(raw, maximum=MAX_AMOUNT)
        except MoneyError as exc:
            errors[code] = str(exc)
    if not errors and values["housing_loan"] and values["housing_rent"]:
        errors["housing_rent"] = tr("住房贷款利息和住房租金不能同时扣除")
    limits = limits or {}
    for code in ("elderly_support", "housing_loan", "housing_rent"):
        limit = limits.get(code)
        if code not in errors and limit is not None and values.get(code, 0) > limit:
            errors[code] = tr("{0}每月最多 {1}").format(additional_label(code), f"{limit:,.2f}")
    if errors:
        raise ValidationError(errors)
    return values


def set_special_deduction(
    ctx: ServiceContext, employee_id: int, month: date, amounts: dict, limits: dict[str, Decimal] | None = None
) -> Declaration:
    """Declare the monthly amounts in force from ``month`` for the rest of its tax year."""
    ctx.require_all(Permission.PAYROLL_INPUT)
    month = first_of_month(month)
    if limits is None:
        limits = deduction_limits(ctx, month)  # the standard in force, unless the caller passes its own
    values = validate_declaration(amounts, limits)
    with ctx.transaction() as tx:
        session = tx.session
        employee = get_employee(session, employee_id)
        require_open_month(session, month)
        row = session.execute(
            select(SpecialDeduction).where(SpecialDeduction.employee_id == employee_id, SpecialDeduction.month == month)
        ).scalar_one_or_none()
        row = store_declaration(tx, employee_id, employee.name, month, values, row)
        session.flush()
        tx.changed("payroll_input", "updated", employee_id)
        return _declaration(row)


def remove_special_deduction(ctx: ServiceContext, employee_id: int, month: date) -> None:
    """Withdraw the declaration made for ``month`` (a mistaken one); the earlier declaration of the
    year, if any, is in force again from that month."""
    ctx.require_all(Permission.PAYROLL_INPUT)
    month = first_of_month(month)
    with ctx.transaction() as tx:
        session = tx.session
        employee = get_employee(session, employee_id)
        row = session.execute(
            select(SpecialDeduction).where(SpecialDeduction.employee_id == employee_id, SpecialDeduction.month == month)
        ).scalar_one_or_none()
        if row is None:
            raise NotFound(tr("{0} 没有自 {1} 起的专项附加扣除申报。").format(employee.name, month.strftime("%Y-%m")))
        require_open_month(session, month)
        tx.audit(
            "special_deduction.remove",
            "employee",
            employee_id,
            tr("撤销 {0} 自 {1} 起的专项附加扣除").format(employee.name, month.strftime("%Y-%m")),
            {code: getattr(row, code) for code in ADDITIONAL_CODES},
            None,
        )
        session.delete(row)
        tx.changed("payroll_input", "updated", employee_id)


def store_declaration(
    tx: Transaction,
    employee_id: int,
    employee_name: str,
    month: date,
    values: dict[str, Decimal],
    row: SpecialDeduction | None,
) -> SpecialDeduction:
    """Write checked amounts (from :func:`validate_declaration`) into ``row``, the employee's
    declaration of that same month if there is one, inside the caller's transaction, with the audit
    record; no flush and no change notice."""
    before = None
    if row is None:
        row = SpecialDeduction(employee_id=employee_id, month=month)
        tx.session.add(row)
    else:
        before = {code: getattr(row, code) for code in ADDITIONAL_CODES}
    for code, value in values.items():
        setattr(row, code, value)
    row.updated_at = tx.ctx.clock.now()
    tx.audit(
        "special_deduction.set",
        "employee",
        employee_id,
        tr("{0} 自 {1} 起的专项附加扣除").format(employee_name, month.strftime("%Y-%m")),
        before,
        dict(values),
    )
    return row


def declaration_limits(session: Session, month: date) -> dict[str, Decimal]:
    """The monthly maximums of the 专项附加扣除 standard in force for ``month`` (empty if none)."""
    deductions = policies.load_set(session).at(policy.IIT_DEDUCTIONS, "", first_of_month(month))
    return dict(deductions.limits) if deductions is not None else {}


def deduction_limits(ctx: ServiceContext, month: date) -> dict[str, Decimal]:
    """:func:`declaration_limits` for a dialog, to pass to :func:`set_special_deduction`."""
    ctx.require(Permission.PAYROLL_VIEW)
    with ctx.transaction() as tx:  # may install the default policies
        defaults.ensure_defaults(tx.session, ctx.clock.now())
        return declaration_limits(tx.session, month)


# ---- tax options and year-to-date figures -----------------------------------------------------


@dataclass(frozen=True)
class TaxProfile:
    """A year's tax options and opening figures: as stored (amounts are Decimal), or as typed in or
    imported (amounts may still be text), which :func:`validate_profile` parses."""

    employee_id: int
    year: int
    low_income: bool = False
    bonus_separately: bool = True
    basic_from_january: bool = False
    opening_months: int = 0
    opening_income: Decimal | str = Decimal("0.00")
    opening_tax_free: Decimal | str = Decimal("0.00")
    opening_special: Decimal | str = Decimal("0.00")
    opening_additional: Decimal | str = Decimal("0.00")
    opening_other: Decimal | str = Decimal("0.00")
    opening_tax: Decimal | str = Decimal("0.00")


OPENING_FIELDS = (
    "opening_income",
    "opening_tax_free",
    "opening_special",
    "opening_additional",
    "opening_other",
    "opening_tax",
)


def profile_from_row(row: TaxYearProfile | None, employee_id: int, year: int) -> TaxProfile:
    if row is None:
        return TaxProfile(employee_id, year)
    return TaxProfile(
        employee_id,
        year,
        row.low_income,
        row.bonus_separately,
        row.basic_from_january,
        row.opening_months,
        *(getattr(row, f) for f in OPENING_FIELDS),
    )


def tax_profile(ctx: ServiceContext, employee_id: int, year: int) -> TaxProfile:
    ctx.require_all(Permission.PAYROLL_VIEW)
    with ctx.read() as session:
        return profile_from_row(session.get(TaxYearProfile, (employee_id, year)), employee_id, year)


def tax_profiles(ctx: ServiceContext, year: int) -> list[tuple[Person, TaxProfile, bool]]:
    """Everyone employed during the year with their profile for it; the flag says whether one was
    saved (False: the defaults apply)."""
    ctx.require_all(Permission.PAYROLL_VIEW)
    with ctx.read() as session:
        stored = {
            r.employee_id: r
            for r in session.execute(select(TaxYearProfile).where(TaxYearProfile.year == year)).scalars()
        }
        people = people_between(session, date(year, 1, 1), date(year, 12, 31))
        return [(p, profile_from_row(stored.get(p.id), p.id, year), p.id in stored) for p in people]


def validate_profile(profile: TaxProfile) -> dict[str, Decimal]:
    values: dict[str, Decimal] = {}
    errors: dict[str, str] = {}
    if not 0 <= profile.opening_months <= 11:
        errors["opening_months"] = tr("已发薪月数应在0到11之间")
    for name in OPENING_FIELDS:
        try:
            values[name] = parse_money(getattr(profile, name) or Decimal(0), maximum=Decimal("999999999.99"))
        except MoneyError as exc:
            errors[name] = str(exc)
    if not errors and values["opening_tax_free"] > values["opening_income"]:
        errors["opening_tax_free"] = tr("累计免税收入不能大于累计收入")
    if not errors and profile.opening_months == 0 and any(values.values()):
        errors["opening_months"] = tr("填写了累计数时，请填写这些累计数覆盖的月数")
    if errors:
        raise ValidationError(errors)
    return values


def previous_year_wages(session: Session, employee_id: int, year: int) -> tuple[Decimal, int]:
    """This company's wage income of ``year`` for one employee as its records show it, and how many
    months the records cover: the opening figures entered for the year (its first months), then each
    calculated month's 本期收入 plus a separately taxed annual bonus (公告2020年第19号 counts all wage
    income, bonuses and tax-free income included, before any deduction), and for the other months
    the wage history HR entered (its 应发)."""
    profile = session.get(TaxYearProfile, (employee_id, year))
    total = profile.opening_income if profile is not None else Decimal("0.00")
    months = profile.opening_months if profile is not None else 0
    covered = {date(year, m, 1) for m in range(1, months + 1)}
    rows = session.execute(
        select(PayrollRun.month, PayrollResult.detail)
        .select_from(PayrollResult)
        .join(PayrollRun, PayrollRun.id == PayrollResult.run_id)
        .where(
            PayrollResult.employee_id == employee_id,
            PayrollRun.month >= date(year, 1, 1),
            PayrollRun.month <= date(year, 12, 1),
        )
    ).all()
    for month, detail in rows:
        slip = codec.loads(detail)
        total += slip.income + (slip.bonus if slip.bonus_tax is not None else Decimal(0))
        months += 1
        covered.add(month)
    for month, gross in monthly_history(session, employee_id, date(year, 1, 1), date(year, 12, 1)).items():
        if month not in covered:
            total += gross
            months += 1
    return total, months


def low_income_refusal(session: Session, employee_id: int, year: int) -> str | None:
    """Why the 6万 deduction of ``year`` cannot be granted, or None when the company's own records
    support it (公告2020年第19号: employed by this withholding agent for the whole previous year,
    with that year's wage income at most 60,000). Without records of that year (a company new to
    HRDesk) only the hire date is checked; the payroll page shows the option for HR to confirm."""
    employee = get_employee(session, employee_id)
    previous = year - 1
    if employee.hire_date > date(previous, 1, 1):
        return tr(
            "{0}于{1}入职，未在本单位任职{2}年全年，不适用上年工资薪金不超过6万元的减除（公告2020年第19号）。"
        ).format(employee.name, employee.hire_date.isoformat(), previous)
    threshold = policies.load_set(session).at(policy.IIT_DEDUCTIONS, "", date(year, 1, 1))
    limit = threshold.low_income_annual if threshold is not None else Decimal("60000")
    wages, months = previous_year_wages(session, employee_id, previous)
    if wages > limit:
        return tr(
            "本单位记录显示{0}{1}年工资薪金收入 {2} 元（{3}个月），超过 {4} 元，不适用6万元减除（公告2020年第19号）。"
        ).format(employee.name, previous, f"{wages:,.2f}", months, f"{limit:,.0f}")
    return None


def save_tax_profile(ctx: ServiceContext, profile: TaxProfile) -> TaxProfile:
    """Tax options for a year and, for a company starting mid-year, the figures before HRDesk."""
    ctx.require_all(Permission.PAYROLL_INPUT)
    values = validate_profile(profile)
    with ctx.transaction() as tx:
        session = tx.session
        employee = get_employee(session, profile.employee_id)
        if profile.low_income:
            refusal = low_income_refusal(session, employee.id, profile.year)
            if refusal:
                raise ValidationError({"low_income": refusal}, refusal)
        store_profile(tx, employee.name, profile, values)
        session.flush()
        tx.changed("payroll_input", "updated", employee.id)
        return profile_from_row(
            session.get(TaxYearProfile, (profile.employee_id, profile.year)), profile.employee_id, profile.year
        )


def remove_tax_profile(ctx: ServiceContext, employee_id: int, year: int) -> None:
    """Withdraw a year's tax options and opening figures: the defaults apply again (bonus taxed
    separately, no 6万 option, no figures before HRDesk)."""
    ctx.require_all(Permission.PAYROLL_INPUT)
    with ctx.transaction() as tx:
        session = tx.session
        employee = get_employee(session, employee_id)
        row = session.get(TaxYearProfile, (employee_id, year))
        if row is None:
            raise NotFound(tr("{0} 没有 {1} 年度的个税选项和年初累计数。").format(employee.name, year))
        profile = profile_from_row(row, employee_id, year)
        tx.audit(
            "tax_profile.remove",
            "employee",
            employee_id,
            tr("撤销 {0} {1}年度的个税选项和年初累计数").format(employee.name, year),
            {
                "low_income": profile.low_income,
                "bonus_separately": profile.bonus_separately,
                "basic_from_january": profile.basic_from_january,
                "opening_months": profile.opening_months,
                **{f: getattr(row, f) for f in OPENING_FIELDS},
            },
            None,
        )
        session.delete(row)
        tx.changed("payroll_input", "updated", employee_id)


def store_profile(tx: Transaction, employee_name: str, profile: TaxProfile, values: dict[str, Decimal]) -> None:
    """Write a checked profile (``values`` from :func:`validate_profile`) inside the caller's
    transaction, with the audit record; no flush and no change notice."""
    session = tx.session
    row = session.get(TaxYearProfile, (profile.employee_id, profile.year))
    before = None
    if row is None:
        row = TaxYearProfile(employee_id=profile.employee_id, year=profile.year)
        session.add(row)
    else:
        before = {
            "low_income": row.low_income,
            "bonus_separately": row.bonus_separately,
            "basic_from_january": row.basic_from_january,
            "opening_months": row.opening_months,
            **{f: getattr(row, f) for f in OPENING_FIELDS},
        }
    row.low_income, row.bonus_separately = profile.low_income, profile.bonus_separately
    row.basic_from_january, row.opening_months = profile.basic_from_january, profile.opening_months
    for name, value in values.items():
        setattr(row, name, value)
    row.updated_at = tx.ctx.clock.now()
    tx.audit(
        "tax_profile.save",
        "employee",
        profile.employee_id,
        tr("{0} {1}年度的个税选项和年初累计数").format(employee_name, profile.year),
        before,
        {
            "low_income": profile.low_income,
            "bonus_separately": profile.bonus_separately,
            "basic_from_january": profile.basic_from_january,
            "opening_months": profile.opening_months,
            **values,
        },
    )

"""A payslip as JSON and back, exactly (amounts as decimal strings), for storing a run's results.

A stored payslip is what was calculated and approved; reading it back must give the same figures
and the same explanations even after the rules or the code change, so nothing is recomputed.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from hrdesk.core.payroll.rules.calculation import Line, Payslip, YearToDate
from hrdesk.core.payroll.rules.insurance import Contribution, InsuranceItem, Rounding
from hrdesk.core.payroll.rules.items import PayCategory, PayItem
from hrdesk.core.payroll.rules.tax import BonusTax, SeveranceTax

_D = Decimal


def _s(value: Decimal) -> str:
    return str(value)


def to_data(p: Payslip) -> dict:
    return {
        "employee_id": p.employee_id,
        "month": p.month.isoformat(),
        "paid_days": p.paid_days,
        "month_paid_days": p.month_paid_days,
        "base_pay": _s(p.base_pay),
        "items": [
            [i.code, i.label, i.category.value, _s(i.amount), i.taxable, i.prorate, i.source, i.note] for i in p.items
        ],
        "taxable_earnings": _s(p.taxable_earnings),
        "tax_free_earnings": _s(p.tax_free_earnings),
        "pre_tax_deductions": _s(p.pre_tax_deductions),
        "bonus": _s(p.bonus),
        "severance": _s(p.severance),
        "gross_pay": _s(p.gross_pay),
        "contributions": [
            [
                c.item.value,
                _s(c.declared_base),
                _s(c.base),
                c.clamped,
                _s(c.employee_rate),
                _s(c.employer_rate),
                _s(c.employee_amount),
                _s(c.employer_amount),
                c.rounding.value,
            ]
            for c in p.contributions
        ],
        "employee_insurance": _s(p.employee_insurance),
        "employer_insurance": _s(p.employer_insurance),
        "special_additional": _s(p.special_additional),
        "income": _s(p.income),
        "tax_free": _s(p.tax_free),
        "ytd": [
            p.ytd.months,
            _s(p.ytd.income),
            _s(p.ytd.tax_free),
            _s(p.ytd.basic),
            _s(p.ytd.special),
            _s(p.ytd.additional),
            _s(p.ytd.other),
            _s(p.ytd.tax),
            p.ytd.bonus_taxed_separately,
        ],
        "basic_deduction": _s(p.basic_deduction),
        "cumulative_taxable": _s(p.cumulative_taxable),
        "tax_rate": _s(p.tax_rate),
        "quick_deduction": _s(p.quick_deduction),
        "cumulative_tax_due": _s(p.cumulative_tax_due),
        "wage_tax": _s(p.wage_tax),
        "bonus_tax": None
        if p.bonus_tax is None
        else [
            _s(v)
            for v in (
                p.bonus_tax.bonus,
                p.bonus_tax.monthly_equivalent,
                p.bonus_tax.rate,
                p.bonus_tax.quick_deduction,
                p.bonus_tax.tax,
            )
        ],
        "severance_tax": None
        if p.severance_tax is None
        else [
            _s(v)
            for v in (
                p.severance_tax.amount,
                p.severance_tax.exempt_limit,
                p.severance_tax.exempt,
                p.severance_tax.taxable,
                p.severance_tax.rate,
                p.severance_tax.quick_deduction,
                p.severance_tax.tax,
            )
        ],
        "after_tax_deductions": _s(p.after_tax_deductions),
        "reimbursements": _s(p.reimbursements),
        "net_pay": _s(p.net_pay),
        "employer_cost": _s(p.employer_cost),
        "lines": [[ln.group, ln.code, ln.label, _s(ln.amount), ln.basis] for ln in p.lines],
        "warnings": list(p.warnings),
    }


def from_data(d: dict) -> Payslip:
    y = d["ytd"]
    return Payslip(
        employee_id=d["employee_id"],
        month=date.fromisoformat(d["month"]),
        paid_days=d["paid_days"],
        month_paid_days=d["month_paid_days"],
        base_pay=_D(d["base_pay"]),
        items=tuple(
            PayItem(c, label, PayCategory(cat), _D(a), t, pr, src, note)
            for c, label, cat, a, t, pr, src, note in d["items"]
        ),
        taxable_earnings=_D(d["taxable_earnings"]),
        tax_free_earnings=_D(d["tax_free_earnings"]),
        pre_tax_deductions=_D(d["pre_tax_deductions"]),
        bonus=_D(d["bonus"]),
        severance=_D(d["severance"]),
        gross_pay=_D(d["gross_pay"]),
        contributions=tuple(
            Contribution(InsuranceItem(i), _D(db), _D(b), cl, _D(er), _D(rr), _D(ea), _D(ra), Rounding(r))
            for i, db, b, cl, er, rr, ea, ra, r in d["contributions"]
        ),
        employee_insurance=_D(d["employee_insurance"]),
        employer_insurance=_D(d["employer_insurance"]),
        special_additional=_D(d["special_additional"]),
        income=_D(d["income"]),
        tax_free=_D(d["tax_free"]),
        ytd=YearToDate(y[0], _D(y[1]), _D(y[2]), _D(y[3]), _D(y[4]), _D(y[5]), _D(y[6]), _D(y[7]), y[8]),
        basic_deduction=_D(d["basic_deduction"]),
        cumulative_taxable=_D(d["cumulative_taxable"]),
        tax_rate=_D(d["tax_rate"]),
        quick_deduction=_D(d["quick_deduction"]),
        cumulative_tax_due=_D(d["cumulative_tax_due"]),
        wage_tax=_D(d["wage_tax"]),
        bonus_tax=None if d["bonus_tax"] is None else BonusTax(*(_D(v) for v in d["bonus_tax"])),
        severance_tax=None if d["severance_tax"] is None else SeveranceTax(*(_D(v) for v in d["severance_tax"])),
        after_tax_deductions=_D(d["after_tax_deductions"]),
        reimbursements=_D(d["reimbursements"]),
        net_pay=_D(d["net_pay"]),
        employer_cost=_D(d["employer_cost"]),
        lines=tuple(Line(g, c, label, _D(a), b) for g, c, label, a, b in d["lines"]),
        warnings=tuple(d["warnings"]),
    )


def dumps(p: Payslip) -> str:
    return json.dumps(to_data(p), ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> Payslip:
    return from_data(json.loads(text))

"""The payslip's 累计 lines explain themselves with the cumulative figures (issue 11: 累计专项扣除
was explained with this month's contributions only, which does not add up to the figure shown)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal as D

from hrdesk.core.payroll.rules.calculation import YearToDate, calculate
from tests.payroll_rules import employee, rules

AMOUNT = re.compile(r"-?[\d,]+\.\d{2}")


def amounts(text: str) -> list[D]:
    return [D(a.replace(",", "")) for a in AMOUNT.findall(text)]


def test_every_cumulative_line_is_last_months_total_plus_this_months():
    prior = YearToDate(
        months=2,
        income=D("40000"),
        basic=D("10000"),
        special=D("4210.40"),
        additional=D("4000"),
        tax=D("780"),
    )
    month = date(2026, 3, 1)
    slip = calculate(
        employee(month, "20000", prior=prior, special_additional=(("child_education", D("2000")),)), rules()
    )
    lines = {line.code: line for line in slip.lines}
    for code in ("cum_income", "cum_special", "cum_additional"):
        line = lines[code]
        shown = amounts(line.basis)
        assert len(shown) == 2 and shown[0] + shown[1] == line.amount, (code, line.basis, line.amount)
    assert amounts(lines["cum_special"].basis)[0] == prior.special
    assert amounts(lines["cum_additional"].basis) == [D("4000.00"), D("2000.00")]

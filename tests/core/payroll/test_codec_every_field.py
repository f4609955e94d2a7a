"""A stored payslip reads back with every field it had, the rarer ones included: the severance tax,
the warnings, an item's note, a clamped contribution base and each year-to-date figure in its own
place. The codec's round trip test used a payslip without these, so mutation testing (issue 12,
docs/mutation.md) found that dropping any of them on reading went unnoticed.
"""

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

from hrdesk.core.payroll.rules.calculation import YearToDate, calculate
from hrdesk.core.payroll.rules.codec import dumps, loads
from hrdesk.core.payroll.rules.items import PayCategory, PayItem
from tests.payroll_rules import employee, rules

MARCH = date(2026, 3, 1)


def test_a_leaver_s_payslip_with_severance_and_warnings_reads_back_unchanged():
    items = (
        PayItem("severance", "经济补偿", PayCategory.SEVERANCE, D("600000"), source="settlement", note="N = 3"),
        PayItem("meal", "餐补", PayCategory.EARNING, D("300"), note="按出勤"),
    )
    # a base above Shanghai's cap (37,302) is clamped; distinct year-to-date figures before March
    prior = YearToDate(2, D("80000"), D("100"), D("10000"), D("7000"), D("4000"), D("1200"), D("3100"), False)
    slip = calculate(employee(MARCH, "40000", base="50000", items=items, prior=prior), rules())
    assert slip.severance_tax is not None and slip.severance_tax.tax > 0
    assert any(c.clamped == "cap" for c in slip.contributions)
    assert slip.ytd.additional != slip.ytd.other
    slip = replace(slip, warnings=("本月社保基数按上年度执行",))

    back = loads(dumps(slip))

    assert back == slip
    assert back.severance_tax == slip.severance_tax
    assert back.warnings == ("本月社保基数按上年度执行",)
    assert [i.note for i in back.items] == [i.note for i in slip.items]
    assert [c.clamped for c in back.contributions] == [c.clamped for c in slip.contributions]
    assert back.ytd == slip.ytd

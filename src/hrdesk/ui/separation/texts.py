"""What the 离职结算 pieces write: signed amounts, months, the statement's header and its warnings.

All of it is translated in the context "SettlementPanel", as it was when the pieces lived in one
module, so one translation serves the whole statement.
"""

from __future__ import annotations

import html
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from hrdesk.core.kernel.months import shift_month
from hrdesk.core.separation.compensation import CompensationCase
from hrdesk.core.separation.statement import Statement

MINUS = "\u2212"


def tr(text: str) -> str:
    return QCoreApplication.translate("SettlementPanel", text)


def signed_money(amount: Decimal) -> str:
    return f"{MINUS}{-amount:,.2f}" if amount < 0 else f"{amount:,.2f}"


def month_text(month) -> str:
    return tr("{0}年{1:02d}月").format(month.year, month.month)


def header_html(st: Statement) -> str:
    """Who is leaving (name, number, department) and, below, why, when and which payroll it goes to."""

    def part(label, value):
        return f"<span style='color:#5f6368'>{html.escape(label)}</span> {html.escape(value)}"

    who = " · ".join(x for x in (st.department, st.position) if x)
    after = shift_month(st.stop_month, 1).month
    line1 = (
        f"<span style='font-size:12pt; font-weight:bold'>{html.escape(st.name)}</span>　"
        f"{html.escape(st.emp_no)}　{html.escape(who)}"
    )
    line2 = "　　".join(
        [
            part(
                tr("离职原因"),
                st.reason.label + (tr("（按违法解除计算）") if st.case is CompensationCase.UNLAWFUL else ""),
            ),
            part(tr("最后工作日"), st.last_working_day.isoformat()),
            part(tr("社保公积金缴至"), tr("{0}（{1}月减员）").format(month_text(st.stop_month), after)),
            part(tr("计入"), tr("{0}工资").format(month_text(st.payroll_month))),
        ]
    )
    return f"{line1}<br/>{line2}"


def net_html(st: Statement) -> str:
    """实发合计, large and green, beside the header."""
    return (
        f"<span style='color:#5f6368'>{html.escape(tr('实发合计'))}</span> "
        f"<span style='font-size:14pt; font-weight:bold; color:#137333'>"
        f"{html.escape(signed_money(st.net_amount))}</span>"
    )


def approved_text(st: Statement) -> str:
    return tr("财务（{0}）已审核，结算单已冻结并计入{1}工资；如需修改，请将流程退回。").format(
        st.approved_by or "", month_text(st.payroll_month)
    )


def warnings_html(st: Statement) -> str:
    items = "".join(f"<li>{html.escape(w)}</li>" for w in st.warnings)
    return f"<b>{html.escape(tr('请注意'))}</b><ul style='margin:2px 0 0 -24px'>{items}</ul>"

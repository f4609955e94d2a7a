"""One payslip explained: every figure with how it was reached, grouped the way a payslip reads
(应发, 个人社保公积金, 个税, 单位, 实发), and the calculation's warnings in red.

Shared by 工资核算 (HR and finance check a person's figures) and 我的工资条 (an employee's own).
Rendered as rich text, so long explanations wrap and the text can be selected and copied. In 工资核算
the panel opens beside the sheet when a person is chosen and has a close button (``closable``).
"""

from __future__ import annotations

import html
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextBrowser, QToolButton, QVBoxLayout, QWidget

from hrdesk.core.payroll.rules.calculation import Payslip
from hrdesk.core.payroll.rules.items import PayCategory

ZERO = Decimal("0.00")
SECTION_BG = "#e8eef7"
NET_BG = "#e6f4ea"
MUTED = "#5f6368"
RED = "#b3261e"

# item categories shown under 应发; after-tax deductions and reimbursements belong to 实发
GROSS_CATEGORIES = (PayCategory.EARNING, PayCategory.ANNUAL_BONUS, PayCategory.SEVERANCE, PayCategory.PRE_TAX_DEDUCTION)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PayslipDetail", text)


def money(amount: Decimal) -> str:
    return f"{amount:,.2f}"


def signed(amount: Decimal, sign: str) -> str:
    """An amount with an explicit − or + (for what is taken off or added)."""
    return f"{sign} {amount:,.2f}" if amount else f"{amount:,.2f}"


def sections(payslip: Payslip) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    """(title, total text, [(label, amount text, basis)]) in payslip order; plain data for the view
    (and for tests)."""
    p = payslip
    lines = list(p.lines)
    item_lines = [line for line in lines if line.group == "item"]
    categorised = (
        list(zip(item_lines, p.items, strict=True))
        if len(item_lines) == len(p.items)
        else [(line, None) for line in item_lines]
    )

    gross: list[tuple[str, str, str]] = []
    if p.paid_days != p.month_paid_days:
        gross.append(
            (
                _tr("计薪天数"),
                _tr("{0} / {1} 天").format(p.paid_days, p.month_paid_days),
                _tr("本月在职计薪日 / 当月全部计薪日（周一至周五，含法定节假日）"),
            )
        )
    for line in lines:
        if line.group == "pay":
            gross.append((line.label, money(line.amount), line.basis))
    after_tax: list[tuple[str, str, str]] = []
    reimbursements: list[tuple[str, str, str]] = []
    for line, item in categorised:
        category = item.category if item is not None else PayCategory.EARNING
        if category is PayCategory.PRE_TAX_DEDUCTION:
            gross.append((line.label, signed(line.amount, "−"), _tr("税前扣款；{0}").format(line.basis)))
        elif category is PayCategory.AFTER_TAX_DEDUCTION:
            after_tax.append((line.label, signed(line.amount, "−"), _tr("税后扣款；{0}").format(line.basis)))
        elif category is PayCategory.REIMBURSEMENT:
            reimbursements.append((line.label, signed(line.amount, "+"), _tr("报销，不计税；{0}").format(line.basis)))
        else:
            basis = line.basis
            if item is not None and category is PayCategory.EARNING and not item.taxable:
                basis = _tr("{0}（免税）").format(basis)
            gross.append((line.label, money(line.amount), basis))

    insurance = [(line.label, money(line.amount), line.basis) for line in lines if line.group == "insurance"]
    if not insurance:
        insurance.append((_tr("本月未缴纳"), money(ZERO), _tr("未参保、尚未增员或已减员，或未设置社保缴纳城市")))

    tax = [(line.label, money(line.amount), line.basis) for line in lines if line.group == "tax"]

    employer = [(line.label, money(line.amount), line.basis) for line in lines if line.group == "employer"]
    employer.append(
        (
            _tr("人工成本"),
            money(p.employer_cost),
            _tr("应发合计 {0} + 单位社保公积金 {1}").format(money(p.gross_pay), money(p.employer_insurance)),
        )
    )

    net = [
        (_tr("应发合计"), money(p.gross_pay), ""),
        (_tr("个人社保公积金"), signed(p.employee_insurance, "−"), _tr("专项扣除，见上")),
        (_tr("个税"), signed(p.total_tax, "−"), _tr("见上")),
    ]
    net += after_tax + reimbursements
    net += [(line.label, money(line.amount), line.basis) for line in lines if line.group == "net"]

    return [
        (_tr("应发"), money(p.gross_pay), gross),
        (_tr("个人社保公积金"), money(p.employee_insurance), insurance),
        (_tr("个税"), money(p.total_tax), tax),
        (_tr("单位社保公积金"), money(p.employer_insurance), employer),
        (_tr("实发"), money(p.net_pay), net),
    ]


def payslip_html(payslip: Payslip, title: str, subtitle: str = "") -> str:
    e = html.escape
    parts = [f"<div style='font-size:15px; font-weight:bold;'>{e(title)}</div>"]
    if subtitle:
        parts.append(f"<div style='color:{MUTED};'>{e(subtitle)}</div>")
    parts.append(
        "<table width='100%' cellspacing='0' cellpadding='3' style='margin-top:6px;'><tr>"
        f"<td>{e(_tr('应发合计'))}<br><b style='font-size:14px;'>{money(payslip.gross_pay)}</b></td>"
        f"<td>{e(_tr('个税'))}<br><b style='font-size:14px;'>{money(payslip.total_tax)}</b></td>"
        f"<td>{e(_tr('实发工资'))}<br><b style='font-size:16px; color:#137333;'>{money(payslip.net_pay)}</b></td>"
        "</tr></table>"
    )
    if payslip.warnings:
        items = "".join(f"<li>{e(w)}</li>" for w in payslip.warnings)
        parts.append(
            f"<div style='color:{RED}; font-weight:bold; margin-top:6px;'>{e(_tr('提示'))}</div>"
            f"<ul style='color:{RED}; margin-top:0px;'>{items}</ul>"
        )
    rows = []
    for title_text, total, lines in sections(payslip):
        background = NET_BG if title_text == _tr("实发") else SECTION_BG
        rows.append(
            f"<tr style='background-color:{background};'><td><b>{e(title_text)}</b></td>"
            f"<td align='right' style='white-space:pre;'><b>{e(total)}</b></td><td></td></tr>"
        )
        for label, amount, basis in lines:
            rows.append(
                f"<tr><td>&nbsp;&nbsp;{e(label)}</td>"
                f"<td align='right' style='white-space:pre;'>{e(amount)}</td>"
                f"<td style='color:{MUTED};'>{e(basis)}</td></tr>"
            )
    parts.append(
        "<table width='100%' cellspacing='0' cellpadding='4' style='margin-top:8px;'>"
        f"<tr><th align='left' width='36%'>{e(_tr('项目'))}</th><th align='right' width='18%'>{e(_tr('金额'))}</th>"
        f"<th align='left'>{e(_tr('计算说明'))}</th></tr>" + "".join(rows) + "</table>"
    )
    return "".join(parts)


class PayslipDetail(QWidget):
    """The detail panel: ``show_payslip`` or ``show_message`` (an empty state or a hint). With
    ``closable``, a bar on top names the panel and its ✕ emits ``close_requested``."""

    close_requested = Signal()

    def __init__(self, parent=None, placeholder: str | None = None, closable: bool = False):
        super().__init__(parent)
        self.setObjectName("payslip_detail")
        self.placeholder = placeholder or _tr("选择一名员工，查看每一项金额的计算过程")
        self.view = QTextBrowser()
        self.view.setObjectName("payslip_text")
        self.view.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.close_button: QToolButton | None = None
        if closable:
            bar = QHBoxLayout()
            bar.setContentsMargins(6, 0, 0, 0)
            title = QLabel(_tr("计算过程"))
            title.setStyleSheet(f"color: {MUTED}; font-weight: bold;")
            self.close_button = QToolButton()
            self.close_button.setObjectName("close_detail")
            self.close_button.setText("✕")
            self.close_button.setAutoRaise(True)
            self.close_button.setToolTip(_tr("关闭计算过程（Esc），工资表占满宽度；再选一名员工时重新打开"))
            self.close_button.setCursor(Qt.CursorShape.PointingHandCursor)
            self.close_button.clicked.connect(self.close_requested.emit)
            bar.addWidget(title)
            bar.addStretch(1)
            bar.addWidget(self.close_button)
            layout.addLayout(bar)
        layout.addWidget(self.view)
        self.payslip: Payslip | None = None
        self.show_message(self.placeholder)

    def show_payslip(self, payslip: Payslip, title: str, subtitle: str = "") -> None:
        self.payslip = payslip
        self.view.setHtml(payslip_html(payslip, title, subtitle))

    def show_message(self, text: str) -> None:
        self.payslip = None
        self.view.setHtml(f"<p style='color:{MUTED}; margin-top:24px;' align='center'>{html.escape(text)}</p>")

    def text(self) -> str:
        return self.view.toPlainText()

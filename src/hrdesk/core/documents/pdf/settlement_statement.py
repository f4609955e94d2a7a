"""离职结算单: what a leaver is paid at handover (劳动合同法 art. 50), for both sides to sign.

One table of items (final wages, economic compensation, untaken annual leave, …; deductions such as
the employee's social insurance or the income tax on severance are lines with a negative amount),
the totals computed here from the lines so they can never disagree with them, the net amount in
figures and in capitals (人民币大写, which cannot be altered by adding a stroke), a confirmation
sentence for the employee, signature lines, and the company's name, seal and date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from hrdesk.core.documents.pdf.amounts import amount_in_words, money_text
from hrdesk.core.documents.pdf.document import build_pdf
from hrdesk.core.documents.pdf.fonts import FONT, require_drawable
from hrdesk.core.documents.pdf.letterhead import (
    INK,
    PAGE_WIDTH,
    SIDE_MARGIN,
    CompanyLetterhead,
    SignatureBlock,
    Title,
    cn_date,
    seal_image,
)
from hrdesk.core.documents.pdf.textflow import CJKParagraph
from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.kernel.i18n import tr

DEFAULT_CONFIRMATION = "本人已核对上述结算项目、计算依据及金额，确认无误。"
DEFAULT_SIGNATURES = ("经办人", "审核人", "员工签字")
ZERO = Decimal("0.00")

CELL_SIZE = 10.5
BASIS_SIZE = 9.5
GRID = HexColor("#8C8C8C")
HEADER_FILL = HexColor("#EEF1F5")
LABEL_FILL = HexColor("#F7F8FA")
WIDTH = PAGE_WIDTH - 2 * SIDE_MARGIN


@dataclass(frozen=True)
class SettlementLine:
    item: str  # e.g. 经济补偿
    basis: str  # how it was computed, e.g. the explanation lines of the calculation joined
    amount: Decimal  # negative for a deduction


@dataclass(frozen=True)
class SettlementStatement:
    number: str  # e.g. JS-2026-0001
    company: CompanyLetterhead
    employee_name: str
    emp_no: str
    department: str
    position: str
    hire_date: date
    last_working_day: date
    termination_date: date
    separation_type: str  # e.g. 协商解除
    lines: tuple[SettlementLine, ...]
    issue_date: date
    id_number: str = ""
    payment_date: date | None = None
    payment_method: str = ""  # e.g. "银行转账至工商银行尾号1234账户"
    confirmation: str = DEFAULT_CONFIRMATION
    signatures: tuple[str, ...] = DEFAULT_SIGNATURES

    @property
    def payable(self) -> Decimal:
        """应发合计: the sum of the positive lines."""
        return sum((line.amount for line in self.lines if line.amount > 0), ZERO)

    @property
    def deductions(self) -> Decimal:
        """应扣合计, as a positive number."""
        return -sum((line.amount for line in self.lines if line.amount < 0), ZERO)

    @property
    def net(self) -> Decimal:
        """实发金额."""
        return self.payable - self.deductions


def _cell(value: str, size: float = CELL_SIZE, align: str = "justify") -> CJKParagraph:
    return CJKParagraph(value, size=size, leading=size * 1.45, align=align)


def _base_style() -> list:
    return [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ]


def _info_table(st: SettlementStatement) -> Table:
    rows = [
        (tr("姓名"), st.employee_name, tr("工号"), st.emp_no),
        (tr("部门"), st.department, tr("岗位"), st.position),
        (tr("入职日期"), cn_date(st.hire_date), tr("离职类型"), st.separation_type),
        (tr("最后工作日"), cn_date(st.last_working_day), tr("劳动关系终止日"), cn_date(st.termination_date)),
    ]
    if st.id_number or st.payment_date:
        rows.append(
            (tr("身份证号码"), st.id_number, tr("支付日期"), cn_date(st.payment_date) if st.payment_date else "")
        )
    label, value = 31 * mm, WIDTH / 2 - 31 * mm
    data = [[label_text, _cell(a), label_text2, _cell(b)] for label_text, a, label_text2, b in rows]
    style = _base_style() + [("BACKGROUND", (0, 0), (0, -1), LABEL_FILL), ("BACKGROUND", (2, 0), (2, -1), LABEL_FILL)]
    return Table(data, colWidths=(label, value, label, value), style=TableStyle(style), hAlign="CENTER")


def _items_table(st: SettlementStatement) -> Table:
    widths = (11 * mm, 31 * mm, WIDTH - 11 * mm - 31 * mm - 30 * mm, 30 * mm)
    data: list[list] = [[tr("序号"), tr("项目"), tr("计算依据"), tr("金额（元）")]]
    for index, line in enumerate(st.lines, start=1):
        data.append([str(index), _cell(line.item), _cell(line.basis, BASIS_SIZE), money_text(line.amount)])
    first_total = len(data)
    data.append([tr("应发合计"), "", "", money_text(st.payable)])
    data.append([tr("应扣合计"), "", "", money_text(-st.deductions) if st.deductions else money_text(ZERO)])
    data.append([tr("实发金额"), "", "", money_text(st.net)])
    data.append([tr("实发金额（大写）：人民币") + amount_in_words(st.net), "", "", ""])
    last = len(data) - 1
    style = _base_style() + [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("ALIGN", (0, 1), (0, first_total - 1), "CENTER"),
        ("ALIGN", (3, 1), (3, -1), "RIGHT"),
    ]
    for row in range(first_total, last):
        style += [
            ("SPAN", (0, row), (2, row)),
            ("ALIGN", (0, row), (2, row), "RIGHT"),
            ("BACKGROUND", (0, row), (-1, row), LABEL_FILL),
        ]
    style += [
        ("SPAN", (0, last), (-1, last)),
        ("ALIGN", (0, last), (-1, last), "LEFT"),
        ("FONTSIZE", (0, last - 1), (-1, last), 11.5),
        ("LINEABOVE", (0, first_total), (-1, first_total), 1.0, INK),
    ]
    return Table(data, colWidths=widths, style=TableStyle(style), repeatRows=1, hAlign="CENTER")


def _signature_table(st: SettlementStatement) -> Table:
    """ "经办人：____  审核人：____  员工签字：____", then a date line for each."""
    count = max(1, len(st.signatures))
    column = WIDTH / count
    label_width = [min(column * 0.5, (len(name) + 1) * CELL_SIZE + 4) for name in st.signatures]
    cells, widths = [], []
    for name, width in zip(st.signatures, label_width, strict=True):
        cells += [name + "：", ""]
        widths += [width, column - width - 6 * mm]
        cells.append("")
        widths.append(6 * mm)
    dates = []
    for _ in st.signatures:
        dates += [tr("日期："), "", ""]
    style: list[tuple] = [  # ReportLab table commands, of differing lengths
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 10),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for index in range(len(st.signatures)):
        style.append(("LINEBELOW", (index * 3 + 1, 0), (index * 3 + 1, -1), 0.6, INK))
    return Table([cells[:-1], dates[:-1]], colWidths=widths[:-1], style=TableStyle(style), hAlign="LEFT")


def render_settlement_statement(st: SettlementStatement) -> bytes:
    """离职结算单 as PDF bytes; the same statement always gives the same bytes."""
    if not st.lines:
        raise ValidationError({"lines": tr("结算单至少需要一个结算项目")})
    for line in st.lines:
        if isinstance(line.amount, float):
            raise TypeError("money must not be a float")
    if not (st.employee_name or "").strip() or not (st.number or "").strip():
        raise ValidationError({"employee_name": tr("请填写员工姓名和结算单编号")})
    require_drawable(st)
    story = [
        Title(tr("离职结算单"), size=20, space_after=6 * mm),
        _info_table(st),
        Spacer(1, 5 * mm),
        _items_table(st),
        Spacer(1, 4 * mm),
    ]
    closing: list = []  # kept on one page: nobody signs a page that holds only signature lines
    if st.payment_method:
        closing.append(
            CJKParagraph(tr("支付方式：{0}").format(st.payment_method), size=CELL_SIZE, leading=CELL_SIZE * 1.8)
        )
    if st.confirmation:
        closing.append(CJKParagraph(st.confirmation, size=CELL_SIZE, leading=CELL_SIZE * 1.8))
    if st.signatures:
        closing += [Spacer(1, 1 * mm), _signature_table(st)]
    closing.append(SignatureBlock(st.company, st.issue_date, seal=seal_image(st.company), space_before=20 * mm))
    story.append(KeepTogether(closing))
    return build_pdf(
        story,
        company=st.company,
        number=st.number,
        title=tr("离职结算单"),
        subject=st.employee_name,
        issue_date=st.issue_date,
    )

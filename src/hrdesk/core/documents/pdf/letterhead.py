"""The company letterhead every HR document is printed on, and the signature block with the seal.

Layout of a page (A4, 25 mm side margins): the company name large and centred at the top, a red
double rule under it, the address, telephone and unified social credit code small and grey under
the rule, the document number at the top right below that; the body starts under the number. The
signature block sits at the bottom right of the text: the company name and the date, with the
company seal (a transparent PNG) stamped over the name, as a real seal would be.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from hrdesk.core.documents.pdf.fonts import FONT
from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.kernel.i18n import tr

PAGE_WIDTH, PAGE_HEIGHT = A4
SIDE_MARGIN = 25 * mm
BOTTOM_MARGIN = 22 * mm
HEADER_HEIGHT = 46 * mm  # from the top edge to the start of the body
INK = HexColor("#1A1A1A")
GREY = HexColor("#555555")
RED = HexColor("#B0171F")
SEAL_SIZE = 40 * mm  # a company seal is 38–42 mm across


@dataclass(frozen=True)
class CompanyLetterhead:
    name: str
    address: str = ""
    phone: str = ""
    credit_code: str = ""  # 统一社会信用代码
    seal_png: bytes | None = None  # the company seal, a PNG with a transparent background


def cn_date(day: date) -> str:
    """2026年3月5日: Chinese documents write dates without leading zeros."""
    return tr("{0}年{1}月{2}日").format(day.year, day.month, day.day)


def draw_bold_string(
    canvas, x: float, y: float, text: str, size: float, *, centre: bool = False, char_space: float = 0.0, color=INK
) -> float:
    """Text in the font with a thin outline added (the font has no bold face); returns its width.

    Drawn with text render mode 2 (fill and stroke), so it is still real, selectable text.
    """
    width = stringWidth(text, FONT, size) + char_space * max(0, len(text) - 1)
    if centre:
        x -= width / 2
    canvas.saveState()
    canvas.setFillColor(color)
    canvas.setStrokeColor(color)
    canvas.setLineWidth(size * 0.035)
    text_object = canvas.beginText(x, y)
    text_object.setTextRenderMode(2)
    text_object.setFont(FONT, size)
    text_object.setCharSpace(char_space)
    text_object.textOut(text)
    canvas.drawText(text_object)
    canvas.restoreState()
    return width


def _fit(text: str, size: float, width: float, smallest: float) -> float:
    """The largest font size ≤ ``size`` at which ``text`` fits ``width`` (not below ``smallest``)."""
    while size > smallest and stringWidth(text, FONT, size) > width:
        size -= 0.5
    return size


def draw_letterhead(canvas, company: CompanyLetterhead, number: str) -> None:
    """Draw the header of one page: name, rules, contact line, document number."""
    centre = PAGE_WIDTH / 2
    usable = PAGE_WIDTH - 2 * SIDE_MARGIN
    top = PAGE_HEIGHT - 16 * mm
    name_size = _fit(company.name, 20, usable, 12)
    draw_bold_string(
        canvas,
        centre,
        top - name_size,
        company.name,
        name_size,
        centre=True,
        char_space=2 if len(company.name) <= 16 else 0,
    )
    rule = top - name_size - 4.5 * mm
    canvas.saveState()
    canvas.setStrokeColor(RED)
    canvas.setLineWidth(1.6)
    canvas.line(SIDE_MARGIN, rule, PAGE_WIDTH - SIDE_MARGIN, rule)
    canvas.setLineWidth(0.5)
    canvas.line(SIDE_MARGIN, rule - 2.2, PAGE_WIDTH - SIDE_MARGIN, rule - 2.2)
    parts = [
        p
        for p in (
            tr("地址：") + company.address if company.address else "",
            tr("电话：") + company.phone if company.phone else "",
            tr("统一社会信用代码：") + company.credit_code if company.credit_code else "",
        )
        if p
    ]
    if parts:
        contact = "　　".join(parts)
        size = _fit(contact, 9, usable, 6.5)
        canvas.setFillColor(GREY)
        canvas.setFont(FONT, size)
        canvas.drawCentredString(centre, rule - 2.2 - 4.2 * mm, contact)
    if number:
        canvas.setFillColor(INK)
        canvas.setFont(FONT, 10.5)
        canvas.drawRightString(PAGE_WIDTH - SIDE_MARGIN, PAGE_HEIGHT - HEADER_HEIGHT + 3 * mm, tr("编号：") + number)
    canvas.restoreState()


def seal_image(company: CompanyLetterhead) -> ImageReader | None:
    """The seal as an image reportlab can draw; ValidationError if the bytes are not an image."""
    if not company.seal_png:
        return None
    try:
        reader = ImageReader(io.BytesIO(company.seal_png))
        reader.getSize()
    except Exception:  # PIL raises many kinds for a broken file
        raise ValidationError({"seal_png": tr("公章图片无法读取，请使用透明背景的PNG图片")}) from None
    return reader


class Title(Flowable):
    """A document title (离职证明), large, centred, letter-spaced."""

    def __init__(self, text: str, size: float = 22, space_after: float = 9 * mm):
        super().__init__()
        self.text = text
        self.size = size
        self.space_after = space_after

    def wrap(self, available_width, available_height):
        self.width = available_width
        return available_width, self.size * 1.3 + self.space_after

    def draw(self):
        char_space = self.size * 0.45 if len(self.text) <= 6 else self.size * 0.1
        draw_bold_string(
            self.canv,
            self.width / 2,
            self.space_after + self.size * 0.3,
            self.text,
            self.size,
            centre=True,
            char_space=char_space,
        )


class SignatureBlock(Flowable):
    """Company name and date at the bottom right, the seal stamped over the company name.

    ``extra_lines`` go above the company name (e.g. a signature line). The block keeps room above
    itself for the upper half of the seal so that it never covers the last line of the body.
    """

    def __init__(
        self,
        company: CompanyLetterhead,
        day: date,
        *,
        size: float = 12,
        seal: ImageReader | None = None,
        label_suffix: str = "",
        space_before: float = 14 * mm,
    ):
        super().__init__()
        self.company = company
        self.day = day
        self.size = size
        self.seal = seal
        self.label = company.name + label_suffix
        self.space_before = space_before

    def _block_width(self) -> float:
        return max(
            stringWidth(self.label, FONT, self.size), stringWidth(cn_date(self.day), FONT, self.size), SEAL_SIZE * 0.8
        )

    def wrap(self, available_width, available_height):
        self.width = available_width
        self.height = self.space_before + self.size * 3.4
        return available_width, self.height

    def draw(self):
        canvas = self.canv
        block = self._block_width()
        centre = self.width - block / 2 - 2 * mm
        name_y = self.size * 2
        date_y = 0.2 * self.size
        canvas.saveState()
        canvas.setFillColor(INK)
        canvas.setFont(FONT, self.size)
        canvas.drawCentredString(centre, name_y, self.label)
        canvas.drawCentredString(centre, date_y, cn_date(self.day))
        if self.seal is not None:
            canvas.drawImage(
                self.seal,
                centre - SEAL_SIZE / 2,
                name_y + self.size * 0.35 - SEAL_SIZE / 2,
                SEAL_SIZE,
                SEAL_SIZE,
                mask="auto",
                preserveAspectRatio=True,
                anchor="c",
            )
        canvas.restoreState()

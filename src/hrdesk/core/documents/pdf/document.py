"""Building one letterhead document into PDF bytes, reproducibly.

The same input gives the same bytes, so a reissued certificate is identical to the first one and a
stored hash can prove it: the canvas is built with ``invariant=1`` (no wall-clock time), the
creation date written into the file is the issue date, and the document ID is derived from the
title, which carries the document number. reportlab's per-document font state is not safe to
share between threads, so building is serialised by a lock (a certificate takes milliseconds).
"""

from __future__ import annotations

import io
import threading
from datetime import date

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from hrdesk.core.documents.pdf.fonts import FONT, ensure_font
from hrdesk.core.documents.pdf.letterhead import (
    BOTTOM_MARGIN,
    GREY,
    HEADER_HEIGHT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SIDE_MARGIN,
    CompanyLetterhead,
    draw_letterhead,
)
from hrdesk.core.documents.pdf.textflow import CJKParagraph
from hrdesk.core.kernel.i18n import tr

CREATOR = "HRDesk"
_build_lock = threading.Lock()

BODY_SIZE = 12  # 小四号, the usual size of an official letter's body


def paragraph(text: str, *, size: float = BODY_SIZE, indent: bool = True) -> CJKParagraph:
    """A body paragraph: 12 pt, double spacing, the first line indented by two characters."""
    return CJKParagraph(text, size=size, leading=size * 2, first_indent=size * 2 if indent else 0.0)


class _PagedCanvas(Canvas):
    """Holds the pages back until the end so that a document of several pages can say
    "第 1 页 共 2 页" on each (a one-page document gets no page number)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._held_pages: list[dict] = []

    def showPage(self):
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            if total > 1:
                self.saveState()
                self.setFont(FONT, 9)
                self.setFillColor(GREY)
                self.drawCentredString(PAGE_WIDTH / 2, 12 * mm, tr("第 {0} 页　共 {1} 页").format(number, total))
                self.restoreState()
            super().showPage()
        self._held_pages = []
        super().save()


def build_pdf(
    story: list, *, company: CompanyLetterhead, number: str, title: str, subject: str, issue_date: date
) -> bytes:
    """Lay ``story`` out on letterhead pages and return the PDF file's bytes."""
    ensure_font()
    stamp = f"D:{issue_date:%Y%m%d}000000+08'00'"

    def on_page(canvas, _doc):
        canvas.setDateFormatter(lambda *_: stamp)
        draw_letterhead(canvas, company, number)

    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        leftMargin=SIDE_MARGIN,
        rightMargin=SIDE_MARGIN,
        topMargin=HEADER_HEIGHT,
        bottomMargin=BOTTOM_MARGIN,
        invariant=1,
        title=f"{title} {number}".strip(),
        author=company.name,
        subject=subject,
        creator=CREATOR,
        producer=CREATOR,
        lang="zh-CN",
        keywords=[number],  # ASCII, so `documents verify` can name an altered copy
        initialFontName=FONT,
    )  # else every page names Helvetica, which is not embedded
    frame = Frame(
        SIDE_MARGIN,
        BOTTOM_MARGIN,
        PAGE_WIDTH - 2 * SIDE_MARGIN,
        PAGE_HEIGHT - HEADER_HEIGHT - BOTTOM_MARGIN,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="letterhead", frames=[frame], onPage=on_page)])
    with _build_lock:
        doc.build(story, canvasmaker=_PagedCanvas)
    return buffer.getvalue()

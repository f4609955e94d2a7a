"""Chinese paragraphs laid out the way Chinese documents are: justified, with the line-break rules.

reportlab's own CJK wrapping cuts "like a knife" between characters and only knows the Japanese
list of characters that may not start a line: a full-width comma (，), colon (：) or closing
guillemet (》) ends up at the start of a line, and an opening bracket (（《) at the end of one. An
HR manager notices that at once. This flowable breaks lines itself:

- a character that may not start a line (，。、；：！？）》” …) stays with the one before it, and one
  that may not end a line (（《“ …) goes with the one after it;
- a run of Latin letters and digits (an ID number, a document number, 2026) is kept whole unless it
  is longer than a line;
- every line but the last is justified by spreading the spare width over the gaps between
  characters (两端对齐), so the right edge is straight; a line that had to end early (the next
  piece is a long number) is left ragged rather than letter-spaced.

The text is plain (no markup) in one size of the document font; it splits across pages by lines.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from hrdesk.core.documents.pdf.fonts import FONT, ensure_font
from hrdesk.core.documents.pdf.letterhead import INK

CANNOT_START = set("，。、；：！？）》〉」』】〕］｝”’…·%‰℃,.;:!?)]}")
CANNOT_END = set("（《〈「『【〔［｛“‘([{￥$#")
_FUZZ = 1e-6
MAX_SPREAD = 0.15  # justify only when each gap grows by at most this fraction of the font size


def _is_run_char(char: str) -> bool:
    """Part of a Latin/digit run that should not be broken (no spaces, not CJK)."""
    return not char.isspace() and ord(char) < 0x2E80 and char not in CANNOT_END


def units(text: str) -> list[str]:
    """The text cut into pieces that may not be broken further (unless longer than a line)."""
    pieces: list[str] = []
    for char in text:
        if char.isspace():
            pieces.append(" ")
        elif pieces and _is_run_char(char) and _is_run_char(pieces[-1][-1]) and pieces[-1] != " ":
            pieces[-1] += char
        else:
            pieces.append(char)
    merged: list[str] = []
    for piece in pieces:
        if merged and piece != " " and merged[-1] != " " and (piece[0] in CANNOT_START or merged[-1][-1] in CANNOT_END):
            merged[-1] += piece
        else:
            merged.append(piece)
    return merged


def break_lines(text: str, size: float, width: float, first_indent: float = 0.0) -> list[tuple[str, float]]:
    """(line, natural width) pairs; the first line is ``first_indent`` narrower. The font is
    registered first: measuring must not depend on whether a document was drawn before."""
    ensure_font()
    lines: list[tuple[str, float]] = []
    current: list[str] = []
    used = 0.0

    def available() -> float:
        return width - (first_indent if not lines else 0.0)

    def flush() -> None:
        nonlocal current, used
        line = "".join(current).rstrip()
        lines.append((line, stringWidth(line, FONT, size)))
        current, used = [], 0.0

    for paragraph_line in text.split("\n"):
        for piece in units(paragraph_line):
            if piece == " " and not current:
                continue
            piece_width = stringWidth(piece, FONT, size)
            if used + piece_width <= available() + _FUZZ:
                current.append(piece)
                used += piece_width
                continue
            if piece == " ":
                flush()
                continue
            if current:
                flush()
            while piece_width > available() + _FUZZ and len(piece) > 1:  # longer than a line: cut it
                cut = len(piece) - 1
                while cut > 1 and stringWidth(piece[:cut], FONT, size) > available() + _FUZZ:
                    cut -= 1
                while cut > 1 and (piece[cut] in CANNOT_START or piece[cut - 1] in CANNOT_END):
                    cut -= 1  # the rules hold even inside a piece that has to be cut
                current = [piece[:cut]]
                flush()
                piece = piece[cut:]
                piece_width = stringWidth(piece, FONT, size)
            current = [piece]
            used = piece_width
        flush()
    return lines


class CJKParagraph(Flowable):
    """A paragraph of plain Chinese text; ``align`` is justify, left, centre or right."""

    def __init__(
        self,
        text: str,
        size: float = 12,
        leading: float | None = None,
        first_indent: float = 0.0,
        align: str = "justify",
        color=INK,
        space_after: float = 0.0,
        _lines=None,
        _is_rest=False,
    ):
        super().__init__()
        ensure_font()
        self.text = text
        self.size = size
        self.leading = leading or size * 1.5
        self.first_indent = first_indent
        self.align = align
        self.color = color
        self.space_after = space_after
        self._fixed_lines = _lines
        self._is_rest = _is_rest  # a continuation: no indent on its first line
        self.lines: list[tuple[str, float]] = []

    def wrap(self, available_width, available_height):
        self.width = available_width
        if self._fixed_lines is not None:
            self.lines = self._fixed_lines
        else:
            self.lines = break_lines(self.text, self.size, available_width, self.first_indent)
        self.height = len(self.lines) * self.leading
        return available_width, self.height + self.space_after

    def split(self, available_width, available_height):
        self.wrap(available_width, available_height)
        fit = int((available_height + _FUZZ) // self.leading)
        if fit < 2 or fit >= len(self.lines) or len(self.lines) - fit < 2:
            return []  # keep at least two lines together on either side
        common = dict(
            size=self.size, leading=self.leading, first_indent=self.first_indent, align=self.align, color=self.color
        )
        head = CJKParagraph(self.text, _lines=self.lines[:fit], _is_rest=self._is_rest, **common)
        head._last_is_justified = True
        tail = CJKParagraph(self.text, _lines=self.lines[fit:], _is_rest=True, space_after=self.space_after, **common)
        return [head, tail]

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.color)
        justify_last = getattr(self, "_last_is_justified", False)
        for index, (line, natural) in enumerate(self.lines):
            indent = self.first_indent if index == 0 and not self._is_rest else 0.0
            room = self.width - indent
            y = self.height - (index + 1) * self.leading + (self.leading - self.size) / 2 + self.size * 0.12
            last = index == len(self.lines) - 1 and not justify_last
            text_object = canvas.beginText(indent, y)
            text_object.setFont(FONT, self.size)
            if self.align == "centre":
                text_object.setTextOrigin(indent + (room - natural) / 2, y)
            elif self.align == "right":
                text_object.setTextOrigin(indent + room - natural, y)
            elif self.align == "justify" and not last and len(line) > 1:
                spread = (room - natural) / (len(line) - 1)
                if 0 < spread <= self.size * MAX_SPREAD:  # a line cut early (a long number) stays ragged
                    text_object.setCharSpace(spread)
            text_object.textOut(line)
            canvas.drawText(text_object)
        canvas.restoreState()

"""Characters no stored name or free text may hold, checked once for every service.

Refused: NUL and the other C0 and C1 control characters (a NUL truncates the text in C libraries,
the PDF writer and many exports; a line break in a name breaks the tab-separated CLI output and
the payroll sheets), the bidirectional formatting characters U+202A–U+202E (embeddings and
overrides), U+2066–U+2069 (isolates), U+200E/U+200F and U+061C (marks) — with them "张三\u202e吕"
shows in a different order than it is stored and sorts, searches and prints as something else
(the "Trojan Source" trick) — lone surrogates (not text; they cannot be encoded as UTF-8) and the
noncharacters U+FFFE/U+FFFF.

Every service that stores a name (employees, departments, positions, user display names, custom
field labels, choices and text values) calls :func:`text_problem` with the field's label and puts
the message under the field's key in its ValidationError.
"""

from __future__ import annotations

import unicodedata

from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.kernel.i18n import tr

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
)
NONCHARACTERS = frozenset("\ufffe\uffff")
# what multi-line free text (a note, a reason) may keep of the control characters
MULTILINE_ALLOWED = frozenset("\n\t")


def forbidden_character(text: str, *, multiline: bool = False) -> str | None:
    """The first character of ``text`` no stored text may hold, or None."""
    for char in text:
        if multiline and char in MULTILINE_ALLOWED:
            continue
        if char in BIDI_CONTROLS or char in NONCHARACTERS or unicodedata.category(char) in ("Cc", "Cs"):
            return char
    return None


def describe_character(char: str) -> str:
    """ "U+202E RIGHT-TO-LEFT OVERRIDE": the code point, and its Unicode name where it has one."""
    code = f"U+{ord(char):04X}"
    name = unicodedata.name(char, "")
    return f"{code} {name}" if name else code


def text_problem(text: str | None, label: str, *, multiline: bool = False) -> str | None:
    """The message for a text that holds a forbidden character, naming the field and the character,
    or None if the text is fine (None and "" are fine: whether a field is required is its own rule).
    """
    if not text:
        return None
    char = forbidden_character(text, multiline=multiline)
    if char is None:
        return None
    if char in BIDI_CONTROLS:
        return tr("{0}中含有不可见的文字方向控制字符（{1}），会使显示的内容与保存的不一致，请删除后重新输入").format(
            label, describe_character(char)
        )
    return tr("{0}中含有不可见的控制字符（{1}），请删除后重新输入").format(label, describe_character(char))


def clean_text(text: str | None, label: str, field: str, *, multiline: bool = False, limit: int | None = None) -> str:
    """``text`` stripped (and cut to ``limit``), or a ValidationError on ``field`` naming the
    invisible character it holds: for the free texts of every service (notes, comments, reasons),
    which end up in the trail, in PDFs and in e-mails."""
    problem = text_problem(text, label, multiline=multiline)
    if problem:
        raise ValidationError({field: problem})
    cleaned = (text or "").strip()
    return cleaned[:limit] if limit is not None else cleaned

"""The one font every PDF uses: WenQuanYi Micro Hei, embedded as a subset.

reportlab embeds only TrueType outlines; WenQuanYi Micro Hei has them, has Latin letters and digits
too, and extracts as real text through its Unicode map (see docs: the Noto CJK OTFs and reportlab's
built-in STSong-Light both fail one of these). Loading the 5 MB face takes a few hundred
milliseconds and its tables stay in memory, so it is registered once per process; reportlab keeps
per-document subset state in a WeakKeyDictionary that is emptied when a document is written, so
nothing grows with the number of documents.

A character the face has no glyph for (an emoji, a rare 扩展B 汉字 such as 𠀀) would be drawn as
nothing: reportlab maps it to the empty glyph, and a certificate would name someone else. So
before a document is drawn :func:`require_drawable` checks every text it holds against the face's
character map and refuses to issue it, naming the field and the character; no fallback font is
bundled.
"""

from __future__ import annotations

import dataclasses
import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from hrdesk.core.kernel.errors import StorageError, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.resources import resource_path

FONT = "WQYMicroHei"
FONT_FILE = ("fonts", "wqy-microhei.ttc")

_lock = threading.Lock()
_registered = False


def ensure_font() -> str:
    """Register the font with reportlab if this process has not yet; returns its name."""
    global _registered
    if _registered:
        return FONT
    with _lock:
        if not _registered:
            path = resource_path(*FONT_FILE)
            try:
                font = TTFont(FONT, str(path), subfontIndex=0)
            except (OSError, TTFError) as exc:
                raise StorageError(tr("找不到PDF所需的中文字体文件：{0}（{1}）").format(path, exc)) from None
            pdfmetrics.registerFont(font)
            # one face for every style: <b> in a Paragraph must not fail (there is no bold face)
            pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
            _registered = True
    return FONT


# what the documents' fields are called in a message (the field name itself otherwise)
FIELD_LABELS = {
    "employee_name": "姓名",
    "id_number": "身份证号",
    "emp_no": "工号",
    "position": "岗位",
    "department": "部门",
    "reason": "离职原因",
    "purpose": "用途",
    "contact": "联系方式",
    "years_of_service": "工作年限",
    "number": "证明编号",
    "separation_type": "离职类型",
    "payment_method": "支付方式",
    "confirmation": "确认声明",
    "signatures": "签字栏",
    "allowances": "津贴名称",
    "lines": "结算项目",
    "item": "结算项目",
    "basis": "计算说明",
    "company": "公司",
    "name": "名称",
    "address": "地址",
    "phone": "电话",
    "credit_code": "统一社会信用代码",
}
_LAYOUT = frozenset("\n\t ")  # line breaks and spaces are layout, not glyphs


def missing_character(text: str) -> str | None:
    """The first character of ``text`` the font cannot draw, or None."""
    ensure_font()
    glyphs = pdfmetrics.getFont(FONT).face.charToGlyph
    for char in text:
        if char not in _LAYOUT and ord(char) not in glyphs:
            return char
    return None


def _texts(value, path: tuple[str, ...]):
    """(path, text) for every text in a document's dataclass, its nested dataclasses and tuples."""
    if isinstance(value, str):
        yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _texts(getattr(value, f.name), (*path, f.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _texts(item, path)


def require_drawable(document) -> None:
    """Refuse a document (a dataclass of the texts it prints) holding a character the font cannot
    draw: a ValidationError naming each such field and its first such character."""
    errors: dict[str, str] = {}
    for path, text in _texts(document, ()):
        char = missing_character(text)
        key = ".".join(path)
        if char is None or key in errors:
            continue
        label = "".join(tr(FIELD_LABELS.get(part, part)) for part in path)
        errors[key] = tr("{0}中的字符“{1}”（U+{2:04X}）无法在证明文件中显示，请修改后再出具").format(
            label, char, ord(char)
        )
    if errors:
        raise ValidationError(errors)

"""The one font every PDF uses: WenQuanYi Micro Hei, embedded as a subset.

reportlab embeds only TrueType outlines; WenQuanYi Micro Hei has them, has Latin letters and digits
too, and extracts as real text through its Unicode map (see docs: the Noto CJK OTFs and reportlab's
built-in STSong-Light both fail one of these). Loading the 5 MB face takes a few hundred
milliseconds and its tables stay in memory, so it is registered once per process; reportlab keeps
per-document subset state in a WeakKeyDictionary that is emptied when a document is written, so
nothing grows with the number of documents.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from hrdesk.core.kernel.errors import StorageError
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

"""Translation hook for user-visible text produced by the core.

The core may not import Qt, yet every string a user sees must go through Qt's tr() so that a
translation can follow. Core code marks strings with ``tr(text)``; by default that returns the text
unchanged (Simplified Chinese is the source language). The GUI installs QCoreApplication.translate
with :func:`install_translator`, so core messages are translated by the same .qm files as the UI.
"""

from __future__ import annotations

from collections.abc import Callable

_CONTEXT = "hrdesk.core"
_translate: Callable[[str, str], str] | None = None


_memo: dict[str, str] = {}


def install_translator(translate: Callable[[str, str], str] | None) -> None:
    """Route core strings through ``translate(context, text)`` (None restores the identity)."""
    global _translate
    _translate = translate
    _memo.clear()


def tr(text: str) -> str:
    """The translation of ``text``, looked up once per translator: payroll asks for the same few
    dozen strings for every one of 10,000 employees."""
    if _translate is None:
        return text
    translated = _memo.get(text)
    if translated is None:
        translated = _memo[text] = _translate(_CONTEXT, text)
    return translated

"""Translation hook for user-visible text produced by the core.

The core may not import Qt, yet every string a user sees must go through Qt's tr() so that a
translation can follow. Core code marks strings with ``tr(text)``; by default that returns the text
unchanged (Simplified Chinese is the source language). The GUI installs QCoreApplication.translate
with :func:`install_translator`, so core messages are translated by the same .qm files as the UI.
"""

from __future__ import annotations

from typing import Callable

_CONTEXT = "hrdesk.core"
_translate: Callable[[str, str], str] | None = None


def install_translator(translate: Callable[[str, str], str] | None) -> None:
    """Route core strings through ``translate(context, text)`` (None restores the identity)."""
    global _translate
    _translate = translate


def tr(text: str) -> str:
    if _translate is None:
        return text
    return _translate(_CONTEXT, text)

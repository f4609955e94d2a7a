"""Texts more than one part of 工资核算 writes: months and moments.

Translated in the context "PayrollPage", as they were when the parts lived in the page module, so
one translation serves the whole page.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from hrdesk.core.kernel.clock import local_text


def tr(text: str) -> str:
    return QCoreApplication.translate("PayrollPage", text)


def month_text(month: date) -> str:
    return f"{month.year}年{month.month:02d}月"


def when_text(moment) -> str:
    """A stored (UTC) moment in local time to the minute, or nothing when there is none."""
    return local_text(moment)

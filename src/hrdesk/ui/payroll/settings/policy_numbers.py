"""Rates and amounts of the policy tables as people read and type them: 8 for 8%, no trailing zeros.

The tables store exact decimals (0.08, "7460"); the editors show and accept percentages and plain
numbers, and a typed value that is not a non-negative number gets a message for the field rather
than an exception. Texts are translated in the page's context ("PayrollSettingsPage").
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("PayrollSettingsPage", text)


def percent_text(rate: Decimal) -> str:
    """0.08 → "8", 0.005 → "0.5", 0.0026 → "0.26"."""
    text = f"{rate * 100:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def plain_number(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def number_text(value, *, percent: bool = False) -> str:
    """A stored number (a string, int or Decimal) for an editor's field; blank when there is none."""
    if value in (None, ""):
        return ""
    number = Decimal(str(value))
    return percent_text(number) if percent else plain_number(number)


def parse_number(text: str, *, percent: bool = False, required: bool = True) -> Decimal | None:
    """What someone typed into a rate or amount cell; ValueError with a message."""
    text = (text or "").strip().replace(",", "").replace("，", "").rstrip("%％").strip()
    if not text:
        if required:
            raise ValueError(tr("请填写"))
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(tr("应为数字")) from None
    if not value.is_finite() or value < 0:
        raise ValueError(tr("应为不小于0的数字"))
    return value / 100 if percent else value

"""How sensitive values look to someone who may not see them: same length, ends kept."""

from __future__ import annotations

from typing import overload

MASKED_MONEY = "****"


@overload
def mask_id_number(value: str) -> str: ...
@overload
def mask_id_number(value: None) -> None: ...
@overload
def mask_id_number(value: str | None) -> str | None: ...


def mask_id_number(value: str | None) -> str | None:
    """'110101199003071234' -> '110***********1234' (region prefix and last four kept)."""
    if not value:
        return value
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_bank_account(value: str | None) -> str | None:
    """'6222021234567890123' -> '6222***********0123' (issuer prefix and last four kept)."""
    if not value:
        return value
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]

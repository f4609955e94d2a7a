"""Money as Decimal with two places (fen); parsing of what users type."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from hrdesk.core.kernel.i18n import tr

FEN = Decimal("0.01")
# Above any amount a company of this size pays or is paid in one entry (一亿元): what a parser accepts
# unless its caller allows more. Larger input is a typo or an attack (``1e400``), never an amount.
MAX_MONEY = Decimal("100000000.00")


class MoneyError(ValueError):
    pass


def parse_money(
    value: str | Decimal | int | None, *, maximum: Decimal | None = MAX_MONEY, allow_negative: bool = False
) -> Decimal:
    """Parse an amount such as '12,345.6' or '¥8000' exactly; more than two decimals is an error.

    Floats are refused on purpose: they cannot hold most amounts exactly. Not-a-number, infinity and
    anything above ``maximum`` (:data:`MAX_MONEY` unless the caller allows more; ``None`` means the
    same) are refused with a message, checked before any arithmetic so ``1e400`` cannot overflow.
    """
    if maximum is None:
        maximum = MAX_MONEY
    if isinstance(value, float):
        raise TypeError("money must not be a float")
    if isinstance(value, (Decimal, int)):
        amount = Decimal(value)
    else:
        text = (value or "").strip().replace(",", "").replace("，", "").lstrip("¥￥").strip()
        if not text:
            raise MoneyError(tr("请填写金额"))
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise MoneyError(tr("金额格式不正确")) from None
    if not amount.is_finite():
        raise MoneyError(tr("金额格式不正确"))
    if amount < 0 and not allow_negative:
        raise MoneyError(tr("金额不能为负数"))
    if abs(amount) > maximum:
        raise MoneyError(tr("金额超出允许范围（最多{0}）").format(format_money(maximum)))
    if amount != amount.quantize(FEN):
        raise MoneyError(tr("金额最多保留两位小数"))
    return amount.quantize(FEN)


def to_fen(amount: Decimal) -> int:
    """Exact integer fen; raises if the amount has fractions of a fen."""
    fen = amount * 100
    if fen != fen.to_integral_value():
        raise ValueError(f"{amount} has fractions of a fen")
    return int(fen)


def from_fen(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(FEN)


def format_money(amount: Decimal | None) -> str:
    if amount is None:
        return ""
    return f"{amount:,.2f}"

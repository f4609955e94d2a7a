"""Amounts as Chinese documents print them: 12,345.60 and 壹万贰仟叁佰肆拾伍元陆角.

The capital form (人民币大写) follows the 支付结算办法 writing rules, because settlement statements
are signed and a figure in words cannot be altered by adding a stroke: 零 for any run of zeros
inside the number, 整 after 元 when there are no 角 and 分, none after 分; a lone 角 without 分
takes no 整. 壹拾 is written out in full (壹拾万, not 拾万), as banks require.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ("", "拾", "佰", "仟")
BIG_UNITS = ("", "万", "亿", "万亿")
FEN = Decimal("0.01")


def money_text(amount: Decimal) -> str:
    """12345.6 → "12,345.60"."""
    if not isinstance(amount, Decimal):
        raise TypeError("money must be a Decimal")
    return f"{amount.quantize(FEN, rounding=ROUND_HALF_UP):,.2f}"


def _integer_words(value: int) -> str:
    digits = str(value)
    out: list[str] = []
    zero_pending = False
    group_has_digit = False
    for index, char in enumerate(digits):
        position = len(digits) - 1 - index
        digit = int(char)
        if digit:
            if zero_pending and out:
                out.append(DIGITS[0])
            out.append(DIGITS[digit] + SMALL_UNITS[position % 4])
            zero_pending = False
            group_has_digit = True
        else:
            zero_pending = True
        if position % 4 == 0:
            if group_has_digit and position:
                out.append(BIG_UNITS[position // 4])
            group_has_digit = False
    return "".join(out)


def amount_in_words(amount: Decimal) -> str:
    """人民币大写 of ``amount`` (rounded to the fen): 1000.05 → 壹仟元零伍分; 0 → 零元整."""
    if isinstance(amount, float):
        raise TypeError("money must not be a float")
    fen = int((abs(Decimal(amount)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if fen >= 10**18:
        raise ValueError("amount too large")
    yuan, rest = divmod(fen, 100)
    jiao, fen_digit = divmod(rest, 10)
    sign = "负" if amount < 0 and fen else ""
    if not fen:
        return "零元整"
    text = _integer_words(yuan) + "元" if yuan else ""
    if not rest:
        return sign + text + "整"
    if jiao:
        text += DIGITS[jiao] + "角"
    elif yuan:
        text += DIGITS[0]
    if fen_digit:
        text += DIGITS[fen_digit] + "分"
    return sign + text

"""What users type as an amount (kernel.money.parse_money): at most 一亿元 unless the caller allows
more, ``maximum=None`` meaning that same ceiling, a float refused before anything else, and the
fen kept exact. Mutation testing (issue 12, docs/mutation.md) found the ceiling's handling
unchecked by the rules' tests (tests/security/test_bad_input.py covers the refusals end to end).
"""

from decimal import Decimal as D

import pytest

from hrdesk.core.kernel.money import MAX_MONEY, MoneyError, parse_money


def test_the_ceiling_is_one_hundred_million_unless_the_caller_allows_more():
    assert parse_money("100,000,000.00") == MAX_MONEY
    with pytest.raises(MoneyError):
        parse_money("100000000.01")
    assert parse_money("100000000.01", maximum=D("200000000")) == D("100000000.01")


def test_no_maximum_means_the_same_ceiling():
    assert parse_money("99999999.99", maximum=None) == D("99999999.99")
    with pytest.raises(MoneyError):
        parse_money("100000000.01", maximum=None)


def test_a_smaller_ceiling_is_kept():
    with pytest.raises(MoneyError):
        parse_money("5000.01", maximum=D("5000"))


def test_a_float_is_refused():
    with pytest.raises(TypeError):
        parse_money(0.1)  # type: ignore[arg-type]


def test_the_yuan_sign_and_chinese_commas_are_accepted():
    assert parse_money("¥8,000.50") == D("8000.50")
    assert parse_money(" ￥12，345.6 ") == D("12345.60")

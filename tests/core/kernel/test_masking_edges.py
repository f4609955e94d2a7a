"""The masking rules at their edges, where mutation testing (issue 12, docs/mutation.md) found them
unchecked: numbers too short to keep their ends, exactly which texts give an ID number's masked
digits back, empty values (nothing to hide), a sensitive key deciding for everything nested under
it however deep, a harmless or unknown key deciding for nothing nested under it, a bare value, and
the secrets reaching both sides of a record.
"""

from hrdesk.core.kernel.masking import (
    MASKED,
    MASKED_MONEY,
    giveaways,
    mask_bank_account,
    mask_id_number,
    mask_record,
    mask_values,
)

ID = "110101199003071234"


def test_a_number_too_short_to_keep_its_ends_is_all_stars():
    # an ID number keeps 3 + 4 characters, so 7 or fewer show none; a bank account keeps 4 + 4
    assert mask_id_number("1234567") == "*******"
    assert mask_id_number("12345678") == "123*5678"
    assert mask_bank_account("12345678") == "********"
    assert mask_bank_account("123456789") == "1234*6789"


def test_exactly_the_texts_that_give_the_masked_digits_back():
    assert giveaways(ID) == (
        ID,
        "10119900307",  # the eleven masked digits
        "110101",  # the region code
        "19900307",
        "1990-03-07",
        "1990/03/07",
        "1990/3/7",
        "1990.03.07",
        "03-07",
        "3月7日",
        "03月07日",
    )
    # a birthday after the 9th of a month after September: every digit is read
    assert "11月25日" in giveaways("110101199011251234") and "1990-11-25" in giveaways("110101199011251234")
    # no valid birth date in it (month 13): the number and its masked digits only
    assert giveaways("110101199013071234") == ("110101199013071234", "10119901307")
    # not 18 characters (an old 15-digit number, a typo): the number itself
    assert giveaways("110101900307123") == ("110101900307123",)
    assert giveaways("") == () and giveaways(None) == ()


def test_an_empty_sensitive_value_stays_empty():
    values = {"id_number": "", "bank_account": "", "birth_date": "", "base_salary": ""}
    assert mask_values(values) == values


def test_a_sensitive_key_masks_everything_nested_under_it():
    values = {
        "birth_date": {"from": "1990-03-07", "to": "1991-01-01"},
        "id_number": {"from": ID},
        "bank_account": {"to": "6222021234567890123"},
        "lines": [{"label": "经济补偿", "basis": "N = 2.5"}, {"rows": {"cell": {"label": "代通知金"}}}],
    }
    assert mask_values(values) == {
        "birth_date": {"from": MASKED, "to": MASKED},
        "id_number": {"from": "110***********1234"},
        "bank_account": {"to": "6222***********0123"},
        "lines": [
            {"label": MASKED_MONEY, "basis": MASKED_MONEY},
            {"rows": {"cell": {"label": MASKED_MONEY}}},
        ],
    }


def test_a_harmless_or_unknown_key_leaves_the_nested_keys_to_decide():
    values = {"item": {"amount": "100.00", "name": "餐补"}, "payload": {"number": "12345", "note": "12345"}}
    assert mask_values(values) == {
        "item": {"amount": MASKED_MONEY, "name": "餐补"},  # amount is pay wherever it is
        "payload": {"number": "12345", "note": MASKED_MONEY},  # number is harmless, 12345 elsewhere is not
    }


def test_a_bare_value_is_masked_by_what_it_looks_like():
    assert mask_values("实发 80,246.86") == "实发 " + MASKED_MONEY
    assert mask_values("12345.67") == MASKED_MONEY
    assert mask_values(None) is None


def test_the_secrets_mask_company_fields_before_and_after():
    before = {"custom": {"备注": "生日3月7日"}}
    after = {"custom": {"备注": "生日 1990/3/7"}}
    summary, masked_before, masked_after = mask_record("employee", "修改员工", before, after, giveaways(ID))
    assert masked_before == {"custom": {"备注": MASKED}}
    assert masked_after == {"custom": {"备注": MASKED}}

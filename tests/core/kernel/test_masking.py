"""The masking rules (kernel.masking) on their own: by key names, by value where the key says
nothing, nested values, amounts inside texts, what gives masked ID digits back."""

from datetime import date

from hrdesk.core.kernel.masking import (
    MASKED,
    MASKED_MONEY,
    age_on,
    giveaways,
    looks_like_amount,
    mask_custom_value,
    mask_record,
    mask_text,
    mask_values,
)
from tests.helpers import make_id

ID = make_id(region="420102", birth=date(1990, 3, 7), seq=851)


def test_known_keys_mask_their_whole_subtree():
    values = {
        "id_number": ID,
        "bank_account": "6222021234567890123",
        "birth_date": "1990-03-07",
        "base_salary": {"from": "12000.00", "to": "15000"},
        "insurance_base": "",
        "lines": [["pay", "基本工资", "按月 12,000.00", "12000.00"], ["net", "实发合计", "", "80246.86"]],
    }
    masked = mask_values(values)
    assert masked["id_number"] == "420***********" + ID[-4:]
    assert masked["bank_account"] == "6222***********0123"
    assert masked["birth_date"] == MASKED
    assert masked["base_salary"] == {"from": MASKED_MONEY, "to": MASKED_MONEY}
    assert masked["insurance_base"] == ""  # nothing set shows as nothing set
    assert masked["lines"] == [[MASKED_MONEY] * 4, [MASKED_MONEY, MASKED_MONEY, "", MASKED_MONEY]]
    assert values["lines"][0][3] == "12000.00"  # a copy: the record itself is untouched


def test_an_unknown_key_holding_an_amount_is_masked_by_default():
    masked = mask_values(
        {
            "bonus_2027": "5000",  # a field nobody listed yet
            "confirmed_deductions": {"17": "2468.24"},
            "rate": 0.08,
            "nested": [{"whatever": "-1,234.50"}],
            "count": 55,  # integers are ids, counts, steps and years
            "item_id": 17,
            "notice_pay": True,
        }
    )
    assert masked == {
        "bonus_2027": MASKED_MONEY,
        "confirmed_deductions": {"17": MASKED_MONEY},
        "rate": MASKED_MONEY,
        "nested": [{"whatever": MASKED_MONEY}],
        "count": 55,
        "item_id": 17,
        "notice_pay": True,
    }


def test_harmless_keys_and_texts_keep_what_is_no_amount():
    values = {
        "emp_no": "000123",
        "phone": "13800000002",
        "working_years": "9",
        "hire_date": "2020-03-07",
        "title": "笔记本电脑（资产编号 123456）",
        "comment": "同意，6.5个月，200%，2026-03-31 前办结",
        "roles": ["hr", "employee"],
    }
    assert mask_values(values) == values


def test_amounts_inside_texts_are_masked():
    assert mask_text("2026年01月工资计算：55人，应发 1,057,599.09，实发 865,869.97，个税 16,593.92") == (
        "2026年01月工资计算：55人，应发 ****，实发 ****，个税 ****"
    )
    assert mask_text("笔记本未归还，按净值 3000 元扣款；李四 的交通补贴自 2026-01 起为 733.50") == (
        "笔记本未归还，按净值 **** 元扣款；李四 的交通补贴自 2026-01 起为 ****"
    )
    assert mask_text("新建员工 E000002 李四") == "新建员工 E000002 李四"
    assert mask_values({"comment": "扣 2,468.24"}) == {"comment": "扣 ****"}


def test_records_about_the_company_rules_stay_readable():
    data = {"data": {"floor": "7384.00", "cap": "36921.00", "rate": "0.08"}}
    assert mask_record("policy", "保存上海社保政策", None, data) == ("保存上海社保政策", None, data)
    summary, before, after = mask_record("employee", "实发 80,246.86", {"amount": "1.00"}, None)
    assert (summary, before, after) == ("实发 ****", {"amount": MASKED_MONEY}, None)


def test_age_in_whole_years():
    born = date(1990, 3, 7)
    assert age_on(born, date(2026, 3, 6)) == 35
    assert age_on(born, date(2026, 3, 7)) == 36
    assert age_on(date(2000, 2, 29), date(2026, 2, 28)) == 25


def test_what_gives_the_masked_digits_back():
    secrets = giveaways(ID)
    assert ID in secrets and ID[3:14] in secrets and "420102" in secrets
    assert {"1990-03-07", "19900307", "1990/3/7", "3月7日", "03月07日"} <= set(secrets)
    # company-defined values: every date (a 生日 field looks like any other), and texts or numbers
    # that repeat the birth date or the masked digits
    assert mask_custom_value("2021-06-30", secrets) == MASKED
    assert mask_custom_value(date(2021, 6, 30), secrets) == MASKED
    assert mask_custom_value("生日 3月7日", secrets) == MASKED
    assert mask_custom_value("户籍 420102", secrets) == MASKED
    assert mask_custom_value("喜欢篮球", secrets) == "喜欢篮球"
    assert mask_custom_value(None, secrets) is None
    # the same rule in an audit record's company-defined values
    masked = mask_values({"custom": {"note": "1990年3月7日生", "hobby": "篮球"}}, secrets)
    assert masked == {"custom": {"note": MASKED, "hobby": "篮球"}}
    assert giveaways(None) == ()


def test_what_looks_like_an_amount():
    for text in ("12000", "12000.00", "-2,100.00", " 1,234 ", 0.5):
        assert looks_like_amount(text), text
    for value in ("E000123", "2026-03", "6.5个月", 42, True, None, "12,34"):
        assert not looks_like_amount(value), value

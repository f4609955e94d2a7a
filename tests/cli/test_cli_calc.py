"""The calculators on the command line: no company file, no login; figures checked by hand."""

import json

import pytest

from hrdesk.cli.main import run


def cli(capsys, *args):
    code = run([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_compensation_text(capsys):
    # 2 years 3 months at 10,000: N = 2.5 → 25,000
    code, out, err = cli(
        capsys,
        "calc",
        "compensation",
        "--hire-date",
        "2023-01-01",
        "--last-day",
        "2025-03-31",
        "--monthly-wage",
        "10000",
        "--reason",
        "协商解除",
    )
    assert code == 0, err
    assert "补偿月数 N：2.5" in out
    assert "经济补偿：25,000.00 元" in out
    assert "合计：25,000.00 元" in out
    assert "计算依据" in out


def test_compensation_capped_with_notice_pay_json(capsys):
    # 15 years at 50,000 > 3 × 12,434 = 37,302 → 37,302 × 12 = 447,624; notice pay 50,000 (uncapped)
    code, out, err = cli(
        capsys,
        "calc",
        "compensation",
        "--hire-date",
        "2010-01-01",
        "--last-day",
        "2024-12-31",
        "--monthly-wage",
        "50000",
        "--reason",
        "layoff",
        "--local-average-monthly",
        "12434",
        "--notice-pay",
        "--json",
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["case"] == "layoff" and data["case_label"] == "经济性裁员"
    assert data["service"] == {"years": 15, "months": 0, "days": 0, "text": "15年"}
    assert data["months"] == "15" and data["months_counted"] == "12"
    assert data["capped"] is True and data["wage_cap"] == "37302.00" and data["wage_base"] == "37302.00"
    assert data["compensation"] == "447624.00"
    assert data["notice_pay"] == "50000.00"
    assert data["total"] == "497624.00"
    assert isinstance(data["basis"], list) and data["basis"]


def test_compensation_capped_text_mentions_the_cap(capsys):
    code, out, _ = cli(
        capsys,
        "calc",
        "compensation",
        "--hire-date",
        "2010-01-01",
        "--last-day",
        "2024-12-31",
        "--monthly-wage",
        "50000",
        "--reason",
        "mutual",
        "--local-average-monthly",
        "12434",
    )
    assert code == 0
    assert "37,302.00 元" in out and "12 个月" in out


def test_compensation_not_owed(capsys):
    code, out, _ = cli(
        capsys,
        "calc",
        "compensation",
        "--hire-date",
        "2023-01-01",
        "--last-day",
        "2025-03-31",
        "--monthly-wage",
        "10000",
        "--reason",
        "misconduct",
    )
    assert code == 0
    assert "经济补偿：不支付" in out and "合计：0.00 元" in out


def test_unlawful_json(capsys):
    # 2N = 2 × 2.5 × 10,000 = 50,000
    code, out, _ = cli(
        capsys,
        "calc",
        "compensation",
        "--hire-date",
        "2023-01-01",
        "--last-day",
        "2025-03-31",
        "--monthly-wage",
        "10000",
        "--reason",
        "违法解除",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["multiplier"] == "2" and data["total"] == "50000.00"


def _compensation(capsys, *extra):
    return cli(
        capsys,
        "calc",
        "compensation",
        "--hire-date",
        "2011-01-01",
        "--last-day",
        "2024-12-31",
        "--monthly-wage",
        "50000",
        *extra,
    )


def test_compensation_headline_shows_the_n_used_after_the_cap(capsys):
    # 14 years at 50,000 > 3 × 12,434: N is 12, not 14: 37,302 × 12 = 447,624
    code, out, err = _compensation(capsys, "--reason", "mutual", "--local-average-monthly", "12434")
    assert code == 0, err
    headline = next(line for line in out.splitlines() if line.startswith("补偿月数 N："))
    assert headline.startswith("补偿月数 N：12（") and "14" in headline
    assert "经济补偿：447,624.00 元" in out


def test_compensation_warns_when_the_cap_cannot_be_checked(capsys):
    code, out, _ = _compensation(capsys, "--reason", "mutual")
    assert code == 0
    assert "注意：未提供当地上年职工月平均工资，无法核对三倍封顶" in out
    assert "补偿月数 N：14\n" in out and "经济补偿：700,000.00 元" in out
    code, out, _ = _compensation(capsys, "--reason", "mutual", "--json")
    assert "无法核对三倍封顶" in json.loads(out)["warnings"][0]


@pytest.mark.parametrize(
    "reason, label",
    [("illness", "医疗期满不能从事原工作"), ("不能胜任工作", "不能胜任工作"), ("changed", "客观情况发生重大变化")],
)
def test_compensation_article_40_with_notice_pay_at_the_previous_month_s_wage(capsys, reason, label):
    # N 12 × 37,302 = 447,624 + 代通知金 the previous month's 52,000 (uncapped) = 499,624
    code, out, err = _compensation(
        capsys,
        "--reason",
        reason,
        "--local-average-monthly",
        "12434",
        "--notice-pay",
        "--previous-month-wage",
        "52000",
        "--json",
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["case_label"] == label and data["article_40"] is True
    assert data["compensation"] == "447624.00" and data["notice_pay"] == "52000.00" and data["total"] == "499624.00"
    assert data["warnings"] == []
    code, out, _ = _compensation(capsys, "--reason", reason, "--local-average-monthly", "12434", "--notice-pay")
    assert code == 0 and "代通知金：50,000.00 元" in out and "实施条例第二十条" in out  # assumed, and said so


def test_annual_leave(capsys):
    # 90 / 365 × 10 = 2.47 → 2.47 − 1 → 1 day; 10,000 / 21.75 × 200% = 919.54
    args = [
        "calc",
        "annual-leave",
        "--working-years",
        "10",
        "--last-day",
        "2026-03-31",
        "--taken",
        "1",
        "--monthly-wage",
        "10000",
    ]
    code, out, err = cli(capsys, *args)
    assert code == 0, err
    assert "应休未休：1 天" in out and "919.54 元" in out
    # the working as printed checks by hand: cut quotients, the pay from the one expression
    assert "90 ÷ 365 × 10 = 2.4657…天" in out and "10,000.00 ÷ 21.75 = 459.7701… 元" in out
    assert "10,000.00元 ÷ 21.75 × 200% × 1天 = 919.54元" in out
    code, out, _ = cli(capsys, *args, "--json")
    data = json.loads(out)
    assert data["entitlement"] == 10 and data["days_passed"] == 90 and data["untaken"] == 1
    assert data["daily_wage"] == "459.77" and data["total_pay"] == "919.54"


def test_iit_table(capsys):
    # 20,000 − 5,000 − 2,000 = 13,000 a month; month 3: 39,000 × 10% − 2,520 = 1,380 → 600 this month
    code, out, err = cli(
        capsys, "tax", "iit", "--gross", "20000", "--insurance", "2000", "--special", "0", "--months", "12", "--json"
    )
    assert code == 0, err
    data = json.loads(out)
    months = data["months"]
    assert [m["month"] for m in months] == list(range(1, 13))
    assert set(months[0]) >= {"month", "cumulative_taxable", "cumulative_tax", "tax_this_month"}
    assert months[0]["tax_this_month"] == "390.00"
    assert months[2]["cumulative_taxable"] == "39000.00" and months[2]["cumulative_tax"] == "1380.00"
    assert months[2]["tax_this_month"] == "600.00"
    assert months[11]["tax_this_month"] == "2500.00"  # 156,000 × 20% − 16,920 = 14,280 − 11,780
    assert data["total_tax"] == "14280.00"
    code, out, _ = cli(
        capsys, "tax", "iit", "--gross", "20000", "--insurance", "2000", "--special", "0", "--months", "3"
    )
    assert code == 0
    lines = out.strip().splitlines()
    header = lines[0].split("\t")
    assert header[:2] == ["月份", "本月收入"] and "累计应纳税所得额" in header and "累计应预扣税额" in header
    # the whole working of March: 60,000 − 15,000 − 6,000 = 39,000; × 10% − 2,520 = 1,380; − 780 = 600
    assert dict(zip(header, lines[3].split("\t"), strict=True)) == {
        "月份": "3月",
        "本月收入": "20,000.00",
        "本月专项扣除": "2,000.00",
        "本月专项附加扣除": "0.00",
        "累计收入": "60,000.00",
        "累计减除费用": "15,000.00",
        "累计专项扣除": "6,000.00",
        "累计专项附加扣除": "0.00",
        "累计应纳税所得额": "39,000.00",
        "税率": "10%",
        "速算扣除数": "2,520.00",
        "累计应预扣税额": "1,380.00",
        "本月预扣税额": "600.00",
        "本月税后": "17,400.00",
    }


def test_iit_from_a_later_month_runs_to_december(capsys):
    # a July hire: 10,000 − 5,000 − 1,000 − 1,500 = 2,500 a month × 3% = 75 each month, July to December
    code, out, _ = cli(
        capsys,
        "tax",
        "iit",
        "--gross",
        "10000",
        "--insurance",
        "1000",
        "--special",
        "1500",
        "--first-month",
        "7",
        "--json",
    )
    assert code == 0
    months = json.loads(out)["months"]
    assert [(m["month"], m["tax_this_month"]) for m in months] == [(month, "75.00") for month in range(7, 13)]


def _iit_json(capsys, *args):
    code, out, err = cli(capsys, "tax", "iit", *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_iit_takes_a_wage_per_month(capsys):
    # 12,000 / 12,000 / 30,000, insurance 1,200: Jan 5,800 × 3% = 174; Feb 11,600 → 348 − 174 = 174;
    # Mar 54,000 − 15,000 − 3,600 = 35,400 × 3% = 1,062 − 348 = 714
    data = _iit_json(capsys, "--gross", "12000,12000,30000", "--insurance", "1200")
    assert [m["month"] for m in data["months"]] == [1, 2, 3]  # as many months as listed
    assert [m["gross"] for m in data["months"]] == ["12000.00", "12000.00", "30000.00"]
    assert [m["tax_this_month"] for m in data["months"]] == ["174.00", "174.00", "714.00"]
    assert data["months"][2]["cumulative_taxable"] == "35400.00" and data["total_tax"] == "1062.00"
    # the same months given as separate values or by repeating the option, full-width commas too
    for args in (
        ["--gross", "12000", "12000", "30000"],
        ["--gross", "12000", "--gross", "12000", "--gross", "30000"],
        ["--gross", "12000，12000，30000"],
    ):
        assert _iit_json(capsys, *args, "--insurance", "1200")["months"] == data["months"]


def test_iit_insurance_and_special_per_month(capsys):
    # Feb: 40,000 − 10,000 − 4,500 − 3,000 = 22,500 × 3% = 675 − 390 = 285
    data = _iit_json(capsys, "--gross", "20000", "--insurance", "2000,2500", "--special", "0,3000")
    assert [m["tax_this_month"] for m in data["months"]] == ["390.00", "285.00"]
    assert data["insurance"] == ["2000.00", "2500.00"] and data["special"] == ["0.00", "3000.00"]


def test_iit_low_income_option(capsys):
    # 公告2020年第19号: 累计减除费用 60,000 from January: 12,000 + 12,000 + 30,000 − 3,600 < 60,000
    data = _iit_json(capsys, "--gross", "12000,12000,30000", "--insurance", "1200", "--low-income")
    assert data["low_income"] is True and data["low_income_annual"] == "60000.00"
    assert all(m["cumulative_basic"] == "60000.00" and m["tax_this_month"] == "0.00" for m in data["months"])
    assert data["total_tax"] == "0.00"
    code, out, _ = cli(capsys, "tax", "iit", "--gross", "12000,12000,30000", "--low-income")
    assert code == 0 and "公告2020年第19号" in out and "60,000.00" in out


def test_iit_no_earlier_income(capsys):
    # 公告2020年第13号: first wages in July: 5,000 × 7 = 35,000 in July; 15,000 a month → nothing
    # taxable until October: 60,000 − 50,000 = 10,000 → 300; then 300, 300
    data = _iit_json(capsys, "--gross", "15000", "--first-month", "7", "--no-earlier-income")
    assert [m["cumulative_basic"] for m in data["months"]] == [
        "35000.00",
        "40000.00",
        "45000.00",
        "50000.00",
        "55000.00",
        "60000.00",
    ]
    assert [m["tax_this_month"] for m in data["months"]] == ["0.00"] * 3 + ["300.00"] * 3
    plain = _iit_json(capsys, "--gross", "15000", "--first-month", "7")
    assert plain["months"][0]["cumulative_basic"] == "5000.00" and plain["total_tax"] == "3480.00"
    code, out, _ = cli(capsys, "tax", "iit", "--gross", "15000", "--first-month", "7", "--no-earlier-income")
    assert code == 0 and "5,000.00 × 7 = 35,000.00 元" in out and "公告2020年第13号" in out


def test_iit_says_when_a_month_withholds_nothing_because_income_fell(capsys):
    code, out, _ = cli(capsys, "tax", "iit", "--gross", "30000,0,0")
    assert code == 0
    assert "2月累计应预扣税额 600.00 小于此前已预扣 750.00，本月不预扣" in out


def test_bonus(capsys):
    # 36,000.12 / 12 = 3,000.01 → 10% band: 3,600.012 − 210 = 3,390.01
    code, out, _ = cli(capsys, "tax", "bonus", "36000.12", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["rate"] == "0.10" and data["tax"] == "3390.01" and data["net"] == "32610.11"
    code, out, _ = cli(capsys, "tax", "bonus", "36000")
    assert code == 0 and "1,080.00 元" in out  # 36,000 × 3%
    code, out, _ = cli(capsys, "tax", "bonus", "36000.01")
    assert code == 0 and "÷ 12 = 3,000.0008…" in out and "10%" in out  # not "3,000.00" for the 10% band


def test_severance(capsys):
    # exempt 3 × 149,208 = 447,624; 52,376 × 10% − 2,520 = 2,717.60
    code, out, _ = cli(capsys, "tax", "severance", "500000", "--local-average-annual", "149208", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["exempt_limit"] == "447624.00" and data["taxable"] == "52376.00" and data["tax"] == "2717.60"
    code, out, _ = cli(capsys, "tax", "severance", "500000", "--local-average-annual", "149208")
    assert "2,717.60 元" in out


@pytest.mark.parametrize(
    "args, message",
    [
        (
            [
                "calc",
                "compensation",
                "--hire-date",
                "2023-01-01",
                "--last-day",
                "2025-03-31",
                "--monthly-wage",
                "-10000",
                "--reason",
                "mutual",
            ],
            "不能为负数",
        ),
        (
            [
                "calc",
                "compensation",
                "--hire-date",
                "2025-01-01",
                "--last-day",
                "2024-12-31",
                "--monthly-wage",
                "10000",
                "--reason",
                "mutual",
            ],
            "最后工作日不能早于入职日期",
        ),
        (
            [
                "calc",
                "compensation",
                "--hire-date",
                "2023-01-01",
                "--last-day",
                "2025-03-31",
                "--monthly-wage",
                "10000",
                "--reason",
                "fired",
            ],
            "离职情形无效：fired",
        ),
        (
            [
                "calc",
                "compensation",
                "--hire-date",
                "2023-13-01",
                "--last-day",
                "2025-03-31",
                "--monthly-wage",
                "10000",
                "--reason",
                "mutual",
            ],
            "YYYY-MM-DD",
        ),
        (
            [
                "calc",
                "compensation",
                "--hire-date",
                "2023-01-01",
                "--last-day",
                "2025-03-31",
                "--monthly-wage",
                "abc",
                "--reason",
                "mutual",
            ],
            "金额格式不正确",
        ),
        (
            [
                "calc",
                "compensation",
                "--hire-date",
                "2023-01-01",
                "--last-day",
                "2025-03-31",
                "--monthly-wage",
                "10000",
                "--reason",
                "resign",
                "--notice-pay",
            ],
            "代通知金",
        ),
        (
            [
                "calc",
                "annual-leave",
                "--working-years",
                "-1",
                "--last-day",
                "2026-03-31",
                "--taken",
                "0",
                "--monthly-wage",
                "10000",
            ],
            "不能为负数",
        ),
        (["tax", "iit", "--gross", "10000", "--months", "13"], "月数"),
        (["tax", "iit", "--gross", "12,000"], "千位分隔符"),  # "12,000" would be two months: 12 and 0
        (["tax", "iit", "--gross", "12000,,30000"], "第2个月：金额为空"),
        (["tax", "iit", "--gross", "12000,abc"], "税前工资第2个月：金额格式不正确（abc）"),
        (["tax", "iit", "--gross", "12000,-5"], "金额不能为负数"),
        (["tax", "iit", "--gross", "1,2", "--insurance", "1,2,3"], "个数不一致"),
        (["tax", "iit", "--gross", "1,2", "--months", "3"], "与月数 3 不一致"),
        (["tax", "iit", "--gross", "1,2,3", "--first-month", "11"], "最多 2 个月"),
        (["tax", "iit", "--gross", "1", "--first-month", "13"], "起始月份"),
        (["tax", "bonus", "-5"], "不能为负数"),
        (["tax", "severance", "1000", "--local-average-annual", "0"], "大于0"),
    ],
)
def test_bad_input_exits_2_with_a_chinese_message(capsys, args, message):
    code, out, err = cli(capsys, *args)
    assert code == 2
    assert message in err
    assert err.startswith("错误：")
    assert "Traceback" not in err and out == ""


def test_runs_without_a_company(capsys, tmp_path):
    # an empty data folder: the calculators never open it
    code, out, _ = cli(capsys, "--data-dir", tmp_path / "nothing-here", "tax", "bonus", "12000")
    assert code == 0 and "360.00 元" in out  # 12,000 / 12 = 1,000 → 3%
    assert not (tmp_path / "nothing-here").exists()

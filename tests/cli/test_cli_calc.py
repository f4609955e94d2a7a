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
    assert lines[0].split("\t")[:2] == ["月份", "累计应纳税所得额"]
    assert lines[3].split("\t") == ["3月", "39,000.00", "10%", "1,380.00", "600.00", "17,400.00"]


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

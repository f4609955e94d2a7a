"""Payroll exports: 工资表, 工资条, 银行代发 (xlsx and csv), 个税扣缴申报, 社保公积金明细, 部门成本汇总.

Every file is opened again with openpyxl and checked cell by cell. Expected figures are worked out
by hand from the rules (or summed from the rows independently), never copied from an output.
"""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from hrdesk.core.kernel.errors import StateError, StorageError, ValidationError
from hrdesk.core.payroll.excel.bank_file import layout_names, write_bank_csv, write_bank_file
from hrdesk.core.payroll.excel.cost_summary import summarize_costs, write_cost_summary
from hrdesk.core.payroll.excel.iit_declaration import write_iit_declaration
from hrdesk.core.payroll.excel.insurance_detail import write_insurance_detail
from hrdesk.core.payroll.excel.payslips import write_payslips
from hrdesk.core.payroll.excel.sheet import write_payroll_sheet
from hrdesk.core.payroll.rules.insurance import InsuranceItem
from hrdesk.core.payroll.rules.items import PayCategory
from hrdesk.core.payroll.rules.policy import INSURANCE, LOCAL_AVERAGE_WAGE
from tests.payroll_samples import MONTH, entry, header, make_row, policies, sample_rows

D = Decimal
MONEY = "#,##0.00"
EVIL = ('=HYPERLINK("http://x","y")', "+1-2", "@SUM(A1)", "-赵六")


@pytest.fixture(scope="module")
def rows():
    return sample_rows()


def by_no(rows, emp_no):
    return next(r for r in rows if r.emp_no == emp_no)


def num(value) -> Decimal:
    """A cell's number as Decimal (openpyxl reads 1234.5 back as float); blank counts as 0."""
    if value is None:
        return D("0.00")
    return D(str(value)).quantize(D("0.01"))


def header_map(ws, row: int) -> dict[str, int]:
    return {cell.value: cell.column for cell in ws[row] if cell.value is not None}


def assert_text_cells_safe(path):
    """No formula anywhere; every formula-like name is a plain string, unchanged."""
    wb = openpyxl.load_workbook(path)
    found = set()
    for ws in wb:
        for line in ws.iter_rows():
            for cell in line:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if cell.value in EVIL:
                    assert cell.data_type == "s"
                    found.add(cell.value)
    return found


# ---- 工资表 -------------------------------------------------------------------------------------


def test_payroll_sheet_figures_of_hand_checked_employees(tmp_path, rows):
    path = write_payroll_sheet(tmp_path / "工资表.xlsx", header(), rows)
    ws = openpyxl.load_workbook(path)["工资表"]
    cols = header_map(ws, 4)
    line = {ws.cell(r, 1).value: r for r in range(5, ws.max_row + 1)}

    def value(emp_no, column):
        return num(ws.cell(line[emp_no], cols[column]).value)

    # 张三, 上海, 20,000 within the bases: 8% / 2% / 0.5% / 7% fund, employer 16% / 10% / 0.5% / 0.26% / 7%
    assert ws.cell(line["E001"], cols["姓名"]).value == "张三"
    assert ws.cell(line["E001"], cols["部门"]).value == "人事部"
    expected = {
        "基本工资": "20000",
        "餐补": "500",
        "通讯补贴": "200",
        "应发合计": "20700",
        "个人养老": "1600",
        "个人医疗": "400",
        "个人失业": "100",
        "个人公积金": "1400",
        "个人社保公积金合计": "3500",
        "专项附加扣除(本月)": "5000",
        "累计应纳税所得额": "7200",  # 20,700 − 5,000 − 3,500 − 5,000
        "本月个税": "216",  # 7,200 × 3%
        "实发工资": "16984",  # 20,700 − 3,500 − 216
        "单位养老": "3200",
        "单位医疗": "2000",
        "单位失业": "100",
        "单位工伤": "52",
        "单位公积金": "1400",
        "单位合计": "6752",
        "人工成本": "27452",
    }
    for column, amount in expected.items():
        assert value("E001", column) == D(amount), column
    assert ws.cell(line["E001"], cols["计薪天数"]).value == 22  # January 2026 has 22 weekdays
    assert ws.cell(line["E001"], cols["全年一次性奖金"]).value is None  # no such item: blank

    # E003 above the cap; bonus taxed separately: 36,000 ÷ 12 = 3,000 → 3%, no quick deduction
    cap = policies().at(INSURANCE, "上海", MONTH).rule(InsuranceItem.PENSION).cap
    assert value("E003", "个人养老") == (cap * D("0.08")).quantize(D("0.01"))
    assert value("E003", "奖金个税") == D("1080")
    assert value("E003", "缺勤扣款") == D("300")
    assert value("E003", "应发合计") == D("86200")  # 50,000 + 500 + 36,000 − 300
    # 李四: severance 500,000, exempt 3 × 广州's average annual wage, the rest taxed with the annual table
    average = policies().at(LOCAL_AVERAGE_WAGE, "广州", MONTH).annual
    taxable = D("500000") - 3 * average
    table = policies().rules(MONTH, "广州").annual_table
    bracket = table.bracket_for(taxable)
    assert value("E005", "补偿金个税") == (taxable * bracket.rate - bracket.quick_deduction).quantize(D("0.01"))
    assert value("E005", "单位生育") > 0  # 广州 has a maternity item: the column exists
    # E004 (北京): 3 yuan serious-illness medical on top of 2%; after-tax deduction and reimbursement
    assert value("E004", "个人医疗") == D("303")
    assert value("E004", "借款归还") == D("1000") and value("E004", "税后扣款") == D("1000")
    assert value("E004", "报销") == D("850.50")


def test_payroll_sheet_columns_formats_subtotals_and_layout(tmp_path, rows):
    path = write_payroll_sheet(tmp_path / "工资表.xlsx", header(), rows)
    ws = openpyxl.load_workbook(path)["工资表"]
    headers = [c.value for c in ws[4]]
    assert headers[:5] == ["工号", "姓名", "部门", "计薪天数", "基本工资"]
    # one column per pay item, by category (earnings, bonus, severance, pre-tax, after-tax, reimbursement)
    items = headers[5 : headers.index("应发合计")]
    assert set(items[:3]) == {"餐补", "通讯补贴", "防暑降温费"}
    assert items[3:] == ["全年一次性奖金", "经济补偿金", "缺勤扣款", "借款归还", "差旅报销"]
    tail = headers[headers.index("应发合计") :]
    assert tail == [
        "应发合计",
        "个人养老",
        "个人医疗",
        "个人失业",
        "个人公积金",
        "个人社保公积金合计",
        "专项附加扣除(本月)",
        "累计应纳税所得额",
        "本月个税",
        "奖金个税",
        "补偿金个税",
        "税后扣款",
        "报销",
        "实发工资",
        "单位养老",
        "单位医疗",
        "单位失业",
        "单位工伤",
        "单位生育",
        "单位公积金",
        "单位合计",
        "人工成本",
    ]
    assert ws.freeze_panes == "C5"
    assert ws.auto_filter.ref.startswith("A4:")
    assert ws.print_title_rows == "$4:$4" and ws.print_title_cols == "$A:$C"
    assert ws.page_setup.orientation == "landscape"  # scale and page breaks: test_excel_payroll_sheet.py
    assert ws["A1"].value == "示例科技有限公司 2026年01月工资表"
    assert "已审核" in ws["A2"].value
    assert not ws["A3"].value  # not stale: no warning
    for index in range(1, len(headers) + 1):
        assert ws.column_dimensions[openpyxl.utils.get_column_letter(index)].width >= 8

    money_cols = range(5, len(headers) + 1)
    cumulative = headers.index("累计应纳税所得额") - 4
    employees, subtotals, grand = [], [], None
    for r in range(5, ws.max_row + 1):
        kind = ws.cell(r, 1).value
        if kind == "部门合计" or grand is not None:  # a roll-up (test_excel_payroll_sheet.py); the signature
            continue
        for c in money_cols:
            cell = ws.cell(r, c)
            assert cell.number_format == MONEY, (r, c)
            assert cell.value is None or isinstance(cell.value, (int, float)), (r, c, cell.value)
        values = [num(ws.cell(r, c).value) for c in money_cols]
        if kind == "小计":
            assert ws.cell(r, 1).font.b and ws.cell(r, 1).fill.fgColor.rgb != "00000000"
            dept = ws.cell(r, 3).value
            assert all(ws.cell(e, 3).value == dept for e, _ in employees)
            assert ws.cell(r, 2).value == f"{len(employees)}人"
            for i, total in enumerate(values):
                if i == cumulative:  # a year-to-date figure per person: blank, never summed
                    assert ws.cell(r, i + 5).value is None
                    continue
                assert total == sum((v[i] for _, v in employees), D("0.00")), (r, headers[i + 4])
            subtotals.append(values)
            employees = []
        elif kind == "合计":
            grand, grand_row = values, r
        else:
            assert ws.cell(r, 4).number_format == "0"
            employees.append((r, values))
    assert not employees and len(subtotals) == 3 and grand is not None
    for i, total in enumerate(grand):
        assert total == sum((s[i] for s in subtotals), D("0.00"))
    assert ws.cell(grand_row, cumulative + 5).value is None  # nor in the grand total
    net = headers.index("实发工资") - 4
    assert grand[net] == sum((r.payslip.net_pay for r in rows), D("0.00"))


def test_payroll_sheet_groups_departments_even_if_rows_come_mixed(tmp_path, rows):
    mixed = [rows[0], rows[2], rows[1]]  # 人事部, 销售部/华东销售部, 人事部
    ws = openpyxl.load_workbook(write_payroll_sheet(tmp_path / "x.xlsx", header(), mixed))["工资表"]
    labels = [ws.cell(r, 1).value for r in range(5, ws.max_row + 1)]
    assert labels[:7] == ["E001", "E002", "小计", "E003", "小计", "部门合计", "合计"]


def test_stale_run_shows_the_warning(tmp_path, rows):
    ws = openpyxl.load_workbook(write_payroll_sheet(tmp_path / "x.xlsx", header(stale=True), rows))["工资表"]
    assert "数据已变更，需重新计算" in ws["A3"].value
    assert ws["A3"].font.color.rgb.endswith("B3261E")
    assert "数据已变更" in ws.oddHeader.center.text


def test_empty_run_writes_a_sheet_with_a_zero_total(tmp_path):
    ws = openpyxl.load_workbook(write_payroll_sheet(tmp_path / "x.xlsx", header(), []))["工资表"]
    assert ws["A5"].value == "合计" and ws["B5"].value == "0人"


def test_formula_like_names_stay_text_everywhere(tmp_path, rows):
    writers = [
        write_payroll_sheet,
        write_payslips,
        write_bank_file,
        write_iit_declaration,
        write_insurance_detail,
        write_cost_summary,
    ]
    for write in writers:
        found = assert_text_cells_safe(write(tmp_path / f"{write.__name__}.xlsx", header(), rows))
        if write is not write_cost_summary:  # the cost summary has no names
            assert found == set(EVIL), write.__name__


def test_unwritable_path_is_a_storage_error(tmp_path, rows):
    with pytest.raises(StorageError):
        write_payroll_sheet(tmp_path / "missing" / "x.xlsx", header(), rows)


# ---- 工资条 -------------------------------------------------------------------------------------


def test_payslips_blocks_of_header_and_values(tmp_path, rows):
    path = write_payslips(tmp_path / "工资条.xlsx", header(), rows)
    ws = openpyxl.load_workbook(path)["工资条"]
    assert ws["A1"].value == "示例科技有限公司 2026年01月工资条"
    r = 4
    for row in rows:
        block = {}
        while ws.cell(r, 1).value is not None:  # header + values pairs until the spacer
            heads = [c.value for c in ws[r]]
            assert ws.cell(r, 1).font.b and ws.cell(r, 1).border.top.style == "thin"
            for c, head in enumerate(heads, start=1):
                if head is not None:
                    block[head] = ws.cell(r + 1, c)
            r += 2
        assert ws.cell(r, 1).border.bottom.style == "dashed"  # cut line
        r += 1
        assert block["工号"].value == row.emp_no and block["姓名"].value == row.name
        assert num(block["实发工资"].value) == row.payslip.net_pay
        assert num(block["应发合计"].value) == row.payslip.gross_pay
        assert block["实发工资"].number_format == MONEY and block["实发工资"].border.left.style == "thin"
        assert not any(h.startswith("单位") or h == "人工成本" for h in block)  # employee side only
    assert r - 1 == ws.max_row


def test_payslip_page_breaks_never_split_a_block(tmp_path):
    rows = [make_row(n, f"E{n:03d}", f"员工{n}", "研发部", salary=str(8000 + n * 100)) for n in range(1, 60)]
    ws = openpyxl.load_workbook(write_payslips(tmp_path / "x.xlsx", header(), rows))["工资条"]
    breaks = [b.id for b in ws.row_breaks.brk]
    assert breaks, "59 payslips need more than one page"
    assert not ws.sheet_properties.pageSetUpPr or not ws.sheet_properties.pageSetUpPr.fitToPage
    scale = ws.page_setup.scale
    assert 10 <= scale <= 100
    heights = [ws.row_dimensions[r].height or 15 for r in range(1, ws.max_row + 1)]
    page_height = (595 - 2 * 0.6 * 72) * 100 / scale
    previous = 0
    for brk in breaks + [ws.max_row]:
        assert ws.cell(brk + 1, 1).value in ("工号", None)  # the next page starts with a block's header
        assert ws.cell(brk, 1).border.bottom.style == "dashed" or brk == ws.max_row
        assert sum(heights[previous:brk]) <= page_height  # the page's rows fit on the paper
        previous = brk


def test_payslips_wrap_wide_columns_into_a_second_band(tmp_path):
    many = tuple(entry(f"a{n}", f"津贴{n:02d}", PayCategory.EARNING, "100") for n in range(12))
    rows = [make_row(1, "E001", "张三", "研发部", items=many)]
    ws = openpyxl.load_workbook(write_payslips(tmp_path / "x.xlsx", header(), rows, min_scale=80))["工资条"]
    assert ws["A4"].value == "工号" and ws["A6"].value != "工号" and ws["A6"].value is not None
    assert ws["A8"].value is None  # spacer after two bands
    one = openpyxl.load_workbook(write_payslips(tmp_path / "y.xlsx", header(), rows, min_scale=10))["工资条"]
    assert one["A6"].value is None  # all on one line


# ---- 银行代发 -----------------------------------------------------------------------------------


def test_bank_file_accounts_are_text_and_amounts_numbers(tmp_path, rows):
    path = write_bank_file(tmp_path / "bank.xlsx", header(), rows)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    assert [c.value for c in ws[1]] == ["序号", "收款人账号", "收款人姓名", "金额", "收款人开户行", "用途"]
    assert ws.max_row == len(rows) + 1
    for r, row in enumerate(rows, start=2):
        account = ws.cell(r, 2)
        assert account.data_type == "s" and isinstance(account.value, str)
        assert account.value == row.bank_account and account.number_format == "@"
        assert ws.cell(r, 3).value == row.name
        amount = ws.cell(r, 4)
        assert isinstance(amount.value, (int, float)) and amount.number_format == MONEY
        assert num(amount.value) == row.payslip.net_pay
        assert ws.cell(r, 6).value == "2026年01月工资"
    check = wb["核对"]
    facts = {check.cell(r, 1).value: check.cell(r, 2).value for r in range(1, check.max_row + 1)}
    assert facts["笔数"] == len(rows)
    assert num(facts["金额合计（元）"]) == sum((r.payslip.net_pay for r in rows), D("0"))


def test_bank_layouts_and_purpose(tmp_path, rows):
    assert layout_names()[0] == "通用" and {"中国工商银行", "中国建设银行", "招商银行"} <= set(layout_names())
    ws = openpyxl.load_workbook(
        write_bank_file(tmp_path / "icbc.xlsx", header(), rows, layout="中国工商银行", purpose="1月工资及奖金")
    ).worksheets[0]
    cols = header_map(ws, 1)
    assert ws.cell(2, cols["币种"]).value == "人民币"
    assert ws.cell(2, cols["用途"]).value == "1月工资及奖金"
    assert ws.cell(2, cols["工资卡卡号"]).data_type == "s"
    with pytest.raises(ValidationError):
        write_bank_file(tmp_path / "x.xlsx", header(), rows, layout="火星银行")


def test_bank_file_pays_only_positive_net_pay(tmp_path, rows):
    nothing = make_row(
        20,
        "E020",
        "孙八",
        "人事部",
        salary="5000",
        bank_account="",
        items=(entry("loan", "借款归还", PayCategory.AFTER_TAX_DEDUCTION, "90000"),),
    )
    assert nothing.payslip.net_pay <= 0  # no account, but nothing to pay: not refused
    wb = openpyxl.load_workbook(write_bank_file(tmp_path / "b.xlsx", header(), rows + [nothing]))
    ws = wb.worksheets[0]
    assert ws.max_row == len(rows) + 1
    assert "孙八" not in [ws.cell(r, 3).value for r in range(2, ws.max_row + 1)]
    # 核对 names who is left out, with the amount and the reason, and reconciles with the 工资表
    check = wb["核对"]
    cells = [[c.value for c in line] for line in check.iter_rows()]
    facts = {line[0]: line[1] for line in cells}
    everyone = sum((r.payslip.net_pay for r in rows + [nothing]), D("0.00"))
    assert num(facts["工资表实发合计（元）"]) == everyone
    assert num(facts["金额合计（元）"]) + num(facts["未列入实发合计（元）"]) == everyone
    assert facts["未列入人数"] == 1
    listed = next(line for line in cells if line[0] == "E020")
    assert listed[1] == "孙八" and num(listed[2]) == nothing.payslip.net_pay and "负数" in listed[3]


def test_bank_file_refuses_masked_missing_or_malformed_accounts(tmp_path, rows):
    masked = replace(rows[0], bank_account="6222***********0018")
    missing = replace(rows[5], bank_account="")
    malformed = replace(rows[7], bank_account="6222-0200-12")
    target = tmp_path / "bank.xlsx"
    with pytest.raises(ValidationError) as caught:
        write_bank_file(target, header(), [masked, missing, malformed] + rows[1:5])
    message = str(caught.value)
    assert "张三（E001）" in message and "王五（E006）" in message and "钱七（E008）" in message
    assert set(caught.value.errors) == {"masked", "missing", "malformed"}
    assert not target.exists()
    with pytest.raises(ValidationError):
        write_bank_csv(tmp_path / "bank.csv", header(), [masked])
    with pytest.raises(StateError):  # stale figures never go to the bank
        write_bank_file(target, header(stale=True), rows)
    assert not target.exists()
    spaced = replace(rows[0], bank_account="6222 0200 0000 0000 018")
    ws = openpyxl.load_workbook(write_bank_file(target, header(), [spaced])).worksheets[0]
    assert ws["B2"].value == "6222020000000000018"


def test_bank_csv_is_utf8_bom_and_formula_safe(tmp_path, rows):
    path = write_bank_csv(tmp_path / "bank.csv", header(), rows, layout="中国工商银行")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    lines = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert lines[0] == ["工资卡卡号", "姓名", "金额", "币种", "用途"]
    names = [line[1] for line in lines[1:]]
    assert names[0] == "张三"
    assert '\'=HYPERLINK("http://x","y")' in names and "'+1-2" in names and "'@SUM(A1)" in names
    assert "'-赵六" in names
    first = lines[1]
    assert first[0] == rows[0].bank_account and first[2] == f"{rows[0].payslip.net_pay:.2f}"
    assert first[3] == "人民币" and first[4] == "2026年01月工资"


# ---- 个税扣缴申报 --------------------------------------------------------------------------------


def test_iit_declaration_wages_sheet(tmp_path, rows):
    additional = {1: {"child_education": D("2000"), "elderly_support": D("3000")}}
    path = write_iit_declaration(tmp_path / "iit.xlsx", header(), rows, additional_ytd=additional)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["正常工资薪金所得", "全年一次性奖金收入", "解除劳动合同一次性补偿金"]
    ws = wb["正常工资薪金所得"]
    headers = [c.value for c in ws[1]]
    assert headers[:6] == ["工号", "*姓名", "*证件类型", "*证件号码", "本期收入", "本期免税收入"]
    assert headers[-1] == "备注" and "累计3岁以下婴幼儿照护" in headers
    cols = header_map(ws, 1)
    line = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
    assert set(line) == {r.emp_no for r in rows}

    def value(emp_no, column):
        return ws.cell(line[emp_no], cols[column])

    assert value("E001", "*证件类型").value == "居民身份证"
    id_cell = value("E001", "*证件号码")
    assert id_cell.data_type == "s" and id_cell.value == rows[0].id_number
    assert num(value("E001", "本期收入").value) == D("20700")
    assert num(value("E001", "基本养老保险费").value) == D("1600")
    assert num(value("E001", "基本医疗保险费").value) == D("400")
    assert num(value("E001", "失业保险费").value) == D("100")
    assert num(value("E001", "住房公积金").value) == D("1400")
    assert num(value("E001", "累计子女教育").value) == D("2000")
    assert num(value("E001", "累计赡养老人").value) == D("3000")
    assert value("E001", "累计住房租金").value == 0  # not given: 0
    assert value("E001", "本期收入").number_format == MONEY
    assert num(value("E004", "本期免税收入").value) == D("300")  # 防暑降温费 is tax-free
    assert num(value("E004", "本期收入").value) == D("15500")  # tax-free earnings are part of 本期收入
    # separately taxed income is not in the wages sheet
    assert num(value("E003", "本期收入").value) == D("50200")  # 50,000 + 500 − 300, bonus excluded
    assert num(value("E005", "本期收入").value) == by_no(rows, "E005").payslip.base_pay  # severance excluded


def test_iit_declaration_bonus_and_severance_sheets(tmp_path, rows):
    only_severance = make_row(
        30,
        "E030",
        "周九",
        "人事部",
        city="广州",
        insurance=False,
        housing_fund=False,
        employed_to=date(2025, 12, 31),
        items=(entry("severance", "经济补偿金", PayCategory.SEVERANCE, "100000"),),
    )
    wb = openpyxl.load_workbook(write_iit_declaration(tmp_path / "iit.xlsx", header(), rows + [only_severance]))
    wages = wb["正常工资薪金所得"]
    assert "E030" not in [wages.cell(r, 1).value for r in range(2, wages.max_row + 1)]  # no wages this month

    bonus = wb["全年一次性奖金收入"]
    assert bonus.max_row == 2 and bonus["A2"].value == "E003" and bonus["C2"].value == "居民身份证"
    cols = header_map(bonus, 1)
    assert num(bonus.cell(2, cols["*全年一次性奖金额"]).value) == D("36000")

    severance = wb["解除劳动合同一次性补偿金"]
    cols = header_map(severance, 1)
    found = {severance.cell(r, 1).value: r for r in range(2, severance.max_row + 1)}
    assert set(found) == {"E005", "E030"}
    exempt_limit = 3 * policies().at(LOCAL_AVERAGE_WAGE, "广州", MONTH).annual
    assert num(severance.cell(found["E005"], cols["*本期收入"]).value) == D("500000")
    assert num(severance.cell(found["E005"], cols["免税收入"]).value) == exempt_limit
    assert num(severance.cell(found["E030"], cols["免税收入"]).value) == D("100000")  # all exempt
    assert severance.cell(found["E030"], cols["*证件号码"]).data_type == "s"


def test_iit_declaration_refuses_masked_or_missing_id_numbers(tmp_path, rows):
    masked = replace(rows[1], id_number="110***********0025")
    target = tmp_path / "iit.xlsx"
    with pytest.raises(ValidationError) as caught:
        write_iit_declaration(target, header(), [rows[0], masked])
    assert "E002" in str(caught.value) and "打码" in str(caught.value)
    with pytest.raises(ValidationError):
        write_iit_declaration(target, header(), [replace(rows[0], id_number="")])
    with pytest.raises(StateError):
        write_iit_declaration(target, header(stale=True), rows)
    assert not target.exists()


# ---- 社保公积金明细 ------------------------------------------------------------------------------


def test_insurance_detail(tmp_path, rows):
    wb = openpyxl.load_workbook(write_insurance_detail(tmp_path / "si.xlsx", header(), rows))
    ws = wb["社保公积金明细"]
    assert ws.freeze_panes == "C6"
    groups = [c.value for c in ws[4]]
    assert groups[:5] == ["工号", "姓名", "部门", "缴纳城市", "增减员"]
    assert groups[5] == "养老保险" and groups[-3:] == ["个人合计", "单位合计", "合计"]
    assert [c.value for c in ws[5]][5:9] == ["缴费基数", "基数说明", "个人", "单位"]
    item_col = {label: col for col, label in enumerate(groups, start=1) if label and col > 5}
    line = {ws.cell(r, 1).value: r for r in range(6, ws.max_row + 1)}
    pension = item_col["养老保险"]
    fund = item_col["住房公积金"]
    floor = policies().at(INSURANCE, "上海", MONTH).rule(InsuranceItem.PENSION).floor

    # E002 declared 6,000 in 上海: pension base raised to the floor, marked, declared base in a comment
    r = line["E002"]
    assert ws.cell(r, 5).value == "增员"
    assert num(ws.cell(r, pension).value) == floor and ws.cell(r, pension + 1).value == "按下限"
    assert "6,000.00" in ws.cell(r, pension).comment.text
    assert num(ws.cell(r, pension + 2).value) == (floor * D("0.08")).quantize(D("0.01"))
    assert num(ws.cell(r, fund).value) == D("6000") and not ws.cell(r, fund + 1).value  # fund floor is lower
    assert ws.cell(line["E003"], pension + 1).value == "按上限"
    assert ws.cell(line["E005"], 5).value == "减员"
    assert ws.cell(line["E001"], pension).number_format == MONEY

    # totals: 合计 = sum of the people; the city totals add up to it
    total_row = line["合计"]
    ncols = len(groups)
    people = [line[r.emp_no] for r in rows]
    for c in range(6, ncols + 1):
        if ws.cell(total_row, c).value is None:
            continue
        assert num(ws.cell(total_row, c).value) == sum((num(ws.cell(p, c).value) for p in people), D("0.00"))
        cities = [line[k] for k in line if isinstance(k, str) and k.endswith("合计") and k != "合计"]
        assert len(cities) == 3
        assert num(ws.cell(total_row, c).value) == sum((num(ws.cell(p, c).value) for p in cities), D("0.00"))
    assert num(ws.cell(total_row, ncols - 2).value) == sum((r.payslip.employee_insurance for r in rows), D("0"))
    assert num(ws.cell(total_row, ncols - 1).value) == sum((r.payslip.employer_insurance for r in rows), D("0"))

    changes = wb["增减员"]
    listed = {changes.cell(r, 1).value: changes.cell(r, 6).value for r in range(5, changes.max_row + 1)}
    assert listed == {"E002": "增员", "E005": "减员"}
    assert changes.cell(5, 3).data_type == "s"  # ID number as text


# ---- 部门成本汇总 --------------------------------------------------------------------------------


def test_cost_summary_by_cost_centre_and_account(tmp_path, rows):
    ws = openpyxl.load_workbook(write_cost_summary(tmp_path / "cost.xlsx", header(), rows))["部门成本汇总"]
    assert [c.value for c in ws[4]][:8] == [
        "部门",
        "成本科目",
        "科目代码",
        "人数",
        "应发工资",
        "单位社保",
        "单位公积金",
        "人工成本合计",
    ]
    centres, subtotals, total = {}, [], None
    r = 5
    while ws.cell(r, 1).value:
        values = [ws.cell(r, c).value for c in range(1, 9)]
        if values[0] == "小计":
            subtotals.append(values)
        elif values[0] == "合计":
            total = values
            break
        else:
            centres[values[0]] = values
            assert num(values[7]) == num(values[4]) + num(values[5]) + num(values[6])
            assert ws.cell(r, 5).number_format == MONEY
        r += 1
    assert centres["人事部"][1:3] == ["管理费用-职工薪酬", "6602"]
    assert centres["销售部/华东销售部"][1:3] == ["销售费用-职工薪酬", "6601"]
    # 王五 and 赵六 work in the 项目部: charged to the project; 钱七 stays with 工程部 (business)
    assert centres["工程部/滨江项目部"][1:4] == ["合同履约成本-职工薪酬", "5401", 2]
    assert centres["工程部"][3] == 1
    assert total[3] == len(rows)
    assert num(total[4]) == sum((r.payslip.gross_pay for r in rows), D("0"))
    assert num(total[7]) == sum((r.payslip.employer_cost for r in rows), D("0"))
    for c in range(3, 8):
        assert num(total[c]) == sum((num(s[c]) for s in subtotals), D("0.00"))

    # the voucher balances, and its credits are gross pay and the employer's contributions
    start = next(i for i in range(r, ws.max_row + 1) if ws.cell(i, 1).value == "摘要")
    debit = credit = D("0.00")
    credits = {}
    i = start + 1
    while ws.cell(i, 1).value != "合计":
        debit += num(ws.cell(i, 4).value)
        credit += num(ws.cell(i, 5).value)
        if ws.cell(i, 5).value:
            credits[ws.cell(i, 2).value] = num(ws.cell(i, 5).value)
        i += 1
    assert debit == credit == num(ws.cell(i, 4).value) == num(ws.cell(i, 5).value) == num(total[7])
    fund = sum(
        (c.employer_amount for r in rows for c in r.payslip.contributions if c.item is InsuranceItem.HOUSING_FUND),
        D("0"),
    )
    assert credits == {
        "应付职工薪酬-工资": num(total[4]),
        "应付职工薪酬-社会保险费": num(total[5]),
        "应付职工薪酬-住房公积金": fund,
    }


def test_voucher_by_department_balances(rows):
    summary = summarize_costs(header(), rows, voucher_by_department=True)
    debits = [line for line in summary.voucher if line.debit]
    assert len(debits) == len(summary.centres)
    assert sum((line.debit for line in summary.voucher), D("0")) == sum(
        (line.credit for line in summary.voucher), D("0")
    )

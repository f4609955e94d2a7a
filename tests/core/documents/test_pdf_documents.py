"""PDF certificates and the settlement statement: every field as real text, the font embedded, the
same bytes for the same input, no wage on a separation certificate, and a picture for a human."""

import io
import re
import shutil
import subprocess
from dataclasses import fields, replace
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from hrdesk.core.documents.pdf import (
    CompanyLetterhead,
    EmploymentCertificate,
    SeparationCertificate,
    SettlementLine,
    SettlementStatement,
    amount_in_words,
    render_employment_certificate,
    render_separation_certificate,
    render_settlement_statement,
)
from hrdesk.core.documents.pdf.textflow import CANNOT_END, CANNOT_START, break_lines
from hrdesk.core.kernel.errors import ValidationError

SCREENSHOTS = Path(__file__).resolve().parents[3] / "build" / "screenshots"


def seal_png() -> bytes:
    """A stand-in company seal: a red ring with a star-like mark on a transparent background."""
    image = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, 292, 292), outline=(200, 20, 30, 230), width=12)
    draw.regular_polygon((150, 150, 45), 5, fill=(200, 20, 30, 230))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


COMPANY = CompanyLetterhead(
    "上海示例科技有限公司", "上海市浦东新区张江路88号8楼", "021-5888 6666", "91310115MA1K4XXXX0", seal_png()
)

CERT = SeparationCertificate(
    number="LZ-2026-0001",
    company=COMPANY,
    employee_name="张三",
    id_number="110101199003071234",
    position="高级软件工程师",
    department="研发中心",
    hire_date=date(2020, 3, 2),
    contract_start=date(2020, 3, 2),
    contract_end=date(2026, 3, 1),
    last_working_day=date(2026, 3, 15),
    termination_date=date(2026, 3, 15),
    years_of_service="6年14天",
    issue_date=date(2026, 3, 16),
)

EMPLOYMENT = EmploymentCertificate(
    number="ZM-2026-0007",
    company=COMPANY,
    employee_name="李四",
    id_number="310101198805051234",
    hire_date=date(2019, 7, 1),
    position="财务经理",
    department="财务部",
    issue_date=date(2026, 3, 16),
    purpose="办理赴日本签证",
    monthly_salary=D("23500.00"),
    contact="人力资源部 王女士 021-5888 6666",
)

STATEMENT = SettlementStatement(
    number="JS-2026-0001",
    company=COMPANY,
    employee_name="张三",
    emp_no="E000123",
    department="研发中心",
    position="高级软件工程师",
    hire_date=date(2020, 3, 2),
    last_working_day=date(2026, 3, 15),
    termination_date=date(2026, 3, 15),
    separation_type="协商解除",
    issue_date=date(2026, 3, 16),
    id_number="110101199003071234",
    payment_date=date(2026, 3, 20),
    payment_method="银行转账至招商银行尾号1234账户",
    lines=(
        SettlementLine("3月工资", "2026年3月1日至15日出勤11天：23,500.00元 ÷ 21.75 × 11天", D("11885.06")),
        SettlementLine("经济补偿", "协商解除，工作6年14天，N = 6.5；23,500.00元 × 6.5个月", D("152750.00")),
        SettlementLine("未休年休假工资", "应休未休2天：23,500.00元 ÷ 21.75 × 200% × 2天", D("4321.84")),
        SettlementLine("个人社保公积金", "养老、医疗、失业保险及住房公积金个人部分（3月）", D("-3280.50")),
        SettlementLine("个人所得税", "3月工资累计预扣", D("-512.30")),
    ),
)


def text_of(pdf: bytes) -> str:
    """All text of the document with whitespace removed (extraction may add spaces between glyphs)."""
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def fonts_of(pdf: bytes) -> list:
    reader = PdfReader(io.BytesIO(pdf))
    found = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            found.append(font.get_object())
    return found


def images_on(pdf: bytes) -> int:
    reader = PdfReader(io.BytesIO(pdf))
    return sum(len(page.images) for page in reader.pages)


def test_separation_certificate_has_every_required_field():
    text = text_of(render_separation_certificate(CERT))
    for expected in (
        "离职证明",
        "LZ-2026-0001",
        "上海示例科技有限公司",
        "上海市浦东新区张江路88号8楼",
        "021-58886666",
        "91310115MA1K4XXXX0",
        "张三",
        "110101199003071234",
        "研发中心",
        "高级软件工程师",
        "2020年3月2日入职本公司",  # hire date
        "劳动合同期限为2020年3月2日至2026年3月1日",  # contract term (实施条例 art. 24)
        "最后工作日为2026年3月15日",
        "已于2026年3月15日解除",  # date of termination
        "劳动关系于同日终止",
        "工作年限为6年14天",  # years of service in this company
        "第五十条",
        "特此证明",
        "2026年3月16日",
    ):  # issue date
        assert expected in text, expected


def test_open_ended_contract_and_expiry_wording():
    cert = replace(CERT, contract_end=None, expired=True)
    text = text_of(render_separation_certificate(cert))
    assert "自2020年3月2日起的无固定期限劳动合同" in text
    assert "已于2026年3月15日终止" in text


def test_reason_is_off_by_default():
    assert "离职原因" not in text_of(render_separation_certificate(CERT))
    text = text_of(render_separation_certificate(replace(CERT, reason="协商一致解除劳动合同")))
    assert "离职原因：协商一致解除劳动合同。" in text


def test_no_salary_on_the_separation_certificate():
    names = {f.name for f in fields(SeparationCertificate)}
    assert not names & {"salary", "monthly_salary", "wage", "monthly_wage", "pay", "amount"}
    text = text_of(render_separation_certificate(CERT))
    for word in ("工资", "薪", "元", "人民币", "收入"):
        assert word not in text


@pytest.mark.parametrize(
    "render, document",
    [
        (render_separation_certificate, CERT),
        (render_employment_certificate, EMPLOYMENT),
        (render_settlement_statement, STATEMENT),
    ],
)
def test_font_is_embedded_and_text_is_real(render, document):
    pdf = render(document)
    fonts = fonts_of(pdf)
    assert fonts
    for font in fonts:  # every font (no Helvetica a viewer would have to substitute)
        assert "WenQuanYi" in str(font["/BaseFont"])
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor  # an embedded TrueType subset
        assert "/ToUnicode" in font  # text extracts as Unicode
    assert len(pdf) < 200_000


def test_same_input_gives_the_same_bytes():
    first = render_separation_certificate(CERT)
    assert render_separation_certificate(CERT) == first
    assert render_separation_certificate(replace(CERT, number="LZ-2026-0002")) != first
    reader = PdfReader(io.BytesIO(first))
    assert reader.metadata["/CreationDate"].startswith("D:20260316")  # the issue date, not the clock
    assert reader.metadata["/Title"] == "离职证明 LZ-2026-0001"
    assert render_employment_certificate(EMPLOYMENT) == render_employment_certificate(EMPLOYMENT)
    assert render_settlement_statement(STATEMENT) == render_settlement_statement(STATEMENT)


def test_seal_is_drawn_only_when_given():
    assert images_on(render_separation_certificate(CERT)) == 1
    assert images_on(render_separation_certificate(replace(CERT, company=replace(COMPANY, seal_png=None)))) == 0


def test_broken_seal_is_a_validation_error():
    with pytest.raises(ValidationError) as info:
        render_separation_certificate(replace(CERT, company=replace(COMPANY, seal_png=b"not a png")))
    assert "公章" in str(info.value)


def test_missing_name_is_a_validation_error():
    with pytest.raises(ValidationError):
        render_separation_certificate(replace(CERT, employee_name=" "))


def test_text_prints_as_typed():
    text = text_of(render_separation_certificate(replace(CERT, employee_name="A&B<C>", position="岗位<b>")))
    assert "A&B<C>" in text and "岗位<b>" in text


def test_employment_certificate_without_salary_by_default():
    text = text_of(render_employment_certificate(EMPLOYMENT))
    for expected in (
        "在职证明",
        "ZM-2026-0007",
        "李四",
        "310101198805051234",
        "自2019年7月1日起在本公司工作",
        "财务部",
        "财务经理",
        "本证明仅用于办理赴日本签证",
        "王女士",
        "特此证明",
        "2026年3月16日",
    ):
        assert expected in text, expected
    assert "23,500" not in text and "收入" not in text


def test_employment_certificate_with_salary():
    text = text_of(render_employment_certificate(replace(EMPLOYMENT, include_salary=True)))
    assert "税前月收入为人民币23,500.00元" in text
    assert "贰万叁仟伍佰元整" in text
    with pytest.raises(ValidationError):
        render_employment_certificate(replace(EMPLOYMENT, include_salary=True, monthly_salary=None))


def test_settlement_statement():
    # payable 11,885.06 + 152,750.00 + 4,321.84 = 168,956.90; deductions 3,280.50 + 512.30 = 3,792.80;
    # net 168,956.90 − 3,792.80 = 165,164.10
    assert STATEMENT.payable == D("168956.90")
    assert STATEMENT.deductions == D("3792.80")
    assert STATEMENT.net == D("165164.10")
    pdf = render_settlement_statement(STATEMENT)
    text = text_of(pdf)
    for expected in (
        "离职结算单",
        "JS-2026-0001",
        "张三",
        "E000123",
        "研发中心",
        "高级软件工程师",
        "协商解除",
        "2020年3月2日",
        "2026年3月15日",
        "2026年3月20日",
        "3月工资",
        "经济补偿",
        "未休年休假工资",
        "152,750.00",
        "-3,280.50",
        "应发合计",
        "168,956.90",
        "应扣合计",
        "-3,792.80",
        "实发金额",
        "165,164.10",
        "壹拾陆万伍仟壹佰陆拾肆元壹角",
        "经办人",
        "审核人",
        "员工签字",
        "确认无误",
        "招商银行尾号1234",
    ):
        assert expected in text, expected
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert "第1页" not in text  # one page: no page numbers


def test_long_statement_flows_onto_numbered_pages():
    lines = tuple(SettlementLine(f"项目{i}", "按公司薪酬制度计算的一项应发金额，" * 3, D("100.00")) for i in range(40))
    pdf = render_settlement_statement(replace(STATEMENT, lines=lines))
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 2
    text = text_of(pdf)
    assert f"第1页共{len(reader.pages)}页" in text
    assert "4,000.00" in text  # 40 × 100


def test_statement_needs_lines():
    with pytest.raises(ValidationError):
        render_settlement_statement(replace(STATEMENT, lines=()))


@pytest.mark.parametrize(
    "amount, words",
    [
        ("0", "零元整"),
        ("0.5", "伍角"),
        ("0.05", "伍分"),
        ("10", "壹拾元整"),
        ("1000.05", "壹仟元零伍分"),
        ("1010", "壹仟零壹拾元整"),
        ("100100", "壹拾万零壹佰元整"),
        ("1234.56", "壹仟贰佰叁拾肆元伍角陆分"),
        ("100010000", "壹亿零壹万元整"),
        ("447624", "肆拾肆万柒仟陆佰贰拾肆元整"),
        ("-5", "负伍元整"),
    ],
)
def test_amount_in_words(amount, words):
    assert amount_in_words(D(amount)) == words


SAMPLE = (
    "兹证明张三（身份证号码：110101199003071234）于2020年3月2日入职本公司，离职前在研发中心担任高级软件工程师职务。"
    "本证明依据《中华人民共和国劳动合同法》第五十条出具，特此证明！编号：LZ-2026-0001；“引号”测试。"
)


@pytest.mark.parametrize("width", range(60, 460, 7))
def test_line_breaks_follow_the_chinese_rules(width):
    lines = break_lines(SAMPLE, 12, width, first_indent=24 if width > 100 else 0)
    assert "".join(line for line, _ in lines) == SAMPLE
    for line, _natural in lines:
        assert line, lines
        assert line[0] not in CANNOT_START, (width, line)
        assert line[-1] not in CANNOT_END, (width, line)
    if width >= 150:  # the ID number fits on a line, so it is never cut
        assert any("110101199003071234" in line for line, _ in lines)
        assert any("LZ-2026-0001" in line for line, _ in lines)


def _render_page(pdf: bytes, name: str, tmp_path) -> Path:
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(pdf)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", str(source), str(SCREENSHOTS / name)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return SCREENSHOTS / f"{name}.png"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_screenshots_for_a_human(tmp_path):
    """Page 1 of each document as PNG in build/screenshots/, and a check that ink reached the page."""
    for name, pdf in (
        ("pdf_separation_certificate", render_separation_certificate(CERT)),
        ("pdf_employment_certificate", render_employment_certificate(replace(EMPLOYMENT, include_salary=True))),
        ("pdf_settlement_statement", render_settlement_statement(STATEMENT)),
    ):
        png = _render_page(pdf, name, tmp_path)
        image = Image.open(png).convert("L")
        assert abs(image.width - 661) <= 2 and abs(image.height - 935) <= 2  # A4 at 80 dpi
        body = image.crop((60, 180, 600, 400))  # the title and first paragraphs
        dark = sum(body.point(lambda value: 1 if value < 128 else 0).histogram()[1:])
        assert dark > 2000, name  # text was drawn (boxes or an empty page would not get here)

"""Issued documents: refused before separation, numbered, hashed in the audit trail, reissued byte
for byte, verified, issued in batches; bad company settings are a message and write nothing."""

from __future__ import annotations

import io
import json
from datetime import date, datetime

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from hrdesk.core.accounts import auth
from hrdesk.core.documents import issuing
from hrdesk.core.documents.tables import IssuedDocument
from hrdesk.core.flows import engine, separations, stuck
from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.flows.workflow import Action
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import PermissionDenied, StateError, ValidationError
from hrdesk.core.kernel.persistence.tables import AuditRecord, Company, Setting
from tests.helpers import verify_average_wage

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)


def login(fx, username) -> ServiceContext:
    return auth.login(fx.db, username, fx.users[username], fx.clock)


def separate(fx, name: str, last_day: date, reason=SeparationReason.MUTUAL) -> int:
    hr = login(fx, "hr")
    flow_id = separations.start(hr, fx.emps[name], reason, last_day, "协商一致").summary.id
    acted = True
    while acted:  # every step up to the archive, by whoever it is assigned to
        acted = False
        if engine.get(hr, flow_id).stuck:  # no manager, and 人事 started it: the administrator names one
            manager = login(fx, "manager").actor.user_id
            stuck.assign_stuck(login(fx, "admin"), flow_id, manager, "由销售部王经理审批")
        for user in ("manager", "lead", "hr", "finance", "admin"):  # admin: for the 人事 who started it
            try:
                detail = engine.get(login(fx, user), flow_id)
            except PermissionDenied:
                continue
            if Action.APPROVE in detail.my_actions and detail.summary.step_name != "人事归档":
                if user == "finance":
                    verify_average_wage(fx.db, fx.emps[name])
                engine.act(login(fx, user), flow_id, Action.APPROVE, "同意")
                acted = True
    for item in engine.get(hr, flow_id).checklist:
        from hrdesk.core.flows import checklists

        checklists.waive(hr, item.id, "测试：已线下办理")
    engine.act(login(fx, "admin"), flow_id, Action.APPROVE, "归档")  # 人事 does not archive what it started
    return fx.emps[name]


@pytest.fixture
def fx(company):
    company.clock = FixedClock(datetime(2026, 4, 2, 9, 0))
    return company


def _count(fx, model) -> int:
    with fx.db.session() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def _text(pdf: bytes) -> str:
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return text.replace("\n", "")  # lines wrap anywhere in Chinese


def test_certificate_refused_for_an_active_employee(fx):
    with pytest.raises(StateError, match="尚未离职"):
        issuing.separation_certificate(login(fx, "hr"), fx.emps["李四"])
    with pytest.raises(PermissionDenied):
        issuing.separation_certificate(login(fx, "finance"), fx.emps["李四"])
    assert _count(fx, IssuedDocument) == 0


def test_certificate_fields_number_hash_reissue_and_verify(fx):
    li = separate(fx, "李四", date(2026, 3, 31))
    hr = login(fx, "hr")
    doc = issuing.separation_certificate(hr, li)
    assert doc.number == "LZ-2026-0001" and not doc.reissued
    text = _text(doc.pdf)
    for expected in (
        "测试科技有限公司",
        "离职证明",
        "李四",
        "销售代表",
        "2020年1月6日",
        "2026年3月31日",
        "6年",
        "劳动关系",
        "LZ-2026-0001",
    ):
        assert expected in text, expected
    from hrdesk.core.people import employees

    assert employees.get(hr, li).id_number in text
    assert "12,000" not in text and "12000" not in text and "协商解除" not in text  # no salary, no reason by default
    with fx.db.session() as s:
        record = s.execute(select(AuditRecord).where(AuditRecord.action == "document.issue")).scalar_one()
        assert json.loads(record.after)["sha256"] == doc.sha256

    again = issuing.separation_certificate(hr, li)  # same day, same content: the same document
    assert again.reissued and again.number == doc.number and again.pdf == doc.pdf
    assert issuing.reissue(hr, "lz-2026-0001").pdf == doc.pdf
    with_reason = issuing.separation_certificate(hr, li, show_reason=True)
    assert with_reason.number == "LZ-2026-0002" and "协商解除" in _text(with_reason.pdf)

    assert issuing.verify(fx.system, doc.pdf).status == "valid"
    tampered = doc.pdf.replace(b"/Producer (HRDesk)", b"/Producer (HRDesX)")
    result = issuing.verify(fx.system, tampered)
    assert result.status == "altered" and result.number == "LZ-2026-0001" and "改动" in result.message
    assert issuing.verify(fx.system, b"%PDF-1.4 something else").status == "unknown"


def test_employment_certificate_and_statement(fx):
    hr = login(fx, "hr")
    doc = issuing.employment_certificate(hr, fx.emps["王经理"], purpose="办理签证")
    assert doc.number == "ZM-2026-0001" and "办理签证" in _text(doc.pdf) and "30,000" not in _text(doc.pdf)
    li = separate(fx, "李四", date(2026, 3, 31))
    with pytest.raises(StateError, match="已离职"):
        issuing.employment_certificate(hr, li)
    statement = issuing.settlement_statement(hr, li)
    text = _text(statement.pdf)
    assert statement.number == "JS-2026-0001" and "经济补偿" in text and "78,000.00" in text


def test_missing_company_settings_are_clear_and_write_nothing(fx):
    li = separate(fx, "李四", date(2026, 3, 31))
    hr = login(fx, "hr")
    with fx.db.session() as s, s.begin():
        s.get(Company, 1).name = ""
    with pytest.raises(ValidationError, match="公司名称"):
        issuing.separation_certificate(hr, li)
    with fx.db.session() as s, s.begin():
        s.get(Company, 1).name = "测试科技有限公司"
        s.add(Setting(key="documents.options", value=json.dumps({"require_seal": True}), updated_at=datetime.now()))
    with pytest.raises(ValidationError, match="公章"):
        issuing.separation_certificate(hr, li)
    assert _count(fx, IssuedDocument) == 0

    from hrdesk.core.documents import appearance

    with pytest.raises(ValidationError, match="PNG"):
        appearance.save_options(login(fx, "admin"), require_seal=True, show_reason=False, seal=b"GIF89a")
    appearance.save_options(login(fx, "admin"), require_seal=True, show_reason=False, seal=PNG)
    doc = issuing.separation_certificate(hr, li)
    assert b"/Subtype /Image" in doc.pdf  # the seal is printed


def test_certificate_needs_the_contract_term_on_record(fx):
    li = separate(fx, "李四", date(2026, 3, 31))
    with fx.db.session() as s, s.begin():
        from hrdesk.core.people.tables import Employee

        s.get(Employee, li).contract_type = None
    with pytest.raises(ValidationError, match="劳动合同期限"):
        issuing.separation_certificate(login(fx, "hr"), li)
    assert _count(fx, IssuedDocument) == 0


def test_batch_with_progress_and_cancel(fx, tmp_path):
    separate(fx, "李四", date(2026, 3, 13))
    separate(fx, "孙员工", date(2026, 3, 20))
    hr = login(fx, "hr")
    seen = []
    result = issuing.batch_separation_certificates(
        hr, date(2026, 3, 1), date(2026, 3, 31), tmp_path, progress=lambda done, total: seen.append((done, total))
    )
    assert result.total == 2 and len(result.written) == 2 and seen == [(1, 2), (2, 2)]
    assert all(p.read_bytes().startswith(b"%PDF") for p in result.written)
    folder = tmp_path / "cancelled"
    folder.mkdir()
    calls = iter([False, True])
    result = issuing.batch_separation_certificates(
        hr, date(2026, 3, 1), date(2026, 3, 31), folder, cancelled=lambda: next(calls)
    )
    assert result.cancelled and len(result.written) == 1 and len(list(folder.iterdir())) == 1
    with pytest.raises(ValidationError):
        issuing.batch_separation_certificates(hr, date(2026, 3, 31), date(2026, 3, 1), folder)

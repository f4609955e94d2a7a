"""The chain anchored outside the database (issue 12): deleting the last records, deleting all of
them, or editing one and recomputing the later hashes all passed `audit verify`; against a
checkpoint or a backup they are found."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import delete, select, update

from hrdesk.cli.main import run
from hrdesk.core.audit import audit_log, checkpoints
from hrdesk.core.company import backups
from hrdesk.core.kernel import audit_chain
from hrdesk.core.kernel.errors import PermissionDenied, ValidationError
from hrdesk.core.kernel.persistence.tables import AuditRecord


def chain_length(company) -> int:
    with company.db.session() as s:
        return s.execute(select(AuditRecord.seq).order_by(AuditRecord.seq.desc()).limit(1)).scalar() or 0


def rehash_from(company, first_seq: int, key: bytes | None = None) -> None:
    """What an attacker who opens the file does: recompute every hash from a record on — with the
    audit key when they hold it too (``key``), else with plain SHA-256, all the database key allows."""
    with company.db.session() as s, s.begin():
        rows = s.execute(select(AuditRecord).where(AuditRecord.seq >= first_seq).order_by(AuditRecord.seq)).scalars()
        prev = s.execute(select(AuditRecord.hash).where(AuditRecord.seq == first_seq - 1)).scalar()
        prev = prev or audit_chain.GENESIS_HASH
        for r in rows:
            r.prev_hash = prev
            r.hash = audit_chain.record_hash(
                key, prev, r.seq, r.created_at, r.actor_user_id, r.actor_name, r.on_behalf_of, r.action,
                r.entity_type, r.entity_id, r.summary, r.before, r.after,
            )  # fmt: skip
            prev = r.hash


def test_deleting_the_tail_passes_verify_but_not_the_checkpoint(company, tmp_path):
    auditor = company.login("auditor")
    point = checkpoints.write_checkpoint(auditor, tmp_path / "checkpoint.json")
    assert point.chain_length == chain_length(company)  # the auditor's sign-in included
    assert checkpoints.verify_against(auditor, tmp_path / "checkpoint.json").ok
    with company.db.session() as s, s.begin():
        s.execute(delete(AuditRecord).where(AuditRecord.seq > point.chain_length - 5))
    assert audit_log.verify_chain(company.system).ok  # the chain alone cannot tell
    report = checkpoints.verify_against(company.system, tmp_path / "checkpoint.json")
    assert not report.ok and "末尾 5 条被删除" in report.problem


def test_deleting_everything_is_found_against_a_backup(company):
    taken = backups.backup_as_system(company.db).backup
    with company.db.session() as s, s.begin():
        s.execute(delete(AuditRecord))
    assert audit_log.verify_chain(company.system).ok
    report = checkpoints.verify_against(company.system, taken.path)
    assert not report.ok and "被删除" in report.problem


def test_a_rewritten_record_with_recomputed_hashes_is_found(company, tmp_path):
    checkpoints.write_checkpoint(company.system, tmp_path / "cp.json")
    with company.db.session() as s, s.begin():
        s.execute(update(AuditRecord).where(AuditRecord.seq == 3).values(summary="什么也没发生"))
    rehash_from(company, 3, bytes.fromhex(company.db.audit_key))  # holding both keys
    assert audit_log.verify_chain(company.system).ok
    report = checkpoints.verify_against(company.system, tmp_path / "cp.json")
    assert not report.ok and "哈希不符" in report.problem


def test_records_added_after_the_checkpoint_are_fine(company, tmp_path):
    checkpoints.write_checkpoint(company.system, tmp_path / "cp.json")
    company.login("hr")  # one more record
    assert checkpoints.verify_against(company.system, tmp_path / "cp.json").ok


def test_an_edited_or_foreign_checkpoint_is_refused(company, tmp_path):
    path = tmp_path / "cp.json"
    checkpoints.write_checkpoint(company.system, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["chain_length"] = 1
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValidationError, match="签名不符"):
        checkpoints.verify_against(company.system, path)
    data["database_id"] = "00000000-0000-4000-8000-000000000000"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValidationError, match="另一家公司"):
        checkpoints.verify_against(company.system, path)
    (tmp_path / "junk.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ValidationError, match="不是 HRDesk 的检查点"):
        checkpoints.verify_against(company.system, tmp_path / "junk.json")


def test_only_the_audit_right_exports_a_checkpoint(company, tmp_path):
    with pytest.raises(PermissionDenied):
        checkpoints.write_checkpoint(company.login("hr"), tmp_path / "cp.json")


def test_audit_checkpoint_and_verify_against_on_the_command_line(company, tmp_path, capsys):
    company.db.dispose()
    data = str(company.data_dir.root)
    out = tmp_path / "cp.json"
    assert run(["--data-dir", data, "audit", "checkpoint", "--out", str(out)]) == 0
    assert run(["--data-dir", data, "audit", "verify", "--against", str(out)]) == 0
    assert "仍包含检查点" in capsys.readouterr().out
    from hrdesk.core.company import setup

    company.db = setup.open_company(company.data_dir)
    with company.db.session() as s, s.begin():
        s.execute(delete(AuditRecord).where(AuditRecord.seq > 20))
    company.db.dispose()
    assert run(["--data-dir", data, "audit", "verify", "--against", str(out)]) == 9
    assert "末尾" in capsys.readouterr().err
    company.db = setup.open_company(company.data_dir)


def test_an_exported_payroll_sheet_anchors_the_trail(company, tmp_path):
    """The 工资表 carries the trail's head (footer and keywords); cutting the trail after the export
    is found against the file, as against a checkpoint."""
    import openpyxl

    from hrdesk.core.payroll import exports, runs

    runs.calculate_month(company.login("hr"), date(2026, 1, 1))
    finance = company.login("finance")
    path = exports.export(finance, date(2026, 1, 1), "sheet", tmp_path / "工资表.xlsx")
    length = chain_length(company) - 1  # the export's own record came after the head it wrote
    sheet = openpyxl.load_workbook(path).active
    assert f"操作日志：{length} 条" in sheet.oddFooter.left.text
    assert checkpoints.verify_against(company.system, path).ok
    with company.db.session() as s, s.begin():
        s.execute(delete(AuditRecord).where(AuditRecord.seq > length - 3))
    report = checkpoints.verify_against(company.system, path)
    assert not report.ok and "末尾 3 条被删除" in report.problem and "工资表" in report.problem


def test_a_workbook_without_an_anchor_is_refused_by_name(company, tmp_path):
    import openpyxl

    other = tmp_path / "别的表.xlsx"
    openpyxl.Workbook().save(other)
    with pytest.raises(ValidationError, match="没有操作日志锚点"):
        checkpoints.verify_against(company.system, other)


def test_audit_verify_finds_a_cut_tail_against_the_newest_backup_unasked(company, capsys):
    backups.backup_as_system(company.db)
    company.login("hr")
    company.login("finance")
    assert all(a.ok for a in checkpoints.verify_known_anchors(company.system))
    with company.db.session() as s, s.begin():  # everything since the backup, and one record more
        s.execute(delete(AuditRecord).where(AuditRecord.seq >= chain_length(company) - 3))
    assert audit_log.verify_chain(company.system).ok  # the chain alone cannot tell
    found = [a for a in checkpoints.verify_known_anchors(company.system) if not a.ok]
    assert found and "备份" in found[0].problem and "被删除" in found[0].problem
    company.db.dispose()
    assert run(["--data-dir", str(company.data_dir.root), "audit", "verify"]) == 9
    assert "发现篡改" in capsys.readouterr().err


def test_an_issued_documents_register_entry_anchors_the_trail(company):
    from hrdesk.core.documents import issuing
    from hrdesk.core.documents.tables import IssuedDocument

    hr = company.login("hr")
    issuing.employment_certificate(hr, company.emps["王经理"], purpose="办理签证")
    with company.db.session() as s:
        entry = s.execute(select(IssuedDocument)).scalar_one()
        assert entry.chain_length is not None and entry.chain_head is not None
        at = s.execute(select(AuditRecord.hash).where(AuditRecord.seq == entry.chain_length)).scalar_one()
    assert at == entry.chain_head
    with company.db.session() as s, s.begin():
        s.execute(delete(AuditRecord).where(AuditRecord.seq > entry.chain_length - 2))
    found = [a for a in checkpoints.verify_known_anchors(company.system) if not a.ok]
    assert found and entry.number in found[0].problem


def test_backups_from_before_a_restore_are_no_false_alarm(company):
    older = backups.backup_as_system(company.db).backup
    company.login("hr")
    backups.backup_as_system(company.db)  # holds a longer chain than the restored one will
    company.db.dispose()
    backups.restore_backup(company.data_dir, older.path)
    from hrdesk.core.company import setup as company_setup

    company.db = company_setup.open_company(company.data_dir)
    reports = checkpoints.verify_known_anchors(company.system)
    assert all(r.ok for r in reports), [r.problem for r in reports]

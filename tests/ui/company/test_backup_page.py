"""备份与恢复 page (issue 12): administrators back up, check, name a second folder and restore."""

from __future__ import annotations

from decimal import Decimal as D

from PySide6.QtCore import Qt

from hrdesk.core.company import setup as company_setup
from hrdesk.core.people import employees
from hrdesk.core.people.tables import Employee
from hrdesk.ui.company.backup_page import BackupPage
from hrdesk.ui.shell.app import make_session
from hrdesk.ui.shell.navigation import pages_for
from tests.ui.qt_helpers import screenshot


def open_page(qtbot, company) -> BackupPage:
    session = make_session(company.login("admin"), "测试科技有限公司")
    page = BackupPage(session)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitUntil(lambda: page.count_label.text() != "", timeout=10000)
    return page


def test_only_administrators_see_the_page(company):
    assert "backups" in [s.key for s in pages_for(company.login("admin").actor)]
    for user in ("hr", "finance", "auditor", "staff"):
        assert "backups" not in [s.key for s in pages_for(company.login(user).actor)]


def test_back_up_check_and_name_a_second_folder(qtbot, company, tmp_path):
    page = open_page(qtbot, company)
    assert page.count_label.text() == "还没有备份" and not page.restore_button.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=20000):
        qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 1 and "已备份" in page.status.text()
    assert page.model.row(0).cells[1] == "手动" and page.restore_button.isEnabled()
    page.verify_current()
    qtbot.waitUntil(lambda: "备份完好" in page.status.text(), timeout=20000)

    page.second_folder.setText(str(company.data_dir.root / "inside"))
    assert not page.save_second_folder() and "不能在公司数据文件夹之内" in page.err_folder.text()
    page.second_folder.setText(str(tmp_path / "usb"))
    assert page.save_second_folder() and "之后的每个备份都会复制到" in page.status.text()
    with qtbot.waitSignal(page.loaded, timeout=20000):
        page.backup_now()
    assert "已复制到" in page.status.text() and len(list((tmp_path / "usb").glob("hrdesk-*.db"))) == 1
    assert page.view.currentIndex().row() == 0  # the backup just taken is the one chosen
    qtbot.wait(50)
    screenshot(page, "backup_page")


def test_restore_from_the_page_brings_back_the_backup(qtbot, company):
    page = open_page(qtbot, company)
    with qtbot.waitSignal(page.loaded, timeout=20000):
        page.backup_now()
    li = company.emps["李四"]
    before = employees.get(company.system, li).base_salary
    with company.db.session() as session, session.begin():
        session.get(Employee, li).base_salary = D("77777.00")
    page.view.selectRow(0)
    result = page.restore_current(confirm=False, quit_after=False)
    assert result is not None and "已从" in page.status.text()
    company.db.dispose()
    company.db = company_setup.open_company(company.data_dir)
    assert employees.get(company.system, li).base_salary == before

"""The first start of a day backs up in the background and says so in the status bar (issue 12)."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from hrdesk.core.kernel.persistence import backup_store
from hrdesk.ui.shell.app import make_session, start_daily_backup


def test_the_daily_backup_runs_after_the_window_shows_and_only_once(qtbot, company):
    session = make_session(company.login("hr"), "测试科技有限公司")  # any user's start backs up
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    start_daily_backup(session, window)
    qtbot.waitUntil(lambda: "已自动备份" in window.statusBar().currentMessage(), timeout=20000)
    (daily,) = backup_store.list_backups(company.data_dir.backups_dir)
    assert daily.kind == "daily" and daily.path.name in window.statusBar().currentMessage()
    window.statusBar().clearMessage()
    start_daily_backup(session, window)  # a second start the same day
    assert session.runner.wait_idle(20000)
    qtbot.wait(50)
    assert len(backup_store.list_backups(company.data_dir.backups_dir)) == 1
    assert window.statusBar().currentMessage() == ""

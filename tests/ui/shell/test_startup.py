"""First start, later starts, a lost key and a second instance: the dialogs before the main window."""

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from hrdesk.core.accounts import auth
from hrdesk.core.kernel.persistence import keys
from hrdesk.core.kernel.persistence.datadir import DataDir
from hrdesk.core.kernel.persistence.instance_lock import InstanceLock
from hrdesk.ui.company.recovery_key_dialog import RecoveryKeyDialog
from hrdesk.ui.company.setup_dialog import SetupDialog
from hrdesk.ui.company.unlock_dialog import UnlockDialog
from hrdesk.ui.shell.app import Startup
from tests.helpers import ADMIN_PASSWORD
from tests.ui.qt_helpers import screenshot, type_text, when_modal


def fill_setup(qtbot, dialog: SetupDialog, password2=ADMIN_PASSWORD):
    f = dialog.form
    type_text(qtbot, f.company_name, "华夏建设工程有限公司")
    type_text(qtbot, f.admin_display_name, "张管理")
    type_text(qtbot, f.admin_password, ADMIN_PASSWORD)
    type_text(qtbot, f.admin_password2, password2)


def test_setup_dialog_validates_in_place(qtbot, tmp_path):
    data_dir = DataDir(tmp_path / "new")
    dialog = SetupDialog(data_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.form.admin_password, "short")
    type_text(qtbot, dialog.form.admin_password2, "short")
    dialog.create()
    assert dialog.isVisible()
    assert "请填写公司名称" in dialog.form.err_company_name.text()
    assert "10" in dialog.form.err_admin_password.text()
    screenshot(dialog, "setup_dialog_errors")
    assert not data_dir.db_path.exists()


def test_first_start_creates_company_and_shows_recovery_key_once(qtbot, tmp_path, memory_keyring):
    data_dir = DataDir(tmp_path / "first")
    seen = {}

    def on_setup(dialog):
        fill_setup(qtbot, dialog)
        screenshot(dialog, "setup_dialog")
        when_modal(on_recovery)
        dialog.create()

    def on_recovery(dialog):
        assert isinstance(dialog, RecoveryKeyDialog)
        seen["key"] = dialog.recovery_key
        seen["sheet"] = dialog.form.key_text.toPlainText()
        ok = dialog.form.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # not before the user confirms
        dialog.reject()  # Esc does nothing yet
        assert dialog.isVisible()
        screenshot(dialog, "recovery_key_dialog")
        dialog.form.confirm.setChecked(True)
        ok.click()

    when_modal(on_setup)
    startup = Startup(data_dir)
    opened = startup.open_company()
    assert opened is not None and opened.name == "华夏建设工程有限公司"
    assert len(seen["key"].split("-")) == 14
    assert "审计密钥" in seen["sheet"]  # the sheet carries the audit chain's key as well
    assert len(memory_keyring.store) == 2  # the database key and the audit key
    assert keys.recovery_key_for(opened.db.audit_key).split("-")[0] in seen["sheet"]
    assert auth.login(opened.db, "admin", ADMIN_PASSWORD).actor.username == "admin"
    opened.db.dispose()
    startup.lock.release()


def test_lost_key_opens_with_recovery_key(qtbot, company, memory_keyring):
    company.db.dispose()
    sheet = keys.recovery_key_for(company.db.audit_key)
    memory_keyring.store.clear()  # both keys: another computer
    explanation = {}

    def on_unlock(dialog):
        assert isinstance(dialog, UnlockDialog)
        explanation["text"] = dialog.form.explanation.text()
        type_text(qtbot, dialog.form.recovery_key, "AAAA-BBBB-CCCC")
        dialog.unlock()
        assert dialog.isVisible() and "56" in dialog.form.error_label.text()
        screenshot(dialog, "unlock_dialog_error")
        dialog.form.recovery_key.setText(company.recovery_key.lower())
        dialog.unlock()
        assert dialog.isVisible() and "审计密钥" in dialog.form.error_label.text()  # the sheet's 2nd line
        dialog.form.audit_key.setText(sheet)
        dialog.unlock()

    when_modal(on_unlock)
    startup = Startup(company.data_dir)
    opened = startup.open_company()
    assert opened is not None
    assert "恢复密钥" in explanation["text"]
    assert len(memory_keyring.store) == 2  # both keys back in the credential store
    opened.db.dispose()
    startup.lock.release()


def test_second_instance_is_refused_with_a_message(qtbot, company, monkeypatch):
    messages = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: messages.append(text))
    with InstanceLock(company.data_dir.lock_path):
        assert Startup(company.data_dir).open_company() is None
    assert "另一个 HRDesk 窗口" in messages[0]


def test_wrong_key_gives_message_and_no_window(qtbot, company, monkeypatch):
    company.db.dispose()
    messages = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: messages.append(text))
    monkeypatch.setenv("HRDESK_DB_KEY", "0" * 64)
    assert Startup(company.data_dir).open_company() is None
    assert "密钥不正确" in messages[0]


def test_read_only_data_folder_gives_message(qtbot, tmp_path, monkeypatch):
    from tests.helpers import read_only_folder

    messages = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: messages.append(text))
    folder = tmp_path / "ro"
    folder.mkdir()
    with read_only_folder(folder):
        assert Startup(DataDir(folder)).open_company() is None
    assert "无法写入" in messages[0]
    assert list(folder.iterdir()) == []


def test_a_start_that_fails_the_same_way_twice_offers_the_restore(qtbot, company, monkeypatch):
    """Issue 12: the second identical failed start offers the newest intact backup and opens it."""
    from hrdesk.core.company import backups
    from hrdesk.core.company import setup as company_setup
    from hrdesk.core.kernel.errors import MigrationFailed
    from hrdesk.core.kernel.persistence import backup_store
    from hrdesk.ui.shell import app

    backups.backup_as_system(company.db)
    company.db.dispose()
    real_open = company_setup.open_company
    failures = iter([MigrationFailed("公司数据升级失败（测试）。", repeated=2)])

    def failing_once(data_dir):
        failure = next(failures, None)
        if failure is not None:
            raise failure
        return real_open(data_dir)

    asked = []
    monkeypatch.setattr(app.company, "open_company", failing_once)
    monkeypatch.setattr(
        QMessageBox, "question", lambda parent, title, text: asked.append(text) or QMessageBox.StandardButton.Yes
    )
    startup = Startup(company.data_dir)
    opened = startup.open_company()
    assert opened is not None and "要从最新的完好备份" in asked[0]
    kinds = {b.kind for b in backup_store.list_backups(company.data_dir.backups_dir)}
    assert "replaced" in kinds  # what the restore replaced was kept
    opened.db.dispose()
    startup.lock.release()


def test_a_first_failed_start_only_explains(qtbot, company, monkeypatch):
    from hrdesk.core.kernel.errors import MigrationFailed
    from hrdesk.ui.shell import app

    company.db.dispose()
    messages = []

    def failing(data_dir):
        raise MigrationFailed("公司数据升级失败（测试）。", repeated=1)

    monkeypatch.setattr(app.company, "open_company", failing)
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: messages.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: (_ for _ in ()).throw(AssertionError("no offer yet")))
    assert Startup(company.data_dir).open_company() is None
    assert "升级失败" in messages[0]

"""公司信息: the company's name, 统一社会信用代码, address and phone (forms/company_form.ui)."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QMainWindow, QWidget

from hrdesk.core.errors import HRDeskError, ValidationError
from hrdesk.core.permissions import Permission
from hrdesk.core.services import company
from hrdesk.core.services.company import CompanyInfo
from hrdesk.ui import messages
from hrdesk.ui.forms.ui_company_form import Ui_CompanyForm
from hrdesk.ui.messages import ERROR_STYLE, show_field_errors
from hrdesk.ui.session import AppSession

OK_STYLE = "color: #1a7f37;"
FORM_WIDTH = 620


class CompanyPage(QWidget):
    loaded = Signal()  # the form shows what is stored
    saved = Signal(object)  # CompanyInfo, after the service accepted it

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("company_page")
        self.form = Ui_CompanyForm()
        self.form.setupUi(self)
        self.info: CompanyInfo | None = None
        self.editable = session.actor.can_all(Permission.COMPANY_MANAGE)
        f = self.form
        self.fields: dict[str, QLineEdit] = {"company_name": f.company_name, "credit_code": f.credit_code,
                                            "address": f.address, "phone": f.phone}
        self.error_labels: dict[str, QLabel] = {
            name[4:]: getattr(f, name) for name in dir(f) if name.startswith("err_")}
        f.grid.setColumnStretch(1, 1)
        f.banner.setStyleSheet(ERROR_STYLE)
        f.hint.setStyleSheet("color: #5f6670;")
        f.company_group.setFixedWidth(FORM_WIDTH)
        f.hint.setFixedWidth(FORM_WIDTH)
        f.banner.setFixedWidth(FORM_WIDTH)
        f.status.setMinimumWidth(FORM_WIDTH // 2)
        f.save.clicked.connect(self.save)
        f.revert.clicked.connect(self.revert)
        f.credit_code.textEdited.connect(self._uppercase_credit_code)
        for edit in self.fields.values():
            edit.textChanged.connect(self._edited)
            edit.returnPressed.connect(self.save)
        self._status_timer = QTimer(self, singleShot=True, interval=8000)
        self._status_timer.timeout.connect(lambda: f.status.setText(""))
        if not self.editable:
            for edit in self.fields.values():
                edit.setReadOnly(True)
            f.save.setVisible(False)
            f.revert.setVisible(False)
        session.signals.changed.connect(self._on_changes)
        self.reload()

    # --- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        ctx = self.session.ctx

        def failed(exc):
            messages.show_error(self, exc)

        self.session.runner.submit(lambda: company.get_company(ctx), self._show, failed, owner=self)

    def _show(self, info: CompanyInfo) -> None:
        self.info = info
        f = self.form
        f.company_name.setText(info.name)
        f.credit_code.setText(info.credit_code or "")
        f.address.setText(info.address or "")
        f.phone.setText(info.phone or "")
        show_field_errors(self.error_labels, {})
        f.banner.setVisible(False)
        self._update_buttons()
        self.loaded.emit()

    def _on_changes(self, changes) -> None:
        # Someone else's change reloads the form, but never over edits the user has not saved.
        if self.session.signals.touches(changes, "company") and not self.is_modified():
            self.reload()

    # --- editing -------------------------------------------------------------------------------

    def collect(self) -> CompanyInfo:
        f = self.form
        return CompanyInfo(name=f.company_name.text(), credit_code=f.credit_code.text(),
                           address=f.address.text(), phone=f.phone.text())

    def is_modified(self) -> bool:
        if self.info is None:
            return False
        now = self.collect()
        stored = self.info
        return (now.name.strip() != stored.name or now.credit_code.strip().upper() != (stored.credit_code or "")
                or now.address.strip() != (stored.address or "") or now.phone.strip() != (stored.phone or ""))

    def _edited(self, *_) -> None:
        self.form.status.setText("")
        self._update_buttons()

    def _uppercase_credit_code(self, text: str) -> None:
        edit = self.form.credit_code
        if text != text.upper():
            position = edit.cursorPosition()
            edit.setText(text.upper())
            edit.setCursorPosition(position)

    def _update_buttons(self) -> None:
        modified = self.is_modified()
        self.form.save.setEnabled(self.editable and modified)
        self.form.revert.setEnabled(self.editable and modified)

    def revert(self) -> None:
        if self.info is not None:
            self._show(self.info)
            self.form.status.setText("")

    def save(self) -> bool:
        if not self.editable:
            return False
        try:
            info = company.update_company(self.session.ctx, self.collect())
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return False
        except HRDeskError as exc:
            messages.show_error(self, exc)
            return False
        self.session.company_name = info.name
        self._show(info)
        message = self.tr("公司信息已保存。")
        self.form.status.setStyleSheet(OK_STYLE)
        self.form.status.setText(message)
        self._status_timer.start()
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 5000)
        self.saved.emit(info)
        return True

    def _show_errors(self, errors: dict[str, str]) -> None:
        leftovers = show_field_errors(self.error_labels, errors)
        self.form.banner.setText("；".join(leftovers))
        self.form.banner.setVisible(bool(leftovers))
        self.form.status.setStyleSheet(ERROR_STYLE)
        self.form.status.setText(self.tr("未保存：请修正标红的字段。"))
        first = next((k for k in errors if k in self.fields), None)
        if first:
            self.fields[first].setFocus()

"""公司信息: the company's name, 统一社会信用代码, address and phone (forms/company_form.ui), and the
证明文件 settings: the seal image printed on certificates, whether a seal is required and whether the
离职证明 states the reason (hrdesk.core.documents.appearance; each change is saved at once)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.company import details
from hrdesk.core.company.details import CompanyInfo
from hrdesk.core.documents import appearance
from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.core.kernel.permissions import Permission
from hrdesk.ui.common import messages
from hrdesk.ui.common.messages import ERROR_STYLE, show_field_errors
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.forms.ui_company_form import Ui_CompanyForm

OK_STYLE = "color: #1a7f37;"
FORM_WIDTH = 620
SEAL_SIZE = 120
MAX_SEAL_FILE = 2 * 1024 * 1024


def _tr(text: str) -> str:
    return QCoreApplication.translate("CompanyPage", text)


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
        self.fields: dict[str, QLineEdit] = {
            "company_name": f.company_name,
            "credit_code": f.credit_code,
            "address": f.address,
            "phone": f.phone,
        }
        self.error_labels: dict[str, QLabel] = {
            name[4:]: getattr(f, name) for name in dir(f) if name.startswith("err_")
        }
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
        self._build_documents_group()
        session.signals.changed.connect(self._on_changes)
        self.reload()

    # --- 证明文件 -----------------------------------------------------------------------------------

    def _build_documents_group(self) -> None:
        f = self.form
        self.documents_group = QGroupBox(_tr("证明文件"))
        self.documents_group.setObjectName("documents_group")
        self.documents_group.setFixedWidth(FORM_WIDTH)
        self.seal_preview = QLabel()
        self.seal_preview.setObjectName("seal_preview")
        self.seal_preview.setFixedSize(SEAL_SIZE + 8, SEAL_SIZE + 8)
        self.seal_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.seal_preview.setStyleSheet("QLabel { background: white; border: 1px dashed #b8bec6; color: #80868b; }")
        self.upload_seal_button = QPushButton(_tr("上传公章图片…"))
        self.upload_seal_button.setObjectName("upload_seal")
        self.upload_seal_button.clicked.connect(self.choose_seal)
        self.remove_seal_button = QPushButton(_tr("移除"))
        self.remove_seal_button.setObjectName("remove_seal")
        self.remove_seal_button.clicked.connect(self.remove_seal)
        seal_hint = QLabel(_tr("PNG 格式，建议透明背景、正方形，不超过 2 MB；印在离职证明、在职证明和离职结算单上。"))
        seal_hint.setWordWrap(True)
        seal_hint.setStyleSheet("color: #5f6670;")
        self.require_seal = QCheckBox(_tr("证明文件必须加盖公章"))
        self.require_seal.setObjectName("require_seal")
        self.require_seal.setToolTip(_tr("勾选后，未上传公章图片时不能开具任何证明文件"))
        self.show_reason = QCheckBox(_tr("离职证明写明离职原因"))
        self.show_reason.setObjectName("show_reason")
        self.show_reason.setToolTip(_tr("法律未要求写明离职原因；写明“严重违纪”等可能影响员工再就业，默认不写"))
        self.err_seal = QLabel()
        self.err_seal.setObjectName("err_seal")
        self.err_seal.setWordWrap(True)
        self.err_seal.setStyleSheet(ERROR_STYLE)
        self.err_seal.setVisible(False)
        self.documents_status = QLabel()
        self.documents_status.setObjectName("documents_status")
        self.documents_status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.upload_seal_button)
        buttons.addWidget(self.remove_seal_button)
        buttons.addStretch(1)
        side = QVBoxLayout()
        side.addLayout(buttons)
        side.addWidget(seal_hint)
        side.addWidget(self.require_seal)
        side.addWidget(self.show_reason)
        side.addStretch(1)
        grid = QGridLayout(self.documents_group)
        grid.setHorizontalSpacing(14)
        grid.addWidget(self.seal_preview, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(side, 0, 1)
        grid.addWidget(self.err_seal, 1, 0, 1, 2)
        grid.addWidget(self.documents_status, 2, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        f.column_layout.insertWidget(f.column_layout.count() - 1, self.documents_group)  # above the bottom spacer
        self.document_options = None
        self._saves = 0  # counts this page's own saves, so a reload read before one of them is dropped
        self.require_seal.clicked.connect(lambda *_: self.save_document_options())
        self.show_reason.clicked.connect(lambda *_: self.save_document_options())
        for widget in (self.upload_seal_button, self.remove_seal_button, self.require_seal, self.show_reason):
            widget.setEnabled(self.editable)
        self.upload_seal_button.setVisible(self.editable)
        self.remove_seal_button.setVisible(self.editable)

    def reload_document_options(self) -> None:
        ctx = self.session.ctx
        asked_at = self._saves

        def loaded(result) -> None:
            # A reload that was read before one of this page's own saves is older than what the boxes
            # show now; applying it would untick a box and the next save would store the stale value.
            if asked_at == self._saves:
                self._show_document_options(*result)

        self.session.runner.submit(
            lambda: (appearance.get_options(ctx), appearance.current_seal(ctx)),
            loaded,
            lambda exc: messages.show_error(self, exc),
            owner=self,
        )

    def _show_document_options(self, options, seal: bytes | None) -> None:
        self.document_options = options
        self.require_seal.setChecked(options.require_seal)
        self.show_reason.setChecked(options.show_reason)
        pixmap = QPixmap()
        if seal and pixmap.loadFromData(seal):
            self.seal_preview.setPixmap(
                pixmap.scaled(
                    SEAL_SIZE, SEAL_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )
            self.seal_preview.setToolTip(_tr("当前公章（SHA-256 {0}…）").format((options.seal_sha256 or "")[:12]))
        else:
            self.seal_preview.setPixmap(QPixmap())
            self.seal_preview.setText(_tr("未上传公章"))
            self.seal_preview.setToolTip("")
        self.remove_seal_button.setEnabled(self.editable and bool(options.seal_sha256))
        self.err_seal.setVisible(False)

    def choose_seal(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        path, _ = QFileDialog.getOpenFileName(self, _tr("选择公章图片"), folder, _tr("PNG 图片 (*.png)"))
        if path:
            self.upload_seal(path)

    def upload_seal(self, path: str) -> bool:
        file = Path(path)
        try:
            if file.stat().st_size > MAX_SEAL_FILE:
                return self._document_error({"seal": _tr("公章图片不能超过 2 MB")})
            data = file.read_bytes()
        except OSError as exc:
            return self._document_error({"seal": _tr("无法读取文件“{0}”：{1}").format(file.name, exc.strerror or exc)})
        return self.save_document_options(seal=data)

    def remove_seal(self) -> bool:
        return self.save_document_options(remove_seal=True)

    def save_document_options(self, *, seal: bytes | None = None, remove_seal: bool = False) -> bool:
        if not self.editable:
            return False
        was_required = require = self.require_seal.isChecked()
        if remove_seal and require:
            require = False  # a required seal cannot be removed; the requirement goes with it
        try:
            options = appearance.save_options(
                self.session.ctx,
                require_seal=require,
                show_reason=self.show_reason.isChecked(),
                seal=seal,
                remove_seal=remove_seal,
            )
        except ValidationError as exc:
            return self._document_error(exc.errors)
        except HRDeskError as exc:
            messages.show_error(self, exc)
            return False
        self._saves += 1
        self._show_document_options(options, appearance.current_seal(self.session.ctx))
        if remove_seal:
            text = _tr("公章图片已移除。") + (_tr("“必须加盖公章”已一并取消。") if was_required else "")
        elif seal is not None:
            text = _tr("公章图片已更新，之后开具的证明文件使用新公章。")
        else:
            text = _tr("证明文件设置已保存。")
        self.documents_status.setStyleSheet(OK_STYLE)
        self.documents_status.setText(text)
        return True

    def _document_error(self, errors: dict[str, str]) -> bool:
        message = "；".join(errors.values())
        self.err_seal.setText(message)
        self.err_seal.setVisible(True)
        self.documents_status.setText("")
        if self.document_options is not None:  # the boxes show what is stored
            self.require_seal.setChecked(self.document_options.require_seal)
            self.show_reason.setChecked(self.document_options.show_reason)
        return False

    # --- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        ctx = self.session.ctx

        def failed(exc):
            messages.show_error(self, exc)

        self.session.runner.submit(lambda: details.get_company(ctx), self._show, failed, owner=self)
        self.reload_document_options()

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
        elif self.session.signals.touches(changes, "settings"):
            self.reload_document_options()

    # --- editing -------------------------------------------------------------------------------

    def collect(self) -> CompanyInfo:
        f = self.form
        return CompanyInfo(
            name=f.company_name.text(), credit_code=f.credit_code.text(), address=f.address.text(), phone=f.phone.text()
        )

    def is_modified(self) -> bool:
        if self.info is None:
            return False
        now = self.collect()
        stored = self.info
        return (
            now.name.strip() != stored.name
            or now.credit_code.strip().upper() != (stored.credit_code or "")
            or now.address.strip() != (stored.address or "")
            or now.phone.strip() != (stored.phone or "")
        )

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
            info = details.update_company(self.session.ctx, self.collect())
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

"""邮件服务器: the administrator's SMTP server with a test mail, and the outbox of notices waiting to go."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.flows import mail
from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.ui.common.messages import ERROR_STYLE, show_error, show_field_errors
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import HINT_STYLE
from hrdesk.ui.flows.settings.parts import (
    OK_STYLE,
    hint,
    tr,
)

SECURITY_PORTS = {"starttls": 587, "ssl": 465, "none": 25}


def security_choices() -> list[tuple[str, str]]:
    return [
        (tr("STARTTLS（推荐，通常端口 587）"), "starttls"),
        (tr("SSL/TLS（通常端口 465）"), "ssl"),
        (tr("不加密（仅限公司内网）"), "none"),
    ]


class MailTab(QWidget):
    loaded = Signal()
    test_finished = Signal(bool, str)  # success, message

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("mail_tab")
        self.settings: mail.SmtpSettings | None = None
        self._testing = False

        self.host = QLineEdit()
        self.host.setObjectName("host")
        self.host.setPlaceholderText(self.tr("如 smtp.exmail.qq.com"))
        self.port = QSpinBox()
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.port.setValue(587)
        self.port.setMaximumWidth(110)
        self.security = QComboBox()
        self.security.setObjectName("security")
        for label, value in security_choices():
            self.security.addItem(label, value)
        self.security.currentIndexChanged.connect(self._security_changed)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setPlaceholderText(self.tr("通常是完整的邮箱地址；服务器不要求登录时留空"))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("留空则保留已保存的密码"))
        self.from_address = QLineEdit()
        self.from_address.setObjectName("from_address")
        self.from_address.setPlaceholderText(self.tr("如 hr@公司域名"))
        self.from_name = QLineEdit()
        self.from_name.setObjectName("from_name")
        self.from_name.setPlaceholderText(self.tr("收件人看到的发件人名称，如 某某公司人事部"))

        self.error_labels: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        grid.setColumnMinimumWidth(0, 90)
        grid.setColumnStretch(1, 1)
        fields = [
            ("host", self.tr("服务器地址 *"), self.host),
            ("port", self.tr("端口 *"), self.port),
            ("security", self.tr("加密方式"), self.security),
            ("username", self.tr("用户名"), self.username),
            ("password", self.tr("密码"), self.password),
            ("from_address", self.tr("发件人地址 *"), self.from_address),
            ("from_name", self.tr("发件人名称"), self.from_name),
        ]
        for n, (key, label, widget) in enumerate(fields):
            grid.addWidget(QLabel(label), n * 2, 0)
            grid.addWidget(widget, n * 2, 1)
            error = QLabel()
            error.setObjectName(f"err_{key}")
            error.setVisible(False)
            error.setWordWrap(True)
            grid.addWidget(error, n * 2 + 1, 1)
            self.error_labels[key] = error
        self.password_note = hint(
            self.tr(
                "密码保存在本机的系统凭据存储（如 Windows 凭据管理器）中，不写入公司数据文件。"
                "修改服务器地址或用户名后，请重新输入密码。"
            )
        )
        grid.addWidget(self.password_note, len(fields) * 2, 1)

        self.save_button = QPushButton(self.tr("保存设置"))
        self.save_button.setObjectName("save_mail")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        save_row = QHBoxLayout()
        save_row.addWidget(self.status, 1)
        save_row.addWidget(self.save_button)

        server_box = QGroupBox(self.tr("发信服务器（SMTP）"))
        server_layout = QVBoxLayout(server_box)
        server_layout.addLayout(grid)
        server_layout.addLayout(save_row)

        self.test_address = QLineEdit()
        self.test_address.setObjectName("test_address")
        self.test_address.setPlaceholderText(self.tr("收件人邮箱，如您自己的工作邮箱"))
        self.test_button = QPushButton(self.tr("发送测试邮件"))
        self.test_button.setObjectName("send_test")
        self.test_button.clicked.connect(self.send_test)
        self.test_result = QLabel()
        self.test_result.setObjectName("test_result")
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_address, 1)
        test_row.addWidget(self.test_button)
        test_box = QGroupBox(self.tr("发送测试邮件（使用已保存的设置）"))
        test_layout = QVBoxLayout(test_box)
        test_layout.addLayout(test_row)
        test_layout.addWidget(self.test_result)

        self.outbox_label = QLabel()
        self.outbox_label.setObjectName("outbox")
        self.outbox_refresh = QPushButton(self.tr("刷新"))
        self.outbox_refresh.clicked.connect(self.reload_outbox)
        outbox_box = QGroupBox(self.tr("发件箱"))
        outbox_layout = QHBoxLayout(outbox_box)
        outbox_layout.addWidget(self.outbox_label, 1)
        outbox_layout.addWidget(self.outbox_refresh)

        column = QWidget()
        column.setMaximumWidth(760)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.addWidget(server_box)
        column_layout.addWidget(test_box)
        column_layout.addWidget(outbox_box)
        column_layout.addWidget(
            hint(self.tr("邮件先进入发件箱，服务器暂时不可用时会自动重试；关闭程序不会丢失待发邮件。"))
        )
        column_layout.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(column, 1)
        layout.addStretch(0)
        self.reload()

    # loading

    def reload(self) -> None:
        ctx = self.session.ctx

        def done(result):
            settings, counts = result
            self.settings = settings
            self._show(settings)
            self._show_counts(counts)
            self.loaded.emit()

        def failed(exc):
            self.status.setText(self.tr("加载失败"))
            show_error(self, exc)

        self.session.runner.submit(lambda: (mail.get_settings(ctx), mail.outbox_counts(ctx)), done, failed, owner=self)

    def reload_outbox(self) -> None:
        ctx = self.session.ctx
        self.session.runner.submit(
            lambda: mail.outbox_counts(ctx), self._show_counts, lambda exc: show_error(self, exc), owner=self
        )

    def _show(self, s: mail.SmtpSettings | None) -> None:
        if s is None:
            self.status.setStyleSheet(HINT_STYLE)
            self.status.setText(self.tr("尚未设置邮件服务器：通知只在 HRDesk 内提醒，不发邮件。"))
            return
        self.host.setText(s.host)
        self.security.blockSignals(True)
        self.security.setCurrentIndex(max(0, self.security.findData(s.security)))
        self.security.blockSignals(False)
        self.port.setValue(s.port)
        self.username.setText(s.username)
        self.password.clear()
        self.from_address.setText(s.from_address)
        self.from_name.setText(s.from_name)

    def _show_counts(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self.outbox_label.setText(
            self.tr("待发送 {0} 封 · 已发送 {1} 封 · 发送失败 {2} 封").format(
                counts.get("pending", 0), counts.get("sent", 0), counts.get("failed", 0)
            )
        )

    def _security_changed(self, *_) -> None:
        """Suggest the usual port when the current one is another mode's usual port."""
        if self.port.value() in SECURITY_PORTS.values():
            self.port.setValue(SECURITY_PORTS[self.security.currentData()])

    # saving

    def form_settings(self) -> mail.SmtpSettings:
        return mail.SmtpSettings(
            self.host.text().strip(),
            self.port.value(),
            self.security.currentData(),
            self.username.text().strip(),
            self.from_address.text().strip(),
            self.from_name.text().strip() or "HRDesk",
        )

    def is_dirty(self) -> bool:
        return bool(self.password.text()) or self.form_settings() != self.settings

    def save(self) -> bool:
        settings = self.form_settings()
        try:
            mail.save_settings(self.session.ctx, settings, self.password.text() or None)
        except ValidationError as exc:
            leftovers = show_field_errors(self.error_labels, exc.errors)
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(self.tr("设置没有保存：请按红字提示修改。") + " ".join(leftovers))
            return False
        except HRDeskError as exc:
            show_field_errors(self.error_labels, {})
            show_error(self, exc)
            return False
        show_field_errors(self.error_labels, {})
        self.settings = settings
        self.password.clear()
        self.status.setStyleSheet(OK_STYLE)
        self.status.setText(self.tr("已保存。可以发送一封测试邮件确认设置正确。"))
        return True

    def send_test(self) -> None:
        if self._testing:
            return
        if self.settings is None or self.is_dirty():
            self._test_done(False, self.tr("请先保存设置，再发送测试邮件（测试使用已保存的设置）。"))
            return
        ctx, address = self.session.ctx, self.test_address.text().strip()
        self._testing = True
        self.test_button.setEnabled(False)
        self.test_result.setStyleSheet(HINT_STYLE)
        self.test_result.setText(self.tr("正在连接 {0}:{1} 发送…").format(self.settings.host, self.settings.port))

        def done(_):
            self._test_done(
                True, self.tr("测试邮件已发送到 {0}，请到该邮箱查收（也请看看垃圾邮件箱）。").format(address)
            )

        def failed(exc):
            if isinstance(exc, HRDeskError):
                self._test_done(False, str(exc))
            else:
                self._test_done(False, "")
                show_error(self, exc)

        self.session.runner.submit(lambda: mail.send_test(ctx, address), done, failed, owner=self)

    def _test_done(self, ok: bool, message: str) -> None:
        self._testing = False
        self.test_button.setEnabled(True)
        self.test_result.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.test_result.setText(("✔ " if ok else "✘ ") + message if message else "")
        self.test_finished.emit(ok, message)

"""流程设置 (administrators, FLOW_ADMIN): approval flows, notification policies, the mail server and
the handover checklist templates, one tab each.

Each tab loads in the background, saves through one service call and shows the service's
messages next to the fields. The services check the permission again; this page only gathers
input. Saving a flow definition makes a new version (running flows keep theirs).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.flows import checklist_templates, checklists, definitions, mail, notices
from hrdesk.core.flows.checklist_rules import ItemCategory, ItemOwner, ItemTemplate
from hrdesk.core.flows.notice_policy import Event, Policy, Relation
from hrdesk.core.flows.workflow import Action, FlowKind, condition_label
from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.core.kernel.permissions import Role
from hrdesk.core.org import departments as org
from hrdesk.core.org import positions as position_service
from hrdesk.ui.common.messages import ERROR_STYLE, show_error, show_field_errors
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import HINT_STYLE

ROW_HEIGHT = 28
OK_STYLE = "color: #137333;"
INFO_STYLE = (
    "QLabel { background: #e8f0fe; color: #174ea6; border: 1px solid #aecbfa; border-radius: 4px; padding: 6px 10px; }"
)
CELL_ERROR_STYLE = "border: 1px solid #b3261e; background: #fde7e9;"
ERROR_COLOR = QColor("#b3261e")
SECURITY_PORTS = {"starttls": 587, "ssl": 465, "none": 25}


def _tr(text: str) -> str:
    return QCoreApplication.translate("FlowSettingsPage", text)


def security_choices() -> list[tuple[str, str]]:
    return [
        (_tr("STARTTLS（推荐，通常端口 587）"), "starttls"),
        (_tr("SSL/TLS（通常端口 465）"), "ssl"),
        (_tr("不加密（仅限公司内网）"), "none"),
    ]


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(HINT_STYLE)
    label.setWordWrap(True)
    return label


def _read_only_table(columns: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    table.horizontalHeader().setHighlightSections(False)
    return table


def _fill(table: QTableWidget, rows: list[tuple]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem("" if value is None else str(value))
            if isinstance(value, int):
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(r, c, item)


# --- 审批流程 ----------------------------------------------------------------------------------------


def step_rows(definition) -> list[tuple]:
    rows = []
    for step in definition.steps:
        actions = "、".join(a.label for a in step.actions if a is not Action.APPROVE) or _tr("只能同意")
        rows.append(
            (
                step.name,
                step.actor_label(),
                condition_label(step.condition) if step.condition else _tr("总是"),
                _tr("{0} 个工作日").format(step.deadline_days) if step.deadline_days else _tr("不限"),
                actions,
                _tr("归档前须全部完成") if step.requires_checklist_closed else "",
            )
        )
    return rows


class FlowsTab(QWidget):
    loaded = Signal()

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("flows_tab")
        self.current: definitions.StoredDefinition | None = None
        self.versions: list[definitions.StoredDefinition] = []
        self._generation = 0

        self.kind = QComboBox()
        self.kind.setObjectName("flow_kind")
        for kind in (FlowKind.ONBOARDING, FlowKind.CONFIRMATION, FlowKind.TRANSFER, FlowKind.SEPARATION):
            self.kind.addItem(kind.label, kind.value)
        self.kind.currentIndexChanged.connect(lambda *_: self.reload())
        self.edit_button = QPushButton(self.tr("编辑…"))
        self.edit_button.setObjectName("edit_flow")
        self.edit_button.setEnabled(False)
        self.edit_button.clicked.connect(self.open_editor)
        self.version_label = QLabel()
        self.version_label.setObjectName("version_label")
        self.version_label.setStyleSheet("font-weight: bold;")

        toolbar = QHBoxLayout()
        toolbar.addWidget(QLabel(self.tr("流程")))
        toolbar.addWidget(self.kind)
        toolbar.addSpacing(12)
        toolbar.addWidget(self.version_label, 1)
        toolbar.addWidget(self.edit_button)

        self.steps = _read_only_table(
            [
                self.tr("步骤名称"),
                self.tr("审批人"),
                self.tr("条件"),
                self.tr("期限"),
                self.tr("可驳回/退回"),
                self.tr("交接清单"),
            ]
        )
        self.steps.setObjectName("steps_table")
        for column, width in enumerate((170, 130, 250, 100, 150)):
            self.steps.setColumnWidth(column, width)
        self.steps.horizontalHeader().setStretchLastSection(True)
        self.history = _read_only_table(
            [self.tr("版本"), self.tr("流程名称"), self.tr("步骤数"), self.tr("修改人"), self.tr("修改时间 (UTC)")]
        )
        self.history.setObjectName("history_table")
        self.history.verticalHeader().setVisible(False)
        for column, width in enumerate((60, 170, 70, 140)):
            self.history.setColumnWidth(column, width)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.currentCellChanged.connect(lambda row, *_: self._show_version(row))

        steps_box = QGroupBox(self.tr("审批步骤"))
        steps_layout = QVBoxLayout(steps_box)
        steps_layout.addWidget(self.steps)
        self.steps_note = _hint("")
        steps_layout.addWidget(self.steps_note)
        history_box = QGroupBox(self.tr("版本记录（选中一行查看该版本的步骤）"))
        history_layout = QVBoxLayout(history_box)
        history_layout.addWidget(self.history)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(steps_box)
        splitter.addWidget(history_box)
        splitter.setSizes([330, 200])

        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr("修改流程会保存为新版本：已在审批中的流程仍按发起时的版本走完，之后发起的流程使用新版本。")
        )
        note.setStyleSheet(INFO_STYLE)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(toolbar)
        layout.addWidget(splitter, 1)
        self.reload()

    def selected_kind(self) -> FlowKind:
        return FlowKind(self.kind.currentData())

    def select_kind(self, kind: FlowKind) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind.value))

    def reload(self) -> None:
        self._generation += 1
        generation, ctx, kind = self._generation, self.session.ctx, self.selected_kind()
        self.edit_button.setEnabled(False)
        self.version_label.setText(self.tr("正在加载…"))

        def work():
            return definitions.current(ctx, kind), definitions.history(ctx, kind)

        def done(result):
            if generation != self._generation:
                return
            self.current, self.versions = result
            d = self.current
            self.version_label.setText(
                self.tr("当前：第 {0} 版“{1}”，{2} 个步骤").format(
                    d.definition.version, d.definition.name, len(d.definition.steps)
                )
            )
            _fill(
                self.history,
                [
                    (
                        v.definition.version,
                        v.definition.name,
                        len(v.definition.steps),
                        v.created_by,
                        f"{v.created_at:%Y-%m-%d %H:%M}",
                    )
                    for v in self.versions
                ],
            )
            self.history.blockSignals(True)
            self.history.selectRow(0)
            self.history.blockSignals(False)
            self._show_version(0)
            self.edit_button.setEnabled(True)
            self.loaded.emit()

        def failed(exc):
            if generation == self._generation:
                self.version_label.setText(self.tr("加载失败"))
                show_error(self, exc)

        self.session.runner.submit(work, done, failed, owner=self)

    def _show_version(self, row: int) -> None:
        if not 0 <= row < len(self.versions):
            return
        stored = self.versions[row]
        _fill(self.steps, step_rows(stored.definition))
        if stored.definition.version == self.current.definition.version:
            self.steps_note.setText(self.tr("这是当前版本，新发起的流程按它进行。"))
        else:
            self.steps_note.setText(
                self.tr("这是历史版本（第 {0} 版），仍在按它审批的流程不受后来修改的影响。").format(
                    stored.definition.version
                )
            )

    def open_editor(self):
        from hrdesk.ui.flows.flow_definition_dialog import FlowDefinitionDialog

        if self.current is None:
            return None
        try:
            dialog = FlowDefinitionDialog(self.session, self.selected_kind(), self.current, self)
        except HRDeskError as exc:
            show_error(self, exc)
            return None
        dialog.saved.connect(lambda *_: self.reload())
        dialog.open()
        return dialog


# --- 通知策略 ----------------------------------------------------------------------------------------

# "员工" as a role would mean every account in the company: not offered (targeted notices only).
OFFERED_ROLES = (Role.HR, Role.FINANCE, Role.ADMIN, Role.AUDITOR, Role.MANAGER, Role.PROJECT_LEAD)


def role_choice_label(role: Role) -> str:
    """As a notice recipient a role means everyone holding it, which matters for the relation-like ones."""
    if role is Role.MANAGER:
        return _tr("全部直属上级")
    if role is Role.PROJECT_LEAD:
        return _tr("全部项目负责人")
    return role.label


class NoticesTab(QWidget):
    loaded = Signal()

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("notices_tab")
        self.saved: dict[Event, Policy] = {}
        self.edited: dict[Event, Policy] = {}
        self._showing: Event | None = None

        self.events = QListWidget()
        self.events.setObjectName("events")
        self.events.setMaximumWidth(220)
        for event in Event:
            item = QListWidgetItem(event.label)
            item.setData(Qt.ItemDataRole.UserRole, event.value)
            self.events.addItem(item)
        self.events.currentRowChanged.connect(lambda *_: self._show_event())

        self.role_boxes: dict[Role, QCheckBox] = {}
        roles_box = QGroupBox(self.tr("按角色通知（该角色的所有账号）"))
        roles_layout = QGridLayout(roles_box)
        ordered = list(OFFERED_ROLES) + [r for r in Role if r not in OFFERED_ROLES]
        for n, role in enumerate(ordered):
            box = QCheckBox(role_choice_label(role))
            box.setObjectName(f"role_{role.value}")
            box.toggled.connect(self._changed)
            if role in (Role.MANAGER, Role.PROJECT_LEAD):
                box.setToolTip(
                    self.tr("公司里所有担任该角色的人，不只是该员工的上级；只通知该员工的上级请用下面的“关系”")
                )
            if role not in OFFERED_ROLES:
                box.setVisible(False)  # shown only if a stored policy names it, so it can be removed
                box.setToolTip(self.tr("“员工”角色即全公司的账号，不适合定向通知"))
            self.role_boxes[role] = box
            roles_layout.addWidget(box, n // 4, n % 4)
        self.relation_boxes: dict[Relation, QCheckBox] = {}
        relations_box = QGroupBox(self.tr("按与该员工的关系通知"))
        relations_layout = QGridLayout(relations_box)
        for n, relation in enumerate(Relation):
            box = QCheckBox(relation.label)
            box.setObjectName(f"relation_{relation.value}")
            box.toggled.connect(self._changed)
            self.relation_boxes[relation] = box
            relations_layout.addWidget(box, n // 4, n % 4)
        self.email_box = QCheckBox(self.tr("同时发送邮件（收件人有邮箱、且已设置邮件服务器时）"))
        self.email_box.setObjectName("email")
        self.email_box.toggled.connect(self._changed)

        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setObjectName("save_policies")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("放弃修改"))
        self.revert_button.setObjectName("revert_policies")
        self.revert_button.clicked.connect(self.revert)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        self.event_title = QLabel()
        self.event_title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.event_title)
        right_layout.addWidget(roles_box)
        right_layout.addWidget(relations_box)
        right_layout.addWidget(self.email_box)
        right_layout.addStretch(1)
        right_layout.addLayout(buttons)
        body = QHBoxLayout()
        body.addWidget(self.events)
        body.addWidget(right, 1)

        rule = QLabel(
            self.tr(
                "通知只发给本公司的账号和员工档案中的邮箱，绝不发给公司外部的单位或个人；"
                "发送前发送人会看到收件人名单，只能删减，不能添加策略之外的人。"
            )
        )
        rule.setObjectName("rule")
        rule.setStyleSheet(INFO_STYLE)
        rule.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(rule)
        layout.addLayout(body, 1)
        self._set_enabled(False)
        self.reload()

    def _set_enabled(self, enabled: bool) -> None:
        for box in [*self.role_boxes.values(), *self.relation_boxes.values(), self.email_box]:
            box.setEnabled(enabled)
        self._update_buttons()

    def reload(self) -> None:
        ctx = self.session.ctx

        def done(policies):
            self.saved = dict(policies)
            self.edited = {}
            self._set_enabled(True)
            if self.events.currentRow() < 0:
                self.events.setCurrentRow(0)
            else:
                self._show_event()
            self._mark_events()
            self.loaded.emit()

        def failed(exc):
            self.status.setText(self.tr("加载失败"))
            show_error(self, exc)

        self.session.runner.submit(lambda: {e: notices.get_policy(ctx, e) for e in Event}, done, failed, owner=self)

    def current_event(self) -> Event | None:
        item = self.events.currentItem()
        return Event(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def select_event(self, event: Event) -> None:
        for row in range(self.events.count()):
            if self.events.item(row).data(Qt.ItemDataRole.UserRole) == event.value:
                self.events.setCurrentRow(row)

    def policy_shown(self) -> Policy | None:
        event = self._showing
        if event is None:
            return None
        return Policy(
            event,
            frozenset(r for r, b in self.role_boxes.items() if b.isChecked()),
            frozenset(r for r, b in self.relation_boxes.items() if b.isChecked()),
            self.email_box.isChecked(),
        )

    def _show_event(self) -> None:
        event = self.current_event()
        if event is None or event not in self.saved:
            return
        self._showing = None  # no change tracking while filling in
        policy = self.edited.get(event, self.saved[event])
        for role, box in self.role_boxes.items():
            box.setChecked(role in policy.roles)
            if role not in OFFERED_ROLES:
                box.setVisible(role in policy.roles)
        for relation, box in self.relation_boxes.items():
            box.setChecked(relation in policy.relations)
        self.email_box.setChecked(policy.email)
        self.event_title.setText(self.tr("事件：{0}").format(event.label))
        self._showing = event

    def _changed(self, *_) -> None:
        if self._showing is None:
            return
        policy = self.policy_shown()
        if policy == self.saved.get(self._showing):
            self.edited.pop(self._showing, None)
        else:
            self.edited[self._showing] = policy
        self.status.setText("")
        self._mark_events()

    def _mark_events(self) -> None:
        for row in range(self.events.count()):
            item = self.events.item(row)
            event = Event(item.data(Qt.ItemDataRole.UserRole))
            font = QFont(item.font())
            font.setBold(event in self.edited)
            item.setFont(font)
            item.setText(event.label + (self.tr("（未保存）") if event in self.edited else ""))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(bool(self.edited))
        self.revert_button.setEnabled(bool(self.edited))

    def has_unsaved_changes(self) -> bool:
        return bool(self.edited)

    def save(self) -> bool:
        """Save every event whose policy was changed (one service call each)."""
        saved = []
        for event, policy in list(self.edited.items()):
            try:
                notices.save_policy(self.session.ctx, policy)
            except HRDeskError as exc:
                show_error(self, exc)
                self._mark_events()
                return False
            self.saved[event] = policy
            del self.edited[event]
            saved.append(event.label)
        self._mark_events()
        if saved:
            self.status.setStyleSheet(OK_STYLE)
            self.status.setText(self.tr("已保存：{0}。之后的通知按新策略拟定收件人。").format("、".join(saved)))
        return True

    def revert(self) -> None:
        self.edited = {}
        self._show_event()
        self._mark_events()
        self.status.setText("")


# --- 邮件服务器 ------------------------------------------------------------------------------------


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
        self.password_note = _hint(
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
            _hint(self.tr("邮件先进入发件箱，服务器暂时不可用时会自动重试；关闭程序不会丢失待发邮件。"))
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


# --- 交接清单模板 -----------------------------------------------------------------------------------

CATEGORY, TITLE, OWNER, ASSET = range(4)


class ChecklistTab(QWidget):
    loaded = Signal()

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("checklist_tab")
        self.templates: dict[tuple, int] = {}
        self.default_count = 0
        self._loaded_items: list[ItemTemplate] = []
        self._shown_key: tuple | None = None
        self._rows: list[dict[int, QWidget]] = []

        self.department = QComboBox()
        self.department.setObjectName("department")
        self.department.setMinimumWidth(260)
        self.position = QComboBox()
        self.position.setObjectName("position")
        self.position.setMinimumWidth(160)
        self.department.currentIndexChanged.connect(lambda *_: self._selection_changed(self.department))
        self.position.currentIndexChanged.connect(lambda *_: self._selection_changed(self.position))
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("部门")))
        chooser.addWidget(self.department)
        chooser.addSpacing(12)
        chooser.addWidget(QLabel(self.tr("岗位")))
        chooser.addWidget(self.position)
        chooser.addStretch(1)

        self.scope_label = QLabel()
        self.scope_label.setObjectName("scope")
        self.scope_label.setStyleSheet(INFO_STYLE)
        self.scope_label.setWordWrap(True)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("items_table")
        self.table.setHorizontalHeaderLabels([self.tr("类别"), self.tr("事项"), self.tr("负责人"), self.tr("资产编号")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT + 2)
        for column, width in enumerate((110, 360, 110, 140)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())

        self.add_button = QPushButton(self.tr("添加事项"))
        self.add_button.setObjectName("add_item")
        self.add_button.clicked.connect(self.add_item)
        self.remove_button = QPushButton(self.tr("删除事项"))
        self.remove_button.setObjectName("remove_item")
        self.remove_button.clicked.connect(self.remove_item)
        self.revert_button = QPushButton(self.tr("放弃修改"))
        self.revert_button.setObjectName("revert_items")
        self.revert_button.clicked.connect(lambda: self._show_items(self._loaded_items))
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setObjectName("save_items")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(
            _hint(
                self.tr(
                    "员工离职时的交接清单 = 公司默认清单 + 其所在部门的补充事项 + 其岗位的补充事项。"
                    "部门补充只用于直接属于该部门的员工（不含下级部门）。"
                )
            )
        )
        layout.addLayout(chooser)
        layout.addWidget(self.scope_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()
        self.reload()

    # loading

    def reload(self, keep_selection: bool = True) -> None:
        ctx = self.session.ctx
        key = self.selected_key() if keep_selection else (None, None)

        def work():
            departments = [d for d in org.list_departments(ctx) if d.active]
            positions = [p for p in position_service.list_positions(ctx) if p.active]
            stored = checklist_templates.list_templates(ctx)
            items = checklist_templates.get_template(ctx, *key)
            default_count = (
                len(items) if key == (None, None) else len(checklist_templates.get_template(ctx, None, None))
            )
            return departments, positions, stored, items, default_count

        def done(result):
            departments, positions, stored, items, self.default_count = result
            self.templates = {(t.department_id, t.position_id): t.item_count for t in stored}
            self._fill_choices(departments, positions, key)
            self._shown_key = key
            self._loaded_items = items
            self._show_items(items)
            self.loaded.emit()

        def failed(exc):
            self.status.setText(self.tr("加载失败"))
            show_error(self, exc)

        self.session.runner.submit(work, done, failed, owner=self)

    def _fill_choices(self, departments, positions, key) -> None:
        for combo in (self.department, self.position):
            combo.blockSignals(True)
            combo.clear()
        self.department.addItem(self.tr("公司默认（全体员工）"), None)
        for d in departments:
            self.department.addItem(d.path, d.id)
        self.position.addItem(self.tr("（不限岗位）"), None)
        for p in positions:
            self.position.addItem(p.name, p.id)
        self.department.setCurrentIndex(max(0, self.department.findData(key[0])))
        self.position.setCurrentIndex(max(0, self.position.findData(key[1])))
        self._mark_choices()
        for combo in (self.department, self.position):
            combo.blockSignals(False)

    def _mark_choices(self) -> None:
        """Departments and positions with additions of their own show how many."""
        with_dept = {d: n for (d, p), n in self.templates.items() if d is not None and p is None and n}
        with_pos = {p: n for (d, p), n in self.templates.items() if d is None and p is not None and n}
        for combo, counts in ((self.department, with_dept), (self.position, with_pos)):
            for i in range(1, combo.count()):
                base = combo.itemText(i).split(self.tr("  （"))[0]
                n = counts.get(combo.itemData(i))
                combo.setItemText(i, base + (self.tr("  （补充 {0} 项）").format(n) if n else ""))

    def selected_key(self) -> tuple[int | None, int | None]:
        return self.department.currentData(), self.position.currentData()

    def select(self, department_id: int | None, position_id: int | None) -> None:
        """Choose a template (as the user would with the two combos)."""
        self.department.setCurrentIndex(max(0, self.department.findData(department_id)))
        self.position.setCurrentIndex(max(0, self.position.findData(position_id)))

    def _selection_changed(self, combo: QComboBox) -> None:
        key = self.selected_key()
        if key == self._shown_key:
            return
        if self.is_dirty():
            answer = QMessageBox.question(
                self,
                self.tr("交接清单模板"),
                self.tr("当前清单有未保存的修改，放弃这些修改吗？"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                combo.blockSignals(True)
                index = 0 if combo is self.department else 1
                combo.setCurrentIndex(max(0, combo.findData(self._shown_key[index])))
                combo.blockSignals(False)
                return
        ctx = self.session.ctx
        self.status.setText("")
        self._shown_key = key
        self._set_editable(False)

        def done(items):
            if self.selected_key() != key:
                return
            self._loaded_items = items
            self._show_items(items)
            self.loaded.emit()

        self.session.runner.submit(
            lambda: checklist_templates.get_template(ctx, *key), done, lambda exc: show_error(self, exc), owner=self
        )

    def _scope_text(self) -> str:
        dept, pos = self.selected_key()
        dept_name = self.department.currentText().split(self.tr("  （"))[0]
        pos_name = self.position.currentText().split(self.tr("  （"))[0]
        if dept is None and pos is None:
            return self.tr("公司默认清单：每个离职员工都有这些事项。")
        if pos is None:
            text = self.tr("“{0}”的补充事项：该部门的员工离职时，在公司默认清单之外再加上这些事项。").format(dept_name)
        elif dept is None:
            text = self.tr("岗位“{0}”的补充事项：担任该岗位的员工离职时（不论部门）再加上这些事项。").format(pos_name)
        else:
            text = self.tr("“{0}”中岗位为“{1}”的员工的补充事项。").format(dept_name, pos_name)
        return text + self.tr("（公司默认清单有 {0} 项，在“公司默认”中修改。）").format(self.default_count)

    # the item table

    def _show_items(self, items: list[ItemTemplate]) -> None:
        self.table.setRowCount(0)
        self._rows = []
        for item in items:
            self._append(item)
        self.scope_label.setText(self._scope_text())
        self._set_editable(True)
        self._number_rows()
        self._update_buttons()

    def _append(self, item: ItemTemplate | None) -> int:
        r = self.table.rowCount()
        self.table.insertRow(r)
        for column in range(4):
            self.table.setItem(r, column, QTableWidgetItem())
        category = QComboBox()
        for c in ItemCategory:
            category.addItem(c.label, c.value)
        title = QLineEdit(item.title if item else "")
        title.setMaxLength(120)
        title.setPlaceholderText(self.tr("如 门禁卡归还"))
        title.setProperty("amount", str(item.amount) if item and item.amount is not None else None)
        owner = QComboBox()
        for o in ItemOwner:
            owner.addItem(o.label, o.value)
        asset = QLineEdit(item.asset_no or "" if item else "")
        asset.setMaxLength(40)
        asset.setPlaceholderText(self.tr("设备类可填"))
        if item:
            category.setCurrentIndex(category.findData(item.category.value))
            owner.setCurrentIndex(owner.findData(item.owner.value))
        else:
            owner.setCurrentIndex(owner.findData(ItemOwner.ADMIN.value))
        widgets = {CATEGORY: category, TITLE: title, OWNER: owner, ASSET: asset}
        for column, widget in widgets.items():
            self.table.setCellWidget(r, column, widget)
            widget.installEventFilter(self)
        self._rows.append(widgets)
        return r

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.FocusIn:
            for r, widgets in enumerate(self._rows):
                if watched in widgets.values() and r != self.table.currentRow():
                    self.table.setCurrentCell(r, TITLE)
        return False

    def cell(self, row: int, column: int) -> QWidget:
        return self._rows[row][column]

    def _number_rows(self, errors: set[int] = frozenset()) -> None:
        for r in range(self.table.rowCount()):
            item = QTableWidgetItem(("⚠ " if r in errors else "") + str(r + 1))
            if r in errors:
                item.setForeground(ERROR_COLOR)
            self.table.setVerticalHeaderItem(r, item)

    def items(self) -> list[ItemTemplate]:
        result = []
        for widgets in self._rows:
            amount = widgets[TITLE].property("amount")
            result.append(
                ItemTemplate(
                    ItemCategory(widgets[CATEGORY].currentData()),
                    widgets[TITLE].text().strip(),
                    ItemOwner(widgets[OWNER].currentData()),
                    widgets[ASSET].text().strip() or None,
                    Decimal(amount) if amount else None,
                )
            )
        return result

    def is_dirty(self) -> bool:
        return self._shown_key is not None and self.items() != self._loaded_items

    def _set_editable(self, editable: bool) -> None:
        self.table.setEnabled(editable)
        self.add_button.setEnabled(editable)
        self.save_button.setEnabled(editable)
        self.revert_button.setEnabled(editable)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.table.isEnabled() and 0 <= self.table.currentRow() < len(self._rows))

    def add_item(self) -> None:
        r = self._append(None)
        self._number_rows()
        self.table.setCurrentCell(r, TITLE)
        self.cell(r, TITLE).setFocus()
        self._update_buttons()

    def remove_item(self) -> None:
        r = self.table.currentRow()
        if not 0 <= r < len(self._rows):
            return
        items = self.items()
        del items[r]
        self._show_items(items)  # the saved list stays what "放弃修改" returns to
        if items:
            self.table.setCurrentCell(min(r, len(items) - 1), TITLE)
        self._update_buttons()

    def save(self) -> bool:
        items = self.items()
        empty = {r for r, item in enumerate(items) if not item.title}
        for r, widgets in enumerate(self._rows):
            widgets[TITLE].setStyleSheet(CELL_ERROR_STYLE if r in empty else "")
        self._number_rows(empty)
        if empty:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(
                self.tr("没有保存：第 {0} 项没有填写事项名称。").format("、".join(str(r + 1) for r in sorted(empty)))
            )
            return False
        dept, pos = self.selected_key()
        try:
            checklists.save_template(self.session.ctx, dept, pos, items)
        except ValidationError as exc:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(self.tr("没有保存：") + "；".join(exc.errors.values()))
            return False
        except HRDeskError as exc:
            show_error(self, exc)
            return False
        self._loaded_items = items
        self.templates[(dept, pos)] = len(items)
        if (dept, pos) == (None, None):
            self.default_count = len(items)
        self._mark_choices()
        self.status.setStyleSheet(OK_STYLE)
        self.status.setText(self.tr("已保存 {0} 项。之后发起的离职流程使用新清单，进行中的不变。").format(len(items)))
        return True


# --- the page ---------------------------------------------------------------------------------------


class FlowSettingsPage(QWidget):
    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("flow_settings_page")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.flows = FlowsTab(session)
        self.notices = NoticesTab(session)
        self.mail = MailTab(session)
        self.checklists = ChecklistTab(session)
        self.tabs.addTab(self.flows, self.tr("审批流程"))
        self.tabs.addTab(self.notices, self.tr("通知策略"))
        self.tabs.addTab(self.mail, self.tr("邮件服务器"))
        self.tabs.addTab(self.checklists, self.tr("交接清单模板"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        session.signals.changed.connect(self._on_changes)

    def _on_changes(self, changes) -> None:
        touches = self.session.signals.touches
        if touches(changes, "flow_definition"):
            self.flows.reload()
        if touches(changes, "notification_policy") and not self.notices.has_unsaved_changes():
            self.notices.reload()
        if touches(changes, "notification") or touches(changes, "settings"):
            self.mail.reload_outbox()
        if touches(changes, "department", "position", "checklist_template") and not self.checklists.is_dirty():
            self.checklists.reload()

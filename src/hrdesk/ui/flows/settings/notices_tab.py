"""通知策略: per lifecycle event, which roles and relations are told; never anyone outside the policy."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.flows import notices
from hrdesk.core.flows.notice_policy import Event, Policy, Relation
from hrdesk.core.kernel.errors import HRDeskError
from hrdesk.core.kernel.permissions import Role
from hrdesk.ui.common.messages import show_error
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.flows.settings.parts import (
    INFO_STYLE,
    OK_STYLE,
    tr,
)

# "员工" as a role would mean every account in the company: not offered (targeted notices only).
OFFERED_ROLES = (Role.HR, Role.FINANCE, Role.ADMIN, Role.AUDITOR, Role.MANAGER, Role.PROJECT_LEAD)


def role_choice_label(role: Role) -> str:
    """As a notice recipient a role means everyone holding it, which matters for the relation-like ones."""
    if role is Role.MANAGER:
        return tr("全部直属上级")
    if role is Role.PROJECT_LEAD:
        return tr("全部项目负责人")
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

"""指定处理人: the administrator names who takes a stuck flow's current step, and why.

The list offers only accounts the service accepts (active, neither the flow's subject nor its
initiator), those holding the step's role first; the service checks again when saving.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from hrdesk.core.flows import stuck
from hrdesk.core.flows.stuck import Candidate, StuckFlow
from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.ui.common import messages
from hrdesk.ui.common.form_parts import (
    add_field_row,
    error_label,
    form_layout,
    hint_label,
    save_cancel_buttons,
    show_errors_with_banner,
)
from hrdesk.ui.common.session import AppSession


class AssignHandlerDialog(QDialog):
    saved = Signal(object)  # the flow id, once a handler is named
    assigned = Signal(str)  # what to tell the administrator

    def __init__(self, session: AppSession, flow: StuckFlow, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.flow = flow
        self.setObjectName("assign_handler_dialog")
        self.setWindowTitle(self.tr("指定处理人"))
        self.candidates: list[Candidate] = stuck.handler_candidates(session.ctx, flow.id)

        summary = QLabel(
            self.tr("#{0} {1}\n卡在：{2}（{3}）").format(flow.id, flow.title, flow.step_name, flow.step_actor)
        )
        summary.setObjectName("summary")
        summary.setWordWrap(True)
        self.handler = QComboBox()
        self.handler.setObjectName("handler")
        for candidate in self.candidates:
            self.handler.addItem(self.candidate_text(candidate), candidate.user_id)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("如：发起人是唯一的人事账号，由财务主管代为审核"))
        self.reason.setFixedHeight(72)

        self.banner = error_label()
        self.error_labels: dict = {}
        form = form_layout()
        add_field_row(form, self.tr("处理人 *"), self.handler, self.error_labels, "user_id")
        add_field_row(form, self.tr("原因 *"), self.reason, self.error_labels, "reason")
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(hint_label(flow.reason))
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(
            hint_label(self.tr("发起人和当事人不在名单中。处理人会收到待办通知；指定记录在流程历史和操作日志中。"))
        )
        layout.addWidget(save_cancel_buttons(self))
        self.resize(520, self.sizeHint().height())

    def candidate_text(self, candidate: Candidate) -> str:
        roles = "、".join(role.label for role in candidate.roles) or self.tr("无角色")
        text = self.tr("{0}（{1}）· {2}").format(candidate.display_name, candidate.username, roles)
        return text + self.tr("  推荐") if candidate.suggested else text

    def save(self) -> bool:
        for label in self.error_labels.values():
            label.setVisible(False)
        user_id = self.handler.currentData()
        if user_id is None:
            show_errors_with_banner(self.error_labels, self.banner, {"user_id": self.tr("没有可以指定的账号")})
            return False
        try:
            done = stuck.assign_stuck(self.session.ctx, self.flow.id, user_id, self.reason.toPlainText())
        except ValidationError as exc:
            show_errors_with_banner(self.error_labels, self.banner, exc.errors)
            return False
        except HRDeskError as exc:
            messages.show_error(self, exc)
            return False
        self.saved.emit(self.flow.id)
        self.assigned.emit(
            self.tr("已指定{0}处理 #{1}“{2}”。").format(done.user_name, done.instance_id, done.step_name)
        )
        self.accept()
        return True

"""卡住的流程: flows whose current step nobody may take, for the administrator to name a handler.

Nobody approves their own case or proposal; when that leaves nobody for a step (the only 人事
proposed the raise, the employee has no manager with an account), the flow waits here instead of
going back to its initiator. The administrator picks someone else in the 指定处理人 dialog, with a
reason (stuck.assign_stuck, which checks again); the flow then leaves the list.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTableView, QVBoxLayout

from hrdesk.core.flows import stuck
from hrdesk.core.flows.stuck import StuckFlow
from hrdesk.ui.common.list_page import TablePage
from hrdesk.ui.common.rows_model import Row, RowsModel, setup_table
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import HINT_STYLE, ORANGE
from hrdesk.ui.flows.flow_texts import format_time, waited_text

ID, TITLE, KIND, EMPLOYEE, STEP, INITIATOR, WAITING, REASON = range(8)


def _tr(text: str) -> str:
    return QCoreApplication.translate("StuckFlowsPage", text)


def headers() -> list[str]:
    return [
        _tr("编号"),
        _tr("事项"),
        _tr("类型"),
        _tr("员工"),
        _tr("卡在"),
        _tr("发起人（代办）"),
        _tr("已等待"),
        _tr("原因"),
    ]


def stuck_row(s: StuckFlow, now) -> Row:
    initiator = _tr("{0}（代 {1}）").format(s.initiator_name, s.on_behalf_of) if s.on_behalf_of else s.initiator_name
    return Row(
        (
            str(s.id),
            s.title,
            s.kind.label,
            s.subject_name,
            _tr("{0}（{1}）").format(s.step_name, s.step_actor),
            initiator,
            waited_text(s.since, now),
            s.reason,
        ),
        key=s.id,
        colors={WAITING: ORANGE},
        tooltips={WAITING: _tr("自 {0} 起").format(format_time(s.since)), REASON: s.reason},
        right=(ID,),
    )


class StuckFlowsPage(TablePage):
    watched = ("flow", "user")

    def __init__(self, session: AppSession, parent=None):
        super().__init__(session, parent)
        self.setObjectName("stuck_flows_page")
        self.model = RowsModel(headers(), self)
        self.items: list[StuckFlow] = []

        intro = QLabel(
            self.tr(
                "发起人和当事人不能审批自己的流程。下列流程的当前步骤除他们之外没有人能处理，"
                "请为每个流程指定一位处理人（须写明原因，记入操作日志）。"
            )
        )
        intro.setObjectName("intro")
        intro.setStyleSheet(HINT_STYLE)
        intro.setWordWrap(True)
        self.refresh_button = self.button(self.tr("刷新"), "refresh", self.reload)
        self.assign_button = self.button(self.tr("指定处理人…"), "assign_handler", self.open_assign)

        self.count_label.setMinimumWidth(
            self.count_label.fontMetrics().horizontalAdvance(self.tr("共 000 个流程等待指定处理人")) + 8
        )
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.notice, 1)
        toolbar.addWidget(self.count_label)
        toolbar.addWidget(self.refresh_button)
        toolbar.addWidget(self.assign_button)

        self.table = QTableView()
        self.table.setObjectName("stuck_table")
        setup_table(self.table, self.model, [50, 190, 80, 70, 180, 100, 70, 480], stretch=REASON)
        self.table.doubleClicked.connect(lambda *_: self.open_assign())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.update_buttons())

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(toolbar)
        layout.addWidget(self.table, 1)

        self.update_buttons()
        self.reload()

    # --- the list -------------------------------------------------------------------------------

    def load(self, ctx) -> list[StuckFlow]:
        return stuck.stuck_flows(ctx)

    def show_items(self, items: list[StuckFlow]) -> None:
        self.items = items
        now = self.session.ctx.clock.now()
        self.model.set_rows([stuck_row(s, now) for s in items])

    def count_text(self, items) -> str:
        return self.tr("没有卡住的流程") if not items else self.tr("共 {0} 个流程等待指定处理人").format(len(items))

    def update_buttons(self, *_) -> None:
        self.assign_button.setEnabled(self.current_key() is not None)

    def current_flow(self) -> StuckFlow | None:
        key = self.current_key()
        return next((s for s in self.items if s.id == key), None)

    # --- naming a handler ---------------------------------------------------------------------------

    def open_assign(self):
        from hrdesk.ui.flows.assign_handler_dialog import AssignHandlerDialog

        flow = self.current_flow()
        if flow is None:
            return None
        dialog = self.open_dialog(lambda: AssignHandlerDialog(self.session, flow, self))
        if dialog is not None:
            dialog.assigned.connect(self.notice.setText)
        return dialog

"""流程: the flows the user may see (flows.list_flows), filtered by state and kind, and the buttons
that start one: 申请离职 for oneself, 代员工发起离职 (HR), 发起调岗/调薪 and 发起转正 (managers,
project leads, HR), 办理入职 (HR). Each button is shown only to users the service would allow;
the services check again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.flows import engine
from hrdesk.core.flows.engine import FlowSummary
from hrdesk.core.flows.workflow import FlowKind
from hrdesk.core.kernel.permissions import Permission, Scope
from hrdesk.ui.common import messages
from hrdesk.ui.common.rows_model import Row, RowsModel, setup_table
from hrdesk.ui.common.runner import Reloader
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import NOTICE_STYLE, RED
from hrdesk.ui.flows.flow_dialog import open_flow_dialog
from hrdesk.ui.flows.flow_texts import STATUS_COLORS, due_text, format_time, initiator_text

ID, TITLE, KIND, EMPLOYEE, STATUS, STEP, INITIATOR, CREATED, DUE = range(9)


def _tr(text: str) -> str:
    return QCoreApplication.translate("FlowsPage", text)


def headers() -> list[str]:
    return [
        _tr("编号"),
        _tr("事项"),
        _tr("类型"),
        _tr("员工"),
        _tr("状态"),
        _tr("当前步骤"),
        _tr("发起人（代办）"),
        _tr("发起时间"),
        _tr("期限"),
    ]


def flow_row(s: FlowSummary) -> Row:
    colors = {STATUS: STATUS_COLORS[s.status]}
    if s.overdue:
        colors[DUE] = RED
    step = s.step_name if s.status.is_open else ""
    return Row(
        (
            str(s.id),
            s.title,
            s.kind.label,
            s.subject_name,
            s.status.label,
            step,
            initiator_text(s),
            format_time(s.created_at),
            due_text(s) if s.status.is_open else "",
        ),
        key=s.id,
        colors=colors,
        right=(ID,),
    )


def state_filters() -> list[tuple[str, bool]]:
    return [(_tr("进行中"), True), (_tr("全部（含已结束）"), False)]


class FlowsPage(QWidget):
    loaded = Signal()  # after each (re)load reached the table

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("flows_page")
        self.model = RowsModel(headers(), self)
        self.summaries: list[FlowSummary] = []
        self.loader = Reloader(session.runner, self, self._prepare_load, self._apply, self._load_failed)
        self._pending_select: int | None = None
        actor = session.actor

        self.state_filter = QComboBox()
        self.state_filter.setObjectName("state_filter")
        for label, open_only in state_filters():
            self.state_filter.addItem(label, open_only)
        self.state_filter.currentIndexChanged.connect(lambda *_: self.reload())
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kind_filter")
        self.kind_filter.addItem(self.tr("全部类型"), None)
        for kind in (FlowKind.SEPARATION, FlowKind.ONBOARDING, FlowKind.CONFIRMATION, FlowKind.TRANSFER):
            self.kind_filter.addItem(kind.label, kind.value)
        self.kind_filter.currentIndexChanged.connect(lambda *_: self.reload())
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("搜索事项、员工、发起人…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda *_: self._apply_filter())
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        self.count_label.setMinimumWidth(
            self.count_label.fontMetrics().horizontalAdvance("显示 0000 / 共 0000 个流程") + 8
        )
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.clicked.connect(self.reload)
        self.open_button = QPushButton(self.tr("打开"))
        self.open_button.setObjectName("open_flow")
        self.open_button.clicked.connect(self._open_current)

        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.setWordWrap(True)

        def start_button(text, name, slot, visible, tooltip):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setToolTip(tooltip)
            button.clicked.connect(slot)
            button.setVisible(visible)
            return button

        hr = actor.can_all(Permission.FLOW_ON_BEHALF)
        self.resign_button = start_button(
            self.tr("申请离职"),
            "start_resignation",
            lambda: self.open_separation(for_self=True),
            actor.employee_id is not None,
            self.tr("本人提交辞职申请"),
        )
        self.separation_button = start_button(
            self.tr("代员工发起离职"),
            "start_separation",
            lambda: self.open_separation(for_self=False),
            hr,
            self.tr("协商解除、合同到期、辞退等，或替没有账号的员工提交辞职"),
        )
        self.transfer_button = start_button(
            self.tr("发起调岗/调薪"),
            "start_transfer",
            self.open_transfer,
            actor.can(Permission.FLOW_PROPOSE),
            self.tr("部门、项目部、岗位、直属上级或基本工资的变动"),
        )
        self.confirmation_button = start_button(
            self.tr("发起转正"),
            "start_confirmation",
            self.open_confirmation,
            actor.can(Permission.FLOW_PROPOSE),
            self.tr("试用期员工转正"),
        )
        self.onboarding_button = start_button(
            self.tr("办理入职"),
            "start_onboarding",
            self.open_onboarding,
            actor.scope_for(Permission.EMPLOYEE_EDIT) is Scope.ALL,
            self.tr("新员工入职：审批通过后建立档案和账号"),
        )

        filters = QHBoxLayout()
        filters.addWidget(self.state_filter)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.search, 2)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        filters.addWidget(self.refresh_button)
        filters.addWidget(self.open_button)
        starts = QHBoxLayout()
        for button in (
            self.resign_button,
            self.separation_button,
            self.transfer_button,
            self.confirmation_button,
            self.onboarding_button,
        ):
            starts.addWidget(button)
        starts.addSpacing(12)
        starts.addWidget(self.notice, 1)

        self.table = QTableView()
        self.table.setObjectName("flow_table")
        setup_table(self.table, self.model, [60, 300, 80, 90, 70, 130, 150, 130, 150], stretch=TITLE)
        self.table.doubleClicked.connect(lambda index: self.open_flow(self.model.key(index.row())))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        layout = QVBoxLayout(self)
        layout.addLayout(starts)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

        session.signals.changed.connect(self._on_changes)
        self._update_buttons()
        self.reload()

    # --- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        if self.loader.reload():
            self.count_label.setText(self.tr("正在加载…"))

    def _prepare_load(self):
        ctx = self.session.ctx
        open_only = self.state_filter.currentData()
        kind = FlowKind(self.kind_filter.currentData()) if self.kind_filter.currentData() else None
        return lambda: engine.list_flows(ctx, open_only=open_only, kind=kind)

    def _load_failed(self, exc: BaseException) -> None:
        self.count_label.setText(self.tr("加载失败"))
        messages.show_error(self, exc)

    def _apply(self, items: list[FlowSummary]) -> None:
        selected = self._pending_select or self.current_flow_id()
        self.summaries = items
        self._apply_filter()
        if selected is not None and self.select_flow(selected):
            self._pending_select = None  # kept until the list shows it (a load may predate the new flow)
        self._update_buttons()
        self.loaded.emit()

    def _apply_filter(self) -> None:
        text = self.search.text().strip().lower()
        rows = [flow_row(s) for s in self.summaries]
        if text:
            rows = [r for r in rows if any(text in str(cell).lower() for cell in r.cells)]
        self.model.set_rows(rows)
        self.count_label.setText(
            self.tr("共 {0} 个流程").format(self.model.rowCount())
            if not text
            else self.tr("显示 {0} / 共 {1} 个流程").format(self.model.rowCount(), len(self.summaries))
        )
        self._update_buttons()

    def _on_changes(self, changes) -> None:
        if self.session.signals.touches(changes, "flow", "employee"):
            self.reload()

    # --- selection -------------------------------------------------------------------------------

    def current_flow_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.key(index.row()) if index.isValid() else None

    def select_flow(self, flow_id: int) -> bool:
        row = self.model.row_of(flow_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.current_flow_id() is not None)

    def _open_current(self):
        flow_id = self.current_flow_id()
        return self.open_flow(flow_id) if flow_id is not None else None

    # --- dialogs -------------------------------------------------------------------------------

    def open_flow(self, flow_id: int):
        return open_flow_dialog(self.session, flow_id, self)

    def _opened(self, dialog):
        dialog.started.connect(self._started)
        dialog.open()
        return dialog

    def open_separation(self, for_self: bool = True):
        from hrdesk.ui.flows.separation_dialog import SeparationDialog

        return self._opened(SeparationDialog(self.session, for_self, self))

    def open_transfer(self, employee_id: int | None = None):
        from hrdesk.ui.flows.transfer_dialog import TransferDialog

        return self._opened(TransferDialog(self.session, employee_id, self))

    def open_confirmation(self, employee_id: int | None = None):
        from hrdesk.ui.flows.confirmation_dialog import ConfirmationDialog

        return self._opened(ConfirmationDialog(self.session, employee_id, self))

    def open_onboarding(self):
        from hrdesk.ui.people.employee_dialog import EmployeeDialog

        try:
            dialog = EmployeeDialog(self.session, None, self, onboarding=True)
        except Exception as exc:
            messages.show_error(self, exc)
            return None
        dialog.flow_started.connect(self._started)
        dialog.open()
        return dialog

    def _started(self, flow_id: int) -> None:
        """Tell where the new flow went and select it once the list has reloaded."""
        self._pending_select = flow_id
        try:
            detail = engine.get(self.session.ctx, flow_id)
        except Exception:  # the flow exists; the notice is a courtesy
            self.notice.setText(self.tr("已发起流程 #{0}。").format(flow_id))
            return
        s = detail.summary
        if detail.stuck:  # nobody but the initiator or the subject could take the step
            text = self.tr("已发起“{0}”。“{1}”除发起人和当事人外没有人能处理，已请管理员指定处理人。").format(
                s.title, s.step_name
            )
        elif s.status.is_open:
            text = self.tr("已发起“{0}”，现在由 {1} 处理（{2}）。").format(
                s.title, "、".join(detail.assignees) or s.step_name, s.step_name
            )
        else:
            text = self.tr("已发起“{0}”（{1}）。").format(s.title, s.status.label)
        self.notice.setText(text)

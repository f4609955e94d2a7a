"""待办: what waits for the signed-in user, for every role.

Four sections, each with its count in the tab title: 待我审批 (flows.inbox, with how long each
has waited and the deadline, overdue in red), 待我确认的交接事项 (checklists.my_open_items),
待发送的通知 (notices.pending_drafts, reviewed and sent in the notice dialog) and 我的消息
(notices.my_notifications, unread in bold). Everything loads in the background and reloads when a
service reports a change to flows or notices.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.flows import checklists, engine, notices
from hrdesk.core.flows.checklists import ChecklistItemView
from hrdesk.core.flows.engine import FlowSummary
from hrdesk.core.flows.notices import DraftView, NotificationView
from hrdesk.core.kernel.errors import HRDeskError
from hrdesk.core.kernel.masking import MASKED_MONEY
from hrdesk.core.kernel.money import format_money
from hrdesk.ui.common import messages
from hrdesk.ui.common.rows_model import Row, RowsModel, setup_table
from hrdesk.ui.common.runner import Reloader
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import GREY, HINT_STYLE, NOTICE_STYLE, ORANGE, RED
from hrdesk.ui.flows.flow_dialog import open_flow_dialog
from hrdesk.ui.flows.flow_texts import due_text, format_time, waited_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("InboxPage", text)


@dataclass
class InboxData:
    approvals: list[FlowSummary]
    items: list[ChecklistItemView]
    item_flows: dict[int, str]  # flow id -> "title" for the checklist rows
    drafts: list[DraftView]
    notifications: list[NotificationView]


def load_inbox(ctx) -> InboxData:
    """Everything the page shows, in one background call."""
    approvals = engine.inbox(ctx)
    items = checklists.my_open_items(ctx)
    titles = {i.instance_id: i.flow_title for i in items}
    return InboxData(approvals, items, titles, notices.pending_drafts(ctx), notices.my_notifications(ctx))


def approval_row(s: FlowSummary, now) -> Row:
    colors = {5: RED} if s.overdue else {}
    return Row(
        (s.title, s.kind.label, s.subject_name, s.step_name, waited_text(s.waiting_since, now), due_text(s)),
        key=s.id,
        colors=colors,
        bold=s.overdue,
    )


def item_row(item: ChecklistItemView, flow_title: str) -> Row:
    return Row(
        (
            flow_title,
            item.category.label,
            item.title,
            item.asset_no or "",
            format_money(item.amount) if item.amount is not None else (MASKED_MONEY if item.amount_masked else ""),
            item.owner,
        ),
        key=item.id,
        right=(4,),
    )


def draft_row(d: DraftView) -> Row:
    names = "、".join(r.name for r in d.recipients[:6]) + ("…" if len(d.recipients) > 6 else "")
    return Row(
        (d.title, d.event.label, _tr("{0} 人：{1}").format(len(d.recipients), names), format_time(d.created_at)),
        key=d.id,
    )


def message_row(n: NotificationView) -> Row:
    first_line = n.body.splitlines()[0] if n.body else ""
    return Row(
        (format_time(n.created_at), n.title, first_line, _tr("已读") if n.read else _tr("未读")),
        key=n.id,
        bold=not n.read,
        colors={-1: GREY} if n.read else {3: ORANGE},
    )


class InboxPage(QWidget):
    loaded = Signal()  # after each (re)load reached the tables

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("inbox_page")
        self.data: InboxData | None = None
        self.loader = Reloader(session.runner, self, self._prepare_load, self._apply, self._load_failed)

        self.greeting = QLabel()
        self.greeting.setObjectName("greeting")
        self.greeting.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.clicked.connect(self.reload)
        header = QHBoxLayout()
        header.addWidget(self.greeting)
        header.addSpacing(16)
        header.addWidget(self.notice, 1)
        header.addWidget(self.refresh_button)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("inbox_tabs")
        self.tabs.setDocumentMode(True)
        self._build_approvals()
        self._build_items()
        self._build_drafts()
        self._build_messages()

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        session.signals.changed.connect(self._on_changes)
        self._update_titles()
        self.reload()

    # --- sections --------------------------------------------------------------------------------

    @staticmethod
    def _table(name: str, model: RowsModel, widths: list[int], stretch: int, multi: bool = False) -> QTableView:
        table = QTableView()
        table.setObjectName(name)
        setup_table(table, model, widths, stretch=stretch, multi=multi)
        return table

    @staticmethod
    def _hint(text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet(HINT_STYLE)
        label.setWordWrap(True)
        return label

    def _build_approvals(self) -> None:
        self.approvals_model = RowsModel(
            [
                self.tr("事项"),
                self.tr("类型"),
                self.tr("员工"),
                self.tr("当前步骤"),
                self.tr("已等待"),
                self.tr("期限"),
            ],
            self,
        )
        self.approvals_table = self._table("approvals_table", self.approvals_model, [320, 80, 90, 140, 100, 170], 0)
        self.approvals_table.doubleClicked.connect(lambda index: self.open_flow(self.approvals_model.key(index.row())))
        self.open_approval_button = QPushButton(self.tr("处理…"))
        self.open_approval_button.setObjectName("open_approval")
        self.open_approval_button.clicked.connect(self._open_current_approval)
        buttons = QHBoxLayout()
        buttons.addWidget(self._hint(self.tr("轮到您审批的流程，以及被退回给您的申请。双击打开。")), 1)
        buttons.addWidget(self.open_approval_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.approvals_table, 1)
        self.approvals_tab = page
        self.tabs.addTab(page, "")

    def _build_items(self) -> None:
        self.items_model = RowsModel(
            [
                self.tr("流程"),
                self.tr("类别"),
                self.tr("事项"),
                self.tr("资产编号"),
                self.tr("金额（元）"),
                self.tr("负责人"),
            ],
            self,
        )
        self.items_table = self._table("items_table", self.items_model, [260, 80, 260, 120, 90, 90], 2, multi=True)
        self.items_table.doubleClicked.connect(lambda index: self._open_item_flow(index.row()))
        self.item_note = QLineEdit()
        self.item_note.setObjectName("item_note")
        self.item_note.setMaxLength(300)
        self.item_note.setPlaceholderText(self.tr("备注（选填），如“门禁卡已收回”"))
        self.confirm_items_button = QPushButton(self.tr("确认完成"))
        self.confirm_items_button.setObjectName("confirm_items")
        self.confirm_items_button.clicked.connect(self.confirm_selected_items)
        self.open_item_flow_button = QPushButton(self.tr("打开流程"))
        self.open_item_flow_button.clicked.connect(lambda: self._open_item_flow(self.items_table.currentIndex().row()))
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("备注")))
        buttons.addWidget(self.item_note, 1)
        buttons.addWidget(self.confirm_items_button)
        buttons.addWidget(self.open_item_flow_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self._hint(self.tr("离职交接中由您（或您的角色）负责确认的事项。可多选后一起确认。")))
        layout.addWidget(self.items_table, 1)
        layout.addLayout(buttons)
        self.items_tab = page
        self.tabs.addTab(page, "")

    def _build_drafts(self) -> None:
        self.drafts_model = RowsModel(
            [self.tr("通知"), self.tr("事件"), self.tr("拟发送给"), self.tr("拟稿时间")], self
        )
        self.drafts_table = self._table("drafts_table", self.drafts_model, [260, 120, 380, 130], 2)
        self.drafts_table.doubleClicked.connect(lambda index: self.open_draft(self.drafts_model.key(index.row())))
        self.open_draft_button = QPushButton(self.tr("查看并发送…"))
        self.open_draft_button.setObjectName("open_draft")
        self.open_draft_button.clicked.connect(self._open_current_draft)
        buttons = QHBoxLayout()
        buttons.addWidget(
            self._hint(self.tr("系统按通知策略拟好的通知，由您核对收件人后发送（只能去掉收件人，不能添加）。")), 1
        )
        buttons.addWidget(self.open_draft_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.drafts_table, 1)
        self.drafts_tab = page
        self.tabs.addTab(page, "")

    def _build_messages(self) -> None:
        self.messages_model = RowsModel([self.tr("时间"), self.tr("标题"), self.tr("内容"), self.tr("状态")], self)
        self.messages_table = self._table("messages_table", self.messages_model, [130, 280, 420, 60], 2, multi=True)
        self.messages_table.selectionModel().currentRowChanged.connect(
            lambda current, _: self._show_message(current.row())
        )
        self.messages_table.doubleClicked.connect(lambda index: self._open_message_flow(index.row()))
        self.message_body = QPlainTextEdit()
        self.message_body.setObjectName("message_body")
        self.message_body.setReadOnly(True)
        self.unread_only = QCheckBox(self.tr("只看未读"))
        self.unread_only.toggled.connect(lambda *_: self._show_messages())
        self.mark_read_button = QPushButton(self.tr("标为已读"))
        self.mark_read_button.setObjectName("mark_read")
        self.mark_read_button.clicked.connect(self.mark_selected_read)
        self.mark_all_button = QPushButton(self.tr("全部标为已读"))
        self.mark_all_button.clicked.connect(self.mark_all_read)
        self.open_message_flow_button = QPushButton(self.tr("打开相关流程"))
        self.open_message_flow_button.clicked.connect(
            lambda: self._open_message_flow(self.messages_table.currentIndex().row())
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.unread_only)
        buttons.addStretch(1)
        buttons.addWidget(self.open_message_flow_button)
        buttons.addWidget(self.mark_read_button)
        buttons.addWidget(self.mark_all_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.messages_table)
        splitter.addWidget(self.message_body)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self.messages_tab = page
        self.tabs.addTab(page, "")

    # --- loading ---------------------------------------------------------------------------------

    def reload(self) -> None:
        self.loader.reload()

    def _prepare_load(self):
        ctx = self.session.ctx
        return lambda: load_inbox(ctx)

    def _load_failed(self, exc: BaseException) -> None:
        messages.show_error(self, exc)

    def _apply(self, data: InboxData) -> None:
        first_load = self.data is None
        self.data = data
        now = self.session.ctx.clock.now()
        keep = self.approvals_table.currentIndex().row()
        self.approvals_model.set_rows([approval_row(s, now) for s in data.approvals])
        if 0 <= keep < self.approvals_model.rowCount():
            self.approvals_table.setCurrentIndex(self.approvals_model.index(keep, 0))
        self.items_model.set_rows([item_row(i, data.item_flows.get(i.instance_id, "")) for i in data.items])
        self.drafts_model.set_rows([draft_row(d) for d in data.drafts])
        self._show_messages()
        self._update_titles()
        if first_load:
            self._open_first_busy_tab()
        self.loaded.emit()

    def _open_first_busy_tab(self) -> None:
        """Start where the work is: the first section that has something in it."""
        c = self.counts()
        for tab, count in (
            (self.approvals_tab, c["approvals"]),
            (self.items_tab, c["items"]),
            (self.drafts_tab, c["drafts"]),
            (self.messages_tab, c["unread"]),
        ):
            if count:
                self.tabs.setCurrentWidget(tab)
                return

    def _show_messages(self) -> None:
        if self.data is None:
            return
        selected = self.current_message()
        shown = [n for n in self.data.notifications if not (self.unread_only.isChecked() and n.read)]
        self.messages_model.set_rows([message_row(n) for n in shown])
        row = self.messages_model.row_of(selected.id) if selected else -1
        if row >= 0:
            self.messages_table.setCurrentIndex(self.messages_model.index(row, 0))
        else:
            self.message_body.clear()

    def counts(self) -> dict[str, int]:
        d = self.data
        if d is None:
            return {"approvals": 0, "items": 0, "drafts": 0, "unread": 0}
        return {
            "approvals": len(d.approvals),
            "items": len(d.items),
            "drafts": len(d.drafts),
            "unread": sum(1 for n in d.notifications if not n.read),
        }

    def _update_titles(self) -> None:
        c = self.counts()
        overdue = sum(1 for s in self.data.approvals if s.overdue) if self.data else 0
        approvals = self.tr("待我审批（{0}）").format(c["approvals"])
        if overdue:
            approvals = self.tr("待我审批（{0}，{1} 项逾期）").format(c["approvals"], overdue)
        for tab, title in (
            (self.approvals_tab, approvals),
            (self.items_tab, self.tr("待我确认的交接事项（{0}）").format(c["items"])),
            (self.drafts_tab, self.tr("待发送的通知（{0}）").format(c["drafts"])),
            (self.messages_tab, self.tr("我的消息（{0} 未读）").format(c["unread"])),
        ):
            index = self.tabs.indexOf(tab)
            self.tabs.setTabText(index, title)
        self.tabs.tabBar().setTabTextColor(
            self.tabs.indexOf(self.approvals_tab), RED if overdue else self.tabs.tabBar().palette().windowText().color()
        )
        total = c["approvals"] + c["items"] + c["drafts"]
        name = self.session.actor.display_name
        self.greeting.setText(
            self.tr("{0}，您有 {1} 项待办").format(name, total)
            if total
            else self.tr("{0}，目前没有待办事项").format(name)
        )
        self.open_approval_button.setEnabled(c["approvals"] > 0)
        self.confirm_items_button.setEnabled(c["items"] > 0)
        self.open_draft_button.setEnabled(c["drafts"] > 0)
        self.mark_all_button.setEnabled(c["unread"] > 0)

    def _on_changes(self, changes) -> None:
        if self.session.signals.touches(changes, "flow", "notice", "notification"):
            self.reload()

    # --- actions ---------------------------------------------------------------------------------

    def open_flow(self, flow_id: int | None):
        if flow_id is None:
            return None
        return open_flow_dialog(self.session, flow_id, self)

    def _open_current_approval(self):
        index = self.approvals_table.currentIndex()
        row = index.row() if index.isValid() else 0
        if row >= self.approvals_model.rowCount():
            return None
        return self.open_flow(self.approvals_model.key(row))

    def _open_item_flow(self, row: int):
        if self.data is None or not 0 <= row < len(self.data.items):
            return None
        item_id = self.items_model.key(row)
        item = next(i for i in self.data.items if i.id == item_id)
        return self.open_flow(item.instance_id)

    def select_items(self, titles: list[str]) -> None:
        """Select the checklist rows with these titles (for keyboard search and tests)."""
        selection = self.items_table.selectionModel()
        selection.clearSelection()
        for row in range(self.items_model.rowCount()):
            if self.items_model.row(row).cells[2] in titles:
                selection.select(
                    self.items_model.index(row, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows
                )

    def confirm_selected_items(self) -> int:
        """Confirm every selected item with the note; returns how many the service accepted."""
        rows = sorted({index.row() for index in self.items_table.selectionModel().selectedRows()})
        if not rows and self.items_table.currentIndex().isValid():
            rows = [self.items_table.currentIndex().row()]
        if not rows:
            return 0
        try:
            done = len(
                checklists.confirm_many(
                    self.session.ctx, [self.items_model.key(r) for r in rows], self.item_note.text()
                )
            )
        except HRDeskError as exc:
            messages.show_error(self, exc)
            return 0
        if done:
            self.item_note.clear()
            self.notice.setText(self.tr("已确认 {0} 项交接事项。").format(done))
        return done

    def _open_current_draft(self):
        index = self.drafts_table.currentIndex()
        row = index.row() if index.isValid() else 0
        if row >= self.drafts_model.rowCount():
            return None
        return self.open_draft(self.drafts_model.key(row))

    def open_draft(self, draft_id: int):
        from hrdesk.ui.flows.notice_dialog import open_notice_dialog

        dialog = open_notice_dialog(self.session, draft_id, self)
        if dialog is not None:
            dialog.sent.connect(lambda count: self.notice.setText(self.tr("通知已发送给 {0} 人。").format(count)))
            dialog.cancelled.connect(lambda: self.notice.setText(self.tr("通知已取消。")))
        return dialog

    def current_message(self) -> NotificationView | None:
        index = self.messages_table.currentIndex()
        if not index.isValid() or self.data is None:
            return None
        key = self.messages_model.key(index.row())
        return next((n for n in self.data.notifications if n.id == key), None)

    def _show_message(self, row: int) -> None:
        note = self.current_message() if row >= 0 else None
        self.message_body.setPlainText(f"{note.title}\n\n{note.body}" if note else "")
        self.open_message_flow_button.setEnabled(note is not None and note.instance_id is not None)

    def _open_message_flow(self, row: int):
        note = self.current_message()
        if note is None or note.instance_id is None:
            return None
        return self.open_flow(note.instance_id)

    def mark_selected_read(self) -> None:
        ids = [self.messages_model.key(index.row()) for index in self.messages_table.selectionModel().selectedRows()]
        self._mark_read(ids)

    def mark_all_read(self) -> None:
        if self.data is not None:
            self._mark_read([n.id for n in self.data.notifications if not n.read])

    def _mark_read(self, ids: list[int]) -> None:
        if not ids:
            return
        try:
            notices.mark_read(self.session.ctx, ids)
        except HRDeskError as exc:
            messages.show_error(self, exc)

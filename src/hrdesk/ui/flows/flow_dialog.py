"""One flow instance (forms/flow_dialog.ui): where it stands, what is proposed, who did what, the
handover checklist, and the actions the signed-in user may take now.

The dialog only shows what ``flows.get`` returns and calls one service per click (``flows.act``,
``checklists.confirm/waive/add_item``); who may act is decided by the services. Action buttons are
created for ``detail.my_actions`` only, so a user whose turn it is not sees none.

Presentation helpers shared with the 待办 and 流程 pages live in hrdesk.ui.flows.flow_texts and
hrdesk.ui.common.rows_model.

审批步骤 and 申请内容 get the height their contents need (``fit_top``), up to half the dialog, so a
separation's five steps and its proposal read without scrolling; the tabs below take the rest. Once
the user drags the divider, their choice is kept (issue 11: both were squeezed to three lines).
"""

from __future__ import annotations

import html
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QWidget,
)

from hrdesk.core.flows import checklists, engine, notices
from hrdesk.core.flows.checklist_rules import ItemStatus
from hrdesk.core.flows.engine import FlowDetail
from hrdesk.core.flows.separation_rules import SeparationReason, stop_month
from hrdesk.core.flows.workflow import Action, FlowKind, FlowStatus
from hrdesk.core.kernel.errors import Conflict, HRDeskError, NotFound, StateError, ValidationError
from hrdesk.core.kernel.masking import MASKED_MONEY
from hrdesk.core.kernel.money import format_money
from hrdesk.core.kernel.permissions import Permission
from hrdesk.core.people.employee_rules import ContractType, EmployeeStatus
from hrdesk.ui.common import messages
from hrdesk.ui.common.messages import ERROR_STYLE, show_field_errors
from hrdesk.ui.common.rows_model import Row, RowsModel, setup_table
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import BADGE_STYLE, BLUE, GREEN, GREY, HINT_STYLE, NOTICE_STYLE, ORANGE, RED
from hrdesk.ui.flows.add_item_dialog import AddItemDialog
from hrdesk.ui.flows.flow_texts import (
    ACTION_COLORS,
    ACTION_ORDER,
    ITEM_COLORS,
    STATUS_COLORS,
    action_button_label,
    actor_text,
    checklist_headers,
    format_time,
    history_headers,
    initiator_text,
    local_time,
)
from hrdesk.ui.forms.ui_flow_dialog import Ui_FlowDialog
from hrdesk.ui.separation.separation_section import SeparationSection


def _tr(text: str) -> str:
    return QCoreApplication.translate("FlowDialog", text)


def open_flow_dialog(session: AppSession, flow_id: int, parent: QWidget | None) -> FlowDialog | None:
    """Open one flow non-modally; errors (not found, not allowed) become a message."""
    try:
        dialog = FlowDialog(session, flow_id, parent)
    except HRDeskError as exc:
        messages.show_error(parent, exc)
        return None
    dialog.open()
    return dialog


# --- the dialog ------------------------------------------------------------------------------


class FlowDialog(QDialog):
    acted = Signal(int)  # flow id, after each action the service accepted

    def __init__(
        self, session: AppSession, flow_id: int, parent: QWidget | None = None, detail: FlowDetail | None = None
    ):
        super().__init__(parent)
        self.session = session
        self.flow_id = flow_id
        self.form = Ui_FlowDialog()
        self.form.setupUi(self)
        self.detail = detail or engine.get(session.ctx, flow_id)
        self.action_buttons: dict[Action, QPushButton] = {}
        self._busy = False
        f = self.form
        f.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        f.err_comment.setStyleSheet(ERROR_STYLE)
        f.assignee_note.setStyleSheet(HINT_STYLE)
        f.nothing_to_do.setStyleSheet(HINT_STYLE)
        f.on_behalf.setStyleSheet("color: #b06000; font-weight: bold;")
        f.overdue_badge.setStyleSheet(BADGE_STYLE.format(RED.name()))
        f.header_layout.setStretch(0, 1)
        for badge in (f.status_badge, f.overdue_badge):
            badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            badge.setMinimumWidth(90)
        f.action_group.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        f.main_layout.setStretchFactor(f.splitter, 1)
        spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        f.checklist_buttons.insertItem(2, spacer)  # right-aligns the buttons when the note is hidden
        f.checklist_buttons.setStretchFactor(f.checklist_note, 1)
        f.steps_list.setSpacing(4)
        f.steps_group.setMinimumWidth(300)
        f.top_layout.setStretch(0, 2)
        f.top_layout.setStretch(1, 3)
        self.history_model = RowsModel(history_headers(), self)
        setup_table(f.history_table, self.history_model, [140, 120, 90, 150, 300], stretch=4)
        self.checklist_model = RowsModel(checklist_headers(), self)
        setup_table(f.checklist_table, self.checklist_model, [80, 230, 110, 90, 90, 70, 80, 200], stretch=7)
        f.checklist_table.selectionModel().currentRowChanged.connect(lambda *_: self._update_checklist_buttons())
        f.checklist_table.doubleClicked.connect(lambda *_: self.confirm_current_item())
        f.confirm_item.clicked.connect(self.confirm_current_item)
        f.waive_item.clicked.connect(self.waive_current_item)
        f.add_item.clicked.connect(self.open_add_item)
        f.close_button.clicked.connect(self.reject)
        f.refresh_button.clicked.connect(self.reload)
        f.action_layout.addStretch(1)
        f.splitter.setStretchFactor(0, 0)  # a taller dialog gives the tabs the room, the top keeps its fit
        f.splitter.setStretchFactor(1, 1)
        f.splitter.setSizes([230, 290])
        self._top_dragged = False
        f.splitter.splitterMoved.connect(self._divider_dragged)
        session.signals.changed.connect(self._on_changes)
        self.separation = SeparationSection(self)  # 离职结算 tab and 离职证明预览 (hrdesk.ui.separation)
        self._show(self.detail)
        if any(i.can_confirm for i in self.detail.checklist) and not self.detail.my_actions:
            f.tabs.setCurrentWidget(f.checklist_tab)  # here only to confirm handover items: show them first
        self.resize(1040, 700)  # fits a 1366×768 laptop screen

    # --- showing ------------------------------------------------------------------------------

    def reload(self) -> None:
        try:
            detail = engine.get(self.session.ctx, self.flow_id)
        except HRDeskError as exc:
            messages.show_error(self, exc)
            return
        self._show(detail)

    def _on_changes(self, changes) -> None:
        if self._busy or not self.isVisible():
            return
        if any(c.entity_type == "flow" and (not c.ids or self.flow_id in c.ids) for c in changes):
            self.reload()

    def _show(self, detail: FlowDetail) -> None:
        self.detail = detail
        s = detail.summary
        f = self.form
        self.setWindowTitle(self.tr("流程 #{0} - {1}").format(s.id, s.title))
        f.title.setText(s.title)
        f.status_badge.setText(s.status.label)
        f.status_badge.setStyleSheet(BADGE_STYLE.format(STATUS_COLORS[s.status].name()))
        f.overdue_badge.setVisible(s.overdue)
        f.info.setText(self._info_html(detail))
        self._show_steps(detail)
        f.proposal.setHtml(self._proposal_html(detail))
        self._show_history(detail)
        self._show_checklist(detail)
        self._show_actions(detail)
        self.separation.show_for(detail)
        self.fit_top()

    # --- 审批步骤 and 申请内容: the height they need -------------------------------------------

    def top_needed_height(self) -> int:
        """The height at which every step and the whole proposal show without scrolling, at the
        proposal's current width."""
        f = self.form
        steps = f.steps_list
        rows = sum(steps.sizeHintForRow(i) + 2 * steps.spacing() for i in range(steps.count()))
        steps_content = rows + steps.spacing() + 2 * steps.frameWidth()
        document = f.proposal.document()
        document.setTextWidth(f.proposal.viewport().width())
        proposal_content = int(document.size().height()) + 2 * f.proposal.frameWidth() + 2

        def group_height(group, content_widget, content_height: int) -> int:
            chrome = group.sizeHint().height() - content_widget.sizeHint().height()
            return chrome + content_height

        return max(
            group_height(f.steps_group, steps, steps_content),
            group_height(f.proposal_group, f.proposal, proposal_content),
        )

    def fit_top(self) -> None:
        """Give the top part what it needs (at most half the splitter) unless the user has chosen."""
        if self._top_dragged:
            return
        splitter = self.form.splitter
        total = sum(splitter.sizes())
        if total <= 0:
            return
        top = min(self.top_needed_height(), total // 2)
        splitter.setSizes([top, total - top])

    def _divider_dragged(self, *_):
        self._top_dragged = True

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        self.fit_top()  # a new width wraps the proposal differently

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        self.fit_top()

    def _info_html(self, d: FlowDetail) -> str:
        s = d.summary
        parts = [
            (self.tr("编号"), str(s.id)),
            (self.tr("类型"), s.kind.label),
            (self.tr("员工"), s.subject_name or "—"),
            (self.tr("当前步骤"), s.step_name),
        ]
        if s.due_date:
            parts.append((self.tr("期限"), s.due_date.isoformat()))
        parts.append((self.tr("发起"), f"{initiator_text(s)} {format_time(s.created_at)}"))
        parts.append((self.tr("流程"), self.tr("{0}（第{1}版）").format(d.definition_name, d.definition_version)))
        return "　".join(f"<span style='color:#5f6368'>{html.escape(k)}</span> {html.escape(v)}" for k, v in parts)

    def _show_steps(self, d: FlowDetail) -> None:
        f = self.form
        f.steps_list.clear()
        approvals: dict[str, str] = {}
        for t in d.transitions:
            if t.action is Action.APPROVE:
                when = local_time(t.created_at)
                approvals[t.step_name] = f"{actor_text(t.actor_name, t.on_behalf_of)}  {when:%m-%d %H:%M}"
        for step in d.steps:
            if step.state == "done":
                text = self.tr("✓  {0}　　{1}").format(step.name, approvals.get(step.name, step.actor))
                color, bold = GREEN, False
            elif step.state == "current" and d.stuck:  # nobody may take it: the administrator names someone
                text = self.tr("▶  {0}　　等待管理员指定处理人").format(step.name)
                color, bold = ORANGE, True
            elif step.state == "current":
                who = "、".join(d.assignees) or step.actor
                text = self.tr("▶  {0}　　待 {1} 处理").format(step.name, who)
                color, bold = BLUE, True
            elif step.state == "skipped":
                text = self.tr("↷  {0}　　已跳过").format(step.name)
                color, bold = GREY, False
            elif step.state == "not_applicable":
                text = self.tr("–  {0}　　不适用").format(step.name)
                color, bold = GREY, False
            else:
                text = self.tr("○  {0}　　{1}").format(step.name, step.actor)
                color, bold = None, False
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, step.state)
            item.setToolTip(self.tr("{0}：由{1}审批").format(step.name, step.actor))
            if color is not None:
                item.setForeground(color)
            if bold:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            f.steps_list.addItem(item)
        f.assignee_note.setText(d.assignee_note or "")
        f.assignee_note.setVisible(bool(d.assignee_note))

    def _show_history(self, d: FlowDetail) -> None:
        rows = []
        for t in d.transitions:
            color = ACTION_COLORS.get(t.action)
            rows.append(
                Row(
                    (
                        format_time(t.created_at),
                        t.step_name,
                        t.action.label,
                        actor_text(t.actor_name, t.on_behalf_of),
                        t.comment or "",
                    ),
                    colors={2: color} if color else {},
                    tooltips={4: t.comment or ""},
                )
            )
        self.history_model.set_rows(rows)

    def _show_checklist(self, d: FlowDetail) -> None:
        f = self.form
        index = f.tabs.indexOf(f.checklist_tab)
        show = d.summary.kind is FlowKind.SEPARATION or bool(d.checklist)
        f.tabs.setTabVisible(index, show)
        rows = []
        for item in d.checklist:
            rows.append(
                Row(
                    (
                        item.category.label,
                        item.title,
                        item.asset_no or "",
                        format_money(item.amount)
                        if item.amount is not None
                        else (MASKED_MONEY if item.amount_masked else ""),
                        item.owner,
                        item.status.label,
                        item.resolved_by or "",
                        item.note or "",
                    ),
                    key=item.id,
                    colors={5: ITEM_COLORS[item.status]},
                    tooltips={7: item.note or "", 6: format_time(item.resolved_at)},
                    right=(3,),
                )
            )
        self.checklist_model.set_rows(rows)
        open_count = sum(1 for i in d.checklist if i.status is ItemStatus.OPEN)
        f.tabs.setTabText(
            index, self.tr("交接清单（{0} 项待确认）").format(open_count) if open_count else self.tr("交接清单")
        )
        if not d.checklist:
            f.checklist_summary.setText(self.tr("没有交接事项。"))
            f.checklist_summary.setStyleSheet(HINT_STYLE)
        elif open_count:
            f.checklist_summary.setText(
                self.tr(
                    "共 {0} 项，{1} 项待确认。每项由负责人确认；人事归档前必须全部确认，或由人事写明原因后豁免。"
                ).format(len(d.checklist), open_count)
            )
            f.checklist_summary.setStyleSheet("color: #b06000;")
        else:
            f.checklist_summary.setText(self.tr("共 {0} 项，已全部确认或豁免。").format(len(d.checklist)))
            f.checklist_summary.setStyleSheet(NOTICE_STYLE)
        hr = self.session.actor.can_all(Permission.CHECKLIST_WAIVE)
        can_change = d.summary.status.is_open
        f.add_item.setVisible(hr and can_change and d.summary.kind is FlowKind.SEPARATION)
        f.waive_item.setVisible(hr and can_change)
        any_confirmable = any(i.can_confirm for i in d.checklist)
        for widget in (f.confirm_item, f.checklist_note, f.lbl_checklist_note):
            widget.setVisible(any_confirmable)
        self._update_checklist_buttons()

    def _show_actions(self, d: FlowDetail) -> None:
        f = self.form
        for button in self.action_buttons.values():
            f.action_layout.removeWidget(button)
            button.deleteLater()
        self.action_buttons = {}
        actions = [a for a in ACTION_ORDER if a in d.my_actions]
        for action in actions:
            button = QPushButton(action_button_label(action, d.summary.status))
            button.setObjectName(f"action_{action.value}")
            button.setMinimumWidth(96)
            if action is Action.APPROVE or action is Action.SUBMIT:
                button.setDefault(True)
                button.setStyleSheet("QPushButton { font-weight: bold; }")
            button.clicked.connect(lambda _=False, a=action: self.act(a))
            f.action_layout.insertWidget(f.action_layout.count() - 1, button)  # before the stretch
            self.action_buttons[action] = button
        f.action_group.setVisible(bool(actions))
        if d.acting_on_behalf:
            f.on_behalf.setText(self.tr("您将代 {0} 操作，记录中会注明“代 {0}”。").format(d.summary.subject_name))
        f.on_behalf.setVisible(d.acting_on_behalf)
        if actions:
            f.nothing_to_do.setText("")
        elif d.summary.status.is_open:
            f.nothing_to_do.setText(
                self.tr("当前不需要您处理（现在由 {0} 处理）。").format("、".join(d.assignees) or d.summary.step_name)
            )
        else:
            f.nothing_to_do.setText(self.tr("流程已结束（{0}）。").format(d.summary.status.label))

    # --- the proposal, readable ------------------------------------------------------------------

    def _proposal_html(self, d: FlowDetail) -> str:
        kind = d.summary.kind
        p = d.payload
        try:
            if kind is FlowKind.SEPARATION:
                return self._separation_html(p)
            if kind is FlowKind.CONFIRMATION:
                return self._table(
                    [
                        (self.tr("转正日期"), p.get("confirmation_date", "")),
                        (self.tr("试用期评估"), p.get("evaluation", "")),
                    ]
                )
            if kind is FlowKind.TRANSFER:
                return self._transfer_html(d)
            if kind is FlowKind.ONBOARDING:
                return self._onboarding_html(p)
        except (KeyError, ValueError, TypeError):
            pass
        return self._table([(k, str(v)) for k, v in p.items()])

    @staticmethod
    def _two_column_table(rows: list[tuple[str, str]]) -> str:
        """Label/value pairs side by side (long proposals such as a new employee's record)."""
        cell = (
            "<td style='color:#5f6368; padding:3px 12px 3px 0; white-space:nowrap'>{0}</td>"
            "<td style='padding:3px 28px 3px 0'>{1}</td>"
        )
        half = (len(rows) + 1) // 2
        body = ""
        for left, right in zip(rows[:half], rows[half:] + [("", "")], strict=False):
            body += (
                "<tr>" + "".join(cell.format(html.escape(k), html.escape(str(v))) for k, v in (left, right)) + "</tr>"
            )
        return f"<table cellspacing='0'>{body}</table>"

    @staticmethod
    def _table(rows: list[tuple[str, str]], extra: str = "") -> str:
        body = "".join(
            f"<tr><td style='color:#5f6368; padding:3px 14px 3px 0; white-space:nowrap'>{html.escape(k)}</td>"
            f"<td style='padding:3px 0'>{html.escape(str(v)).replace(chr(10), '<br/>')}</td></tr>"
            for k, v in rows
        )
        return f"<table cellspacing='0'>{body}</table>{extra}"

    def _separation_html(self, p: dict) -> str:
        last_day = date.fromisoformat(p["last_working_day"])
        rows = [
            (self.tr("离职原因"), SeparationReason(p["reason"]).label),
            (self.tr("提出日期"), p.get("notice_date", "")),
            (self.tr("最后工作日"), last_day.isoformat()),
            (self.tr("停保月份"), stop_month(last_day).strftime("%Y-%m")),
        ]
        first = next((t for t in self.detail.transitions if t.action is Action.SUBMIT), None)
        if first is not None and first.comment:
            rows.append((self.tr("申请说明"), first.comment))
        extra = ""
        if p.get("notice_warning"):
            extra = f"<p style='color:#b3261e; font-weight:bold'>⚠ {html.escape(p['notice_warning'])}</p>"
        return self._table(rows, extra)

    def _label(self, d_or_payload: dict, key: str, side: str = "to") -> str:
        """The name the core resolved for a department, position or manager id (see flows.get)."""
        value = d_or_payload.get("labels", {}).get(key, {}).get(side)
        return value or self.tr("（无）")

    @staticmethod
    def _money(value) -> str:
        if value in (None, "", "None"):
            return ""
        if value == MASKED_MONEY:
            return MASKED_MONEY
        try:
            return format_money(Decimal(str(value)))
        except ArithmeticError:
            return str(value)

    def _transfer_html(self, d: FlowDetail) -> str:
        p = d.payload
        titles = {
            "department_id": self.tr("部门"),
            "project_department_id": self.tr("项目部"),
            "position_id": self.tr("岗位"),
            "manager_id": self.tr("直属上级"),
            "base_salary": self.tr("基本工资（元/月）"),
        }
        masked = False
        rows = []
        for key in titles:
            change = p.get("changes", {}).get(key)
            if change is None:
                continue
            if key == "base_salary":
                old = self._money(change.get("from")) or self.tr("（未填写）")
                new = self._money(change.get("to"))
                masked = new == MASKED_MONEY
            else:
                old, new = self._label(p, key, "from"), self._label(p, key, "to")
            rows.append(
                f"<tr><td style='color:#5f6368; padding:3px 14px 3px 0'>{html.escape(titles[key])}</td>"
                f"<td style='padding:3px 8px 3px 0'>{html.escape(old)}</td><td style='padding:3px 8px'>→</td>"
                f"<td style='padding:3px 0; font-weight:bold'>{html.escape(new)}</td></tr>"
            )
        head = self._table(
            [(self.tr("生效日期"), p.get("effective_date", "")), (self.tr("调动原因"), p.get("reason", ""))]
        )
        changes = (
            f"<p style='margin-top:10px; font-weight:bold'>{html.escape(self.tr('变动内容（原 → 新）'))}</p>"
            f"<table cellspacing='0'>{''.join(rows)}</table>"
        )
        if masked:
            changes += f"<p style='color:#5f6368'>{html.escape(self.tr('您无权查看该员工的薪资，金额已隐藏。'))}</p>"
        return head + changes

    def _onboarding_html(self, p: dict) -> str:
        """The proposed record as the core returned it (sensitive values already masked)."""
        e = p["employee"]
        contract = e.get("contract_type")
        status = e.get("status")
        account = p.get("account")
        rows = [
            (self.tr("工号"), e.get("emp_no", "")),
            (self.tr("姓名"), e.get("name", "")),
            (self.tr("身份证号"), e.get("id_number") or ""),
            (self.tr("手机"), e.get("phone") or ""),
            (self.tr("邮箱"), e.get("email") or ""),
            (self.tr("部门"), self._label(p, "department_id")),
            (self.tr("项目部"), self._label(p, "project_department_id")),
            (self.tr("岗位"), self._label(p, "position_id")),
            (self.tr("直属上级"), self._label(p, "manager_id")),
            (self.tr("入职日期"), e.get("hire_date") or ""),
            (self.tr("试用期结束"), e.get("probation_end_date") or ""),
            (self.tr("员工状态"), EmployeeStatus(status).label if status else ""),
            (self.tr("合同类型"), ContractType(contract).label if contract else self.tr("（未填写）")),
            (self.tr("基本工资（元/月）"), self._money(e.get("base_salary"))),
            (self.tr("银行卡号"), e.get("bank_account") or ""),
            (self.tr("登录账号"), account["username"] if account else self.tr("（不开通）")),
        ]
        return self._two_column_table(rows)

    # --- acting ---------------------------------------------------------------------------------

    def act(self, action: Action) -> bool:
        """Call the service for one action; True when it was accepted."""
        f = self.form
        comment = f.comment.toPlainText()
        if action in (Action.REJECT, Action.WITHDRAW):
            question = (
                self.tr("驳回后流程结束，不能恢复。确定驳回吗？")
                if action is Action.REJECT
                else self.tr("撤回后流程结束，不能恢复。确定撤回吗？")
            )
            answer = QMessageBox.question(
                self,
                action.label,
                question,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self._busy = True
        try:
            detail = engine.act(self.session.ctx, self.flow_id, action, comment, expected_version=self.detail.version)
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return False
        except HRDeskError as exc:
            self._show_errors({})
            messages.show_error(self, exc)
            if isinstance(exc, (Conflict, StateError, NotFound)):
                self._busy = False
                self.reload()
            return False
        finally:
            self._busy = False
        self._show_errors({})
        f.comment.clear()
        self._show(detail)
        self._set_banner(self._result_text(action, detail), NOTICE_STYLE)
        self.acted.emit(self.flow_id)
        if detail.summary.status is FlowStatus.COMPLETED:
            self.offer_notices()
        return True

    def _result_text(self, action: Action, d: FlowDetail) -> str:
        s = d.summary
        if action is Action.COMMENT:
            return self.tr("评论已添加。")
        if s.status is FlowStatus.COMPLETED:
            return self.tr("已{0}，流程已完成。").format(action.label)
        if s.status is FlowStatus.RUNNING:
            return self.tr("已{0}，流程已转到“{1}”（{2}）。").format(
                action_button_label(action, s.status), s.step_name, "、".join(d.assignees)
            )
        if s.status is FlowStatus.RETURNED:
            return self.tr("已退回发起人。")
        return self.tr("已{0}，流程结束（{1}）。").format(action.label, s.status.label)

    def _show_errors(self, errors: dict[str, str]) -> None:
        leftovers = show_field_errors({"comment": self.form.err_comment}, errors)
        if leftovers:
            self._set_banner("；".join(leftovers), ERROR_STYLE)
        elif errors:
            self._set_banner("", "")
        if "comment" in errors:
            self.form.comment.setFocus()

    def _set_banner(self, text: str, style: str) -> None:
        self.form.banner.setText(text)
        self.form.banner.setStyleSheet(style)
        self.form.banner.setVisible(bool(text))

    def current_errors(self) -> dict[str, str]:
        label = self.form.err_comment
        return {"comment": label.text()} if not label.isHidden() and label.text() else {}

    # --- notices after completion ---------------------------------------------------------------------

    def offer_notices(self):
        """When completing the flow drafted a notice for the caller, offer to review and send it."""
        try:
            drafts = [d for d in notices.pending_drafts(self.session.ctx) if d.instance_id == self.flow_id]
        except HRDeskError:
            return None
        if not drafts:
            return None
        draft = drafts[-1]  # the newest: the one completing the flow produced
        answer = QMessageBox.question(
            self,
            self.tr("发送通知"),
            self.tr("流程已完成。系统已按通知策略拟好“{0}”（{1} 位收件人）。\n现在核对收件人并发送吗？").format(
                draft.title, len(draft.recipients)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        return self.open_notice(draft.id)

    def open_notice(self, draft_id: int):
        from hrdesk.ui.flows.notice_dialog import open_notice_dialog

        dialog = open_notice_dialog(self.session, draft_id, self)
        if dialog is not None:
            dialog.sent.connect(
                lambda count: self._set_banner(self.tr("通知已发送给 {0} 人。").format(count), NOTICE_STYLE)
            )
        self.notice_dialog = dialog
        return dialog

    # --- the handover checklist -----------------------------------------------------------------

    def current_item(self):
        index = self.form.checklist_table.currentIndex()
        if not index.isValid():
            return None
        item_id = self.checklist_model.key(index.row())
        return next((i for i in self.detail.checklist if i.id == item_id), None)

    def select_item(self, title: str) -> bool:
        """Select the checklist row with this title (for keyboard users' search and for tests)."""
        for row, item in enumerate(self.detail.checklist):
            if item.title == title:
                self.form.checklist_table.setCurrentIndex(self.checklist_model.index(row, 0))
                return True
        return False

    def _update_checklist_buttons(self) -> None:
        item = self.current_item()
        self.form.confirm_item.setEnabled(item is not None and item.can_confirm)
        self.form.waive_item.setEnabled(item is not None and item.can_waive)

    def confirm_current_item(self) -> bool:
        item = self.current_item()
        if item is None or not item.can_confirm:
            return False
        self._busy = True
        try:
            checklists.confirm(self.session.ctx, item.id, self.form.checklist_note.text())
        except HRDeskError as exc:
            self._busy = False
            messages.show_error(self, exc)
            self.reload()
            return False
        finally:
            self._busy = False
        self.form.checklist_note.clear()
        self._after_checklist_change(item.id)
        return True

    def waive_current_item(self) -> bool:
        item = self.current_item()
        if item is None or not item.can_waive:
            return False
        reason, ok = QInputDialog.getText(
            self,
            self.tr("豁免交接事项"),
            self.tr("豁免“{0}”的原因（必填，会记入操作日志）：").format(item.title),
            QLineEdit.EchoMode.Normal,
            self.form.checklist_note.text(),
        )
        if not ok:
            return False
        self._busy = True
        try:
            checklists.waive(self.session.ctx, item.id, reason)
        except HRDeskError as exc:
            self._busy = False
            messages.show_error(self, exc)
            return False
        finally:
            self._busy = False
        self.form.checklist_note.clear()
        self._after_checklist_change(item.id)
        return True

    def _after_checklist_change(self, item_id: int) -> None:
        self.reload()
        row = self.checklist_model.row_of(item_id)
        if row >= 0:
            self.form.checklist_table.setCurrentIndex(self.checklist_model.index(row, 0))

    def open_add_item(self):
        dialog = AddItemDialog(self.session, self.flow_id, self)
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

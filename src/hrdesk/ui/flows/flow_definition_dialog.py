"""Editing one kind of approval flow (forms/flow_definition_dialog.ui): its name and ordered steps.

Saving stores a new version through flow_definitions.save; flows already running keep the version
they started with, which the dialog says. The service validates the whole definition; its
messages ("steps", "steps.<n>.<field>") appear under the table, the step's number turns red and
the offending cell is outlined, and nothing is saved until it accepts.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTableWidgetItem,
    QWidget,
)

from hrdesk.core.flows import definitions
from hrdesk.core.flows.workflow import (
    CONDITIONS,
    MAX_DEADLINE_DAYS,
    Action,
    ActorKind,
    FlowDefinition,
    FlowKind,
    StepDef,
    condition_label,
)
from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.core.kernel.permissions import Role
from hrdesk.ui.common.messages import ERROR_STYLE, show_error, show_field_errors
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import HINT_STYLE
from hrdesk.ui.forms.ui_flow_definition_dialog import Ui_FlowDefinitionDialog

NAME, ACTOR, ROLE, CONDITION, DEADLINE, REJECT, RETURN, CHECKLIST = range(8)
FIELD_COLUMNS = {
    "key": NAME,
    "name": NAME,
    "actor_kind": ACTOR,
    "role": ROLE,
    "condition": CONDITION,
    "deadline_days": DEADLINE,
    "actions": REJECT,
}
NOTE_STYLE = (
    "QLabel { background: #e8f0fe; color: #174ea6; border: 1px solid #aecbfa; border-radius: 4px; padding: 6px 10px; }"
)
CELL_ERROR_STYLE = "border: 1px solid #b3261e; background: #fde7e9;"
ERROR_COLOR = QColor("#b3261e")
ROW_HEIGHT = 30
APPROVERS_OFFERED = (Role.HR, Role.FINANCE, Role.ADMIN, Role.MANAGER, Role.PROJECT_LEAD, Role.AUDITOR)


def _tr(text: str) -> str:
    return QCoreApplication.translate("FlowDefinitionDialog", text)


def headers() -> list[str]:
    return [
        _tr("名称"),
        _tr("审批人"),
        _tr("角色"),
        _tr("条件"),
        _tr("期限(工作日)"),
        _tr("允许驳回"),
        _tr("允许退回"),
        _tr("归档前须完成交接清单"),
    ]


@dataclass
class StepRow:
    """What one row of the table says (the widgets are rebuilt from these when rows move)."""

    key: str
    name: str
    actor_kind: ActorKind
    role: Role | None
    condition: str | None
    deadline_days: int
    reject: bool
    return_: bool
    checklist: bool

    @classmethod
    def from_step(cls, step: StepDef) -> StepRow:
        return cls(
            step.key,
            step.name,
            step.actor_kind,
            step.role,
            step.condition,
            step.deadline_days,
            Action.REJECT in step.actions,
            Action.RETURN in step.actions,
            step.requires_checklist_closed,
        )

    def to_step(self) -> StepDef:
        actions = (
            (Action.APPROVE,) + ((Action.REJECT,) if self.reject else ()) + ((Action.RETURN,) if self.return_ else ())
        )
        return StepDef(
            key=self.key,
            name=self.name.strip(),
            actor_kind=self.actor_kind,
            role=self.role if self.actor_kind is ActorKind.ROLE else None,
            actions=actions,
            condition=self.condition,
            deadline_days=self.deadline_days,
            requires_checklist_closed=self.checklist,
        )


class _RowFocus(QObject):
    """Makes the row current when one of its cell widgets gets the focus (so 删除/上移 act on it)."""

    def __init__(self, dialog: FlowDefinitionDialog):
        super().__init__(dialog)
        self.dialog = dialog

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.FocusIn:
            self.dialog._focus_row_of(watched)
        return False


class FlowDefinitionDialog(QDialog):
    saved = Signal(int)  # the new version number

    def __init__(
        self,
        session: AppSession,
        kind: FlowKind,
        current: definitions.StoredDefinition | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.current = current or definitions.current(session.ctx, kind)
        self.saved_version: int | None = None
        self.form = Ui_FlowDefinitionDialog()
        self.form.setupUi(self)
        f = self.form
        self._focus_filter = _RowFocus(self)
        self._cells: list[dict[int, QWidget]] = []  # per row: column -> the widget to edit
        self.error_labels: dict[str, QLabel] = {"name": f.err_name, "steps": f.err_steps}
        version = self.current.definition.version
        self.setWindowTitle(self.tr("编辑审批流程 - {0}（当前第 {1} 版）").format(kind.label, version))
        f.version_note.setText(
            self.tr("保存后成为第 {0} 版。已在审批中的流程仍按发起时的版本走完，只有之后发起的流程使用新版本。").format(
                version + 1
            )
        )
        f.version_note.setStyleSheet(NOTE_STYLE)
        f.hint.setStyleSheet(HINT_STYLE)
        f.name_grid.setColumnStretch(1, 1)
        f.name.setText(self.current.definition.name)

        table = f.steps
        table.setColumnCount(len(headers()))
        table.setHorizontalHeaderLabels(headers())
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        metrics = table.fontMetrics()
        widths = {NAME: 150, ACTOR: 110, ROLE: 100, CONDITION: 230, DEADLINE: 100}
        for column, label in enumerate(headers()):
            table.setColumnWidth(column, max(widths.get(column, 0), metrics.horizontalAdvance(label) + 24))
        header.setSectionResizeMode(CONDITION, QHeaderView.ResizeMode.Stretch)
        table.currentCellChanged.connect(lambda *_: self._update_buttons())

        f.add_step.clicked.connect(self.add_step)
        f.remove_step.clicked.connect(self.remove_step)
        f.move_up.clicked.connect(lambda: self.move_step(-1))
        f.move_down.clicked.connect(lambda: self.move_step(1))
        f.buttons.accepted.connect(self.save)
        f.buttons.rejected.connect(self.reject)
        self.set_rows([StepRow.from_step(s) for s in self.current.definition.steps])
        if self.rows():
            self.select_row(0)
        self._update_buttons()
        self.resize(1060, 560)

    # --- rows and their widgets ----------------------------------------------------------------

    def set_rows(self, rows: list[StepRow]) -> None:
        table = self.form.steps
        table.clearContents()
        table.setRowCount(0)
        self._cells = []
        for row in rows:
            self._append_row(row)
        self._number_rows()

    def _append_row(self, step: StepRow) -> None:
        table = self.form.steps
        r = table.rowCount()
        table.insertRow(r)
        for column in range(table.columnCount()):
            table.setItem(r, column, QTableWidgetItem())

        name = QLineEdit(step.name)
        name.setPlaceholderText(self.tr("步骤名称"))
        name.setMaxLength(60)
        name.setProperty("step_key", step.key)
        actor = QComboBox()
        for kind in ActorKind:
            actor.addItem(kind.label, kind.value)
        actor.setCurrentIndex(actor.findData(step.actor_kind.value))
        role = QComboBox()
        role.addItem(self.tr("（请选择）"), None)
        offered = list(APPROVERS_OFFERED) + ([step.role] if step.role and step.role not in APPROVERS_OFFERED else [])
        for option in offered:
            role.addItem(option.label, option.value)
        role.setCurrentIndex(max(0, role.findData(step.role.value if step.role else None)))
        condition = QComboBox()
        condition.addItem(self.tr("（总是）"), None)
        for key in CONDITIONS:
            condition.addItem(condition_label(key), key)
        if step.condition and condition.findData(step.condition) < 0:  # unknown to this version: keep it visible
            condition.addItem(step.condition, step.condition)
        condition.setCurrentIndex(max(0, condition.findData(step.condition)))
        deadline = QSpinBox()
        deadline.setRange(0, MAX_DEADLINE_DAYS)
        deadline.setSpecialValueText(self.tr("不限"))
        deadline.setValue(max(0, min(step.deadline_days, MAX_DEADLINE_DAYS)))
        widgets = {NAME: name, ACTOR: actor, ROLE: role, CONDITION: condition, DEADLINE: deadline}
        for column, checked in ((REJECT, step.reject), (RETURN, step.return_), (CHECKLIST, step.checklist)):
            box = QCheckBox()
            box.setChecked(checked)
            widgets[column] = box
        for column, widget in widgets.items():
            widget.installEventFilter(self._focus_filter)
            table.setCellWidget(r, column, self._centered(widget) if isinstance(widget, QCheckBox) else widget)
        actor.currentIndexChanged.connect(lambda *_, role=role, actor=actor: self._actor_changed(actor, role))
        self._cells.append(widgets)
        self._actor_changed(actor, role)

    @staticmethod
    def _centered(box: QCheckBox) -> QWidget:
        holder = QWidget()
        layout = QHBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignCenter)
        return holder

    def _actor_changed(self, actor: QComboBox, role: QComboBox) -> None:
        is_role = actor.currentData() == ActorKind.ROLE.value
        role.setEnabled(is_role)
        role.setItemText(0, self.tr("（请选择）") if is_role else "—")
        if not is_role:
            role.setCurrentIndex(0)
        role.setToolTip("" if is_role else self.tr("审批人是与员工的关系时，不需要选择角色"))

    def cell(self, row: int, column: int) -> QWidget:
        """The editing widget of a cell (for the dialog's own use and for tests)."""
        return self._cells[row][column]

    def rows(self) -> list[StepRow]:
        result = []
        for widgets in self._cells:
            result.append(
                StepRow(
                    key=widgets[NAME].property("step_key") or "",
                    name=widgets[NAME].text(),
                    actor_kind=ActorKind(widgets[ACTOR].currentData()),
                    role=Role(widgets[ROLE].currentData()) if widgets[ROLE].currentData() else None,
                    condition=widgets[CONDITION].currentData(),
                    deadline_days=widgets[DEADLINE].value(),
                    reject=widgets[REJECT].isChecked(),
                    return_=widgets[RETURN].isChecked(),
                    checklist=widgets[CHECKLIST].isChecked(),
                )
            )
        return result

    def _number_rows(self, errors: dict[int, str] | None = None) -> None:
        table = self.form.steps
        for r in range(table.rowCount()):
            item = QTableWidgetItem(str(r + 1))
            if errors and r in errors:
                item.setText(f"⚠ {r + 1}")
                item.setForeground(ERROR_COLOR)
                item.setToolTip(errors[r])
            table.setVerticalHeaderItem(r, item)

    def current_row(self) -> int:
        return self.form.steps.currentRow()

    def select_row(self, row: int) -> None:
        self.form.steps.setCurrentCell(row, NAME)
        self.form.steps.selectRow(row)

    def _focus_row_of(self, widget: QWidget) -> None:
        for r, widgets in enumerate(self._cells):
            if widget in widgets.values():
                if r != self.current_row():
                    self.select_row(r)
                return

    def _update_buttons(self) -> None:
        f, row, count = self.form, self.current_row(), len(self._cells)
        f.remove_step.setEnabled(0 <= row < count)
        f.move_up.setEnabled(0 < row < count)
        f.move_down.setEnabled(0 <= row < count - 1)

    def _new_key(self) -> str:
        keys = {r.key for r in self.rows()}
        n = len(keys) + 1
        while f"step{n}" in keys:
            n += 1
        return f"step{n}"

    def add_step(self) -> None:
        rows = self.rows()
        position = self.current_row() + 1 if 0 <= self.current_row() < len(rows) else len(rows)
        rows.insert(position, StepRow(self._new_key(), "", ActorKind.ROLE, None, None, 3, True, True, False))
        self.set_rows(rows)
        self.select_row(position)
        self.cell(position, NAME).setFocus()
        self._update_buttons()

    def remove_step(self) -> None:
        row = self.current_row()
        rows = self.rows()
        if not 0 <= row < len(rows):
            return
        del rows[row]
        self.set_rows(rows)
        if rows:
            self.select_row(min(row, len(rows) - 1))
        self._update_buttons()

    def move_step(self, offset: int) -> None:
        row = self.current_row()
        rows = self.rows()
        target = row + offset
        if not (0 <= row < len(rows) and 0 <= target < len(rows)):
            return
        rows[row], rows[target] = rows[target], rows[row]
        self.set_rows(rows)
        self.select_row(target)
        self._update_buttons()

    # --- saving ---------------------------------------------------------------------------------

    def definition(self) -> FlowDefinition:
        return FlowDefinition(self.kind, self.form.name.text(), tuple(r.to_step() for r in self.rows()))

    def _base_version(self) -> int | None:
        """The version this save replaces. Another administrator may have saved one while this
        dialog was open: the user decides whether to replace it (None: do not save); the service
        refuses if yet another version appears before the save."""
        latest = definitions.current(self.session.ctx, self.kind)
        if latest.definition.version == self.current.definition.version:
            return latest.definition.version
        answer = QMessageBox.question(
            self,
            self.tr("流程已被修改"),
            self.tr(
                "在您编辑期间，{0} 已保存了第 {1} 版。仍用您现在的内容保存为第 {2} 版吗？"
                "（选“否”可关闭对话框后重新打开，查看最新版本。）"
            ).format(latest.created_by, latest.definition.version, latest.definition.version + 1),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return latest.definition.version if answer == QMessageBox.StandardButton.Yes else None

    def save(self) -> None:
        try:
            base = self._base_version()
            if base is None:
                return
            stored = definitions.save(self.session.ctx, self.definition(), expected_version=base)
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return
        except HRDeskError as exc:
            show_error(self, exc)
            return
        self.saved_version = stored.definition.version
        self.saved.emit(stored.definition.version)
        self.accept()

    def _show_errors(self, errors: dict[str, str]) -> None:
        for widgets in self._cells:  # clear earlier marks
            for widget in widgets.values():
                widget.setStyleSheet("")
        step_messages, row_errors = [], {}
        for key, message in errors.items():
            parts = key.split(".")
            if parts[0] == "steps" and len(parts) == 3 and parts[1].isdigit():
                row = int(parts[1]) - 1
                if 0 <= row < len(self._cells):
                    row_errors[row] = "\n".join(filter(None, [row_errors.get(row), message]))
                    column = FIELD_COLUMNS.get(parts[2])
                    if column is not None:
                        self._cells[row][column].setStyleSheet(CELL_ERROR_STYLE)
                step_messages.append(message)
            elif key == "steps":
                step_messages.insert(0, message)
        shown = dict(errors)
        shown["steps"] = "\n".join(step_messages)
        leftovers = show_field_errors(self.error_labels, {k: v for k, v in shown.items() if k in ("name", "steps")})
        leftovers += [m for k, m in errors.items() if k not in ("name", "steps") and not k.startswith("steps.")]
        self._number_rows(row_errors)
        self.form.banner.setText(
            self.tr("流程没有保存：请按红字提示修改。") + ("" if not leftovers else " " + "；".join(leftovers))
        )
        self.form.banner.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        self.form.banner.setVisible(bool(errors))
        if row_errors:
            self.select_row(min(row_errors))

    def current_errors(self) -> dict[str, str]:
        return {k: label.text() for k, label in self.error_labels.items() if not label.isHidden() and label.text()}

    def error_rows(self) -> list[int]:
        """Rows marked as having a problem (0-based)."""
        table = self.form.steps
        return [
            r
            for r in range(table.rowCount())
            if table.verticalHeaderItem(r) and table.verticalHeaderItem(r).text().startswith("⚠")
        ]

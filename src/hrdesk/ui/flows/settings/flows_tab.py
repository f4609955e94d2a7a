"""审批流程: the flow definitions, their steps and versions; saving makes a new version (running flows
keep theirs)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.flows import definitions
from hrdesk.core.flows.workflow import Action, FlowKind, condition_label
from hrdesk.core.kernel.clock import local_text
from hrdesk.core.kernel.errors import HRDeskError
from hrdesk.ui.common.messages import show_error
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.flows.settings.parts import (
    INFO_STYLE,
    fill,
    hint,
    read_only_table,
    tr,
)


def step_rows(definition) -> list[tuple]:
    rows = []
    for step in definition.steps:
        actions = "、".join(a.label for a in step.actions if a is not Action.APPROVE) or tr("只能同意")
        rows.append(
            (
                step.name,
                step.actor_label(),
                condition_label(step.condition) if step.condition else tr("总是"),
                tr("{0} 个工作日").format(step.deadline_days) if step.deadline_days else tr("不限"),
                actions,
                tr("归档前须全部完成") if step.requires_checklist_closed else "",
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

        self.steps = read_only_table(
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
        self.history = read_only_table(
            [self.tr("版本"), self.tr("流程名称"), self.tr("步骤数"), self.tr("修改人"), self.tr("修改时间")]
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
        self.steps_note = hint("")
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
            fill(
                self.history,
                [
                    (
                        v.definition.version,
                        v.definition.name,
                        len(v.definition.steps),
                        v.created_by,
                        local_text(v.created_at),
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
        fill(self.steps, step_rows(stored.definition))
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

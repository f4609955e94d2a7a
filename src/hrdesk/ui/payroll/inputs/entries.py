"""本月项目: the month's one-off entries (bonuses, deductions, reimbursements): add, delete, import.

Deductions are entered as positive amounts and shown with a minus sign; the item's category decides
how they count. Entries a separation settlement wrote are locked here (the settlement owns them).
A month that already has imported entries asks whether a new import replaces or adds to them, so a
corrected sheet can be imported again without doubling the amounts.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QVBoxLayout

from hrdesk.core.kernel.errors import HRDeskError
from hrdesk.core.kernel.money import format_money
from hrdesk.core.payroll import imports, inputs
from hrdesk.ui.common.form_parts import hint_label, named_button
from hrdesk.ui.common.messages import show_error
from hrdesk.ui.common.rows_model import Row
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import NOTICE_STYLE, ORANGE
from hrdesk.ui.payroll.inputs.entry_dialog import EntryDialog
from hrdesk.ui.payroll.inputs.filtered_table import FilteredTable
from hrdesk.ui.payroll.inputs.input_tab import InputsPage, InputTab
from hrdesk.ui.payroll.inputs.labels import DEDUCTING, month_text, source_label, tr


def entry_row(e: inputs.Entry) -> Row:
    deducted = e.category in DEDUCTING
    amount = ("-" if deducted else "") + format_money(e.amount)
    state = tr("已锁定") if e.locked else ""
    colors = {6: ORANGE} if e.locked else {}
    if deducted:
        colors[4] = ORANGE
    return Row(
        (
            e.emp_no,
            e.employee_name,
            e.item_name,
            e.category.label,
            amount,
            e.note,
            state,
            source_label(e.source),
            e.created_by,
        ),
        key=e.id,
        colors=colors,
        right=(4,),
        tooltips={6: tr("来自离职结算，只能在结算中更改")} if e.locked else {},
    )


class EntriesTab(InputTab):
    import_kind = imports.ENTRIES

    def __init__(self, session: AppSession, page: InputsPage):
        super().__init__(session, page)
        self.setObjectName("entries_tab")
        self.entries: list[inputs.Entry] = []
        self.table = FilteredTable(
            "entries_table",
            [
                self.tr("工号"),
                self.tr("姓名"),
                self.tr("工资项目"),
                self.tr("类别"),
                self.tr("金额（元）"),
                self.tr("备注"),
                self.tr("状态"),
                self.tr("来源"),
                self.tr("录入人"),
            ],
            [90, 80, 120, 150, 100, 220, 60, 80, 80],
            stretch=5,
        )
        self.table.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.add_button = named_button(self.tr("添加…"), "add_entry", self.open_add_dialog)
        self.delete_button = named_button(self.tr("删除"), "delete_entry", self.delete_current)
        toolbar = self._toolbar(self.table, "entries", self.add_button, self.delete_button)
        self.totals = QLabel()
        self.totals.setObjectName("totals")
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                self.tr(
                    "本月一次性的奖金、扣款、报销等。扣款也按正数录入，系统按项目类别扣除。"
                    "固定每月发放的津贴请在“固定津贴”中设置。"
                )
            )
        )
        layout.addLayout(toolbar)
        layout.addWidget(self.table.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.totals)
        layout.addLayout(bottom)

    def _prepare_load(self):
        ctx, month = self.session.ctx, self.month
        return lambda: inputs.entries(ctx, month)

    def _apply(self, entries) -> None:
        self.entries = entries
        self.table.set_rows_keeping_selection([entry_row(e) for e in entries])
        added = sum((e.amount for e in entries if e.category not in DEDUCTING), Decimal(0))
        deducted = sum((e.amount for e in entries if e.category in DEDUCTING), Decimal(0))
        self.totals.setText(
            self.tr("共 {0} 条　发放 {1} 元　扣款 {2} 元").format(
                len(entries), format_money(added), format_money(deducted)
            )
        )

    def current_entry(self) -> inputs.Entry | None:
        key = self.table.current_key()
        return next((e for e in self.entries if e.id == key), None)

    def _update_buttons(self) -> None:
        open_month = self.month is not None and not self.locked and not self._busy
        entry = self.current_entry()
        self.add_button.setEnabled(open_month)
        self.import_button.setEnabled(open_month)
        self.delete_button.setEnabled(open_month and entry is not None and not entry.locked)
        self.delete_button.setToolTip(
            self.tr("来自离职结算的记录已锁定，只能在结算中更改") if entry is not None and entry.locked else ""
        )

    def template_items(self) -> list[str]:
        return [t.name for t in self.page.item_types]

    def open_add_dialog(self) -> EntryDialog:
        dialog = EntryDialog(self.session, self.month, self.page.item_types, self)
        dialog.saved.connect(lambda entry_id: self._after_add(entry_id))
        dialog.open()
        return dialog

    def _after_add(self, entry_id: int) -> None:
        self._say(NOTICE_STYLE, self.tr("已添加。"))
        self._select_after_load = entry_id
        self.reload()

    def _loaded(self, result) -> None:
        super()._loaded(result)
        pending = getattr(self, "_select_after_load", None)
        if pending is not None:
            self.table.select_key(pending)
            self._select_after_load = None
            self._update_buttons()

    def delete_current(self, confirm: bool = True) -> bool:
        entry = self.current_entry()
        if entry is None or entry.locked:
            return False
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("删除工资项目"),
                self.tr("删除 {0} {1} 的“{2}” {3} 元吗？").format(
                    entry.emp_no, entry.employee_name, entry.item_name, format_money(entry.amount)
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            inputs.delete_entry(self.session.ctx, entry.id)
        except HRDeskError as exc:
            show_error(self, exc)
            return False
        self._say(NOTICE_STYLE, self.tr("已删除 {0} 的“{1}”。").format(entry.employee_name, entry.item_name))
        self.reload()
        return True

    def import_file(self, path: str, replace: bool | None = None) -> None:
        """``replace``: None asks when the month already has imported entries."""
        ctx, month = self.session.ctx, self.month
        if replace is None:
            try:
                earlier = imports.imported_entry_count(ctx, month)
            except HRDeskError as exc:
                show_error(self, exc)
                return
            replace = False
            if earlier:
                box = QMessageBox(
                    QMessageBox.Icon.Question,
                    self.tr("导入工资项目"),
                    self.tr(
                        "{0}已有 {1} 条之前从 Excel 导入的记录。\n\n"
                        "替换：先删除这些记录再导入（改正后重新导入同一张表时选这个）；\n"
                        "追加：保留它们，再导入这个文件。"
                    ).format(month_text(month), earlier),
                    parent=self,
                )
                replace_button = box.addButton(self.tr("替换"), QMessageBox.ButtonRole.AcceptRole)
                add_button = box.addButton(self.tr("追加"), QMessageBox.ButtonRole.AcceptRole)
                box.addButton(QMessageBox.StandardButton.Cancel)
                box.exec()
                if box.clickedButton() not in (replace_button, add_button):
                    return
                replace = box.clickedButton() is replace_button
        self._run_import(path, lambda: imports.import_entries(ctx, month, path, replace_imported=replace))

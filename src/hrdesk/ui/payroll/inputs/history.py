"""历史工资: each month's 应发 and its overtime part from before the company used HRDesk.

A leaver's economic compensation is on the average of the twelve months before the separation and
untaken annual leave on that average without overtime; for someone hired before HRDesk those months
are only here. The tab lists the history (one employee, or everyone), enters or corrects a month
(choosing a row fills the form), deletes one, and imports a whole sheet. The page's month does not
matter here and a paid month does not lock anything: the history is only of months HRDesk did not
calculate, which the service checks.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QVBoxLayout

from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.core.kernel.money import format_money
from hrdesk.core.kernel.months import shift_month
from hrdesk.core.payroll import wage_history
from hrdesk.core.people import employees
from hrdesk.ui.common.employee_lookup import EmployeeLookup
from hrdesk.ui.common.form_parts import error_label, hint_label, named_button
from hrdesk.ui.common.messages import show_error, show_field_errors
from hrdesk.ui.common.month_edit import MonthEdit
from hrdesk.ui.common.rows_model import Row
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import ERROR_STYLE, NOTICE_STYLE
from hrdesk.ui.payroll.inputs.filtered_table import FilteredTable
from hrdesk.ui.payroll.inputs.input_tab import InputsPage, InputTab
from hrdesk.ui.payroll.inputs.labels import source_label


def history_row(h: wage_history.HistoryMonth) -> Row:
    return Row(
        (
            h.emp_no,
            h.name,
            h.month.strftime("%Y-%m"),
            format_money(h.gross),
            format_money(h.overtime) if h.overtime else "",
            h.note,
            source_label(h.source),
            h.created_by,
        ),
        key=h.id,
        right=(3, 4),
    )


class HistoryTab(InputTab):
    def __init__(self, session: AppSession, page: InputsPage):
        super().__init__(session, page)
        self.setObjectName("history_tab")
        self.rows: list[wage_history.HistoryMonth] = []
        self._reloading = False
        self.count_label = QLabel()
        self.count_label.setObjectName("history_count")
        self.employee_id: int | None = None
        self.employee = QLineEdit()
        self.employee.setObjectName("history_employee")
        self.employee.setPlaceholderText(self.tr("输入工号或姓名查找员工；留空显示全部"))
        self.employee.setMinimumWidth(300)
        self.lookup = EmployeeLookup(
            self.employee, lambda text: employees.search(session.ctx, text, include_separated=True), self
        )
        self.lookup.selection_changed.connect(self.show_employee)
        self.table = FilteredTable(
            "history_table",
            [
                self.tr("工号"),
                self.tr("姓名"),
                self.tr("月份"),
                self.tr("应发工资（元）"),
                self.tr("其中加班工资"),
                self.tr("备注"),
                self.tr("来源"),
                self.tr("录入人"),
            ],
            [90, 80, 80, 120, 110, 240, 70, 80],
            stretch=5,
        )
        self.table.view.selectionModel().currentRowChanged.connect(lambda *_: self._row_chosen())
        self.delete_button = named_button(self.tr("删除"), "delete_history", self.delete_current)
        toolbar = self._toolbar(self.table, "history", self.delete_button)

        last_month = shift_month(session.ctx.clock.today().replace(day=1), -1)
        self.month_edit = MonthEdit(last_month)
        self.month_edit.setObjectName("history_month")
        self.gross = QLineEdit()
        self.gross.setObjectName("history_gross")
        self.gross.setPlaceholderText(self.tr("当月应发合计"))
        self.overtime = QLineEdit()
        self.overtime.setObjectName("history_overtime")
        self.overtime.setPlaceholderText(self.tr("没有填 0"))
        self.note = QLineEdit()
        self.note.setObjectName("history_note")
        self.note.setMaxLength(200)
        self.note.setPlaceholderText(self.tr("如 数据来源：旧系统工资表"))
        self.save_button = named_button(self.tr("保存"), "save_history", self.save)
        self.error_labels = {key: error_label() for key in ("month", "gross", "overtime")}
        self.form_box = QGroupBox(self.tr("录入或更正一个月（先在上方选择员工）"))
        grid = QGridLayout(self.form_box)
        for column, (label, widget) in enumerate(
            (
                (self.tr("月份"), self.month_edit),
                (self.tr("应发工资（元）"), self.gross),
                (self.tr("其中加班工资（元）"), self.overtime),
                (self.tr("备注"), self.note),
            )
        ):
            grid.addWidget(QLabel(label), 0, column * 2)
            grid.addWidget(widget, 0, column * 2 + 1)
        grid.addWidget(self.save_button, 0, 8)
        for column, key in ((1, "month"), (3, "gross"), (5, "overtime")):
            grid.addWidget(self.error_labels[key], 1, column - 1, 1, 2)
        grid.setColumnStretch(7, 1)

        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("员工")))
        chooser.addWidget(self.employee)
        chooser.addSpacing(16)
        chooser.addWidget(self.count_label)
        chooser.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                self.tr(
                    "开始使用 HRDesk 之前各月的应发工资和其中的加班工资。离职经济补偿按离职前十二个月平均工资计算，"
                    "未休年休假工资按不含加班工资的平均工资计算；HRDesk 已核算的月份以核算结果为准，无需录入。"
                )
            )
        )
        layout.addLayout(chooser)
        layout.addLayout(toolbar)
        layout.addWidget(self.table.view, 1)
        layout.addWidget(self.form_box)
        layout.addWidget(self.status)

    # loading: everyone's history, or the chosen employee's, whatever the page's month

    def _shown_key(self):
        return self.employee_id

    def show_employee(self, employee_id: int | None) -> None:
        self.employee_id = employee_id
        self.loader.reload()
        self._update_buttons()

    def select_employee(self, employee_id: int, label: str) -> None:
        self.lookup.set_selected(employee_id, label)
        self.show_employee(employee_id)

    def _prepare_load(self):
        ctx, employee_id = self.session.ctx, self.employee_id
        return lambda: wage_history.history(ctx, employee_id)

    def _apply(self, rows) -> None:
        self.rows = rows
        self._reloading = True  # keeping the selection is not the user choosing a row: the form stays as typed
        try:
            self.table.set_rows_keeping_selection([history_row(r) for r in rows])
        finally:
            self._reloading = False
        people = len({r.employee_id for r in rows})
        self.count_label.setText(self.tr("共 {0} 个月的记录（{1} 人）").format(len(rows), people))

    def current_row(self) -> wage_history.HistoryMonth | None:
        key = self.table.current_key()
        return next((r for r in self.rows if r.id == key), None)

    def _row_chosen(self) -> None:
        row = self.current_row()
        if row is not None and not self._reloading:
            if row.employee_id != self.employee_id:
                self.lookup.set_selected(row.employee_id, f"{row.emp_no} {row.name}")
                self.employee_id = row.employee_id
            self.month_edit.set_month(row.month)
            self.gross.setText(f"{row.gross:.2f}")
            self.overtime.setText(f"{row.overtime:.2f}")
            self.note.setText(row.note)
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = not self._busy
        self.form_box.setEnabled(idle and self.employee_id is not None)
        self.delete_button.setEnabled(idle and self.current_row() is not None)
        if hasattr(self, "import_button"):
            self.import_button.setEnabled(idle)

    # changes

    def save(self) -> bool:
        if self.employee_id is None:
            return False
        month: date = self.month_edit.month()
        try:
            saved = wage_history.set_month(
                self.session.ctx,
                self.employee_id,
                month,
                self.gross.text(),
                self.overtime.text() or "0",
                self.note.text(),
            )
        except ValidationError as exc:
            leftovers = show_field_errors(self.error_labels, exc.errors)
            if leftovers:
                self._say(ERROR_STYLE, "；".join(leftovers))
            return False
        except HRDeskError as exc:
            show_error(self, exc)
            return False
        show_field_errors(self.error_labels, {})
        self.gross.clear()
        self.overtime.clear()
        self.note.clear()
        self.month_edit.set_month(shift_month(month, -1))  # entering months backwards, one after another
        self._say(
            NOTICE_STYLE,
            self.tr("已保存 {0} {1}：应发 {2} 元，其中加班工资 {3} 元。").format(
                saved.name, saved.month.strftime("%Y-%m"), format_money(saved.gross), format_money(saved.overtime)
            ),
        )
        self.reload()
        return True

    def delete_current(self, confirm: bool = True) -> bool:
        row = self.current_row()
        if row is None:
            return False
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("删除历史工资"),
                self.tr("删除 {0} {1} {2} 的历史工资（应发 {3} 元）吗？").format(
                    row.emp_no, row.name, row.month.strftime("%Y-%m"), format_money(row.gross)
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            wage_history.remove_month(self.session.ctx, row.employee_id, row.month)
        except HRDeskError as exc:
            show_error(self, exc)
            return False
        self._say(NOTICE_STYLE, self.tr("已删除 {0} {1} 的历史工资。").format(row.name, row.month.strftime("%Y-%m")))
        self.reload()
        return True

    # Excel

    def template_file_name(self) -> str:
        return wage_history.TEMPLATE_FILE_NAME

    def write_template(self, path: str) -> Path:
        return wage_history.write_template(path)

    def import_file(self, path: str) -> None:
        ctx = self.session.ctx
        self._run_import(path, lambda: wage_history.import_history(ctx, path))

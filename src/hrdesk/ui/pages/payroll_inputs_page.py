"""工资录入 (PAYROLL_INPUT): what the payroll of a month reads besides the employee register.

A month picker and four tabs: 本月项目 (the month's one-off entries: add, delete, Excel import),
固定津贴 (one employee's fixed monthly allowances), 专项附加扣除 (the declarations in force for the
month, edited one at a time or imported) and 年初累计数 (each employee's tax options and the
year-to-date figures before HRDesk, for the month's year).

A paid month (已发放) is locked: a banner says so and the month's inputs cannot be changed; the
services refuse anyway. Loads and imports run in the background; every change goes through one
service call, whose messages appear next to the fields.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.domain.money import format_money
from hrdesk.core.domain.payroll.items import PayCategory
from hrdesk.core.errors import HRDeskError, ValidationError
from hrdesk.core.services import employees, payroll_imports, payroll_inputs
from hrdesk.core.services.payroll_inputs import (
    ADDITIONAL_CODES,
    MONTHLY_ADDITIONAL_CODES,
    OPENING_FIELDS,
    Declaration,
    ItemType,
    Person,
    TaxProfile,
    additional_label,
)
from hrdesk.ui.messages import ERROR_STYLE, show_error, show_field_errors
from hrdesk.ui.models.rows_model import Row, RowsModel, setup_table
from hrdesk.ui.runner import Reloader
from hrdesk.ui.session import AppSession
from hrdesk.ui.styles import GREEN, GREY, HINT_STYLE, NOTICE_STYLE, ORANGE
from hrdesk.ui.widgets.employee_lookup import EmployeeLookup

LOCK_BANNER_STYLE = ("QLabel { background: #fef7e0; color: #7a4f01; border: 1px solid #f9d67a; border-radius: 4px;"
                     " padding: 6px 10px; }")
BUSY_STYLE = "color: #1a56c4;"
MONTH_DISPLAY = "yyyy年MM月"
DEDUCTING = (PayCategory.PRE_TAX_DEDUCTION, PayCategory.AFTER_TAX_DEDUCTION)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PayrollInputsPage", text)


def source_label(source: str) -> str:
    return {"manual": _tr("手工录入"), "import": _tr("Excel导入"), "allowance": _tr("固定津贴"),
            "settlement": _tr("离职结算"), "adjustment": _tr("更正调整")}.get(source, source)


def month_text(month: date) -> str:
    return _tr("{0}年{1}月").format(month.year, month.month)


def _money(value: Decimal | None) -> str:
    return format_money(value) if value else ""


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(HINT_STYLE)
    label.setWordWrap(True)
    return label


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setVisible(False)
    return label


def _button(text: str, name: str, slot) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


class MonthEdit(QDateEdit):
    """A month: shown as 2026年03月, the arrows step by month."""

    def __init__(self, month: date, parent=None):
        super().__init__(parent)
        self.setDisplayFormat(MONTH_DISPLAY)
        self.setCalendarPopup(False)
        self.setMinimumDate(QDate(2000, 1, 1))
        self.setMaximumDate(QDate(2100, 12, 1))
        self.set_month(month)
        self.setCurrentSection(QDateTimeEdit.Section.MonthSection)
        self.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)

    def month(self) -> date:
        value = self.date()
        return date(value.year(), value.month(), 1)

    def set_month(self, month: date) -> None:
        self.setDate(QDate(month.year, month.month, 1))

    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt)
        self.setCurrentSection(QDateTimeEdit.Section.MonthSection)
        super().stepBy(steps)


def _shift(month: date, months: int) -> date:
    index = month.year * 12 + month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


class FilteredTable:
    """A RowsModel behind a text filter (工号 or 姓名) in a QTableView."""

    def __init__(self, name: str, headers: list[str], widths: list[int], stretch: int | None = None):
        self.model = RowsModel(headers)
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.view = QTableView()
        self.view.setObjectName(name)
        setup_table(self.view, self.proxy, widths, stretch=stretch)
        self.filter = QLineEdit()
        self.filter.setObjectName(f"{name}_filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(_tr("按工号或姓名筛选"))
        self.filter.setMaximumWidth(220)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)

    def current_key(self):
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.key(self.proxy.mapToSource(index).row())

    def select_key(self, key) -> None:
        row = self.model.row_of(key)
        if row >= 0:
            self.view.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, 0)))

    def key_at(self, proxy_index):
        return self.model.key(self.proxy.mapToSource(proxy_index).row())


# --- import support ----------------------------------------------------------------------------------


class ImportErrorsDialog(QDialog):
    """The rows an import refused, in a list the user can read and copy."""

    def __init__(self, error: ValidationError, parent=None):
        super().__init__(parent)
        self.setObjectName("import_errors")
        self.setWindowTitle(self.tr("导入未完成"))
        head, _, rest = str(error).partition("\n")
        self.summary = QLabel(head)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        self.details = QPlainTextEdit(rest)
        self.details.setObjectName("details")
        self.details.setReadOnly(True)
        self.details.setVisible(bool(rest))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(_hint(self.tr("行号是 Excel 中的行号。改正后可以重新导入同一个文件；没有任何数据被导入。")))
        layout.addWidget(buttons)
        self.resize(560, 380 if rest else 160)


class InputTab(QWidget):
    """What the tabs share: the period, a status line, background loading and Excel imports."""

    loaded = Signal()
    imported = Signal(object)  # ImportResult
    import_failed = Signal(object)  # the exception

    import_kind = ""

    def __init__(self, session: AppSession, page: "PayrollInputsPage"):
        super().__init__()
        self.session = session
        self.page = page
        self.month: date | None = None
        self.locked = False
        self.errors_dialog: ImportErrorsDialog | None = None
        self._busy = False
        self.loaded_key = None  # what the tab shows now (see _shown_key)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.loader = Reloader(session.runner, self, self._prepare, self._loaded, self._load_failed)

    # loading

    def set_period(self, month: date, locked: bool) -> None:
        self.month, self.locked = month, locked
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        if self.month is not None:
            self.loader.reload()

    def _shown_key(self):
        """What the loaded data is for; a load for something else by now is dropped."""
        return self.month

    def _prepare(self):
        key, load = self._shown_key(), self._prepare_load()
        return lambda: (key, load())

    def _prepare_load(self):
        raise NotImplementedError

    def _apply(self, data) -> None:
        raise NotImplementedError

    def _loaded(self, result) -> None:
        key, data = result
        if key != self._shown_key():
            return  # the period changed meanwhile; the load for the new one follows
        self._apply(data)
        self.loaded_key = key
        self._update_buttons()
        self.loaded.emit()

    def _load_failed(self, exc: BaseException) -> None:
        self._say(ERROR_STYLE, self.tr("加载失败：{0}").format(exc))
        if not isinstance(exc, HRDeskError):
            show_error(self, exc)

    def _update_buttons(self) -> None:
        pass

    def _say(self, style: str, text: str) -> None:
        self.status.setStyleSheet(style)
        self.status.setText(text)

    # Excel

    def choose_import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择要导入的 Excel 文件"), "",
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.import_file(path)

    def choose_template_path(self) -> None:
        name = payroll_imports.template_file_name(self.import_kind)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存导入模板"), name, self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.save_template(path)

    def template_items(self) -> list[str]:
        return []

    def save_template(self, path: str) -> Path | None:
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        try:
            saved = payroll_imports.write_template(self.import_kind, path, item_names=self.template_items())
        except HRDeskError as exc:
            show_error(self, exc)
            return None
        self._say(NOTICE_STYLE, self.tr("模板已保存到 {0}。填好后点“导入 Excel”。").format(saved))
        return saved

    def import_file(self, path: str) -> None:
        raise NotImplementedError

    def _run_import(self, path: str, call) -> None:
        self._say(BUSY_STYLE, self.tr("正在检查并导入“{0}”…").format(Path(path).name))
        self._importing(True)

        def done(result: payroll_imports.ImportResult):
            self._importing(False)
            self._say(NOTICE_STYLE, result.message + self.tr("。"))
            self.reload()
            self.imported.emit(result)

        def failed(exc: BaseException):
            self._importing(False)
            if isinstance(exc, ValidationError):
                self._say(ERROR_STYLE, self.tr("没有导入：{0}").format(str(exc).partition("\n")[0]))
                self.errors_dialog = ImportErrorsDialog(exc, self)
                self.errors_dialog.open()
            else:
                self._say(ERROR_STYLE, self.tr("没有导入。"))
                self.import_failed.emit(exc)
                show_error(self, exc)
                return
            self.import_failed.emit(exc)

        self.session.runner.submit(call, done, failed, owner=self)

    def _importing(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()


# --- 本月项目 ----------------------------------------------------------------------------------------


def entry_row(e: payroll_inputs.Entry) -> Row:
    deducted = e.category in DEDUCTING
    amount = ("-" if deducted else "") + format_money(e.amount)
    state = _tr("已锁定") if e.locked else ""
    colors = {6: ORANGE} if e.locked else {}
    if deducted:
        colors[4] = ORANGE
    return Row((e.emp_no, e.employee_name, e.item_name, e.category.label, amount, e.note, state,
                source_label(e.source), e.created_by),
               key=e.id, colors=colors, right=(4,),
               tooltips={6: _tr("来自离职结算，只能在结算中更改")} if e.locked else {})


class EntriesTab(InputTab):
    import_kind = payroll_imports.ENTRIES

    def __init__(self, session: AppSession, page: "PayrollInputsPage"):
        super().__init__(session, page)
        self.setObjectName("entries_tab")
        self.entries: list[payroll_inputs.Entry] = []
        self.table = FilteredTable("entries_table", [
            self.tr("工号"), self.tr("姓名"), self.tr("工资项目"), self.tr("类别"), self.tr("金额（元）"), self.tr("备注"),
            self.tr("状态"), self.tr("来源"), self.tr("录入人")], [90, 80, 120, 150, 100, 220, 60, 80, 80], stretch=5)
        self.table.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.add_button = _button(self.tr("添加…"), "add_entry", self.open_add_dialog)
        self.delete_button = _button(self.tr("删除"), "delete_entry", self.delete_current)
        self.import_button = _button(self.tr("导入 Excel…"), "import_entries", self.choose_import_file)
        self.template_button = _button(self.tr("下载模板…"), "entries_template", self.choose_template_path)
        self.totals = QLabel()
        self.totals.setObjectName("totals")
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.add_button)
        toolbar.addWidget(self.delete_button)
        toolbar.addSpacing(16)
        toolbar.addWidget(self.import_button)
        toolbar.addWidget(self.template_button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.table.filter)
        layout = QVBoxLayout(self)
        layout.addWidget(_hint(self.tr("本月一次性的奖金、扣款、报销等。扣款也按正数录入，系统按项目类别扣除。"
                                       "固定每月发放的津贴请在“固定津贴”中设置。")))
        layout.addLayout(toolbar)
        layout.addWidget(self.table.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.totals)
        layout.addLayout(bottom)

    def _prepare_load(self):
        ctx, month = self.session.ctx, self.month
        return lambda: payroll_inputs.entries(ctx, month)

    def _apply(self, entries) -> None:
        keep = self.table.current_key()
        self.entries = entries
        self.table.model.set_rows([entry_row(e) for e in entries])
        if keep is not None:
            self.table.select_key(keep)
        added = sum((e.amount for e in entries if e.category not in DEDUCTING), Decimal(0))
        deducted = sum((e.amount for e in entries if e.category in DEDUCTING), Decimal(0))
        self.totals.setText(self.tr("共 {0} 条　发放 {1} 元　扣款 {2} 元").format(
            len(entries), format_money(added), format_money(deducted)))

    def current_entry(self) -> payroll_inputs.Entry | None:
        key = self.table.current_key()
        return next((e for e in self.entries if e.id == key), None)

    def _update_buttons(self) -> None:
        open_month = self.month is not None and not self.locked and not self._busy
        entry = self.current_entry()
        self.add_button.setEnabled(open_month)
        self.import_button.setEnabled(open_month)
        self.delete_button.setEnabled(open_month and entry is not None and not entry.locked)
        self.delete_button.setToolTip(self.tr("来自离职结算的记录已锁定，只能在结算中更改")
                                      if entry is not None and entry.locked else "")

    def template_items(self) -> list[str]:
        return [t.name for t in self.page.item_types]

    def open_add_dialog(self) -> "EntryDialog":
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
                self, self.tr("删除工资项目"), self.tr("删除 {0} {1} 的“{2}” {3} 元吗？").format(
                    entry.emp_no, entry.employee_name, entry.item_name, format_money(entry.amount)))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            payroll_inputs.delete_entry(self.session.ctx, entry.id)
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
                earlier = payroll_imports.imported_entry_count(ctx, month)
            except HRDeskError as exc:
                show_error(self, exc)
                return
            replace = False
            if earlier:
                box = QMessageBox(QMessageBox.Icon.Question, self.tr("导入工资项目"), self.tr(
                    "{0}已有 {1} 条之前从 Excel 导入的记录。\n\n"
                    "替换：先删除这些记录再导入（改正后重新导入同一张表时选这个）；\n"
                    "追加：保留它们，再导入这个文件。").format(month_text(month), earlier), parent=self)
                replace_button = box.addButton(self.tr("替换"), QMessageBox.ButtonRole.AcceptRole)
                add_button = box.addButton(self.tr("追加"), QMessageBox.ButtonRole.AcceptRole)
                box.addButton(QMessageBox.StandardButton.Cancel)
                box.exec()
                if box.clickedButton() not in (replace_button, add_button):
                    return
                replace = box.clickedButton() is replace_button
        self._run_import(path, lambda: payroll_imports.import_entries(ctx, month, path, replace_imported=replace))


class EntryDialog(QDialog):
    """添加工资项目: one one-off amount for one employee in the month."""

    saved = Signal(int)

    def __init__(self, session: AppSession, month: date, item_types: list[ItemType], parent=None):
        super().__init__(parent)
        self.session = session
        self.month = month
        self.setObjectName("entry_dialog")
        self.setWindowTitle(self.tr("添加工资项目 - {0}").format(month_text(month)))
        self.types = {t.code: t for t in item_types}
        self.employee = QLineEdit()
        self.employee.setObjectName("employee")
        self.employee.setPlaceholderText(self.tr("输入工号或姓名查找"))
        self.lookup = EmployeeLookup(self.employee, lambda text: employees.search(session.ctx, text), self)
        self.item = QComboBox()
        self.item.setObjectName("item")
        for t in item_types:
            self.item.addItem(self.tr("{0}（{1}）").format(t.name, t.category.label), t.code)
        self.item.currentIndexChanged.connect(lambda *_: self._item_changed())
        self.amount = QLineEdit()
        self.amount.setObjectName("amount")
        self.amount.setPlaceholderText(self.tr("如 1500.00"))
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setMaxLength(200)
        self.note.setPlaceholderText(self.tr("选填，如“一季度绩效”"))
        self.item_hint = _hint("")
        self.banner = _error_label()
        self.error_labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for key, label, widget in (("employee", self.tr("员工 *"), self.employee), ("item", self.tr("工资项目 *"), self.item),
                                   ("amount", self.tr("金额（元）*"), self.amount), ("note", self.tr("备注"), self.note)):
            form.addRow(label, widget)
            if key == "item":
                form.addRow("", self.item_hint)
            error = _error_label()
            form.addRow("", error)
            self.error_labels[key] = error
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._item_changed()
        self.resize(480, self.sizeHint().height())

    def _item_changed(self) -> None:
        t = self.types.get(self.item.currentData())
        if t is None:
            self.item_hint.setText("")
        elif t.category in DEDUCTING:
            self.item_hint.setText(self.tr("扣款项目：金额填正数，从{0}中扣除。").format(
                self.tr("应税收入") if t.category is PayCategory.PRE_TAX_DEDUCTION else self.tr("税后实发工资")))
        elif t.category is PayCategory.REIMBURSEMENT:
            self.item_hint.setText(self.tr("报销随工资发放，不计入收入、不计税。"))
        elif t.category is PayCategory.ANNUAL_BONUS:
            self.item_hint.setText(self.tr("全年一次性奖金：员工选择单独计税的，按月度税率表单独计算。"))
        elif t.category is PayCategory.SEVERANCE:
            self.item_hint.setText(self.tr("解除劳动合同补偿金：当地上年平均工资3倍以内免税，超过部分单独计税。"))
        else:
            self.item_hint.setText(self.tr("计入应发工资，{0}。").format(self.tr("计税") if t.taxable else self.tr("不计税")))

    def select_employee(self, employee_id: int, label: str) -> None:
        self.lookup.set_selected(employee_id, label)

    def employee_id(self) -> int | None:
        """The chosen employee; a 工号 typed in full counts too."""
        if not self.lookup.text_is_unresolved():
            return self.lookup.selected_id
        text = self.employee.text().strip()
        try:
            return employees.id_by_emp_no(self.session.ctx, text)
        except HRDeskError:
            return None

    def save(self) -> bool:
        errors = {}
        employee_id = self.employee_id()
        if employee_id is None:
            errors["employee"] = self.tr("请输入工号，或输入姓名后从下拉列表中选择员工")
        if self.item.currentData() is None:
            errors["item"] = self.tr("请选择工资项目")
        if errors:
            self._show(errors)
            return False
        try:
            entry_id = payroll_inputs.add_entry(self.session.ctx, self.month, employee_id, self.item.currentData(),
                                                self.amount.text(), self.note.text())
        except ValidationError as exc:
            self._show(exc.errors)
            return False
        except HRDeskError as exc:
            show_error(self, exc)
            return False
        self.saved.emit(entry_id)
        self.accept()
        return True

    def _show(self, errors: dict[str, str]) -> None:
        leftovers = show_field_errors(self.error_labels, errors)
        self.banner.setText("；".join(leftovers))
        self.banner.setVisible(bool(leftovers))

    def current_errors(self) -> dict[str, str]:
        return {k: label.text() for k, label in self.error_labels.items() if not label.isHidden() and label.text()}


# --- 固定津贴 ----------------------------------------------------------------------------------------


class AllowancesTab(InputTab):
    def __init__(self, session: AppSession, page: "PayrollInputsPage"):
        super().__init__(session, page)
        self.setObjectName("allowances_tab")
        self.employee_id: int | None = None
        self.allowances: list[payroll_inputs.Allowance] = []
        self.employee = QLineEdit()
        self.employee.setObjectName("allowance_employee")
        self.employee.setPlaceholderText(self.tr("输入工号或姓名查找员工"))
        self.employee.setMinimumWidth(300)
        self.lookup = EmployeeLookup(self.employee, lambda text: employees.search(session.ctx, text), self)
        self.lookup.selection_changed.connect(self.show_employee)

        self.model = RowsModel([self.tr("工资项目"), self.tr("每月金额（元）"), self.tr("起始月份"), self.tr("截止月份"),
                                self.tr("状态")], self)
        self.table = QTableView()
        self.table.setObjectName("allowances_table")
        setup_table(self.table, self.model, [160, 120, 100, 100, 120], stretch=4)

        self.item = QComboBox()
        self.item.setObjectName("allowance_item")
        self.item.setMinimumWidth(160)
        self.amount = QLineEdit()
        self.amount.setObjectName("allowance_amount")
        self.amount.setPlaceholderText(self.tr("如 500.00"))
        self.from_month = MonthEdit(date.today().replace(day=1))
        self.from_month.setObjectName("allowance_from")
        self.has_end = QCheckBox(self.tr("截止到"))
        self.has_end.setObjectName("allowance_has_end")
        self.to_month = MonthEdit(date.today().replace(day=1))
        self.to_month.setObjectName("allowance_to")
        self.to_month.setEnabled(False)
        self.has_end.toggled.connect(self.to_month.setEnabled)
        self.save_button = _button(self.tr("保存"), "save_allowance", self.save)
        self.error_labels = {key: _error_label() for key in ("item", "amount", "from_month", "to_month")}

        self.form_box = QGroupBox(self.tr("设置固定津贴"))
        grid = QGridLayout(self.form_box)
        grid.addWidget(QLabel(self.tr("工资项目")), 0, 0)
        grid.addWidget(self.item, 0, 1)
        grid.addWidget(QLabel(self.tr("每月金额（元）")), 0, 2)
        grid.addWidget(self.amount, 0, 3)
        grid.addWidget(QLabel(self.tr("起始月份")), 0, 4)
        grid.addWidget(self.from_month, 0, 5)
        grid.addWidget(self.has_end, 0, 6)
        grid.addWidget(self.to_month, 0, 7)
        grid.addWidget(self.save_button, 0, 8)
        for column, key in ((1, "item"), (3, "amount"), (5, "from_month"), (7, "to_month")):
            grid.addWidget(self.error_labels[key], 1, column - 1, 1, 2)
        grid.addWidget(_hint(self.tr("从起始月份起每月发放。同一项目再次设置时，原来的设置在新起始月份的前一个月结束，"
                                     "历史记录保留。")), 2, 0, 1, 9)
        grid.setColumnStretch(9, 1)

        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("员工")))
        chooser.addWidget(self.employee)
        self.employee_label = QLabel()
        self.employee_label.setObjectName("allowance_employee_label")
        chooser.addWidget(self.employee_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.form_box)
        layout.addWidget(self.status)

    def set_item_types(self, types: list[ItemType]) -> None:
        current = self.item.currentData()
        self.item.clear()
        earning = [t for t in types if t.category is PayCategory.EARNING]
        for t in sorted(earning, key=lambda t: not t.recurring):
            self.item.addItem(t.name if t.taxable else self.tr("{0}（不计税）").format(t.name), t.code)
        self.item.setCurrentIndex(max(0, self.item.findData(current)))

    def set_period(self, month: date, locked: bool) -> None:
        self.from_month.set_month(month)
        self.to_month.set_month(month)
        super().set_period(month, locked)

    def show_employee(self, employee_id: int | None) -> None:
        self.employee_id = employee_id
        self.reload()

    def select_employee(self, employee_id: int, label: str) -> None:
        self.lookup.set_selected(employee_id, label)
        self.show_employee(employee_id)

    def _shown_key(self):
        return self.month, self.employee_id

    def _prepare_load(self):
        ctx, employee_id = self.session.ctx, self.employee_id
        return lambda: payroll_inputs.allowances(ctx, employee_id) if employee_id is not None else []

    def _apply(self, allowances) -> None:
        self.allowances = allowances
        month = self.month
        rows = []
        for a in allowances:
            if a.from_month > month:
                state, color = self.tr("未开始"), GREY
            elif a.to_month is not None and a.to_month < month:
                state, color = self.tr("已结束"), GREY
            else:
                state, color = self.tr("本月发放"), GREEN
            rows.append(Row((a.item_name, format_money(a.amount), a.from_month.strftime("%Y-%m"),
                             a.to_month.strftime("%Y-%m") if a.to_month else self.tr("长期"), state),
                            key=a.id, colors={4: color} if color is GREEN else {-1: color}, right=(1,)))
        self.model.set_rows(rows)
        if self.employee_id is None:
            self.employee_label.setText(self.tr("选择员工后显示和设置其固定津贴。"))
        else:
            total = sum((a.amount for a in allowances if a.from_month <= month
                         and (a.to_month is None or a.to_month >= month)), Decimal(0))
            self.employee_label.setText(self.tr("{0}固定津贴合计 {1} 元").format(month_text(month), format_money(total)))
        self.employee_label.setStyleSheet(HINT_STYLE)

    def _update_buttons(self) -> None:
        editable = self.employee_id is not None and not self.locked and not self._busy
        self.form_box.setEnabled(editable)

    def save(self) -> bool:
        if self.employee_id is None:
            return False
        to_month = self.to_month.month() if self.has_end.isChecked() else None
        try:
            saved = payroll_inputs.set_allowance(self.session.ctx, self.employee_id, self.item.currentData() or "",
                                                 self.amount.text(), self.from_month.month(), to_month)
        except ValidationError as exc:
            leftovers = show_field_errors(self.error_labels, exc.errors)
            if leftovers:
                self._say(ERROR_STYLE, "；".join(leftovers))
            return False
        except HRDeskError as exc:
            show_error(self, exc)
            return False
        show_field_errors(self.error_labels, {})
        self.amount.clear()
        self._say(NOTICE_STYLE, self.tr("已保存：{0}自 {1} 起每月 {2} 元。").format(
            saved.item_name, saved.from_month.strftime("%Y-%m"), format_money(saved.amount)))
        self.reload()
        return True


# --- 专项附加扣除 -------------------------------------------------------------------------------------


class DeductionsTab(InputTab):
    import_kind = payroll_imports.DEDUCTIONS

    def __init__(self, session: AppSession, page: "PayrollInputsPage"):
        super().__init__(session, page)
        self.setObjectName("deductions_tab")
        self.rows: dict[int, tuple[Person, Declaration | None]] = {}
        self.limits: dict[str, Decimal] = {}
        headers = [self.tr("工号"), self.tr("姓名"), self.tr("部门")] + [
            additional_label(c) for c in MONTHLY_ADDITIONAL_CODES] + [self.tr("每月合计"), self.tr("申报起始")]
        self.table = FilteredTable("deductions_table", headers,
                                   [90, 80, 120, 80, 130, 80, 80, 100, 80, 90, 90], stretch=2)
        self.table.view.doubleClicked.connect(lambda index: self.open_editor(self.table.key_at(index)))
        self.table.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.edit_button = _button(self.tr("编辑…"), "edit_declaration", lambda: self.open_editor())
        self.import_button = _button(self.tr("导入 Excel…"), "import_deductions", self.choose_import_file)
        self.template_button = _button(self.tr("下载模板…"), "deductions_template", self.choose_template_path)
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.edit_button)
        toolbar.addSpacing(16)
        toolbar.addWidget(self.import_button)
        toolbar.addWidget(self.template_button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.table.filter)
        layout = QVBoxLayout(self)
        self.intro = _hint("")
        layout.addWidget(self.intro)
        layout.addLayout(toolbar)
        layout.addWidget(self.table.view, 1)
        layout.addWidget(self.status)

    def _prepare_load(self):
        ctx, month = self.session.ctx, self.month
        return lambda: (payroll_inputs.declarations(ctx, month), payroll_inputs.deduction_limits(ctx, month))

    def _apply(self, data) -> None:
        listed, self.limits = data
        keep = self.table.current_key()
        self.rows = {p.id: (p, d) for p, d in listed}
        rows = []
        for person, d in listed:
            amounts = [_money(d.amounts.get(c)) if d else "" for c in MONTHLY_ADDITIONAL_CODES]
            rows.append(Row((person.emp_no, person.name, person.department, *amounts,
                             format_money(d.monthly_total) if d else "", d.month.strftime("%Y-%m") if d else ""),
                            key=person.id, right=tuple(range(3, 10)), colors={-1: GREY} if person.separated else {}))
        self.table.model.set_rows(rows)
        if keep is not None:
            self.table.select_key(keep)
        declared = sum(1 for _, d in listed if d is not None and d.monthly_total)
        self.intro.setText(self.tr("{0}适用的每月专项附加扣除（本年度最近一次申报）。{1} 名员工中 {2} 名有扣除。"
                                   "双击一行修改；修改从本月起生效，直到本年度的下一次申报。").format(
            month_text(self.month), len(listed), declared))

    def _update_buttons(self) -> None:
        editable = self.month is not None and not self.locked and not self._busy
        self.edit_button.setEnabled(editable and self.table.current_key() is not None)
        self.import_button.setEnabled(editable)

    def open_editor(self, employee_id: int | None = None) -> "DeclarationDialog | None":
        employee_id = employee_id if employee_id is not None else self.table.current_key()
        if employee_id is None or employee_id not in self.rows or self.locked:
            return None
        person, declaration = self.rows[employee_id]
        dialog = DeclarationDialog(self.session, person, self.month, declaration, self.limits, self)
        dialog.saved.connect(lambda: (self._say(NOTICE_STYLE, self.tr("已保存 {0} 的专项附加扣除。").format(person.name)),
                                      self.reload()))
        dialog.open()
        return dialog

    def import_file(self, path: str) -> None:
        ctx, month = self.session.ctx, self.month
        self._run_import(path, lambda: payroll_imports.import_special_deductions(ctx, month, path))


def limit_hint(code: str, limits: dict[str, Decimal]) -> str:
    limit = limits.get(code)
    if code == "serious_illness":
        return _tr("年度汇算时扣除，每月预扣不用")
    if limit is None:
        return ""
    if code == "child_education":
        return _tr("每名子女每月 {0}").format(format_money(limit))
    if code == "infant_care":
        return _tr("每名婴幼儿每月 {0}").format(format_money(limit))
    return _tr("每月最多 {0}").format(format_money(limit))


class DeclarationDialog(QDialog):
    """One employee's monthly special additional deductions from the month on."""

    saved = Signal()

    def __init__(self, session: AppSession, person: Person, month: date, declaration: Declaration | None,
                 limits: dict[str, Decimal], parent=None):
        super().__init__(parent)
        self.session = session
        self.person = person
        self.month = month
        self.limits = limits
        self.setObjectName("declaration_dialog")
        self.setWindowTitle(self.tr("专项附加扣除 - {0} {1}").format(person.emp_no, person.name))
        if declaration is None:
            note = self.tr("自{0}起每月扣除，直到本年度的下一次申报。没有的项目留空。").format(month_text(month))
        elif declaration.month == month:
            note = self.tr("修改{0}起的申报。没有的项目留空。").format(month_text(month))
        else:
            note = self.tr("现在适用的是{0}起的申报；保存后自{1}起按新金额扣除，之前的月份不变。").format(
                month_text(declaration.month), month_text(month))
        self.fields: dict[str, QLineEdit] = {}
        self.error_labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for code in ADDITIONAL_CODES:
            edit = QLineEdit()
            edit.setObjectName(code)
            edit.setPlaceholderText(limit_hint(code, limits))
            value = declaration.amounts.get(code) if declaration else None
            edit.setText(str(value) if value else "")
            unit = self.tr("（元，年度汇算）") if code == "serious_illness" else self.tr("（元/月）")
            form.addRow(additional_label(code) + unit, edit)
            error = _error_label()
            form.addRow("", error)
            self.fields[code] = edit
            self.error_labels[code] = error
        self.banner = _error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(_hint(note))
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())

    def save(self) -> bool:
        amounts = {code: edit.text() for code, edit in self.fields.items()}
        try:
            payroll_inputs.set_special_deduction(self.session.ctx, self.person.id, self.month, amounts, self.limits)
        except ValidationError as exc:
            leftovers = show_field_errors(self.error_labels, exc.errors)
            self.banner.setText("；".join(leftovers))
            self.banner.setVisible(bool(leftovers))
            return False
        except HRDeskError as exc:
            show_error(self, exc)
            return False
        self.saved.emit()
        self.accept()
        return True


# --- 年初累计数 ---------------------------------------------------------------------------------------

OPENING_LABELS = {"opening_income": "累计收入", "opening_tax_free": "累计免税收入", "opening_special": "累计专项扣除",
                  "opening_additional": "累计专项附加扣除", "opening_other": "累计其他扣除",
                  "opening_tax": "累计已预扣税额"}


def _yes(flag: bool) -> str:
    return _tr("是") if flag else ""


class OpeningTab(InputTab):
    import_kind = payroll_imports.OPENING

    def __init__(self, session: AppSession, page: "PayrollInputsPage"):
        super().__init__(session, page)
        self.setObjectName("opening_tab")
        self.year: int | None = None
        self.rows: dict[int, tuple[Person, TaxProfile, bool]] = {}
        headers = [self.tr("工号"), self.tr("姓名"), self.tr("部门"), self.tr("上年≤6万"), self.tr("1月起扣减除费用"),
                   self.tr("年终奖单独计税"), self.tr("已发薪月数")] + [_tr(OPENING_LABELS[f]) for f in OPENING_FIELDS]
        self.table = FilteredTable("opening_table", headers,
                                   [80, 70, 90, 70, 110, 100, 80, 95, 95, 95, 112, 95, 105])
        self.table.view.doubleClicked.connect(lambda index: self.open_editor(self.table.key_at(index)))
        self.table.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.edit_button = _button(self.tr("编辑…"), "edit_profile", lambda: self.open_editor())
        self.import_button = _button(self.tr("导入 Excel…"), "import_opening", self.choose_import_file)
        self.template_button = _button(self.tr("下载模板…"), "opening_template", self.choose_template_path)
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.edit_button)
        toolbar.addSpacing(16)
        toolbar.addWidget(self.import_button)
        toolbar.addWidget(self.template_button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.table.filter)
        self.intro = _hint("")
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(toolbar)
        layout.addWidget(self.table.view, 1)
        layout.addWidget(self.status)

    def set_period(self, month: date, locked: bool) -> None:
        year_changed = self.year != month.year
        self.year = month.year
        self.month, self.locked = month, locked  # the year's options are not locked with one month
        self._update_buttons()
        if year_changed:
            self.reload()

    def _shown_key(self):
        return self.year

    def _prepare_load(self):
        ctx, year = self.session.ctx, self.year
        return lambda: payroll_inputs.tax_profiles(ctx, year)

    def _apply(self, listed) -> None:
        keep = self.table.current_key()
        self.rows = {p.id: (p, profile, saved) for p, profile, saved in listed}
        rows = []
        for person, profile, saved in listed:
            figures = [_money(getattr(profile, f)) for f in OPENING_FIELDS]
            rows.append(Row((person.emp_no, person.name, person.department, _yes(profile.low_income),
                             _yes(profile.basic_from_january), _yes(profile.bonus_separately),
                             str(profile.opening_months) if profile.opening_months else "", *figures),
                            key=person.id, right=tuple(range(6, 13)),
                            colors={-1: GREY} if person.separated else {},
                            tooltips={} if saved else {1: self.tr("未设置，按默认选项")}))
        self.table.model.set_rows(rows)
        if keep is not None:
            self.table.select_key(keep)
        with_opening = sum(1 for _, p, _s in listed if p.opening_months)
        self.intro.setText(self.tr(
            "{0}年度每名员工的个税选项，以及本公司开始使用 HRDesk 前本年度已发工资的累计数（{1} 名员工已填写）。"
            "年中开始使用时请录入或导入，否则累计预扣从零开始。").format(self.year, with_opening))

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(not self._busy and self.table.current_key() is not None)
        self.import_button.setEnabled(not self._busy and self.year is not None)

    def open_editor(self, employee_id: int | None = None) -> "ProfileDialog | None":
        employee_id = employee_id if employee_id is not None else self.table.current_key()
        if employee_id is None or employee_id not in self.rows:
            return None
        person, profile, _saved = self.rows[employee_id]
        dialog = ProfileDialog(self.session, person, profile, self)
        dialog.saved.connect(lambda: (self._say(NOTICE_STYLE, self.tr("已保存 {0} 的个税选项和年初累计数。").format(
            person.name)), self.reload()))
        dialog.open()
        return dialog

    def import_file(self, path: str) -> None:
        ctx, year = self.session.ctx, self.year
        self._run_import(path, lambda: payroll_imports.import_opening_figures(ctx, year, path))


class ProfileDialog(QDialog):
    """An employee's tax options for a year and the figures before HRDesk."""

    saved = Signal()

    def __init__(self, session: AppSession, person: Person, profile: TaxProfile, parent=None):
        super().__init__(parent)
        self.session = session
        self.person = person
        self.profile = profile
        self.setObjectName("profile_dialog")
        self.setWindowTitle(self.tr("{0}年度个税选项 - {1} {2}").format(profile.year, person.emp_no, person.name))
        self.low_income = QCheckBox(self.tr("上一年度在本单位的工资薪金不超过6万元（全年减除费用6万元，自1月起扣除）"))
        self.low_income.setObjectName("low_income")
        self.low_income.setChecked(profile.low_income)
        self.basic_from_january = QCheckBox(self.tr("本年度入职前没有工资收入（减除费用从1月起累计）"))
        self.basic_from_january.setObjectName("basic_from_january")
        self.basic_from_january.setChecked(profile.basic_from_january)
        self.bonus_separately = QCheckBox(self.tr("全年一次性奖金单独计税"))
        self.bonus_separately.setObjectName("bonus_separately")
        self.bonus_separately.setChecked(profile.bonus_separately)
        options = QGroupBox(self.tr("个税选项"))
        options_layout = QVBoxLayout(options)
        for box in (self.low_income, self.basic_from_january, self.bonus_separately):
            options_layout.addWidget(box)

        self.opening_months = QSpinBox()
        self.opening_months.setObjectName("opening_months")
        self.opening_months.setRange(0, 11)
        self.opening_months.setValue(profile.opening_months)
        self.opening_months.setSuffix(self.tr(" 个月"))
        self.fields: dict[str, QLineEdit] = {}
        self.error_labels: dict[str, QLabel] = {"opening_months": _error_label()}
        figures = QGroupBox(self.tr("年初累计数（使用 HRDesk 之前本年度的数字）"))
        form = QFormLayout(figures)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("已发薪月数"), self.opening_months)
        form.addRow("", self.error_labels["opening_months"])
        for name in OPENING_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(name)
            value = getattr(profile, name)
            edit.setText(str(value) if value else "")
            edit.setPlaceholderText("0.00")
            form.addRow(self.tr("{0}（元）").format(_tr(OPENING_LABELS[name])), edit)
            error = _error_label()
            form.addRow("", error)
            self.fields[name] = edit
            self.error_labels[name] = error
        self.banner = _error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows when messages appear
        layout.addWidget(options)
        layout.addWidget(figures)
        layout.addWidget(_hint(self.tr("可从自然人电子税务局（扣缴端）导出本年度的累计数。没有时全部留空、月数填0。")))
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def save(self) -> bool:
        values = {name: edit.text().strip() or Decimal(0) for name, edit in self.fields.items()}
        profile = TaxProfile(self.person.id, self.profile.year, self.low_income.isChecked(),
                             self.bonus_separately.isChecked(), self.basic_from_january.isChecked(),
                             self.opening_months.value(), **values)
        try:
            payroll_inputs.save_tax_profile(self.session.ctx, profile)
        except ValidationError as exc:
            leftovers = show_field_errors(self.error_labels, exc.errors)
            self.banner.setText("；".join(leftovers))
            self.banner.setVisible(bool(leftovers))
            return False
        except HRDeskError as exc:
            show_error(self, exc)
            return False
        self.saved.emit()
        self.accept()
        return True


# --- the page -----------------------------------------------------------------------------------------


class PayrollInputsPage(QWidget):
    period_changed = Signal()  # the month (and whether it is locked) reached the tabs

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("payroll_inputs_page")
        self.item_types: list[ItemType] = []
        self.locked = False
        today = session.ctx.clock.today()
        self.month = date(today.year, today.month, 1)
        self._generation = 0

        self.month_edit = MonthEdit(self.month)
        self.month_edit.setObjectName("month")
        self.month_edit.dateChanged.connect(lambda *_: self._month_edited())
        self.previous_button = _button(self.tr("‹ 上月"), "previous_month", lambda: self.set_month(_shift(self.month, -1)))
        self.next_button = _button(self.tr("下月 ›"), "next_month", lambda: self.set_month(_shift(self.month, 1)))
        self.lock_banner = QLabel()
        self.lock_banner.setObjectName("lock_banner")
        self.lock_banner.setStyleSheet(LOCK_BANNER_STYLE)
        self.lock_banner.setWordWrap(True)
        self.lock_banner.setVisible(False)
        title = QLabel(self.tr("工资月份"))
        title.setStyleSheet("font-weight: bold;")
        header = QHBoxLayout()
        header.addWidget(title)
        header.addWidget(self.previous_button)
        header.addWidget(self.month_edit)
        header.addWidget(self.next_button)
        header.addStretch(1)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.entries = EntriesTab(session, self)
        self.allowances = AllowancesTab(session, self)
        self.deductions = DeductionsTab(session, self)
        self.opening = OpeningTab(session, self)
        self.tabs.addTab(self.entries, self.tr("本月项目"))
        self.tabs.addTab(self.allowances, self.tr("固定津贴"))
        self.tabs.addTab(self.deductions, self.tr("专项附加扣除"))
        self.tabs.addTab(self.opening, self.tr("年初累计数"))

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.lock_banner)
        layout.addWidget(self.tabs, 1)
        session.signals.changed.connect(self._on_changes)
        # item types first: the first read installs the defaults, which must not race the tabs' loads
        self._load_item_types(then=lambda: self.set_month(self.month, force=True))

    def tab_list(self) -> list[InputTab]:
        return [self.entries, self.allowances, self.deductions, self.opening]

    # the month

    def _month_edited(self) -> None:
        month = self.month_edit.month()
        if month != self.month:
            self.set_month(month)

    def set_month(self, month: date, force: bool = False) -> None:
        month = month.replace(day=1)
        if month == self.month and not force:
            return
        self.month = month
        if self.month_edit.month() != month:
            self.month_edit.blockSignals(True)
            self.month_edit.set_month(month)
            self.month_edit.blockSignals(False)
        self._check_lock()

    def _check_lock(self) -> None:
        self._generation += 1
        generation, ctx, month = self._generation, self.session.ctx, self.month

        def done(locked: bool):
            if generation != self._generation:
                return
            self.locked = locked
            self.lock_banner.setText(self.tr(
                "{0}的工资已发放并锁定：本月的工资项目、固定津贴和专项附加扣除不能再修改。"
                "更正请在下月录入调整项目（切换到{1}）。").format(month_text(month), month_text(_shift(month, 1))))
            self.lock_banner.setVisible(locked)
            for tab in self.tab_list():
                tab.set_period(month, locked)
            self.period_changed.emit()

        def failed(exc):
            if generation == self._generation:
                show_error(self, exc)

        self.session.runner.submit(lambda: payroll_inputs.month_locked(ctx, month), done, failed, owner=self)

    # item types

    def _load_item_types(self, then=None) -> None:
        ctx = self.session.ctx

        def done(types):
            self.item_types = types
            self.allowances.set_item_types(types)
            if then is not None:
                then()

        self.session.runner.submit(lambda: payroll_inputs.item_types(ctx), done, lambda exc: show_error(self, exc),
                                   owner=self)

    def _on_changes(self, changes) -> None:
        touches = self.session.signals.touches
        if touches(changes, "pay_item_type"):
            self._load_item_types()
        if touches(changes, "payroll_run"):
            self._check_lock()
        elif touches(changes, "payroll_input", "employee"):
            for tab in self.tab_list():
                tab.reload()

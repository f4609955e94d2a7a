"""What the 工资录入 tabs share: the month they show, a status line, background loading, Excel imports.

Every tab loads in the background and drops a load that finished for a month (or employee) it no
longer shows; every import reports the rows it refused in one readable list, and none of the file
is imported then. Keeping this in one base class keeps the tabs behaving alike.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.core.payroll import imports
from hrdesk.core.payroll.inputs import ItemType
from hrdesk.ui.common.form_parts import hint_label, named_button
from hrdesk.ui.common.messages import show_error
from hrdesk.ui.common.runner import Reloader
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import ERROR_STYLE, NOTICE_STYLE
from hrdesk.ui.payroll.inputs.filtered_table import FilteredTable

BUSY_STYLE = "color: #1a56c4;"


class InputsPage(Protocol):
    """What a tab needs from the 工资录入 page that holds it: the pay item types, loaded once for all tabs."""

    item_types: list[ItemType]


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
        layout.addWidget(
            hint_label(self.tr("行号是 Excel 中的行号。改正后可以重新导入同一个文件；没有任何数据被导入。"))
        )
        layout.addWidget(buttons)
        self.resize(560, 380 if rest else 160)


class InputTab(QWidget):
    """What the tabs share: the period, a status line, background loading and Excel imports."""

    loaded = Signal()
    imported = Signal(object)  # ImportResult
    import_failed = Signal(object)  # the exception

    import_kind = ""

    def __init__(self, session: AppSession, page: InputsPage):
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

    def _toolbar(self, table: FilteredTable, import_name: str, *edit_buttons: QPushButton) -> QHBoxLayout:
        """The tab's own buttons, then 导入 Excel… and 下载模板… (as import_button and template_button),
        then the table's filter at the right. ``import_name`` names the buttons: import_<name>, <name>_template."""
        self.import_button = named_button(self.tr("导入 Excel…"), f"import_{import_name}", self.choose_import_file)
        self.template_button = named_button(self.tr("下载模板…"), f"{import_name}_template", self.choose_template_path)
        toolbar = QHBoxLayout()
        for button in edit_buttons:
            toolbar.addWidget(button)
        toolbar.addSpacing(16)
        toolbar.addWidget(self.import_button)
        toolbar.addWidget(self.template_button)
        toolbar.addStretch(1)
        toolbar.addWidget(table.filter)
        return toolbar

    def choose_import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择要导入的 Excel 文件"), "", self.tr("Excel 工作簿 (*.xlsx)")
        )
        if path:
            self.import_file(path)

    def template_file_name(self) -> str:
        return imports.template_file_name(self.import_kind)

    def write_template(self, path: str) -> Path:
        return imports.write_template(self.import_kind, path, item_names=self.template_items())

    def choose_template_path(self) -> None:
        name = self.template_file_name()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存导入模板"), name, self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.save_template(path)

    def template_items(self) -> list[str]:
        return []

    def save_template(self, path: str) -> Path | None:
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        try:
            saved = self.write_template(path)
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

        def done(result: imports.ImportResult):
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

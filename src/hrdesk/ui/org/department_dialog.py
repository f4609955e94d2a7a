"""The department dialog (forms/department_dialog.ui): create a department or edit one.

It collects input, calls one service (create or update) and shows each validation message under
its field; the dialog stays open and nothing is written until the service accepts the input.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from hrdesk.core.kernel.errors import HRDeskError, NotFound, ValidationError
from hrdesk.core.org import departments
from hrdesk.core.org.departments import DepartmentInfo
from hrdesk.core.org.tree import DepartmentKind, subtree_ids
from hrdesk.core.people import employees
from hrdesk.ui.common import messages
from hrdesk.ui.common.employee_lookup import EmployeeLookup
from hrdesk.ui.common.messages import ERROR_STYLE, show_field_errors
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.forms.ui_department_dialog import Ui_DepartmentDialog


class DepartmentDialog(QDialog):
    saved = Signal(int)  # department id, after the service accepted the input

    def __init__(
        self,
        session: AppSession,
        dept_id: int | None = None,
        parent_id: int | None = None,
        parent: QWidget | None = None,
    ):
        """``dept_id`` edits that department; otherwise a new one is created under ``parent_id``."""
        super().__init__(parent)
        self.session = session
        self.form = Ui_DepartmentDialog()
        self.form.setupUi(self)
        self.departments = departments.list_departments(session.ctx)
        self.detail: DepartmentInfo | None = None
        if dept_id is not None:
            self.detail = next((d for d in self.departments if d.id == dept_id), None)
            if self.detail is None:
                raise NotFound(self.tr("找不到该部门，可能已被删除。"))
        self.error_labels: dict[str, QLabel] = {
            name[4:]: getattr(self.form, name) for name in dir(self.form) if name.startswith("err_")
        }
        self.form.grid.setColumnMinimumWidth(0, 80)
        self.form.grid.setColumnStretch(1, 1)
        self.form.banner.setStyleSheet(ERROR_STYLE)
        self.form.sort_order_hint.setStyleSheet("color: #5f6670;")
        self.head_lookup = EmployeeLookup(
            self.form.head_employee_id, lambda text: employees.search(session.ctx, text), self
        )
        self._fill_choices(parent_id)
        self.form.kind.currentIndexChanged.connect(self._kind_changed)
        self.form.buttons.accepted.connect(self.save)
        self.form.buttons.rejected.connect(self.reject)
        if self.detail is None:
            self.setWindowTitle(self.tr("新建部门"))
            # A new department is always active; the switch only matters once it exists.
            self.form.lbl_active.setVisible(False)
            self.form.active.setVisible(False)
        else:
            self._show_detail()
        self._kind_changed()
        self.resize(520, self.sizeHint().height())

    # --- set-up -------------------------------------------------------------------------------

    def _fill_choices(self, parent_id: int | None) -> None:
        f = self.form
        for value, label in DepartmentKind.choices():
            f.kind.addItem(label, value)
        excluded: set[int] = set()
        current_parent = parent_id
        if self.detail is not None:
            # A department cannot move under itself or anything below it.
            excluded = subtree_ids({d.id: d.parent_id for d in self.departments}, [self.detail.id])
            current_parent = self.detail.parent_id
        f.parent_id.addItem(self.tr("（无，顶级）"), None)
        for d in self.departments:
            if d.id in excluded or not (d.active or d.id == current_parent):
                continue
            label = d.path if d.active else self.tr("{0}（已停用）").format(d.path)
            f.parent_id.addItem(label, d.id)
        f.parent_id.setCurrentIndex(max(0, f.parent_id.findData(current_parent)))
        if self.detail is None and parent_id is not None:
            parent = next((d for d in self.departments if d.id == parent_id), None)
            if parent is not None and parent.kind is not DepartmentKind.PROJECT:
                f.kind.setCurrentIndex(f.kind.findData(parent.kind.value))

    def _show_detail(self) -> None:
        d, f = self.detail, self.form
        self.setWindowTitle(self.tr("编辑部门 - {0}").format(d.name))
        f.name.setText(d.name)
        f.code.setText(d.code or "")
        f.kind.setCurrentIndex(f.kind.findData(d.kind.value))
        if d.head_employee_id is not None:
            self.head_lookup.set_selected(d.head_employee_id, d.head_name or "")
        f.sort_order.setValue(d.sort_order)
        f.active.setChecked(d.active)

    def _kind_changed(self, *_) -> None:
        """A 项目部's head is its 项目负责人; say so where the user picks them."""
        project = self.form.kind.currentData() == DepartmentKind.PROJECT.value
        self.form.lbl_head_employee_id.setText(self.tr("项目负责人") if project else self.tr("负责人"))

    # --- saving -------------------------------------------------------------------------------

    def save(self) -> None:
        f = self.form
        lookup = self.head_lookup
        if lookup.text_is_unresolved():
            self._show_errors({"head_employee_id": self.tr("请从下拉列表中选择负责人，或清空")})
            return
        values = dict(
            name=f.name.text(),
            kind=DepartmentKind(f.kind.currentData()),
            parent_id=f.parent_id.currentData(),
            code=f.code.text(),
            head_employee_id=lookup.selected_id,
            sort_order=f.sort_order.value(),
        )
        try:
            if self.detail is None:
                dept_id = departments.create_department(self.session.ctx, **values)
            else:
                dept_id = self.detail.id
                departments.update_department(self.session.ctx, dept_id, active=f.active.isChecked(), **values)
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return
        except HRDeskError as exc:
            messages.show_error(self, exc)
            return
        self.saved.emit(dept_id)
        self.accept()

    def _show_errors(self, errors: dict[str, str]) -> None:
        leftovers = show_field_errors(self.error_labels, errors)
        self.form.banner.setText("；".join(leftovers))
        self.form.banner.setVisible(bool(leftovers))
        first = next((k for k in errors if k in self.error_labels), None)
        widget = getattr(self.form, first, None) if first else None
        if widget is not None:
            widget.setFocus()

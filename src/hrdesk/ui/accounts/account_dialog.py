"""A user account (forms/account_dialog.ui): create one, or edit its name, employee, roles and status.

Like every dialog here it collects input, calls one service (create_account or update_account) and
shows each validation message under its field; it stays open and writes nothing until the service
accepts. The service also guards the last administrator and the administrator's own account.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QWidget

from hrdesk.core.accounts import users
from hrdesk.core.accounts.users import AccountInfo
from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.core.kernel.permissions import ROLE_GRANTS, Role
from hrdesk.core.people import employees
from hrdesk.ui.common.employee_lookup import EmployeeLookup
from hrdesk.ui.common.messages import ERROR_STYLE, show_error, show_field_errors
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import HINT_STYLE
from hrdesk.ui.forms.ui_account_dialog import Ui_AccountDialog

READ_ONLY_STYLE = "QLineEdit { background: #f1f3f4; color: #3c4043; }"


def _tr(text: str) -> str:
    return QCoreApplication.translate("AccountDialog", text)


def role_tooltip(role: Role) -> str:
    """What the role may do, from the permission table (so the tooltip cannot drift from it)."""
    grants = ROLE_GRANTS[role]
    if not grants:
        return _tr("只能查看和办理与本人有关的事项")
    return "、".join(permission.label for permission in grants)


class AccountDialog(QDialog):
    saved = Signal(int)  # account id, after the service accepted it

    def __init__(self, session: AppSession, account: AccountInfo | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.account = account
        self.form = Ui_AccountDialog()
        self.form.setupUi(self)
        f = self.form
        self.error_labels: dict[str, QLabel] = {
            name[4:]: getattr(f, name) for name in dir(f) if name.startswith("err_")
        }
        self.role_boxes: dict[Role, QCheckBox] = {role: getattr(f, f"role_{role.value}") for role in Role}
        for role, box in self.role_boxes.items():
            box.setText(role.label)
            box.setToolTip(role_tooltip(role))
        f.grid.setColumnStretch(1, 1)
        f.grid.setColumnMinimumWidth(0, 80)
        f.hint.setStyleSheet(HINT_STYLE)
        self._names: dict[int, str] = {}  # employee id -> name, from the lookup's searches
        self.employee_lookup = EmployeeLookup(f.employee_id, self._search_employees, self)
        self.employee_lookup.selection_changed.connect(self._employee_chosen)
        f.buttons.accepted.connect(self.save)
        f.buttons.rejected.connect(self.reject)
        creating = account is None
        for widget in (f.lbl_password, f.password, f.lbl_password2, f.password2, f.hint):
            widget.setVisible(creating)
        for widget in (f.lbl_active, f.active):
            widget.setVisible(not creating)
        if creating:
            self.setWindowTitle(self.tr("新建账号"))
            self.role_boxes[Role.EMPLOYEE].setChecked(True)
        else:
            self._show_account(account)
        self.resize(580, self.sizeHint().height())

    def _show_account(self, account: AccountInfo) -> None:
        f = self.form
        self.setWindowTitle(self.tr("编辑账号 - {0}").format(account.username))
        f.username.setText(account.username)
        f.username.setReadOnly(True)
        f.username.setStyleSheet(READ_ONLY_STYLE)
        f.username.setToolTip(self.tr("用户名创建后不能修改"))
        f.display_name.setText(account.display_name)
        if account.employee_id is not None:
            self.employee_lookup.set_selected(account.employee_id, account.employee_label or "")
        for role, box in self.role_boxes.items():
            box.setChecked(role in account.roles)
        f.active.setChecked(account.active)

    # --- live behaviour ------------------------------------------------------------------------

    def _search_employees(self, text: str):
        found = employees.search(self.session.ctx, text)
        self._names.update({brief.id: brief.name for brief in found})
        return found

    def _employee_chosen(self, employee_id) -> None:
        """Choosing the employee fills in an empty display name with their name."""
        name = self._names.get(employee_id) if employee_id is not None else None
        if name and not self.form.display_name.text().strip():
            self.form.display_name.setText(name)

    # --- saving -------------------------------------------------------------------------------

    def selected_roles(self) -> set[Role]:
        return {role for role, box in self.role_boxes.items() if box.isChecked()}

    def save(self) -> None:
        f = self.form
        if self.employee_lookup.text_is_unresolved():
            self._show_errors({"employee_id": self.tr("请从下拉列表中选择员工，或清空此项")})
            return
        try:
            if self.account is None:
                if f.password.text() != f.password2.text():
                    self._show_errors({"password2": self.tr("两次输入的密码不一致")})
                    return
                result = users.create_account(
                    self.session.ctx,
                    f.username.text(),
                    f.display_name.text(),
                    f.password.text(),
                    self.selected_roles(),
                    self.employee_lookup.selected_id,
                    must_change_password=True,
                )
            else:
                result = users.update_account(
                    self.session.ctx,
                    self.account.id,
                    display_name=f.display_name.text(),
                    roles=self.selected_roles(),
                    employee_id=self.employee_lookup.selected_id,
                    active=f.active.isChecked(),
                )
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return
        except HRDeskError as exc:
            show_error(self, exc)
            return
        self.account = result
        self.saved.emit(result.id)
        self.accept()

    def _show_errors(self, errors: dict[str, str]) -> None:
        leftovers = show_field_errors(self.error_labels, errors)
        self.form.banner.setText(
            self.tr("请修正标红的内容后再保存。") + ("" if not leftovers else " " + "；".join(leftovers))
        )
        self.form.banner.setStyleSheet(ERROR_STYLE)
        self.form.banner.setVisible(bool(errors))
        first = next((key for key in errors if key in self.error_labels), None)
        widget = {"roles": self.role_boxes[Role.EMPLOYEE]}.get(first) or getattr(self.form, first or "", None)
        if isinstance(widget, QWidget) and widget.isVisible():
            widget.setFocus()

    def current_errors(self) -> dict[str, str]:
        """Visible error messages by field (for tests and accessibility tools)."""
        return {k: label.text() for k, label in self.error_labels.items() if not label.isHidden() and label.text()}

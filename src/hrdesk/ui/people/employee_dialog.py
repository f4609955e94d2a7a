"""The employee record dialog (forms/employee_dialog.ui): create, edit, or view read-only.

It collects input, calls one service (create or update) and shows each validation message under
its field; the dialog stays open and nothing is written until the service accepts the whole record.
For a reader who may not see the ID number the core masks what would give its digits back: the
dialog shows 年龄 where 出生日期 would be, and ``****`` for a masked company-defined date.
"""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

from hrdesk.core.flows import lifecycle
from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.core.kernel.masking import MASKED
from hrdesk.core.kernel.permissions import Permission, Scope
from hrdesk.core.org import departments as org
from hrdesk.core.org import positions
from hrdesk.core.org.tree import DepartmentKind
from hrdesk.core.people import custom_fields, employees, insurance_cities
from hrdesk.core.people.custom_field_types import CustomFieldDef, FieldType
from hrdesk.core.people.employee_rules import ContractType, EmployeeInput, EmployeeStatus, Gender, parse_id_number
from hrdesk.resources import resource_path
from hrdesk.ui.common.employee_lookup import EmployeeLookup
from hrdesk.ui.common.messages import ERROR_STYLE, show_error, show_field_errors
from hrdesk.ui.common.optional_date import get_date, make_optional, set_date
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.forms.ui_employee_dialog import Ui_EmployeeDialog

DATE_FIELDS = ("birth_date", "hire_date", "probation_end_date", "contract_start", "contract_end", "last_working_day")
SENSITIVE_WIDGETS = ("id_number", "base_salary", "insurance_base", "housing_fund_base", "bank_account")
BASE_FIELDS = ("insurance_base", "housing_fund_base")  # 社保基数, 公积金基数: empty means the base salary


def _tr(text: str) -> str:
    return QCoreApplication.translate("EmployeeDialog", text)


def load_cities() -> list[str]:
    try:
        return json.loads(resource_path("data", "cities.json").read_text(encoding="utf-8"))["cities"]
    except (OSError, ValueError, KeyError):
        return []


class EmployeeDialog(QDialog):
    saved = Signal(int)  # employee id, after the service accepted the record
    flow_started = Signal(int)  # onboarding mode: the 入职 flow id, after the service accepted it

    def __init__(
        self,
        session: AppSession,
        employee_id: int | None = None,
        parent: QWidget | None = None,
        onboarding: bool = False,
    ):
        """``onboarding``: 办理入职 — the same form proposes a new employee (and optionally a login)
        through an approval flow; the record is created when the flow completes."""
        super().__init__(parent)
        self.session = session
        self.employee_id = employee_id
        self.onboarding = onboarding and employee_id is None
        self.form = Ui_EmployeeDialog()
        self.form.setupUi(self)
        if self.onboarding:
            self._add_account_field()
        self.detail = employees.get(session.ctx, employee_id) if employee_id is not None else None
        self.definitions: list[CustomFieldDef] = custom_fields.list_definitions(session.ctx)
        self.custom_widgets: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        for group_layout in (
            self.form.basic_group_layout,
            self.form.job_group_layout,
            self.form.contract_group_layout,
            self.form.pay_group_layout,
        ):
            group_layout.setRowStretch(group_layout.rowCount(), 1)  # fields at the top, not spread out
            group_layout.setColumnMinimumWidth(0, 110)
            group_layout.setColumnStretch(1, 1)
        self._fill_choices()
        self._build_custom_fields()
        self._collect_error_labels()
        self.manager_lookup = EmployeeLookup(
            self.form.manager_id, lambda text: employees.search(session.ctx, text), self
        )
        self.form.status.currentIndexChanged.connect(self._status_changed)
        self.form.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form.buttons.accepted.connect(self.save)
        self.form.buttons.rejected.connect(self.reject)
        for name in ("base_salary", *BASE_FIELDS):
            getattr(self.form, name).setValidator(QDoubleValidator(0, 10_000_000, 2, self))
        if self.onboarding:
            self.setWindowTitle(self.tr("办理入职"))
            self.form.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("提交入职审批"))
            self.form.emp_no.setText(lifecycle.suggest_emp_no(session.ctx))
            self.form.status.setCurrentIndex(self.form.status.findData(EmployeeStatus.PROBATION.value))
        elif self.detail is None:
            self.setWindowTitle(self.tr("新建员工"))
            self.form.emp_no.setText(lifecycle.suggest_emp_no(session.ctx))
            self.form.status.setCurrentIndex(self.form.status.findData(EmployeeStatus.PROBATION.value))
        else:
            self._show_detail()
        self._status_changed()
        self.resize(920, 610)
        self.editable = self.detail.editable if self.detail else session.can(Permission.EMPLOYEE_EDIT)
        self.correction_reason: str | None = None
        if not self.editable:
            self._make_read_only()
        elif self.detail is not None and not self.onboarding:
            self._lock_flow_fields()
        if self.editable and (self.detail is None or self.detail.sensitive_visible):
            self.form.id_number.textChanged.connect(self._derive_from_id)
            self._derive_from_id(self.form.id_number.text())

    # --- set-up -------------------------------------------------------------------------------

    def _fill_choices(self) -> None:
        f = self.form
        f.gender.addItem(self.tr("（按身份证号）"), None)
        for g in Gender:
            f.gender.addItem(g.label, g.value)
        f.contract_type.addItem(self.tr("（未填写）"), None)
        for c in ContractType:
            f.contract_type.addItem(c.label, c.value)
        for s in EmployeeStatus:
            f.status.addItem(s.label, s.value)
        departments = org.list_departments(self.session.ctx)
        current_dept = self.detail.department_id if self.detail else None
        current_project = self.detail.project_department_id if self.detail else None
        f.department_id.addItem(self.tr("（请选择）"), None)
        f.project_department_id.addItem(self.tr("（无）"), None)
        for d in departments:
            if d.active or d.id == current_dept:
                f.department_id.addItem(d.path, d.id)
            if d.kind is DepartmentKind.PROJECT and (d.active or d.id == current_project):
                f.project_department_id.addItem(d.path, d.id)
        f.position_id.addItem(self.tr("（无）"), None)
        current_position = self.detail.position_id if self.detail else None
        for p in positions.list_positions(self.session.ctx):
            if p.active or p.id == current_position:
                f.position_id.addItem(p.name, p.id)
        f.social_security_city.addItem("")
        current_city = self.detail.social_security_city if self.detail else None
        f.social_security_city.addItems(insurance_cities.offered(self.session.ctx, current_city, load_cities()))
        for name in DATE_FIELDS:
            make_optional(getattr(f, name), self.tr("未填写"))

    def _add_account_field(self) -> None:
        """Onboarding only: the optional login to open when the flow completes."""
        layout = self.form.job_group_layout
        row = layout.rowCount()
        label = QLabel(self.tr("登录账号"))
        self.account_username = QLineEdit()
        self.account_username.setObjectName("account_username")
        self.account_username.setMaxLength(40)
        self.account_username.setPlaceholderText(self.tr("选填，如 zhangsan"))
        self.err_account_username = QLabel()
        self.err_account_username.setWordWrap(True)
        self.err_account_username.setVisible(False)
        hint = QLabel(self.tr("入职办结时开通（员工角色），临时密码发给您。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        layout.addWidget(label, row, 0)
        layout.addWidget(self.account_username, row, 1)
        layout.addWidget(self.err_account_username, row + 1, 1)
        layout.addWidget(hint, row + 2, 1)

    def _build_custom_fields(self) -> None:
        layout = self.form.custom_layout
        layout.setColumnMinimumWidth(0, 110)
        layout.setColumnStretch(1, 1)
        if not self.definitions:
            self.form.custom_group.setVisible(False)
            return
        for row, definition in enumerate(self.definitions):
            label = QLabel(definition.label + (" *" if definition.required else ""))
            widget = self._custom_widget(definition)
            widget.setObjectName(f"custom_{definition.key}")
            error = QLabel()
            error.setVisible(False)
            error.setWordWrap(True)
            layout.addWidget(label, row * 2, 0)
            layout.addWidget(widget, row * 2, 1)
            layout.addWidget(error, row * 2 + 1, 1)
            self.custom_widgets[definition.key] = widget
            self.error_labels[f"custom:{definition.key}"] = error
        layout.setRowStretch(len(self.definitions) * 2, 1)

    def _custom_widget(self, definition: CustomFieldDef) -> QWidget:
        if definition.field_type is FieldType.CHOICE:
            combo = QComboBox()
            combo.addItem("", None)
            for choice in definition.choices:
                combo.addItem(choice, choice)
            return combo
        if definition.field_type is FieldType.DATE:
            edit = QDateEdit()
            make_optional(edit, self.tr("未填写"))
            return edit
        edit = QLineEdit()
        if definition.field_type is FieldType.NUMBER:
            edit.setPlaceholderText(self.tr("数字"))
        return edit

    def _collect_error_labels(self) -> None:
        for name in dir(self.form):
            if name.startswith("err_"):
                self.error_labels[name[4:]] = getattr(self.form, name)
        if self.onboarding:
            self.error_labels["account_username"] = self.err_account_username
        self.form.banner.setStyleSheet(ERROR_STYLE)

    def _show_detail(self) -> None:
        d, f = self.detail, self.form
        self.setWindowTitle(self.tr("员工档案 - {0} {1}").format(d.emp_no, d.name))
        f.emp_no.setText(d.emp_no)
        f.name.setText(d.name)
        f.id_number.setText(d.id_number)
        f.gender.setCurrentIndex(f.gender.findData(d.gender.value))
        if d.birth_date is None:  # masked: the age stands in for it
            f.lbl_birth_date.setText(self.tr("年龄"))
            self._in_place_of(f.birth_date, self.tr("{0} 岁").format(d.age), "age")
        else:
            set_date(f.birth_date, d.birth_date)
        f.phone.setText(d.phone or "")
        f.email.setText(d.email or "")
        f.department_id.setCurrentIndex(max(0, f.department_id.findData(d.department_id)))
        f.project_department_id.setCurrentIndex(max(0, f.project_department_id.findData(d.project_department_id)))
        f.position_id.setCurrentIndex(max(0, f.position_id.findData(d.position_id)))
        if d.manager_id is not None:
            self.manager_lookup.set_selected(d.manager_id, d.manager_name or "")
        set_date(f.hire_date, d.hire_date)
        set_date(f.probation_end_date, d.probation_end_date)
        f.contract_type.setCurrentIndex(
            max(0, f.contract_type.findData(d.contract_type.value if d.contract_type else None))
        )
        set_date(f.contract_start, d.contract_start)
        set_date(f.contract_end, d.contract_end)
        f.status.setCurrentIndex(f.status.findData(d.status.value))
        set_date(f.last_working_day, d.last_working_day)
        f.social_security_city.setCurrentText(d.social_security_city or "")
        f.base_salary.setText(str(d.base_salary) if d.base_salary is not None else d.base_salary_text)
        for name in BASE_FIELDS:
            value = getattr(d, name)
            getattr(f, name).setText(str(value) if value is not None else "")
        f.bank_account.setText(d.bank_account or "")
        f.bank_name.setText(d.bank_name or "")
        for key, widget in self.custom_widgets.items():
            value = d.custom.get(key)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QDateEdit):
                if value == MASKED:
                    self._in_place_of(widget, MASKED, f"{widget.objectName()}_masked")
                else:
                    set_date(widget, date.fromisoformat(value) if value else None)
            else:
                widget.setText(value or "")
        if not d.sensitive_visible:
            for name in SENSITIVE_WIDGETS:
                widget = getattr(f, name)
                widget.setValidator(None)
                widget.setReadOnly(True)
            f.base_salary.setText(d.base_salary_text)
            for name in BASE_FIELDS:
                widget = getattr(f, name)
                widget.setText(d.base_salary_text)  # masked: whether one is set is not shown either
                widget.setPlaceholderText("")
                widget.setEnabled(False)

    def _in_place_of(self, widget: QWidget, text: str, name: str) -> QLineEdit:
        """A read-only text where ``widget`` was (in its grid cell), for a value the reader sees only
        as a stand-in; ``widget`` stays, hidden and empty."""
        shown = QLineEdit(text)
        shown.setReadOnly(True)
        shown.setObjectName(name)
        layout = widget.parentWidget().layout()
        assert isinstance(layout, QGridLayout)  # every field of the form sits in a grid
        row, column, rows, columns = layout.getItemPosition(layout.indexOf(widget))
        widget.setVisible(False)
        layout.addWidget(shown, row, column, rows, columns)
        return shown

    def _lock_flow_fields(self) -> None:
        """Pay, department, position, manager and status change through their flows; the register
        shows them and offers 更正 for a typing error (HR, not on one's own record)."""
        for name, (_label, flow) in employees.FLOW_FIELDS.items():
            widget = getattr(self.form, name)
            widget.setEnabled(False)
            widget.setToolTip(self.tr("通过{0}流程修改；录入错误请点“更正…”").format(self.tr(flow)))
        assert self.detail is not None
        own = self.session.ctx.actor.employee_id == self.detail.id
        if self.session.ctx.actor.scope_for(Permission.EMPLOYEE_EDIT) is Scope.ALL and not own:
            self.correct_button = self.form.buttons.addButton(self.tr("更正…"), QDialogButtonBox.ButtonRole.ActionRole)
            self.correct_button.setObjectName("correct_button")
            self.correct_button.clicked.connect(self.start_correction)

    def start_correction(self) -> None:
        """Unlock the flow fields for a 更正, once its reason is written down."""
        reason, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("更正档案"),
            self.tr(
                "更正只用于改正录入错误（调薪、调岗、转正和离职请走流程）。\n请写明错在哪里、依据是什么（会记入操作日志，审计可查）："
            ),
        )
        if not ok or not reason.strip():
            return
        self.correction_reason = reason.strip()
        for name in employees.FLOW_FIELDS:
            getattr(self.form, name).setEnabled(True)
        self.correct_button.setEnabled(False)
        self.form.banner.setStyleSheet("")
        self.form.banner.setText(self.tr("更正模式：保存时记录更正原因“{0}”。").format(self.correction_reason))
        self.form.banner.setVisible(True)

    def _make_read_only(self) -> None:
        for widget in self.findChildren(QWidget):
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(True)
            elif isinstance(widget, (QComboBox, QDateEdit)):
                widget.setEnabled(False)
        self.form.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.form.buttons.rejected.connect(self.reject)
        self.form.banner.setStyleSheet("")
        self.form.banner.setText(self.tr("只读：您可以查看但不能修改此档案。"))
        self.form.banner.setVisible(True)

    # --- live behaviour ------------------------------------------------------------------------

    def _derive_from_id(self, text: str) -> None:
        """性别 and 出生日期 follow from a valid ID number; they are locked while it is valid."""
        try:
            info = parse_id_number(text) if len(text.strip()) == 18 else None
        except ValueError as exc:
            info = None
            self._show_errors({"id_number": str(exc)}, keep_others=True)
        else:
            if info is not None:
                self._show_errors({}, keep_others=True, clear=("id_number", "gender", "birth_date"))
        f = self.form
        if info is not None:
            f.gender.setCurrentIndex(f.gender.findData(info.gender.value))
            set_date(f.birth_date, info.birth_date)
        f.gender.setEnabled(info is None)
        f.birth_date.setEnabled(info is None)

    def _status_changed(self, *_):
        status = self.form.status.currentData()
        leaving = status in (EmployeeStatus.LEAVING.value, EmployeeStatus.SEPARATED.value)
        self.form.last_working_day.setEnabled(leaving)

    # --- saving -------------------------------------------------------------------------------

    def collect(self) -> EmployeeInput:
        f = self.form
        gender = f.gender.currentData()
        contract = f.contract_type.currentData()
        custom = {}
        for key, widget in self.custom_widgets.items():
            if isinstance(widget, QComboBox):
                custom[key] = widget.currentData() or ""
            elif isinstance(widget, QDateEdit):
                value = get_date(widget)
                custom[key] = value.isoformat() if value else ""
            else:
                custom[key] = widget.text()
        return EmployeeInput(
            emp_no=f.emp_no.text(),
            name=f.name.text(),
            id_number=f.id_number.text(),
            gender=Gender(gender) if gender else None,
            birth_date=get_date(f.birth_date),
            phone=f.phone.text(),
            email=f.email.text(),
            department_id=f.department_id.currentData(),
            project_department_id=f.project_department_id.currentData(),
            position_id=f.position_id.currentData(),
            manager_id=self.manager_lookup.selected_id,
            hire_date=get_date(f.hire_date),
            probation_end_date=get_date(f.probation_end_date),
            contract_type=ContractType(contract) if contract else None,
            contract_start=get_date(f.contract_start),
            contract_end=get_date(f.contract_end),
            status=EmployeeStatus(f.status.currentData()),
            last_working_day=get_date(f.last_working_day) if f.last_working_day.isEnabled() else None,
            social_security_city=f.social_security_city.currentText(),
            base_salary=f.base_salary.text(),
            insurance_base=f.insurance_base.text(),
            housing_fund_base=f.housing_fund_base.text(),
            bank_account=f.bank_account.text(),
            bank_name=f.bank_name.text(),
            custom=custom,
        )

    def save(self) -> None:
        if not self.editable:
            self.reject()
            return
        if self.manager_lookup.text_is_unresolved():
            self._show_errors({"manager_id": self.tr("请从下拉列表中选择直属上级，或清空")})
            return
        data = self.collect()
        try:
            if self.onboarding:
                flow = lifecycle.start_onboarding(self.session.ctx, data, self.account_username.text())
                self.flow_started.emit(flow.summary.id)
                self.accept()
                return
            if self.detail is None:
                result = employees.create(self.session.ctx, data)
            elif self.correction_reason is not None:
                result = employees.correct(
                    self.session.ctx, self.detail.id, data, self.detail.version, self.correction_reason
                )
            else:
                result = employees.update(self.session.ctx, self.detail.id, data, self.detail.version)
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return
        except HRDeskError as exc:
            show_error(self, exc)
            return
        self.detail = result
        self.saved.emit(result.id)
        self.accept()

    def _show_errors(self, errors: dict[str, str], keep_others: bool = False, clear: tuple = ()) -> None:
        if keep_others:
            for key in clear:
                if key in self.error_labels:
                    self.error_labels[key].setVisible(False)
            for key, message in errors.items():
                label = self.error_labels.get(key)
                if label is not None:
                    label.setText(message)
                    label.setStyleSheet(ERROR_STYLE)
                    label.setVisible(True)
            return
        leftovers = show_field_errors(self.error_labels, errors)
        banner = self.tr("请按红字提示修改后再保存。")
        if leftovers:
            banner += " " + "；".join(leftovers)
        self.form.banner.setText(banner)
        self.form.banner.setStyleSheet(ERROR_STYLE)
        self.form.banner.setVisible(bool(errors))
        first = next((k for k in errors if k in self.error_labels), None)
        if first:
            widget = getattr(self.form, first, None) or self.custom_widgets.get(first.removeprefix("custom:"))
            if widget is not None:
                self.form.scroll.ensureWidgetVisible(widget)
                widget.setFocus()

    def current_errors(self) -> dict[str, str]:
        """Visible error messages by field (for tests and accessibility tools)."""
        return {k: label.text() for k, label in self.error_labels.items() if not label.isHidden() and label.text()}

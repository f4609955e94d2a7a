"""年初累计数: each employee's tax options for the year and the year-to-date figures before HRDesk.

A company that starts using HRDesk in the middle of a year enters (or imports) what was paid and
withheld before, or the cumulative withholding would start from zero. The options (上年≤6万,
减除费用从1月起, 年终奖单独计税) belong to the year, so this tab follows the year of the month
picked and a paid month does not lock them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QGroupBox, QLabel, QLayout, QLineEdit, QSpinBox, QVBoxLayout

from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.core.payroll import declarations, imports
from hrdesk.core.payroll.declarations import OPENING_FIELDS, TaxProfile
from hrdesk.core.payroll.inputs import Person
from hrdesk.ui.common.form_parts import (
    add_field_row,
    error_label,
    form_layout,
    hint_label,
    named_button,
    save_cancel_buttons,
    show_errors_with_banner,
)
from hrdesk.ui.common.messages import show_error
from hrdesk.ui.common.rows_model import Row
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import GREY, NOTICE_STYLE
from hrdesk.ui.payroll.inputs.filtered_table import FilteredTable
from hrdesk.ui.payroll.inputs.input_tab import InputsPage, InputTab
from hrdesk.ui.payroll.inputs.labels import money_or_blank, tr, yes_mark

OPENING_LABELS = {
    "opening_income": "累计收入",
    "opening_tax_free": "累计免税收入",
    "opening_special": "累计专项扣除",
    "opening_additional": "累计专项附加扣除",
    "opening_other": "累计其他扣除",
    "opening_tax": "累计已预扣税额",
}


class OpeningTab(InputTab):
    import_kind = imports.OPENING

    def __init__(self, session: AppSession, page: InputsPage):
        super().__init__(session, page)
        self.setObjectName("opening_tab")
        self.year: int | None = None
        self.rows: dict[int, tuple[Person, TaxProfile, bool]] = {}
        headers = [
            self.tr("工号"),
            self.tr("姓名"),
            self.tr("部门"),
            self.tr("上年≤6万"),
            self.tr("1月起扣减除费用"),
            self.tr("年终奖单独计税"),
            self.tr("已发薪月数"),
        ] + [tr(OPENING_LABELS[f]) for f in OPENING_FIELDS]
        self.table = FilteredTable("opening_table", headers, [80, 70, 90, 70, 110, 100, 80, 95, 95, 95, 112, 95, 105])
        self.table.view.doubleClicked.connect(lambda index: self.open_editor(self.table.key_at(index)))
        self.table.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.edit_button = named_button(self.tr("编辑…"), "edit_profile", lambda: self.open_editor())
        toolbar = self._toolbar(self.table, "opening", self.edit_button)
        self.intro = hint_label("")
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
        return lambda: declarations.tax_profiles(ctx, year)

    def _apply(self, listed) -> None:
        self.rows = {p.id: (p, profile, saved) for p, profile, saved in listed}
        rows = []
        for person, profile, saved in listed:
            figures = [money_or_blank(getattr(profile, f)) for f in OPENING_FIELDS]
            rows.append(
                Row(
                    (
                        person.emp_no,
                        person.name,
                        person.department,
                        yes_mark(profile.low_income),
                        yes_mark(profile.basic_from_january),
                        yes_mark(profile.bonus_separately),
                        str(profile.opening_months) if profile.opening_months else "",
                        *figures,
                    ),
                    key=person.id,
                    right=tuple(range(6, 13)),
                    colors={-1: GREY} if person.separated else {},
                    tooltips={} if saved else {1: self.tr("未设置，按默认选项")},
                )
            )
        self.table.set_rows_keeping_selection(rows)
        with_opening = sum(1 for _, p, _s in listed if p.opening_months)
        self.intro.setText(
            self.tr(
                "{0}年度每名员工的个税选项，以及本公司开始使用 HRDesk 前本年度已发工资的累计数（{1} 名员工已填写）。"
                "年中开始使用时请录入或导入，否则累计预扣从零开始。"
            ).format(self.year, with_opening)
        )

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(not self._busy and self.table.current_key() is not None)
        self.import_button.setEnabled(not self._busy and self.year is not None)

    def open_editor(self, employee_id: int | None = None) -> ProfileDialog | None:
        employee_id = employee_id if employee_id is not None else self.table.current_key()
        if employee_id is None or employee_id not in self.rows:
            return None
        person, profile, _saved = self.rows[employee_id]
        dialog = ProfileDialog(self.session, person, profile, self)
        dialog.saved.connect(
            lambda: (
                self._say(NOTICE_STYLE, self.tr("已保存 {0} 的个税选项和年初累计数。").format(person.name)),
                self.reload(),
            )
        )
        dialog.open()
        return dialog

    def import_file(self, path: str) -> None:
        ctx, year = self.session.ctx, self.year
        self._run_import(path, lambda: imports.import_opening_figures(ctx, year, path))


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
        self.error_labels: dict[str, QLabel] = {}
        figures = QGroupBox(self.tr("年初累计数（使用 HRDesk 之前本年度的数字）"))
        form = form_layout(figures)
        add_field_row(form, self.tr("已发薪月数"), self.opening_months, self.error_labels, "opening_months")
        for name in OPENING_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(name)
            value = getattr(profile, name)
            edit.setText(str(value) if value else "")
            edit.setPlaceholderText("0.00")
            add_field_row(form, self.tr("{0}（元）").format(tr(OPENING_LABELS[name])), edit, self.error_labels, name)
            self.fields[name] = edit
        self.banner = error_label()
        self.buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows when messages appear
        layout.addWidget(options)
        layout.addWidget(figures)
        layout.addWidget(
            hint_label(self.tr("可从自然人电子税务局（扣缴端）导出本年度的累计数。没有时全部留空、月数填0。"))
        )
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def save(self) -> bool:
        values = {name: edit.text().strip() or Decimal(0) for name, edit in self.fields.items()}
        profile = TaxProfile(
            self.person.id,
            self.profile.year,
            self.low_income.isChecked(),
            self.bonus_separately.isChecked(),
            self.basic_from_january.isChecked(),
            self.opening_months.value(),
            **values,
        )
        try:
            declarations.save_tax_profile(self.session.ctx, profile)
        except ValidationError as exc:
            show_errors_with_banner(self.error_labels, self.banner, exc.errors)
            return False
        except HRDeskError as exc:
            show_error(self, exc)
            return False
        self.saved.emit()
        self.accept()
        return True

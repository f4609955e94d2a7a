"""社保公积金: each city's contribution rules, one list of versions per city.

The cities are those with rules; 新增城市… starts a city's first version. Each version says from
which month it applies and which notice it comes from; the payroll of a month uses the version in
force for the employee's city then. InsuranceTab is also the base of the other per-city tab
(当地平均工资), which differs only in its columns, its content and its editor.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QVBoxLayout

from hrdesk.core.kernel.money import format_money
from hrdesk.core.payroll import policies as payroll_policies
from hrdesk.core.payroll.policies import StoredVersion
from hrdesk.core.payroll.rules import policy
from hrdesk.core.payroll.rules.insurance import CityPolicy
from hrdesk.ui.common.form_parts import hint_label, named_button, rows_table
from hrdesk.ui.common.messages import show_error
from hrdesk.ui.common.rows_model import Row
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.payroll.settings.city_rules_dialog import CityRulesDialog
from hrdesk.ui.payroll.settings.policy_dialog import PolicyDialog
from hrdesk.ui.payroll.settings.policy_numbers import percent_text
from hrdesk.ui.payroll.settings.version_list import VersionListTab, version_row


def rule_rows(data: dict) -> list[Row]:
    city_policy = CityPolicy.from_data("", date.min, data)
    return [
        Row(
            (
                r.item.label,
                percent_text(r.employee_rate) + "%",
                percent_text(r.employer_rate) + "%",
                format_money(r.floor),
                format_money(r.cap),
                format_money(r.employee_fixed) if r.employee_fixed else "",
                r.rounding.label,
            ),
            key=r.item.value,
            right=(1, 2, 3, 4, 5),
        )
        for r in city_policy.items
    ]


class InsuranceTab(VersionListTab):
    """Per city: the versions of its rules and the selected version's items (AverageWageTab is the
    same per-city list over another table)."""

    kind = policy.INSURANCE
    _version_right: tuple = ()

    def __init__(self, session: AppSession, parent=None):
        super().__init__(session, parent)
        self.setObjectName("insurance_tab")
        self.city_list = QListWidget()
        self.city_list.setObjectName("cities")
        self.city_list.setMaximumWidth(150)
        self.city_list.currentTextChanged.connect(lambda *_: self.load_versions())
        self.new_city_button = named_button(self.tr("新增城市…"), "new_city", self.open_new_city)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("城市")))
        left.addWidget(self.city_list, 1)
        left.addWidget(self.new_city_button)

        self._versions_table(self._version_headers(), self._version_widths(), stretch=len(self._version_headers()) - 3)
        self.detail_view, self.detail_model = rows_table(
            "detail_table", self._detail_headers(), self._detail_widths(), stretch=len(self._detail_headers()) - 1
        )
        self.detail_note = hint_label("")

        right = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("版本（最新在上；每月按当时有效的版本计算）")), 1)
        top.addWidget(self.edit_button)
        right.addLayout(top)
        right.addWidget(self.versions_view, 2)
        right.addWidget(QLabel(self.tr("所选版本的内容")))
        right.addWidget(self.detail_view, 3)
        right.addWidget(self.detail_note)
        right.addWidget(self.status)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right, 1)

    # what differs between the per-city tabs

    def _version_headers(self) -> list[str]:
        return [self.tr("生效日期"), self.tr("年度"), self.tr("政策来源"), self.tr("保存人"), self.tr("备注")]

    def _version_widths(self) -> list[int]:
        return [90, 170, 300, 90, 200]

    def _version_extra(self, v: StoredVersion) -> tuple:
        return (v.data.get("year_label", ""),)

    def _version_row(self, v: StoredVersion) -> Row:
        return version_row(v, self._version_extra(v), self._version_right)

    def _detail_headers(self) -> list[str]:
        return [
            self.tr("险种"),
            self.tr("个人比例"),
            self.tr("单位比例"),
            self.tr("基数下限"),
            self.tr("基数上限"),
            self.tr("个人固定金额"),
            self.tr("舍入方式"),
        ]

    def _detail_widths(self) -> list[int]:
        return [110, 80, 80, 100, 100, 100, 120]

    def _detail_rows(self, v: StoredVersion) -> list[Row]:
        return rule_rows(v.data)

    def _detail_text(self, v: StoredVersion) -> str:
        return self.tr("住房公积金：{0}").format(
            self.tr("自入职次月起缴") if v.data.get("housing_fund_from_next_month") else self.tr("自入职当月起缴")
        )

    def _dialog(self, city: str | None, base: StoredVersion | None) -> PolicyDialog:
        return CityRulesDialog(self.session, city, base, self)

    # loading

    def reload(self) -> None:
        ctx, kind = self.session.ctx, self.kind

        def work():
            return city_keys(ctx, kind)

        def done(cities: list[str]):
            current = self.city_list.currentItem().text() if self.city_list.currentItem() else None
            self.city_list.blockSignals(True)
            self.city_list.clear()
            self.city_list.addItems(cities)
            self.city_list.blockSignals(False)
            if cities:
                self.select_city(current if current in cities else cities[0])

        self.session.runner.submit(work, done, lambda exc: show_error(self, exc), owner=self)

    def select_city(self, city: str) -> None:
        matches = self.city_list.findItems(city, Qt.MatchFlag.MatchExactly)
        if matches:
            if self.city_list.currentItem() is matches[0]:
                self.load_versions()
            else:
                self.city_list.setCurrentItem(matches[0])

    def current_city(self) -> str | None:
        item = self.city_list.currentItem()
        return item.text() if item else None

    def load_versions(self, select_id: int | None = None) -> None:
        city, ctx, kind = self.current_city(), self.session.ctx, self.kind
        if city is None:
            return

        def done(versions):
            if city == self.current_city():
                self.show_versions(versions, select_id)

        self.session.runner.submit(
            lambda: payroll_policies.versions(ctx, kind, city), done, lambda exc: show_error(self, exc), owner=self
        )

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.versions):
            return
        version = self.versions[row]
        self.detail_model.set_rows(self._detail_rows(version))
        self.detail_note.setText(self._detail_text(version))

    def current_version(self) -> StoredVersion | None:
        row = self.versions_view.currentIndex().row()
        return self.versions[row] if 0 <= row < len(self.versions) else (self.versions[0] if self.versions else None)

    def open_editor(self, base: StoredVersion | None = None) -> PolicyDialog | None:
        base = base or self.current_version()
        if base is None:
            return None
        dialog = self._dialog(self.current_city(), base)
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def open_new_city(self) -> PolicyDialog:
        dialog = self._dialog(None, None)
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def _saved(self, version: StoredVersion) -> None:
        self.status.setText(
            self.tr("已保存{0}自 {1} 起执行的新版本。").format(version.key, version.effective_from.isoformat())
        )
        if self.city_list.findItems(version.key, Qt.MatchFlag.MatchExactly):
            if version.key == self.current_city():
                self.load_versions(version.id)
            else:
                self.select_city(version.key)
        else:
            self.city_list.addItem(version.key)
            self.city_list.sortItems()
            self.select_city(version.key)


def city_keys(ctx, kind: str) -> list[str]:
    """The cities that have versions of ``kind`` (installs the default tables on first use)."""
    from hrdesk.ui.people.employee_dialog import load_cities

    policies = payroll_policies.policy_set(ctx)
    if kind == policy.INSURANCE:
        return policies.cities()
    candidates = set(policies.cities()) | set(load_cities())
    return sorted(c for c in candidates if policies.version_at(kind, c, date.max) is not None)

"""薪资设置 (PAYROLL_POLICY): the payroll policy tables and the pay item types.

Tabs: 社保公积金 (each city's contribution rules), 当地平均工资 (per city, for the tax-free part
of severance pay), 个税税率表 (the annual cumulative table and the monthly table for bonuses),
减除费用与扣除标准 and 工资项目.

A policy table is never overwritten: every change is saved as a new version in force from a month
(payroll_policies.save_version), and months before it keep being calculated with the version that
was in force for them. Each editor starts from the selected version; the service checks the data
the way the calculation will read it and its messages appear next to the fields.
"""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.domain.money import format_money
from hrdesk.core.domain.payroll import policy
from hrdesk.core.domain.payroll.insurance import CityPolicy, InsuranceItem, Rounding
from hrdesk.core.domain.payroll.items import PayCategory
from hrdesk.core.domain.payroll.tax import TaxTable
from hrdesk.core.errors import HRDeskError, ValidationError
from hrdesk.core.services import payroll_inputs, payroll_policies
from hrdesk.core.services.payroll_inputs import MONTHLY_ADDITIONAL_CODES, ItemType, additional_label
from hrdesk.core.services.payroll_policies import StoredVersion
from hrdesk.ui.messages import ERROR_STYLE, show_error, show_field_errors
from hrdesk.ui.models.rows_model import Row, RowsModel, setup_table
from hrdesk.ui.pages.payroll_inputs_page import MonthEdit
from hrdesk.ui.session import AppSession
from hrdesk.ui.styles import GREY, HINT_STYLE, NOTICE_STYLE, ORANGE, ROW_HEIGHT

INFO_STYLE = ("QLabel { background: #e8f0fe; color: #174ea6; border: 1px solid #aecbfa; border-radius: 4px;"
              " padding: 6px 10px; }")
CELL_ERROR = QBrush(QColor("#fde7e9"))
NO_BRUSH = QBrush()
ITEM, EMPLOYEE_RATE, EMPLOYER_RATE, FLOOR, CAP, FIXED, ROUNDING = range(7)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PayrollSettingsPage", text)


def percent_text(rate: Decimal) -> str:
    """0.08 → "8", 0.005 → "0.5", 0.0026 → "0.26"."""
    text = f"{rate * 100:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def plain_number(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def parse_number(text: str, *, percent: bool = False, required: bool = True) -> Decimal | None:
    """What someone typed into a rate or amount cell; ValueError with a message."""
    text = (text or "").strip().replace(",", "").replace("，", "").rstrip("%％").strip()
    if not text:
        if required:
            raise ValueError(_tr("请填写"))
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(_tr("应为数字")) from None
    if not value.is_finite() or value < 0:
        raise ValueError(_tr("应为不小于0的数字"))
    return value / 100 if percent else value


def next_month_start(today: date) -> date:
    return date(today.year + (today.month == 12), today.month % 12 + 1, 1)


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


def _table(name: str, headers: list[str], widths: list[int],
           stretch: int | None = None) -> tuple[QTableView, RowsModel]:
    model = RowsModel(headers)
    view = QTableView()
    view.setObjectName(name)
    setup_table(view, model, widths, stretch=stretch)
    model.setParent(view)
    return view, model


def version_row(v: StoredVersion, extra: tuple = (), right: tuple = ()) -> Row:
    checking = v.data.get("status") == "check"
    note = _tr("出厂默认数据，使用前请与当地最新通知核对") if checking else ""
    return Row((v.effective_from.isoformat(), *extra, v.source, v.created_by, note), key=v.id,
               colors={-1: ORANGE} if checking else {}, tooltips={len(extra) + 1: v.source}, right=right)


class PolicyDialog(QDialog):
    """What the version editors share: 生效月份, 政策来源, an error line and Save/Cancel."""

    saved = Signal(object)  # the StoredVersion

    kind = ""

    def __init__(self, session: AppSession, base: StoredVersion | None, parent=None):
        super().__init__(parent)
        self.session = session
        self.base = base
        self.effective = MonthEdit(next_month_start(session.ctx.clock.today()))
        self.effective.setObjectName("effective_from")
        self.source = QLineEdit()  # a new version comes from a new document: never the old one's name
        self.source.setObjectName("source")
        self.source.setMaxLength(500)
        self.source.setPlaceholderText(_tr("文件名称或文号，如“沪人社规〔2025〕12号”"))
        self.error_labels: dict[str, QLabel] = {"source": _error_label(), "data": _error_label(), "key": _error_label()}
        self.banner = _error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def effective_form(self, form: QFormLayout) -> None:
        form.addRow(self.tr("自哪个月起执行 *"), self.effective)
        form.addRow("", _hint(self.tr("保存为新版本：之前月份仍按原版本计算。与已有版本同一月份时替换该版本。")))
        form.addRow(self.tr("政策来源 *"), self.source)
        form.addRow("", self.error_labels["source"])

    def key(self) -> str:
        return ""

    def collect(self) -> dict | None:
        """The version's data, or None after showing what is wrong."""
        raise NotImplementedError

    def save(self) -> StoredVersion | None:
        show_field_errors(self.error_labels, {})
        data = self.collect()
        if data is None:
            return None
        try:
            saved = payroll_policies.save_version(self.session.ctx, self.kind, self.key(), self.effective.month(), data,
                                                  self.source.text())
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return None
        except HRDeskError as exc:
            show_error(self, exc)
            return None
        self.saved.emit(saved)
        self.accept()
        return saved

    def show_errors(self, errors: dict[str, str]) -> None:
        leftovers = show_field_errors(self.error_labels, errors)
        self.banner.setText("；".join(leftovers))
        self.banner.setVisible(bool(leftovers))

    def current_errors(self) -> dict[str, str]:
        return {k: label.text() for k, label in self.error_labels.items() if not label.isHidden() and label.text()}


# --- 社保公积金 ---------------------------------------------------------------------------------------


def rule_rows(data: dict) -> list[Row]:
    city_policy = CityPolicy.from_data("", date.min, data)
    return [Row((r.item.label, percent_text(r.employee_rate) + "%", percent_text(r.employer_rate) + "%",
                 format_money(r.floor), format_money(r.cap), format_money(r.employee_fixed) if r.employee_fixed else "",
                 r.rounding.label), key=r.item.value, right=(1, 2, 3, 4, 5)) for r in city_policy.items]


class CityRulesDialog(PolicyDialog):
    """一个城市的社保公积金缴费规则: a table of items, saved as a new version."""

    kind = policy.INSURANCE

    def __init__(self, session: AppSession, city: str | None, base: StoredVersion | None, parent=None):
        super().__init__(session, base, parent)
        self.setObjectName("city_rules_dialog")
        self.new_city = city is None
        self.setWindowTitle(self.tr("新增城市的社保公积金规则") if self.new_city else
                            self.tr("{0}社保公积金规则 - 新版本").format(city))
        data = base.data if base else {}
        self.city = QLineEdit(city or "")
        self.city.setObjectName("city")
        self.city.setMaxLength(30)
        self.city.setReadOnly(not self.new_city)
        self.city.setPlaceholderText(self.tr("如 南京"))
        self.year_label = QLineEdit()
        self.year_label.setObjectName("year_label")
        self.year_label.setMaxLength(60)
        self.year_label.setPlaceholderText(self.tr("选填，如“2025年度（2025-07 至 2026-06）”"))
        self.fund_next_month = QCheckBox(self.tr("住房公积金自入职次月起缴"))
        self.fund_next_month.setObjectName("fund_next_month")
        self.fund_next_month.setChecked(bool(data.get("housing_fund_from_next_month")))

        self.table = QTableWidget(0, 7)
        self.table.setObjectName("rules_table")
        self.table.setHorizontalHeaderLabels([self.tr("险种"), self.tr("个人比例(%)"), self.tr("单位比例(%)"),
                                              self.tr("基数下限(元)"), self.tr("基数上限(元)"), self.tr("个人固定金额(元)"),
                                              self.tr("舍入方式")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT + 4)
        for column, width in enumerate((110, 90, 90, 100, 100, 110, 120)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        items = data.get("items") or [{"item": i.value} for i in InsuranceItem if i is not InsuranceItem.MATERNITY]
        for rule in items:
            self.add_row(rule)
        self.add_button = _button(self.tr("增加险种"), "add_rule", lambda: self.add_row({}))
        self.remove_button = _button(self.tr("删除险种"), "remove_rule", self.remove_row)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("城市 *"), self.city)
        form.addRow("", self.error_labels["key"])
        self.effective_form(form)
        form.addRow(self.tr("年度说明"), self.year_label)
        form.addRow("", self.fund_next_month)
        table_buttons = QHBoxLayout()
        table_buttons.addWidget(_hint(self.tr("比例按百分数填写，如 8 表示 8%。个人固定金额为每月另加的金额"
                                              "（如北京大额医疗互助 3 元）。")), 1)
        table_buttons.addWidget(self.add_button)
        table_buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addLayout(form)
        layout.addLayout(table_buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_labels["data"])
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.resize(860, 560)

    def add_row(self, rule: dict) -> int:
        r = self.table.rowCount()
        self.table.insertRow(r)
        combo = QComboBox()
        for item in InsuranceItem:
            combo.addItem(item.label, item.value)
        combo.setCurrentIndex(max(0, combo.findData(rule.get("item"))))
        self.table.setCellWidget(r, ITEM, combo)
        rates = {EMPLOYEE_RATE: "employee_rate", EMPLOYER_RATE: "employer_rate"}
        amounts = {FLOOR: "floor", CAP: "cap", FIXED: "employee_fixed"}
        for column, key in rates.items():
            value = rule.get(key)
            shown = percent_text(Decimal(str(value))) if value not in (None, "") else ""
            self.table.setItem(r, column, self._cell(shown))
        for column, key in amounts.items():
            value = rule.get(key)
            shown = plain_number(Decimal(str(value))) if value not in (None, "") else ""
            self.table.setItem(r, column, self._cell("" if column == FIXED and shown == "0" else shown))
        rounding = QComboBox()
        for mode in Rounding:
            rounding.addItem(mode.label, mode.value)
        rounding.setCurrentIndex(max(0, rounding.findData(rule.get("rounding") or "fen")))
        self.table.setCellWidget(r, ROUNDING, rounding)
        return r

    @staticmethod
    def _cell(text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def remove_row(self) -> None:
        r = self.table.currentRow()
        if 0 <= r < self.table.rowCount():
            self.table.removeRow(r)

    def row_of(self, item: InsuranceItem) -> int:
        return next(r for r in range(self.table.rowCount()) if self.table.cellWidget(r, ITEM).currentData() == item.value)

    def set_cell(self, row: int, column: int, text: str) -> None:
        self.table.item(row, column).setText(text)

    def key(self) -> str:
        return self.city.text().strip()

    def collect(self) -> dict | None:
        rules, problems, bad_rows = [], [], set()
        for r in range(self.table.rowCount()):
            label = self.table.cellWidget(r, ITEM).currentText()
            rule = {"item": self.table.cellWidget(r, ITEM).currentData(),
                    "rounding": self.table.cellWidget(r, ROUNDING).currentData()}
            for column, key, percent, required in ((EMPLOYEE_RATE, "employee_rate", True, True),
                                                   (EMPLOYER_RATE, "employer_rate", True, True),
                                                   (FLOOR, "floor", False, True), (CAP, "cap", False, True),
                                                   (FIXED, "employee_fixed", False, False)):
                cell = self.table.item(r, column)
                cell.setBackground(NO_BRUSH)
                try:
                    value = parse_number(cell.text(), percent=percent, required=required)
                except ValueError as exc:
                    cell.setBackground(CELL_ERROR)
                    message = self.tr("未填写") if not cell.text().strip() else str(exc)
                    problems.append(self.tr("{0}的{1}{2}").format(label, self._column_name(column), message))
                    bad_rows.add(r)
                    continue
                rule[key] = str(value if value is not None else Decimal(0))
            rules.append(rule)
        if problems:
            self._mark_rows(bad_rows)
            self.show_errors({"data": "；".join(problems)})
            return None
        self._mark_rows(set())
        return {"items": rules, "housing_fund_from_next_month": self.fund_next_month.isChecked(),
                "year_label": self.year_label.text().strip(), "source": self.source.text().strip()}

    def _column_name(self, column: int) -> str:
        return self.table.horizontalHeaderItem(column).text().split("(")[0]

    def _mark_rows(self, rows: set[int]) -> None:
        for r in range(self.table.rowCount()):
            header = QTableWidgetItem(("⚠ " if r in rows else "") + str(r + 1))
            if r in rows:
                header.setForeground(QColor("#b3261e"))
            self.table.setVerticalHeaderItem(r, header)

    def show_errors(self, errors: dict[str, str]) -> None:
        super().show_errors(errors)
        message = errors.get("data", "")
        if message:  # the service names the item: mark its row
            self._mark_rows({r for r in range(self.table.rowCount())
                             if self.table.cellWidget(r, ITEM).currentText() in message})


class InsuranceTab(QWidget):
    loaded = Signal()

    kind = policy.INSURANCE
    _version_right: tuple = ()

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("insurance_tab")
        self.versions: list[StoredVersion] = []
        self.city_list = QListWidget()
        self.city_list.setObjectName("cities")
        self.city_list.setMaximumWidth(150)
        self.city_list.currentTextChanged.connect(lambda *_: self.load_versions())
        self.new_city_button = _button(self.tr("新增城市…"), "new_city", self.open_new_city)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("城市")))
        left.addWidget(self.city_list, 1)
        left.addWidget(self.new_city_button)

        self.versions_view, self.versions_model = _table(
            "versions_table", self._version_headers(), self._version_widths(), stretch=len(self._version_headers()) - 3)
        self.versions_view.selectionModel().currentRowChanged.connect(lambda current, _: self._show(current.row()))
        self.versions_view.doubleClicked.connect(lambda *_: self.open_editor())
        self.detail_view, self.detail_model = _table("detail_table", self._detail_headers(), self._detail_widths(),
                                                     stretch=len(self._detail_headers()) - 1)
        self.detail_note = _hint("")
        self.edit_button = _button(self.tr("按此版本新建…"), "edit_version", lambda: self.open_editor())
        self.edit_button.setEnabled(False)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setStyleSheet(NOTICE_STYLE)

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

    def _detail_headers(self) -> list[str]:
        return [self.tr("险种"), self.tr("个人比例"), self.tr("单位比例"), self.tr("基数下限"), self.tr("基数上限"),
                self.tr("个人固定金额"), self.tr("舍入方式")]

    def _detail_widths(self) -> list[int]:
        return [110, 80, 80, 100, 100, 100, 120]

    def _detail_rows(self, v: StoredVersion) -> list[Row]:
        return rule_rows(v.data)

    def _detail_text(self, v: StoredVersion) -> str:
        return self.tr("住房公积金：{0}").format(self.tr("自入职次月起缴") if v.data.get("housing_fund_from_next_month")
                                             else self.tr("自入职当月起缴"))

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
            if city != self.current_city():
                return
            self.versions = versions
            self.versions_model.set_rows([version_row(v, self._version_extra(v), self._version_right) for v in versions])
            row = next((i for i, v in enumerate(versions) if v.id == select_id), 0)
            if versions:
                self.versions_view.selectRow(row)
                self._show(row)
            self.edit_button.setEnabled(bool(versions))
            self.loaded.emit()

        self.session.runner.submit(lambda: payroll_policies.versions(ctx, kind, city), done,
                                   lambda exc: show_error(self, exc), owner=self)

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
        self.status.setText(self.tr("已保存{0}自 {1} 起执行的新版本。").format(version.key, version.effective_from.isoformat()))
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
    from hrdesk.ui.dialogs.employee_dialog import load_cities

    policies = payroll_policies.policy_set(ctx)
    if kind == policy.INSURANCE:
        return policies.cities()
    candidates = set(policies.cities()) | set(load_cities())
    return sorted(c for c in candidates if policies.version_at(kind, c, date.max) is not None)


# --- 当地平均工资 --------------------------------------------------------------------------------------


class AverageWageDialog(PolicyDialog):
    kind = policy.LOCAL_AVERAGE_WAGE

    def __init__(self, session: AppSession, city: str | None, base: StoredVersion | None, parent=None):
        super().__init__(session, base, parent)
        self.setObjectName("average_wage_dialog")
        self.setWindowTitle(self.tr("当地上年职工平均工资 - 新版本"))
        data = base.data if base else {}
        self.city = QLineEdit(city or "")
        self.city.setObjectName("city")
        self.city.setReadOnly(city is not None)
        self.year = QLineEdit(str(data.get("year", "")))
        self.year.setObjectName("year")
        self.year.setPlaceholderText(self.tr("统计年度，如 2025"))
        self.monthly = QLineEdit(plain_number(Decimal(str(data["monthly"]))) if data.get("monthly") else "")
        self.monthly.setObjectName("monthly")
        self.annual = QLineEdit(plain_number(Decimal(str(data["annual"]))) if data.get("annual") else "")
        self.annual.setObjectName("annual")
        self.monthly.textEdited.connect(self._fill_annual)
        for key in ("year", "monthly", "annual"):
            self.error_labels[key] = _error_label()
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("城市 *"), self.city)
        form.addRow("", self.error_labels["key"])
        for label, widget, key in ((self.tr("统计年度 *"), self.year, "year"),
                                   (self.tr("月平均工资（元）*"), self.monthly, "monthly"),
                                   (self.tr("年平均工资（元）*"), self.annual, "annual")):
            form.addRow(label, widget)
            form.addRow("", self.error_labels[key])
        self.effective_form(form)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(_hint(self.tr("用于解除劳动合同补偿金的免税额（当地上年职工平均工资的3倍）。")))
        layout.addLayout(form)
        layout.addWidget(self.error_labels["data"])
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def _fill_annual(self, text: str) -> None:
        try:
            monthly = parse_number(text)
        except ValueError:
            return
        self.annual.setText(plain_number(monthly * 12))

    def key(self) -> str:
        return self.city.text().strip()

    def collect(self) -> dict | None:
        errors, data = {}, {}
        year = self.year.text().strip()
        if not (year.isdigit() and 1990 <= int(year) <= 2100):
            errors["year"] = self.tr("请填写四位年份")
        for key, edit in (("monthly", self.monthly), ("annual", self.annual)):
            try:
                data[key] = str(parse_number(edit.text()))
            except ValueError as exc:
                errors[key] = str(exc)
        if errors:
            self.show_errors(errors)
            return None
        return {"year": int(year), **data}


class AverageWageTab(InsuranceTab):
    kind = policy.LOCAL_AVERAGE_WAGE
    _version_right = (2, 3)

    def __init__(self, session: AppSession, parent=None):
        super().__init__(session, parent)
        self.setObjectName("average_wage_tab")
        self.new_city_button.setText(self.tr("新增城市…"))
        self.detail_view.setVisible(False)

    def _version_headers(self) -> list[str]:
        return [self.tr("生效日期"), self.tr("统计年度"), self.tr("月平均工资"), self.tr("年平均工资"), self.tr("政策来源"),
                self.tr("保存人"), self.tr("备注")]

    def _version_widths(self) -> list[int]:
        return [90, 70, 100, 100, 300, 90, 200]

    def _version_extra(self, v: StoredVersion) -> tuple:
        return (str(v.data.get("year", "")), format_money(Decimal(str(v.data.get("monthly", 0)))),
                format_money(Decimal(str(v.data.get("annual", 0)))))

    def _detail_rows(self, v: StoredVersion) -> list[Row]:
        return []

    def _detail_text(self, v: StoredVersion) -> str:
        annual = Decimal(str(v.data.get("annual", 0)))
        return self.tr("解除劳动合同补偿金免税额：{0} × 3 = {1} 元").format(format_money(annual), format_money(annual * 3))

    def _dialog(self, city, base) -> PolicyDialog:
        return AverageWageDialog(self.session, city, base, self)


# --- 个税税率表 ----------------------------------------------------------------------------------------


def band_rows(data: dict) -> list[Row]:
    table = TaxTable.from_data(data["brackets"])
    rows, lower = [], Decimal(0)
    for index, b in enumerate(table.brackets, start=1):
        if b.up_to is None:
            span = _tr("超过 {0} 元的部分").format(format_money(lower))
        elif lower == 0:
            span = _tr("不超过 {0} 元").format(format_money(b.up_to))
        else:
            span = _tr("超过 {0} 至 {1} 元").format(format_money(lower), format_money(b.up_to))
        rows.append(Row((str(index), span, percent_text(b.rate) + "%", format_money(b.quick_deduction)), key=index,
                        right=(2, 3)))
        lower = b.up_to or lower
    return rows


class TaxTableDialog(PolicyDialog):
    """A tax table's bands: upper edge (inclusive, the last one open), rate, quick deduction."""

    def __init__(self, session: AppSession, kind: str, base: StoredVersion | None, parent=None):
        super().__init__(session, base, parent)
        self.kind = kind
        self.setObjectName("tax_table_dialog")
        self.setWindowTitle(self.tr("{0} - 新版本").format(policy.kind_label(kind)))
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("bands_table")
        self.table.setHorizontalHeaderLabels([self.tr("级距上限（含，元）"), self.tr("税率(%)"), self.tr("速算扣除数（元）")])
        for column, width in enumerate((170, 90, 150)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        for band in (base.data.get("brackets") if base else None) or [{"up_to": None}]:
            self.add_row(band)
        self.add_button = _button(self.tr("增加一级"), "add_band", lambda: self.add_row({}, self.table.rowCount() - 1))
        self.remove_button = _button(self.tr("删除所选级"), "remove_band",
                                     lambda: self.table.removeRow(self.table.currentRow()))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.effective_form(form)
        buttons = QHBoxLayout()
        buttons.addWidget(_hint(self.tr("级距上限为该级应纳税所得额的上限（含）；最后一级留空。")), 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_labels["data"])
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.resize(600, 520)

    def add_row(self, band: dict, at: int | None = None) -> None:
        r = self.table.rowCount() if at is None or at < 0 else at
        self.table.insertRow(r)
        values = (plain_number(Decimal(str(band["up_to"]))) if band.get("up_to") not in (None, "") else "",
                  percent_text(Decimal(str(band["rate"]))) if band.get("rate") not in (None, "") else "",
                  plain_number(Decimal(str(band["quick_deduction"]))) if band.get("quick_deduction") not in (None, "")
                  else "")
        for column, text in enumerate(values):
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, column, item)

    def collect(self) -> dict | None:
        problems, bands = [], []
        count = self.table.rowCount()
        previous = None
        for r in range(count):
            cells = [self.table.item(r, c) for c in range(3)]
            for cell in cells:
                cell.setBackground(NO_BRUSH)
            last = r == count - 1
            try:
                up_to = parse_number(cells[0].text(), required=not last)
                if last and up_to is not None:
                    raise ValueError(self.tr("最后一级不设上限，请留空"))
                if up_to is not None and previous is not None and up_to <= previous:
                    raise ValueError(self.tr("应大于上一级的上限"))
            except ValueError as exc:
                cells[0].setBackground(CELL_ERROR)
                problems.append(self.tr("第{0}级上限：{1}").format(r + 1, exc))
                up_to = None
            previous = up_to if up_to is not None else previous
            try:
                rate = parse_number(cells[1].text(), percent=True)
                if rate >= 1:
                    raise ValueError(self.tr("应小于100"))
            except ValueError as exc:
                cells[1].setBackground(CELL_ERROR)
                problems.append(self.tr("第{0}级税率：{1}").format(r + 1, exc))
                rate = None
            try:
                quick = parse_number(cells[2].text())
            except ValueError as exc:
                cells[2].setBackground(CELL_ERROR)
                problems.append(self.tr("第{0}级速算扣除数：{1}").format(r + 1, exc))
                quick = None
            bands.append({"up_to": None if up_to is None else str(up_to), "rate": str(rate), "quick_deduction": str(quick)})
        if not count:
            problems.append(self.tr("至少需要一级"))
        if problems:
            self.show_errors({"data": "；".join(problems)})
            return None
        data = copy.deepcopy(self.base.data) if self.base else {}
        data.pop("status", None)
        data["brackets"] = bands
        data["source"] = self.source.text().strip()
        return data


class TaxTablesTab(QWidget):
    loaded = Signal()

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("tax_tables_tab")
        self.versions: list[StoredVersion] = []
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("tax_kind")
        for kind in self._kinds():
            self.kind_combo.addItem(policy.kind_label(kind), kind)
        self.kind_combo.currentIndexChanged.connect(lambda *_: self.reload())
        self.versions_view, self.versions_model = _table(
            "versions_table", [self.tr("生效日期"), self.tr("政策来源"), self.tr("保存人"), self.tr("备注")],
            [90, 420, 90, 200], stretch=1)
        self.versions_view.selectionModel().currentRowChanged.connect(lambda current, _: self._show(current.row()))
        self.versions_view.doubleClicked.connect(lambda *_: self.open_editor())
        self.detail_view, self.detail_model = self._detail_table()
        self.edit_button = _button(self.tr("按此版本新建…"), "edit_version", lambda: self.open_editor())
        self.edit_button.setEnabled(False)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setStyleSheet(NOTICE_STYLE)
        top = QHBoxLayout()
        if len(self._kinds()) > 1:
            top.addWidget(QLabel(self.tr("税率表")))
            top.addWidget(self.kind_combo)
        top.addStretch(1)
        top.addWidget(self.edit_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.versions_view)
        splitter.addWidget(self.detail_view)
        splitter.setSizes([180, 320])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

    def _kinds(self) -> tuple[str, ...]:
        return (policy.IIT_ANNUAL, policy.IIT_MONTHLY)

    def _detail_table(self):
        return _table("detail_table", [self.tr("级数"), self.tr("应纳税所得额"), self.tr("税率"), self.tr("速算扣除数")],
                      [50, 300, 80, 120], stretch=1)

    def _detail_rows(self, v: StoredVersion) -> list[Row]:
        return band_rows(v.data)

    def _dialog(self, base: StoredVersion) -> PolicyDialog:
        return TaxTableDialog(self.session, self.kind(), base, self)

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def reload(self, select_id: int | None = None) -> None:
        ctx, kind = self.session.ctx, self.kind()

        def done(versions):
            if kind != self.kind():
                return
            self.versions = versions
            self.versions_model.set_rows([version_row(v) for v in versions])
            row = next((i for i, v in enumerate(versions) if v.id == select_id), 0)
            if versions:
                self.versions_view.selectRow(row)
                self._show(row)
            self.edit_button.setEnabled(bool(versions))
            self.loaded.emit()

        self.session.runner.submit(lambda: payroll_policies.versions(ctx, kind, ""), done,
                                   lambda exc: show_error(self, exc), owner=self)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.versions):
            self.detail_model.set_rows(self._detail_rows(self.versions[row]))

    def current_version(self) -> StoredVersion | None:
        row = self.versions_view.currentIndex().row()
        return self.versions[row] if 0 <= row < len(self.versions) else None

    def open_editor(self) -> PolicyDialog | None:
        base = self.current_version()
        if base is None:
            return None
        dialog = self._dialog(base)
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def _saved(self, version: StoredVersion) -> None:
        self.status.setText(self.tr("已保存自 {0} 起执行的新版本。").format(version.effective_from.isoformat()))
        self.reload(version.id)


# --- 减除费用与扣除标准 --------------------------------------------------------------------------------


class DeductionsStandardDialog(PolicyDialog):
    kind = policy.IIT_DEDUCTIONS

    def __init__(self, session: AppSession, base: StoredVersion | None, parent=None):
        super().__init__(session, base, parent)
        self.setObjectName("deductions_standard_dialog")
        self.setWindowTitle(self.tr("减除费用与专项附加扣除标准 - 新版本"))
        data = base.data if base else {}
        limits = data.get("limits") or {}
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        rows = [("basic_monthly", self.tr("基本减除费用（元/月）"), data.get("basic_monthly")),
                ("low_income_annual", self.tr("上年工资不超过6万元者全年减除（元）"), data.get("low_income_annual"))]
        rows += [(f"limit:{code}", self.tr("{0}（元/月）").format(additional_label(code)), limits.get(code))
                 for code in MONTHLY_ADDITIONAL_CODES]
        for key, label, value in rows:
            edit = QLineEdit(plain_number(Decimal(str(value))) if value not in (None, "") else "")
            edit.setObjectName(key.replace(":", "_"))
            self.fields[key] = edit
            self.error_labels[key] = _error_label()
            form.addRow(label, edit)
            form.addRow("", self.error_labels[key])
        self.effective_form(form)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(_hint(self.tr("子女教育、婴幼儿照护为每名子女的标准；赡养老人、住房贷款利息、住房租金为每月上限，"
                                       "录入专项附加扣除时超过上限会被拒绝。")))
        layout.addLayout(form)
        layout.addWidget(self.error_labels["data"])
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def collect(self) -> dict | None:
        errors, values = {}, {}
        for key, edit in self.fields.items():
            try:
                values[key] = str(parse_number(edit.text()))
            except ValueError as exc:
                errors[key] = str(exc)
        if errors:
            self.show_errors(errors)
            return None
        data = copy.deepcopy(self.base.data) if self.base else {}
        data.pop("status", None)
        data["basic_monthly"] = values["basic_monthly"]
        data["low_income_annual"] = values["low_income_annual"]
        data["limits"] = {**(data.get("limits") or {}),
                          **{key.split(":")[1]: value for key, value in values.items() if key.startswith("limit:")}}
        data["source"] = self.source.text().strip()
        return data


class DeductionsStandardTab(TaxTablesTab):
    def __init__(self, session: AppSession, parent=None):
        super().__init__(session, parent)
        self.setObjectName("deductions_standard_tab")

    def _kinds(self) -> tuple[str, ...]:
        return (policy.IIT_DEDUCTIONS,)

    def _detail_table(self):
        return _table("detail_table", [self.tr("项目"), self.tr("标准")], [300, 160], stretch=1)

    def _detail_rows(self, v: StoredVersion) -> list[Row]:
        data = v.data
        basic, low = Decimal(str(data["basic_monthly"])), Decimal(str(data["low_income_annual"]))
        rows = [Row((self.tr("基本减除费用"), self.tr("{0} 元/月").format(format_money(basic)))),
                Row((self.tr("上年工资不超过6万元者全年减除"), self.tr("{0} 元").format(format_money(low))))]
        for code in MONTHLY_ADDITIONAL_CODES:
            value = (data.get("limits") or {}).get(code)
            if value is not None:
                rows.append(Row((additional_label(code), self.tr("{0} 元/月").format(format_money(Decimal(str(value)))))))
        return rows

    def _dialog(self, base: StoredVersion) -> PolicyDialog:
        return DeductionsStandardDialog(self.session, base, self)


# --- 工资项目 -------------------------------------------------------------------------------------------


def item_type_row(t: ItemType) -> Row:
    mark = _tr("是")
    return Row((t.name, t.code, t.category.label, mark if t.taxable else "", mark if t.prorate else "",
                mark if t.recurring else "", _tr("启用") if t.active else _tr("停用")),
               key=t.code, colors={} if t.active else {-1: GREY})


class ItemTypeDialog(QDialog):
    saved = Signal(object)  # ItemType

    def __init__(self, session: AppSession, item: ItemType | None, parent=None):
        super().__init__(parent)
        self.session = session
        self.item = item
        self.setObjectName("item_type_dialog")
        self.setWindowTitle(self.tr("编辑工资项目") if item else self.tr("新增工资项目"))
        self.name = QLineEdit(item.name if item else "")
        self.name.setObjectName("name")
        self.name.setMaxLength(30)
        self.name.setPlaceholderText(self.tr("如 高温补贴"))
        self.code = QLineEdit(item.code if item else "")
        self.code.setObjectName("code")
        self.code.setMaxLength(30)
        self.code.setReadOnly(item is not None)
        self.code.setPlaceholderText(self.tr("英文字母、数字和下划线，如 heat_allowance"))
        self.category = QComboBox()
        self.category.setObjectName("category")
        for c in PayCategory:
            self.category.addItem(c.label, c.value)
        if item:
            self.category.setCurrentIndex(self.category.findData(item.category.value))
        self.taxable = QCheckBox(self.tr("计入应税收入"))
        self.taxable.setObjectName("taxable")
        self.taxable.setChecked(item.taxable if item else True)
        self.prorate = QCheckBox(self.tr("入离职当月按出勤天数折算"))
        self.prorate.setObjectName("prorate")
        self.prorate.setChecked(item.prorate if item else False)
        self.recurring = QCheckBox(self.tr("可设为每月固定津贴"))
        self.recurring.setObjectName("recurring")
        self.recurring.setChecked(item.recurring if item else False)
        self.active = QCheckBox(self.tr("启用"))
        self.active.setObjectName("active")
        self.active.setChecked(item.active if item else True)
        self.error_labels = {key: _error_label() for key in ("name", "code", "category")}
        self.banner = _error_label()
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for label, widget, key in ((self.tr("名称 *"), self.name, "name"), (self.tr("代码 *"), self.code, "code"),
                                   (self.tr("类别 *"), self.category, "category")):
            form.addRow(label, widget)
            form.addRow("", self.error_labels[key])
        for box in (self.taxable, self.prorate, self.recurring, self.active):
            form.addRow("", box)
        self.category_hint = _hint("")
        form.addRow("", self.category_hint)
        self.category.currentIndexChanged.connect(lambda *_: self._category_changed())
        self._category_changed()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.resize(480, self.sizeHint().height())

    def _category_changed(self) -> None:
        category = PayCategory(self.category.currentData())
        earning = category is PayCategory.EARNING
        for box in (self.taxable, self.prorate, self.recurring):
            box.setEnabled(earning)
        self.category_hint.setText({
            PayCategory.EARNING: self.tr("计入应发工资；不计税的（如独生子女费）取消“计入应税收入”。"),
            PayCategory.ANNUAL_BONUS: self.tr("员工选择单独计税时按月度税率表单独计算。"),
            PayCategory.SEVERANCE: self.tr("当地上年平均工资3倍以内免税，超过部分单独计税。"),
            PayCategory.PRE_TAX_DEDUCTION: self.tr("从应发工资和应税收入中扣除（如缺勤扣款）。"),
            PayCategory.AFTER_TAX_DEDUCTION: self.tr("从税后实发工资中扣除（如借款归还）。"),
            PayCategory.REIMBURSEMENT: self.tr("随工资发放，不是收入，不计税。"),
        }[category])

    def save(self) -> ItemType | None:
        category = PayCategory(self.category.currentData())
        earning = category is PayCategory.EARNING
        try:
            saved = payroll_inputs.save_item_type(
                self.session.ctx, self.code.text(), self.name.text(), category,
                taxable=self.taxable.isChecked() if earning else category is not PayCategory.REIMBURSEMENT
                and category is not PayCategory.AFTER_TAX_DEDUCTION,
                prorate=self.prorate.isChecked() and earning, recurring=self.recurring.isChecked() and earning,
                active=self.active.isChecked())
        except ValidationError as exc:
            leftovers = show_field_errors(self.error_labels, exc.errors)
            self.banner.setText("；".join(leftovers))
            self.banner.setVisible(bool(leftovers))
            return None
        except HRDeskError as exc:
            show_error(self, exc)
            return None
        self.saved.emit(saved)
        self.accept()
        return saved


class ItemTypesTab(QWidget):
    loaded = Signal()

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("item_types_tab")
        self.types: list[ItemType] = []
        self.view, self.model = _table("item_types_table", [
            self.tr("名称"), self.tr("代码"), self.tr("类别"), self.tr("计税"), self.tr("按天折算"), self.tr("固定津贴"),
            self.tr("状态")], [140, 170, 150, 60, 70, 70, 60], stretch=2)
        self.view.doubleClicked.connect(lambda *_: self.open_edit())
        self.new_button = _button(self.tr("新增…"), "new_item_type", self.open_new)
        self.edit_button = _button(self.tr("编辑…"), "edit_item_type", lambda: self.open_edit())
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setStyleSheet(NOTICE_STYLE)
        top = QHBoxLayout()
        top.addWidget(_hint(self.tr("工资项目的类别决定它怎样计税和计入实发。已有录入记录的项目不能改类别，可以停用。")), 1)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

    def reload(self, select_code: str | None = None) -> None:
        ctx = self.session.ctx

        def done(types):
            self.types = types
            self.model.set_rows([item_type_row(t) for t in types])
            if select_code:
                self.view.selectRow(self.model.row_of(select_code))
            self.loaded.emit()

        self.session.runner.submit(lambda: payroll_inputs.item_types(ctx, include_inactive=True), done,
                                   lambda exc: show_error(self, exc), owner=self)

    def current(self) -> ItemType | None:
        row = self.view.currentIndex().row()
        return self.types[row] if 0 <= row < len(self.types) else None

    def open_new(self) -> ItemTypeDialog:
        dialog = ItemTypeDialog(self.session, None, self)
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def open_edit(self, item: ItemType | None = None) -> ItemTypeDialog | None:
        item = item or self.current()
        if item is None:
            return None
        dialog = ItemTypeDialog(self.session, item, self)
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def _saved(self, item: ItemType) -> None:
        self.status.setText(self.tr("已保存工资项目“{0}”。").format(item.name))
        self.reload(item.code)


# --- the page -------------------------------------------------------------------------------------------


class PayrollSettingsPage(QWidget):
    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("payroll_settings_page")
        note = QLabel(self.tr("政策表按生效月份保存版本：修改总是新增一个版本，之前的月份仍按当时的版本计算。"
                              "出厂数据标为“请核对”的，请先与当地最新通知核对。"))
        note.setStyleSheet(INFO_STYLE)
        note.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.insurance = InsuranceTab(session)
        self.average_wage = AverageWageTab(session)
        self.tax_tables = TaxTablesTab(session)
        self.deductions = DeductionsStandardTab(session)
        self.item_types = ItemTypesTab(session)
        self.tabs.addTab(self.insurance, self.tr("社保公积金"))
        self.tabs.addTab(self.average_wage, self.tr("当地平均工资"))
        self.tabs.addTab(self.tax_tables, self.tr("个税税率表"))
        self.tabs.addTab(self.deductions, self.tr("减除费用与扣除标准"))
        self.tabs.addTab(self.item_types, self.tr("工资项目"))
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.tabs, 1)
        session.signals.changed.connect(self._on_changes)
        self._install_then_load()

    def _install_then_load(self) -> None:
        """The default tables and item types are installed by the first read; do that once before
        the tabs load side by side (two first reads at once would both try to install them)."""
        ctx = self.session.ctx

        def install():
            payroll_policies.cities(ctx)
            payroll_inputs.item_types(ctx)

        def done(_):
            for tab in (self.insurance, self.average_wage, self.tax_tables, self.deductions, self.item_types):
                tab.reload()

        self.session.runner.submit(install, done, lambda exc: show_error(self, exc), owner=self)

    def _on_changes(self, changes) -> None:
        if self.session.signals.touches(changes, "pay_item_type"):
            self.item_types.reload()

"""个税税率表: the annual cumulative table (工资薪金预扣) and the monthly one (年终奖单独计税, 补偿金).

Each table is a list of bands: the upper edge of taxable income (inclusive; the top band is open),
the rate and the quick deduction. Like every policy table a change is a new version from a month,
so a later change of the law does not alter months already calculated.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout

from hrdesk.core.kernel.money import format_money
from hrdesk.core.payroll import policies
from hrdesk.core.payroll.policies import StoredVersion
from hrdesk.core.payroll.rules import policy
from hrdesk.core.payroll.rules.tax import TaxTable
from hrdesk.ui.common.form_parts import form_layout, named_button, rows_table
from hrdesk.ui.common.messages import show_error
from hrdesk.ui.common.rows_model import Row
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.payroll.settings.policy_dialog import CELL_ERROR, NO_BRUSH, PolicyDialog, editable_table, number_item
from hrdesk.ui.payroll.settings.policy_numbers import number_text, parse_number, percent_text, tr
from hrdesk.ui.payroll.settings.version_list import VersionListTab


def band_rows(data: dict) -> list[Row]:
    table = TaxTable.from_data(data["brackets"])
    rows, lower = [], Decimal(0)
    for index, b in enumerate(table.brackets, start=1):
        if b.up_to is None:
            span = tr("超过 {0} 元的部分").format(format_money(lower))
        elif lower == 0:
            span = tr("不超过 {0} 元").format(format_money(b.up_to))
        else:
            span = tr("超过 {0} 至 {1} 元").format(format_money(lower), format_money(b.up_to))
        rows.append(
            Row(
                (str(index), span, percent_text(b.rate) + "%", format_money(b.quick_deduction)), key=index, right=(2, 3)
            )
        )
        lower = b.up_to or lower
    return rows


class TaxTableDialog(PolicyDialog):
    """A tax table's bands: upper edge (inclusive, the last one open), rate, quick deduction."""

    def __init__(self, session: AppSession, kind: str, base: StoredVersion | None, parent=None):
        super().__init__(session, base, parent)
        self.kind = kind
        self.setObjectName("tax_table_dialog")
        self.setWindowTitle(self.tr("{0} - 新版本").format(policy.kind_label(kind)))
        self.table = editable_table(
            "bands_table",
            [self.tr("级距上限（含，元）"), self.tr("税率(%)"), self.tr("速算扣除数（元）")],
            [170, 90, 150],
        )
        for band in (base.data.get("brackets") if base else None) or [{"up_to": None}]:
            self.add_row(band)
        self.add_button = named_button(
            self.tr("增加一级"), "add_band", lambda: self.add_row({}, self.table.rowCount() - 1)
        )
        self.remove_button = named_button(
            self.tr("删除所选级"), "remove_band", lambda: self.table.removeRow(self.table.currentRow())
        )
        form = form_layout()
        self.effective_form(form)
        buttons = self.hint_with_buttons(
            self.tr("级距上限为该级应纳税所得额的上限（含）；最后一级留空。"), self.add_button, self.remove_button
        )
        self.lay_out(form, buttons, self.table)
        self.resize(600, 520)

    def add_row(self, band: dict, at: int | None = None) -> None:
        r = self.table.rowCount() if at is None or at < 0 else at
        self.table.insertRow(r)
        values = (
            number_text(band.get("up_to")),
            number_text(band.get("rate"), percent=True),
            number_text(band.get("quick_deduction")),
        )
        for column, text in enumerate(values):
            self.table.setItem(r, column, number_item(text))

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
            bands.append(
                {"up_to": None if up_to is None else str(up_to), "rate": str(rate), "quick_deduction": str(quick)}
            )
        if not count:
            problems.append(self.tr("至少需要一级"))
        if problems:
            self.show_errors({"data": "；".join(problems)})
            return None
        return self.data_from_base(brackets=bands)


class TaxTablesTab(VersionListTab):
    """The versions of the annual and the monthly table (one at a time) and the selected one's bands;
    DeductionsStandardTab is the same list over the deduction standards."""

    def __init__(self, session: AppSession, parent=None):
        super().__init__(session, parent)
        self.setObjectName("tax_tables_tab")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("tax_kind")
        for kind in self._kinds():
            self.kind_combo.addItem(policy.kind_label(kind), kind)
        self.kind_combo.currentIndexChanged.connect(lambda *_: self.reload())
        self._versions_table(
            [self.tr("生效日期"), self.tr("政策来源"), self.tr("保存人"), self.tr("备注")],
            [90, 420, 90, 200],
            stretch=1,
        )
        self.detail_view, self.detail_model = self._detail_table()
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
        return rows_table(
            "detail_table",
            [self.tr("级数"), self.tr("应纳税所得额"), self.tr("税率"), self.tr("速算扣除数")],
            [50, 300, 80, 120],
            stretch=1,
        )

    def _detail_rows(self, v: StoredVersion) -> list[Row]:
        return band_rows(v.data)

    def _dialog(self, base: StoredVersion) -> PolicyDialog:
        return TaxTableDialog(self.session, self.kind(), base, self)

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def reload(self, select_id: int | None = None) -> None:
        ctx, kind = self.session.ctx, self.kind()

        def done(versions):
            if kind == self.kind():
                self.show_versions(versions, select_id)

        self.session.runner.submit(
            lambda: policies.versions(ctx, kind, ""), done, lambda exc: show_error(self, exc), owner=self
        )

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

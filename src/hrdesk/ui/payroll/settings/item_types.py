"""工资项目: the pay item types (基本工资, 绩效奖金, 高温补贴, 缺勤扣款…) entries and allowances use.

An item's category decides how it is taxed and where it counts (应发, 税前扣除, 税后扣除, 报销,
年终奖, 补偿金), so the dialog explains each category as it is picked. Item types are not versioned:
one that already has entries keeps its category and can be switched off instead of deleted.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.core.payroll import inputs
from hrdesk.core.payroll.inputs import ItemType
from hrdesk.core.payroll.rules.items import PayCategory
from hrdesk.ui.common.form_parts import (
    add_field_row,
    error_label,
    form_layout,
    hint_label,
    named_button,
    rows_table,
    save_cancel_buttons,
    show_errors_with_banner,
)
from hrdesk.ui.common.messages import show_error
from hrdesk.ui.common.rows_model import Row
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.common.styles import GREY, NOTICE_STYLE
from hrdesk.ui.payroll.settings.policy_numbers import tr


def item_type_row(t: ItemType) -> Row:
    mark = tr("是")
    return Row(
        (
            t.name,
            t.code,
            t.category.label,
            mark if t.taxable else "",
            mark if t.prorate else "",
            mark if t.recurring else "",
            mark if t.overtime else "",
            tr("启用") if t.active else tr("停用"),
        ),
        key=t.code,
        colors={} if t.active else {-1: GREY},
    )


class ItemTypeDialog(QDialog):
    """新增/编辑工资项目. The code is fixed once saved (entries and payslips refer to it); the tax and
    proration options only apply to earnings, the other categories decide those themselves."""

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
        self.overtime = QCheckBox(self.tr("属于加班工资（未休年休假工资的月工资不含此项）"))
        self.overtime.setObjectName("overtime")
        self.overtime.setChecked(item.overtime if item else False)
        self.active = QCheckBox(self.tr("启用"))
        self.active.setObjectName("active")
        self.active.setChecked(item.active if item else True)
        self.error_labels: dict[str, QLabel] = {}
        self.banner = error_label()
        form = form_layout()
        for label, widget, key in (
            (self.tr("名称 *"), self.name, "name"),
            (self.tr("代码 *"), self.code, "code"),
            (self.tr("类别 *"), self.category, "category"),
        ):
            add_field_row(form, label, widget, self.error_labels, key)
        for box in (self.taxable, self.prorate, self.recurring, self.overtime, self.active):
            form.addRow("", box)
        self.category_hint = hint_label("")
        form.addRow("", self.category_hint)
        self.category.currentIndexChanged.connect(lambda *_: self._category_changed())
        self._category_changed()
        self.buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.resize(480, self.sizeHint().height())

    def _category_changed(self) -> None:
        category = PayCategory(self.category.currentData())
        earning = category is PayCategory.EARNING
        for box in (self.taxable, self.prorate, self.recurring, self.overtime):
            box.setEnabled(earning)
        self.category_hint.setText(
            {
                PayCategory.EARNING: self.tr("计入应发工资；不计税的（如独生子女费）取消“计入应税收入”。"),
                PayCategory.ANNUAL_BONUS: self.tr("员工选择单独计税时按月度税率表单独计算。"),
                PayCategory.SEVERANCE: self.tr("当地上年平均工资3倍以内免税，超过部分单独计税。"),
                PayCategory.PRE_TAX_DEDUCTION: self.tr("从应发工资和应税收入中扣除（如缺勤扣款）。"),
                PayCategory.AFTER_TAX_DEDUCTION: self.tr("从税后实发工资中扣除（如借款归还）。"),
                PayCategory.REIMBURSEMENT: self.tr("随工资发放，不是收入，不计税。"),
            }[category]
        )

    def save(self) -> ItemType | None:
        category = PayCategory(self.category.currentData())
        earning = category is PayCategory.EARNING
        try:
            saved = inputs.save_item_type(
                self.session.ctx,
                self.code.text(),
                self.name.text(),
                category,
                taxable=self.taxable.isChecked()
                if earning
                else category is not PayCategory.REIMBURSEMENT and category is not PayCategory.AFTER_TAX_DEDUCTION,
                prorate=self.prorate.isChecked() and earning,
                recurring=self.recurring.isChecked() and earning,
                overtime=self.overtime.isChecked() and earning,
                active=self.active.isChecked(),
            )
        except ValidationError as exc:
            show_errors_with_banner(self.error_labels, self.banner, exc.errors)
            return None
        except HRDeskError as exc:
            show_error(self, exc)
            return None
        self.saved.emit(saved)
        self.accept()
        return saved


class ItemTypesTab(QWidget):
    """All pay item types, inactive ones greyed; 新增… and 编辑…."""

    loaded = Signal()

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("item_types_tab")
        self.types: list[ItemType] = []
        self.view, self.model = rows_table(
            "item_types_table",
            [
                self.tr("名称"),
                self.tr("代码"),
                self.tr("类别"),
                self.tr("计税"),
                self.tr("按天折算"),
                self.tr("固定津贴"),
                self.tr("加班工资"),
                self.tr("状态"),
            ],
            [140, 170, 150, 60, 70, 70, 70, 60],
            stretch=2,
        )
        self.view.doubleClicked.connect(lambda *_: self.open_edit())
        self.new_button = named_button(self.tr("新增…"), "new_item_type", self.open_new)
        self.edit_button = named_button(self.tr("编辑…"), "edit_item_type", lambda: self.open_edit())
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setStyleSheet(NOTICE_STYLE)
        top = QHBoxLayout()
        top.addWidget(
            hint_label(self.tr("工资项目的类别决定它怎样计税和计入实发。已有录入记录的项目不能改类别，可以停用。")), 1
        )
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

        self.session.runner.submit(
            lambda: inputs.item_types(ctx, include_inactive=True), done, lambda exc: show_error(self, exc), owner=self
        )

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

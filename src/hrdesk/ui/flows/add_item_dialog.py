"""增加交接事项: HR adds a line to a leaver's handover checklist (e.g. a laptop with its asset number)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.flows import checklists
from hrdesk.core.flows.checklist_rules import ItemCategory, ItemOwner
from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.ui.common import messages
from hrdesk.ui.common.messages import ERROR_STYLE, show_field_errors
from hrdesk.ui.common.session import AppSession


class AddItemDialog(QDialog):
    """HR adds a line to a separation's handover checklist (e.g. a laptop with its asset number)."""

    def __init__(self, session: AppSession, flow_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.flow_id = flow_id
        self.setWindowTitle(self.tr("增加交接事项"))
        self.category = QComboBox()
        self.category.setObjectName("category")
        for c in ItemCategory:
            self.category.addItem(c.label, c.value)
        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.title.setMaxLength(120)
        self.title.setPlaceholderText(self.tr("如 ThinkPad X1 笔记本、备用金"))
        self.owner = QComboBox()
        self.owner.setObjectName("owner")
        for o in ItemOwner:
            self.owner.addItem(o.label, o.value)
        self.asset_no = QLineEdit()
        self.asset_no.setObjectName("asset_no")
        self.asset_no.setPlaceholderText(self.tr("选填，如 IT-2023-0042"))
        self.amount = QLineEdit()
        self.amount.setObjectName("amount")
        self.amount.setPlaceholderText(self.tr("选填，未结清的借款或备用金"))
        self.error_labels: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        layout.addWidget(self.banner)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for key, label, widget in (
            ("category", self.tr("类别"), self.category),
            ("title", self.tr("事项 *"), self.title),
            ("owner", self.tr("确认人"), self.owner),
            ("asset_no", self.tr("资产编号"), self.asset_no),
            ("amount", self.tr("金额（元）"), self.amount),
        ):
            form.addRow(label, widget)
            error = QLabel()
            error.setWordWrap(True)
            error.setVisible(False)
            form.addRow("", error)
            self.error_labels[key] = error
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def save(self) -> bool:
        try:
            checklists.add_item(
                self.session.ctx,
                self.flow_id,
                ItemCategory(self.category.currentData()),
                self.title.text(),
                ItemOwner(self.owner.currentData()),
                asset_no=self.asset_no.text(),
                amount=self.amount.text(),
            )
        except ValidationError as exc:
            leftovers = show_field_errors(self.error_labels, exc.errors)
            self.banner.setText("；".join(leftovers))
            self.banner.setStyleSheet(ERROR_STYLE)
            self.banner.setVisible(bool(leftovers))
            return False
        except HRDeskError as exc:
            messages.show_error(self, exc)
            return False
        self.accept()
        return True


# --- shared by the dialogs that start a flow ----------------------------------------------------------

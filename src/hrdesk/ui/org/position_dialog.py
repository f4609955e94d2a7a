"""The position dialog (forms/position_dialog.ui): create a position (岗位) or edit one.

It collects input, calls one service (create or update) and shows each validation message under
its field; the dialog stays open and nothing is written until the service accepts the input.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from hrdesk.core.kernel.errors import HRDeskError, NotFound, ValidationError
from hrdesk.core.org import positions
from hrdesk.core.org.positions import PositionInfo
from hrdesk.ui.common import messages
from hrdesk.ui.common.messages import ERROR_STYLE, show_field_errors
from hrdesk.ui.common.session import AppSession
from hrdesk.ui.forms.ui_position_dialog import Ui_PositionDialog

DESCRIPTION_MAX = 300  # the column's length; the service does not check it


class PositionDialog(QDialog):
    saved = Signal(int)  # position id, after the service accepted the input

    def __init__(self, session: AppSession, position_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.form = Ui_PositionDialog()
        self.form.setupUi(self)
        self.detail: PositionInfo | None = None
        if position_id is not None:
            self.detail = next((p for p in positions.list_positions(session.ctx) if p.id == position_id), None)
            if self.detail is None:
                raise NotFound(self.tr("找不到该岗位，可能已被删除。"))
        self.error_labels: dict[str, QLabel] = {
            name[4:]: getattr(self.form, name) for name in dir(self.form) if name.startswith("err_")
        }
        self.form.grid.setColumnMinimumWidth(0, 80)
        self.form.grid.setColumnStretch(1, 1)
        self.form.banner.setStyleSheet(ERROR_STYLE)
        self.form.description.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        self.form.buttons.accepted.connect(self.save)
        self.form.buttons.rejected.connect(self.reject)
        if self.detail is None:
            self.setWindowTitle(self.tr("新建岗位"))
            self.form.lbl_active.setVisible(False)
            self.form.active.setVisible(False)
        else:
            d = self.detail
            self.setWindowTitle(self.tr("编辑岗位 - {0}").format(d.name))
            self.form.name.setText(d.name)
            self.form.code.setText(d.code or "")
            self.form.description.setPlainText(d.description or "")
            self.form.active.setChecked(d.active)
        self.resize(520, self.sizeHint().height())

    def save(self) -> None:
        f = self.form
        description = f.description.toPlainText()
        if len(description.strip()) > DESCRIPTION_MAX:
            self._show_errors(
                {
                    "description": self.tr("岗位说明最多{0}字，当前{1}字").format(
                        DESCRIPTION_MAX, len(description.strip())
                    )
                }
            )
            return
        try:
            if self.detail is None:
                position_id = positions.create_position(self.session.ctx, f.name.text(), f.code.text(), description)
            else:
                position_id = self.detail.id
                positions.update_position(
                    self.session.ctx,
                    position_id,
                    name=f.name.text(),
                    code=f.code.text(),
                    description=description,
                    active=f.active.isChecked(),
                )
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return
        except HRDeskError as exc:
            messages.show_error(self, exc)
            return
        self.saved.emit(position_id)
        self.accept()

    def _show_errors(self, errors: dict[str, str]) -> None:
        leftovers = show_field_errors(self.error_labels, errors)
        self.form.banner.setText("；".join(leftovers))
        self.form.banner.setVisible(bool(leftovers))
        first = next((k for k in errors if k in self.error_labels), None)
        widget = getattr(self.form, first, None) if first else None
        if widget is not None:
            widget.setFocus()

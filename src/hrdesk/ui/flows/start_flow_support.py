"""What the dialogs that start a flow (离职, 调岗/调薪, 转正) share: error display, calling the service
that starts the flow, and date helpers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QLabel,
    QWidget,
)

from hrdesk.core.kernel.errors import HRDeskError, ValidationError
from hrdesk.core.people.employee_rules import EmployeeStatus
from hrdesk.ui.common import messages
from hrdesk.ui.common.messages import ERROR_STYLE, show_field_errors


def _tr(text: str) -> str:
    return QCoreApplication.translate("StartFlowDialog", text)


class StartFlowErrors:
    """Error display of the start dialogs: each message under its field (err_<field> labels of the
    form), the rest in the banner at the top."""

    def __init__(self, form, banner_text: str):
        self.form = form
        self.banner_text = banner_text
        self.labels: dict[str, QLabel] = {
            name[4:]: getattr(form, name) for name in dir(form) if name.startswith("err_")
        }
        form.banner.setStyleSheet(ERROR_STYLE)

    def show(self, errors: dict[str, str]) -> None:
        leftovers = show_field_errors(self.labels, errors)
        text = self.banner_text + (" " + "；".join(leftovers) if leftovers else "")
        self.form.banner.setText(text)
        self.form.banner.setVisible(bool(errors))
        first = next((key for key in errors if key in self.labels), None)
        widget = getattr(self.form, first, None) if first else None
        if isinstance(widget, QWidget) and widget.isVisible():
            widget.setFocus()

    def current(self) -> dict[str, str]:
        """Visible messages by field (for tests and accessibility tools); the banner as "banner"."""
        found = {k: label.text() for k, label in self.labels.items() if not label.isHidden() and label.text()}
        if not self.form.banner.isHidden() and self.form.banner.text():
            found["banner"] = self.form.banner.text()
        return found


def start_flow(dialog, errors: StartFlowErrors, start: Callable[[], object]) -> bool:
    """Call ``start`` (the service that starts the flow): its field errors go under their fields,
    anything else is a message; on success the dialog keeps the flow's detail, announces its id
    through ``started`` and closes."""
    try:
        detail = start()
    except ValidationError as exc:
        errors.show(exc.errors)
        return False
    except HRDeskError as exc:
        errors.show({})
        messages.show_error(dialog, exc)
        return False
    dialog.detail = detail
    dialog.started.emit(detail.summary.id)
    dialog.accept()
    return True


def qdate(value: date):
    from PySide6.QtCore import QDate

    return QDate(value.year, value.month, value.day)


def pydate(edit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def employee_info(detail) -> str:
    """One line about the chosen employee: department, status, hire date (and probation end)."""
    parts = [detail.department_name, detail.status.label, _tr("入职 {0}").format(detail.hire_date.isoformat())]
    if detail.status is EmployeeStatus.PROBATION and detail.probation_end_date:
        parts.append(_tr("试用期至 {0}").format(detail.probation_end_date.isoformat()))
    if detail.position_name:
        parts.insert(1, detail.position_name)
    return " · ".join(parts)

"""Choosing an employee by typing part of a number or name: a completer fed by a core search.

Scales to 100,000 employees because it asks the database for 20 matches at a time instead of
loading every name into the completer.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit

from hrdesk.core.people.employees import EmployeeBrief


class EmployeeLookup(QObject):
    """Attach to a QLineEdit; ``selected_id`` is the chosen employee (None when the text is empty)."""

    selection_changed = Signal(object)

    def __init__(self, edit: QLineEdit, search: Callable[[str], list[EmployeeBrief]], parent=None):
        super().__init__(parent or edit)
        self.edit = edit
        self._search = search
        self._matches: dict[str, int] = {}
        self._selected: int | None = None
        self._model = QStringListModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        edit.setCompleter(self.completer)
        edit.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self._refresh)
        edit.textEdited.connect(self._on_edited)
        self.completer.activated[str].connect(self._on_chosen)

    @property
    def selected_id(self) -> int | None:
        return self._selected

    def set_selected(self, employee_id: int | None, label: str = "") -> None:
        self._selected = employee_id
        self.edit.setText(label if employee_id is not None else "")
        if employee_id is not None:
            self._matches[label] = employee_id

    def text_is_unresolved(self) -> bool:
        """True when the user typed something that does not name a chosen employee."""
        text = self.edit.text().strip()
        if not text:
            return False
        return self._selected is None or self._matches.get(text) != self._selected

    def _on_edited(self, text: str) -> None:
        if not text.strip():
            self._selected = None
            self.selection_changed.emit(None)
            return
        self._selected = self._matches.get(text)
        self._timer.start()

    def _refresh(self) -> None:
        found = self._search(self.edit.text())
        self._matches.update({b.label: b.id for b in found})
        self._model.setStringList([b.label for b in found])
        if self.edit.hasFocus():
            self.completer.complete()

    def _on_chosen(self, label: str) -> None:
        self.edit.setText(label)
        self._selected = self._matches.get(label)
        self.selection_changed.emit(self._selected)

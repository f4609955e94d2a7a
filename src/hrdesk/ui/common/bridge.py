"""Maps the core's change bus to a Qt signal, so pages refresh only what a service changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from hrdesk.core.kernel.events import Change, ChangeBus


class ChangeSignals(QObject):
    changed = Signal(list)  # list[Change]

    def __init__(self, bus: ChangeBus, parent: QObject | None = None):
        super().__init__(parent)
        self._bus = bus
        bus.subscribe(self._on_changes)

    def _on_changes(self, changes: list[Change]) -> None:
        # Queued across threads automatically when a background operation commits.
        self.changed.emit(changes)

    def detach(self) -> None:
        self._bus.unsubscribe(self._on_changes)

    @staticmethod
    def touches(changes: list[Change], *entity_types: str) -> bool:
        return any(c.entity_type in entity_types for c in changes)

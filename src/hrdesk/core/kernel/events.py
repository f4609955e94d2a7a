"""What changed: services describe their effect so that screens refresh only what changed.

The GUI bridges the bus to a Qt signal; the core only calls plain callbacks after a commit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Change:
    entity_type: str  # "employee", "department", "position", "user", "custom_field", "company"
    kind: str  # "created", "updated", "deleted"
    ids: tuple = field(default_factory=tuple)


class ChangeBus:
    def __init__(self) -> None:
        self._subscribers: list[Callable[[list[Change]], None]] = []

    def subscribe(self, callback: Callable[[list[Change]], None]) -> None:
        self._subscribers.append(callback)

    def unsubscribe(self, callback: Callable[[list[Change]], None]) -> None:
        if callback in self._subscribers:
            self._subscribers.remove(callback)

    def publish(self, changes: list[Change]) -> None:
        if not changes:
            return
        for callback in list(self._subscribers):
            callback(changes)

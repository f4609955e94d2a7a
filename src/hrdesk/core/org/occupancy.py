"""Who occupies the organisation: what the departments and positions services ask about the people
placed in them — head counts, the head's name, whether anyone still works in a department before it
is closed.

The organisation sits below the register (an employee's record names a department and a position,
so the register reads the org tables, never the reverse). Like a Django model declaring
``on_delete=PROTECT`` on the table it points to, the people area answers these questions by
providing an :class:`Occupancy` when it is loaded (``hrdesk.core.areas`` loads every area).
"""

from __future__ import annotations

from collections import Counter
from typing import Protocol

from sqlalchemy.orm import Session


class Occupancy(Protocol):
    def placements(self, session: Session) -> Counter:
        """Employees not yet separated, counted by (department, 项目部 or None)."""

    def members(self, session: Session, dept_id: int, *, current_only: bool) -> int:
        """Employees whose department or 项目部 is ``dept_id`` (only those not separated if
        ``current_only``)."""

    def project_members(self, session: Session, dept_id: int) -> int:
        """Employees, former ones included, whose 项目部 is ``dept_id``."""

    def position_holders(self, session: Session) -> dict[int, int]:
        """Employees not yet separated, counted by position."""

    def position_uses(self, session: Session, position_id: int) -> int:
        """Employees, former ones included, in ``position_id``."""

    def names(self, session: Session, employee_ids: set[int]) -> dict[int, str]:
        """The names of these employees."""

    def head_problem(self, session: Session, employee_id: int) -> str | None:
        """Why this employee cannot head a department (unknown, separated), or None."""


_provider: Occupancy | None = None


def provide(occupancy: Occupancy) -> None:
    global _provider
    _provider = occupancy


def occupancy() -> Occupancy:
    if _provider is None:
        raise RuntimeError("the people area is not loaded: import hrdesk.core.areas before using the org services")
    return _provider

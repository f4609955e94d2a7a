"""Which 社保缴纳城市 an employee record may name: the cities the payroll has a contribution policy
for.

The policies live in the payroll area, which sits above the register (pyproject.toml's import
contracts: people may not import payroll). So, as the organisation asks the register who works where
(:mod:`hrdesk.core.org.occupancy`), the register asks whoever registered here: the payroll area
registers the cities of its shipped and company-added insurance policies when
:mod:`hrdesk.core.areas` loads it. Checking here rather than when a payroll run reads the city means
an unknown city is refused when it is typed, next to the field, instead of the run quietly skipping
the person's 社保 and 公积金 with a warning months later.

With no source registered (the register used on its own) any city is accepted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy.orm import Session

CitySource = Callable[[Session], Iterable[str]]

_sources: list[CitySource] = []


def register(source: CitySource) -> None:
    if source not in _sources:
        _sources.append(source)


def known_cities(session: Session) -> frozenset[str] | None:
    """Every city some source knows, or None when no source is registered (nothing to check)."""
    if not _sources:
        return None
    cities: set[str] = set()
    for source in _sources:
        cities.update(source(session))
    return frozenset(cities)


def offered(ctx, current: str | None = None, order: Iterable[str] = ()) -> list[str]:
    """The cities a form offers: those the payroll has a policy for, in ``order`` (the shipped city
    list) and then alphabetically, plus the record's ``current`` city so that editing keeps it.
    Without a registered source, ``order`` as given."""
    with ctx.read() as session:
        known = known_cities(session)
    ordered = list(order)
    if known is None:
        cities = ordered
    else:
        cities = [c for c in ordered if c in known] + sorted(known - set(ordered))
    if current and current not in cities:
        cities.append(current)
    return cities

"""The organisation tree's order for lists of people, with a subtotal for every department.

Lists of people by department (the 工资表, the payroll page) follow the tree as the 组织架构 page
shows it: siblings by their sort order, then by name; a department's own people first, then its
sub-departments. :func:`layout` closes each department's own people with a subtotal and each
department with sub-departments with a rolled-up subtotal of its whole subtree, so:

* every person is in exactly one own-people subtotal (their sum is the grand total);
* a rolled-up subtotal is its own people plus its sub-departments' subtotals (rolled-up ones for
  sub-departments with sub-departments of their own), never counting a person twice;
* a rolled-up subtotal that would cover everyone listed (the company's root department) is left
  out: the grand total says it.

Pure: a department is known by a :class:`DepartmentLevel` (its id, name, shown path, sort order),
and a person by the chain of levels from the root down to their department.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class DepartmentLevel:
    """One department on the way from the root to a person's department."""

    id: int | str  # the department's id; its path when only the path is known
    name: str
    path: str  # as lists show it: "销售部/华东销售部" (the root's name only for the root itself)
    sort_order: int = 0

    def key(self) -> tuple:
        return (0, self.sort_order, self.name, self.path)


# people without a department: one group after every department
UNASSIGNED = DepartmentLevel("", "", "", 0)
_UNASSIGNED_KEY = (1,)
_OWN_PEOPLE = (-1,)  # a department's own people sort before its sub-departments


def chains(records: Iterable[tuple[int, str, int | None, int]]) -> dict[int, tuple[DepartmentLevel, ...]]:
    """Every department's chain from its root down to itself, from (id, name, parent_id, sort_order).

    A level's path leaves the root out ("销售部/华东销售部" under 总公司), except for the root itself."""
    nodes = {dept_id: (name, parent_id, sort_order) for dept_id, name, parent_id, sort_order in records}
    result: dict[int, tuple[DepartmentLevel, ...]] = {}

    def chain(dept_id: int, seen: frozenset[int] = frozenset()) -> tuple[DepartmentLevel, ...]:
        if dept_id in result:
            return result[dept_id]
        name, parent_id, sort_order = nodes[dept_id]
        above: tuple[DepartmentLevel, ...] = ()
        if parent_id is not None and parent_id in nodes and parent_id not in seen:
            above = chain(parent_id, seen | {dept_id})
        names = [level.name for level in above] + [name]
        path = "/".join(names[1:]) or name
        result[dept_id] = (*above, DepartmentLevel(dept_id, name, path, sort_order))
        return result[dept_id]

    for dept_id in nodes:
        chain(dept_id)
    return result


def chain_from_path(path: str) -> tuple[DepartmentLevel, ...]:
    """The chain when only a shown path is known ("销售部/华东销售部"): siblings then go by name."""
    if not path:
        return (UNASSIGNED,)
    parts = path.split("/")
    return tuple(
        DepartmentLevel("/".join(parts[: i + 1]), part, "/".join(parts[: i + 1])) for i, part in enumerate(parts)
    )


def person_key(chain: Sequence[DepartmentLevel]) -> tuple:
    """Where a person of ``chain``'s department goes in the tree's order (then by 工号 or the like)."""
    if not chain or chain[0] is UNASSIGNED:
        return (_UNASSIGNED_KEY, _OWN_PEOPLE)
    return (*(level.key() for level in chain), _OWN_PEOPLE)


@dataclass(frozen=True)
class DepartmentTotal(Generic[T]):
    """A subtotal line: ``rolled_up`` False for the department's own people (``has_subdepartments``
    when sub-departments follow them), True for the whole subtree."""

    department: DepartmentLevel
    members: tuple[T, ...] = field(repr=False)
    rolled_up: bool
    has_subdepartments: bool


@dataclass
class _Open(Generic[T]):
    level: DepartmentLevel
    own: list[T] = field(default_factory=list)  # own people not yet closed by a subtotal
    members: list[T] = field(default_factory=list)  # everyone so far, sub-departments included
    has_subdepartments: bool = False


def layout(items: Iterable[T], chain_of: Callable[[T], Sequence[DepartmentLevel]]) -> Iterator[T | DepartmentTotal[T]]:
    """``items`` with their subtotals, in the order given (each department's people and each subtree
    contiguous, as :func:`person_key` sorts them, or the reverse of that)."""
    items = list(items)
    everyone = len(items)
    stack: list[_Open[T]] = []

    def close_own(node: _Open[T]) -> Iterator[DepartmentTotal[T]]:
        if node.own:
            yield DepartmentTotal(node.level, tuple(node.own), False, node.has_subdepartments)
            node.own = []

    def close(node: _Open[T]) -> Iterator[DepartmentTotal[T]]:
        yield from close_own(node)
        if node.has_subdepartments and len(node.members) < everyone:
            yield DepartmentTotal(node.level, tuple(node.members), True, True)

    for item in items:
        chain = list(chain_of(item)) or [UNASSIGNED]
        depth = 0
        while depth < min(len(stack), len(chain)) and stack[depth].level.id == chain[depth].id:
            depth += 1
        while len(stack) > depth:
            yield from close(stack.pop())
        if len(chain) > len(stack):
            if stack:
                stack[-1].has_subdepartments = True
                yield from close_own(stack[-1])
            for index, level in enumerate(chain[len(stack) :], start=len(stack)):
                stack.append(_Open(level, has_subdepartments=index < len(chain) - 1))
        stack[-1].own.append(item)
        for node in stack:
            node.members.append(item)
        yield item
    while stack:
        yield from close(stack.pop())

"""The organisation tree: department kinds, subtrees, head counts and the rule that the tree has no
cycles."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from hrdesk.core.kernel.labels import LabeledEnum


class DepartmentKind(LabeledEnum):
    BUSINESS = "business"
    FUNCTION = "function"  # 人事/财务/行政 …
    PROJECT = "project"  # 项目部: employees are charged to a project and have a 项目负责人

    @classmethod
    def _labels(cls):
        return {cls.BUSINESS: "业务部门", cls.FUNCTION: "职能部门", cls.PROJECT: "项目部"}


def children_map(parent_of: Mapping[int, int | None]) -> dict[int | None, list[int]]:
    children: dict[int | None, list[int]] = defaultdict(list)
    for node, parent in parent_of.items():
        children[parent].append(node)
    return children


def subtree_ids(parent_of: Mapping[int, int | None], roots: Iterable[int]) -> set[int]:
    """Every department under (and including) the given roots."""
    children = children_map(parent_of)
    result: set[int] = set()
    stack = [r for r in roots if r in parent_of]
    while stack:
        node = stack.pop()
        if node in result:
            continue
        result.add(node)
        stack.extend(children.get(node, ()))
    return result


def would_create_cycle(parent_of: Mapping[int, int | None], node: int, new_parent: int | None) -> bool:
    """True if making ``new_parent`` the parent of ``node`` would put ``node`` under itself."""
    current = new_parent
    seen = set()
    while current is not None and current not in seen:
        if current == node:
            return True
        seen.add(current)
        current = parent_of.get(current)
    return False


def path_names(dept_id: int, parent_of: Mapping[int, int | None], names: Mapping[int, str]) -> list[str]:
    """Names from the root down to ``dept_id``, e.g. ['总公司', '工程中心', '一号项目部']."""
    path = []
    current: int | None = dept_id
    seen = set()
    while current is not None and current not in seen:
        seen.add(current)
        path.append(names[current])
        current = parent_of.get(current)
    return list(reversed(path))


@dataclass(frozen=True)
class HeadCount:
    """People in a department, as 组织架构 and the register's department tree show them.

    ``direct``: whose department is this one, or whose 项目部 it is (a project member seconded from
    another department counts in both). ``subtree``: whose department or 项目部 is this one or any
    below it, each person once, which is who the register lists when the department is chosen.
    The subtree is therefore the sum of the direct counts below it, less everyone whose department
    and 项目部 both lie in it (``shared``, counted twice in that sum)."""

    direct: int = 0
    subtree: int = 0
    shared: int = 0


def head_counts(
    parent_of: Mapping[int, int | None], placements: Mapping[tuple[int, int | None], int]
) -> dict[int, HeadCount]:
    """Head counts of every department in ``parent_of``; ``placements`` counts people by
    (department, 项目部 or None)."""
    ancestors: dict[int, frozenset[int]] = {}

    def up(dept_id: int | None) -> frozenset[int]:
        """The department and every department above it (cycles cannot occur, see above)."""
        if dept_id is None or dept_id not in parent_of:
            return frozenset()
        if dept_id not in ancestors:
            ancestors[dept_id] = frozenset({dept_id}) | up(parent_of[dept_id])
        return ancestors[dept_id]

    direct: Counter = Counter()
    subtree: Counter = Counter()
    shared: Counter = Counter()
    for (dept_id, project_id), count in placements.items():
        home, project = up(dept_id), up(project_id) if project_id != dept_id else frozenset()
        direct[dept_id] += count
        if project:
            direct[project_id] += count
        for node in home | project:
            subtree[node] += count
        for node in home & project:
            shared[node] += count
    return {d: HeadCount(direct[d], subtree[d], shared[d]) for d in parent_of}

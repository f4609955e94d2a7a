"""The organisation tree: department kinds, subtrees and the rule that the tree has no cycles."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

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

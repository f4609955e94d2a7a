"""The matrix company as fixtures: built once per session and copied for every case (world.py).
Imported by the matrix's conftest and by tests/core/test_write_audit.py."""

from __future__ import annotations

import pytest

from tests.core.permission_matrix.world import World, build_world


@pytest.fixture(scope="session")
def world(tmp_path_factory) -> World:
    return build_world(tmp_path_factory.mktemp("matrix-company"))


@pytest.fixture
def w(world):
    """A fresh copy of the matrix company for one case (always in the same folder: see clone)."""
    clone = world.clone(world.root.parent / "case")
    yield clone
    assert clone.db is not None
    clone.db.dispose()

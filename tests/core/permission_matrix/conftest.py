from tests.core.permission_matrix.fixtures import w, world

__all__ = ["w", "world"]

"""Column types that keep values exact on every backend (SQLite/SQLCipher and PostgreSQL)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import BigInteger
from sqlalchemy.types import TypeDecorator

from hrdesk.core.kernel.money import from_fen, to_fen


class Money(TypeDecorator):
    """Decimal yuan in Python, integer fen in the database: exact on SQLite, which has no decimal."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect):
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("money must not be a float")
        return to_fen(Decimal(value))

    def process_result_value(self, value: int | None, dialect):
        if value is None:
            return None
        return from_fen(value)

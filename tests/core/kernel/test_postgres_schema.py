"""The same Alembic history builds the company schema on PostgreSQL 15 or later (issue 13: the
server runs on PostgreSQL with the same migrations), and the tables the areas declare match it."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

import hrdesk.core.areas  # noqa: F401  (every area's tables on the shared metadata)
from hrdesk.core.kernel.persistence.base import Base
from hrdesk.core.kernel.persistence.company_file import alembic_config, head_revision
from tests import postgres_server


@pytest.fixture(scope="module")
def postgres():
    server = postgres_server.start()
    engine = create_engine(server.url)
    yield engine
    engine.dispose()
    postgres_server.stop(server)


def test_the_migrations_build_the_schema_on_postgresql(postgres):
    with postgres.connect() as conn:
        version = conn.execute(text("SHOW server_version_num")).scalar_one()
    assert int(version) >= postgres_server.MINIMUM_MAJOR * 10000
    with postgres.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    with postgres.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        tables = conn.execute(
            text("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
        ).scalar_one()
    assert tables == len(Base.metadata.tables) + 1  # and alembic_version

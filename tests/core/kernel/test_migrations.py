"""The ORM model and the migrations describe the same schema."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from hrdesk.core.areas import metadata
from hrdesk.core.kernel.persistence.company_file import head_revision


def test_models_match_migrations(company):
    with company.db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert context.get_current_revision() == head_revision()
        diff = compare_metadata(context, metadata)
    assert diff == []

"""Alembic environment: always run on a connection handed over by hrdesk (never from alembic.ini).

render_as_batch lets ALTER TABLE work on SQLite (copy-and-move) while generating plain ALTERs on
PostgreSQL.
"""

from alembic import context

from hrdesk.core.persistence.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only hrdesk's own runner is supported
    raise RuntimeError("hrdesk migrations run through hrdesk.core.persistence.company_file")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()

"""Alembic environment: always run on a connection handed over by hrdesk (never from alembic.ini).

render_as_batch lets ALTER TABLE work on SQLite (copy-and-move) while generating plain ALTERs on
PostgreSQL. Upgrades need no metadata (every script says what it does); comparing the schema with
the tables (autogenerate, or the test that they match) passes the complete metadata of
``hrdesk.core.areas`` as the ``target_metadata`` attribute, since the kernel knows no area.
"""

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only hrdesk's own runner is supported
    raise RuntimeError("hrdesk migrations run through hrdesk.core.kernel.persistence.company_file")

context.configure(
    connection=connection,
    target_metadata=context.config.attributes.get("target_metadata"),
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()

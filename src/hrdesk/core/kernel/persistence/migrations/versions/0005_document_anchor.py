"""Issued documents record the audit trail's head when they were issued (length and last hash)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("issued_documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("chain_length", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("chain_head", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("issued_documents", schema=None) as batch_op:
        batch_op.drop_column("chain_head")
        batch_op.drop_column("chain_length")

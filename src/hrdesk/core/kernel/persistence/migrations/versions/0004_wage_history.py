"""Wage history: each month's 应发 and overtime before the company used HRDesk; pay item types say
which are overtime pay

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pay_item_types", schema=None) as batch_op:
        batch_op.add_column(sa.Column("overtime", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.execute("UPDATE pay_item_types SET overtime = TRUE WHERE code = 'overtime_pay'")
    op.create_table(
        "wage_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("gross", sa.BigInteger(), nullable=False),
        sa.Column("overtime", sa.BigInteger(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["employee_id"], ["employees.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("employee_id", "month", name="uq_wage_history_employee_month"),
    )
    with op.batch_alter_table("wage_history", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_wage_history_employee_id"), ["employee_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("wage_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_wage_history_employee_id"))
    op.drop_table("wage_history")
    with op.batch_alter_table("pay_item_types", schema=None) as batch_op:
        batch_op.drop_column("overtime")

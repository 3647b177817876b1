"""arbitration votes: each panel arbitrator votes; the ruling keeps the votes that made it

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('arbitration_vote',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('appeal_id', sa.Integer(), nullable=False),
    sa.Column('arbitrator_id', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=30), nullable=False),
    sa.Column('new_outcome', sa.String(length=30), nullable=True),
    sa.Column('new_category', sa.String(length=20), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('voted_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['appeal_id'], ['appeal.id'], name=op.f('fk_arbitration_vote_appeal_id_appeal')),
    sa.ForeignKeyConstraint(['arbitrator_id'], ['user_account.id'], name=op.f('fk_arbitration_vote_arbitrator_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_arbitration_vote')),
    sa.UniqueConstraint('appeal_id', 'arbitrator_id', name=op.f('uq_arbitration_vote_appeal_id'))
    )
    with op.batch_alter_table('arbitration_vote', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_arbitration_vote_appeal_id'), ['appeal_id'], unique=False)
    with op.batch_alter_table('ruling', schema=None) as batch_op:
        batch_op.add_column(sa.Column('votes', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('ruling', schema=None) as batch_op:
        batch_op.drop_column('votes')
    with op.batch_alter_table('arbitration_vote', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_arbitration_vote_appeal_id'))
    op.drop_table('arbitration_vote')

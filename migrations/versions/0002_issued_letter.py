"""issued letters: the PDF of each decision and ruling letter as issued

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('issued_letter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=True),
    sa.Column('appeal_id', sa.Integer(), nullable=True),
    sa.Column('letter_no', sa.String(length=100), nullable=False),
    sa.Column('filename', sa.String(length=300), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('issued_by', sa.Integer(), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['appeal_id'], ['appeal.id'], name=op.f('fk_issued_letter_appeal_id_appeal')),
    sa.ForeignKeyConstraint(['decision_id'], ['decision.id'], name=op.f('fk_issued_letter_decision_id_decision')),
    sa.ForeignKeyConstraint(['issued_by'], ['user_account.id'], name=op.f('fk_issued_letter_issued_by_user_account')),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], name=op.f('fk_issued_letter_submission_id_submission')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_letter')),
    sa.UniqueConstraint('appeal_id', name=op.f('uq_issued_letter_appeal_id')),
    sa.UniqueConstraint('decision_id', name=op.f('uq_issued_letter_decision_id'))
    )
    with op.batch_alter_table('issued_letter', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issued_letter_submission_id'), ['submission_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('issued_letter', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issued_letter_submission_id'))
    op.drop_table('issued_letter')

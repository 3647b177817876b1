"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 08:02:58.163824
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=50), nullable=False),
    sa.Column('object_type', sa.String(length=50), nullable=False),
    sa.Column('object_id', sa.Integer(), nullable=True),
    sa.Column('submission_id', sa.Integer(), nullable=True),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event')),
    sa.UniqueConstraint('seq', name=op.f('uq_audit_event_seq'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_event_submission_id'), ['submission_id'], unique=False)

    op.create_table('audit_head',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_head'))
    )
    # The chain head every audit append locks; it starts at the genesis hash.
    op.bulk_insert(sa.table('audit_head', sa.column('id', sa.Integer), sa.column('seq', sa.Integer),
                            sa.column('last_hash', sa.String)),
                   [{'id': 1, 'seq': 0, 'last_hash': '0' * 64}])
    op.create_table('committee',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_committee')),
    sa.UniqueConstraint('name', name=op.f('uq_committee_name'))
    )
    op.create_table('holiday',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('is_workday', sa.Boolean(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_holiday'))
    )
    op.create_table('institution',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('district', sa.String(length=100), nullable=False),
    sa.Column('license_no', sa.String(length=100), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_institution')),
    sa.UniqueConstraint('name', name=op.f('uq_institution_name'))
    )
    op.create_table('user_account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('password_hash', sa.String(length=300), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], name=op.f('fk_user_account_institution_id_institution')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_account')),
    sa.UniqueConstraint('username', name=op.f('uq_user_account_username'))
    )
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_account_role'), ['role'], unique=False)

    op.create_table('committee_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('committee_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('term_start', sa.Date(), nullable=False),
    sa.Column('term_end', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['committee_id'], ['committee.id'], name=op.f('fk_committee_member_committee_id_committee')),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_committee_member_user_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_committee_member')),
    sa.UniqueConstraint('committee_id', 'user_id', name=op.f('uq_committee_member_committee_id'))
    )
    op.create_table('conflict_of_interest',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('declared_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], name=op.f('fk_conflict_of_interest_institution_id_institution')),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_conflict_of_interest_user_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conflict_of_interest')),
    sa.UniqueConstraint('user_id', 'institution_id', 'kind', name=op.f('uq_conflict_of_interest_user_id'))
    )
    with op.batch_alter_table('conflict_of_interest', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conflict_of_interest_user_id'), ['user_id'], unique=False)

    op.create_table('setting',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.Column('updated_by', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['updated_by'], ['user_account.id'], name=op.f('fk_setting_updated_by_user_account')),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('submission',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('class_name', sa.String(length=200), nullable=False),
    sa.Column('target_grade', sa.Integer(), nullable=False),
    sa.Column('extra_grades', sa.JSON(), nullable=False),
    sa.Column('declared_category', sa.String(length=20), nullable=False),
    sa.Column('declared_subject', sa.String(length=50), nullable=False),
    sa.Column('mode', sa.String(length=10), nullable=False),
    sa.Column('audience', sa.String(length=20), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.Column('review_due', sa.Date(), nullable=True),
    sa.Column('outcome', sa.String(length=30), nullable=True),
    sa.Column('final_category', sa.String(length=20), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['user_account.id'], name=op.f('fk_submission_created_by_user_account')),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], name=op.f('fk_submission_institution_id_institution')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_submission'))
    )
    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_submission_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_submission_state'), ['state'], unique=False)

    op.create_table('assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('expert_id', sa.Integer(), nullable=False),
    sa.Column('assigned_by', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('override_reason', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['assigned_by'], ['user_account.id'], name=op.f('fk_assignment_assigned_by_user_account')),
    sa.ForeignKeyConstraint(['expert_id'], ['user_account.id'], name=op.f('fk_assignment_expert_id_user_account')),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], name=op.f('fk_assignment_submission_id_submission')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignment')),
    sa.UniqueConstraint('submission_id', 'round', 'expert_id', name=op.f('uq_assignment_submission_id'))
    )
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assignment_expert_id'), ['expert_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assignment_submission_id'), ['submission_id'], unique=False)

    op.create_table('course_person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('certificate_no', sa.String(length=100), nullable=False),
    sa.Column('years_experience', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], name=op.f('fk_course_person_submission_id_submission'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_course_person'))
    )
    with op.batch_alter_table('course_person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_course_person_submission_id'), ['submission_id'], unique=False)

    op.create_table('decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('chair_id', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=30), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('conditions', sa.Text(), nullable=False),
    sa.Column('tally', sa.JSON(), nullable=False),
    sa.Column('majority_outcome', sa.String(length=30), nullable=True),
    sa.Column('quorum_met', sa.Boolean(), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=False),
    sa.Column('appeal_deadline', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['chair_id'], ['user_account.id'], name=op.f('fk_decision_chair_id_user_account')),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], name=op.f('fk_decision_submission_id_submission')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decision')),
    sa.UniqueConstraint('submission_id', 'round', name=op.f('uq_decision_submission_id'))
    )
    with op.batch_alter_table('decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decision_submission_id'), ['submission_id'], unique=False)

    op.create_table('material',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('uploaded_by', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('origin', sa.String(length=20), nullable=False),
    sa.Column('isbn', sa.String(length=20), nullable=True),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('file_type', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('facts', sa.JSON(), nullable=True),
    sa.Column('warnings', sa.JSON(), nullable=False),
    sa.Column('round_added', sa.Integer(), nullable=False),
    sa.Column('removed', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], name=op.f('fk_material_submission_id_submission')),
    sa.ForeignKeyConstraint(['uploaded_by'], ['user_account.id'], name=op.f('fk_material_uploaded_by_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_material'))
    )
    with op.batch_alter_table('material', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_material_submission_id'), ['submission_id'], unique=False)

    op.create_table('screening',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.String(length=20), nullable=False),
    sa.Column('result', sa.JSON(), nullable=False),
    sa.Column('page_map', sa.JSON(), nullable=False),
    sa.Column('model_version', sa.String(length=100), nullable=False),
    sa.Column('rules_version', sa.String(length=100), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['user_account.id'], name=op.f('fk_screening_created_by_user_account')),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], name=op.f('fk_screening_submission_id_submission')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_screening'))
    )
    with op.batch_alter_table('screening', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_screening_submission_id'), ['submission_id'], unique=False)

    op.create_table('timetable_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('topic', sa.String(length=200), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('start', sa.Time(), nullable=False),
    sa.Column('end', sa.Time(), nullable=False),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], name=op.f('fk_timetable_session_submission_id_submission'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_timetable_session'))
    )
    with op.batch_alter_table('timetable_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_timetable_session_submission_id'), ['submission_id'], unique=False)

    op.create_table('appeal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('filed_by', sa.Integer(), nullable=False),
    sa.Column('reasons', sa.Text(), nullable=False),
    sa.Column('filed_at', sa.DateTime(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['decision_id'], ['decision.id'], name=op.f('fk_appeal_decision_id_decision')),
    sa.ForeignKeyConstraint(['filed_by'], ['user_account.id'], name=op.f('fk_appeal_filed_by_user_account')),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], name=op.f('fk_appeal_submission_id_submission')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appeal')),
    sa.UniqueConstraint('decision_id', name=op.f('uq_appeal_decision_id'))
    )
    with op.batch_alter_table('appeal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appeal_submission_id'), ['submission_id'], unique=False)

    op.create_table('material_page',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('material_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('display_text', sa.Text(), nullable=False),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['material_id'], ['material.id'], name=op.f('fk_material_page_material_id_material'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_material_page')),
    sa.UniqueConstraint('material_id', 'number', name=op.f('uq_material_page_material_id'))
    )
    with op.batch_alter_table('material_page', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_material_page_material_id'), ['material_id'], unique=False)

    op.create_table('verdict',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('expert_id', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=30), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('reason_codes', sa.JSON(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('confidence', sa.Integer(), nullable=False),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignment.id'], name=op.f('fk_verdict_assignment_id_assignment')),
    sa.ForeignKeyConstraint(['expert_id'], ['user_account.id'], name=op.f('fk_verdict_expert_id_user_account')),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], name=op.f('fk_verdict_submission_id_submission')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_verdict')),
    sa.UniqueConstraint('assignment_id', name=op.f('uq_verdict_assignment_id'))
    )
    with op.batch_alter_table('verdict', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_verdict_submission_id'), ['submission_id'], unique=False)

    op.create_table('appeal_file',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('appeal_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=300), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['appeal_id'], ['appeal.id'], name=op.f('fk_appeal_file_appeal_id_appeal')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appeal_file'))
    )
    with op.batch_alter_table('appeal_file', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appeal_file_appeal_id'), ['appeal_id'], unique=False)

    op.create_table('arbitration_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('appeal_id', sa.Integer(), nullable=False),
    sa.Column('arbitrator_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['appeal_id'], ['appeal.id'], name=op.f('fk_arbitration_member_appeal_id_appeal')),
    sa.ForeignKeyConstraint(['arbitrator_id'], ['user_account.id'], name=op.f('fk_arbitration_member_arbitrator_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_arbitration_member')),
    sa.UniqueConstraint('appeal_id', 'arbitrator_id', name=op.f('uq_arbitration_member_appeal_id'))
    )
    with op.batch_alter_table('arbitration_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_arbitration_member_appeal_id'), ['appeal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_arbitration_member_arbitrator_id'), ['arbitrator_id'], unique=False)

    op.create_table('ruling',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('appeal_id', sa.Integer(), nullable=False),
    sa.Column('ruled_by', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=30), nullable=False),
    sa.Column('new_outcome', sa.String(length=30), nullable=True),
    sa.Column('new_category', sa.String(length=20), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('ruled_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['appeal_id'], ['appeal.id'], name=op.f('fk_ruling_appeal_id_appeal')),
    sa.ForeignKeyConstraint(['ruled_by'], ['user_account.id'], name=op.f('fk_ruling_ruled_by_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ruling')),
    sa.UniqueConstraint('appeal_id', name=op.f('uq_ruling_appeal_id'))
    )


def downgrade() -> None:
    op.drop_table('ruling')
    with op.batch_alter_table('arbitration_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_arbitration_member_arbitrator_id'))
        batch_op.drop_index(batch_op.f('ix_arbitration_member_appeal_id'))

    op.drop_table('arbitration_member')
    with op.batch_alter_table('appeal_file', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appeal_file_appeal_id'))

    op.drop_table('appeal_file')
    with op.batch_alter_table('verdict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_verdict_submission_id'))

    op.drop_table('verdict')
    with op.batch_alter_table('material_page', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_material_page_material_id'))

    op.drop_table('material_page')
    with op.batch_alter_table('appeal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appeal_submission_id'))

    op.drop_table('appeal')
    with op.batch_alter_table('timetable_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_timetable_session_submission_id'))

    op.drop_table('timetable_session')
    with op.batch_alter_table('screening', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_screening_submission_id'))

    op.drop_table('screening')
    with op.batch_alter_table('material', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_material_submission_id'))

    op.drop_table('material')
    with op.batch_alter_table('decision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decision_submission_id'))

    op.drop_table('decision')
    with op.batch_alter_table('course_person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_course_person_submission_id'))

    op.drop_table('course_person')
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assignment_submission_id'))
        batch_op.drop_index(batch_op.f('ix_assignment_expert_id'))

    op.drop_table('assignment')
    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_submission_state'))
        batch_op.drop_index(batch_op.f('ix_submission_institution_id'))

    op.drop_table('submission')
    op.drop_table('setting')
    with op.batch_alter_table('conflict_of_interest', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conflict_of_interest_user_id'))

    op.drop_table('conflict_of_interest')
    op.drop_table('committee_member')
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_account_role'))

    op.drop_table('user_account')
    op.drop_table('institution')
    op.drop_table('holiday')
    op.drop_table('committee')
    op.drop_table('audit_head')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_event_submission_id'))

    op.drop_table('audit_event')

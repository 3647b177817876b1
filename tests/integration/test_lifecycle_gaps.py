"""Lifecycle gaps found in review: revision after the appeal window, quorum vs panel size, the public
list during the appeal window, who may verify the audit chain, IntegrityErrors that are bugs, and the
daily finalize task."""

from __future__ import annotations

import logging

import pytest
from flows import to_state
from sqlalchemy.exc import IntegrityError

from workflows.errors import ConcurrentChange, InvalidTransition, NotAuthorized, ValidationFailed
from workflows.services import audit, public, settings, submissions


def _approved_decided(ctx, world):
    from workflows.services import decisions, reviews

    sid = to_state(ctx, world, "in_review")
    from sqlalchemy import select
    from workflows.models import Assignment

    with ctx.db.read() as s:
        rows = [(a.id, a.expert_id) for a in s.scalars(select(Assignment).where(Assignment.submission_id == sid))]
    for aid, eid in rows:
        reviews.submit_verdict(ctx, actor_id=eid, assignment_id=aid, outcome="approved", category="non_subject",
                               confidence=4)
    decisions.decide(ctx, actor_id=world.chair, submission_id=sid, outcome="approved")
    return sid


def test_start_revision_refused_after_the_appeal_window(ctx, world, clock):
    sid = to_state(ctx, world, "decided")
    clock.advance(days=16)  # appeal_window_days = 15
    with pytest.raises(InvalidTransition):
        submissions.start_revision(ctx, actor_id=world.staff_a, submission_id=sid)
    assert submissions.get_submission(ctx, actor_id=world.chair, submission_id=sid).state == "decided"


def test_start_revision_allowed_inside_the_window(ctx, world, clock):
    sid = to_state(ctx, world, "decided")
    clock.advance(days=14)
    assert submissions.start_revision(ctx, actor_id=world.staff_a, submission_id=sid).state == "revision"


@pytest.mark.parametrize("key,value", [("quorum", 4), ("panel_size", 1)])
def test_quorum_may_not_exceed_panel_size(ctx, world, key, value):
    with pytest.raises(ValidationFailed):
        settings.update_setting(ctx, actor_id=world.admin, key=key, value=value)
    s = settings.get_settings(ctx)
    assert s.quorum <= s.panel_size and (s.quorum, s.panel_size) == (2, 3)
    settings.update_setting(ctx, actor_id=world.admin, key="quorum", value=3)
    assert settings.get_settings(ctx).quorum == 3


def test_public_list_waits_for_the_appeal_window(ctx, world, clock):
    sid = _approved_decided(ctx, world)
    assert sid not in [c.submission_id for c in public.list_approved_courses(ctx)]
    clock.advance(days=16)
    assert sid in [c.submission_id for c in public.list_approved_courses(ctx)]


def test_verify_audit_needs_chair_or_admin(ctx, world):
    for who in (world.staff_a, world.experts[1], world.arbitrators[0]):
        with pytest.raises(NotAuthorized):
            audit.verify_audit(ctx, actor_id=who)
    assert audit.verify_audit(ctx, actor_id=world.chair).ok
    assert audit.verify_audit(ctx, actor_id=world.admin).ok
    assert audit.verify_audit(ctx).ok  # the command line (actor_id None)


def test_integrity_error_that_is_not_a_race_is_logged_not_hidden(ctx, world, caplog):
    from workflows.models import CommitteeMember
    from workflows.services._base import write

    caplog.set_level(logging.ERROR)
    with pytest.raises(IntegrityError):
        with write(ctx) as s:
            s.add(CommitteeMember(committee_id=999999, user_id=None, term_start=None, term_end=None))
    assert any("integrity" in r.getMessage().lower() for r in caplog.records)


def test_duplicate_row_is_still_a_concurrent_change(ctx, world):
    from datetime import date

    from workflows.models import CommitteeMember
    from workflows.services._base import write

    with pytest.raises(ConcurrentChange):
        with write(ctx) as s:
            s.add(CommitteeMember(committee_id=world.review_committee, user_id=world.experts[1],
                                  term_start=date(2025, 1, 1), term_end=date(2027, 1, 1)))


def test_daily_task_finalizes_expired_decisions(ctx, world, clock):
    from workflows import tasks

    sid = to_state(ctx, world, "decided")
    tasks.use_context(ctx)
    assert tasks.finalize_expired_daily.call_local() == []
    clock.advance(days=16)
    assert tasks.finalize_expired_daily.call_local() == [sid]
    assert submissions.get_submission(ctx, actor_id=world.chair, submission_id=sid).state == "final"

"""Bulk report/agreement queries give the same rows as the per-submission detail views, in a number of
statements that does not grow with the number of submissions."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event

from flows import to_state
from workflows.agreement import panel_votes_from_submission
from workflows.errors import NotAuthorized, ValidationFailed
from workflows.reports import materials_from_submission
from workflows.services import appeals, bulk, submissions


def _details(ctx, world, ids):
    return [submissions.get_submission(ctx, actor_id=world.chair, submission_id=i) for i in ids]


def _overturned_final(ctx, world):
    sid = to_state(ctx, world, "in_arbitration")
    ap = next(a for a in appeals.my_appeals(ctx, actor_id=world.chair) if a.submission_id == sid)
    for arbitrator, _ in ap.panel[:2]:  # the panel rules by majority (2 of 3)
        appeals.rule_appeal(ctx, actor_id=arbitrator, appeal_id=ap.id, outcome="overturned", reason="改判",
                            new_outcome="approved_with_changes")
    return sid


def test_bulk_rows_equal_the_detail_based_rows(ctx, world, clock):
    a = to_state(ctx, world, "decided")
    clock.advance(days=1)
    b = _overturned_final(ctx, world)
    clock.advance(days=1)
    to_state(ctx, world, "in_review")  # no decision: contributes nothing
    c = to_state(ctx, world, "decided", text="数学 第一课")
    details = _details(ctx, world, [a, b, c])
    expected = sorted((m for d in details for m in materials_from_submission(d)), key=lambda m: (m.submission_id, m.material_id))
    got = sorted(bulk.reviewed_materials(ctx, actor_id=world.chair, start=date(2026, 3, 1), end=date(2026, 3, 31)),
                 key=lambda m: (m.submission_id, m.material_id))
    assert got == expected and len(got) == 3
    # The period bounds are inclusive and by decision date.
    only_first = bulk.reviewed_materials(ctx, actor_id=world.chair, start=date(2026, 3, 2), end=date(2026, 3, 2))
    assert {m.submission_id for m in only_first} == {a}

    inputs = bulk.agreement_inputs(ctx, actor_id=world.chair, limit=50)
    by_updated = sorted(details, key=lambda d: (d.updated_at, d.id), reverse=True)
    assert inputs.items == [pv for d in by_updated for pv in panel_votes_from_submission(d)]
    assert any(pv.final_outcome == "approved_with_changes" for pv in inputs.items if pv.submission_id == b)
    assert set(inputs.expert_names) == {v.expert_id for d in details for v in d.verdicts}
    assert [pv.submission_id for pv in bulk.agreement_inputs(ctx, actor_id=world.chair, limit=1).items] == [c]


def _count_statements(ctx, fn):
    n = [0]

    def count(*_a, **_k):
        n[0] += 1

    event.listen(ctx.db.engine, "before_cursor_execute", count)
    try:
        fn()
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", count)
    return n[0]


def test_statement_count_does_not_grow_with_submissions(ctx, world):
    to_state(ctx, world, "decided")
    period = dict(start=date(2026, 3, 1), end=date(2026, 3, 31))
    one_r = _count_statements(ctx, lambda: bulk.reviewed_materials(ctx, actor_id=world.chair, **period))
    one_a = _count_statements(ctx, lambda: bulk.agreement_inputs(ctx, actor_id=world.chair))
    for _ in range(3):
        to_state(ctx, world, "decided")
    assert _count_statements(ctx, lambda: bulk.reviewed_materials(ctx, actor_id=world.chair, **period)) == one_r
    assert _count_statements(ctx, lambda: bulk.agreement_inputs(ctx, actor_id=world.chair)) == one_a


def test_only_chair_and_admin(ctx, world):
    for who in (world.staff_a, world.experts[1], world.arbitrators[0]):
        with pytest.raises(NotAuthorized):
            bulk.reviewed_materials(ctx, actor_id=who, start=date(2026, 3, 1), end=date(2026, 3, 2))
        with pytest.raises(NotAuthorized):
            bulk.agreement_inputs(ctx, actor_id=who, limit=5)
    assert bulk.reviewed_materials(ctx, actor_id=world.admin, start=date(2026, 3, 1), end=date(2026, 3, 2)) == []
    with pytest.raises(ValidationFailed):
        bulk.reviewed_materials(ctx, actor_id=world.chair, start=date(2026, 3, 2), end=date(2026, 3, 1))

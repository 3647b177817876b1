"""Institutions never learn who reviewed or arbitrated: appeal panels, ruling authors and the ruling's
history event carry no names or ids for them; the chair still sees everything."""

from __future__ import annotations

from flows import to_state
from sqlalchemy import select

from workflows.models import Appeal
from workflows.services import appeals, audit, submissions


def _names(world_ids, ctx):
    from workflows.models import User

    with ctx.db.read() as s:
        return {s.get(User, i).display_name for i in world_ids}


def test_institution_sees_no_arbitrator_or_expert_identity(ctx, world):
    sid = to_state(ctx, world, "final")
    with ctx.db.read() as s:
        appeal_id = s.scalar(select(Appeal.id).where(Appeal.submission_id == sid))
    secret_names = _names(world.arbitrators + world.experts, ctx)
    secret_ids = set(world.arbitrators + world.experts)

    mine = appeals.get_appeal(ctx, actor_id=world.staff_a, appeal_id=appeal_id)
    assert mine.ruling is not None and mine.ruling.outcome == "upheld"
    assert mine.ruling.ruled_by_name not in secret_names and mine.ruling.ruled_by not in secret_ids
    assert all(pid not in secret_ids and name not in secret_names for pid, name in mine.panel)
    listed = appeals.my_appeals(ctx, actor_id=world.staff_a)
    assert listed[0].ruling.ruled_by_name == mine.ruling.ruled_by_name and listed[0].panel == mine.panel
    detail = submissions.get_submission(ctx, actor_id=world.staff_a, submission_id=sid)
    assert detail.appeals[0].panel == mine.panel and detail.appeals[0].ruling.ruled_by_name == mine.ruling.ruled_by_name
    for trail in (detail.history, audit.audit_trail(ctx, actor_id=world.staff_a, submission_id=sid)):
        for e in trail:
            assert e.actor_id not in secret_ids and e.actor_name not in secret_names, e
            text = repr((e.before, e.after))
            assert not any(n in text for n in secret_names), e
        ruled = [e for e in trail if e.action == "rule_appeal"]
        assert ruled and ruled[-1].after and ruled[-1].after["ruling"] == "upheld"

    chair_view = appeals.get_appeal(ctx, actor_id=world.chair, appeal_id=appeal_id)
    assert {p for p, _ in chair_view.panel} <= set(world.arbitrators) and len(chair_view.panel) == 3
    assert chair_view.ruling.ruled_by_name in secret_names

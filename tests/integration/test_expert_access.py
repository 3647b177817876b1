"""Replaced (closed) assignments give no access; reviewers see only the screening made at submit, never
the institution's self-checks."""

from __future__ import annotations

import pytest
from flows import to_state
from sqlalchemy import select

from workflows.errors import NotAuthorized, NotFound
from workflows.models import Assignment, Material, Screening
from workflows.services import materials, reviews, submissions


def test_replaced_expert_loses_access(ctx, world):
    sid = to_state(ctx, world, "in_review")
    with ctx.db.read() as s:
        a = s.scalars(select(Assignment).where(Assignment.submission_id == sid).order_by(Assignment.id)).first()
        old_expert, aid = a.expert_id, a.id
        assigned = set(s.scalars(select(Assignment.expert_id).where(Assignment.submission_id == sid)))
        mid = s.scalar(select(Material.id).where(Material.submission_id == sid))
    new_expert = next(e for e in world.experts[1:] if e not in assigned)
    reviews.replace_expert(ctx, actor_id=world.chair, assignment_id=aid, new_expert_id=new_expert)
    for call in (lambda: submissions.get_submission(ctx, actor_id=old_expert, submission_id=sid),
                 lambda: reviews.review_package(ctx, actor_id=old_expert, submission_id=sid),
                 lambda: materials.material_bytes(ctx, actor_id=old_expert, material_id=mid),
                 lambda: materials.material_pages(ctx, actor_id=old_expert, material_id=mid),
                 lambda: materials.get_material(ctx, actor_id=old_expert, material_id=mid)):
        with pytest.raises((NotFound, NotAuthorized)):
            call()
    assert reviews.review_package(ctx, actor_id=new_expert, submission_id=sid).assignment.expert_id == new_expert


def test_reviewers_never_see_self_check_screenings(ctx, world):
    sid = to_state(ctx, world, "in_review")
    with ctx.db.write() as s:
        mid = s.scalar(select(Material.id).where(Material.submission_id == sid))
        expert = s.scalar(select(Assignment.expert_id).where(Assignment.submission_id == sid))
        marker = {"kind": "advertising", "start": 0, "end": 1, "page": 1, "text": "SELF-CHECK-ONLY", "detail": ""}
        s.add(Screening(submission_id=sid, round=1, purpose="self_check", page_map=[[mid, 1]],
                        result={"category": "subject", "findings": [marker]}, model_version="m", rules_version="r",
                        created_by=world.staff_a, created_at=ctx.now()))
    for actor in (expert, world.chair):
        view = materials.get_material(ctx, actor_id=actor, material_id=mid)
        assert view.result is not None and "SELF-CHECK-ONLY" not in repr(view.result)
        detail = submissions.get_submission(ctx, actor_id=actor, submission_id=sid)
        assert all(sc.purpose == "submit" for sc in detail.screenings)
    own = materials.get_material(ctx, actor_id=world.staff_a, material_id=mid)
    assert "SELF-CHECK-ONLY" in repr(own.result)

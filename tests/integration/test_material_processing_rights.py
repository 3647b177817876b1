"""process_material: only a pending/failed, not-removed material of an editable submission, by the
owner institution or the worker (actor_id=None); a submitted or decided case's materials are frozen."""

from __future__ import annotations

import pytest
from flows import make_submission, to_state
from sqlalchemy import select

from workflows.errors import InvalidTransition, NotAuthorized, NotFound
from workflows.models import Material, MaterialPage
from workflows.services import materials


def _material(ctx, sid):
    with ctx.db.read() as s:
        return s.scalar(select(Material.id).where(Material.submission_id == sid))


def _pages(ctx, mid):
    with ctx.db.read() as s:
        return [(p.number, p.text) for p in s.scalars(select(MaterialPage).where(MaterialPage.material_id == mid))]


@pytest.mark.parametrize("state", ["in_review", "decided"])
def test_nobody_reextracts_a_submitted_case(ctx, world, state):
    sid = to_state(ctx, world, state)
    mid = _material(ctx, sid)
    before = _pages(ctx, mid)
    for actor in (world.staff_a, world.chair, world.admin, None):
        with pytest.raises((InvalidTransition, NotAuthorized, NotFound)):
            materials.process_material(ctx, actor_id=actor, material_id=mid)
    assert _pages(ctx, mid) == before


def test_ready_material_is_not_processed_again(ctx, world):
    sid = make_submission(ctx, world)
    mid = _material(ctx, sid)
    with pytest.raises(InvalidTransition):
        materials.process_material(ctx, actor_id=world.staff_a, material_id=mid)


def test_only_owner_or_worker_processes_a_pending_material(ctx, world):
    from workflows.services import submissions
    from flows import COURSE

    d = submissions.create_submission(ctx, actor_id=world.staff_a, **COURSE)
    m1 = materials.add_material(ctx, actor_id=world.staff_a, submission_id=d.id, filename="a.txt", data="第一课".encode())
    m2 = materials.add_material(ctx, actor_id=world.staff_a, submission_id=d.id, filename="b.txt", data="第二课".encode())
    for actor in (world.chair, world.admin, world.staff_b, world.experts[1]):
        with pytest.raises((NotAuthorized, NotFound)):
            materials.process_material(ctx, actor_id=actor, material_id=m1.id)
    assert materials.process_material(ctx, actor_id=world.staff_a, material_id=m1.id).status == "ready"
    assert materials.process_material(ctx, actor_id=None, material_id=m2.id).status == "ready"


def test_removed_material_is_not_processed(ctx, world):
    from workflows.services import submissions
    from flows import COURSE

    d = submissions.create_submission(ctx, actor_id=world.staff_a, **COURSE)
    m = materials.add_material(ctx, actor_id=world.staff_a, submission_id=d.id, filename="a.txt", data="第一课".encode())
    materials.remove_material(ctx, actor_id=world.staff_a, material_id=m.id)
    with pytest.raises((InvalidTransition, NotFound)):
        materials.process_material(ctx, actor_id=world.staff_a, material_id=m.id)

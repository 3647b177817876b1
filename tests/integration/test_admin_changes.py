"""Admin gaps: committee names, role and term changes (admin only, audited)."""

from __future__ import annotations

from datetime import date

import pytest

from flows import to_state
from workflows.errors import NotAuthorized, NotFound, ValidationFailed
from workflows.models import AuditEvent
from workflows.services import admin, reviews


def _events(ctx, action):
    from sqlalchemy import select

    with ctx.db.read() as s:
        return [(e.actor_id, e.before, e.after) for e in s.execute(
            select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq)).scalars()]


@pytest.mark.parametrize("name", ["", "   ", None])
def test_create_committee_rejects_an_empty_name(ctx, world, name):
    with pytest.raises(ValidationFailed, match="请填写委员会名称"):
        admin.create_committee(ctx, actor_id=world.admin, name=name, kind="review")


def test_change_role_admin_only_audited_and_guarded(ctx, world):
    user = admin.create_user(ctx, actor_id=world.admin, username="newbie", password=world.password,
                             display_name="新人", role="expert").id
    with pytest.raises(NotAuthorized):
        admin.set_user_role(ctx, actor_id=world.chair, user_id=user, role="arbitrator")
    with pytest.raises(ValidationFailed, match="须关联一个培训机构"):
        admin.set_user_role(ctx, actor_id=world.admin, user_id=user, role="institution")
    with pytest.raises(ValidationFailed, match="不能更改自己的角色"):
        admin.set_user_role(ctx, actor_id=world.admin, user_id=world.admin, role="chair")
    with pytest.raises(ValidationFailed, match="角色无效"):
        admin.set_user_role(ctx, actor_id=world.admin, user_id=user, role="king")
    with pytest.raises(NotFound):
        admin.set_user_role(ctx, actor_id=world.admin, user_id=99999, role="chair")
    view = admin.set_user_role(ctx, actor_id=world.admin, user_id=user, role="institution", institution_id=world.inst_b)
    assert view.role == "institution" and view.institution_id == world.inst_b
    assert _events(ctx, "set_user_role") == [(world.admin, {"role": "expert", "institution_id": None},
                                              {"role": "institution", "institution_id": world.inst_b})]
    # A committee member keeps the role while on the committee.
    with pytest.raises(ValidationFailed, match="仍是委员会委员"):
        admin.set_user_role(ctx, actor_id=world.admin, user_id=world.experts[1], role="chair")


def test_expert_with_open_reviews_keeps_the_role(ctx, world):
    to_state(ctx, world, "in_review")
    expert = next(e for e in world.experts if reviews.my_assignments(ctx, actor_id=e))
    admin.remove_committee_member(ctx, actor_id=world.admin, committee_id=world.review_committee, user_id=expert)
    with pytest.raises(ValidationFailed, match="未完成的审查任务"):
        admin.set_user_role(ctx, actor_id=world.admin, user_id=expert, role="arbitrator")


def test_deactivate_is_admin_only_and_audited(ctx, world):
    with pytest.raises(NotAuthorized):
        admin.set_user_active(ctx, actor_id=world.chair, user_id=world.staff_b, active=False)
    assert admin.set_user_active(ctx, actor_id=world.admin, user_id=world.staff_b, active=False).active is False
    assert _events(ctx, "set_user_active")[-1] == (world.admin, {"active": True}, {"active": False})


def test_member_term_change_moves_the_pool(ctx, world):
    with pytest.raises(NotAuthorized):
        admin.set_member_term(ctx, actor_id=world.chair, committee_id=world.review_committee, user_id=world.experts[1],
                              term_start=date(2025, 1, 1), term_end=date(2026, 1, 1))
    with pytest.raises(ValidationFailed, match="晚于开始日期"):
        admin.set_member_term(ctx, actor_id=world.admin, committee_id=world.review_committee, user_id=world.experts[1],
                              term_start=date(2026, 1, 1), term_end=date(2026, 1, 1))
    with pytest.raises(NotFound):
        admin.set_member_term(ctx, actor_id=world.admin, committee_id=world.review_committee, user_id=world.chair,
                              term_start=date(2025, 1, 1), term_end=date(2026, 1, 1))
    # The test clock is 2026-03-02: a term that ended in January takes the expert out of the pool.
    view = admin.set_member_term(ctx, actor_id=world.admin, committee_id=world.review_committee,
                                 user_id=world.experts[1], term_start=date(2025, 1, 1), term_end=date(2026, 1, 31))
    assert (world.experts[1], "expert1", date(2025, 1, 1), date(2026, 1, 31)) in view.members
    sid = to_state(ctx, world, "screened")
    assert world.experts[1] not in {e.expert_id for e in reviews.suggest_panel(ctx, actor_id=world.chair, submission_id=sid)}
    assert _events(ctx, "set_member_term")[-1][1]["term_end"] == "2027-12-31"

"""Authorization matrix: role × action × ownership. Each action runs against a submission in the state
the action needs; every principal but the allowed ones must get NotAuthorized/NotFound, and the allowed
one (run last for changes) must succeed."""

from __future__ import annotations

import pytest
from flows import COURSE, to_state
from sqlalchemy import select

from workflows.errors import NotAuthorized, NotFound
from workflows.models import Appeal, ArbitrationMember, Assignment, Decision, Material
from workflows.services import admin, appeals, audit, decisions, materials, reviews, submissions

PRINCIPALS = ["inst_own", "inst_other", "expert_assigned", "expert_other", "chair", "arb_panel", "arb_other", "admin"]


def _ids(ctx, world, sid):
    with ctx.db.read() as s:
        assigned = list(s.scalars(select(Assignment.expert_id).where(Assignment.submission_id == sid)))
        panel = list(s.scalars(select(ArbitrationMember.arbitrator_id).join(Appeal, Appeal.id == ArbitrationMember.appeal_id)
                               .where(Appeal.submission_id == sid)))
        appeal = s.scalar(select(Appeal.id).where(Appeal.submission_id == sid))
        decision = s.scalar(select(Decision.id).where(Decision.submission_id == sid).order_by(Decision.id.desc()))
        material = s.scalar(select(Material.id).where(Material.submission_id == sid))
        open_assignment = {a.expert_id: a.id for a in s.scalars(select(Assignment).where(Assignment.submission_id == sid))}
    unassigned = [e for e in world.experts[1:] if e not in assigned]
    who = {"inst_own": world.staff_a, "inst_other": world.staff_b,
           "expert_assigned": assigned[0] if assigned else world.experts[1],
           "expert_other": unassigned[0], "chair": world.chair,
           "arb_panel": panel[0] if panel else world.arbitrators[0],
           "arb_other": next(a for a in world.arbitrators if a not in panel), "admin": world.admin}
    return who, dict(appeal=appeal, decision=decision, material=material, assignments=open_assignment)


# action: (state, allowed principals, mutating, call(ctx, actor, sid, ids))
ACTIONS = {
    "view_submission": ("in_review", {"inst_own", "expert_assigned", "chair", "admin"}, False,
                        lambda c, a, sid, x: submissions.get_submission(c, actor_id=a, submission_id=sid)),
    "view_submission_arbitration": ("in_arbitration", {"inst_own", "expert_assigned", "chair", "admin", "arb_panel"}, False,
                                    lambda c, a, sid, x: submissions.get_submission(c, actor_id=a, submission_id=sid)),
    "material_bytes": ("in_review", {"inst_own", "expert_assigned", "chair", "admin"}, False,
                       lambda c, a, sid, x: materials.material_bytes(c, actor_id=a, material_id=x["material"])),
    "audit_trail": ("in_review", {"inst_own", "expert_assigned", "chair", "admin"}, False,
                    lambda c, a, sid, x: audit.audit_trail(c, actor_id=a, submission_id=sid)),
    "list_verdicts": ("decided", {"expert_assigned", "chair", "admin"}, False,
                      lambda c, a, sid, x: reviews.list_verdicts(c, actor_id=a, submission_id=sid)),
    "update_draft": ("draft", {"inst_own"}, True,
                     lambda c, a, sid, x: submissions.update_draft(c, actor_id=a, submission_id=sid, **COURSE)),
    "add_material": ("draft", {"inst_own"}, True,
                     lambda c, a, sid, x: materials.add_material(c, actor_id=a, submission_id=sid, filename="x.txt",
                                                                 data="新材料".encode())),
    "self_check": ("draft", {"inst_own"}, True,
                   lambda c, a, sid, x: submissions.self_check(c, actor_id=a, submission_id=sid)),
    "submit": ("draft", {"inst_own"}, True,
               lambda c, a, sid, x: submissions.submit_submission(c, actor_id=a, submission_id=sid)),
    "assign": ("screened", {"chair"}, True,
               lambda c, a, sid, x: reviews.assign_experts(c, actor_id=a, submission_id=sid)),
    "suggest_panel": ("screened", {"chair"}, False,
                      lambda c, a, sid, x: reviews.suggest_panel(c, actor_id=a, submission_id=sid)),
    "submit_verdict": ("in_review", {"expert_assigned"}, True,
                       lambda c, a, sid, x: reviews.submit_verdict(
                           c, actor_id=a, assignment_id=next(iter(x["assignments"].values())) if a not in x["assignments"]
                           else x["assignments"][a], outcome="approved", category="non_subject", confidence=3)),
    "decide": ("in_review", {"chair"}, True,
               lambda c, a, sid, x: decisions.decide(c, actor_id=a, submission_id=sid, outcome="approved",
                                                     reason="测试：法定人数不足时主任说明理由")),
    "start_revision": ("decided", {"inst_own"}, True,
                       lambda c, a, sid, x: submissions.start_revision(c, actor_id=a, submission_id=sid)),
    "file_appeal": ("decided", {"inst_own"}, True,
                    lambda c, a, sid, x: appeals.file_appeal(c, actor_id=a, decision_id=x["decision"],
                                                             reasons="请复核本决定，理由如附件所述。")),
    "draw_panel": ("appealed", {"chair", "admin"}, True,
                   lambda c, a, sid, x: appeals.draw_arbitration_panel(c, actor_id=a, appeal_id=x["appeal"])),
    "get_appeal": ("in_arbitration", {"inst_own", "chair", "admin", "arb_panel"}, False,
                   lambda c, a, sid, x: appeals.get_appeal(c, actor_id=a, appeal_id=x["appeal"])),
    "rule_appeal": ("in_arbitration", {"arb_panel"}, True,
                    lambda c, a, sid, x: appeals.rule_appeal(c, actor_id=a, appeal_id=x["appeal"], outcome="upheld",
                                                             reason="维持")),
    "create_user": ("draft", {"admin"}, True,
                    lambda c, a, sid, x: admin.create_user(c, actor_id=a, username=f"new{a}", password="Passw0rd!",
                                                           display_name="新用户", role="expert")),
}


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_authorization_matrix(ctx, world, action):
    state, allowed, mutating, call = ACTIONS[action]
    sid = to_state(ctx, world, state)
    who, extra = _ids(ctx, world, sid)
    denied = [p for p in PRINCIPALS if p not in allowed]
    for p in denied:
        with pytest.raises((NotAuthorized, NotFound)):
            call(ctx, who[p], sid, extra)
    for p in sorted(allowed):
        call(ctx, who[p], sid, extra)
        if mutating:
            break  # one allowed principal changes the state; the others were shown allowed by role below
    assert state == "draft" or submissions.get_submission(ctx, actor_id=world.chair, submission_id=sid)


def test_admin_has_no_way_to_change_a_verdict(ctx, world):
    sid = to_state(ctx, world, "in_review")
    _, extra = _ids(ctx, world, sid)
    with pytest.raises(NotAuthorized):
        reviews.submit_verdict(ctx, actor_id=world.admin, assignment_id=next(iter(extra["assignments"].values())),
                               outcome="approved", category="non_subject", confidence=3)
    with pytest.raises(NotAuthorized):
        decisions.decide(ctx, actor_id=world.admin, submission_id=sid, outcome="approved", reason="x")

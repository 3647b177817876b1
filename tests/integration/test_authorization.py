"""Authorization matrix: role × action × ownership. Each action runs against a submission in the state
the action needs; every principal but the allowed ones must get NotAuthorized/NotFound, and every allowed
one must succeed (a change on a case of its own, audited under its name; a query with a real result)."""

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
        assigned = list(s.scalars(select(Assignment.expert_id).where(Assignment.submission_id == sid)
                                  .order_by(Assignment.id)))
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


def _pending_material(ctx, world, sid):
    return {"pending": materials.add_material(ctx, actor_id=world.staff_a, submission_id=sid, filename="later.txt",
                                              data="稍后处理的材料".encode()).id}


def _appeal_file(ctx, world, sid):
    """An attachment on the submission's appeal (to_state files the appeal without one)."""
    from workflows.models import AppealFile

    h = ctx.files.put("申诉附件".encode())
    with ctx.db.write() as s:
        appeal = s.scalar(select(Appeal.id).where(Appeal.submission_id == sid))
        f = AppealFile(appeal_id=appeal, filename="附件.txt", content_hash=h, size=12)
        s.add(f)
        s.flush()
        return {"file": f.id}


def _submitted(ctx, world, sid):
    """submit with a failing screener: the submission stays `submitted` (the chair's case for screening)."""

    class Broken:
        def screen(self, inp):
            raise RuntimeError("model missing")

    saved = ctx._screener
    ctx._screener = Broken()
    try:
        submissions.submit_submission(ctx, actor_id=world.staff_a, submission_id=sid)
    finally:
        ctx._screener = saved
    assert submissions.get_submission(ctx, actor_id=world.chair, submission_id=sid).state == "submitted"
    return {}


def _another_verdict(ctx, world, sid):
    """A verdict by an assigned expert other than `expert_assigned`, who has not given one yet."""
    with ctx.db.read() as s:
        rows = [(a.id, a.expert_id) for a in s.scalars(select(Assignment).where(Assignment.submission_id == sid)
                                                       .order_by(Assignment.id))]
    aid, eid = rows[1]
    reviews.submit_verdict(ctx, actor_id=eid, assignment_id=aid, outcome="approved", category="non_subject",
                           confidence=3)
    return {}


# More actions: (state, allowed, mutating, call, setup(ctx, world, sid) -> extra ids)
MORE = {
    "process_material": ("draft", {"inst_own"}, True,
                         lambda c, a, sid, x: materials.process_material(c, actor_id=a, material_id=x["pending"]),
                         _pending_material),
    "remove_material": ("draft", {"inst_own"}, True,
                        lambda c, a, sid, x: materials.remove_material(c, actor_id=a, material_id=x["material"]), None),
    "material_pages": ("in_review", {"inst_own", "expert_assigned", "chair", "admin"}, False,
                       lambda c, a, sid, x: materials.material_pages(c, actor_id=a, material_id=x["material"]), None),
    "appeal_file_bytes": ("in_arbitration", {"inst_own", "chair", "admin", "arb_panel"}, False,
                          lambda c, a, sid, x: appeals.appeal_file_bytes(c, actor_id=a, file_id=x["file"]), _appeal_file),
    "screen_submission": ("draft", {"inst_own", "chair"}, True,
                          lambda c, a, sid, x: submissions.screen_submission(c, actor_id=a, submission_id=sid),
                          _submitted),
    # An assigned expert who has not given a verdict yet may not read the others' (independence).
    "list_verdicts_before_own": ("in_review", {"chair", "admin"}, False,
                                 lambda c, a, sid, x: reviews.list_verdicts(c, actor_id=a, submission_id=sid),
                                 _another_verdict),
}
ALL = {**{k: (*v, None) for k, v in ACTIONS.items()}, **MORE}


def _prepare(ctx, world, state, setup):
    sid = to_state(ctx, world, state)
    who, extra = _ids(ctx, world, sid)
    if setup:
        extra.update(setup(ctx, world, sid))
    return sid, who, extra


def _events_by(ctx, actor):
    from workflows.models import AuditEvent

    with ctx.db.read() as s:
        return len(list(s.scalars(select(AuditEvent.seq).where(AuditEvent.actor_id == actor))))


@pytest.mark.parametrize("action", sorted(ALL))
def test_authorization_matrix(ctx, world, action):
    state, allowed, mutating, call, setup = ALL[action]
    sid, who, extra = _prepare(ctx, world, state, setup)
    denied = [p for p in PRINCIPALS if p not in allowed]
    for p in denied:
        with pytest.raises((NotAuthorized, NotFound)):
            call(ctx, who[p], sid, extra)
    for i, p in enumerate(sorted(allowed)):
        if mutating and i > 0:  # every allowed role changes a case of its own, in the state the action needs
            sid, who, extra = _prepare(ctx, world, state, setup)
        before = _events_by(ctx, who[p])
        result = call(ctx, who[p], sid, extra)
        if mutating:  # every state change is audited under its actor
            assert _events_by(ctx, who[p]) > before, (action, p)
        else:
            assert result not in (None, b"", []), (action, p)
            if hasattr(result, "submission_id"):
                assert result.submission_id == sid
            if hasattr(result, "id") and action.startswith("view_submission"):
                assert result.id == sid


def test_admin_has_no_way_to_change_a_verdict(ctx, world):
    sid = to_state(ctx, world, "in_review")
    _, extra = _ids(ctx, world, sid)
    with pytest.raises(NotAuthorized):
        reviews.submit_verdict(ctx, actor_id=world.admin, assignment_id=next(iter(extra["assignments"].values())),
                               outcome="approved", category="non_subject", confidence=3)
    with pytest.raises(NotAuthorized):
        decisions.decide(ctx, actor_id=world.admin, submission_id=sid, outcome="approved", reason="x")

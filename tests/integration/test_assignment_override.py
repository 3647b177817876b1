"""Any panel other than the suggested one needs a written, audited reason (not only conflicts)."""

from __future__ import annotations

import pytest

from flows import to_state
from workflows.errors import ValidationFailed
from workflows.services import audit as audit_svc, reviews


def _suggested(ctx, world, sid):
    return [e.expert_id for e in reviews.suggest_panel(ctx, actor_id=world.chair, submission_id=sid)
            if not e.conflicted][:3]


def test_departing_from_the_suggestion_needs_a_reason(ctx, world):
    sid = to_state(ctx, world, "screened")
    suggested = _suggested(ctx, world, sid)
    spare = next(e for e in world.experts[1:] if e not in suggested)  # experts[0] works for institution A
    chosen = suggested[:2] + [spare]
    for reason in (None, "   "):
        with pytest.raises(ValidationFailed, match="须写明调整理由"):
            reviews.assign_experts(ctx, actor_id=world.chair, submission_id=sid, expert_ids=chosen,
                                   override_reason=reason)
    assert not [e for e in audit_svc.audit_trail(ctx, actor_id=world.chair, submission_id=sid)
                if e.action == "assign_experts"]
    made = reviews.assign_experts(ctx, actor_id=world.chair, submission_id=sid, expert_ids=chosen,
                                  override_reason=" 丙专家熟悉该学科 ")
    by_expert = {a.expert_id: a.override_reason for a in made}
    assert by_expert[spare] == "丙专家熟悉该学科"
    assert all(by_expert[e] is None for e in suggested[:2])
    ev = next(e for e in audit_svc.audit_trail(ctx, actor_id=world.chair, submission_id=sid)
              if e.action == "assign_experts")
    assert ev.after["override_reason"] == "丙专家熟悉该学科" and ev.after["suggested"] == suggested


def test_the_suggested_panel_in_any_order_needs_no_reason(ctx, world):
    sid = to_state(ctx, world, "screened")
    suggested = _suggested(ctx, world, sid)
    made = reviews.assign_experts(ctx, actor_id=world.chair, submission_id=sid, expert_ids=list(reversed(suggested)))
    assert all(a.override_reason is None for a in made)
    ev = next(e for e in audit_svc.audit_trail(ctx, actor_id=world.chair, submission_id=sid)
              if e.action == "assign_experts")
    assert ev.after["override_reason"] is None

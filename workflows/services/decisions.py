"""The chair's decision from the verdicts (majority, quorum, written reasons), and the decisions that
become final when the appeal window closes unused."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from sqlalchemy import select

from workflows import rules, statemachine
from workflows.context import ServiceContext
from workflows.errors import ValidationFailed
from workflows.models import Assignment, Decision, Submission, Verdict
from workflows.services import convert
from workflows.services._base import get_actor, get_submission_row, load_settings, lock_submission, read, record, write
from workflows.views import DecisionPreview, DecisionView
from workflows.vocab import CATEGORIES, DECISION_OUTCOMES


def _round_verdicts(s, sub: Submission) -> list[Verdict]:  # type: ignore[no-untyped-def]
    return list(s.execute(select(Verdict).where(Verdict.submission_id == sub.id, Verdict.round == sub.round)
                          .order_by(Verdict.id)).scalars())


def _preview(s, sub: Submission) -> DecisionPreview:  # type: ignore[no-untyped-def]
    settings = load_settings(s)
    verdicts = _round_verdicts(s, sub)
    t = rules.tally([v.outcome for v in verdicts], settings.quorum)
    panel = len(list(s.execute(select(Assignment.id).where(
        Assignment.submission_id == sub.id, Assignment.round == sub.round, Assignment.status != "closed")).scalars()))
    return DecisionPreview(sub.id, sub.round, t.total, panel, t.counts, dict(Counter(v.category for v in verdicts)),
                           t.majority, settings.quorum, t.quorum_met, t.tie, rules.reason_needed(t))


def tally(ctx: ServiceContext, *, actor_id: int, submission_id: int) -> DecisionPreview:
    with read(ctx) as s:
        get_actor(s, actor_id, "chair")
        return _preview(s, get_submission_row(s, submission_id))


def decide(ctx: ServiceContext, *, actor_id: int, submission_id: int, outcome: str, category: str | None = None,
           reason: str = "", conditions: str = "") -> DecisionView:
    if outcome not in DECISION_OUTCOMES:
        raise ValidationFailed("决定结果无效。", "Unknown outcome.")
    if category is not None and category not in CATEGORIES:
        raise ValidationFailed("类别应为学科类或非学科类。", "Unknown category.")
    with write(ctx) as s:
        get_actor(s, actor_id, "chair")
        sub = lock_submission(s, submission_id)
        target = statemachine.target_of("decide", sub.state)
        settings = load_settings(s)
        verdicts = _round_verdicts(s, sub)
        t = rules.tally([v.outcome for v in verdicts], settings.quorum)
        why = rules.reason_needed(t, outcome)
        if why and not reason.strip():
            raise ValidationFailed(why, "A written reason is required (quorum, tie or departure from the majority).")
        if outcome == "reclassified":
            category = category or ("non_subject" if sub.declared_category == "subject" else "subject")
            if category == sub.declared_category:
                raise ValidationFailed("重新认定类别时，认定类别须与申报类别不同。", "Reclassified needs the other category.")
        else:
            category = category or sub.declared_category
            if category != sub.declared_category:
                raise ValidationFailed("认定类别与申报类别不同时，结果应为「重新认定类别」。",
                                       "A different category means the outcome is 'reclassified'.")
        if outcome == "approved_with_changes" and not conditions.strip():
            raise ValidationFailed("修改后通过须写明修改要求。", "State the required changes.")
        now = ctx.now()
        deadline = ctx.today() + timedelta(days=settings.appeal_window_days)
        d = Decision(submission_id=sub.id, round=sub.round, chair_id=actor_id, outcome=outcome, category=category,
                     reason=reason.strip(), conditions=conditions.strip(), tally=t.counts, majority_outcome=t.majority,
                     quorum_met=t.quorum_met, decided_at=now, appeal_deadline=deadline)
        s.add(d)
        for a in s.execute(select(Assignment).where(Assignment.submission_id == sub.id,
                                                     Assignment.status == "open")).scalars():
            a.status = "closed"
        before = {"state": sub.state, "outcome": sub.outcome}
        sub.state, sub.outcome, sub.final_category, sub.updated_at = target, outcome, category, now
        s.flush()
        record(s, ctx, actor_id=actor_id, action="decide", object_type="decision", object_id=d.id,
               submission_id=sub.id, before=before,
               after={"state": target, "outcome": outcome, "category": category, "tally": t.counts,
                      "majority": t.majority, "quorum_met": t.quorum_met, "reason": d.reason,
                      "appeal_deadline": deadline})
        return convert.decision_view(s, d, ctx.today())


def finalize_expired(ctx: ServiceContext, *, actor_id: int | None = None) -> list[int]:
    """decided → final for every submission whose appeal window closed unused; returns their ids.
    actor_id None = the command line / scheduler."""
    today = ctx.today()
    with read(ctx) as s:
        if actor_id is not None:
            get_actor(s, actor_id, "chair", "admin")
        candidates = [sid for sid, in s.execute(
            select(Submission.id).join(Decision, (Decision.submission_id == Submission.id)
                                       & (Decision.round == Submission.round))
            .where(Submission.state == "decided", Decision.appeal_deadline < today)).all()]
    done = []
    for sid in candidates:
        with write(ctx) as s:
            sub = lock_submission(s, sid)
            if sub.state != "decided":
                continue  # someone appealed or revised meanwhile
            sub.state = statemachine.target_of("finalize", sub.state)
            sub.updated_at = ctx.now()
            record(s, ctx, actor_id=actor_id, action="finalize", object_type="submission", object_id=sid,
                   submission_id=sid, before={"state": "decided"}, after={"state": "final", "outcome": sub.outcome})
            done.append(sid)
    return done

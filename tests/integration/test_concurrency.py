"""Races between threads: verdicts and a decision at once, the same transition twice at once, and
concurrent audit appends. Runs on SQLite (serialised writers) and on PostgreSQL (row locks)."""

from __future__ import annotations

import threading

from flows import to_state
from sqlalchemy import func, select

from workflows.errors import ConcurrentChange, InvalidTransition
from workflows.models import Verdict
from workflows.services import audit, decisions, reviews, submissions


def _race(*calls):
    """Runs the calls in threads released together; returns (results, errors) in call order."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)
    errors: list = [None] * len(calls)

    def run(i, fn):
        barrier.wait()
        try:
            results[i] = fn()
        except Exception as exc:  # collected and asserted on below
            errors[i] = exc

    threads = [threading.Thread(target=run, args=(i, fn)) for i, fn in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results, errors


def test_two_experts_and_the_chair_at_once_never_lose_or_double_a_verdict(ctx, world):
    for _ in range(3):
        sid = to_state(ctx, world, "in_review")
        a1, a2, a3 = submissions.get_submission(ctx, actor_id=world.chair, submission_id=sid).assignments
        reviews.submit_verdict(ctx, actor_id=a1.expert_id, assignment_id=a1.id, outcome="approved",
                               category="non_subject", confidence=4)
        vote = lambda a: lambda: reviews.submit_verdict(ctx, actor_id=a.expert_id, assignment_id=a.id,
                                                       outcome="approved", category="non_subject", confidence=3)
        decide = lambda: decisions.decide(ctx, actor_id=world.chair, submission_id=sid, outcome="approved",
                                          reason="主任在专家意见未齐时依多数作出决定")
        results, errors = _race(vote(a2), vote(a3), decide)
        assert errors[2] is None, errors[2]
        for e in errors[:2]:
            assert e is None or isinstance(e, (InvalidTransition, ConcurrentChange)), e
            if e is not None:
                assert "不再" in e.message or "不在" in e.message or "刷新" in e.message
        ok_votes = sum(1 for e in errors[:2] if e is None)
        with ctx.db.read() as s:
            stored = s.scalar(select(func.count()).select_from(Verdict).where(Verdict.submission_id == sid))
        assert stored == 1 + ok_votes  # nothing lost, nothing doubled
        assert sum(results[2].tally.values()) == stored  # the decision counted exactly the committed verdicts
    assert audit.verify_audit(ctx).ok


def test_the_same_transition_twice_at_once_happens_once(ctx, world):
    sid = to_state(ctx, world, "draft")
    _, errors = _race(lambda: submissions.submit_submission(ctx, actor_id=world.staff_a, submission_id=sid),
                      lambda: submissions.submit_submission(ctx, actor_id=world.staff_a, submission_id=sid))
    assert sum(e is None for e in errors) == 1
    loser = next(e for e in errors if e is not None)
    assert isinstance(loser, (InvalidTransition, ConcurrentChange)) and loser.message
    assert submissions.get_submission(ctx, actor_id=world.chair, submission_id=sid).round == 1

    sid = to_state(ctx, world, "screened")
    results, errors = _race(lambda: reviews.assign_experts(ctx, actor_id=world.chair, submission_id=sid),
                            lambda: reviews.assign_experts(ctx, actor_id=world.chair, submission_id=sid))
    assert sum(e is None for e in errors) == 1
    assert all(e is None or isinstance(e, (InvalidTransition, ConcurrentChange)) for e in errors)
    detail = submissions.get_submission(ctx, actor_id=world.chair, submission_id=sid)
    assert len(detail.assignments) == 3

    a = detail.assignments[0]
    _, errors = _race(*[lambda: reviews.submit_verdict(ctx, actor_id=a.expert_id, assignment_id=a.id, outcome="approved",
                                                       category="non_subject", confidence=3)] * 2)
    assert sum(e is None for e in errors) == 1
    assert audit.verify_audit(ctx).ok


def test_concurrent_audit_appends_never_fork_the_chain(ctx, world):
    def declare(expert, inst):
        return lambda: [reviews.declare_conflict(ctx, actor_id=expert, institution_id=inst, note=f"n{i}")
                        for i in range(4)]

    _, errors = _race(*[declare(e, world.inst_b) for e in world.experts[1:5]])
    assert errors == [None] * 4
    report = audit.verify_audit(ctx)
    assert report.ok, report.problems

"""Screening (model load + classification, slow) runs outside any write transaction; the short write
afterwards re-checks the state and the version, so a change made meanwhile is never overwritten."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from flows import make_submission

from workflows.errors import ConcurrentChange, InvalidTransition
from workflows.services import submissions


class _WriteTracker:
    def __init__(self, db):
        self.depth = 0
        self._write = db.write

        @contextmanager
        def tracked():
            self.depth += 1
            try:
                with self._write() as s:
                    yield s
            finally:
                self.depth -= 1

        db.write = tracked


def _guarded_screener(ctx, tracker, on_screen=None):
    real = ctx.fake_screener
    seen = []

    class Guard:
        def screen(self, inp):
            seen.append(tracker.depth)
            if on_screen:
                on_screen()
            return real.screen(inp)

    ctx.screener_loader = lambda: Guard()
    ctx._screener = None  # the context caches the loaded screener
    return seen


def test_submit_and_self_check_screen_outside_the_write_transaction(ctx, world):
    sid = make_submission(ctx, world)
    tracker = _WriteTracker(ctx.db)
    seen = _guarded_screener(ctx, tracker)
    submissions.self_check(ctx, actor_id=world.staff_a, submission_id=sid)
    detail = submissions.submit_submission(ctx, actor_id=world.staff_a, submission_id=sid)
    assert detail.state == "screened"
    assert seen == [0, 0]


def test_a_change_during_screening_is_not_overwritten(ctx, world):
    from flows import COURSE

    sid = make_submission(ctx, world)
    tracker = _WriteTracker(ctx.db)

    def edit_meanwhile():
        submissions.update_draft(ctx, actor_id=world.staff_a, submission_id=sid,
                                 **{**COURSE, "class_name": "小学三年级美术培训班（改）"})

    _guarded_screener(ctx, tracker, edit_meanwhile)
    with pytest.raises((ConcurrentChange, InvalidTransition)):
        submissions.self_check(ctx, actor_id=world.staff_a, submission_id=sid)
    d = submissions.get_submission(ctx, actor_id=world.staff_a, submission_id=sid)
    assert d.class_name.endswith("（改）") and d.screenings == []

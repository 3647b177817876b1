"""Backup/restore through the service layer on both databases, and a screener failure after submit."""

from __future__ import annotations

from flows import make_submission, to_state
from sqlalchemy import delete, func, insert, select

from workflows.backup import backup, restore
from workflows.models import AuditHead, Base, Submission
from workflows.services import audit, submissions


def _empty(ctx):
    with ctx.db.write() as s:
        for table in reversed(Base.metadata.sorted_tables):
            s.execute(delete(table))
        s.execute(insert(AuditHead.__table__).values(id=1, seq=0, last_hash="0" * 64))


def test_backup_restore_round_trip_and_ids_continue(ctx, world, tmp_path):
    sid = to_state(ctx, world, "final")
    archive = tmp_path / "b.zip"
    counts = backup(ctx, archive)
    assert counts["submission"] == 1 and counts["audit_event"] > 10
    _empty(ctx)
    assert restore(ctx, archive) == counts
    assert audit.verify_audit(ctx).ok
    assert submissions.get_submission(ctx, actor_id=world.staff_a, submission_id=sid).state == "final"
    new = make_submission(ctx, world)  # identity sequences continue after the restored ids
    assert new > sid
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Submission)) == 2


def test_screener_failure_leaves_submitted_and_chair_can_rescreen(ctx, world):
    sid = make_submission(ctx, world)

    class Broken:
        def screen(self, inp):
            raise RuntimeError("model files missing")

    real = ctx._screener
    ctx._screener = Broken()
    detail = submissions.submit_submission(ctx, actor_id=world.staff_a, submission_id=sid)
    assert detail.state == "submitted" and detail.screenings == []
    ctx._screener = real
    submissions.screen_submission(ctx, actor_id=world.chair, submission_id=sid)
    assert submissions.get_submission(ctx, actor_id=world.chair, submission_id=sid).state == "screened"

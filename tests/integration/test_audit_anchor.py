"""The backup's audit anchor catches what the chain alone cannot: a tail deleted (or re-hashed) together
with the head row, which leaves a chain that is internally consistent."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select

from flows import to_state
from workflows import audit as chain
from workflows.backup import archive_anchor, backup
from workflows.models import AuditEvent, AuditHead
from workflows.services import audit


@pytest.fixture
def anchored(ctx, world, tmp_path):
    """A decided submission's events, then a backup; returns the anchor recorded in the archive."""
    to_state(ctx, world, "decided")
    path = tmp_path / "b.zip"
    backup(ctx, path)
    anchor = archive_anchor(path)
    with ctx.db.read() as s:
        assert anchor == chain.chain_head(s) and anchor[0] > 5
    return anchor


def test_intact_chain_passes_with_its_anchor_and_later_events(ctx, world, anchored):
    to_state(ctx, world, "draft")  # more events after the backup are fine
    report = audit.verify_audit(ctx, anchor=chain.format_anchor(*anchored))
    assert report.ok, report.problems


def test_truncated_tail_with_a_consistent_head_is_caught_only_by_the_anchor(ctx, anchored):
    seq, _ = anchored
    with ctx.db.write() as s:
        s.execute(delete(AuditEvent).where(AuditEvent.seq > seq - 3))
        last = s.execute(select(AuditEvent).where(AuditEvent.seq == seq - 3)).scalar_one()
        head = s.get(AuditHead, 1)
        head.seq, head.last_hash = last.seq, last.hash
    assert audit.verify_audit(ctx).ok  # the chain by itself looks fine
    report = audit.verify_audit(ctx, anchor=anchored)
    assert not report.ok and f"anchor seq {seq} is missing" in report.problems[0]


def test_rewritten_and_rehashed_chain_is_caught(ctx, anchored):
    seq, _ = anchored
    with ctx.db.write() as s:
        events = list(s.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars())
        events[2].after = {"state": "approved"}  # rewrite history, then recompute every hash after it
        prev = events[1].hash
        for ev in events[2:]:
            ev.prev_hash = prev
            ev.hash = chain.event_hash(ev)
            prev = ev.hash
        head = s.get(AuditHead, 1)
        head.last_hash = prev
    assert audit.verify_audit(ctx).ok
    report = audit.verify_audit(ctx, anchor=anchored)
    assert not report.ok and f"event seq {seq}" in report.problems[0] and "rewritten" in report.problems[0]


@pytest.mark.parametrize("bad", ["", "12", "x:" + "0" * 64, "3:abc", "3:" + "g" * 64])
def test_malformed_anchor_is_refused(ctx, bad):
    with pytest.raises(ValueError, match="SEQ:HASH"):
        audit.verify_audit(ctx, anchor=bad)

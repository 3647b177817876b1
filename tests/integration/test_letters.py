"""Letters as records: issued once, stored by hash, downloaded byte for byte by those who may see them."""

from __future__ import annotations

import hashlib

import pytest

from flows import to_state
from workflows.errors import InvalidTransition, NotAuthorized, NotFound
from workflows.services import appeals, letters, submissions


def _latest_decision(ctx, world, sid):
    return submissions.get_submission(ctx, actor_id=world.chair, submission_id=sid).decisions[-1]


def test_chair_issues_decision_letter_and_institution_downloads_the_same_bytes(ctx, world):
    sid = to_state(ctx, world, "decided")
    d = _latest_decision(ctx, world, sid)
    lt = letters.issue_decision_letter(ctx, actor_id=world.chair, decision_id=d.id)
    assert lt.kind == "decision" and lt.decision_id == d.id and lt.letter_no.endswith(f"第{d.id}号")
    again = letters.issue_decision_letter(ctx, actor_id=world.chair, decision_id=d.id)
    assert again.id == lt.id and again.content_hash == lt.content_hash

    listed = letters.list_letters(ctx, actor_id=world.staff_a, submission_id=sid)
    assert [x.id for x in listed] == [lt.id]
    assert listed[0].issued_by is None and listed[0].issued_by_name == "委员会"
    data = letters.letter_bytes(ctx, actor_id=world.staff_a, letter_id=lt.id)
    assert data.startswith(b"%PDF") and hashlib.sha256(data).hexdigest() == lt.content_hash == listed[0].content_hash

    events = [e for e in submissions.get_submission(ctx, actor_id=world.chair, submission_id=sid).history
              if e.action == "issue_decision_letter"]
    assert len(events) == 1 and events[0].after["content_hash"] == lt.content_hash


def test_other_institution_and_non_chair_cannot_issue_or_read(ctx, world):
    sid = to_state(ctx, world, "decided")
    d = _latest_decision(ctx, world, sid)
    with pytest.raises(NotAuthorized):
        letters.issue_decision_letter(ctx, actor_id=world.staff_a, decision_id=d.id)
    with pytest.raises(NotAuthorized):
        letters.issue_decision_letter(ctx, actor_id=world.admin, decision_id=d.id)
    lt = letters.issue_decision_letter(ctx, actor_id=world.chair, decision_id=d.id)
    with pytest.raises(NotFound):
        letters.letter_bytes(ctx, actor_id=world.staff_b, letter_id=lt.id)
    with pytest.raises(NotFound):
        letters.list_letters(ctx, actor_id=world.staff_b, submission_id=sid)
    with pytest.raises(NotFound):
        letters.letter_bytes(ctx, actor_id=world.staff_a, letter_id=lt.id + 999)
    with pytest.raises(NotFound):
        letters.issue_decision_letter(ctx, actor_id=world.chair, decision_id=d.id + 999)


def test_ruling_letter_only_by_panel_member_after_ruling(ctx, world):
    sid = to_state(ctx, world, "in_arbitration")
    ap = appeals.my_appeals(ctx, actor_id=world.chair)[0]
    member = ap.panel[0][0]
    outsider = next(a for a in world.arbitrators if a not in {m for m, _ in ap.panel})
    with pytest.raises(InvalidTransition):
        letters.issue_ruling_letter(ctx, actor_id=member, appeal_id=ap.id)
    for arbitrator, _ in ap.panel[:2]:  # the panel rules by majority (2 of 3)
        appeals.rule_appeal(ctx, actor_id=arbitrator, appeal_id=ap.id, outcome="upheld", reason="证据充分，维持原决定。")
    with pytest.raises(NotFound):
        letters.issue_ruling_letter(ctx, actor_id=outsider, appeal_id=ap.id)
    with pytest.raises(NotAuthorized):
        letters.issue_ruling_letter(ctx, actor_id=world.chair, appeal_id=ap.id)
    lt = letters.issue_ruling_letter(ctx, actor_id=member, appeal_id=ap.id)
    assert lt.kind == "ruling" and lt.appeal_id == ap.id and lt.submission_id == sid
    other_member = ap.panel[1][0]
    assert letters.issue_ruling_letter(ctx, actor_id=other_member, appeal_id=ap.id).id == lt.id
    data = letters.letter_bytes(ctx, actor_id=world.staff_a, letter_id=lt.id)
    assert hashlib.sha256(data).hexdigest() == lt.content_hash
    assert letters.letter_bytes(ctx, actor_id=member, letter_id=lt.id) == data
    with pytest.raises(NotFound):
        letters.letter_bytes(ctx, actor_id=outsider, letter_id=lt.id)


def test_issued_bytes_survive_later_changes(ctx, world):
    """The institution gets what was issued even after the submission moves on (revision)."""
    sid = to_state(ctx, world, "decided")
    d = _latest_decision(ctx, world, sid)
    lt = letters.issue_decision_letter(ctx, actor_id=world.chair, decision_id=d.id)
    before = letters.letter_bytes(ctx, actor_id=world.staff_a, letter_id=lt.id)
    submissions.start_revision(ctx, actor_id=world.staff_a, submission_id=sid)
    submissions.update_draft(ctx, actor_id=world.staff_a, submission_id=sid, **{
        **__import__("flows").COURSE, "class_name": "改名后的美术班"})
    assert letters.letter_bytes(ctx, actor_id=world.staff_a, letter_id=lt.id) == before

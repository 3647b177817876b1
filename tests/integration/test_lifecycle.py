"""The whole life of a submission through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from flows import make_submission, to_state

from workflows.errors import InvalidTransition, NotAuthorized, ValidationFailed
from workflows.services import appeals, audit, chair, decisions, materials, public, reviews, submissions


def test_draft_to_final_with_revision_and_appeal(ctx, world):
    sid = make_submission(ctx, world, text="本课讲授数学应用题的解题方法。")
    report = submissions.self_check(ctx, actor_id=world.staff_a, submission_id=sid)
    assert report.ready_to_submit and report.screening.model_version == "fake-1"
    assert submissions.get_submission(ctx, actor_id=world.staff_a, submission_id=sid).state == "draft"

    detail = submissions.submit_submission(ctx, actor_id=world.staff_a, submission_id=sid)
    assert detail.state == "screened" and detail.round == 1
    assert detail.materials[0].result["findings"][0]["page"] == 1

    suggestions = reviews.suggest_panel(ctx, actor_id=world.chair, submission_id=sid)
    conflicted = [e.expert_id for e in suggestions if e.conflicted]
    assert conflicted == [world.experts[0]]  # works for institution A
    assigned = reviews.assign_experts(ctx, actor_id=world.chair, submission_id=sid)
    assert len(assigned) == 3 and world.experts[0] not in {a.expert_id for a in assigned}

    first, second, third = assigned
    with pytest.raises(NotAuthorized):
        reviews.list_verdicts(ctx, actor_id=first.expert_id, submission_id=sid)
    reviews.submit_verdict(ctx, actor_id=first.expert_id, assignment_id=first.id, outcome="reclassified",
                           category="subject", reason_codes=["disguised_subject"], comment="实为数学", confidence=5)
    seen = reviews.list_verdicts(ctx, actor_id=first.expert_id, submission_id=sid)
    assert [v.expert_id for v in seen] == [first.expert_id]
    with pytest.raises(InvalidTransition):  # one verdict per assignment
        reviews.submit_verdict(ctx, actor_id=first.expert_id, assignment_id=first.id, outcome="approved",
                               category="non_subject", confidence=3)
    reviews.submit_verdict(ctx, actor_id=second.expert_id, assignment_id=second.id, outcome="reclassified",
                           category="subject", reason_codes=["disguised_subject"], comment="数学", confidence=4)
    reviews.submit_verdict(ctx, actor_id=third.expert_id, assignment_id=third.id, outcome="approved",
                           category="non_subject", confidence=2)

    with pytest.raises(ValidationFailed):  # departing from the majority needs a reason
        decisions.decide(ctx, actor_id=world.chair, submission_id=sid, outcome="approved")
    d = decisions.decide(ctx, actor_id=world.chair, submission_id=sid, outcome="reclassified")
    assert d.category == "subject" and d.tally == {"reclassified": 2, "approved": 1} and d.appealable

    # Revision → resubmission → review again; history of round 1 is kept.
    submissions.start_revision(ctx, actor_id=world.staff_a, submission_id=sid)
    submissions.update_draft(ctx, actor_id=world.staff_a, submission_id=sid,
                             **{**_course(), "declared_category": "subject", "declared_subject": "数学",
                                "class_name": "小学三年级数学培训班"})
    detail = submissions.submit_submission(ctx, actor_id=world.staff_a, submission_id=sid)
    assert detail.round == 2 and detail.state == "screened"
    assigned = reviews.assign_experts(ctx, actor_id=world.chair, submission_id=sid)
    for a in assigned[:2]:
        reviews.submit_verdict(ctx, actor_id=a.expert_id, assignment_id=a.id, outcome="rejected",
                               category="subject", reason_codes=["rest_day_training"], comment="周末开课", confidence=4)
    d2 = decisions.decide(ctx, actor_id=world.chair, submission_id=sid, outcome="rejected")
    assert d2.round == 2 and d2.quorum_met

    ap = appeals.file_appeal(ctx, actor_id=world.staff_a, decision_id=d2.id, reasons="课表已调整到工作日晚间，请复核。",
                             files=[("新课表.txt", "周三 18:00".encode())])
    with pytest.raises(InvalidTransition):
        appeals.file_appeal(ctx, actor_id=world.staff_a, decision_id=d2.id, reasons="再次申诉一次，理由同上。")
    ap = appeals.draw_arbitration_panel(ctx, actor_id=world.chair, appeal_id=ap.id)
    reviewers = {a.expert_id for a in assigned}
    assert len(ap.panel) == 3 and not reviewers & {p for p, _ in ap.panel}
    outsider = next(a for a in world.arbitrators if a not in {p for p, _ in ap.panel})
    with pytest.raises(Exception):
        appeals.rule_appeal(ctx, actor_id=outsider, appeal_id=ap.id, outcome="upheld", reason="x")
    # A panel decision: one vote each; a 1–1 split stays open and the panel sees the votes.
    first = appeals.rule_appeal(ctx, actor_id=ap.panel[0][0], appeal_id=ap.id, outcome="overturned",
                                new_outcome="approved_with_changes", reason="课表已合规。")
    assert first.state == "in_arbitration" and first.ruling is None and len(first.votes) == 1
    split = appeals.rule_appeal(ctx, actor_id=ap.panel[1][0], appeal_id=ap.id, outcome="upheld", reason="证据不足。")
    assert split.state == "in_arbitration" and split.ruling is None
    assert sorted(v.outcome for v in appeals.get_appeal(ctx, actor_id=ap.panel[2][0], appeal_id=ap.id).votes) == \
        ["overturned", "upheld"]
    assert submissions.get_submission(ctx, actor_id=world.chair, submission_id=sid).state == "in_arbitration"
    ruled = appeals.rule_appeal(ctx, actor_id=ap.panel[2][0], appeal_id=ap.id, outcome="overturned",
                                new_outcome="approved_with_changes", reason="周末课程已调整。")
    assert ruled.state == "ruled" and ruled.ruling.new_outcome == "approved_with_changes"
    assert ruled.ruling.ruled_by == ap.panel[2][0]
    assert sorted((v.arbitrator_id, v.outcome) for v in ruled.ruling.votes) == sorted(
        [(ap.panel[0][0], "overturned"), (ap.panel[1][0], "upheld"), (ap.panel[2][0], "overturned")])
    assert appeals.get_appeal(ctx, actor_id=world.staff_a, appeal_id=ap.id).votes == []
    final = submissions.get_submission(ctx, actor_id=world.staff_a, submission_id=sid)
    assert final.state == "final" and final.outcome == "approved_with_changes"
    assert final.verdicts == [] and final.assignments == []  # the institution never sees reviewers
    with pytest.raises(InvalidTransition):  # a ruling is final
        appeals.rule_appeal(ctx, actor_id=ap.panel[1][0], appeal_id=ap.id, outcome="upheld", reason="再裁")
    assert [c.submission_id for c in public.list_approved_courses(ctx)] == [sid]
    assert audit.verify_audit(ctx).ok
    actions = [e.action for e in audit.audit_trail(ctx, actor_id=world.chair, submission_id=sid)]
    assert actions.count("submit") == 2 and actions[-1] == "rule_appeal"


def _course():
    from flows import COURSE

    return dict(COURSE)


@pytest.mark.parametrize("state", ["draft", "screened", "in_review", "decided", "revision", "appealed",
                                   "in_arbitration", "final"])
def test_every_state_is_reachable(ctx, world, state):
    sid = to_state(ctx, world, state)
    assert submissions.get_submission(ctx, actor_id=world.chair, submission_id=sid).state == state


def test_appeal_window_closes_and_finalize_expired(ctx, world, clock):
    sid = to_state(ctx, world, "decided")
    d = submissions.get_submission(ctx, actor_id=world.staff_a, submission_id=sid).decisions[-1]
    clock.advance(days=16)
    with pytest.raises(InvalidTransition, match="申诉期"):
        appeals.file_appeal(ctx, actor_id=world.staff_a, decision_id=d.id, reasons="理由理由理由理由理由理由")
    assert decisions.finalize_expired(ctx) == [sid]
    assert decisions.finalize_expired(ctx) == []
    assert submissions.get_submission(ctx, actor_id=world.chair, submission_id=sid).state == "final"


def test_chair_queries(ctx, world, clock):
    to_state(ctx, world, "in_review")
    to_state(ctx, world, "screened")
    o = chair.overview(ctx, actor_id=world.chair)
    assert o.total == 2 and o.by_state == {"in_review": 1, "screened": 1} and o.by_district == {"东城区": 2}
    assert o.awaiting_assignment == 1 and o.overdue == 0
    clock.advance(days=40)
    late = chair.overdue(ctx, actor_id=world.chair)
    assert len(late) == 3 and all(i.kind == "review" and i.working_days_overdue > 0 for i in late)
    queue = reviews.my_assignments(ctx, actor_id=late[0].who_id)
    assert queue[0].overdue and queue[0].working_days_left < 0


def test_failed_material_keeps_message_and_no_pages(ctx, world, monkeypatch):
    import ingest
    from ingest import IngestError

    sid = make_submission(ctx, world)
    m = materials.add_material(ctx, actor_id=world.staff_a, submission_id=sid, filename="b.txt", data="第二份".encode())

    def boom(*a, **k):
        raise IngestError("corrupted", "文件已损坏，无法读取", "damaged")

    monkeypatch.setattr(ingest, "extract_document", boom)
    v = materials.process_material(ctx, actor_id=world.staff_a, material_id=m.id)
    assert v.status == "failed" and "损坏" in v.error and v.page_count == 0


def test_empty_upload_is_refused_and_leaves_nothing(ctx, world):
    sid = make_submission(ctx, world)
    before = ctx.files.all_hashes()
    with pytest.raises(ValidationFailed, match="空"):
        materials.add_material(ctx, actor_id=world.staff_a, submission_id=sid, filename="empty.txt", data=b"")
    assert ctx.files.all_hashes() == before
    assert len(submissions.get_submission(ctx, actor_id=world.staff_a, submission_id=sid).materials) == 1


def test_upload_failing_after_the_file_is_stored_leaves_no_row(ctx, world, monkeypatch):
    """The stored file stays on purpose: an identical upload in flight may use it (test_file_store_race)."""
    import workflows.services.materials as mat

    sid = make_submission(ctx, world)
    before_files = ctx.files.all_hashes()
    before_rows = len(submissions.get_submission(ctx, actor_id=world.staff_a, submission_id=sid).materials)

    def fail(*a, **k):
        raise RuntimeError("disk full while writing the audit event")

    monkeypatch.setattr(mat, "record", fail)
    with pytest.raises(RuntimeError):
        mat.add_material(ctx, actor_id=world.staff_a, submission_id=sid, filename="new.txt", data="全新的内容".encode())
    assert set(ctx.files.all_hashes()) - set(before_files) == {ctx.files.digest("全新的内容".encode())}
    assert len(submissions.get_submission(ctx, actor_id=world.staff_a, submission_id=sid).materials) == before_rows


def test_overdue_arbitration_is_listed(ctx, world, clock):
    sid = to_state(ctx, world, "in_arbitration")
    assert chair.overdue(ctx, actor_id=world.chair) == []
    clock.advance(days=45)
    items = [i for i in chair.overdue(ctx, actor_id=world.chair) if i.kind == "arbitration"]
    assert [i.submission_id for i in items] == [sid] and items[0].working_days_overdue > 0
    with pytest.raises(NotAuthorized):
        chair.overdue(ctx, actor_id=world.staff_a)


def test_duplicate_committee_membership_is_a_clear_error(ctx, world):
    from workflows.services import admin

    with pytest.raises(ValidationFailed, match="已是此委员会委员"):
        admin.add_committee_member(ctx, actor_id=world.admin, committee_id=world.review_committee,
                                   user_id=world.experts[1])

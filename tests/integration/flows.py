"""Helpers that drive submissions through the real services (imported by the integration tests)."""

from __future__ import annotations

from typing import Any

World = Any  # tests/conftest.py World (not importable from here: pytest owns conftest)

COURSE = dict(class_name="小学三年级美术培训班", target_grade=3, declared_category="non_subject",
              declared_subject="美术", mode="offline", audience="primary", description="水彩与素描",
              timetable=[{"topic": "色彩", "date": "2026-03-14", "start": "09:00", "end": "10:30"}],
              people=[{"name": "王老师", "role": "author", "certificate_no": "A1", "years_experience": 5},
                      {"name": "李老师", "role": "internal_reviewer", "certificate_no": "B2", "years_experience": 8}])


def make_submission(ctx, world: World, *, staff: int | None = None, text: str = "第一课 水彩画的基本技法。\n观察与表达。",
                    **overrides: Any) -> int:
    """A draft with one processed .txt material."""
    from workflows.services import materials, submissions

    staff = staff or world.staff_a
    d = submissions.create_submission(ctx, actor_id=staff, **{**COURSE, **overrides})
    m = materials.add_material(ctx, actor_id=staff, submission_id=d.id, filename="lesson.txt",
                               data=text.encode("utf-8"), kind="讲义", origin="self_compiled")
    materials.process_material(ctx, actor_id=staff, material_id=m.id)
    return d.id


def to_state(ctx, world: World, state: str, **kw: Any) -> int:
    """A submission driven through the services up to `state`."""
    from workflows.services import appeals, decisions, reviews, submissions

    sid = make_submission(ctx, world, **kw)
    if state == "draft":
        return sid
    submissions.submit_submission(ctx, actor_id=world.staff_a, submission_id=sid)
    if state == "screened":
        return sid
    assigned = reviews.assign_experts(ctx, actor_id=world.chair, submission_id=sid)
    if state == "in_review":
        return sid
    for a in assigned:
        reviews.submit_verdict(ctx, actor_id=a.expert_id, assignment_id=a.id, outcome="rejected",
                               category="non_subject", reason_codes=["advertising"], comment="含广告", confidence=4)
    d = decisions.decide(ctx, actor_id=world.chair, submission_id=sid, outcome="rejected")
    if state == "decided":
        return sid
    if state == "revision":
        submissions.start_revision(ctx, actor_id=world.staff_a, submission_id=sid)
        return sid
    ap = appeals.file_appeal(ctx, actor_id=world.staff_a, decision_id=d.id, reasons="广告内容已在第二版删除，请复核。")
    if state == "appealed":
        return sid
    ap = appeals.draw_arbitration_panel(ctx, actor_id=world.chair, appeal_id=ap.id)
    if state == "in_arbitration":
        return sid
    for arbitrator, _ in ap.panel[:len(ap.panel) // 2 + 1]:  # a majority of the panel rules
        appeals.rule_appeal(ctx, actor_id=arbitrator, appeal_id=ap.id, outcome="upheld", reason="证据充分，维持原决定。")
    assert state == "final"
    return sid

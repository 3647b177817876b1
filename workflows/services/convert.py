"""ORM rows -> view dataclasses (kept in one place so every query returns the same shapes)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workflows.models import (Appeal, AppealFile, ArbitrationMember, ArbitrationVote, Assignment, AuditEvent, Decision, Material,
                              MaterialPage, Ruling, Screening, Submission, User, Verdict)
from workflows.views import (AppealView, ArbitrationVoteView, AssignmentView, AuditEventView, DecisionView, MaterialView, RulingView,
                             ScreeningView, UserView, VerdictView)
from workflows.workdays import WorkCalendar


def user_view(u: User) -> UserView:
    return UserView(u.id, u.username, u.display_name, u.role, u.institution_id,
                    u.institution.name if u.institution else None, u.active, u.locked_until)


def _name(s: Session, user_id: int | None) -> str:
    if user_id is None:
        return "系统"
    u = s.get(User, user_id)
    return u.display_name if u else f"#{user_id}"


def material_result(screening: Screening | None, material_id: int) -> dict[str, Any] | None:
    """The submission's screening, with only this material's findings and page numbers inside it."""
    if screening is None:
        return None
    page_map = screening.page_map or []
    result = dict(screening.result)
    findings = []
    for f in screening.result.get("findings", []):
        page = f.get("page")
        if page is None or not (1 <= page <= len(page_map)):
            findings.append(f)  # timetable and whole-text findings concern every material
            continue
        mid, number = page_map[page - 1]
        if mid == material_id:
            findings.append({**f, "page": number})
    result["findings"] = findings
    return result


def material_view(s: Session, m: Material, screening: Screening | None = None) -> MaterialView:
    count = s.scalar(select(func.count()).select_from(MaterialPage).where(MaterialPage.material_id == m.id)) or 0
    return MaterialView(m.id, m.submission_id, m.filename, m.kind, m.origin, m.isbn, m.size, m.content_hash,
                        m.file_type, m.status, m.error, m.facts, list(m.warnings or []), count, m.uploaded_by,
                        _name(s, m.uploaded_by), m.created_at, material_result(screening, m.id))


def screening_view(sc: Screening) -> ScreeningView:
    return ScreeningView(sc.id, sc.round, sc.purpose, sc.result, sc.model_version, sc.rules_version, sc.created_at)


def verdict_view(s: Session, v: Verdict) -> VerdictView:
    return VerdictView(v.id, v.assignment_id, v.submission_id, v.round, v.expert_id, _name(s, v.expert_id),
                       v.outcome, v.category, list(v.reason_codes or []), v.comment, v.confidence,
                       list(v.evidence or []), v.created_at)


def assignment_view(s: Session, a: Assignment, cal: WorkCalendar, today, sub: Submission | None = None) -> AssignmentView:  # type: ignore[no-untyped-def]
    sub = sub or s.get(Submission, a.submission_id)
    left = cal.working_days_between(today, a.due_date)
    has_verdict = s.scalar(select(func.count()).select_from(Verdict).where(Verdict.assignment_id == a.id)) > 0
    return AssignmentView(a.id, a.submission_id, a.round, a.expert_id, _name(s, a.expert_id), a.status, a.due_date,
                          left, a.status == "open" and left < 0, a.override_reason, a.created_at,
                          sub.class_name, sub.institution.name, sub.declared_category, sub.declared_subject,
                          sub.target_grade, has_verdict)


def decision_view(s: Session, d: Decision, today) -> DecisionView:  # type: ignore[no-untyped-def]
    appeal_id = s.scalar(select(Appeal.id).where(Appeal.decision_id == d.id))
    sub = s.get(Submission, d.submission_id)
    latest = s.scalar(select(func.max(Decision.round)).where(Decision.submission_id == d.submission_id))
    appealable = (appeal_id is None and sub is not None and sub.state == "decided" and d.round == latest
                  and today <= d.appeal_deadline)
    return DecisionView(d.id, d.submission_id, d.round, d.chair_id, _name(s, d.chair_id), d.outcome, d.category,
                        d.reason, d.conditions, dict(d.tally or {}), d.majority_outcome, d.quorum_met, d.decided_at,
                        d.appeal_deadline, appealable, appeal_id)


# What an institution sees instead of an arbitrator's identity (names are confidential).
PANEL_ZH = "仲裁委员会"


def ruling_view(s: Session, r: Ruling, confidential: bool = False) -> RulingView:
    if confidential:
        return RulingView(r.id, r.appeal_id, 0, PANEL_ZH, r.outcome, r.new_outcome, r.new_category, r.reason,
                          r.ruled_at)
    votes = [ArbitrationVoteView(v["arbitrator_id"], _name(s, v["arbitrator_id"]), v["outcome"], v.get("new_outcome"),
                                 v.get("new_category"), v.get("reason", ""), None) for v in (r.votes or [])]
    return RulingView(r.id, r.appeal_id, r.ruled_by, _name(s, r.ruled_by), r.outcome, r.new_outcome, r.new_category,
                      r.reason, r.ruled_at, votes)


def vote_views(s: Session, appeal_id: int) -> list[ArbitrationVoteView]:
    return [ArbitrationVoteView(v.arbitrator_id, _name(s, v.arbitrator_id), v.outcome, v.new_outcome, v.new_category,
                                v.reason, v.voted_at) for v in s.execute(
        select(ArbitrationVote).where(ArbitrationVote.appeal_id == appeal_id).order_by(ArbitrationVote.id)).scalars()]


def appeal_view(s: Session, a: Appeal, today, confidential: bool = False) -> AppealView:  # type: ignore[no-untyped-def]
    """`confidential=True` (institutions): the panel and the ruling carry no arbitrator ids or names."""
    sub = s.get(Submission, a.submission_id)
    files = [(f.id, f.filename, f.size) for f in s.execute(
        select(AppealFile).where(AppealFile.appeal_id == a.id).order_by(AppealFile.id)).scalars()]
    panel = [(0, "") if confidential else (m.arbitrator_id, _name(s, m.arbitrator_id)) for m in s.execute(
        select(ArbitrationMember).where(ArbitrationMember.appeal_id == a.id).order_by(ArbitrationMember.id)).scalars()]
    d = s.get(Decision, a.decision_id)
    r = s.execute(select(Ruling).where(Ruling.appeal_id == a.id)).scalar_one_or_none()
    return AppealView(a.id, a.decision_id, a.submission_id, sub.class_name if sub else "",
                      sub.institution.name if sub else "", a.filed_by, a.reasons, a.filed_at, a.state, a.due_date,
                      files, panel, decision_view(s, d, today) if d else None,
                      ruling_view(s, r, confidential) if r else None, [] if confidential else vote_views(s, a.id))


def audit_view(s: Session, e: AuditEvent) -> AuditEventView:
    return AuditEventView(e.seq, e.at, e.actor_id, _name(s, e.actor_id), e.action, e.object_type, e.object_id,
                          e.before, e.after)

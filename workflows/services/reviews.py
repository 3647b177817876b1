"""Independent review: panel suggestion and assignment (conflicts of interest, balanced load), the
expert's queue and package, verdicts, and who may read which verdict."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from workflows import statemachine
from workflows.context import ServiceContext
from workflows.errors import InvalidTransition, NotAuthorized, NotFound, ValidationFailed
from workflows.models import (Assignment, Committee, CommitteeMember, ConflictOfInterest, Institution, Screening,
                              Submission, User, Verdict)
from workflows.reason_codes import validate as unknown_codes
from workflows.services import convert
from workflows.services._base import (conflicts_of, get_actor, get_submission_row, load_settings, lock_submission,
                                      read, record, require_view, work_calendar, write)
from workflows.services.submissions import detail, visible_verdicts
from workflows.views import AssignmentView, ConflictView, ExpertLoad, ReviewPackage, VerdictView
from workflows.vocab import CATEGORIES, CONFLICT_KINDS, DECISION_OUTCOMES


def committee_pool(s, kind: str, today) -> list[User]:  # type: ignore[no-untyped-def]
    """Active users who are members in term of a committee of `kind`."""
    role = "expert" if kind == "review" else "arbitrator"
    q = (select(User).join(CommitteeMember, CommitteeMember.user_id == User.id)
         .join(Committee, Committee.id == CommitteeMember.committee_id)
         .where(Committee.kind == kind, User.role == role, User.active.is_(True),
                CommitteeMember.term_start <= today, CommitteeMember.term_end >= today)
         .order_by(User.id).distinct())
    return list(s.execute(q).scalars())


def open_load(s, user_ids: list[int]) -> dict[int, int]:  # type: ignore[no-untyped-def]
    if not user_ids:
        return {}
    rows = s.execute(select(Assignment.expert_id, func.count()).where(
        Assignment.expert_id.in_(user_ids), Assignment.status == "open").group_by(Assignment.expert_id)).all()
    counts = {uid: 0 for uid in user_ids}
    counts.update({uid: n for uid, n in rows})
    return counts


def _suggestions(s, sub: Submission, today, exclude: set[int] = frozenset()) -> list[ExpertLoad]:  # type: ignore[no-untyped-def]
    pool = [u for u in committee_pool(s, "review", today) if u.id not in exclude]
    load = open_load(s, [u.id for u in pool])
    out = []
    for u in pool:
        reasons = conflicts_of(s, u, sub.institution_id)
        out.append(ExpertLoad(u.id, u.display_name, load[u.id], bool(reasons), reasons))
    # Non-conflicted first, then the lightest open load; id keeps the order stable.
    return sorted(out, key=lambda e: (e.conflicted, e.open_assignments, e.expert_id))


def suggest_panel(ctx: ServiceContext, *, actor_id: int, submission_id: int) -> list[ExpertLoad]:
    with read(ctx) as s:
        get_actor(s, actor_id, "chair")
        sub = get_submission_row(s, submission_id)
        return _suggestions(s, sub, ctx.today())


def _check_expert(s, sub: Submission, expert_id: int, pool_ids: set[int], override_reason: str | None) -> list[str]:  # type: ignore[no-untyped-def]
    expert = s.get(User, expert_id)
    if expert is None or expert_id not in pool_ids:
        raise ValidationFailed(f"用户 #{expert_id} 不是任期内的审查专家委员会委员。",
                               f"User #{expert_id} is not a serving member of a review committee.")
    reasons = conflicts_of(s, expert, sub.institution_id)
    if reasons and not (override_reason or "").strip():
        raise ValidationFailed(f"专家 {expert.display_name} 与该机构存在利益冲突（{'；'.join(reasons)}），"
                               "如确需指派，须填写书面理由。",
                               f"{expert.display_name} has a conflict of interest; an override needs a written reason.")
    return reasons


def assign_experts(ctx: ServiceContext, *, actor_id: int, submission_id: int, expert_ids: list[int] | None = None,
                   override_reason: str | None = None) -> list[AssignmentView]:
    with write(ctx) as s:
        get_actor(s, actor_id, "chair")
        sub = lock_submission(s, submission_id)
        target = statemachine.target_of("assign", sub.state)
        settings = load_settings(s)
        today = ctx.today()
        suggested = [e.expert_id for e in _suggestions(s, sub, today) if not e.conflicted][:settings.panel_size]
        if expert_ids is None:
            expert_ids = list(suggested)
        if len(set(expert_ids)) != len(expert_ids):
            raise ValidationFailed("同一专家不能重复指派。", "The same expert was chosen twice.")
        if len(expert_ids) != settings.panel_size:
            raise ValidationFailed(f"每份申报须指派 {settings.panel_size} 名专家（当前 {len(expert_ids)} 名，"
                                   "可能是没有足够的无利益冲突专家）。",
                                   f"Exactly {settings.panel_size} experts are needed (got {len(expert_ids)}).")
        pool_ids = {u.id for u in committee_pool(s, "review", today)}
        cal = work_calendar(s)
        due = cal.add_working_days(today, settings.review_deadline_working_days)
        made = []
        overrides = {}
        for eid in expert_ids:
            reasons = _check_expert(s, sub, eid, pool_ids, override_reason)
            a = Assignment(submission_id=sub.id, round=sub.round, expert_id=eid, assigned_by=actor_id, status="open",
                           due_date=due,
                           override_reason=(override_reason or "").strip() or None if reasons or eid not in suggested else None,
                           created_at=ctx.now())
            s.add(a)
            made.append(a)
            if reasons:
                overrides[str(eid)] = reasons
        # Any departure from the suggested panel (not only a conflict) is the chair's call, in writing.
        departs = set(expert_ids) != set(suggested)
        if departs and not (override_reason or "").strip():
            raise ValidationFailed("所选专家与系统推荐的审查小组不同，须写明调整理由（记入审计记录）。",
                                   "The chosen panel differs from the suggested one: give the reason for the override.")
        sub.state = target
        sub.review_due = due
        sub.updated_at = ctx.now()
        s.flush()
        record(s, ctx, actor_id=actor_id, action="assign_experts", object_type="submission", object_id=sub.id,
               submission_id=sub.id, before={"state": "screened"},
               after={"state": target, "experts": expert_ids, "due": due, "round": sub.round,
                      "suggested": suggested, "conflict_overrides": overrides,
                      "override_reason": override_reason.strip() if (overrides or departs) else None})
        return [convert.assignment_view(s, a, cal, today, sub) for a in made]


def replace_expert(ctx: ServiceContext, *, actor_id: int, assignment_id: int, new_expert_id: int,
                   override_reason: str | None = None) -> AssignmentView:
    with write(ctx) as s:
        get_actor(s, actor_id, "chair")
        old = s.get(Assignment, assignment_id)
        if old is None:
            raise NotFound("找不到该审查任务。", "Assignment not found.")
        sub = lock_submission(s, old.submission_id)
        if sub.state != "in_review" or old.status != "open" or old.round != sub.round:
            raise InvalidTransition("只能替换审查中尚未提交意见的专家。", "Only an open assignment of a submission in review can be replaced.")
        taken = {a.expert_id for a in s.execute(select(Assignment).where(
            Assignment.submission_id == sub.id, Assignment.round == sub.round)).scalars()}
        if new_expert_id in taken:
            raise ValidationFailed("该专家已在本轮审查小组中。", "That expert is already on this panel.")
        today = ctx.today()
        reasons = _check_expert(s, sub, new_expert_id, {u.id for u in committee_pool(s, "review", today)}, override_reason)
        old.status = "closed"
        a = Assignment(submission_id=sub.id, round=sub.round, expert_id=new_expert_id, assigned_by=actor_id,
                       status="open", due_date=old.due_date,
                       override_reason=override_reason.strip() if reasons and override_reason else None, created_at=ctx.now())
        s.add(a)
        s.flush()
        record(s, ctx, actor_id=actor_id, action="replace_expert", object_type="assignment", object_id=a.id,
               submission_id=sub.id, before={"assignment": old.id, "expert": old.expert_id},
               after={"assignment": a.id, "expert": new_expert_id, "conflicts": reasons,
                      "override_reason": override_reason if reasons else None})
        return convert.assignment_view(s, a, work_calendar(s), today, sub)


def declare_conflict(ctx: ServiceContext, *, actor_id: int, institution_id: int, kind: str = "relation",
                     note: str = "") -> ConflictView:
    if kind not in CONFLICT_KINDS:
        raise ValidationFailed("利益关系类型应为任职或申报的利益关系。", "Unknown conflict kind.")
    with write(ctx) as s:
        user = get_actor(s, actor_id, "expert", "arbitrator")
        inst = s.get(Institution, institution_id)
        if inst is None:
            raise NotFound("找不到该机构。", "Institution not found.")
        existing = s.execute(select(ConflictOfInterest).where(
            ConflictOfInterest.user_id == user.id, ConflictOfInterest.institution_id == institution_id,
            ConflictOfInterest.kind == kind)).scalar_one_or_none()
        if existing is None:
            existing = ConflictOfInterest(user_id=user.id, institution_id=institution_id, kind=kind, note=note.strip(),
                                          declared_at=ctx.now())
            s.add(existing)
        else:
            existing.note = note.strip()
        s.flush()
        record(s, ctx, actor_id=actor_id, action="declare_conflict", object_type="conflict", object_id=existing.id,
               after={"institution_id": institution_id, "kind": kind, "note": existing.note})
        return ConflictView(existing.id, user.id, inst.id, inst.name, kind, existing.note, existing.declared_at)


def list_conflicts(ctx: ServiceContext, *, actor_id: int, user_id: int | None = None) -> list[ConflictView]:
    with read(ctx) as s:
        user = get_actor(s, actor_id)
        target = user_id if user_id is not None else user.id
        if target != user.id and user.role not in ("chair", "admin"):
            raise NotAuthorized()
        rows = s.execute(select(ConflictOfInterest, Institution).join(
            Institution, Institution.id == ConflictOfInterest.institution_id).where(
            ConflictOfInterest.user_id == target).order_by(ConflictOfInterest.id)).all()
        return [ConflictView(c.id, c.user_id, i.id, i.name, c.kind, c.note, c.declared_at) for c, i in rows]


def my_assignments(ctx: ServiceContext, *, actor_id: int) -> list[AssignmentView]:
    """Open first, the most overdue first; then finished ones, newest first."""
    with read(ctx) as s:
        user = get_actor(s, actor_id, "expert")
        cal, today = work_calendar(s), ctx.today()
        rows = [convert.assignment_view(s, a, cal, today) for a in s.execute(
            select(Assignment).where(Assignment.expert_id == user.id)).scalars()]
    open_rows = sorted((r for r in rows if r.status == "open"), key=lambda r: (r.working_days_left, r.id))
    done = sorted((r for r in rows if r.status != "open"), key=lambda r: r.created_at, reverse=True)
    return open_rows + done


def review_package(ctx: ServiceContext, *, actor_id: int, submission_id: int) -> ReviewPackage:
    with read(ctx) as s:
        user = get_actor(s, actor_id, "expert")
        sub = get_submission_row(s, submission_id)
        a = s.execute(select(Assignment).where(Assignment.submission_id == sub.id, Assignment.expert_id == user.id)
                      .order_by(Assignment.round.desc(), Assignment.id.desc())).scalars().first()
        if a is None:
            raise NotFound("找不到该申报，或您未被分配审查。", "Not found, or not assigned to you.")
        cal, today = work_calendar(s), ctx.today()
        d = detail(ctx, s, user, sub)
        sc = s.execute(select(Screening).where(Screening.submission_id == sub.id, Screening.purpose == "submit")
                       .order_by(Screening.id.desc())).scalars().first()
        mine = s.execute(select(Verdict).where(Verdict.assignment_id == a.id)).scalar_one_or_none()
        return ReviewPackage(convert.assignment_view(s, a, cal, today, sub), d, d.materials,
                             convert.screening_view(sc) if sc else None,
                             convert.verdict_view(s, mine) if mine else None)


def submit_verdict(ctx: ServiceContext, *, actor_id: int, assignment_id: int, outcome: str, category: str,
                   reason_codes: list[str] | None = None, comment: str = "", confidence: int = 3,
                   evidence: list[dict[str, Any]] | None = None) -> VerdictView:
    reason_codes = list(reason_codes or [])
    if outcome not in DECISION_OUTCOMES:
        raise ValidationFailed("审查结论无效。", "Unknown outcome.")
    if category not in CATEGORIES:
        raise ValidationFailed("认定类别应为学科类或非学科类。", "Unknown category.")
    bad = unknown_codes(reason_codes)
    if bad:
        raise ValidationFailed(f"未知的理由代码：{'、'.join(bad)}", f"Unknown reason codes: {', '.join(bad)}")
    if not isinstance(confidence, int) or not 1 <= confidence <= 5:
        raise ValidationFailed("把握程度应为 1 到 5。", "Confidence must be 1 to 5.")
    if outcome in ("rejected", "approved_with_changes") and not reason_codes and not comment.strip():
        raise ValidationFailed("不通过或修改后通过时，请选择理由代码或填写意见。", "Give reason codes or a comment.")
    with write(ctx) as s:
        user = get_actor(s, actor_id, "expert")
        a = s.get(Assignment, assignment_id)
        if a is None or a.expert_id != user.id:
            raise NotFound("找不到该审查任务，或它未分配给您。", "Assignment not found or not yours.")
        sub = lock_submission(s, a.submission_id)  # serialises with the chair's decision
        s.refresh(a)
        if sub.state != "in_review" or a.round != sub.round:
            raise InvalidTransition("该申报已不在审查阶段，不能再提交审查意见。", "The submission is no longer in review.")
        if a.status != "open":
            raise InvalidTransition("您已提交过本任务的审查意见，或任务已关闭。", "A verdict was already given or the assignment is closed.")
        if outcome == "reclassified" and category == sub.declared_category:
            raise ValidationFailed("重新认定类别时，认定类别应与申报类别不同。", "Reclassified needs the other category.")
        v = Verdict(assignment_id=a.id, submission_id=sub.id, round=a.round, expert_id=user.id, outcome=outcome,
                    category=category, reason_codes=reason_codes, comment=comment.strip(), confidence=confidence,
                    evidence=list(evidence or []), created_at=ctx.now())
        s.add(v)
        a.status = "done"
        sub.updated_at = ctx.now()  # bumps the version: a racing decision sees the change
        s.flush()
        record(s, ctx, actor_id=actor_id, action="submit_verdict", object_type="verdict", object_id=v.id,
               submission_id=sub.id, after={"assignment": a.id, "outcome": outcome, "category": category,
                                            "reason_codes": reason_codes, "confidence": confidence})
        return convert.verdict_view(s, v)


def list_verdicts(ctx: ServiceContext, *, actor_id: int, submission_id: int) -> list[VerdictView]:
    """Chair/admin/arbitrators on its appeal see all; an expert only once their own verdict of that round
    is in (NotAuthorized before); the institution never sees individual verdicts."""
    with read(ctx) as s:
        user = get_actor(s, actor_id)
        sub = get_submission_row(s, submission_id)
        require_view(s, user, sub)
        if user.role == "institution":
            raise NotAuthorized("机构只能查看委员会的审查决定，不能查看单个专家意见。",
                                "Institutions see decisions, not individual verdicts.")
        rows = visible_verdicts(s, user, sub)
        if user.role == "expert" and not rows:
            raise NotAuthorized("提交您自己的审查意见后，才能查看其他专家的意见。",
                                "Give your own verdict before reading the others.")
        return [convert.verdict_view(s, v) for v in rows]

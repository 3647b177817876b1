"""Appeals: one per decision inside the window, an arbitration panel drawn without any reviewer of the
submission, and the final ruling."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from workflows import statemachine
from workflows.context import ServiceContext
from workflows.errors import InvalidTransition, NotAuthorized, NotFound, ValidationFailed
from workflows.models import (Appeal, AppealFile, ArbitrationMember, ArbitrationVote, Assignment, Decision, Ruling,
                              Submission)
from workflows.services import convert
from workflows.services._base import (conflicts_of, get_actor, load_settings, lock_submission, read, record,
                                      require_owner, work_calendar, write)
from workflows.services._uploads import sniff_upload, store_then_write
from workflows.services.reviews import committee_pool
from workflows.views import AppealView
from workflows.vocab import CATEGORIES, DECISION_OUTCOMES, RULING_OUTCOMES

MAX_APPEAL_FILE_BYTES = 50 * 1024 * 1024


def _file_pairs(files: list[Any]) -> list[tuple[str, bytes]]:
    """(filename, bytes) from tuples or uploaded-file objects (name + getvalue())."""
    out = []
    for f in files or []:
        if isinstance(f, (tuple, list)):
            name, data = f[0], f[1]
        else:
            name, data = getattr(f, "name", "file"), f.getvalue()
        if not data:
            raise ValidationFailed(f"附件「{name}」为空。", f"Attachment '{name}' is empty.")
        if len(data) > MAX_APPEAL_FILE_BYTES:
            raise ValidationFailed(f"附件「{name}」超过 50 MB。", f"Attachment '{name}' exceeds 50 MB.")
        out.append((str(name)[:300], bytes(data)))
    return out


def file_appeal(ctx: ServiceContext, *, actor_id: int, decision_id: int, reasons: str,
                files: list[Any] | None = None) -> AppealView:
    if len((reasons or "").strip()) < 10:
        raise ValidationFailed("请写明申诉理由（至少 10 个字）。", "State the reasons for the appeal (10+ characters).")
    pairs = _file_pairs(files or [])
    for name, data in pairs:
        sniff_upload(data, name, name_in_message=True)  # like materials: no executables or disguised files

    def rows(s, hashes: list[str]) -> AppealView:  # type: ignore[no-untyped-def]
        user = get_actor(s, actor_id, "institution")
        d = s.get(Decision, decision_id)
        if d is None:
            raise NotFound("找不到该审查决定。", "Decision not found.")
        sub = lock_submission(s, d.submission_id)
        require_owner(user, sub)
        if d.round != sub.round:
            raise InvalidTransition("只能对最新一轮的审查决定提出申诉。", "Only the latest decision can be appealed.")
        if s.scalar(select(Appeal.id).where(Appeal.decision_id == d.id)) is not None:
            raise InvalidTransition("每个审查决定只能申诉一次。", "A decision can be appealed once.")
        target = statemachine.target_of("file_appeal", sub.state)
        if ctx.today() > d.appeal_deadline:
            raise InvalidTransition(f"申诉期已于 {d.appeal_deadline} 届满。", f"The appeal window closed on {d.appeal_deadline}.")
        a = Appeal(decision_id=d.id, submission_id=sub.id, filed_by=user.id, reasons=reasons.strip(),
                   filed_at=ctx.now(), state="filed")
        s.add(a)
        s.flush()
        stored = [(name, h, len(data)) for (name, data), h in zip(pairs, hashes)]
        for name, h, size in stored:
            s.add(AppealFile(appeal_id=a.id, filename=name, content_hash=h, size=size))
        sub.state, sub.updated_at = target, ctx.now()
        s.flush()
        record(s, ctx, actor_id=actor_id, action="file_appeal", object_type="appeal", object_id=a.id,
               submission_id=sub.id, before={"state": "decided"},
               after={"state": target, "decision": d.id, "files": [[n, h] for n, h, _ in stored]})
        return convert.appeal_view(s, a, ctx.today(), True)

    return store_then_write(ctx, [data for _, data in pairs], rows)


def draw_arbitration_panel(ctx: ServiceContext, *, actor_id: int, appeal_id: int) -> AppealView:
    with write(ctx) as s:
        get_actor(s, actor_id, "chair", "admin")
        a = s.get(Appeal, appeal_id)
        if a is None:
            raise NotFound("找不到该申诉。", "Appeal not found.")
        sub = lock_submission(s, a.submission_id)
        target = statemachine.target_of("open_arbitration", sub.state)
        settings = load_settings(s)
        today = ctx.today()
        reviewers = {eid for eid, in s.execute(select(Assignment.expert_id).where(
            Assignment.submission_id == sub.id)).all()}
        pool = [u for u in committee_pool(s, "arbitration", today)
                if u.id not in reviewers and not conflicts_of(s, u, sub.institution_id)]
        k = settings.arbitration_panel_size
        if len(pool) < k:
            raise ValidationFailed(f"仲裁委员会中符合回避要求的委员只有 {len(pool)} 名，不足 {k} 名。",
                                   f"Only {len(pool)} eligible arbitrators; {k} are needed.")
        chosen = sorted(ctx.rng.sample(sorted(u.id for u in pool), k))
        for uid in chosen:
            s.add(ArbitrationMember(appeal_id=a.id, arbitrator_id=uid))
        a.state = "in_arbitration"
        a.due_date = work_calendar(s).add_working_days(today, settings.arbitration_deadline_working_days)
        sub.state, sub.updated_at = target, ctx.now()
        s.flush()
        record(s, ctx, actor_id=actor_id, action="draw_arbitration_panel", object_type="appeal", object_id=a.id,
               submission_id=sub.id, before={"state": "appealed"},
               after={"state": target, "panel": chosen, "due": a.due_date, "pool_size": len(pool)})
        return convert.appeal_view(s, a, today)


def rule_appeal(ctx: ServiceContext, *, actor_id: int, appeal_id: int, outcome: str, reason: str,
                new_outcome: str | None = None, new_category: str | None = None) -> AppealView:
    """Records this panel arbitrator's vote (a later vote replaces their earlier one while the appeal is open).
    When a majority of the panel agrees on the same ruling, the appeal is ruled in the same transaction:
    in_arbitration → final, the ruling keeping every vote. Without a majority (a tie, or votes still
    missing) the appeal stays open and the panel sees the votes. Returns the appeal as it now stands."""
    if outcome not in RULING_OUTCOMES:
        raise ValidationFailed("裁决结果应为维持、撤销或提请上级认定。", "Unknown ruling outcome.")
    if not (reason or "").strip():
        raise ValidationFailed("请写明裁决理由。", "State the reasons for the ruling.")
    with write(ctx) as s:
        user = get_actor(s, actor_id, "arbitrator")
        a = s.get(Appeal, appeal_id)
        if a is None:
            raise NotFound("找不到该申诉。", "Appeal not found.")
        panel = list(s.scalars(select(ArbitrationMember.arbitrator_id).where(ArbitrationMember.appeal_id == a.id)))
        if user.id not in panel:
            raise NotFound("找不到该申诉，或您不在其仲裁小组中。", "Not found, or you are not on its panel.")
        sub = lock_submission(s, a.submission_id)
        target = statemachine.target_of("rule", sub.state)
        d = s.get(Decision, a.decision_id)
        new_outcome, new_category = _ruling_terms(sub, d, outcome, new_outcome, new_category)
        vote = s.scalar(select(ArbitrationVote).where(ArbitrationVote.appeal_id == a.id,
                                                      ArbitrationVote.arbitrator_id == user.id))
        previous = _vote_dict(vote) if vote else None
        if vote is None:
            vote = ArbitrationVote(appeal_id=a.id, arbitrator_id=user.id)
            s.add(vote)
        vote.outcome, vote.new_outcome, vote.new_category = outcome, new_outcome, new_category
        vote.reason, vote.voted_at = reason.strip(), ctx.now()
        s.flush()
        record(s, ctx, actor_id=actor_id, action="arbitration_vote", object_type="appeal", object_id=a.id,
               submission_id=sub.id, before=previous, after=_vote_dict(vote))
        votes = list(s.scalars(select(ArbitrationVote).where(ArbitrationVote.appeal_id == a.id)
                               .order_by(ArbitrationVote.id)))
        key = (outcome, new_outcome, new_category)
        agreeing = [v for v in votes if (v.outcome, v.new_outcome, v.new_category) == key]
        if 2 * len(agreeing) <= len(panel):
            return convert.appeal_view(s, a, ctx.today())  # no majority yet: stays open
        r = Ruling(appeal_id=a.id, ruled_by=user.id, outcome=outcome, new_outcome=new_outcome,
                   new_category=new_category, reason="\n".join(v.reason for v in agreeing), ruled_at=ctx.now(),
                   votes=[_vote_dict(v) for v in votes])
        s.add(r)
        before = {"state": sub.state, "outcome": sub.outcome, "category": sub.final_category}
        a.state = "ruled"
        if outcome == "overturned":
            sub.outcome, sub.final_category = new_outcome, new_category
        sub.state, sub.updated_at = target, ctx.now()
        s.flush()
        record(s, ctx, actor_id=actor_id, action="rule_appeal", object_type="ruling", object_id=r.id,
               submission_id=sub.id, before=before,
               after={"state": target, "ruling": outcome, "outcome": sub.outcome, "category": sub.final_category,
                      "reason": r.reason, "majority": f"{len(agreeing)}/{len(panel)}", "votes": r.votes})
        return convert.appeal_view(s, a, ctx.today())


def _ruling_terms(sub: Submission, d: Decision, outcome: str, new_outcome: str | None,
                  new_category: str | None) -> tuple[str | None, str | None]:
    """(new_outcome, new_category) normalised, so that votes for the same ruling compare equal."""
    if outcome == "overturned":
        if new_outcome not in DECISION_OUTCOMES or new_outcome == d.outcome:
            raise ValidationFailed("撤销原决定时，须给出与原决定不同的新结果。", "Overturning needs a different new outcome.")
        if new_outcome == "reclassified":
            new_category = new_category or ("non_subject" if sub.declared_category == "subject" else "subject")
            if new_category == sub.declared_category:
                raise ValidationFailed("重新认定类别时，类别须与申报类别不同。", "Reclassified needs the other category.")
        else:
            new_category = sub.declared_category
    else:
        new_outcome = new_category = None
    if new_category is not None and new_category not in CATEGORIES:
        raise ValidationFailed("类别无效。", "Unknown category.")
    return new_outcome, new_category


def _vote_dict(v: ArbitrationVote) -> dict[str, Any]:
    return {"arbitrator_id": v.arbitrator_id, "outcome": v.outcome, "new_outcome": v.new_outcome,
            "new_category": v.new_category, "reason": v.reason}


def _visible_appeal(s, user, a: Appeal) -> bool:  # type: ignore[no-untyped-def]
    if user.role in ("chair", "admin"):
        return True
    if user.role == "arbitrator":
        return s.scalar(select(ArbitrationMember.id).where(ArbitrationMember.appeal_id == a.id,
                                                           ArbitrationMember.arbitrator_id == user.id)) is not None
    if user.role == "institution":
        sub = s.get(Submission, a.submission_id)
        return sub is not None and sub.institution_id == user.institution_id
    return False


def my_appeals(ctx: ServiceContext, *, actor_id: int) -> list[AppealView]:
    with read(ctx) as s:
        user = get_actor(s, actor_id)
        if user.role == "expert":
            raise NotAuthorized("专家不参与申诉处理。", "Experts do not handle appeals.")
        q = select(Appeal).order_by(Appeal.filed_at.desc(), Appeal.id.desc())
        if user.role == "arbitrator":
            q = q.join(ArbitrationMember, ArbitrationMember.appeal_id == Appeal.id).where(
                ArbitrationMember.arbitrator_id == user.id)
        elif user.role == "institution":
            q = q.join(Submission, Submission.id == Appeal.submission_id).where(
                Submission.institution_id == user.institution_id)
        today = ctx.today()
        secret = user.role == "institution"
        return [convert.appeal_view(s, a, today, secret) for a in s.execute(q).scalars()]


def get_appeal(ctx: ServiceContext, *, actor_id: int, appeal_id: int) -> AppealView:
    with read(ctx) as s:
        user = get_actor(s, actor_id)
        a = s.get(Appeal, appeal_id)
        if a is None or not _visible_appeal(s, user, a):
            raise NotFound("找不到该申诉，或您无权查看。", "Appeal not found, or you may not see it.")
        return convert.appeal_view(s, a, ctx.today(), user.role == "institution")


def appeal_file_bytes(ctx: ServiceContext, *, actor_id: int, file_id: int) -> bytes:
    with read(ctx) as s:
        user = get_actor(s, actor_id)
        f = s.get(AppealFile, file_id)
        a = s.get(Appeal, f.appeal_id) if f else None
        if a is None or not _visible_appeal(s, user, a):
            raise NotFound("找不到该附件，或您无权查看。", "File not found, or you may not see it.")
        h = f.content_hash
    return ctx.files.get(h)

"""The chair's and admin's views of the whole caseload: counts, lists and overdue items."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from workflows.context import ServiceContext
from workflows.models import Appeal, ArbitrationMember, Assignment, Submission, Verdict
from workflows.services._base import get_actor, load_settings, read, user_name, work_calendar
from workflows.services.submissions import submission_row
from workflows.views import ChairOverview, OverdueItem, SubmissionRow


def overview(ctx: ServiceContext, *, actor_id: int) -> ChairOverview:
    with read(ctx) as s:
        get_actor(s, actor_id, "chair", "admin")
        subs = list(s.execute(select(Submission)).scalars())
        settings = load_settings(s)
        by_state = Counter(x.state for x in subs)
        by_category = Counter(x.final_category or x.declared_category for x in subs)
        by_subject = Counter(x.declared_subject for x in subs)
        by_district = Counter(x.institution.district for x in subs)
        cal = work_calendar(s)
        overdue_n = len(_overdue(s, cal, ctx.today()))
        awaiting = 0
        for x in subs:
            if x.state == "in_review":
                n = len(list(s.execute(select(Verdict.id).where(Verdict.submission_id == x.id,
                                                                Verdict.round == x.round)).scalars()))
                awaiting += n >= settings.quorum
        return ChairOverview(len(subs), dict(by_state), dict(by_category), dict(by_subject), dict(by_district),
                             overdue_n, by_state.get("screened", 0), awaiting, cal.warning())


def list_submissions(ctx: ServiceContext, *, actor_id: int, state: str | None = None) -> list[SubmissionRow]:
    with read(ctx) as s:
        get_actor(s, actor_id, "chair", "admin")
        q = select(Submission).order_by(Submission.updated_at.desc(), Submission.id.desc())
        if state:
            q = q.where(Submission.state == state)
        cal, today = work_calendar(s), ctx.today()
        return [submission_row(s, x, cal, today) for x in s.execute(q).scalars()]


def _overdue(s, cal, today) -> list[OverdueItem]:  # type: ignore[no-untyped-def]
    items = []
    for a in s.execute(select(Assignment).where(Assignment.status == "open", Assignment.due_date < today)).scalars():
        sub = s.get(Submission, a.submission_id)
        left = cal.working_days_between(today, a.due_date)
        if left < 0:
            items.append(OverdueItem("review", sub.id, sub.class_name, sub.institution.name, a.expert_id,
                                     user_name(s, a.expert_id), a.due_date, -left, a.id))
    for ap in s.execute(select(Appeal).where(Appeal.state == "in_arbitration", Appeal.due_date < today)).scalars():
        sub = s.get(Submission, ap.submission_id)
        left = cal.working_days_between(today, ap.due_date)
        if left < 0:
            names = [user_name(s, m.arbitrator_id) for m in s.execute(
                select(ArbitrationMember).where(ArbitrationMember.appeal_id == ap.id)).scalars()]
            items.append(OverdueItem("arbitration", sub.id, sub.class_name, sub.institution.name, None,
                                     "、".join(names), ap.due_date, -left, ap.id))
    return sorted(items, key=lambda i: (-i.working_days_overdue, i.due_date, i.object_id))


def overdue(ctx: ServiceContext, *, actor_id: int | None) -> list[OverdueItem]:
    """Reviews and arbitrations past their working-day deadline, most overdue first (actor None = CLI)."""
    with read(ctx) as s:
        if actor_id is not None:
            get_actor(s, actor_id, "chair", "admin")
        return _overdue(s, work_calendar(s), ctx.today())

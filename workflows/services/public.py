"""The public 公示 list: courses whose review ended in approval (no login)."""

from __future__ import annotations

from sqlalchemy import select

from workflows.context import ServiceContext
from workflows.models import Decision, Ruling, Appeal, Submission
from workflows.services._base import read
from workflows.views import PublicCourse
from workflows.vocab import APPROVED_OUTCOMES


def list_approved_courses(ctx: ServiceContext) -> list[PublicCourse]:
    """Approved (or approved with changes) and no longer open to change: final, or decided with the appeal
    window closed (finalize_expired may not have run yet)."""
    with read(ctx) as s:
        subs = s.execute(select(Submission).where(Submission.state.in_(("decided", "final")),
                                                  Submission.outcome.in_(tuple(APPROVED_OUTCOMES)))
                         .order_by(Submission.id)).scalars()
        out = []
        today = ctx.today()
        for sub in subs:
            d = s.execute(select(Decision).where(Decision.submission_id == sub.id)
                          .order_by(Decision.round.desc())).scalars().first()
            if sub.state == "decided" and d is not None and today <= d.appeal_deadline:
                continue  # still open to appeal or revision: not published yet
            when = d.decided_at if d else None
            r = s.execute(select(Ruling).join(Appeal, Appeal.id == Ruling.appeal_id)
                          .where(Appeal.submission_id == sub.id)).scalars().first()
            if r is not None and r.outcome == "overturned":
                when = r.ruled_at
            out.append(PublicCourse(sub.id, sub.class_name, sub.institution.name, sub.institution.district,
                                    sub.final_category or sub.declared_category, sub.declared_subject,
                                    sub.target_grade, sub.mode, sub.outcome or "", when))
        return out

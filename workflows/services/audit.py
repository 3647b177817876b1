"""Reading and verifying the audit trail."""

from __future__ import annotations

from sqlalchemy import func, select

from workflows import audit as chain
from workflows.context import ServiceContext
from workflows.models import AuditEvent
from workflows.services._base import get_actor, get_submission_row, read, require_view
from workflows.services.submissions import history_of
from workflows.views import AuditEventView, AuditReport


def audit_trail(ctx: ServiceContext, *, actor_id: int, submission_id: int) -> list[AuditEventView]:
    with read(ctx) as s:
        user = get_actor(s, actor_id)
        sub = get_submission_row(s, submission_id)
        require_view(s, user, sub)
        return history_of(s, user, sub.id)


def verify_audit(ctx: ServiceContext, *, anchor: str | tuple[int, str] | None = None,
                 actor_id: int | None = None) -> AuditReport:
    """The chain's own consistency, and, given an anchor (seq, hash) recorded outside the database (by
    `backup`), that the chain still contains that head: deleting or re-hashing the tail is then caught too.
    Chair or admin; actor_id None = the command line."""
    if isinstance(anchor, str):
        anchor = chain.parse_anchor(anchor)
    with read(ctx) as s:
        if actor_id is not None:
            get_actor(s, actor_id, "chair", "admin")
        problems = chain.verify(s)
        if anchor is not None:
            problems += chain.check_anchor(s, anchor[0], anchor[1])
        n = s.scalar(select(func.count()).select_from(AuditEvent)) or 0
    return AuditReport(not problems, n, [p.message for p in problems])

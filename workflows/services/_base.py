"""Shared plumbing of the services: transactions that turn database races into domain errors, the
actor and role checks, row locks, settings, the work calendar and the audit call."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from workflows import audit
from workflows.context import ServiceContext
from workflows.errors import ConcurrentChange, DomainError, InvalidTransition, NotAuthorized, NotFound
from workflows.models import (Appeal, ArbitrationMember, Assignment, Holiday, Institution, Setting,
                              Submission, User)
from workflows.settings import Settings
from workflows.vocab import ROLES
from workflows.workdays import WorkCalendar


log = logging.getLogger(__name__)


def _is_duplicate(exc: IntegrityError) -> bool:
    """A unique-key violation: someone inserted the same row at the same time."""
    if getattr(exc.orig, "sqlstate", None) == "23505":  # PostgreSQL unique_violation
        return True
    return "unique constraint" in str(exc.orig).lower()


@contextmanager
def write(ctx: ServiceContext) -> Iterator[Session]:
    """One read-write transaction; a lost race becomes ConcurrentChange, never a half-written state."""
    try:
        with ctx.db.write() as session:
            yield session
    except DomainError:
        raise
    except StaleDataError as exc:
        raise ConcurrentChange() from exc
    except IntegrityError as exc:
        if not _is_duplicate(exc):
            # A NOT NULL / foreign key / check violation is a bug, not a race: keep it visible.
            log.error("integrity error that is not a concurrent duplicate: %s", exc.orig, exc_info=True)
            raise
        raise ConcurrentChange("该操作与他人同时进行的操作冲突（记录已存在或已被修改），请刷新后查看结果。",
                               "This conflicts with a change someone made at the same time; reload.") from exc
    except OperationalError as exc:
        text = str(exc).lower()
        if "lock" in text or "deadlock" in text or "serializ" in text:
            raise ConcurrentChange() from exc
        raise


@contextmanager
def read(ctx: ServiceContext) -> Iterator[Session]:
    with ctx.db.read() as session:
        yield session


def get_actor(session: Session, actor_id: int | None, *roles: str) -> User:
    user = session.get(User, actor_id) if actor_id is not None else None
    if user is None or not user.active:
        raise NotAuthorized("请先登录有效账户。", "Please log in with an active account.")
    if roles and user.role not in roles:
        names = "、".join(ROLES[r][0] for r in roles)
        raise NotAuthorized(f"此操作仅限{names}执行。", f"Only {', '.join(roles)} may do this.")
    return user


def lock_submission(session: Session, submission_id: int) -> Submission:
    sub = session.execute(select(Submission).where(Submission.id == submission_id).with_for_update()).scalar_one_or_none()
    if sub is None:
        raise NotFound("找不到该申报。", "Submission not found.")
    return sub


def get_submission_row(session: Session, submission_id: int) -> Submission:
    sub = session.get(Submission, submission_id)
    if sub is None:
        raise NotFound("找不到该申报。", "Submission not found.")
    return sub


def is_assigned(session: Session, user_id: int, submission_id: int) -> bool:
    """An open or finished assignment; a closed (replaced) one gives no access any more."""
    return bool(session.scalar(select(exists().where(Assignment.submission_id == submission_id,
                                                      Assignment.expert_id == user_id,
                                                      Assignment.status != "closed"))))


def is_on_arbitration(session: Session, user_id: int, submission_id: int) -> bool:
    return bool(session.scalar(select(exists().where(
        ArbitrationMember.arbitrator_id == user_id, ArbitrationMember.appeal_id == Appeal.id,
        Appeal.submission_id == submission_id))))


def can_view(session: Session, user: User, sub: Submission) -> bool:
    if user.role in ("chair", "admin"):
        return True
    if user.role == "institution":
        return user.institution_id is not None and user.institution_id == sub.institution_id
    if user.role == "expert":
        return is_assigned(session, user.id, sub.id)
    if user.role == "arbitrator":
        return is_on_arbitration(session, user.id, sub.id)
    return False


def require_view(session: Session, user: User, sub: Submission) -> None:
    if not can_view(session, user, sub):
        # Same message as a missing row: do not reveal that someone else's submission exists.
        raise NotFound("找不到该申报，或您无权查看。", "Submission not found, or you may not see it.")


def require_owner(user: User, sub: Submission) -> None:
    if user.role != "institution" or user.institution_id != sub.institution_id:
        raise NotAuthorized("只有申报机构本身可以执行此操作。", "Only the submitting institution may do this.")


EDITABLE = ("draft", "revision")


def check_own_editable(user: User, sub: Submission, what_zh: str, what_en: str) -> None:
    """The institution owns `sub` and it is a draft or a revision; else NotAuthorized/InvalidTransition."""
    require_owner(user, sub)
    if sub.state not in EDITABLE:
        raise InvalidTransition(f"只有草稿或修改中的申报可以{what_zh}。",
                                f"Only drafts and revisions allow this: {what_en}.")


def lock_own_editable(session: Session, user: User, submission_id: int, what_zh: str, what_en: str) -> Submission:
    """Locks the submission (so its state cannot change under us), then checks owner and editable state."""
    sub = lock_submission(session, submission_id)
    check_own_editable(user, sub, what_zh, what_en)
    return sub


def load_settings(session: Session) -> Settings:
    values = {row.key: row.value for row in session.execute(select(Setting)).scalars()}
    return Settings.from_values(values)


def work_calendar(session: Session) -> WorkCalendar:
    rows = session.execute(select(Holiday)).scalars()
    return WorkCalendar(overrides={h.day: h.is_workday for h in rows})


def record(session: Session, ctx: ServiceContext, *, actor_id: int | None, action: str, object_type: str,
           object_id: int | None, submission_id: int | None = None,
           before: dict[str, Any] | None = None, after: dict[str, Any] | None = None) -> None:
    audit.record(session, at=ctx.now(), actor_id=actor_id, action=action, object_type=object_type,
                 object_id=object_id, submission_id=submission_id, before=before, after=after)


def conflicts_of(session: Session, user: User, institution_id: int) -> list[str]:
    """Why `user` may not judge `institution_id` (Chinese reasons); empty when there is no conflict."""
    from workflows.models import ConflictOfInterest
    from workflows.vocab import CONFLICT_KINDS

    reasons = []
    if user.institution_id == institution_id:
        reasons.append("本人隶属于该机构")
    for c in session.execute(select(ConflictOfInterest).where(
            ConflictOfInterest.user_id == user.id, ConflictOfInterest.institution_id == institution_id)).scalars():
        reasons.append(CONFLICT_KINDS.get(c.kind, (c.kind,))[0] + (f"：{c.note}" if c.note else ""))
    return reasons


def institution_name(session: Session, institution_id: int) -> str:
    inst = session.get(Institution, institution_id)
    return inst.name if inst else ""


def user_name(session: Session, user_id: int | None) -> str:
    if user_id is None:
        return "系统"
    u = session.get(User, user_id)
    return u.display_name if u else f"#{user_id}"

"""Letters as records: the chair issues the 决定书 of a decision, an arbitrator of the panel the
仲裁决定书 of a ruling. The PDF is rendered once (workflows.letters), stored by content hash and
recorded, so everyone later downloads exactly the bytes that were issued."""

from __future__ import annotations

from sqlalchemy import select

from workflows import letters as render
from workflows.context import ServiceContext
from workflows.errors import InvalidTransition, NotFound
from workflows.models import Appeal, ArbitrationMember, Committee, Decision, IssuedLetter, Ruling, User
from workflows.services import convert
from workflows.services._base import (get_actor, get_submission_row, lock_submission, read, record, require_view,
                                      user_name, write)
from workflows.services.submissions import detail as submission_detail
from workflows.views import LetterView


def _letter_view(s, lt: IssuedLetter, viewer: User) -> LetterView:  # type: ignore[no-untyped-def]
    hide = viewer.role == "institution"
    return LetterView(lt.id, lt.kind, lt.submission_id, lt.decision_id, lt.appeal_id, lt.letter_no, lt.filename,
                      lt.content_hash, lt.size, None if hide else lt.issued_by,
                      "委员会" if hide else user_name(s, lt.issued_by), lt.issued_at)


def _committee_name(s, kind: str) -> str:  # type: ignore[no-untyped-def]
    name = s.scalar(select(Committee.name).where(Committee.kind == kind).order_by(Committee.id).limit(1))
    if name:
        return name
    return render.DEFAULT_REVIEW_BODY if kind == "review" else render.DEFAULT_ARBITRATION_BODY


def _store(ctx: ServiceContext, s, *, actor: User, existing_q, pdf: bytes, make) -> LetterView:  # type: ignore[no-untyped-def]
    """Insert the letter unless another transaction issued it first (then that one stands)."""
    found = s.execute(existing_q).scalar_one_or_none()
    if found is not None:
        return _letter_view(s, found, actor)
    h = ctx.files.put(pdf)
    lt = make(h)
    s.add(lt)
    s.flush()
    record(s, ctx, actor_id=actor.id, action=f"issue_{lt.kind}_letter", object_type="letter", object_id=lt.id,
           submission_id=lt.submission_id,
           after={"kind": lt.kind, "letter_no": lt.letter_no, "content_hash": h, "size": lt.size,
                  "decision": lt.decision_id, "appeal": lt.appeal_id})
    return _letter_view(s, lt, actor)


def issue_decision_letter(ctx: ServiceContext, *, actor_id: int, decision_id: int) -> LetterView:
    """The chair issues the 决定书 of a decision. Issuing again returns the letter already issued:
    a letter is a record, never silently replaced."""
    with read(ctx) as s:
        chair = get_actor(s, actor_id, "chair")
        d = s.get(Decision, decision_id)
        if d is None:
            raise NotFound("找不到该审查决定。", "Decision not found.")
        found = s.execute(select(IssuedLetter).where(IssuedLetter.decision_id == d.id)).scalar_one_or_none()
        if found is not None:
            return _letter_view(s, found, chair)
        sub = get_submission_row(s, d.submission_id)
        detail = submission_detail(ctx, s, chair, sub)
        decision = convert.decision_view(s, d, ctx.today())
        committee = _committee_name(s, "review")
    filename, pdf = render.decision_letter_file(detail, decision, committee_name=committee)
    letter_no = render.decision_letter_no(decision.id, decision.decided_at.date())
    with write(ctx) as s:
        chair = get_actor(s, actor_id, "chair")
        sub = lock_submission(s, decision.submission_id)  # serialises two chairs issuing at once
        return _store(ctx, s, actor=chair, existing_q=select(IssuedLetter).where(IssuedLetter.decision_id == decision_id),
                      pdf=pdf, make=lambda h: IssuedLetter(
                          kind="decision", submission_id=sub.id, decision_id=decision_id, appeal_id=None,
                          letter_no=letter_no, filename=filename, content_hash=h, size=len(pdf), issued_by=chair.id,
                          issued_at=ctx.now()))


def issue_ruling_letter(ctx: ServiceContext, *, actor_id: int, appeal_id: int) -> LetterView:
    """An arbitrator of the appeal's panel issues the 仲裁决定书 once the ruling is recorded."""
    with read(ctx) as s:
        arb = get_actor(s, actor_id, "arbitrator")
        a = s.get(Appeal, appeal_id)
        on_panel = a is not None and s.scalar(select(ArbitrationMember.id).where(
            ArbitrationMember.appeal_id == a.id, ArbitrationMember.arbitrator_id == arb.id)) is not None
        if not on_panel:
            raise NotFound("找不到该申诉，或您不在其仲裁小组中。", "Not found, or you are not on its panel.")
        found = s.execute(select(IssuedLetter).where(IssuedLetter.appeal_id == a.id)).scalar_one_or_none()
        if found is not None:
            return _letter_view(s, found, arb)
        if s.scalar(select(Ruling.id).where(Ruling.appeal_id == a.id)) is None:
            raise InvalidTransition("尚未作出裁决，不能出具仲裁决定书。", "There is no ruling yet to issue a letter for.")
        appeal = convert.appeal_view(s, a, ctx.today())
        body = _committee_name(s, "arbitration")
    filename, pdf = render.ruling_letter_file(appeal, arbitration_body=body)
    letter_no = render.ruling_letter_no(appeal.id, appeal.ruling.ruled_at.date())
    with write(ctx) as s:
        arb = get_actor(s, actor_id, "arbitrator")
        sub = lock_submission(s, appeal.submission_id)
        return _store(ctx, s, actor=arb, existing_q=select(IssuedLetter).where(IssuedLetter.appeal_id == appeal_id),
                      pdf=pdf, make=lambda h: IssuedLetter(
                          kind="ruling", submission_id=sub.id, decision_id=None, appeal_id=appeal_id,
                          letter_no=letter_no, filename=filename, content_hash=h, size=len(pdf), issued_by=arb.id,
                          issued_at=ctx.now()))


def list_letters(ctx: ServiceContext, *, actor_id: int, submission_id: int) -> list[LetterView]:
    """The letters issued for a submission, oldest first; for whoever may see the submission."""
    with read(ctx) as s:
        user = get_actor(s, actor_id)
        sub = get_submission_row(s, submission_id)
        require_view(s, user, sub)
        rows = s.execute(select(IssuedLetter).where(IssuedLetter.submission_id == sub.id)
                         .order_by(IssuedLetter.issued_at, IssuedLetter.id)).scalars()
        return [_letter_view(s, lt, user) for lt in rows]


def letter_bytes(ctx: ServiceContext, *, actor_id: int, letter_id: int) -> bytes:
    """The PDF exactly as issued (the file store checks it against its hash)."""
    with read(ctx) as s:
        user = get_actor(s, actor_id)
        lt = s.get(IssuedLetter, letter_id)
        sub = get_submission_row(s, lt.submission_id) if lt is not None else None
        if lt is None or sub is None:
            raise NotFound("找不到该决定书。", "Letter not found.")
        try:
            require_view(s, user, sub)
        except NotFound:
            raise NotFound("找不到该决定书，或您无权查看。", "Letter not found, or you may not see it.") from None
        h = lt.content_hash
    return ctx.files.get(h)

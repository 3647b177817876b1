"""Tamper-evident audit trail: each event's hash covers its content and the previous event's hash.

`record` runs inside the caller's transaction. It locks the single `audit_head` row (FOR UPDATE on
PostgreSQL; SQLite write transactions are already serialised), so concurrent transactions append one
after the other and the chain never forks. `verify` walks the chain and names the first bad row."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workflows.models import AuditEvent, AuditHead

GENESIS = "0" * 64


def _plain(value: Any) -> Any:
    """JSON-safe copy (dates as ISO text) so the stored value and the hashed value are the same."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)  # floats do not round-trip identically through every JSON column
    return value


def event_hash(ev: AuditEvent) -> str:
    body = {
        "seq": ev.seq, "at": ev.at.isoformat(timespec="microseconds"), "actor_id": ev.actor_id,
        "action": ev.action, "object_type": ev.object_type, "object_id": ev.object_id,
        "submission_id": ev.submission_id, "before": ev.before, "after": ev.after, "prev_hash": ev.prev_hash,
    }
    raw = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def record(session: Session, *, at: datetime, actor_id: int | None, action: str, object_type: str,
           object_id: int | None, submission_id: int | None = None,
           before: dict[str, Any] | None = None, after: dict[str, Any] | None = None) -> AuditEvent:
    session.flush()  # object ids must exist before they are written into the event
    head = session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one()
    ev = AuditEvent(seq=head.seq + 1, at=at.replace(tzinfo=None), actor_id=actor_id, action=action,
                    object_type=object_type, object_id=object_id, submission_id=submission_id,
                    before=_plain(before) if before is not None else None,
                    after=_plain(after) if after is not None else None, prev_hash=head.last_hash)
    ev.hash = event_hash(ev)
    session.add(ev)
    head.seq = ev.seq
    head.last_hash = ev.hash
    session.flush()
    return ev


@dataclass(frozen=True)
class AuditProblem:
    seq: int | None
    row_id: int | None
    message: str


def verify(session: Session) -> list[AuditProblem]:
    """Every break in the chain; empty when the trail is intact."""
    problems: list[AuditProblem] = []
    prev = GENESIS
    expected_seq = 1
    last: AuditEvent | None = None
    for ev in session.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars():
        if ev.seq != expected_seq:
            problems.append(AuditProblem(ev.seq, ev.id, f"missing event(s) before seq {ev.seq} "
                                         f"(expected seq {expected_seq}): a row was deleted"))
        if ev.prev_hash != prev:
            problems.append(AuditProblem(ev.seq, ev.id, f"event seq {ev.seq} (id {ev.id}) does not link to the "
                                         "previous event: a row was deleted, inserted or changed before it"))
        if event_hash(ev) != ev.hash:
            problems.append(AuditProblem(ev.seq, ev.id, f"event seq {ev.seq} (id {ev.id}) was edited: "
                                         "its content does not match its hash"))
        prev = ev.hash
        expected_seq = ev.seq + 1
        last = ev
    head = session.get(AuditHead, 1)
    if head is None:
        problems.append(AuditProblem(None, None, "the audit head row is missing"))
    else:
        last_seq = last.seq if last else 0
        if head.seq != last_seq or head.last_hash != (last.hash if last else GENESIS):
            problems.append(AuditProblem(head.seq, None, f"the chain head says seq {head.seq} but the last event "
                                         f"is seq {last_seq}: the last event(s) were deleted or altered"))
    return problems


def chain_head(session: Session) -> tuple[int, str]:
    """(seq, hash) of the last event, (0, GENESIS) when there is none: the value to keep outside the
    database (printed by `backup`) so a later truncation or rewrite can be proved against it."""
    last = session.execute(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).scalar_one_or_none()
    return (last.seq, last.hash) if last is not None else (0, GENESIS)


def format_anchor(seq: int, hash_: str) -> str:
    return f"{seq}:{hash_}"


def parse_anchor(text: str) -> tuple[int, str]:
    """'SEQ:HASH' -> (seq, hash); ValueError with the reason when malformed."""
    seq_text, sep, hash_ = (text or "").strip().partition(":")
    hash_ = hash_.strip().lower()
    if not sep or not seq_text.strip().isdigit() or len(hash_) != 64 or any(c not in "0123456789abcdef" for c in hash_):
        raise ValueError(f"anchor must look like SEQ:HASH (a number, a colon, 64 hex digits), got {text!r}")
    return int(seq_text), hash_


def check_anchor(session: Session, seq: int, hash_: str) -> list[AuditProblem]:
    """Problems when the chain no longer holds the recorded head: its event is gone (the tail was
    deleted) or its hash differs (it, or something before it, was rewritten and re-hashed)."""
    if seq == 0:
        return [] if hash_ == GENESIS else [AuditProblem(0, None, "anchor seq 0 must carry the genesis hash")]
    ev = session.execute(select(AuditEvent).where(AuditEvent.seq == seq)).scalar_one_or_none()
    if ev is None:
        last_seq, _ = chain_head(session)
        return [AuditProblem(seq, None, f"anchor seq {seq} is missing: the chain now ends at seq {last_seq}, "
                             "so events recorded before the anchor was taken were deleted (tail truncated)")]
    if ev.hash != hash_:
        return [AuditProblem(seq, ev.id, f"event seq {seq} (id {ev.id}) no longer has the anchored hash "
                             f"{hash_[:12]}…: the chain up to it was rewritten")]
    return []

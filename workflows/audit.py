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

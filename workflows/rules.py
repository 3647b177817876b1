"""Pure decision rules: the majority of submitted verdicts and the quorum."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class Tally:
    counts: dict[str, int]
    total: int
    majority: str | None  # strictly more than half of the submitted verdicts, else None
    quorum_met: bool
    tie: bool  # two or more outcomes share the top count


def tally(outcomes: list[str], quorum: int) -> Tally:
    counts = Counter(outcomes)
    total = len(outcomes)
    top = counts.most_common()
    majority = top[0][0] if top and top[0][1] * 2 > total else None
    tie = len(top) > 1 and top[0][1] == top[1][1]
    return Tally(dict(counts), total, majority, total >= quorum, tie)


def reason_needed(t: Tally, chosen: str | None = None) -> str | None:
    """Why the chair must give a written reason (Chinese), or None."""
    if not t.quorum_met:
        return f"已提交的专家意见（{t.total} 份）未达到法定人数，须说明理由。"
    if t.tie:
        return "专家意见票数相同，须说明理由。"
    if t.majority is None:
        return "专家意见未形成多数，须说明理由。"
    if chosen is not None and chosen != t.majority:
        return "决定与专家多数意见不一致，须说明理由。"
    return None

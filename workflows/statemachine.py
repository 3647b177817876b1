"""The life of a submission: which action moves it from which states to which state."""

from __future__ import annotations

from dataclasses import dataclass

from workflows.errors import InvalidTransition
from workflows.vocab import STATES


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset[str]
    target: str
    zh: str


TRANSITIONS: dict[str, Transition] = {t.action: t for t in [
    Transition("submit", frozenset({"draft", "revision"}), "submitted", "提交申报"),
    Transition("screen", frozenset({"submitted"}), "screened", "系统初筛"),
    Transition("assign", frozenset({"screened"}), "in_review", "分配审查专家"),
    Transition("decide", frozenset({"in_review"}), "decided", "作出审查决定"),
    Transition("start_revision", frozenset({"decided"}), "revision", "开始修改"),
    Transition("file_appeal", frozenset({"decided"}), "appealed", "提出申诉"),
    Transition("open_arbitration", frozenset({"appealed"}), "in_arbitration", "组成仲裁小组"),
    Transition("rule", frozenset({"in_arbitration"}), "final", "作出仲裁裁决"),
    Transition("finalize", frozenset({"decided"}), "final", "申诉期满，决定生效"),
]}


def target_of(action: str, current: str) -> str:
    """The state `action` leads to from `current`, or InvalidTransition with a clear message."""
    t = TRANSITIONS[action]
    if current not in t.sources:
        allowed = "、".join(STATES[s][0] for s in sorted(t.sources))
        raise InvalidTransition(
            f"该申报当前状态为「{STATES.get(current, (current,))[0]}」，不能{t.zh}（仅限「{allowed}」状态）。",
            f"Cannot {t.action.replace('_', ' ')} a submission in state '{current}' "
            f"(allowed from: {', '.join(sorted(t.sources))}).")
    return t.target


def reachable_states() -> set[str]:
    seen = {"draft"}
    frontier = ["draft"]
    while frontier:
        s = frontier.pop()
        for t in TRANSITIONS.values():
            if s in t.sources and t.target not in seen:
                seen.add(t.target)
                frontier.append(t.target)
    return seen

"""Shared by the institution pages: which submission is being worked on, and the next-step wording."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui.context import UIContext

SELECTED = "inst_submission_id"  # session-state key: the submission the user is working on

_NEXT: dict[str, tuple[str, str]] = {
    "draft": ("完善材料，自查后提交", "complete, self-check and submit"),
    "submitted": ("等待系统初筛", "awaiting automatic screening"),
    "screened": ("等待分配审查专家", "awaiting expert assignment"),
    "in_review": ("专家审查中，请等待决定", "under expert review"),
    "decided": ("查看决定书；可修改后重新提交或申诉", "read the letter; revise or appeal"),
    "revision": ("修改材料后重新提交", "revise and resubmit"),
    "appealed": ("等待仲裁委员会受理", "awaiting arbitration"),
    "in_arbitration": ("仲裁中，请等待裁决", "in arbitration"),
    "final": ("已办结", "closed"),
}


def next_step(ui: UIContext, state: str) -> str:
    zh, en = _NEXT.get(state, ("—", "—"))
    return ui.t(zh, en)


def pick_submission(ui: UIContext, rows: list[Any], *, key: str, states: tuple[str, ...] | None = None) -> Any | None:
    """A selectbox over the user's submissions (optionally only some states), remembering the choice."""
    from ui.components.labels import STATES, label

    options = [r for r in rows if states is None or r.state in states]
    if not options:
        return None
    ids = [r.id for r in options]
    current = st.session_state.get(SELECTED)
    chosen = st.selectbox(ui.t("课程", "Course"), ids, index=ids.index(current) if current in ids else 0,
                          format_func=lambda i: next(f"#{r.id} {r.class_name}（{label(ui, STATES, r.state)}）"
                                                     for r in options if r.id == i), key=key)
    st.session_state[SELECTED] = chosen
    return next(r for r in options if r.id == chosen)

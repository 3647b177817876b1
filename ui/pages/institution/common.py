"""Shared by the institution pages: which submission is being worked on."""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from ui.components.labels import STATES, label
from ui.context import UIContext

SELECTED = "inst_submission_id"  # session-state key: the submission the user is working on


def pick_submission(ui: UIContext, rows: list[Any], *, key: str, states: tuple[str, ...] | None = None) -> Any | None:
    """A selectbox over the user's submissions (optionally only some states), remembering the choice."""
    options = [r for r in rows if states is None or r.state in states]
    if not options:
        return None
    ids = [r.id for r in options]
    current = st.session_state.get(SELECTED)
    if st.session_state.get(key) not in ids:  # arriving from another page: start at the remembered one
        st.session_state[key] = current if current in ids else ids[0]
    chosen = st.selectbox(ui.t("课程", "Course"), ids, key=key,
                          format_func=lambda i: next(f"#{r.id} {r.class_name}（{label(ui, STATES, r.state)}）"
                                                     for r in options if r.id == i))
    st.session_state[SELECTED] = chosen
    return next(r for r in options if r.id == chosen)


def days_until(ui: UIContext, day: date | None) -> int | None:
    """Calendar days from today (Beijing) to `day`; the services decide what the deadline is."""
    if day is None:
        return None
    today = ui.services.today() if hasattr(ui.services, "today") else date.today()
    return (day - today).days


DECIDED_STATES = ("decided", "appealed", "in_arbitration", "final")


def decided_submission_detail(ui: UIContext, *, key: str, none_zh: str, none_en: str) -> Any | None:
    """The chosen submission that has a decision, as its detail view; None (after saying why) if there is none."""
    from ui.components.feedback import act, failed
    from workflows.services import submissions

    rows = act(ui, submissions.list_my_submissions)
    if failed(rows):
        return None
    row = pick_submission(ui, rows, key=key, states=DECIDED_STATES)
    if row is None:
        st.info(ui.t(none_zh, none_en))
        return None
    detail = act(ui, submissions.get_submission, submission_id=row.id)
    return None if failed(detail) else detail

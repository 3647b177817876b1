"""Shared by the chair pages: the submission being worked on, kept across pages and reruns."""

from __future__ import annotations

from typing import Any, Sequence

import streamlit as st

from ui.components.labels import STATES, label
from ui.context import UIContext

SELECTED = "chair_submission_id"


def pick_submission(ui: UIContext, rows: Sequence[Any], *, key: str,
                    states: tuple[str, ...] | None = None) -> Any | None:
    """A selectbox over submissions (optionally only some states); the choice is shared by the chair pages."""
    options = [r for r in rows if states is None or r.state in states]
    if not options:
        return None
    ids = [r.id for r in options]
    current = st.session_state.get(SELECTED)
    chosen = st.selectbox(
        ui.t("申报", "Submission"), ids, index=ids.index(current) if current in ids else 0,
        format_func=lambda i: next(f"#{r.id} {r.class_name} · {getattr(r, 'institution_name', '')}"
                                   f"（{label(ui, STATES, r.state)}）" for r in options if r.id == i),
        key=key)
    st.session_state[SELECTED] = chosen
    return next(r for r in options if r.id == chosen)


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def num(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"

"""Shared by the chair pages: the submission being worked on, committee names, issued-letter downloads."""

from __future__ import annotations

from typing import Any, Sequence

import streamlit as st

from ui.components.feedback import failed, run_service
from ui.components.formatting import fmt_datetime
from ui.components.labels import STATES, label
from ui.context import UIContext

SELECTED = "chair_submission_id"
DECIDED_STATES = ("decided", "revision", "appealed", "in_arbitration", "final")
DEFAULT_REVIEW_BODY = "校外教育培训课程审查专家委员会"
DEFAULT_ARBITRATION_BODY = "校外教育培训课程审查仲裁委员会"


def for_roles(ui: UIContext, *roles: str) -> bool:
    """Pages whose query answers every role (e.g. `my_appeals`) are shown only to the roles they serve;
    the shell already routes by role, this keeps a mis-routed user from a confusing page."""
    if ui.role in roles:
        return True
    st.error(ui.t("此页面仅供委员会主任/秘书使用。", "This page is for the committee chair."))
    return False


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


def committee_name(ui: UIContext, kind: str) -> str:
    """The name of the first committee of that kind, for letters; a generic name when none is readable."""
    from workflows.services import admin

    rows = run_service(ui, admin.list_committees, ui.services, actor_id=ui.user_id, show_error=False)
    if not failed(rows):
        for c in rows:
            if c.kind == kind:
                return c.name
    return DEFAULT_REVIEW_BODY if kind == "review" else DEFAULT_ARBITRATION_BODY


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def num(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def issued_letter_download(ui: UIContext, letter: Any, *, key: str) -> None:
    """A download button for an issued letter: the stored bytes, never a fresh rendering."""
    from workflows.services import letters

    pdf = run_service(ui, letters.letter_bytes, ui.services, actor_id=ui.user_id, letter_id=letter.id)
    if failed(pdf):
        return
    text = ui.t("下载决定书（PDF）", "Download the decision letter (PDF)") if letter.kind == "decision" \
        else ui.t("下载仲裁决定书（PDF）", "Download the final ruling letter (PDF)")
    st.download_button(text, data=pdf, file_name=letter.filename, mime="application/pdf", key=key, type="primary")
    issued = fmt_datetime(ui, letter.issued_at)
    st.caption(ui.t(f"文号：{letter.letter_no} · 出具于 {issued}", f"Letter no.: {letter.letter_no} · issued {issued}"))

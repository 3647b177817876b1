"""决定与决定书: decisions and rulings, letters to download, revise and resubmit."""

from __future__ import annotations

import streamlit as st

from ui.components.feedback import act, failed, flash
from ui.components.formatting import fmt_date, fmt_days_left
from ui.components.labels import CATEGORIES, OUTCOMES, STATES, label
from ui.context import UIContext
from ui.pages.institution.common import pick_submission


def render(ui: UIContext) -> None:
    from workflows.services import submissions

    st.title(ui.t("决定与决定书", "Decisions and letters"))
    rows = act(ui, submissions.list_my_submissions)
    if failed(rows):
        return
    row = pick_submission(ui, rows, key="decisions_pick",
                          states=("decided", "revision", "appealed", "in_arbitration", "final"))
    if row is None:
        st.info(ui.t("暂无审查决定。", "No decision yet."))
        return
    detail = act(ui, submissions.get_submission, submission_id=row.id)
    if failed(detail):
        return
    st.caption(ui.t(f"当前状态：{label(ui, STATES, detail.state)}", f"Status: {label(ui, STATES, detail.state)}"))
    decisions = list(getattr(detail, "decisions", []) or [])
    if not decisions:
        st.info(ui.t("暂无审查决定。", "No decision yet."))
    for d in decisions:
        with st.container(border=True):
            st.markdown(f"**{ui.t('审查决定', 'Decision')}：{label(ui, OUTCOMES, d.outcome)}**"
                        + (f" · {ui.t('认定类别', 'category')}：{label(ui, CATEGORIES, d.category)}"
                           if getattr(d, "category", None) else ""))
            st.caption(ui.t(f"决定日期：{fmt_date(ui, d.decided_at)}", f"Decided on {fmt_date(ui, d.decided_at)}"))
            if getattr(d, "reasons", None):
                st.write(d.reasons)
            if getattr(d, "required_changes", None):
                st.markdown(ui.t("**须修改的问题：**", "**Changes required:**"))
                st.write(d.required_changes)
            _letter_button(ui, getattr(d, "letter_id", None), f"dec_{d.id}")
            if getattr(d, "appeal_days_left", None) is not None and detail.state == "decided":
                st.caption(ui.t("申诉期：", "Appeal window: ") + fmt_days_left(ui, d.appeal_days_left))
    ruling = getattr(detail, "ruling", None)
    if ruling is not None:
        with st.container(border=True):
            st.markdown(f"**{ui.t('仲裁裁决', 'Arbitration ruling')}：{label(ui, OUTCOMES, ruling.outcome)}**"
                        + (f" → {label(ui, OUTCOMES, ruling.new_outcome)}" if getattr(ruling, "new_outcome", None) else ""))
            st.caption(ui.t(f"裁决日期：{fmt_date(ui, ruling.ruled_at)}", f"Ruled on {fmt_date(ui, ruling.ruled_at)}"))
            if getattr(ruling, "reasons", None):
                st.write(ruling.reasons)
            _letter_button(ui, getattr(ruling, "letter_id", None), f"rul_{ruling.id}")
    if detail.state == "decided":
        st.divider()
        c1, c2 = st.columns(2)
        if c1.button(ui.t("修改材料后重新提交", "Revise and resubmit"), key=f"revise_{detail.id}"):
            if not failed(act(ui, submissions.start_revision, submission_id=detail.id)):
                flash(ui.t("已进入修改状态，请修改材料后重新自查并提交。",
                           "Revision started: update the materials, self-check and submit again."))
                ui.goto("institution_edit")
                st.rerun()
        if c2.button(ui.t("对决定提出申诉", "Appeal this decision"), key=f"to_appeal_{detail.id}"):
            ui.goto("institution_appeal")


def _letter_button(ui: UIContext, letter_id: int | None, key: str) -> None:
    from workflows.services import letters_access

    if letter_id is None:
        st.caption(ui.t("决定书尚未出具。", "The letter has not been issued yet."))
        return
    letter = act(ui, letters_access.get_letter, letter_id=letter_id)
    if failed(letter):
        return
    st.download_button(ui.t("下载决定书（PDF）", "Download the letter (PDF)"), data=letter.data,
                       file_name=letter.filename, mime="application/pdf", key=f"letter_{key}")

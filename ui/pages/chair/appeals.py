"""申诉与仲裁: appeals filed against decisions; draw the arbitration panel; follow them to the ruling."""

from __future__ import annotations

import streamlit as st

from ui.components.feedback import act, failed, flash
from ui.components.formatting import fmt_date, fmt_datetime
from ui.components.labels import OUTCOMES, label
from ui.context import UIContext
from ui.pages.chair.common import for_roles

APPEAL_STATES = {"filed": ("待组成仲裁小组", "filed"), "in_arbitration": ("仲裁中", "in arbitration"),
                 "ruled": ("已裁决", "ruled")}


def render(ui: UIContext) -> None:
    from workflows.services import appeals

    st.title(ui.t("申诉与仲裁", "Appeals"))
    if not for_roles(ui, "chair", "admin"):
        return
    rows = act(ui, appeals.my_appeals)
    if failed(rows):
        return
    rows = list(rows)
    if not rows:
        st.info(ui.t("目前没有申诉。", "No appeal yet."))
        return
    st.dataframe([{
        ui.t("编号", "No."): a.id,
        ui.t("申报", "Submission"): f"#{a.submission_id} {a.class_name}",
        ui.t("机构", "Institution"): a.institution_name,
        ui.t("原决定", "Decision"): label(ui, OUTCOMES, a.decision.outcome) if a.decision else "—",
        ui.t("提出时间", "Filed"): fmt_datetime(ui, a.filed_at),
        ui.t("状态", "State"): label(ui, APPEAL_STATES, a.state),
        ui.t("仲裁小组", "Panel"): "、".join(name for _, name in a.panel) or "—",
        ui.t("仲裁期限", "Due"): fmt_date(ui, a.due_date),
        ui.t("裁决", "Ruling"): label(ui, OUTCOMES, a.ruling.outcome) if a.ruling else "—",
    } for a in rows], hide_index=True, width="stretch")
    waiting = [a for a in rows if a.state == "filed"]
    if not waiting:
        return
    st.subheader(ui.t("组成仲裁小组", "Draw the arbitration panel"))
    st.caption(ui.t("系统从仲裁委员会任期内委员中抽取，排除审查过该申报或有利益冲突的委员。",
                    "Drawn from the arbitration committee's members in term, excluding anyone who reviewed the "
                    "submission or has a conflict."))
    by_id = {a.id: a for a in waiting}
    aid = st.selectbox(ui.t("申诉", "Appeal"), list(by_id),
                       format_func=lambda i: f"#{i} {by_id[i].class_name} · {by_id[i].institution_name}", key="draw_pick")
    st.write(by_id[aid].reasons)
    if st.button(ui.t("抽取仲裁小组", "Draw the panel"), type="primary", key="draw_go"):
        done = act(ui, appeals.draw_arbitration_panel, appeal_id=aid)
        if not failed(done):
            flash(ui.t("仲裁小组已组成：" + "、".join(n for _, n in done.panel),
                       "Panel drawn: " + ", ".join(n for _, n in done.panel)))
            st.rerun()

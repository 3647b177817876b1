"""我的课程: the institution's submissions with status, next step and deadline."""

from __future__ import annotations

import streamlit as st

from ui.components.feedback import act
from ui.components.formatting import fmt_date, fmt_working_days, fmt_days_left
from ui.components.labels import STATES, label
from ui.context import UIContext
from ui.pages.institution.common import SELECTED, next_step

def render(ui: UIContext) -> None:
    from workflows.services import submissions

    st.title(ui.t("我的课程", "My courses"))
    if st.button(ui.t("＋ 新建课程申报", "+ New submission"), type="primary", key="courses_new"):
        st.session_state[SELECTED] = None
        ui.goto("institution_edit")
    rows = act(ui, submissions.list_my_submissions)
    if not rows:
        if rows == []:
            st.info(ui.t("您还没有课程申报。点击「新建课程申报」开始填报。",
                         "No submissions yet. Click “New submission” to start."))
        return
    table = [{
        ui.t("编号", "No."): r.id,
        ui.t("培训班名称", "Class"): r.class_name,
        ui.t("状态", "Status"): label(ui, STATES, r.state),
        ui.t("下一步", "Next step"): next_step(ui, r.state),
        ui.t("期限", "Deadline"): _deadline(ui, r),
        ui.t("更新时间", "Updated"): fmt_date(ui, r.updated_at),
    } for r in rows]
    st.dataframe(table, hide_index=True, width="stretch")

    st.subheader(ui.t("办理", "Work on a course"))
    ids = [r.id for r in rows]
    current = st.session_state.get(SELECTED)
    chosen = st.selectbox(ui.t("选择课程", "Choose a course"), ids,
                          index=ids.index(current) if current in ids else 0,
                          format_func=lambda i: next(f"#{r.id} {r.class_name}（{label(ui, STATES, r.state)}）"
                                                     for r in rows if r.id == i),
                          key="courses_pick")
    st.session_state[SELECTED] = chosen
    row = next(r for r in rows if r.id == chosen)
    cols = st.columns(4)
    if row.state in ("draft", "revision"):
        if cols[0].button(ui.t("编辑申报材料", "Edit"), key="courses_edit"):
            ui.goto("institution_edit")
        if cols[1].button(ui.t("自查并提交", "Self-check & submit"), key="courses_check"):
            ui.goto("institution_selfcheck")
    if row.state in ("decided", "appealed", "in_arbitration", "final", "revision"):
        if cols[2].button(ui.t("决定与决定书", "Decisions & letters"), key="courses_decisions"):
            ui.goto("institution_decisions")
    if row.state == "decided":
        if cols[3].button(ui.t("申诉", "Appeal"), key="courses_appeal"):
            ui.goto("institution_appeal")


def _deadline(ui: UIContext, r) -> str:
    due = getattr(r, "deadline", None)
    if due is None:
        return "—"
    days = getattr(r, "working_days_left", None)
    if days is not None:
        return f"{fmt_date(ui, due)}（{fmt_working_days(ui, days)}）"
    left = getattr(r, "days_left", None)
    return f"{fmt_date(ui, due)}（{fmt_days_left(ui, left)}）" if left is not None else fmt_date(ui, due)

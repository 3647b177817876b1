"""我的课程: the institution's submissions with status, next step and deadline."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui.components.feedback import act, failed
from ui.components.formatting import fmt_date, fmt_working_days
from ui.components.labels import CATEGORIES, STATES, label
from ui.context import UIContext
from ui.pages.institution.common import SELECTED, pick_submission


def render(ui: UIContext) -> None:
    from workflows.services import submissions

    st.title(ui.t("我的课程", "My courses"))
    if st.button(ui.t("＋ 新建课程申报", "+ New submission"), type="primary", key="courses_new"):
        st.session_state[SELECTED] = None
        ui.goto("institution_edit")
    rows = act(ui, submissions.list_my_submissions)
    if failed(rows):
        return
    if not rows:
        st.info(ui.t("您还没有课程申报。点击「新建课程申报」开始填报。",
                     "No submissions yet. Click “New submission” to start."))
        return
    st.dataframe([{
        ui.t("编号", "No."): r.id,
        ui.t("培训班名称", "Class"): r.class_name,
        ui.t("类别", "Category"): label(ui, CATEGORIES, r.declared_category),
        ui.t("状态", "Status"): label(ui, STATES, r.state),
        ui.t("下一步", "Next step"): ui.t(r.next_step_zh, r.next_step_en or r.next_step_zh) or "—",
        ui.t("期限", "Deadline"): _deadline(ui, r),
        ui.t("更新时间", "Updated"): fmt_date(ui, r.updated_at),
    } for r in rows], hide_index=True, width="stretch")

    st.subheader(ui.t("办理", "Work on a course"))
    row = pick_submission(ui, rows, key="courses_pick")
    if row is None:
        return
    cols = st.columns(4)
    if row.state in ("draft", "revision"):
        if cols[0].button(ui.t("编辑申报材料", "Edit"), key="courses_edit"):
            ui.goto("institution_edit")
        if cols[1].button(ui.t("自查并提交", "Self-check & submit"), key="courses_check"):
            ui.goto("institution_selfcheck")
    if row.state in ("decided", "appealed", "in_arbitration", "final"):
        if cols[2].button(ui.t("决定与决定书", "Decisions & letters"), key="courses_decisions"):
            ui.goto("institution_decisions")
    if row.state == "decided":
        if cols[3].button(ui.t("申诉", "Appeal"), key="courses_appeal"):
            ui.goto("institution_appeal")


def _deadline(ui: UIContext, r: Any) -> str:
    if r.deadline is None:
        return "—"
    if r.state == "in_review" and r.working_days_left is not None:
        return f"{fmt_date(ui, r.deadline)}（{fmt_working_days(ui, r.working_days_left)}）"
    return fmt_date(ui, r.deadline)

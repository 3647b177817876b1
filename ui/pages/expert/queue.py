"""我的审查任务: assigned submissions, working days left, overdue first; declare a conflict and step aside."""

from __future__ import annotations

import streamlit as st

from ui.components.feedback import act, failed, flash
from ui.components.formatting import fmt_date, fmt_working_days
from ui.components.labels import CATEGORIES, STATES, label
from ui.context import UIContext

SELECTED = "expert_assignment_id"


def render(ui: UIContext) -> None:
    from workflows.services import reviews

    st.title(ui.t("我的审查任务", "My review queue"))
    rows = act(ui, reviews.my_assignments)
    if failed(rows):
        return
    open_rows = [r for r in rows if r.status == "open"]
    done_rows = [r for r in rows if r.status != "open"]
    # Overdue first, then the nearest deadline (the services give working days left).
    open_rows.sort(key=lambda r: (r.working_days_left is None, r.working_days_left if r.working_days_left is not None else 0))
    overdue = sum(1 for r in open_rows if r.working_days_left is not None and r.working_days_left < 0)
    c1, c2, c3 = st.columns(3)
    c1.metric(ui.t("待审", "Open"), len(open_rows))
    c2.metric(ui.t("已逾期", "Overdue"), overdue)
    c3.metric(ui.t("已完成", "Done"), len(done_rows))
    if not open_rows:
        st.info(ui.t("目前没有待审任务。", "Nothing to review right now."))
    else:
        st.dataframe([{
            ui.t("编号", "No."): r.submission_id,
            ui.t("培训班名称", "Class"): r.class_name,
            ui.t("机构", "Institution"): r.institution_name,
            ui.t("申报类别", "Declared"): label(ui, CATEGORIES, r.declared_category),
            ui.t("分配日期", "Assigned"): fmt_date(ui, r.assigned_at),
            ui.t("期限", "Due"): fmt_date(ui, r.due_date),
            ui.t("剩余", "Left"): ("⚠️ " if (r.working_days_left or 0) < 0 else "") + fmt_working_days(ui, r.working_days_left),
        } for r in open_rows], hide_index=True, width="stretch")
        ids = [r.id for r in open_rows]
        current = st.session_state.get(SELECTED)
        chosen = st.selectbox(ui.t("选择任务", "Choose an assignment"), ids,
                              index=ids.index(current) if current in ids else 0,
                              format_func=lambda i: next(f"#{r.submission_id} {r.class_name}" for r in open_rows if r.id == i),
                              key="queue_pick")
        st.session_state[SELECTED] = chosen
        if st.button(ui.t("开始审查", "Review"), type="primary", key="queue_review"):
            ui.goto("expert_review")
        with st.expander(ui.t("申报利益冲突并回避", "Declare a conflict of interest and step aside")):
            st.caption(ui.t("如您与该机构或材料编写人员存在利益关系（含近亲属），应当回避。回避后该任务将退回委员会重新分配。",
                            "If you or a relative have an interest in this institution or its authors, step aside; the chair reassigns it."))
            reason = st.text_area(ui.t("回避理由", "Reason"), key=f"conflict_reason_{chosen}")
            if st.button(ui.t("确认回避", "Step aside"), key=f"conflict_go_{chosen}"):
                if not reason.strip():
                    st.error(ui.t("请说明回避理由。", "Please give the reason."))
                elif not failed(act(ui, reviews.declare_conflict, assignment_id=chosen, reason=reason.strip())):
                    st.session_state.pop(SELECTED, None)
                    flash(ui.t("已申报回避，任务已退回委员会。", "Conflict declared; the assignment went back to the chair."))
                    st.rerun()
    if done_rows:
        with st.expander(ui.t(f"已完成或已回避（{len(done_rows)}）", f"Done or stepped aside ({len(done_rows)})")):
            st.dataframe([{
                ui.t("编号", "No."): r.submission_id,
                ui.t("培训班名称", "Class"): r.class_name,
                ui.t("状态", "Status"): {"voted": ui.t("已提交意见", "verdict given"),
                                         "recused": ui.t("已回避", "stepped aside")}.get(r.status, r.status),
                ui.t("申报状态", "Submission"): label(ui, STATES, getattr(r, "submission_state", None)),
            } for r in done_rows], hide_index=True, width="stretch")

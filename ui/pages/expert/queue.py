"""我的审查任务: assigned submissions, working days left, overdue first; declare a conflict and step aside."""

from __future__ import annotations

import streamlit as st

from ui.components.feedback import act, failed, flash
from ui.components.formatting import fmt_date, fmt_working_days
from ui.components.labels import ASSIGNMENT_STATUSES, CATEGORIES, CONFLICT_KINDS, label
from ui.context import UIContext

SELECTED = "expert_assignment_id"


def render(ui: UIContext) -> None:
    from workflows.services import reviews

    st.title(ui.t("我的审查任务", "My review queue"))
    rows = act(ui, reviews.my_assignments)
    if failed(rows):
        return
    open_rows = [r for r in rows if r.status == "open"]  # the service orders them: overdue first, then due date
    conflicts = act(ui, reviews.list_conflicts)
    declared = set() if failed(conflicts) else {c.institution_name for c in conflicts}
    done_rows = [r for r in rows if r.status != "open"]
    c1, c2, c3 = st.columns(3)
    c1.metric(ui.t("待审", "Open"), len(open_rows))
    c2.metric(ui.t("已逾期", "Overdue"), sum(1 for r in open_rows if r.overdue))
    c3.metric(ui.t("已完成", "Done"), len(done_rows))
    if not open_rows:
        st.info(ui.t("目前没有待审任务。", "Nothing to review right now."))
    else:
        st.dataframe([{
            ui.t("编号", "No."): r.submission_id,
            ui.t("培训班名称", "Class"): r.class_name,
            ui.t("机构", "Institution"): r.institution_name,
            ui.t("申报类别", "Declared"): f"{label(ui, CATEGORIES, r.declared_category)} {r.declared_subject}".strip(),
            ui.t("分配日期", "Assigned"): fmt_date(ui, r.created_at),
            ui.t("期限", "Due"): fmt_date(ui, r.due_date),
            ui.t("剩余", "Left"): ("⚠️ " if r.overdue else "") + fmt_working_days(ui, r.working_days_left),
            ui.t("回避", "Conflict"): ui.t("已申报回避，待委员会改派", "declared; awaiting reassignment")
            if r.institution_name in declared else "",
        } for r in open_rows], hide_index=True, width="stretch")
        ids = [r.id for r in open_rows]
        if st.session_state.get("queue_pick") not in ids:
            current = st.session_state.get(SELECTED)
            st.session_state["queue_pick"] = current if current in ids else ids[0]
        chosen = st.selectbox(ui.t("选择任务", "Choose an assignment"), ids, key="queue_pick",
                              format_func=lambda i: next(f"#{r.submission_id} {r.class_name}" for r in open_rows if r.id == i))
        st.session_state[SELECTED] = chosen
        row = next(r for r in open_rows if r.id == chosen)
        if st.button(ui.t("开始审查", "Review"), type="primary", key="queue_review"):
            ui.goto("expert_review")
        _conflict(ui, row)
    if done_rows:
        with st.expander(ui.t(f"已完成或已关闭（{len(done_rows)}）", f"Done or closed ({len(done_rows)})")):
            st.dataframe([{
                ui.t("编号", "No."): r.submission_id,
                ui.t("培训班名称", "Class"): r.class_name,
                ui.t("状态", "Status"): label(ui, ASSIGNMENT_STATUSES, r.status),
                ui.t("期限", "Due"): fmt_date(ui, r.due_date),
            } for r in done_rows], hide_index=True, width="stretch")


def _conflict(ui: UIContext, row) -> None:
    from workflows.services import reviews

    with st.expander(ui.t("申报利益冲突并回避", "Declare a conflict of interest and step aside")):
        st.caption(ui.t("如您或近亲属与该机构存在任职、兼职或其他利益关系，应当回避。申报后委员会将另行指派专家。",
                        "If you or a close relative have ties to this institution, step aside; the chair assigns someone else."))
        kinds = list(CONFLICT_KINDS)
        kind = st.radio(ui.t("关系类型", "Kind"), kinds, index=kinds.index("relation") if "relation" in kinds else 0,
                        format_func=lambda k: label(ui, CONFLICT_KINDS, k), key=f"conflict_kind_{row.id}")
        note = st.text_area(ui.t("说明", "Note"), key=f"conflict_note_{row.id}")
        if st.button(ui.t("确认申报并回避", "Declare and step aside"), key=f"conflict_go_{row.id}"):
            package = act(ui, reviews.review_package, submission_id=row.submission_id)
            if failed(package):
                return
            if not failed(act(ui, reviews.declare_conflict, institution_id=package.submission.institution_id,
                              kind=kind, note=note.strip())):
                st.session_state.pop(SELECTED, None)
                flash(ui.t(f"已申报与「{row.institution_name}」的利益冲突，委员会将另行指派专家。",
                           f"Conflict with {row.institution_name} declared; the chair will reassign."))
                st.rerun()

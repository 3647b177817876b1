"""分配审查专家: conflict-free suggestions with each expert's open load; override with a written reason."""

from __future__ import annotations

import streamlit as st

from ui.components.feedback import act, failed, flash
from ui.components.formatting import fmt_date
from ui.context import UIContext
from ui.pages.chair.common import pick_submission

ASSIGNABLE = ("screened", "in_review")


def render(ui: UIContext) -> None:
    from workflows.services import assignments, submissions

    st.title(ui.t("分配审查专家", "Assign experts"))
    rows = act(ui, submissions.list_submissions)
    if failed(rows):
        return
    row = pick_submission(ui, rows, key="assign_pick", states=ASSIGNABLE)
    if row is None:
        st.info(ui.t("目前没有待分配专家的申报。", "No submission is waiting for experts."))
        return
    suggestion = act(ui, assignments.suggest_experts, submission_id=row.id)
    if failed(suggestion):
        return
    current = list(getattr(suggestion, "current", []) or [])
    if current:
        st.subheader(ui.t("已分配", "Assigned"))
        st.dataframe([{
            ui.t("专家", "Expert"): a.expert_name,
            ui.t("状态", "Status"): {"open": ui.t("审查中", "reviewing"), "voted": ui.t("已提交意见", "verdict given"),
                                     "recused": ui.t("已回避", "stepped aside")}.get(a.status, a.status),
            ui.t("期限", "Due"): fmt_date(ui, a.due_date),
        } for a in current], hide_index=True, width="stretch")

    candidates = list(suggestion.candidates)
    needed = int(getattr(suggestion, "needed", 0) or 0)
    st.subheader(ui.t("候选专家", "Candidates"))
    st.caption(ui.t(f"本申报还需分配 {needed} 位专家。系统推荐的人选无利益冲突，且当前待审任务最少。",
                    f"{needed} more expert(s) needed. Suggested experts have no conflict and the lightest open load."))
    if not candidates:
        st.warning(ui.t("没有可分配的专家：请管理员在委员会中添加任期内的专家。",
                        "No expert available: ask the administrator to add experts in term to the committee."))
        return
    st.dataframe([{
        ui.t("专家", "Expert"): c.name,
        ui.t("待审任务", "Open load"): c.open_load,
        ui.t("利益冲突", "Conflict"): (c.conflict_reason or ui.t("有", "yes")) if c.conflict else ui.t("无", "none"),
        ui.t("推荐", "Suggested"): "✅" if c.suggested else "",
    } for c in candidates], hide_index=True, width="stretch")

    by_id = {c.expert_id: c for c in candidates}
    suggested = [c.expert_id for c in candidates if c.suggested]
    chosen = st.multiselect(ui.t("选择专家", "Choose experts"), list(by_id), default=suggested,
                            format_func=lambda i: f"{by_id[i].name}（{ui.t('待审', 'open')} {by_id[i].open_load}）"
                            + (" ⚠️" if by_id[i].conflict else ""), key=f"assign_experts_{row.id}")
    deviates = set(chosen) != set(suggested)
    reason = ""
    if deviates:
        st.info(ui.t("您的选择与系统推荐不同，请写明理由（将记入审计记录）。",
                     "Your choice differs from the suggestion: give the reason (it is recorded in the audit trail)."))
        reason = st.text_area(ui.t("调整理由", "Reason for the override"), key=f"assign_reason_{row.id}")
    if st.button(ui.t("确认分配", "Assign"), type="primary", key=f"assign_go_{row.id}"):
        if not chosen:
            st.error(ui.t("请至少选择一位专家。", "Choose at least one expert."))
        elif deviates and not reason.strip():
            st.error(ui.t("调整系统推荐时必须写明理由。", "An override needs a written reason."))
        else:
            done = act(ui, assignments.assign_experts, submission_id=row.id, expert_ids=list(chosen),
                       override_reason=reason.strip() or None)
            if not failed(done):
                flash(ui.t(f"已为申报 #{row.id} 分配 {len(chosen)} 位专家。", f"{len(chosen)} expert(s) assigned to #{row.id}."))
                st.rerun()

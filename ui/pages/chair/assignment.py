"""分配审查专家: conflict-free suggestions with each expert's open load; override with a written reason."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui.components.feedback import act, failed, flash, run_service
from ui.components.formatting import fmt_date, fmt_working_days
from ui.context import UIContext
from ui.pages.chair.common import pick_submission

ASSIGNABLE = ("screened", "in_review")
STATUS = {"open": ("审查中", "reviewing"), "done": ("已提交意见", "verdict given"), "closed": ("已关闭/回避", "closed")}


def _panel_size(ui: UIContext) -> int:
    from workflows.services import settings

    current = run_service(ui, settings.get_settings, ui.services, show_error=False)
    return int(getattr(current, "panel_size", 3)) if not failed(current) else 3


def _fmt_expert(ui: UIContext, e: Any) -> str:
    text = f"{e.name}（{ui.t('待审', 'open')} {e.open_assignments}）"
    return text + (" ⚠️ " + "；".join(e.conflict_reasons) if e.conflicted else "")


def _candidates_table(ui: UIContext, loads: list[Any], suggested: list[int]) -> None:
    st.dataframe([{
        ui.t("专家", "Expert"): e.name,
        ui.t("待审任务", "Open load"): e.open_assignments,
        ui.t("利益冲突", "Conflict"): "；".join(e.conflict_reasons) if e.conflicted else ui.t("无", "none"),
        ui.t("推荐", "Suggested"): "✅" if e.expert_id in suggested else "",
    } for e in loads], hide_index=True, width="stretch")


def _assign_new(ui: UIContext, row: Any, loads: list[Any]) -> None:
    from workflows.services import reviews

    size = _panel_size(ui)
    # The service sorts by open load; the suggestion is its first `panel_size` non-conflicted experts.
    suggested = [e.expert_id for e in loads if not e.conflicted][:size]
    st.caption(ui.t(f"每份申报分配 {size} 位专家。系统推荐无利益冲突、当前待审任务最少的专家。",
                    f"{size} experts per submission. Suggested: no conflict and the lightest open load."))
    _candidates_table(ui, loads, suggested)
    by_id = {e.expert_id: e for e in loads}
    chosen = st.multiselect(ui.t("选择专家", "Choose experts"), list(by_id), default=suggested,
                            format_func=lambda i: _fmt_expert(ui, by_id[i]), key=f"assign_experts_{row.id}")
    deviates = set(chosen) != set(suggested)
    reason = ""
    if deviates:
        st.info(ui.t("您的选择与系统推荐不同，请写明理由（将记入审计记录）。",
                     "Your choice differs from the suggestion: give the reason (recorded in the audit trail)."))
        reason = st.text_area(ui.t("调整理由", "Reason for the override"), key=f"assign_reason_{row.id}")
    if st.button(ui.t("确认分配", "Assign"), type="primary", key=f"assign_go_{row.id}"):
        done = act(ui, reviews.assign_experts, submission_id=row.id, expert_ids=list(chosen),
                   override_reason=reason.strip() or None)
        if not failed(done):
            flash(ui.t(f"已为申报 #{row.id} 分配 {len(done)} 位专家。", f"{len(done)} expert(s) assigned to #{row.id}."))
            st.rerun()


def _replace(ui: UIContext, row: Any, assignments: list[Any], loads: list[Any]) -> None:
    from workflows.services import reviews

    open_ones = [a for a in assignments if a.status == "open"]
    if not open_ones:
        return
    with st.expander(ui.t("更换专家", "Replace an expert")):
        by_a = {a.id: a for a in open_ones}
        aid = st.selectbox(ui.t("被更换的专家", "Expert to replace"), list(by_a),
                           format_func=lambda i: by_a[i].expert_name, key=f"repl_pick_{row.id}")
        on_panel = {a.expert_id for a in assignments if a.status != "closed"}
        pool = {e.expert_id: e for e in loads if e.expert_id not in on_panel}
        if not pool:
            st.caption(ui.t("没有其他可选专家。", "No other expert available."))
            return
        new_id = st.selectbox(ui.t("新专家", "New expert"), list(pool), format_func=lambda i: _fmt_expert(ui, pool[i]),
                              key=f"repl_new_{row.id}")
        reason = st.text_area(ui.t("理由（有利益冲突时必填）", "Reason (required when conflicted)"), key=f"repl_reason_{row.id}")
        if st.button(ui.t("确认更换", "Replace"), key=f"repl_go_{row.id}"):
            done = act(ui, reviews.replace_expert, assignment_id=aid, new_expert_id=new_id,
                       override_reason=reason.strip() or None)
            if not failed(done):
                flash(ui.t("已更换专家。", "Expert replaced."))
                st.rerun()


def render(ui: UIContext) -> None:
    from workflows.services import chair, reviews, submissions

    st.title(ui.t("分配审查专家", "Assign experts"))
    rows = act(ui, chair.list_submissions)
    if failed(rows):
        return
    row = pick_submission(ui, rows, key="assign_pick", states=ASSIGNABLE)
    if row is None:
        st.info(ui.t("目前没有待分配专家的申报。", "No submission is waiting for experts."))
        return
    loads = act(ui, reviews.suggest_panel, submission_id=row.id)
    if failed(loads):
        return
    loads = list(loads)
    if not loads:
        st.warning(ui.t("审查专家委员会中没有任期内的专家：请管理员添加。",
                        "No expert in term on the review committee: ask the administrator."))
        return
    if row.state == "screened":
        _assign_new(ui, row, loads)
        return
    detail = act(ui, submissions.get_submission, submission_id=row.id)
    if failed(detail):
        return
    current = [a for a in detail.assignments if a.round == detail.round]
    st.subheader(ui.t("已分配", "Assigned"))
    st.dataframe([{
        ui.t("专家", "Expert"): a.expert_name,
        ui.t("状态", "Status"): ui.t(*STATUS.get(a.status, (a.status, a.status))),
        ui.t("期限", "Due"): fmt_date(ui, a.due_date),
        ui.t("剩余", "Left"): fmt_working_days(ui, a.working_days_left) if a.status == "open" else "—",
        ui.t("调整理由", "Override reason"): a.override_reason or "",
    } for a in current], hide_index=True, width="stretch")
    _replace(ui, row, current, loads)

"""自查: the screening findings the experts will see, before submitting; then submit."""

from __future__ import annotations

import streamlit as st

from ui.components.feedback import act, failed, flash
from ui.components.labels import EXTRACTION_STATUSES, label
from ui.components.progress import processing_panel
from ui.components.screening import finding_rows, screening_summary
from ui.context import UIContext
from ui.pages.institution.common import pick_submission


def render(ui: UIContext) -> None:
    from workflows.services import submissions

    st.title(ui.t("自查与提交", "Self-check and submit"))
    st.caption(ui.t("以下是系统初筛的结果，与审查专家看到的一致。提交前请据此修改材料。",
                    "These are the screening findings the experts will see. Fix your materials before submitting."))
    rows = act(ui, submissions.list_my_submissions)
    if failed(rows):
        return
    row = pick_submission(ui, rows, key="selfcheck_pick", states=("draft", "revision"))
    if row is None:
        st.info(ui.t("没有待提交的草稿。", "No draft to check."))
        return
    run_key = f"selfcheck_ran_{row.id}"
    if st.button(ui.t("运行自查", "Run the self-check"), key=f"selfcheck_run_{row.id}", type="primary"):
        st.session_state[run_key] = True
    if not st.session_state.get(run_key):
        st.info(ui.t("点击「运行自查」，查看系统对课程和全部材料的初筛结果。",
                     "Click “Run the self-check” to screen the course and all its materials."))
        return
    with st.spinner(ui.t("正在自查……", "Checking…")):
        report = act(ui, submissions.self_check, submission_id=row.id)
    if failed(report):
        return
    pending = [m for m in report.materials if m.status == "pending"]
    if pending:
        processing_panel(ui, [m.id for m in pending], {m.id: m.filename for m in pending})
    for p in report.problems:
        st.warning(p)
    if report.screening is not None:
        st.subheader(ui.t("课程整体初筛", "Whole course"))
        screening_summary(ui, report.screening.result, key=f"sc_all_{row.id}")
    for m in report.materials:
        with st.expander(f"📄 {m.filename}（{label(ui, EXTRACTION_STATUSES, m.status)}）", expanded=len(report.materials) == 1):
            if m.status == "failed":
                st.error(ui.t(f"该文件无法处理：{m.error or ''}", f"This file could not be processed: {m.error or ''}"))
            elif m.result:
                findings = list(m.result.get("findings") or [])
                if findings:
                    st.dataframe(finding_rows(ui, findings), hide_index=True, width="stretch")
                else:
                    st.caption(ui.t("该材料未发现问题。", "No finding in this material."))
    st.divider()
    confirm = st.checkbox(ui.t("我已阅读自查结果，确认材料真实、完整，同意提交审查。",
                               "I have read the self-check and confirm the materials are true and complete."),
                          key=f"selfcheck_confirm_{row.id}")
    if st.button(ui.t("提交审查", "Submit for review"), type="primary", disabled=not (confirm and report.ready_to_submit),
                 key=f"selfcheck_submit_{row.id}"):
        if not failed(act(ui, submissions.submit_submission, submission_id=row.id)):
            st.session_state.pop(run_key, None)
            flash(ui.t("已提交。系统已自动初筛，委员会将分配审查专家。",
                       "Submitted. It has been screened and will be assigned to experts."))
            ui.goto("institution_courses")
            st.rerun()

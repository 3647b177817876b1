"""自查: the screening findings the experts will see, before submitting; then submit."""

from __future__ import annotations

import streamlit as st

from ui.components.feedback import act, failed, flash
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
    report = act(ui, submissions.self_check, submission_id=row.id)
    if failed(report):
        return
    mats = list(report.materials)
    pending = [m for m in mats if m.status in ("pending", "processing")]
    if pending:
        processing_panel(ui, [m.material_id for m in pending], {m.material_id: m.filename for m in pending})
    if report.course_findings:
        st.subheader(ui.t("课程与课表", "Course and timetable"))
        st.dataframe(finding_rows(ui, list(report.course_findings)), hide_index=True, width="stretch")
    if not mats:
        st.warning(ui.t("尚未上传任何材料。", "No material uploaded yet."))
    for m in mats:
        with st.expander(f"📄 {m.filename}", expanded=len(mats) == 1):
            if m.status == "failed":
                st.error(ui.t(f"该文件无法处理：{m.message or ''}", f"This file could not be processed: {m.message or ''}"))
            else:
                screening_summary(ui, m.result, key=f"sc_{m.material_id}")
    st.divider()
    problems = list(getattr(report, "blocking", []) or [])
    for p in problems:
        st.warning(p)
    confirm = st.checkbox(ui.t("我已阅读自查结果，确认材料真实、完整，同意提交审查。",
                               "I have read the self-check and confirm the materials are true and complete."),
                          key=f"selfcheck_confirm_{row.id}")
    if st.button(ui.t("提交审查", "Submit for review"), type="primary", disabled=not confirm,
                 key=f"selfcheck_submit_{row.id}"):
        if not failed(act(ui, submissions.submit_submission, submission_id=row.id)):
            flash(ui.t("已提交。系统将自动初筛，并由委员会分配审查专家。",
                       "Submitted. It will be screened and assigned to experts."))
            ui.goto("institution_courses")
            st.rerun()

"""申诉: one appeal per decision, with reasons and files, while the window is open."""

from __future__ import annotations

import streamlit as st

from ui.components.feedback import act, failed, flash
from ui.components.formatting import fmt_date, fmt_days_left
from ui.components.labels import OUTCOMES, STATES, label
from ui.context import UIContext
from ui.pages.institution.common import pick_submission

APPEAL_FILE_TYPES = ["pdf", "docx", "txt", "png", "jpg", "jpeg"]


def render(ui: UIContext) -> None:
    from workflows.services import appeals, submissions

    st.title(ui.t("申诉", "Appeal"))
    rows = act(ui, submissions.list_my_submissions)
    if failed(rows):
        return
    row = pick_submission(ui, rows, key="appeal_pick", states=("decided", "appealed", "in_arbitration", "final"))
    if row is None:
        st.info(ui.t("没有可以申诉的决定。", "No decision to appeal."))
        return
    detail = act(ui, submissions.get_submission, submission_id=row.id)
    if failed(detail):
        return
    decisions = list(getattr(detail, "decisions", []) or [])
    if not decisions:
        st.info(ui.t("该课程尚无审查决定。", "No decision yet."))
        return
    d = decisions[-1]
    st.markdown(ui.t(f"针对 {fmt_date(ui, d.decided_at)} 作出的决定：**{label(ui, OUTCOMES, d.outcome)}**",
                     f"Against the decision of {fmt_date(ui, d.decided_at)}: **{label(ui, OUTCOMES, d.outcome)}**"))
    appeal = getattr(detail, "appeal", None)
    if appeal is not None:
        st.info(ui.t(f"已于 {fmt_date(ui, appeal.filed_at)} 提出申诉，当前状态：{label(ui, STATES, detail.state)}。每项决定只能申诉一次。",
                     f"Appealed on {fmt_date(ui, appeal.filed_at)}; status: {label(ui, STATES, detail.state)}. One appeal per decision."))
        st.write(appeal.reasons)
        return
    days = getattr(d, "appeal_days_left", None)
    if detail.state != "decided" or (days is not None and days < 0):
        st.warning(ui.t("申诉期已过或该决定已终结，不能再申诉。", "The appeal window has closed."))
        return
    st.metric(ui.t("申诉期", "Appeal window"), fmt_days_left(ui, days),
              help=ui.t(f"截止日期：{fmt_date(ui, getattr(d, 'appeal_deadline', None))}", "Deadline"))
    with st.form(f"appeal_form_{d.id}", clear_on_submit=False):
        reasons = st.text_area(ui.t("申诉理由（请具体说明不服决定的事实和理由）", "Reasons (facts and grounds)"),
                               key=f"appeal_reasons_{d.id}", height=200)
        files = st.file_uploader(ui.t("证明材料（可多选）", "Supporting files (several allowed)"),
                                 type=APPEAL_FILE_TYPES, accept_multiple_files=True, key=f"appeal_files_{d.id}")
        sent = st.form_submit_button(ui.t("提交申诉", "File the appeal"), type="primary")
    if sent:
        if len(reasons.strip()) < 10:
            st.error(ui.t("请填写申诉理由（不少于10个字）。", "Please give your reasons (at least 10 characters)."))
            return
        attachments = [(f.name, f.getvalue()) for f in (files or [])]
        if not failed(act(ui, appeals.file_appeal, decision_id=d.id, reasons=reasons.strip(), files=attachments)):
            flash(ui.t("申诉已提交，仲裁委员会将进行审理。", "Appeal filed; the arbitration committee will rule."))
            st.rerun()

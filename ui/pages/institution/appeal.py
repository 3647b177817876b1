"""申诉: one appeal per decision, with reasons and files, while the window is open (days left shown)."""

from __future__ import annotations

import streamlit as st

from ui.components.feedback import act, failed, flash
from ui.components.formatting import fmt_date, fmt_days_left
from ui.components.labels import OUTCOMES, STATES, label
from ui.context import UIContext
from ui.pages.institution.common import days_until, decided_submission_detail

APPEAL_FILE_TYPES = ["pdf", "docx", "txt", "png", "jpg", "jpeg"]


def render(ui: UIContext) -> None:
    from workflows.services import appeals

    st.title(ui.t("申诉", "Appeal"))
    detail = decided_submission_detail(ui, key="appeal_pick", none_zh="没有可以申诉的决定。", none_en="No decision to appeal.")
    if detail is None:
        return
    if not detail.decisions:
        st.info(ui.t("该课程尚无审查决定。", "No decision yet."))
        return
    d = detail.decisions[-1]
    st.markdown(ui.t(f"针对 {fmt_date(ui, d.decided_at)} 作出的决定：**{label(ui, OUTCOMES, d.outcome)}**",
                     f"Against the decision of {fmt_date(ui, d.decided_at)}: **{label(ui, OUTCOMES, d.outcome)}**"))
    appeal = next((a for a in detail.appeals if a.decision_id == d.id), None)
    if appeal is not None:
        st.info(ui.t(f"已于 {fmt_date(ui, appeal.filed_at)} 提出申诉，当前状态：{label(ui, STATES, detail.state)}。每项决定只能申诉一次。",
                     f"Appealed on {fmt_date(ui, appeal.filed_at)}; status: {label(ui, STATES, detail.state)}. One appeal per decision."))
        st.markdown(ui.t("**申诉理由**", "**Reasons**"))
        st.write(appeal.reasons)
        if appeal.files:
            st.caption(ui.t("附件：", "Files: ") + "、".join(name for _, name, _ in appeal.files))
        if appeal.ruling is not None:
            st.success(ui.t(f"仲裁裁决：{label(ui, OUTCOMES, appeal.ruling.outcome)}，详见「决定与决定书」。",
                            f"Ruling: {label(ui, OUTCOMES, appeal.ruling.outcome)}; see “Decisions & letters”."))
        return
    left = days_until(ui, d.appeal_deadline)
    st.metric(ui.t("申诉期", "Appeal window"), fmt_days_left(ui, left),
              help=ui.t(f"截止日期：{fmt_date(ui, d.appeal_deadline)}", f"Deadline: {fmt_date(ui, d.appeal_deadline)}"))
    if not d.appealable or detail.state != "decided":
        st.warning(ui.t("该决定已不能申诉（申诉期已过、已进入修改或已终结）。",
                        "This decision can no longer be appealed (window closed, revision started or final)."))
        return
    with st.form(f"appeal_form_{d.id}", clear_on_submit=False):
        reasons = st.text_area(ui.t("申诉理由（请具体说明不服决定的事实和理由）", "Reasons (facts and grounds)"),
                               key=f"appeal_reasons_{d.id}", height=200)
        files = st.file_uploader(ui.t("证明材料（可多选）", "Supporting files (several allowed)"),
                                 type=APPEAL_FILE_TYPES, accept_multiple_files=True, key=f"appeal_files_{d.id}")
        sent = st.form_submit_button(ui.t("提交申诉", "File the appeal"), type="primary")
    if sent:
        attachments = [(f.name, f.getvalue()) for f in (files or [])]
        if not failed(act(ui, appeals.file_appeal, decision_id=d.id, reasons=reasons.strip(), files=attachments)):
            flash(ui.t("申诉已提交，仲裁委员会将进行审理。", "Appeal filed; the arbitration committee will rule."))
            st.rerun()

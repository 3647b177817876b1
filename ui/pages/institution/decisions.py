"""决定与决定书: decisions and rulings, letters to download, revise and resubmit."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui.components.feedback import act, failed, flash
from ui.components.formatting import fmt_date, fmt_days_left
from ui.components.labels import CATEGORIES, OUTCOMES, STATES, label
from ui.context import UIContext
from ui.pages.chair.common import issued_letter_download
from ui.pages.institution.common import days_until, decided_submission_detail


def render(ui: UIContext) -> None:
    from workflows.services import letters as letters_service, submissions

    st.title(ui.t("决定与决定书", "Decisions and letters"))
    detail = decided_submission_detail(ui, key="decisions_pick", none_zh="暂无审查决定。", none_en="No decision yet.")
    if detail is None:
        return
    st.caption(ui.t(f"当前状态：{label(ui, STATES, detail.state)}", f"Status: {label(ui, STATES, detail.state)}"))
    appeals = {a.decision_id: a for a in detail.appeals}
    issued = act(ui, letters_service.list_letters, submission_id=detail.id)
    issued = [] if failed(issued) else issued
    for d in reversed(detail.decisions):  # newest first
        _decision(ui, detail, d, appeals.get(d.id), issued)
    if detail.state == "decided" and detail.decisions:
        d = detail.decisions[-1]
        st.divider()
        c1, c2 = st.columns(2)
        if d.outcome != "approved":
            if c1.button(ui.t("修改材料后重新提交", "Revise and resubmit"), key=f"revise_{detail.id}",
                         help=ui.t("进入修改即放弃对本决定的申诉。", "Revising gives up the appeal against this decision.")):
                if not failed(act(ui, submissions.start_revision, submission_id=detail.id)):
                    flash(ui.t("已进入修改状态，请修改材料后重新自查并提交。",
                               "Revision started: update the materials, self-check and submit again."))
                    ui.goto("institution_edit")
                    st.rerun()
        if d.appealable and c2.button(ui.t("对决定提出申诉", "Appeal this decision"), key=f"to_appeal_{detail.id}"):
            ui.goto("institution_appeal")


def _decision(ui: UIContext, detail: Any, d: Any, appeal: Any | None, issued: list[Any]) -> None:
    with st.container(border=True):
        st.markdown(f"#### {ui.t('审查决定', 'Decision')}：{label(ui, OUTCOMES, d.outcome)}")
        meta = [ui.t(f"第 {d.round} 轮", f"round {d.round}"), ui.t(f"决定日期：{fmt_date(ui, d.decided_at)}", f"decided {fmt_date(ui, d.decided_at)}")]
        if d.category:
            meta.append(ui.t(f"认定类别：{label(ui, CATEGORIES, d.category)}", f"category: {label(ui, CATEGORIES, d.category)}"))
        st.caption(" · ".join(meta))
        if d.reason:
            st.markdown(ui.t("**理由：**", "**Reasons:**"))
            st.write(d.reason)
        if d.conditions:
            st.markdown(ui.t("**须修改的问题：**", "**Changes required:**"))
            st.write(d.conditions)
        letter = next((x for x in issued if x.decision_id == d.id), None)
        if letter is not None:  # exactly the PDF the committee issued, never a fresh rendering
            issued_letter_download(ui, letter, key=f"dl_dec_{d.id}")
        else:
            st.info(ui.t("决定书尚未出具，出具后可在此下载。",
                         "The decision letter has not been issued yet; it can be downloaded here once issued."))
        if d.appealable and appeal is None and detail.state == "decided":
            st.caption(ui.t("申诉期：", "Appeal window: ") + fmt_days_left(ui, days_until(ui, d.appeal_deadline))
                       + ui.t(f"（截止 {fmt_date(ui, d.appeal_deadline)}）", f" (until {fmt_date(ui, d.appeal_deadline)})"))
        if appeal is not None:
            st.markdown(ui.t(f"**已申诉**（{fmt_date(ui, appeal.filed_at)}）", f"**Appealed** ({fmt_date(ui, appeal.filed_at)})"))
            if appeal.ruling is None:
                st.info(ui.t("仲裁委员会审理中。", "The arbitration committee is considering the appeal."))
            else:
                r = appeal.ruling
                new = f" → {label(ui, OUTCOMES, r.new_outcome)}" if r.new_outcome else ""
                st.success(ui.t(f"最终裁决：{label(ui, OUTCOMES, r.outcome)}{new}（{fmt_date(ui, r.ruled_at)}）",
                                f"Final ruling: {label(ui, OUTCOMES, r.outcome)}{new} ({fmt_date(ui, r.ruled_at)})"))
                if r.reason:
                    st.markdown(r.reason.replace("\n", "  \n"))  # one line per arbitrator
                letter = next((x for x in issued if x.appeal_id == appeal.id), None)
                if letter is not None:
                    issued_letter_download(ui, letter, key=f"dl_rul_{appeal.id}")
                else:
                    st.info(ui.t("仲裁决定书尚未出具，出具后可在此下载。",
                                 "The ruling letter has not been issued yet; it can be downloaded here once issued."))

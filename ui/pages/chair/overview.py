"""委员会概览: counts by state, category, subject and district; overdue work; charts."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.components.feedback import act, failed
from ui.components.formatting import fmt_date
from ui.components.labels import CATEGORIES, STATES, label
from ui.context import UIContext


def _frame(ui: UIContext, counts: dict[str, int], name: str, labels: dict | None = None) -> pd.DataFrame:
    keys = list(counts)
    shown = [label(ui, labels, k) if labels else (k or ui.t("未填", "none")) for k in keys]
    return pd.DataFrame({name: shown, ui.t("数量", "Count"): [counts[k] for k in keys]}).set_index(name)


def render(ui: UIContext) -> None:
    from workflows.services import chair

    st.title(ui.t("委员会概览", "Committee overview"))
    ov = act(ui, chair.overview)
    if failed(ov):
        return
    if ov.calendar_warning:
        st.warning(ov.calendar_warning)
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(ui.t("申报总数", "Submissions"), ov.total)
    c2.metric(ui.t("待分配专家", "To assign"), ov.awaiting_assignment)
    c3.metric(ui.t("待作出决定", "To decide"), ov.awaiting_decision)
    c4.metric(ui.t("已逾期", "Overdue"), ov.overdue)
    if not ov.total:
        st.info(ui.t("尚无已提交的申报。", "No submission yet."))
    else:
        frames = [
            (ui.t("按状态", "By state"), _frame(ui, ov.by_state, ui.t("状态", "State"), STATES)),
            (ui.t("按申报类别", "By declared category"), _frame(ui, ov.by_category, ui.t("类别", "Category"), CATEGORIES)),
            (ui.t("按学科/项目", "By subject"), _frame(ui, ov.by_subject, ui.t("学科/项目", "Subject"))),
            (ui.t("按区县", "By district"), _frame(ui, ov.by_district, ui.t("区县", "District"))),
        ]
        cols = st.columns(2)
        for i, (title, frame) in enumerate(frames):
            with cols[i % 2]:
                st.subheader(title)
                st.bar_chart(frame, horizontal=True)
        with st.expander(ui.t("统计表", "Tables")):
            for title, frame in frames:
                st.caption(title)
                st.dataframe(frame, width="stretch")

    st.subheader(ui.t("逾期事项", "Overdue work"))
    items = act(ui, chair.overdue)
    if failed(items):
        return
    if not items:
        st.success(ui.t("没有逾期事项。", "Nothing is overdue."))
        return
    kinds = {"review": ("专家审查", "review"), "arbitration": ("仲裁", "arbitration")}
    st.dataframe([{
        ui.t("类型", "Kind"): label(ui, kinds, i.kind),
        ui.t("申报编号", "Submission"): i.submission_id,
        ui.t("培训班名称", "Class"): i.class_name,
        ui.t("机构", "Institution"): i.institution_name,
        ui.t("承办人", "With"): i.who_name,
        ui.t("期限", "Due"): fmt_date(ui, i.due_date),
        ui.t("逾期工作日", "Working days overdue"): i.working_days_overdue,
    } for i in items], hide_index=True, width="stretch")

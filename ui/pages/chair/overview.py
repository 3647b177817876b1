"""委员会概览: counts by state, category, subject and district; overdue work; charts."""

from __future__ import annotations

from collections import Counter
from typing import Any, Callable, Sequence

import pandas as pd
import streamlit as st

from ui.components.feedback import act, failed
from ui.components.formatting import fmt_date, fmt_working_days
from ui.components.labels import CATEGORIES, STATES, label
from ui.context import UIContext

OPEN_STATES = ("submitted", "screened", "in_review", "appealed", "in_arbitration")


def _counts(ui: UIContext, rows: Sequence[Any], key: Callable[[Any], str], name: str) -> pd.DataFrame:
    counter = Counter(key(r) for r in rows)
    return pd.DataFrame({name: list(counter.keys()), ui.t("数量", "Count"): list(counter.values())}).set_index(name)


def _overdue(r: Any) -> bool:
    left = getattr(r, "working_days_left", None)
    return left is not None and left < 0 and r.state in OPEN_STATES


def render(ui: UIContext) -> None:
    from workflows.services import submissions

    st.title(ui.t("委员会概览", "Committee overview"))
    rows = act(ui, submissions.list_submissions)
    if failed(rows):
        return
    rows = [r for r in rows if r.state != "draft"]  # drafts are the institution's own business
    if not rows:
        st.info(ui.t("尚无已提交的申报。", "No submission yet."))
        return
    open_rows = [r for r in rows if r.state in OPEN_STATES]
    overdue = [r for r in rows if _overdue(r)]
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(ui.t("申报总数", "Submissions"), len(rows))
    c2.metric(ui.t("办理中", "Open"), len(open_rows))
    c3.metric(ui.t("待分配专家", "To assign"), sum(1 for r in rows if r.state == "screened"))
    c4.metric(ui.t("已逾期", "Overdue"), len(overdue))

    state_name = ui.t("状态", "State")
    by_state = _counts(ui, rows, lambda r: label(ui, STATES, r.state), state_name)
    by_category = _counts(ui, rows, lambda r: label(ui, CATEGORIES, r.declared_category), ui.t("申报类别", "Declared category"))
    by_subject = _counts(ui, rows, lambda r: getattr(r, "declared_subject", None) or ui.t("未填", "none"),
                         ui.t("学科/项目", "Subject"))
    by_district = _counts(ui, rows, lambda r: getattr(r, "district", None) or ui.t("未填", "none"),
                          ui.t("区县", "District"))
    left, right = st.columns(2)
    with left:
        st.subheader(ui.t("按状态", "By state"))
        st.bar_chart(by_state, horizontal=True)
        st.subheader(ui.t("按学科/项目", "By subject"))
        st.bar_chart(by_subject, horizontal=True)
    with right:
        st.subheader(ui.t("按申报类别", "By declared category"))
        st.bar_chart(by_category, horizontal=True)
        st.subheader(ui.t("按区县", "By district"))
        st.bar_chart(by_district, horizontal=True)
    with st.expander(ui.t("统计表", "Tables")):
        for frame in (by_state, by_category, by_subject, by_district):
            st.dataframe(frame, width="stretch")

    st.subheader(ui.t("逾期事项", "Overdue work"))
    if not overdue:
        st.success(ui.t("没有逾期事项。", "Nothing is overdue."))
    else:
        overdue.sort(key=lambda r: r.working_days_left)
        st.dataframe([{
            ui.t("编号", "No."): r.id,
            ui.t("培训班名称", "Class"): r.class_name,
            ui.t("机构", "Institution"): getattr(r, "institution_name", ""),
            ui.t("状态", "State"): label(ui, STATES, r.state),
            ui.t("期限", "Due"): fmt_date(ui, getattr(r, "review_due", None)),
            ui.t("剩余", "Left"): fmt_working_days(ui, r.working_days_left),
        } for r in overdue], hide_index=True, width="stretch")

    st.subheader(ui.t("办理中的申报", "Open submissions"))
    if open_rows:
        st.dataframe([{
            ui.t("编号", "No."): r.id,
            ui.t("培训班名称", "Class"): r.class_name,
            ui.t("机构", "Institution"): getattr(r, "institution_name", ""),
            ui.t("状态", "State"): label(ui, STATES, r.state),
            ui.t("剩余", "Left"): fmt_working_days(ui, getattr(r, "working_days_left", None)),
        } for r in open_rows], hide_index=True, width="stretch")
    else:
        st.caption(ui.t("没有办理中的申报。", "No open submission."))

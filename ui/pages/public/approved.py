"""公示: the approved courses, open to everyone without logging in."""

from __future__ import annotations

import streamlit as st

from ui.components.feedback import failed, run_service
from ui.components.formatting import fmt_date
from ui.components.labels import CATEGORIES, MODES, OUTCOMES, label
from ui.context import UIContext


def render(ui: UIContext) -> None:
    from workflows.services import public

    st.title(ui.t("公示：已通过审查的校外培训课程", "Approved off-campus training courses"))
    st.caption(ui.t("以下课程及其培训材料已经审查通过，社会各界可以监督。",
                    "These courses and their materials passed review; the public may check them."))
    rows = run_service(ui, public.list_approved_courses, ui.services)
    if failed(rows):
        return
    query = st.text_input(ui.t("搜索机构或课程名称", "Search institution or course"), key="public_search").strip()
    shown = [r for r in rows if not query or query in r.institution_name or query in r.class_name]
    if not shown:
        st.info(ui.t("暂无符合条件的公示课程。", "No approved course matches."))
        st.caption(ui.t("课程在审查决定作出且申诉期届满后公示。", "Courses are listed once decided and the appeal window has closed."))
        return
    table = [{
        ui.t("机构", "Institution"): r.institution_name,
        ui.t("培训班名称", "Class"): r.class_name,
        ui.t("类别", "Category"): label(ui, CATEGORIES, r.category),
        ui.t("科目", "Subject"): r.subject or "—",
        ui.t("年级", "Grade"): r.target_grade if r.target_grade is not None else "—",
        ui.t("方式", "Mode"): label(ui, MODES, r.mode),
        ui.t("结论", "Outcome"): label(ui, OUTCOMES, r.outcome),
        ui.t("决定日期", "Decided on"): fmt_date(ui, r.decided_at),
    } for r in shown]
    st.dataframe(table, hide_index=True, width="stretch")
    st.caption(ui.t(f"共 {len(shown)} 门课程", f"{len(shown)} course(s)"))

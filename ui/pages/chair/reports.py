"""统计报表: the seeds' figures for a chosen period, on screen and as an .xlsx download."""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from ui.components.feedback import act, failed
from ui.components.formatting import beijing_today, fmt_date
from ui.components.labels import ORIGINS, label
from ui.context import UIContext


def _default_period(today: date) -> tuple[date, date]:
    return today.replace(day=1) if today.day > 1 else (today - timedelta(days=1)).replace(day=1), today


def _today(ui: UIContext) -> date:
    return beijing_today(ui)


def render(ui: UIContext) -> None:
    from workflows import reports
    from workflows.services import bulk

    st.title(ui.t("统计报表", "Reports"))
    start_default, end_default = _default_period(_today(ui))
    period = st.date_input(ui.t("统计期间（按审查决定日期）", "Period (by decision date)"),
                           value=(start_default, end_default), key="report_period")
    if not isinstance(period, (tuple, list)) or len(period) != 2:
        st.info(ui.t("请选择开始和结束日期。", "Choose a start and an end date."))
        return
    start, end = period
    if end < start:
        st.error(ui.t("结束日期不能早于开始日期。", "The end date is before the start date."))
        return
    with st.spinner(ui.t("正在统计…", "Counting…")):
        rows = act(ui, bulk.reviewed_materials, start=start, end=end)
        if failed(rows):
            return
        report = reports.build_report(rows, start, end)
    st.info(ui.t(report.summary_zh(), report.summary_en()))
    st.caption(ui.t("口径：按审查决定日期统计；“存在问题”指专家审查意见中列明的问题（初筛线索不计入）；"
                    "境外教材指专家认定使用境外课程教材，或材料带有境外 ISBN。",
                    "Counted by decision date; problems are those the experts cited (screening cues are not counted); "
                    "overseas = cited by an expert, or a foreign ISBN on the material."))
    c1, c2, c3, c4, c5 = st.columns(5)
    c1.metric(ui.t("检查机构（所）", "Institutions"), report.institutions_checked)
    c2.metric(ui.t("审核材料（册）", "Materials"), report.materials_reviewed)
    c3.metric(ui.t("正式出版物 / 自编", "Published / self-compiled"), f"{report.published} / {report.self_compiled}")
    c4.metric(ui.t("存在问题（册）", "With problems"), report.materials_with_problems)
    c5.metric(ui.t("境外教材（册）", "Overseas"), report.overseas)
    if report.problem_counts:
        st.subheader(ui.t("问题分类", "Problems by kind"))
        st.dataframe([{ui.t("问题", "Problem"): k, ui.t("材料数（册）", "Materials"): v}
                      for k, v in report.problem_counts.items()], hide_index=True, width="stretch", column_config={
            ui.t("材料数（册）", "Materials"): st.column_config.ProgressColumn(
                ui.t("材料数（册）", "Materials"), format="%d", min_value=0, max_value=max(1, report.materials_reviewed)),
        })

    def table(items):
        return [{
            ui.t("材料名称", "Material"): p.title,
            ui.t("机构", "Institution"): p.institution_name,
            ui.t("申报编号", "Submission"): p.submission_id,
            ui.t("来源", "Origin"): label(ui, ORIGINS, p.origin),
            ui.t("问题", "Problems"): "；".join(p.problems),
        } for p in items]

    st.subheader(ui.t("存在问题的材料", "Materials with problems"))
    if report.problem_materials:
        st.dataframe(table(report.problem_materials), hide_index=True, width="stretch")
    else:
        st.caption(ui.t("本期未发现存在问题的材料。", "No material with problems in this period."))
    st.subheader(ui.t("境外教材", "Overseas materials"))
    if report.overseas_materials:
        st.dataframe(table(report.overseas_materials), hide_index=True, width="stretch")
    else:
        st.caption(ui.t("本期未发现境外教材。", "No overseas material in this period."))
    st.download_button(ui.t("下载 Excel 报表（.xlsx）", "Download as .xlsx"), data=reports.report_xlsx(report),
                       file_name=f"审查统计_{start.isoformat()}_{end.isoformat()}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="report_xlsx")
    st.caption(ui.t(f"统计期间：{fmt_date(ui, start)} 至 {fmt_date(ui, end)}",
                    f"Period: {fmt_date(ui, start)} to {fmt_date(ui, end)}"))


"""节假日表: the holidays and adjusted working days behind "working days left"; view and import."""

from __future__ import annotations

from datetime import date

import streamlit as st

from ui.components.feedback import act, failed, flash
from ui.components.formatting import fmt_weekday_date
from ui.context import UIContext


def _today(ui: UIContext) -> date:
    clock = getattr(ui.services, "clock", None)
    return clock().date() if callable(clock) else date.today()


def render(ui: UIContext) -> None:
    from workflows.services import holidays

    st.title(ui.t("节假日表", "Holiday table"))
    st.caption(ui.t("工作日计算以此表为准：法定节假日不计入工作日，调休上班日计入。",
                    "Working days follow this table: public holidays are days off, adjusted working weekends count."))
    this_year = _today(ui).year
    year = st.number_input(ui.t("年份", "Year"), min_value=2000, max_value=2100, value=this_year, step=1, key="hol_year")
    rows = act(ui, holidays.list_holidays, year=int(year))
    if failed(rows):
        return
    rows = list(rows)
    if rows:
        st.dataframe([{
            ui.t("日期", "Date"): fmt_weekday_date(ui, r.day),
            ui.t("类型", "Kind"): ui.t("调休上班", "working day") if r.is_workday else ui.t("放假", "holiday"),
            ui.t("名称", "Name"): r.name,
            ui.t("来源", "Source"): r.source,
        } for r in rows], hide_index=True, width="stretch")
        st.caption(ui.t(f"共 {len(rows)} 条记录。", f"{len(rows)} entries."))
    else:
        st.warning(ui.t(f"{int(year)} 年尚无节假日记录：工作日将只按周末计算。请导入。",
                        f"No entries for {int(year)}: working days count weekends only. Import them."))
    st.subheader(ui.t("导入", "Import"))
    c1, c2 = st.columns(2)
    with c1:
        st.markdown(ui.t("**从 chinesecalendar 数据导入**", "**From the chinesecalendar data**"))
        st.caption(ui.t("使用已安装的 chinesecalendar 包所含的国务院办公厅节假日安排。",
                        "Uses the State Council schedule shipped in the installed chinesecalendar package."))
        if st.button(ui.t(f"导入 {int(year)} 年", f"Import {int(year)}"), key="hol_import_lib"):
            done = act(ui, holidays.import_from_calendar, year=int(year))
            if not failed(done):
                flash(ui.t(f"已导入 {done} 条记录。", f"{done} entries imported."))
                st.rerun()
    with c2:
        st.markdown(ui.t("**从 CSV 文件导入**", "**From a CSV file**"))
        st.caption(ui.t("每行：日期,是否上班(0/1),名称，例如 2026-10-01,0,国庆节",
                        "One line each: date,is_workday(0/1),name, e.g. 2026-10-01,0,National Day"))
        upload = st.file_uploader(ui.t("选择 CSV 文件", "Choose a CSV file"), type=["csv", "txt"], key="hol_csv")
        if upload is not None and st.button(ui.t("导入文件", "Import the file"), key="hol_import_csv"):
            done = act(ui, holidays.import_csv, data=upload.getvalue(), filename=upload.name)
            if not failed(done):
                flash(ui.t(f"已导入 {done} 条记录。", f"{done} entries imported."))
                st.rerun()

"""节假日表: the holidays and adjusted working days behind "working days left"; view and import."""

from __future__ import annotations

from datetime import date

import streamlit as st

from ui.components.feedback import act, failed, flash, run_service
from ui.components.formatting import beijing_today, fmt_weekday_date
from ui.context import UIContext


def _today(ui: UIContext) -> date:
    return beijing_today(ui)


def _decode(data: bytes) -> str | None:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def render(ui: UIContext) -> None:
    from workflows.services import settings

    st.title(ui.t("节假日表", "Holiday table"))
    st.caption(ui.t("工作日以此表为准（法定节假日放假、调休上班）；表中没有的年份使用 chinese_calendar 内置的国务院安排，"
                    "两者都没有时按周一至周五计算并提示。",
                    "Working days follow this table first, then the State Council schedule in chinese_calendar, "
                    "else Monday to Friday with a warning."))
    year = int(st.number_input(ui.t("年份", "Year"), min_value=2000, max_value=2100, value=_today(ui).year, step=1,
                               key="hol_year"))
    warning = run_service(ui, settings.calendar_warning, ui.services, year=year, show_error=False)
    if warning and not failed(warning):
        st.warning(warning)
    rows = act(ui, settings.list_holidays, year=year)
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
        st.caption(ui.t(f"{year} 年共 {len(rows)} 条记录。", f"{len(rows)} entries in {year}."))
    else:
        st.info(ui.t(f"节假日表中尚无 {year} 年的记录。", f"No entry for {year} in the table."))

    st.subheader(ui.t("导入", "Import"))
    st.caption(ui.t("文本或 CSV 文件，每行：日期,holiday|workday[,名称]（也可写 休/班），例如 2026-10-01,holiday,国庆节；"
                    "以 # 开头的行忽略。已有日期将被覆盖。",
                    "Text or CSV, one line each: date,holiday|workday[,name], e.g. 2026-10-01,holiday,National Day; "
                    "lines starting with # are ignored. Existing days are replaced."))
    upload = st.file_uploader(ui.t("选择文件", "Choose a file"), type=["csv", "txt"], key="hol_file")
    source = st.text_input(ui.t("来源（如国务院办公厅通知文号）", "Source (e.g. the State Council notice)"), key="hol_source")
    if st.button(ui.t("导入", "Import"), type="primary", key="hol_import"):
        if upload is None:
            st.error(ui.t("请先选择文件。", "Choose a file first."))
            return
        text = _decode(upload.getvalue())
        if text is None:
            st.error(ui.t("文件编码无法识别，请保存为 UTF-8 后重试。", "Unknown text encoding; save it as UTF-8."))
            return
        done = act(ui, settings.import_holidays, text=text, source=source.strip() or upload.name)
        if not failed(done):
            flash(ui.t(f"已导入 {done} 条记录。", f"{done} entries imported."))
            st.rerun()

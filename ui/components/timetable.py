"""The course timetable as an editable table (st.data_editor), kept across reruns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, Sequence

import pandas as pd
import streamlit as st

from ui.components.editable import field, seeded_frame

from ui.context import UIContext

COLUMNS = ("topic", "date", "start", "end")


@dataclass(frozen=True)
class Row:
    topic: str
    date: date | None
    start: time | None
    end: time | None


def _to_date(v: Any) -> date | None:
    if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NaT:
        return None
    if isinstance(v, pd.Timestamp):
        return v.date()
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    try:
        return date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def _to_time(v: Any) -> time | None:
    if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NaT:
        return None
    if isinstance(v, time):
        return v
    if isinstance(v, (datetime, pd.Timestamp)):
        return v.time()
    try:
        return time.fromisoformat(str(v))
    except ValueError:
        return None


def rows_from_frame(frame: pd.DataFrame) -> list[Row]:
    rows = []
    for rec in frame.to_dict("records"):
        topic = str(rec.get("topic") or "").strip()
        if topic in ("nan", "None"):
            topic = ""
        r = Row(topic, _to_date(rec.get("date")), _to_time(rec.get("start")), _to_time(rec.get("end")))
        if r.topic or r.date or r.start or r.end:  # ignore rows left blank
            rows.append(r)
    return rows


def timetable_editor(ui: UIContext, key: str, initial: Sequence[Any] = ()) -> list[Row]:
    """Edit the sessions; `initial` holds objects or dicts with topic/date/start/end."""
    base = seeded_frame(key, lambda: pd.DataFrame(
        [{"topic": field(o, "topic") or "", "date": _to_date(field(o, "date")), "start": _to_time(field(o, "start")),
          "end": _to_time(field(o, "end"))} for o in initial],
        columns=list(COLUMNS),
    ).astype({"topic": "object", "date": "object", "start": "object", "end": "object"}))
    edited = st.data_editor(
        base,
        key=key,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config={
            "topic": st.column_config.TextColumn(ui.t("课次/主题", "Lesson / topic"), width="large"),
            "date": st.column_config.DateColumn(ui.t("日期", "Date"), format="YYYY-MM-DD"),
            "start": st.column_config.TimeColumn(ui.t("开始", "Start"), format="HH:mm", step=300),
            "end": st.column_config.TimeColumn(ui.t("结束", "End"), format="HH:mm", step=300),
        },
    )
    rows = rows_from_frame(edited)
    _quick_add(ui, key, edited)
    return rows


def _quick_add(ui: UIContext, key: str, edited: pd.DataFrame) -> None:
    """Add one session with ordinary date and time pickers (easier than typing dates into the grid)."""
    with st.expander(ui.t("快速添加一次课", "Add one session")):
        with st.form(f"{key}_add_form", clear_on_submit=True, border=False):
            c1, c2, c3, c4 = st.columns([3, 2, 2, 2])
            topic = c1.text_input(ui.t("课次/主题", "Topic"), key=f"{key}_add_topic")
            day = c2.date_input(ui.t("日期", "Date"), key=f"{key}_add_date", format="YYYY-MM-DD")
            start = c3.time_input(ui.t("开始", "Start"), value=time(9, 0), key=f"{key}_add_start", step=300)
            end = c4.time_input(ui.t("结束", "End"), value=time(10, 0), key=f"{key}_add_end", step=300)
            added = st.form_submit_button(ui.t("添加到课表", "Add to the timetable"), key=f"{key}_add")
        if added:
            row = {"topic": topic.strip(), "date": day, "start": start, "end": end}
            base = pd.concat([edited, pd.DataFrame([row], columns=list(COLUMNS))], ignore_index=True)
            st.session_state[f"{key}__base"] = base.astype("object")
            st.session_state.pop(key, None)  # the grid's own edits are now part of the base
            st.rerun()

"""The course timetable as an editable table (st.data_editor), kept across reruns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, Sequence

import pandas as pd
import streamlit as st

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


def row_problems(ui: UIContext, rows: Sequence[Row]) -> list[str]:
    """Incomplete rows are a form error (what a session means is the services' business)."""
    problems = []
    for i, r in enumerate(rows, start=1):
        missing = [name for name, v in ((ui.t("日期", "date"), r.date), (ui.t("开始时间", "start"), r.start),
                                        (ui.t("结束时间", "end"), r.end)) if v is None]
        if missing:
            problems.append(ui.t(f"课表第 {i} 行缺少：{'、'.join(missing)}。", f"Timetable row {i} lacks: {', '.join(missing)}."))
        elif r.start is not None and r.end is not None and r.end <= r.start:
            problems.append(ui.t(f"课表第 {i} 行的结束时间应晚于开始时间。", f"Timetable row {i} ends before it starts."))
    return problems


def timetable_editor(ui: UIContext, key: str, initial: Sequence[Any] = ()) -> list[Row]:
    """Edit the sessions; `initial` holds objects or dicts with topic/date/start/end."""
    base_key = f"{key}__base"
    if base_key not in st.session_state:
        def g(o: Any, n: str) -> Any:
            return o.get(n) if isinstance(o, dict) else getattr(o, n, None)

        st.session_state[base_key] = pd.DataFrame(
            [{"topic": g(o, "topic") or "", "date": _to_date(g(o, "date")), "start": _to_time(g(o, "start")),
              "end": _to_time(g(o, "end"))} for o in initial],
            columns=list(COLUMNS),
        ).astype({"topic": "object", "date": "object", "start": "object", "end": "object"})
    edited = st.data_editor(
        st.session_state[base_key],
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
    return rows_from_frame(edited)

"""Timetable checks (domain.md §4): late offline/online lessons, online length and gaps, 学科类 on rest
days and school breaks, online training for preschool children. Thresholds come from RuleSettings."""
from __future__ import annotations

from datetime import date, time
from functools import lru_cache
from typing import Callable

from ..settings import RuleSettings
from ..types import Finding, TimetableSession


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


@lru_cache(maxsize=4096)
def _fmt(s: TimetableSession) -> str:  # a course's few sessions are checked for every screened file
    return f"{s.date.isoformat()} {s.start.strftime('%H:%M')}-{s.end.strftime('%H:%M')}"


def _finding(kind: str, s: TimetableSession, detail: str) -> Finding:
    label = _fmt(s)
    return Finding(kind=kind, start=-1, end=-1, text=label, detail=f"{label}: {detail}")


def default_rest_day(d: date) -> bool:
    """Official holidays and adjusted weekends via chinese_calendar; weekends beyond its range (2004–2026)."""
    try:
        import chinese_calendar

        return not chinese_calendar.is_workday(d)
    except (ImportError, NotImplementedError):
        return d.weekday() >= 5


def check_timetable(sessions: list[TimetableSession], *, mode: str | None, subject_like: bool,
                    rest_day: Callable[[date], bool] | None, school_breaks: list[tuple[date, date]],
                    rules: RuleSettings) -> list[Finding]:
    out: list[Finding] = []
    ordered = sorted(sessions, key=lambda s: (s.date, s.start, s.end))
    for s in ordered:
        if mode == "offline" and _minutes(s.end) > _minutes(rules.offline_latest_end):
            out.append(_finding("timetable_offline_late", s,
                                f"线下培训结束时间晚于{rules.offline_latest_end.strftime('%H:%M')} "
                                "(offline training must end by this time; 睡眠管理通知/国办发80号)"))
        if mode == "online":
            length = _minutes(s.end) - _minutes(s.start)
            if length > rules.online_max_minutes:
                out.append(_finding("timetable_online_too_long", s,
                                    f"线上单节课{length}分钟，超过{rules.online_max_minutes}分钟 "
                                    "(online lesson too long; 双减意见)"))
            if _minutes(s.end) > _minutes(rules.online_latest_end):
                out.append(_finding("timetable_online_late", s,
                                    f"线上培训结束时间晚于{rules.online_latest_end.strftime('%H:%M')} "
                                    "(online training must end by this time; 双减意见)"))
    if mode == "online":
        for prev, cur in zip(ordered, ordered[1:]):
            if prev.date != cur.date:
                continue
            gap = _minutes(cur.start) - _minutes(prev.end)
            if gap < rules.online_min_gap_minutes:
                out.append(_finding("timetable_online_gap", cur,
                                    f"与上一节({prev.start.strftime('%H:%M')}-{prev.end.strftime('%H:%M')})"
                                    f"间隔{gap}分钟，少于{rules.online_min_gap_minutes}分钟 "
                                    "(online lessons need this gap; 双减意见)"))
    if subject_like:
        is_rest = rest_day or default_rest_day
        for s in ordered:
            if any(a <= s.date <= b for a, b in school_breaks):
                out.append(_finding("timetable_school_break", s,
                                    "学科类培训安排在中小学寒暑假期间 (no 学科类 training in school breaks; 双减意见)"))
            elif is_rest(s.date):
                out.append(_finding("timetable_rest_day", s,
                                    "学科类培训安排在法定节假日或休息日 (no 学科类 training on rest days; 双减意见)"))
    return out


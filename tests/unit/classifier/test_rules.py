"""Timetable checks and content red flags, positive and negative cases (no model needed)."""
from datetime import date, time

from classifier.analysis import analyse
from classifier.lexicon import load_lexicons
from classifier.rules.content import preschool_subject_class, red_flags
from classifier.rules.timetable import check_timetable, default_rest_day
from classifier.settings import RuleSettings
from classifier.types import TimetableSession as TS

MON = date(2026, 11, 23)  # a Monday
SAT = date(2026, 11, 28)


def kinds(findings):
    return sorted(f.kind for f in findings)


def run(sessions, mode, subject_like=False, rest_day=None, breaks=(), rules=RuleSettings()):
    return check_timetable(sessions, mode=mode, subject_like=subject_like, rest_day=rest_day,
                           school_breaks=list(breaks), rules=rules)


def test_offline_late_end():
    assert kinds(run([TS(MON, time(19, 0), time(20, 45))], "offline")) == ["timetable_offline_late"]
    assert run([TS(MON, time(19, 0), time(20, 30))], "offline") == []


def test_online_length_late_and_gap():
    f = run([TS(MON, time(20, 0), time(20, 30)), TS(MON, time(20, 35), time(21, 10))], "online")
    assert kinds(f) == ["timetable_online_gap", "timetable_online_late", "timetable_online_too_long"]
    assert all(x.start == -1 and x.end == -1 for x in f)
    assert "2026-11-23 20:35-21:10" in f[0].detail or any("20:35" in x.detail for x in f)


def test_online_within_limits_is_clean():
    assert run([TS(MON, time(19, 0), time(19, 30)), TS(MON, time(19, 40), time(20, 10))], "online") == []


def test_online_rules_do_not_apply_offline():
    assert run([TS(MON, time(18, 0), time(19, 30))], "offline") == []


def test_thresholds_are_settings():
    strict = RuleSettings(online_max_minutes=20)
    assert kinds(run([TS(MON, time(19, 0), time(19, 25))], "online", rules=strict)) == ["timetable_online_too_long"]


def test_rest_day_and_school_break_only_for_subject_like():
    sessions = [TS(SAT, time(9, 0), time(10, 0)), TS(date(2026, 7, 20), time(9, 0), time(10, 0)),
                TS(MON, time(18, 0), time(19, 0))]
    breaks = [(date(2026, 7, 5), date(2026, 8, 31))]
    f = run(sessions, "offline", subject_like=True, breaks=breaks, rest_day=lambda d: d.weekday() >= 5)
    assert kinds(f) == ["timetable_rest_day", "timetable_school_break"]
    assert run(sessions, "offline", subject_like=False, breaks=breaks) == []


def test_rest_day_predicate_from_caller_wins():
    f = run([TS(MON, time(9, 0), time(10, 0))], "offline", subject_like=True, rest_day=lambda d: True)
    assert kinds(f) == ["timetable_rest_day"]


def test_default_rest_day_handles_dates_beyond_calendar():
    assert default_rest_day(date(2027, 1, 2)) is True  # a Saturday, beyond chinese_calendar's range
    assert default_rest_day(date(2027, 1, 6)) is False
    assert default_rest_day(date(2026, 10, 1)) is True  # 国庆


def _flags(text):
    return sorted({k for k, *_ in red_flags(analyse(text, load_lexicons()))})


def test_red_flags_positive():
    assert _flags("课前祷告，学习圣经故事") == ["religion"]
    assert _flags("扫码购买配套练习册，限时优惠") == ["advertising"]
    assert _flags("不会的题用App拍照搜题") == ["photo_search"]
    assert _flags("保过班，保证提高30分") == ["score_promise"]


def test_red_flags_negative_and_negated():
    assert _flags("本课程以舞蹈基本功和表演为主，培养节奏感") == []
    assert _flags("课堂严禁拍照搜题，不承诺提分") == []


def test_preschool_subject_class():
    lex = load_lexicons()
    a = analyse("幼小衔接班：拼音、识字、20以内加减法", lex)
    ev = preschool_subject_class(a, subject_like=True)
    assert len(ev) >= 3
    a2 = analyse("幼小衔接·习惯养成：整理书包、专注力游戏，不教拼音", lex)
    assert preschool_subject_class(a2, subject_like=False) == []

"""Screener behaviour on a tiny trained model: categories, findings with evidence, interface shape."""
import json
from datetime import date, time

import pytest

from classifier import ModelMissingError, ScreeningInput, Settings, TimetableSession, load_screener
from classifier.settings import DecisionSettings

MATH = "五年级数学培优：分数应用题精讲，课前预习，课后巩固练习20题，周测排名，冲刺期末考试提分。"
DANCE = "少儿街舞兴趣班：基础律动、节奏感游戏、队形编排，期末汇演展示，快乐体验舞蹈。"


def kinds(res):
    return [f.kind for f in res.findings]


def test_missing_model_raises_clear_error(tmp_path):
    with pytest.raises(ModelMissingError) as e:
        load_screener(tmp_path / "nowhere")
    assert "python -m classifier train" in str(e.value)


def test_loaded_once(tiny_model_dir, screener):
    assert load_screener(tiny_model_dir) is screener


def test_categories_and_interface_shape(screener):
    r = screener.screen(ScreeningInput(text=MATH))
    d = r.to_dict()
    assert d["category"] == "subject" and d["subject"] == "数学"
    assert set(d) == {"category", "subject", "probabilities", "overseas", "overseas_score", "dimensions",
                      "findings", "model_version", "rules_version"}
    assert set(d["dimensions"]) == {"目的", "内容", "方式", "评价"}
    assert abs(d["probabilities"]["subject"] + d["probabilities"]["non_subject"] - 1) < 1e-6
    json.dumps(d, ensure_ascii=False)
    n = screener.screen(ScreeningInput(text=DANCE))
    assert n.category == "non_subject" and n.subject == "舞蹈"
    assert n.probabilities["subject"] < 0.5


def test_dimension_cues_carry_original_offsets(screener):
    text = "數學培優：課前預習，課後鞏固練習，周測排名，衝刺中考提分。"  # traditional characters
    r = screener.screen(ScreeningInput(text=text))
    got = {(f.kind, f.text) for f in r.findings}
    assert ("method_cue", "預習") in got and ("method_cue", "鞏固練習") in got
    assert ("evaluation_cue", "排名") in got and ("purpose_cue", "中考") in got
    for f in r.findings:
        if f.start >= 0:
            assert text[f.start:f.end] == f.text
    assert r.dimensions["方式"] and r.dimensions["评价"] and r.dimensions["目的"]


def test_negated_cues_are_not_findings(screener):
    r = screener.screen(ScreeningInput(text="围棋兴趣班：对弈游戏，老师不讲题、不留作业、不排名。"))
    assert not [f for f in r.findings if f.kind in ("method_cue", "evaluation_cue")]


def test_pages_give_page_numbers_and_page_offsets(screener):
    pages = ["第一页：少儿街舞。", "第二页：课后巩固练习，周测排名。"]
    r = screener.screen(ScreeningInput(pages=pages))
    f = next(f for f in r.findings if f.text == "巩固练习")
    assert f.page == 2 and pages[1][f.start:f.end] == "巩固练习"


def test_disguise_positive_and_negative(screener):
    r = screener.screen(ScreeningInput(text=MATH, title="数理思维训练营", declared_category="non_subject"))
    d = [f for f in r.findings if f.kind == "disguise"]
    assert len(d) == 1 and "数理思维训练营" in d[0].detail
    assert "disguise" not in kinds(screener.screen(ScreeningInput(text=DANCE, declared_category="non_subject")))
    assert "disguise" not in kinds(screener.screen(ScreeningInput(text=MATH, declared_category="subject")))


def test_overseas_and_foreign_isbn(screener):
    r = screener.screen(ScreeningInput(text="IGCSE Mathematics revision: Cambridge past papers. ISBN 978-0-19-273448-8"))
    assert r.overseas and "overseas" in kinds(r) and "isbn_foreign" in kinds(r)
    d = screener.screen(ScreeningInput(text="五年级数学同步培优：分数应用题，ISBN 978-7-107-34567-8"))
    assert not d.overseas and "isbn_foreign" not in kinds(d) and "overseas" not in kinds(d)


def test_ahead_of_grade_only_with_known_lower_grade(screener):
    text = "数学培优：一元二次方程精讲，课后巩固练习，周测排名，冲刺提分。"
    low = screener.screen(ScreeningInput(text=text, grade=5))
    a = [f for f in low.findings if f.kind == "ahead_of_grade"]
    assert a and a[0].text == "一元二次方程" and "9年级" in a[0].detail and "来源" in a[0].detail
    assert "ahead_of_grade" not in kinds(screener.screen(ScreeningInput(text=text, grade=9)))
    assert "ahead_of_grade" not in kinds(screener.screen(ScreeningInput(text=text)))


def test_red_flags_through_screener(screener):
    r = screener.screen(ScreeningInput(text=MATH + "课前祷告。扫码购买教辅。不会就拍照搜题。保过！"))
    assert {"religion", "advertising", "photo_search", "score_promise"} <= set(kinds(r))
    assert not {"religion", "advertising", "photo_search"} & set(kinds(screener.screen(ScreeningInput(text=DANCE))))


def test_preschool_rules(screener):
    r = screener.screen(ScreeningInput(text="幼小衔接班：拼音、识字、20以内加减法，课后练习。", grade=0,
                                       audience="preschool", mode="online"))
    assert "preschool_online" in kinds(r) and "preschool_subject_class" in kinds(r)
    older = screener.screen(ScreeningInput(text=DANCE, grade=3, mode="online"))
    assert "preschool_online" not in kinds(older) and "preschool_subject_class" not in kinds(older)


def test_timetable_through_screener(screener):
    sat = date(2026, 11, 28)
    tt = [TimetableSession(sat, time(20, 0), time(20, 45))]
    r = screener.screen(ScreeningInput(text=MATH, mode="online", timetable=tt, rest_day=lambda d: d.weekday() >= 5))
    assert {"timetable_online_too_long", "timetable_rest_day"} <= set(kinds(r))
    t = next(f for f in r.findings if f.kind == "timetable_rest_day")
    assert t.start == -1 and t.end == -1 and "2026-11-28" in t.detail
    n = screener.screen(ScreeningInput(text=DANCE, mode="offline", timetable=tt, rest_day=lambda d: True))
    assert "timetable_rest_day" not in kinds(n)


def test_uncertain_band_is_a_setting(screener):
    wide = Settings(decision=DecisionSettings(uncertain_low=0.0, uncertain_high=1.01))
    assert screener.screen(ScreeningInput(text=MATH), wide).category == "uncertain"


def test_asymmetric_rule_non_subject_needs_every_dimension_clean(screener):
    # Force the model side to "non_subject" so only the 全面符合 rule can object.
    lean = Settings(decision=DecisionSettings(uncertain_low=1.0, uncertain_high=1.01))
    dirty = screener.screen(ScreeningInput(text="街舞课：课前预习、课后巩固练习、刷题，周测排名，月考测评。"), lean)
    assert dirty.category == "uncertain"
    clean = screener.screen(ScreeningInput(text=DANCE), lean)
    assert clean.category == "non_subject"

"""Content red flags (domain.md §4): religion, embedded advertising, 拍照搜题, promises such as 保过/提分,
and preschool rules (no online training; no 学科类 as 学前班/幼小衔接班/思维训练班)."""
from __future__ import annotations

from ..analysis import Analysis

RED_FLAG_DETAIL = {
    "religion": "宗教内容：培训材料不得含宗教教义或宗教活动 (religious teaching; 材料办法, 聊城负面清单)",
    "advertising": "夹带广告或商业推销 (embedded advertising; 材料办法)",
    "photo_search": "拍照搜题类方式 (photo-search answers are banned; 双减意见)",
    "score_promise": "承诺提分/保过等效果 (promises of scores or passing; 山东合规指引, 聊城负面清单)",
}
_CLASS_NAMES = {"幼小衔接", "学前班", "思维训练班", "思维训练"}
_ONLINE_WORDS = ("线上", "网课", "直播课", "在线课", "在线直播", "网络课程", "app上课", "视频课")


def red_flags(a: Analysis) -> list[tuple[str, int, int, str]]:
    """(kind, norm_start, norm_end, detail) for each un-negated red-flag term."""
    out = []
    for m in a.redflags:
        kind = m.entry["kind"]
        if kind in RED_FLAG_DETAIL and not m.negated:
            out.append((kind, m.start, m.end, f"{RED_FLAG_DETAIL[kind]} — 「{m.term}」"))
    return out


def is_preschool(grade: int | None, audience: str | None) -> bool:
    return audience == "preschool" or grade == 0


def preschool_subject_class(a: Analysis, subject_like: bool) -> list[tuple[int, int, str]]:
    """Evidence for a 学科类 class offered to preschool children."""
    out = []
    for m in a.redflags:
        if m.entry["kind"] != "preschool_subject_class" or m.negated:
            continue
        if m.term in _CLASS_NAMES:
            if subject_like:
                out.append((m.start, m.end, f"面向学龄前儿童以「{m.term}」名义开展学科类培训 "
                                            "(no 学科类 class for preschool children; 双减意见)"))
        else:
            out.append((m.start, m.end, f"学龄前课程含小学学科内容「{m.term}」 "
                                        "(primary-school subject content for preschool children; 双减意见)"))
    if subject_like and not out:
        cue = next((m for m in a.cues if m.entry["kind"] == "subject_cue"), None)
        if cue is not None:
            out.append((cue.start, cue.end, f"学龄前课程被判为学科类，学科内容「{cue.term}」 "
                                            "(学科类 training for preschool children; 双减意见)"))
        else:
            out.append((-1, -1, "学龄前课程被判为学科类 (学科类 training for preschool children; 双减意见)"))
    return out


def online_evidence(a: Analysis) -> tuple[int, int]:
    t = a.norm.text
    for w in _ONLINE_WORDS:
        i = t.find(w)
        if i >= 0:
            return i, i + len(w)
    return -1, -1

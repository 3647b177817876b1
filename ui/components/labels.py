"""Chinese and English names of the codes the services use (states, outcomes, categories, finding kinds)."""

from __future__ import annotations

from ui.context import UIContext

from workflows import vocab as _vocab

# Codes stored by the services carry their labels in workflows.vocab; the UI only picks the language.
STATES: dict[str, tuple[str, str]] = dict(_vocab.STATES)
OUTCOMES: dict[str, tuple[str, str]] = {**_vocab.DECISION_OUTCOMES, **_vocab.RULING_OUTCOMES}
CATEGORIES: dict[str, tuple[str, str]] = {**_vocab.CATEGORIES, "uncertain": ("不确定（提请专家判断）", "uncertain (refer to experts)")}
MODES: dict[str, tuple[str, str]] = dict(_vocab.MODES)
AUDIENCES: dict[str, tuple[str, str]] = dict(_vocab.AUDIENCES)
ORIGINS: dict[str, tuple[str, str]] = dict(_vocab.ORIGINS)
MATERIAL_KINDS: dict[str, tuple[str, str]] = dict(_vocab.MATERIAL_KINDS)
PERSON_ROLES: dict[str, tuple[str, str]] = dict(_vocab.PERSON_ROLES)
EXTRACTION_STATUSES: dict[str, tuple[str, str]] = dict(_vocab.EXTRACTION_STATUSES)
ASSIGNMENT_STATUSES: dict[str, tuple[str, str]] = dict(_vocab.ASSIGNMENT_STATUSES)
CONFLICT_KINDS: dict[str, tuple[str, str]] = dict(_vocab.CONFLICT_KINDS)
ROLE_NAMES: dict[str, tuple[str, str]] = dict(_vocab.ROLES)

FINDING_KINDS: dict[str, tuple[str, str]] = {
    "subject_cue": ("学科类线索", "subject cue"),
    "purpose_cue": ("目的：知识/应试", "purpose cue"),
    "method_cue": ("方式：讲授/练习", "method cue"),
    "evaluation_cue": ("评价：分数/排名", "evaluation cue"),
    "disguise": ("疑似变相学科类", "disguised subject class"),
    "overseas": ("境外课程/教材", "overseas"),
    "ahead_of_grade": ("超标超前", "ahead of grade"),
    "timetable_offline_late": ("线下培训结束过晚", "offline class ends too late"),
    "timetable_online_too_long": ("线上单次过长", "online session too long"),
    "timetable_online_gap": ("线上课间休息不足", "online break too short"),
    "timetable_online_late": ("线上培训结束过晚", "online class ends too late"),
    "timetable_rest_day": ("休息日/节假日开课", "class on a rest day"),
    "timetable_school_break": ("寒暑假开课", "class in school break"),
    "preschool_online": ("面向学龄前儿童的线上培训", "online class for preschoolers"),
    "preschool_subject_class": ("学龄前学科类培训", "subject class for preschoolers"),
    "religion": ("宗教/迷信内容", "religion or superstition"),
    "advertising": ("植入或变相广告", "embedded advertising"),
    "photo_search": ("拍照搜题", "photo search"),
    "score_promise": ("提分/升学承诺", "score promise"),
    "isbn_foreign": ("境外ISBN", "foreign ISBN"),
}

DIMENSIONS: dict[str, tuple[str, str]] = {
    "目的": ("目的", "purpose"),
    "内容": ("内容", "content"),
    "方式": ("方式", "method"),
    "评价": ("评价", "evaluation"),
}



def label(ui: UIContext, table: dict[str, tuple[str, str]], code: str | None) -> str:
    if code is None:
        return "—"
    zh, en = table.get(code, (code, code))
    return ui.t(zh, en)

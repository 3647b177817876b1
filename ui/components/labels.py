"""Chinese and English names of the codes the services use (states, outcomes, categories, finding kinds)."""

from __future__ import annotations

from ui.context import UIContext

STATES: dict[str, tuple[str, str]] = {
    "draft": ("草稿", "draft"),
    "submitted": ("已提交", "submitted"),
    "screened": ("已初筛", "screened"),
    "in_review": ("专家审查中", "in review"),
    "decided": ("已作出决定", "decided"),
    "revision": ("修改中", "in revision"),
    "appealed": ("已申诉", "appealed"),
    "in_arbitration": ("仲裁中", "in arbitration"),
    "final": ("已终结", "final"),
}

OUTCOMES: dict[str, tuple[str, str]] = {
    "approved": ("通过", "approved"),
    "approved_with_changes": ("修改后通过", "approved with changes"),
    "rejected": ("不通过", "rejected"),
    "reclassified": ("重新认定类别", "reclassified"),
    "upheld": ("维持原决定", "upheld"),
    "overturned": ("撤销原决定", "overturned"),
    "referred_upward": ("提请上级教育行政部门认定", "referred upward"),
}

CATEGORIES: dict[str, tuple[str, str]] = {
    "subject": ("学科类", "subject"),
    "non_subject": ("非学科类", "non-subject"),
    "uncertain": ("不确定（提请专家判断）", "uncertain (refer to experts)"),
}

MODES: dict[str, tuple[str, str]] = {"online": ("线上", "online"), "offline": ("线下", "offline")}

AUDIENCES: dict[str, tuple[str, str]] = {
    "preschool": ("学龄前", "preschool"),
    "primary": ("小学", "primary"),
    "junior": ("初中", "junior secondary"),
    "senior": ("高中", "senior secondary"),
}

ORIGINS: dict[str, tuple[str, str]] = {
    "published": ("正式出版", "published"),
    "self_compiled": ("自编", "self-compiled"),
    "imported": ("引进", "imported"),
}

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

ROLE_NAMES: dict[str, tuple[str, str]] = {
    "institution": ("机构填报员", "institution"),
    "expert": ("审查专家", "expert"),
    "chair": ("委员会主任/秘书", "chair"),
    "arbitrator": ("仲裁委员", "arbitrator"),
    "admin": ("系统管理员", "administrator"),
}


def label(ui: UIContext, table: dict[str, tuple[str, str]], code: str | None) -> str:
    if code is None:
        return "—"
    zh, en = table.get(code, (code, code))
    return ui.t(zh, en)

"""Closed vocabularies (codes stored in the database) with their Chinese and English labels."""

from __future__ import annotations

from typing import Final

Label = tuple[str, str]  # (zh, en)

ROLES: Final[dict[str, Label]] = {
    "institution": ("机构填报员", "institution staff"),
    "expert": ("审查专家", "expert"),
    "chair": ("委员会主任/秘书", "committee chair"),
    "arbitrator": ("仲裁委员", "arbitrator"),
    "admin": ("系统管理员", "administrator"),
}

STATES: Final[dict[str, Label]] = {
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

DECISION_OUTCOMES: Final[dict[str, Label]] = {
    "approved": ("通过", "approved"),
    "approved_with_changes": ("修改后通过", "approved with changes"),
    "rejected": ("不通过", "rejected"),
    "reclassified": ("重新认定类别", "reclassified"),
}
APPROVED_OUTCOMES: Final = frozenset({"approved", "approved_with_changes"})

RULING_OUTCOMES: Final[dict[str, Label]] = {
    "upheld": ("维持原决定", "upheld"),
    "overturned": ("撤销原决定", "overturned"),
    "referred_upward": ("提请上级教育行政部门认定", "referred upward"),
}

CATEGORIES: Final[dict[str, Label]] = {"subject": ("学科类", "subject"), "non_subject": ("非学科类", "non-subject")}
MODES: Final[dict[str, Label]] = {"online": ("线上", "online"), "offline": ("线下", "offline")}
AUDIENCES: Final[dict[str, Label]] = {
    "preschool": ("学龄前", "preschool"),
    "primary": ("小学", "primary"),
    "junior": ("初中", "junior secondary"),
    "senior": ("高中", "senior secondary"),
}
# Grade 0 = preschool, 1..12; the audience a grade belongs to.
AUDIENCE_GRADES: Final[dict[str, range]] = {
    "preschool": range(0, 1), "primary": range(1, 7), "junior": range(7, 10), "senior": range(10, 13),
}
MATERIAL_KINDS: Final[dict[str, Label]] = {
    "教材": ("教材", "textbook"),
    "讲义": ("讲义", "handout"),
    "课件": ("课件", "slides"),
    "练习": ("练习", "exercises"),
    "大纲": ("大纲", "outline"),
    "视频脚本": ("视频脚本", "video script"),
    "题库": ("题库", "question bank"),
}
ORIGINS: Final[dict[str, Label]] = {
    "published": ("正式出版", "published"),
    "self_compiled": ("自编", "self-compiled"),
    "imported": ("引进", "imported"),
}
PERSON_ROLES: Final[dict[str, Label]] = {"author": ("编写者", "author"), "internal_reviewer": ("内部审核人", "internal reviewer")}
COMMITTEE_KINDS: Final[dict[str, Label]] = {
    "review": ("课程审查专家委员会", "review committee"),
    "arbitration": ("仲裁委员会", "arbitration committee"),
}
CONFLICT_KINDS: Final[dict[str, Label]] = {
    "affiliation": ("任职或兼职于该机构", "works for the institution"),
    "relation": ("申报的利益关系（含近亲属）", "declared relation (incl. close relatives)"),
}
EXTRACTION_STATUSES: Final[dict[str, Label]] = {
    "pending": ("等待处理", "pending"), "ready": ("已就绪", "ready"), "failed": ("处理失败", "failed"),
}
ASSIGNMENT_STATUSES: Final[dict[str, Label]] = {
    "open": ("待审", "open"), "done": ("已提交意见", "verdict given"), "closed": ("已关闭", "closed"),
}


def zh(vocab: dict[str, Label], code: str | None) -> str:
    return vocab.get(code or "", (code or "", code or ""))[0]

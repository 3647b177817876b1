"""Verdict reason codes, from the negative lists in domain.md (§2 the 12 prohibitions of the 材料管理办法,
§4 timetable and enforcement checks, §3 overseas). `REASON_CODES[code]` -> ReasonCode(code, zh, en, source)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReasonCode:
    code: str
    zh: str
    en: str
    source: str


_ROWS = [
    ("political", "抹黑党和国家、领导人或英雄，歪曲历史", "smears the Party, the state, leaders or heroes; distorts history", "材料办法 禁止1 (domain.md §2)"),
    ("against_core_values", "攻击党的领导、社会主义制度或违背核心价值观", "attacks the system or core values", "材料办法 禁止2 (§2)"),
    ("sovereignty", "危害国家统一、主权和领土完整", "harms unity, sovereignty or territory", "材料办法 禁止3 (§2)"),
    ("national_honour", "损害国家荣誉，含反华辱华内容", "harms national honour", "材料办法 禁止4 (§2)"),
    ("ethnic_hatred", "宣扬民族仇恨或歧视", "ethnic hatred or discrimination", "材料办法 禁止5 (§2)"),
    ("religion", "宣扬宗教教义、邪教或迷信", "religious doctrine, cults or superstition", "材料办法 禁止6 (§2)"),
    ("violence_obscenity", "暴力、恐怖、赌博、毒品、淫秽或教唆犯罪", "violence, terror, gambling, drugs, obscenity or crime", "材料办法 禁止7 (§2)"),
    ("ip_infringement", "侵犯知识产权或其他违法内容", "IP infringement or other illegality", "材料办法 禁止8 (§2)"),
    ("advertising", "植入或变相植入广告", "embedded or disguised advertising", "材料办法 禁止9 (§2)"),
    ("beyond_curriculum", "超出国家课程标准（超标超前）", "beyond the national curriculum (ahead of grade)", "材料办法 禁止10; 国办发80号 (§2, §4)"),
    ("misleading_behaviour", "诱导学生不良行为", "misleads students into bad behaviour", "材料办法 禁止11 (§2)"),
    ("other_violation", "其他违法违规情形", "other violations", "材料办法 禁止12 (§2)"),
    ("disguised_subject", "非学科类名义开展学科类培训（隐形变异）", "subject training disguised as non-subject", "双减意见; 处罚办法 第18条 (§1, §4)"),
    ("overseas_curriculum", "使用境外教育课程或教材", "overseas curriculum or materials", "双减意见 (§3)"),
    ("grade_mismatch", "班级年级与招生年级不一致或进度超前", "class grade or pace does not match the students", "国办发80号 (§2, §4)"),
    ("timetable_late", "线下结束晚于20:30或线上晚于21:00", "ends after 20:30 offline / 21:00 online", "睡眠管理通知; 双减意见 (§4)"),
    ("online_session_length", "线上单次超过30分钟或课间少于10分钟", "online lesson >30 min or break <10 min", "双减意见 (§4)"),
    ("rest_day_training", "节假日、休息日或寒暑假开展学科类培训", "subject training on holidays, weekends or breaks", "双减意见; 国办发80号 (§4)"),
    ("preschool_violation", "面向学龄前儿童线上培训或学科类培训", "online or subject training for preschoolers", "双减意见 (§4)"),
    ("photo_search", "拍照搜题等不良学习方法", "photo-search methods", "双减意见 (§4)"),
    ("exam_ranking", "组织学科类等级考试、竞赛或排名", "grading exams, competitions or rankings", "国办发80号 (§4)"),
    ("homework", "布置作业（含打卡）", "assigns homework (incl. check-ins)", "睡眠通知; 国办发80号 (§4)"),
    ("score_promise", "承诺提分、保过或夸大培训效果", "promises scores or exaggerates results", "聊城清单; 山东合规指引 (§4)"),
    ("unqualified_staff", "编写或授课人员资质不符（含在职教师、境外人员）", "unqualified staff (incl. serving teachers, staff abroad)", "材料办法; 双减意见 (§2, §3, §4)"),
    ("authoring_review_not_separated", "编审未分离", "authoring and review not separated", "材料办法 编审分离 (§2)"),
    ("excessive_difficulty", "内容繁难偏怪或分量难度不适宜", "excessively hard or unsuitable volume", "材料办法; 六科负面清单 (§2, §6)"),
]

REASON_CODES: dict[str, ReasonCode] = {c: ReasonCode(c, z, e, s) for c, z, e, s in _ROWS}
ALL: list[ReasonCode] = list(REASON_CODES.values())


def validate(codes: list[str]) -> list[str]:
    """Codes unknown to this list (empty when all are valid)."""
    return [c for c in codes if c not in REASON_CODES]

"""Demo data for local trials: committees, institutions in several districts, users of every role and
submissions in every state, with small real materials (.txt and .docx) generated here."""

from __future__ import annotations

import dataclasses
import io
import logging
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select

from workflows.context import ServiceContext
from workflows.models import User

DISTRICTS = ["东城区", "西城区", "海淀区", "朝阳区"]


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str
    display_name: str


def is_empty(ctx: ServiceContext) -> bool:
    with ctx.db.read() as s:
        return not s.scalar(select(func.count()).select_from(User))


def _docx(title: str, paragraphs: list[str]) -> bytes:
    from docx import Document

    doc = Document()
    doc.add_heading(title, level=1)
    for p in paragraphs:
        doc.add_paragraph(p)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


ART_TEXT = ("第一课 认识色彩\n通过观察校园里的花草树木，感受三原色与间色的变化，尝试用水彩表现春天。\n"
            "第二课 线条的表情\n用不同的线条表达快乐、平静与紧张的情绪，完成一幅自由创作。\n"
            "课堂以欣赏、体验和创作为主，不布置作业，不进行考试和排名。")
MATH_TEXT = ["第一讲 鸡兔同笼问题", "本讲复习三年级数学知识点，讲授假设法解题步骤：先预习例题，再讲解，最后巩固练习。",
             "课后练习：完成 20 道应用题，测验成绩将排名公布，帮助孩子在期末考试中提分。"]
ROBOT_TEXT = ["第一课 机器人搭建入门", "认识传感器和电机，分组搭建一辆能避障的小车。",
              "第二课 图形化编程", "用积木式编程让小车沿黑线行驶，展示与分享作品。"]
ENGLISH_TEXT = ("Unit 1 Greetings\n英语绘本阅读：学习 hello、good morning 等句型，跟读并完成单词听写练习。\n"
                "课后每天在微信群打卡朗读，单元测验成绩排名。")


def _unavailable() -> Any:
    raise RuntimeError("screening model unavailable (demo of a submission awaiting screening)")


def _timetable(start: date, weekday_evening: bool = True) -> list[dict[str, Any]]:
    days = [start + timedelta(days=i) for i in range(0, 21) if (start + timedelta(days=i)).weekday() == 2][:3]
    return [{"topic": f"第{i + 1}课", "date": d.isoformat(), "start": "18:30", "end": "19:30"} for i, d in enumerate(days)]


def seed_demo(ctx: ServiceContext) -> list[DemoAccount]:
    from workflows.services import admin, appeals, decisions, materials, reviews, submissions

    accounts: list[DemoAccount] = []

    def user(username: str, role: str, name: str, inst: int | None = None) -> int:
        pw = f"{username}-2026"
        accounts.append(DemoAccount(username, pw, role, name))
        return admin.create_user(ctx, actor_id=None, username=username, password=pw, display_name=name, role=role,
                                 institution_id=inst).id

    insts = [admin.create_institution(ctx, actor_id=None, name=n, district=d, license_no=f"教民{1100 + i}号").id
             for i, (n, d) in enumerate([("东城彩虹艺术培训学校", DISTRICTS[0]), ("西城启航科技教育中心", DISTRICTS[1]),
                                         ("海淀博思教育咨询有限公司", DISTRICTS[2]), ("朝阳小树英语俱乐部", DISTRICTS[3])])]
    user("admin", "admin", "系统管理员")
    chair = user("chair", "chair", "张主任")
    staff = [user(f"inst{i + 1}", "institution", f"机构填报员{i + 1}", inst) for i, inst in enumerate(insts)]
    experts = [user(f"expert{i + 1}", "expert", n, insts[2] if i == 5 else None)
               for i, n in enumerate(["刘教授", "陈老师", "赵研究员", "孙老师", "周老师", "吴老师"])]
    arbs = [user(f"arb{i + 1}", "arbitrator", n) for i, n in enumerate(["钱委员", "郑委员", "冯委员", "卫委员"])]
    review = admin.create_committee(ctx, actor_id=None, name="区课程审查专家委员会", kind="review").id
    arbitration = admin.create_committee(ctx, actor_id=None, name="区校外培训材料审查仲裁委员会", kind="arbitration").id
    for e in experts:
        admin.add_committee_member(ctx, actor_id=None, committee_id=review, user_id=e)
    for a in arbs:
        admin.add_committee_member(ctx, actor_id=None, committee_id=arbitration, user_id=a)
    reviews.declare_conflict(ctx, actor_id=experts[4], institution_id=insts[1], kind="relation", note="配偶在该机构任职")

    start = ctx.today() + timedelta(days=7)
    courses = {
        "art": (staff[0], dict(class_name="小学三年级美术水彩培训班", target_grade=3, declared_category="non_subject",
                              declared_subject="美术", mode="offline", audience="primary", description="水彩与线描，兴趣培养"),
                "色彩课讲义.txt", ART_TEXT.encode("utf-8")),
        "robot": (staff[1], dict(class_name="小学五年级机器人编程培训班", target_grade=5, declared_category="non_subject",
                                declared_subject="编程/机器人", mode="offline", audience="primary", description="搭建与图形化编程"),
                  "机器人课程大纲.docx", _docx("机器人课程大纲", ROBOT_TEXT)),
        "math": (staff[2], dict(class_name="小学三年级思维训练班", target_grade=3, declared_category="non_subject",
                               declared_subject="思维训练", mode="offline", audience="primary", description="逻辑思维拓展"),
                 "思维训练讲义.docx", _docx("思维训练讲义", MATH_TEXT)),
        "english": (staff[3], dict(class_name="小学二年级英语绘本培训班", target_grade=2, declared_category="subject",
                                  declared_subject="英语", mode="offline", audience="primary", description="绘本阅读"),
                    "英语绘本讲义.txt", ENGLISH_TEXT.encode("utf-8")),
    }
    people = [{"name": "王晓", "role": "author", "certificate_no": "20191100001", "years_experience": 6},
              {"name": "李敏", "role": "internal_reviewer", "certificate_no": "20171100002", "years_experience": 9}]

    def draft(key: str, suffix: str = "") -> tuple[int, int]:
        st, fields, fname, data = courses[key]
        f = {**fields, "class_name": fields["class_name"] + suffix}
        sid = submissions.create_submission(ctx, actor_id=st, timetable=_timetable(start), people=people, **f).id
        kind = "大纲" if "大纲" in fname else "讲义"
        m = materials.add_material(ctx, actor_id=st, submission_id=sid, filename=fname, data=data, kind=kind)
        materials.process_material(ctx, actor_id=st, material_id=m.id)
        return sid, st

    def submitted(key: str, suffix: str) -> tuple[int, int]:
        sid, st = draft(key, suffix)
        submissions.submit_submission(ctx, actor_id=st, submission_id=sid)
        return sid, st

    def reviewed(key: str, suffix: str, outcome: str, category: str, codes: list[str], n: int = 3) -> tuple[int, int]:
        sid, st = submitted(key, suffix)
        assigned = reviews.assign_experts(ctx, actor_id=chair, submission_id=sid)
        for a in assigned[:n]:
            reviews.submit_verdict(ctx, actor_id=a.expert_id, assignment_id=a.id, outcome=outcome, category=category,
                                   reason_codes=codes, comment="意见见理由代码。" if codes else "内容符合要求。", confidence=4)
        return sid, st

    def decided(key: str, suffix: str, outcome: str, category: str, codes: list[str]) -> tuple[int, int, int]:
        sid, st = reviewed(key, suffix, outcome, category, codes)
        d = decisions.decide(ctx, actor_id=chair, submission_id=sid, outcome=outcome,
                             conditions="删除第二课的打卡要求。" if outcome == "approved_with_changes" else "")
        return sid, st, d.id

    draft("art", "（草稿）")
    # "submitted" lasts only until the automatic screening; show one whose screening could not run
    # (as when the model is unavailable), which the chair can screen again from the overview.
    sid, st = draft("english", "（待初筛）")
    quiet = logging.getLogger("workflows.services.submissions")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # the failure is staged; no traceback on the console
    try:
        submissions.submit_submission(dataclasses.replace(ctx, screener_loader=_unavailable, _screener=None),
                                      actor_id=st, submission_id=sid)
    finally:
        quiet.setLevel(level)
    sid, st = draft("robot", "（修改前）")
    submitted("robot", "")                                                  # screened
    reviewed("art", "（秋季）", "approved", "non_subject", [], n=1)            # in review, one verdict in
    decided("art", "", "approved", "non_subject", [])                        # decided: approved (公示)
    decided("english", "", "approved_with_changes", "subject", ["homework"])  # decided: with changes
    sid, st, _ = decided("math", "（第一版）", "reclassified", "subject", ["disguised_subject", "score_promise"])
    submissions.start_revision(ctx, actor_id=st, submission_id=sid)          # revision
    sid, st, did = decided("math", "", "reclassified", "subject", ["disguised_subject"])
    appeals.file_appeal(ctx, actor_id=st, decision_id=did, reasons="本课程以逻辑思维游戏为主，并非数学学科培训，请复核。",
                        files=[("课程说明.txt", "课程以游戏化逻辑活动为主。".encode("utf-8"))])  # appealed
    sid, st, did = decided("english", "（寒假班）", "rejected", "subject", ["rest_day_training"])
    ap = appeals.file_appeal(ctx, actor_id=st, decision_id=did, reasons="寒假班时间已调整，请复核课表安排。")
    appeals.draw_arbitration_panel(ctx, actor_id=chair, appeal_id=ap.id)      # in arbitration
    sid, st, did = decided("robot", "（暑期）", "rejected", "non_subject", ["advertising"])
    ap = appeals.draw_arbitration_panel(ctx, actor_id=chair, appeal_id=appeals.file_appeal(
        ctx, actor_id=st, decision_id=did, reasons="讲义中的品牌名称仅为器材说明，不构成广告。").id)
    for arbitrator, _ in ap.panel[:len(ap.panel) // 2 + 1]:  # a majority of the panel votes alike: final
        appeals.rule_appeal(ctx, actor_id=arbitrator, appeal_id=ap.id, outcome="overturned",
                            new_outcome="approved_with_changes", reason="器材品牌说明可保留，但须删除购买链接。")
    return accounts

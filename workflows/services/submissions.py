"""Submissions: the institution's course record, self-check, submit (+ automatic screening), revision,
and the queries that show a submission to whoever may see it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, Callable

from sqlalchemy import select

from workflows import statemachine
from workflows.context import ServiceContext
from workflows.errors import ConcurrentChange, NotAuthorized, ValidationFailed
from workflows.models import (Appeal, Assignment, AuditEvent, CoursePerson, Decision, Screening,
                              Submission, TimetableSession, User, Verdict)
from workflows.services import convert
from workflows.services._base import (EDITABLE, check_own_editable, get_actor, get_submission_row, load_settings, lock_own_editable,
                                      lock_submission, read, record, require_owner, require_view, work_calendar,
                                      write)
from workflows.views import (SelfCheckReport, SessionView, PersonView, ScreeningView, SubmissionDetail,
                             SubmissionRow)
from workflows.vocab import AUDIENCE_GRADES, AUDIENCES, CATEGORIES, MODES, PERSON_ROLES

# ---------------------------------------------------------------- validation of the course record

def _as_date(v: Any) -> date:
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    return date.fromisoformat(str(v))


def _as_time(v: Any) -> time:
    if isinstance(v, time):
        return v
    return time.fromisoformat(str(v))


def _rows(fields: dict[str, Any], key: str, label: str, problems: list[str]) -> list[Any]:
    value = fields.get(key)
    if value is None:
        return []
    if not isinstance(value, (list, tuple)):
        problems.append(f"{label}的格式无效（应为逐行填写的列表）。")
        return []
    return list(value)


def _years(value: Any) -> int | None | bool:
    """Years of experience as a whole number 0..80, None when left empty, False when not valid."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return False
    if isinstance(value, float):
        if not value.is_integer():
            return False
        value = int(value)
    if isinstance(value, str):
        text = value.strip()
        if not text.lstrip("+-").isdigit() or not text.isascii():
            return False
        value = int(text)
    if not isinstance(value, int) or not 0 <= value <= 80:
        return False
    return value


def _validate(fields: dict[str, Any]) -> tuple[list[TimetableSession], list[CoursePerson]]:
    problems: list[str] = []
    name = (fields.get("class_name") or "").strip()
    if not name:
        problems.append("请填写培训班名称（须写明年级和科目）。")
    grade = fields.get("target_grade")
    if not isinstance(grade, int) or not 0 <= grade <= 12:
        problems.append("招生年级应为 0（学龄前）到 12。")
    if fields.get("declared_category") not in CATEGORIES:
        problems.append("申报类别应为学科类或非学科类。")
    if not (fields.get("declared_subject") or "").strip():
        problems.append("请填写科目或项目。")
    if fields.get("mode") not in MODES:
        problems.append("培训方式应为线上或线下。")
    audience = fields.get("audience")
    if audience not in AUDIENCES:
        problems.append("招生对象应为学龄前、小学、初中或高中。")
    elif isinstance(grade, int) and grade not in AUDIENCE_GRADES[audience]:
        problems.append(f"招生年级与招生对象「{AUDIENCES[audience][0]}」不一致。")
    for g in _rows(fields, "extra_grades", "其他招生年级", problems):
        if not isinstance(g, int) or not 0 <= g <= 12:
            problems.append("其他招生年级应为 0 到 12。")
    sessions: list[TimetableSession] = []
    for i, row in enumerate(_rows(fields, "timetable", "课表", problems), 1):
        if not isinstance(row, dict):
            problems.append(f"课表第 {i} 行的格式无效（应包含日期、开始和结束时间）。")
            continue
        try:
            d, st, en = _as_date(row["date"]), _as_time(row["start"]), _as_time(row["end"])
        except (KeyError, TypeError, ValueError):
            problems.append(f"课表第 {i} 行的日期或时间无效。")
            continue
        if en <= st:
            problems.append(f"课表第 {i} 行的结束时间应晚于开始时间。")
        sessions.append(TimetableSession(position=i, topic=str(row.get("topic") or "")[:200], day=d, start=st, end=en))
    people: list[CoursePerson] = []
    for i, p in enumerate(_rows(fields, "people", "人员", problems), 1):
        if not isinstance(p, dict):
            problems.append(f"人员第 {i} 行的格式无效（应包含姓名、角色、证书编号和从业年限）。")
            continue
        pname = str(p.get("name") or "").strip()
        role = p.get("role")
        if not pname or role not in PERSON_ROLES:
            problems.append(f"人员第 {i} 行须填写姓名，角色为编写者或内部审核人。")
            continue
        years = _years(p.get("years_experience"))
        if years is False:
            problems.append(f"人员第 {i} 行的从业年限应为 0 到 80 之间的整数。")
            continue
        people.append(CoursePerson(name=pname, role=role, certificate_no=str(p.get("certificate_no") or "").strip(),
                                   years_experience=years))
    authors = [p for p in people if p.role == "author"]
    reviewers = [p for p in people if p.role == "internal_reviewer"]
    for a in authors:
        for r in reviewers:
            if a.name == r.name or (a.certificate_no and a.certificate_no == r.certificate_no):
                problems.append(f"编审分离：{a.name} 不能既是编写者又是内部审核人。")
    if problems:
        raise ValidationFailed("；".join(problems), "Some fields are not valid: " + str(len(problems)) + " problem(s).")
    return sessions, people


def _apply(sub: Submission, fields: dict[str, Any], sessions: list[TimetableSession], people: list[CoursePerson]) -> None:
    sub.class_name = fields["class_name"].strip()
    sub.target_grade = fields["target_grade"]
    sub.extra_grades = sorted(set(fields.get("extra_grades") or []) - {fields["target_grade"]})
    sub.declared_category = fields["declared_category"]
    sub.declared_subject = fields["declared_subject"].strip()
    sub.mode = fields["mode"]
    sub.audience = fields["audience"]
    sub.description = (fields.get("description") or "").strip()
    sub.sessions = sessions
    sub.people = people


def _snapshot(sub: Submission) -> dict[str, Any]:
    return {"state": sub.state, "round": sub.round, "class_name": sub.class_name, "target_grade": sub.target_grade,
            "declared_category": sub.declared_category, "declared_subject": sub.declared_subject,
            "mode": sub.mode, "audience": sub.audience, "sessions": len(sub.sessions), "people": len(sub.people)}


def create_submission(ctx: ServiceContext, *, actor_id: int, class_name: str, target_grade: int,
                      declared_category: str, declared_subject: str, mode: str, audience: str,
                      description: str = "", timetable: list[dict[str, Any]] | None = None,
                      people: list[dict[str, Any]] | None = None, extra_grades: list[int] | None = None) -> SubmissionDetail:
    fields = dict(class_name=class_name, target_grade=target_grade, declared_category=declared_category,
                  declared_subject=declared_subject, mode=mode, audience=audience, description=description,
                  timetable=timetable, people=people, extra_grades=extra_grades)
    with write(ctx) as s:
        user = get_actor(s, actor_id, "institution")
        if user.institution_id is None:
            raise NotAuthorized("您的账户未关联培训机构。", "Your account is not linked to an institution.")
        sessions, persons = _validate(fields)
        now = ctx.now()
        sub = Submission(institution_id=user.institution_id, created_by=user.id, state="draft", round=0,
                         created_at=now, updated_at=now)
        _apply(sub, fields, sessions, persons)
        s.add(sub)
        s.flush()
        record(s, ctx, actor_id=actor_id, action="create_submission", object_type="submission", object_id=sub.id,
               submission_id=sub.id, after=_snapshot(sub))
        sid = sub.id
    return get_submission(ctx, actor_id=actor_id, submission_id=sid)


def update_draft(ctx: ServiceContext, *, actor_id: int, submission_id: int, class_name: str, target_grade: int,
                 declared_category: str, declared_subject: str, mode: str, audience: str, description: str = "",
                 timetable: list[dict[str, Any]] | None = None, people: list[dict[str, Any]] | None = None,
                 extra_grades: list[int] | None = None) -> SubmissionDetail:
    fields = dict(class_name=class_name, target_grade=target_grade, declared_category=declared_category,
                  declared_subject=declared_subject, mode=mode, audience=audience, description=description,
                  timetable=timetable, people=people, extra_grades=extra_grades)
    with write(ctx) as s:
        user = get_actor(s, actor_id, "institution")
        sub = lock_own_editable(s, user, submission_id, "编辑", "edit")
        sessions, persons = _validate(fields)
        before = _snapshot(sub)
        _apply(sub, fields, sessions, persons)
        sub.updated_at = ctx.now()
        record(s, ctx, actor_id=actor_id, action="update_draft", object_type="submission", object_id=sub.id,
               submission_id=sub.id, before=before, after=_snapshot(sub))
    return get_submission(ctx, actor_id=actor_id, submission_id=submission_id)


# ---------------------------------------------------------------- screening

def _screening_input(s, sub: Submission, settings, cal):  # type: ignore[no-untyped-def]
    from classifier import ScreeningInput, TimetableSession as TT

    pages: list[str] = []
    page_map: list[list[int]] = []
    for m in sub.materials:
        if m.removed or m.status != "ready":
            continue
        for p in m.pages:
            pages.append(p.text)
            page_map.append([m.id, p.number])
    breaks = [(date.fromisoformat(a), date.fromisoformat(b)) for a, b in settings.school_breaks]
    inp = ScreeningInput(pages=pages or None, text=None if pages else (sub.description or sub.class_name),
                         title=sub.class_name, grade=sub.target_grade, declared_category=sub.declared_category,
                         audience=sub.audience, mode=sub.mode,
                         timetable=[TT(t.day, t.start, t.end) for t in sub.sessions],
                         rest_day=cal.is_rest_day, school_breaks=breaks)
    return inp, page_map


@dataclass(frozen=True)
class _Prepared:
    """What a screening was computed from, so the write afterwards can tell whether it is still current."""

    data: dict[str, Any]
    page_map: list[list[int]]
    version: int
    round: int
    fingerprint: tuple[tuple[int, str, bool], ...]


def _fingerprint(sub: Submission) -> tuple[tuple[int, str, bool], ...]:
    # Material uploads/removals/processing do not bump the submission's version, so they are compared too.
    return tuple((m.id, m.status, bool(m.removed)) for m in sub.materials)


def _screen_outside(ctx: ServiceContext, submission_id: int, check: Callable[[Any, Submission], None]) -> _Prepared:
    """Reads the submission in a read transaction, then classifies with no transaction open: loading the
    model and classifying take seconds and must not hold the write lock."""
    with read(ctx) as s:
        sub = get_submission_row(s, submission_id)
        check(s, sub)
        settings = load_settings(s)
        cal = work_calendar(s)
        inp, page_map = _screening_input(s, sub, settings, cal)
        version, rnd, fp = sub.version, sub.round, _fingerprint(sub)
    result = ctx.screener().screen(inp)
    data = result.to_dict() if hasattr(result, "to_dict") else dict(result)
    warning = cal.warning()
    if warning:
        data = {**data, "calendar_warning": warning}
    return _Prepared(data, page_map, version, rnd, fp)


def _store_screening(ctx: ServiceContext, s, sub: Submission, prep: _Prepared, purpose: str,  # type: ignore[no-untyped-def]
                     actor_id: int | None) -> Screening:
    """Under the submission lock: refuses when the submission changed while the screening ran."""
    if sub.version != prep.version or sub.round != prep.round or _fingerprint(sub) != prep.fingerprint:
        raise ConcurrentChange("初筛期间申报内容已被修改，请重新执行。",
                               "The submission changed while it was being screened; run it again.")
    data = prep.data
    sc = Screening(submission_id=sub.id, round=sub.round, purpose=purpose, result=data, page_map=prep.page_map,
                   model_version=str(data.get("model_version", "")), rules_version=str(data.get("rules_version", "")),
                   created_by=actor_id, created_at=ctx.now())
    s.add(sc)
    s.flush()
    return sc


def _readiness(sub: Submission) -> list[str]:
    problems = []
    live = [m for m in sub.materials if not m.removed]
    if not live:
        problems.append("请至少上传一份培训材料。")
    if any(m.status == "pending" for m in live):
        problems.append("仍有材料正在处理，请稍候。")
    if not sub.sessions:
        problems.append("请填写课表（至少一次课）。")
    if not any(p.role == "author" for p in sub.people) or not any(p.role == "internal_reviewer" for p in sub.people):
        problems.append("请填写编写者和内部审核人（编审分离）。")
    return problems


def self_check(ctx: ServiceContext, *, actor_id: int, submission_id: int) -> SelfCheckReport:
    """Runs the screening for the institution without changing the state; the result is kept."""
    def check(s, sub: Submission) -> None:  # type: ignore[no-untyped-def]
        check_own_editable(get_actor(s, actor_id, "institution"), sub, "自查", "self-check")

    prep = _screen_outside(ctx, submission_id, check)
    with write(ctx) as s:
        user = get_actor(s, actor_id, "institution")
        sub = lock_own_editable(s, user, submission_id, "自查", "self-check")
        sc = _store_screening(ctx, s, sub, prep, "self_check", actor_id)
        record(s, ctx, actor_id=actor_id, action="self_check", object_type="screening", object_id=sc.id,
               submission_id=sub.id, after={"category": sc.result.get("category"), "model_version": sc.model_version})
        problems = _readiness(sub)
        mats = [convert.material_view(s, m, sc) for m in sub.materials if not m.removed]
        return SelfCheckReport(sub.id, convert.screening_view(sc), mats, problems, not problems)


def submit_submission(ctx: ServiceContext, *, actor_id: int, submission_id: int) -> SubmissionDetail:
    """draft/revision → submitted; then screening at once (→ screened). A screening failure leaves the
    submission submitted (the chair can run `screen_submission`)."""
    with write(ctx) as s:
        user = get_actor(s, actor_id, "institution")
        sub = lock_submission(s, submission_id)
        require_owner(user, sub)
        target = statemachine.target_of("submit", sub.state)
        problems = _readiness(sub)
        if problems:
            raise ValidationFailed("尚不能提交：" + "；".join(problems), "Not ready to submit.")
        before = {"state": sub.state, "round": sub.round}
        sub.state = target
        sub.round += 1
        sub.submitted_at = ctx.now()
        sub.review_due = None
        sub.updated_at = ctx.now()
        record(s, ctx, actor_id=actor_id, action="submit", object_type="submission", object_id=sub.id,
               submission_id=sub.id, before=before, after={"state": sub.state, "round": sub.round})
    try:
        screen_submission(ctx, actor_id=actor_id, submission_id=submission_id)
    except Exception:  # the submission itself is safely submitted; the chair can run the screening again
        import logging

        logging.getLogger(__name__).exception("screening of submission %s failed", submission_id)
    return get_submission(ctx, actor_id=actor_id, submission_id=submission_id)


def screen_submission(ctx: ServiceContext, *, actor_id: int, submission_id: int) -> ScreeningView:
    def check(s, sub: Submission) -> None:  # type: ignore[no-untyped-def]
        user = get_actor(s, actor_id, "institution", "chair")
        if user.role == "institution":
            require_owner(user, sub)
        statemachine.target_of("screen", sub.state)

    prep = _screen_outside(ctx, submission_id, check)
    with write(ctx) as s:
        sub = lock_submission(s, submission_id)
        check(s, sub)  # again under the lock: the state may have moved while the screener ran
        target = statemachine.target_of("screen", sub.state)
        sc = _store_screening(ctx, s, sub, prep, "submit", actor_id)
        sub.state = target
        sub.updated_at = ctx.now()
        record(s, ctx, actor_id=actor_id, action="screen", object_type="submission", object_id=sub.id,
               submission_id=sub.id, before={"state": "submitted"},
               after={"state": target, "screening_id": sc.id, "category": sc.result.get("category"),
                      "model_version": sc.model_version, "rules_version": sc.rules_version})
        return convert.screening_view(sc)


def start_revision(ctx: ServiceContext, *, actor_id: int, submission_id: int) -> SubmissionDetail:
    with write(ctx) as s:
        user = get_actor(s, actor_id, "institution")
        sub = lock_submission(s, submission_id)
        require_owner(user, sub)
        target = statemachine.target_of("start_revision", sub.state)
        if sub.outcome == "approved":
            raise statemachine.InvalidTransition("该课程已审查通过，无需修改。", "Already approved; nothing to revise.")
        d = _latest_decision(s, sub.id)
        if d is not None and ctx.today() > d.appeal_deadline:
            # After the window the decision is final (finalize_expired); a new course needs a new submission.
            raise statemachine.InvalidTransition(f"申诉和修改期限已于 {d.appeal_deadline} 届满，决定已生效。",
                                                 f"The window closed on {d.appeal_deadline}; the decision is final.")
        sub.state = target
        sub.updated_at = ctx.now()
        record(s, ctx, actor_id=actor_id, action="start_revision", object_type="submission", object_id=sub.id,
               submission_id=sub.id, before={"state": "decided", "outcome": sub.outcome}, after={"state": target})
    return get_submission(ctx, actor_id=actor_id, submission_id=submission_id)


# ---------------------------------------------------------------- queries

NEXT_STEPS: dict[str, tuple[str, str]] = {
    "draft": ("完善信息、上传材料、自查后提交", "complete, upload, self-check and submit"),
    "submitted": ("等待系统初筛", "waiting for screening"),
    "screened": ("等待委员会分配审查专家", "waiting for experts to be assigned"),
    "in_review": ("专家审查中", "experts are reviewing"),
    "revision": ("修改材料后重新自查并提交", "revise, self-check and submit again"),
    "appealed": ("等待组成仲裁小组", "waiting for the arbitration panel"),
    "in_arbitration": ("仲裁委员会审理中", "the arbitration panel is ruling"),
    "final": ("流程已终结", "closed"),
}


def next_step(sub: Submission, decision: Decision | None, today: date) -> tuple[str, str, date | None]:
    if sub.state == "decided" and decision is not None:
        if today <= decision.appeal_deadline:
            if sub.outcome == "approved":
                return (f"已通过；如有异议可于 {decision.appeal_deadline} 前申诉", "approved; appeal possible until "
                        f"{decision.appeal_deadline}", decision.appeal_deadline)
            return (f"修改后重新提交，或于 {decision.appeal_deadline} 前申诉",
                    f"revise and resubmit, or appeal by {decision.appeal_deadline}", decision.appeal_deadline)
        return ("申诉期已过，等待决定生效", "appeal window closed; becoming final", None)
    zh, en = NEXT_STEPS.get(sub.state, ("", ""))
    return zh, en, sub.review_due if sub.state == "in_review" else None


def _latest_decision(s, sub_id: int) -> Decision | None:  # type: ignore[no-untyped-def]
    return s.execute(select(Decision).where(Decision.submission_id == sub_id)
                     .order_by(Decision.round.desc())).scalars().first()


def submission_row(s, sub: Submission, cal, today: date) -> SubmissionRow:  # type: ignore[no-untyped-def]
    zh, en, deadline = next_step(sub, _latest_decision(s, sub.id), today)
    left = cal.working_days_between(today, sub.review_due) if sub.review_due and sub.state == "in_review" else None
    return SubmissionRow(sub.id, sub.class_name, sub.institution_id, sub.institution.name, sub.institution.district,
                         sub.declared_category, sub.declared_subject, sub.target_grade, sub.mode, sub.audience,
                         sub.state, sub.round, sub.submitted_at, sub.review_due, left, left is not None and left < 0,
                         sub.outcome, sub.final_category, zh, en, deadline, sub.updated_at)


def list_my_submissions(ctx: ServiceContext, *, actor_id: int) -> list[SubmissionRow]:
    with read(ctx) as s:
        user = get_actor(s, actor_id, "institution")
        cal, today = work_calendar(s), ctx.today()
        subs = s.execute(select(Submission).where(Submission.institution_id == user.institution_id)
                         .order_by(Submission.updated_at.desc(), Submission.id.desc())).scalars()
        return [submission_row(s, sub, cal, today) for sub in subs]


def visible_verdicts(s, user: User, sub: Submission) -> list[Verdict]:  # type: ignore[no-untyped-def]
    """The independence rule: an expert sees other verdicts of a round only after giving their own."""
    rows = list(s.execute(select(Verdict).where(Verdict.submission_id == sub.id).order_by(Verdict.id)).scalars())
    if user.role in ("chair", "admin", "arbitrator"):
        return rows
    if user.role == "expert":
        mine_rounds = {v.round for v in rows if v.expert_id == user.id}
        return [v for v in rows if v.round in mine_rounds]
    return []


def get_submission(ctx: ServiceContext, *, actor_id: int, submission_id: int) -> SubmissionDetail:
    with read(ctx) as s:
        user = get_actor(s, actor_id)
        sub = get_submission_row(s, submission_id)
        require_view(s, user, sub)
        return detail(ctx, s, user, sub)


def detail(ctx: ServiceContext, s, user: User, sub: Submission) -> SubmissionDetail:  # type: ignore[no-untyped-def]
    require_view(s, user, sub)  # also for callers such as review_package that find the row themselves
    cal, today = work_calendar(s), ctx.today()
    screenings = list(s.execute(select(Screening).where(Screening.submission_id == sub.id)
                                .order_by(Screening.id)).scalars())
    if user.role == "institution":
        shown_screenings = screenings
    else:
        shown_screenings = [sc for sc in screenings if sc.purpose == "submit"]
    latest = shown_screenings[-1] if shown_screenings else None
    materials = [convert.material_view(s, m, latest) for m in sub.materials if not m.removed]
    assignments = []
    if user.role != "institution":
        assignments = [convert.assignment_view(s, a, cal, today, sub) for a in s.execute(
            select(Assignment).where(Assignment.submission_id == sub.id).order_by(Assignment.id)).scalars()]
        if user.role == "expert":
            assignments = [a for a in assignments if a.expert_id == user.id]
    verdicts = [convert.verdict_view(s, v) for v in visible_verdicts(s, user, sub)]
    decisions = [convert.decision_view(s, d, today) for d in s.execute(
        select(Decision).where(Decision.submission_id == sub.id).order_by(Decision.round)).scalars()]
    appeals = [convert.appeal_view(s, a, today, user.role == "institution") for a in s.execute(
        select(Appeal).where(Appeal.submission_id == sub.id).order_by(Appeal.id)).scalars()]
    history = history_of(s, user, sub.id)
    zh, en, _ = next_step(sub, _latest_decision(s, sub.id), today)
    # Ask the calendar about the days that matter here, so an unknown year shows its warning.
    cal.is_workday(today)
    if sub.review_due:
        cal.working_days_between(today, sub.review_due)
    return SubmissionDetail(
        sub.id, sub.class_name, sub.institution_id, sub.institution.name, sub.institution.district, sub.target_grade,
        list(sub.extra_grades or []), sub.declared_category, sub.declared_subject, sub.mode, sub.audience,
        sub.description, sub.state, sub.round, sub.submitted_at, sub.review_due, sub.outcome, sub.final_category,
        sub.created_by, sub.created_at, sub.updated_at, sub.version,
        [SessionView(t.topic, t.day, t.start, t.end) for t in sub.sessions],
        [PersonView(p.name, p.role, p.certificate_no, p.years_experience) for p in sub.people],
        materials, [convert.screening_view(sc) for sc in shown_screenings], assignments, verdicts, decisions,
        appeals, history, zh, en, cal.warning())


# Actions whose actor an institution must not learn (reviewers' and arbitrators' names are confidential).
CONFIDENTIAL_ACTIONS = {"assign_experts", "replace_expert", "submit_verdict", "draw_arbitration_panel",
                        "arbitration_vote"}
# Shown to institutions with the panel's name instead of the arbitrator's, and without the individual votes.
PANEL_RESULT_ACTIONS = {"rule_appeal"}


def history_of(s, user: User, submission_id: int) -> list:  # type: ignore[no-untyped-def]
    events = s.execute(select(AuditEvent).where(AuditEvent.submission_id == submission_id)
                       .order_by(AuditEvent.seq)).scalars()
    out = []
    for e in events:
        if user.role == "institution" and e.action in CONFIDENTIAL_ACTIONS:
            out.append(convert.AuditEventView(e.seq, e.at, None, "委员会", e.action, e.object_type, None, None, None))
        elif user.role == "institution" and e.action in PANEL_RESULT_ACTIONS:
            # The ruling itself is the institution's business; who voted how is not.
            after = {k: v for k, v in (e.after or {}).items() if k not in ("votes", "ruled_by")}
            out.append(convert.AuditEventView(e.seq, e.at, None, convert.PANEL_ZH, e.action, e.object_type,
                                              e.object_id, e.before, after))
        elif user.role == "expert" and e.action == "submit_verdict" and e.actor_id != user.id:
            continue
        else:
            out.append(convert.audit_view(s, e))
    return out

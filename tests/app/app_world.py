"""Shared AppTest world: a temporary SQLite database migrated with Alembic and filled through the
services, a fake screener (the trained model is not needed to test pages), and harnesses that run
either the whole app (`app_test`) or one page as a logged-in user (`page_test`). Tests import from
here, not from conftest: several conftest.py files exist and `from conftest import` is ambiguous."""

from __future__ import annotations

import os

# The background queue runs inline in tests; must be set before workflows.tasks is imported.
os.environ["REVIEW_HUEY_IMMEDIATE"] = "1"

import sys
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

sys.path.insert(0, str(Path(__file__).parent))

from samples import ART_LESSON, SUBJECT_LESSON, chinese_pdf  # noqa: E402

PASSWORD = "Passw0rd2026"
TIMEOUT = 30


class Clock:
    """A clock the tests can move (session expiry, deadlines)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: Any) -> None:
        self.now += timedelta(**kw)


# ------------------------------------------------------------------ fake screener

@dataclass
class _Result:
    data: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return self.data


CUES = [  # (text, kind, dimension or None)
    ("一元二次方程", "ahead_of_grade", "内容"),
    ("巩固练习", "method_cue", "方式"),
    ("提高分数", "score_promise", "评价"),
    ("AP", "overseas", None),
]


class FakeScreener:
    """Finds fixed cue words, with page offsets like the real screener; deterministic and instant."""

    def screen(self, inp: Any) -> _Result:
        pages = list(inp.pages or [inp.text or ""])
        findings: list[dict[str, Any]] = []
        dims: dict[str, list[dict[str, Any]]] = {"目的": [], "内容": [], "方式": [], "评价": []}
        for number, text in enumerate(pages, start=1):
            for cue, kind, dim in CUES:
                at = text.find(cue)
                if at >= 0:
                    f = {"kind": kind, "start": at, "end": at + len(cue), "page": number if inp.pages else None,
                         "text": cue, "detail": f"测试线索：{cue}"}
                    findings.append(f)
                    if dim:
                        dims[dim].append(f)
        subjecty = any(f["kind"] in ("ahead_of_grade", "method_cue", "score_promise") for f in findings)
        p = 0.9 if subjecty else 0.1
        return _Result({
            "category": "subject" if subjecty else "non_subject", "subject": "数学" if subjecty else None,
            "probabilities": {"subject": p, "non_subject": 1 - p},
            "overseas": any(f["kind"] == "overseas" for f in findings), "overseas_score": 0.05,
            "dimensions": dims, "findings": findings, "model_version": "fake-1", "rules_version": "fake-rules-1",
        })


# ------------------------------------------------------------------ the world

@dataclass
class World:
    ctx: Any
    clock: Clock
    users: dict[str, Any] = field(default_factory=dict)  # name -> UserView
    institutions: dict[str, Any] = field(default_factory=dict)

    def uid(self, name: str) -> int:
        return self.users[name].id

    # --- submissions through the services -------------------------------------------------

    def draft(self, who: str = "inst", *, class_name: str = "小学三年级创意美术班", category: str = "non_subject",
              subject: str = "美术", grade: int = 3) -> Any:
        from workflows.services import submissions

        return submissions.create_submission(
            self.ctx, actor_id=self.uid(who), class_name=class_name, target_grade=grade,
            declared_category=category, declared_subject=subject, mode="offline", audience="primary",
            description="培养观察力与想象力",
            timetable=[{"topic": "色彩", "date": date(2026, 12, 5), "start": time(9, 0), "end": time(10, 0)}],
            people=[{"name": "李老师", "role": "author", "certificate_no": "MS-001", "years_experience": 5},
                    {"name": "赵老师", "role": "internal_reviewer", "certificate_no": "MS-002", "years_experience": 8}])

    def add_pdf(self, submission_id: int, who: str = "inst", pages: Any = SUBJECT_LESSON,
                filename: str = "讲义.pdf") -> Any:
        from workflows.services import materials

        m = materials.add_material(self.ctx, actor_id=self.uid(who), submission_id=submission_id,
                                   filename=filename, data=chinese_pdf(pages))
        return materials.process_material(self.ctx, actor_id=self.uid(who), material_id=m.id)

    def submitted(self, who: str = "inst", **kw: Any) -> Any:
        from workflows.services import submissions

        d = self.draft(who, **kw)
        self.add_pdf(d.id, who)
        return submissions.submit_submission(self.ctx, actor_id=self.uid(who), submission_id=d.id)

    def in_review(self, who: str = "inst", experts: tuple[str, ...] = ("e1", "e2", "e3"), **kw: Any) -> Any:
        from workflows.services import reviews

        sub = self.submitted(who, **kw)
        reviews.assign_experts(self.ctx, actor_id=self.uid("chair"), submission_id=sub.id,
                               expert_ids=[self.uid(e) for e in experts],
                               override_reason="测试：指定专家")  # required when it departs from the suggestion
        return sub

    def verdict(self, expert: str, submission_id: int, outcome: str = "approved", category: str = "non_subject") -> Any:
        from workflows.services import reviews

        a = next(a for a in reviews.my_assignments(self.ctx, actor_id=self.uid(expert))
                 if a.submission_id == submission_id and a.status == "open")
        return reviews.submit_verdict(self.ctx, actor_id=self.uid(expert), assignment_id=a.id, outcome=outcome,
                                      category=category, comment=f"{expert} 的意见", confidence=4)

    def decided(self, outcome: str = "rejected", **kw: Any) -> Any:
        from workflows.services import decisions

        sub = self.in_review(**kw)
        for e in ("e1", "e2", "e3"):
            self.verdict(e, sub.id, outcome=outcome)
        decisions.decide(self.ctx, actor_id=self.uid("chair"), submission_id=sub.id, outcome=outcome,
                         reason="测试决定理由", conditions="")
        return sub


def ruled(w: World, ruling: str = "upheld") -> Any:
    """A rejected submission, appealed by the institution, ruled on by the drawn panel."""
    from workflows.services import appeals, submissions

    sub = w.decided("rejected")
    d = submissions.get_submission(w.ctx, actor_id=w.uid("inst"), submission_id=sub.id).decisions[-1]
    a = appeals.file_appeal(w.ctx, actor_id=w.uid("inst"), decision_id=d.id, reasons="本课程为美术创作课程，请复核。")
    a = appeals.draw_arbitration_panel(w.ctx, actor_id=w.uid("chair"), appeal_id=a.id)
    for arbitrator_id, _ in a.panel[:2]:  # a majority of the panel of three rules
        appeals.rule_appeal(w.ctx, actor_id=arbitrator_id, appeal_id=a.id, outcome=ruling, reason="经审理，维持原决定。")
    return sub


def issue_letters(w: World, submission_id: int) -> None:
    """The chair issues the decision letter and a panel member the ruling letter, as their pages do."""
    from workflows.services import letters, submissions

    detail = submissions.get_submission(w.ctx, actor_id=w.uid("chair"), submission_id=submission_id)
    for d in detail.decisions:
        letters.issue_decision_letter(w.ctx, actor_id=w.uid("chair"), decision_id=d.id)
    for a in detail.appeals:
        if a.ruling is not None:
            letters.issue_ruling_letter(w.ctx, actor_id=a.panel[0][0], appeal_id=a.id)


def build_world(tmp_path: Path) -> World:
    from workflows.context import build_context
    from workflows.migrate import upgrade
    from workflows.services import admin

    url = f"sqlite:///{tmp_path / 'review.db'}"
    upgrade(url)
    clock = Clock(datetime(2026, 11, 23, 2, 0, tzinfo=timezone.utc))  # a Monday, 10:00 in Beijing
    ctx = build_context(url, tmp_path / "data", clock=clock, screener_loader=FakeScreener)
    w = World(ctx, clock)
    for key, name in (("sun", "阳光艺术培训中心"), ("star", "星辰教育")):
        w.institutions[key] = admin.create_institution(ctx, actor_id=None, name=name, district="高新区")
    spec = [
        ("inst", "机构填报员甲", "institution", "sun"),
        ("inst2", "机构填报员乙", "institution", "star"),
        ("e1", "专家一", "expert", None), ("e2", "专家二", "expert", None),
        ("e3", "专家三", "expert", None), ("e4", "专家四", "expert", None),
        ("chair", "主任", "chair", None),
        ("a1", "仲裁一", "arbitrator", None), ("a2", "仲裁二", "arbitrator", None), ("a3", "仲裁三", "arbitrator", None),
        ("admin", "管理员", "admin", None),
    ]
    for username, display, role, inst in spec:
        w.users[username] = admin.create_user(
            ctx, actor_id=None, username=username, password=PASSWORD, display_name=display, role=role,
            institution_id=w.institutions[inst].id if inst else None)
    review = admin.create_committee(ctx, actor_id=None, name="课程审查专家委员会", kind="review")
    arb = admin.create_committee(ctx, actor_id=None, name="仲裁委员会", kind="arbitration")
    for e in ("e1", "e2", "e3", "e4"):
        admin.add_committee_member(ctx, actor_id=None, committee_id=review.id, user_id=w.uid(e))
    for a in ("a1", "a2", "a3"):
        admin.add_committee_member(ctx, actor_id=None, committee_id=arb.id, user_id=w.uid(a))
    return w


@pytest.fixture(scope="session")
def _template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, World]:
    """Migrating and hashing eleven passwords takes seconds: do it once, copy the database per test."""
    base = tmp_path_factory.mktemp("template")
    w = build_world(base)
    w.ctx.db.engine.dispose()  # closing the last connection checkpoints SQLite's WAL into review.db
    return base, w


@pytest.fixture
def world(tmp_path: Path, _template: tuple[Path, World]) -> World:
    import shutil

    from workflows import tasks
    from workflows.context import build_context

    base, template = _template
    shutil.copy(base / "review.db", tmp_path / "review.db")
    clock = Clock(template.clock.now)
    ctx = build_context(f"sqlite:///{tmp_path / 'review.db'}", tmp_path / "data", clock=clock,
                        screener_loader=FakeScreener)
    w = World(ctx, clock, dict(template.users), dict(template.institutions))
    tasks.use_context(w.ctx)
    yield w
    tasks.use_context(None)
    w.ctx.db.engine.dispose() if hasattr(w.ctx.db, "engine") else None


# ------------------------------------------------------------------ AppTest harnesses

def _app_script(ctx):  # runs inside AppTest: the whole app
    from ui.app import main

    main(ctx)


def _page_script(ctx, user, module, lang):  # runs inside AppTest: one page as a logged-in user
    import importlib

    from ui.components.feedback import show_flashes
    from ui.context import UIContext

    show_flashes()
    importlib.import_module(module).render(UIContext(services=ctx, user=user, lang=lang))


def app_test(world: World) -> AppTest:
    return AppTest.from_function(_app_script, args=(world.ctx,), default_timeout=TIMEOUT)


def page_test(world: World, who: str, module: str, *, lang: str = "zh", state: dict[str, Any] | None = None) -> AppTest:
    at = AppTest.from_function(_page_script, args=(world.ctx, world.users[who], module, lang), default_timeout=TIMEOUT)
    for k, v in (state or {}).items():
        at.session_state[k] = v
    return at


def texts(at: AppTest, kind: str) -> list[str]:
    """All values of one element kind (error, warning, info, success, markdown, caption …) incl. the sidebar."""
    return [str(e.value) for e in at.get(kind)] + [str(e.value) for e in at.sidebar.get(kind)]


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]

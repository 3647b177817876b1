"""Fixtures for the chair, arbitrator and admin AppTests: a temporary SQLite database migrated with
Alembic and filled through the workflow services only, plus a one-page harness for AppTest.

The harness: `page_app(world, user, "ui.pages.chair.overview")` returns an AppTest whose script builds a
UIContext for that user on the world's ServiceContext and renders the page (flash messages included).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
for p in (str(ROOT), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

# Monday 12 October 2026, 10:00 in Beijing (02:00 UTC): an ordinary working day.
FIXED_NOW = datetime(2026, 10, 12, 2, 0)
PASSWORD = "Passw0rd2026"

# The AppTest script runs in this process; it finds its world and user here.
CURRENT: dict[str, Any] = {}


class FakeScreener:
    """A fixed screening result: the app tests exercise the pages, not the classifier."""

    def screen(self, inp: Any) -> dict[str, Any]:
        return {"category": "subject", "subject": "数学", "probabilities": {"subject": 0.81, "non_subject": 0.19},
                "overseas": False, "overseas_score": 0.05,
                "dimensions": {"目的": [], "内容": [], "方式": [], "评价": []},
                "findings": [{"kind": "subject_cue", "start": 0, "end": 4, "page": 1, "text": "口算练习",
                              "detail": "数学计算训练"}],
                "model_version": "fake-1", "rules_version": "rules-test"}


@dataclass
class World:
    ctx: Any
    admin: Any
    chair: Any
    institution: Any
    inst_user: Any
    experts: list[Any]
    arbitrators: list[Any]
    review_committee: Any
    arbitration_committee: Any
    submissions: dict[str, int] = field(default_factory=dict)

    def now(self) -> datetime:
        return self.ctx.now()


def make_world(tmp_path: Path) -> World:
    from workflows.context import build_context
    from workflows.migrate import upgrade
    from workflows.services import admin

    url = f"sqlite:///{tmp_path / 'review.db'}"
    upgrade(url)
    ctx = build_context(url, tmp_path / "data", clock=lambda: FIXED_NOW, screener_loader=FakeScreener)
    mk = lambda username, name, role, inst=None: admin.create_user(  # noqa: E731
        ctx, actor_id=None, username=username, password=PASSWORD, display_name=name, role=role, institution_id=inst)
    adm = mk("admin", "系统管理员", "admin")
    chair = mk("chair", "王主任", "chair")
    inst = admin.create_institution(ctx, actor_id=None, name="启航教育培训学校", district="海曙区", license_no="教民123")
    inst_user = mk("inst", "张填报", "institution", inst.id)
    experts = [mk(f"expert{i}", f"专家{n}", "expert") for i, n in enumerate("甲乙丙丁", 1)]
    arbitrators = [mk(f"arb{i}", f"仲裁{n}", "arbitrator") for i, n in enumerate("甲乙丙", 1)]
    review = admin.create_committee(ctx, actor_id=None, name="海曙区校外培训课程审查专家委员会", kind="review")
    arbitration = admin.create_committee(ctx, actor_id=None, name="海曙区校外培训审查仲裁委员会", kind="arbitration")
    start, end = date(2026, 1, 1), date(2028, 12, 31)
    for e in experts:
        admin.add_committee_member(ctx, actor_id=None, committee_id=review.id, user_id=e.id, term_start=start, term_end=end)
    for a in arbitrators:
        admin.add_committee_member(ctx, actor_id=None, committee_id=arbitration.id, user_id=a.id,
                                   term_start=start, term_end=end)
    return World(ctx, adm, chair, inst, inst_user, experts, arbitrators, review, arbitration)


def new_submission(world: World, class_name: str = "趣味数学思维班") -> int:
    """A submitted and screened submission with one text material."""
    from workflows.services import materials, submissions

    ctx, uid = world.ctx, world.inst_user.id
    day = date(2026, 10, 17)
    sub = submissions.create_submission(
        ctx, actor_id=uid, class_name=class_name, target_grade=3, declared_category="non_subject",
        declared_subject="思维训练", mode="offline", audience="primary", description="每周一次",
        timetable=[{"topic": "第一课", "date": day, "start": time(9, 0), "end": time(10, 0)}],
        people=[{"name": "李编写", "role": "author", "certificate_no": "A001", "years_experience": 5},
                {"name": "赵审核", "role": "internal_reviewer", "certificate_no": "R002", "years_experience": 8}])
    text = "第一课 口算练习\n计算：23+45=？ 请完成课后练习。\n".encode()
    m = materials.add_material(ctx, actor_id=uid, submission_id=sub.id, filename="讲义.txt", data=text,
                               kind="讲义", origin="self_compiled")
    materials.process_material(ctx, actor_id=uid, material_id=m.id)
    submissions.submit_submission(ctx, actor_id=uid, submission_id=sub.id)
    return sub.id


def assign(world: World, submission_id: int) -> list[Any]:
    from workflows.services import reviews

    return reviews.assign_experts(world.ctx, actor_id=world.chair.id, submission_id=submission_id)


def vote(world: World, submission_id: int, outcomes: list[str], codes: list[str] | None = None) -> None:
    from workflows.services import reviews

    assigned = {a.expert_id: a for a in _open_assignments(world, submission_id)}
    for expert_id, outcome in zip(list(assigned), outcomes):
        reviews.submit_verdict(world.ctx, actor_id=expert_id, assignment_id=assigned[expert_id].id, outcome=outcome,
                               category="subject", reason_codes=list(codes or ["disguised_subject"]),
                               comment="含数学计算训练", confidence=4,
                               evidence=[{"filename": "讲义.txt", "kind": "subject_cue", "page": 1}])


def _open_assignments(world: World, submission_id: int) -> list[Any]:
    from workflows.services import submissions

    detail = submissions.get_submission(world.ctx, actor_id=world.chair.id, submission_id=submission_id)
    return [a for a in detail.assignments if a.round == detail.round and a.status == "open"]


def decide(world: World, submission_id: int, outcome: str = "rejected") -> Any:
    from workflows.services import decisions

    return decisions.decide(world.ctx, actor_id=world.chair.id, submission_id=submission_id, outcome=outcome,
                            reason="材料以非学科类名义开展数学计算训练。")


def appeal(world: World, submission_id: int, decision_id: int) -> Any:
    from workflows.services import appeals

    return appeals.file_appeal(world.ctx, actor_id=world.inst_user.id, decision_id=decision_id,
                               reasons="课程以思维游戏为主，计算只是游戏中的一部分。",
                               files=[("说明.txt", "补充说明：课程设计以游戏为主。".encode())])


def draw(world: World, appeal_id: int) -> Any:
    from workflows.services import appeals

    return appeals.draw_arbitration_panel(world.ctx, actor_id=world.chair.id, appeal_id=appeal_id)


def decided_world(tmp_path: Path) -> World:
    """One submission decided (rejected), one in review with all verdicts, one screened."""
    world = make_world(tmp_path)
    decided = new_submission(world, "趣味数学思维班")
    assign(world, decided)
    vote(world, decided, ["rejected", "rejected", "approved"])
    decide(world, decided)
    reviewing = new_submission(world, "少儿创意美术班")
    assign(world, reviewing)
    vote(world, reviewing, ["approved", "approved", "approved"], codes=[])
    screened = new_submission(world, "英语绘本阅读班")
    world.submissions = {"decided": decided, "in_review": reviewing, "screened": screened}
    return world


def page_app(world: World, user: Any, page: str, *, lang: str = "zh") -> AppTest:
    """An AppTest that renders one page module for `user` on the world's services."""
    CURRENT.update(world=world, user=user, page=page, lang=lang)
    at = AppTest.from_function(_page_script, default_timeout=60)
    return at


def _page_script() -> None:  # runs inside AppTest: imports only, no closures
    import importlib

    import _chair_fixtures as fx
    from ui.components.feedback import show_flashes
    from ui.context import UIContext

    cur = fx.CURRENT
    ui = UIContext(services=cur["world"].ctx, user=cur["user"], lang=cur["lang"])
    show_flashes()
    importlib.import_module(cur["page"]).render(ui)


def texts(at: AppTest) -> str:
    """Everything the page shows as text (titles, markdown, captions, alerts), for assertions."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "success", "warning", "error",
                 "metric", "text"):
        for el in getattr(at, kind, []):
            parts.append(str(getattr(el, "value", "")))
            parts.append(str(getattr(el, "label", "")))
    return "\n".join(parts)


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def copy_world(template: World, tmp_path: Path) -> World:
    """The template world on a private copy of its database and files (building one takes seconds)."""
    import dataclasses
    import shutil

    from workflows.context import build_context

    src = Path(str(template.ctx.db.url).removeprefix("sqlite:///")) if hasattr(template.ctx.db, "url") else None
    if src is None or not src.exists():
        raise RuntimeError("copy_world needs a SQLite template")
    import sqlite3

    # The backup API copies a consistent snapshot, WAL contents included.
    with sqlite3.connect(src) as a, sqlite3.connect(tmp_path / "review.db") as b:
        a.backup(b)
    shutil.copytree(template.ctx.data_dir, tmp_path / "data", dirs_exist_ok=True)
    ctx = build_context(f"sqlite:///{tmp_path / 'review.db'}", tmp_path / "data", clock=lambda: FIXED_NOW,
                        screener_loader=FakeScreener)
    return dataclasses.replace(template, ctx=ctx, submissions=dict(template.submissions))


# pytest fixtures (import them by name into a test module: `from _chair_fixtures import decided, fresh`).
import pytest  # noqa: E402


@pytest.fixture(scope="session")
def _decided_template(tmp_path_factory) -> World:  # type: ignore[no-untyped-def]
    return decided_world(tmp_path_factory.mktemp("chair_template"))


@pytest.fixture
def decided(_decided_template, tmp_path) -> World:  # type: ignore[no-untyped-def]
    """A private copy of the decided world: decided, in-review and screened submissions."""
    return copy_world(_decided_template, tmp_path)


def appealed_world(tmp_path: Path) -> World:
    """The decided world plus an appeal on the decided submission with its arbitration panel drawn."""
    from workflows.services import submissions

    world = decided_world(tmp_path)
    sid = world.submissions["decided"]
    detail = submissions.get_submission(world.ctx, actor_id=world.chair.id, submission_id=sid)
    filed = appeal(world, sid, detail.decisions[0].id)
    draw(world, filed.id)
    world.submissions["appeal"] = filed.id
    return world


@pytest.fixture(scope="session")
def _appealed_template(tmp_path_factory) -> World:  # type: ignore[no-untyped-def]
    return appealed_world(tmp_path_factory.mktemp("arb_template"))


@pytest.fixture
def appealed(_appealed_template, tmp_path) -> World:  # type: ignore[no-untyped-def]
    return copy_world(_appealed_template, tmp_path)

"""Shared fixtures: a fresh migrated database per test (SQLite always, PostgreSQL when
TEST_POSTGRES_URL is set), a service context with a fixed clock and a small deterministic screener,
and a populated "world" of institutions, users and committees."""

from __future__ import annotations

import os
import random
import shutil
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL")


@pytest.fixture(autouse=True)
def _fast_password_hashing(monkeypatch):
    """argon2's production cost makes every created user ~0.1 s; tests use the same code, cheaper."""
    from argon2 import PasswordHasher

    import workflows.passwords as pw

    monkeypatch.setattr(pw, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def _pg_schema_url(base: str, schema: str) -> str:
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory):
    """Migrated once per session; each test gets a copy (Alembic is still what built it)."""
    from workflows.migrate import upgrade

    path = tmp_path_factory.mktemp("template") / "template.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="module")
def _pg_schema():
    """One throwaway PostgreSQL schema per test module, migrated by Alembic; tests truncate it."""
    if not POSTGRES_URL:
        if os.environ.get("CI"):  # CI must never turn the PostgreSQL half of the suite into skips
            pytest.fail("CI is set but TEST_POSTGRES_URL is empty: PostgreSQL did not start")
        pytest.skip("TEST_POSTGRES_URL is not set")
    from sqlalchemy import create_engine

    from workflows.migrate import upgrade

    schema = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    url = _pg_schema_url(POSTGRES_URL, schema)
    try:
        upgrade(url)
        yield url
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


def _pg_reset(url: str) -> None:
    from sqlalchemy import create_engine, text

    from workflows.models import Base

    eng = create_engine(url)
    with eng.begin() as conn:
        names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        conn.execute(text("INSERT INTO audit_head (id, seq, last_hash) VALUES (1, 0, :h)"), {"h": "0" * 64})
    eng.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request, tmp_path):
    """A freshly migrated, empty database: a copy of the migrated SQLite template, or the module's
    PostgreSQL schema emptied."""
    if request.param == "sqlite":
        path = tmp_path / "test.db"
        shutil.copyfile(request.getfixturevalue("_sqlite_template"), path)
        return f"sqlite:///{path}"
    url = request.getfixturevalue("_pg_schema")
    _pg_reset(url)
    return url


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: Any) -> None:
        self.now += timedelta(**kw)


class FakeResult:
    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    def to_dict(self) -> dict[str, Any]:
        return self._data


class FakeScreener:
    """Deterministic stand-in for classifier's screener: 数学/英语 in the text means 学科类."""

    calls: list[Any]

    def __init__(self) -> None:
        self.calls = []

    def screen(self, inp: Any) -> FakeResult:
        self.calls.append(inp)
        pages = inp.pages or [inp.text or ""]
        findings = []
        for i, page in enumerate(pages, 1):
            pos = page.find("数学")
            if pos >= 0:
                findings.append({"kind": "subject_cue", "start": pos, "end": pos + 2, "page": i if inp.pages else None,
                                 "text": "数学", "detail": "数学"})
        category = "subject" if findings else "non_subject"
        return FakeResult({"category": category, "subject": "数学" if findings else None,
                           "probabilities": {"subject": 0.9 if findings else 0.1, "non_subject": 0.1 if findings else 0.9},
                           "overseas": False, "overseas_score": 0.0, "dimensions": {}, "findings": findings,
                           "model_version": "fake-1", "rules_version": "fake-rules-1"})


@pytest.fixture
def clock():
    return Clock(datetime(2026, 3, 2, 2, 0, tzinfo=timezone.utc))  # Monday 10:00 in Beijing


@pytest.fixture
def ctx(database_url, tmp_path, clock):
    from workflows.context import ServiceContext
    from workflows.db import Database
    from workflows.files import FileStore

    screener = FakeScreener()
    c = ServiceContext(db=Database(database_url), files=FileStore(tmp_path / "files"), clock=clock,
                       screener_loader=lambda: screener, rng=random.Random(7), data_dir=tmp_path)
    c.fake_screener = screener  # type: ignore[attr-defined]
    yield c
    c.db.dispose()


@dataclass
class World:
    inst_a: int
    inst_b: int
    staff_a: int
    staff_b: int
    chair: int
    admin: int
    experts: list[int]
    arbitrators: list[int]
    review_committee: int
    arbitration_committee: int
    password: str = "Passw0rd!"


PASSWORD = World.password


@pytest.fixture
def world(ctx) -> World:
    """Two institutions, their staff, a chair, an admin, 5 experts (one works for institution A) and
    4 arbitrators, with committees whose terms cover the test clock."""
    from datetime import date

    from workflows.services import admin

    a = admin.create_institution(ctx, actor_id=None, name="甲培训学校", district="东城区").id
    b = admin.create_institution(ctx, actor_id=None, name="乙艺术中心", district="西城区").id
    mk = lambda name, role, inst=None: admin.create_user(ctx, actor_id=None, username=name, password=PASSWORD,
                                                         display_name=name, role=role, institution_id=inst).id
    w = World(a, b, mk("staff_a", "institution", a), mk("staff_b", "institution", b), mk("chair", "chair"),
              mk("admin", "admin"), [], [], 0, 0)
    w.experts = [mk(f"expert{i}", "expert", a if i == 0 else None) for i in range(5)]
    w.arbitrators = [mk(f"arb{i}", "arbitrator") for i in range(4)]
    w.review_committee = admin.create_committee(ctx, actor_id=None, name="课程审查专家委员会", kind="review").id
    w.arbitration_committee = admin.create_committee(ctx, actor_id=None, name="仲裁委员会", kind="arbitration").id
    for e in w.experts:
        admin.add_committee_member(ctx, actor_id=None, committee_id=w.review_committee, user_id=e,
                                   term_start=date(2025, 1, 1), term_end=date(2027, 12, 31))
    for r in w.arbitrators:
        admin.add_committee_member(ctx, actor_id=None, committee_id=w.arbitration_committee, user_id=r,
                                   term_start=date(2025, 1, 1), term_end=date(2027, 12, 31))
    return w

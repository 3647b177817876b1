"""The command line on a real SQLite file: migrate, seed-demo (every state), verify-audit after tampering,
backup and restore, holidays import, overdue, finalize-expired, create-user."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(env, *args, ok=True):
    p = subprocess.run([sys.executable, "-m", "workflows", *args], cwd=ROOT, env=env, capture_output=True,
                       text=True, timeout=300)
    if ok:
        assert p.returncode == 0, p.stderr
    return p


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """A demo database made once by `migrate` + `seed-demo` (real ingest and the real classifier)."""
    d = tmp_path_factory.mktemp("demo")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{d / 'review.db'}", "REVIEW_DATA_DIR": str(d)}
    run(env, "migrate")
    out = run(env, "seed-demo", "--if-empty").stdout
    return d, env, out


def test_seed_demo_prints_accounts_and_fills_every_state(demo):
    d, env, out = demo
    for role in ("admin", "chair", "institution", "expert", "arbitrator"):
        assert role in out
    assert "chair-2026" in out
    con = sqlite3.connect(d / "review.db")
    states = {s for (s,) in con.execute("select distinct state from submission")}
    con.close()
    assert states >= {"draft", "submitted", "screened", "in_review", "decided", "revision", "appealed", "in_arbitration", "final"}
    assert "跳过" in run(env, "seed-demo", "--if-empty").stdout


def _copy(demo, tmp_path):
    d, env, _ = demo

    target = tmp_path / "copy.db"
    src = sqlite3.connect(d / "review.db")
    dst = sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    return target, {**env, "DATABASE_URL": f"sqlite:///{target}"}


@pytest.mark.parametrize("tamper", [
    "update audit_event set after = '{\"state\": \"final\"}' where seq = 12",
    "delete from audit_event where seq = 7",
    "delete from audit_event where seq = (select max(seq) from audit_event)",
    "update audit_event set actor_id = 999 where seq = 3",
])
def test_verify_audit_names_the_tampered_row(demo, tmp_path, tamper):
    db, env = _copy(demo, tmp_path)
    assert "audit chain intact" in run(env, "verify-audit").stdout
    con = sqlite3.connect(db)
    con.execute(tamper)
    con.commit()
    con.close()
    p = run(env, "verify-audit", ok=False)
    assert p.returncode != 0
    assert "seq" in p.stderr


def test_backup_prints_an_anchor_that_catches_a_truncated_tail(demo, tmp_path):
    db, env = _copy(demo, tmp_path)
    out = run(env, "backup", "--out", str(tmp_path / "a.zip")).stdout
    anchor = next(line.split(": ", 1)[1] for line in out.splitlines() if "audit anchor" in line)
    assert "anchor" in run(env, "verify-audit", "--anchor", anchor).stdout
    con = sqlite3.connect(db)
    seq = int(anchor.split(":")[0])
    con.execute("delete from audit_event where seq > ?", (seq - 2,))
    con.execute("update audit_head set seq = ?, last_hash = (select hash from audit_event where seq = ?)",
                (seq - 2, seq - 2))
    con.commit()
    con.close()
    assert "audit chain intact" in run(env, "verify-audit").stdout  # consistent on its own
    p = run(env, "verify-audit", "--anchor", anchor, ok=False)
    assert p.returncode == 2 and f"anchor seq {seq} is missing" in p.stderr
    assert run(env, "verify-audit", "--anchor", "nonsense", ok=False).returncode == 1


def test_backup_and_restore_round_trip(demo, tmp_path):
    d, env, _ = demo
    archive = tmp_path / "b.zip"
    run(env, "backup", "--out", str(archive))
    new_env = {**env, "DATABASE_URL": f"sqlite:///{tmp_path / 'restored.db'}", "REVIEW_DATA_DIR": str(tmp_path / "data")}
    run(new_env, "migrate")
    run(new_env, "restore", str(archive))
    assert "audit chain intact" in run(new_env, "verify-audit").stdout
    a, b = sqlite3.connect(d / "review.db"), sqlite3.connect(tmp_path / "restored.db")
    for table in ("submission", "verdict", "audit_event", "material_page"):
        assert a.execute(f"select count(*) from {table}").fetchone() == b.execute(f"select count(*) from {table}").fetchone()
    hashes = [h for (h,) in b.execute("select content_hash from material")]
    assert all((tmp_path / "data" / "files" / h[:2] / h[2:4] / h).exists() for h in hashes)
    assert run(new_env, "restore", str(archive), ok=False).returncode != 0  # refuses a non-empty database


def test_holidays_overdue_finalize_and_create_user(demo, tmp_path):
    db, env = _copy(demo, tmp_path)
    f = tmp_path / "h.csv"
    f.write_text("2027-01-01,holiday,元旦\n2027-02-07,workday,春节调休\n", encoding="utf-8")
    assert "2" in run(env, "holidays", "import", str(f)).stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("2027-02-30,holiday\n", encoding="utf-8")
    assert run(env, "holidays", "import", str(bad), ok=False).returncode == 1
    assert "overdue" in run(env, "overdue").stdout
    assert "finalized" in run(env, "finalize-expired").stdout
    out = run({**env, "REVIEW_NEW_PASSWORD": "Newpass123"}, "create-user", "--username", "e9", "--role", "expert").stdout
    assert "e9" in out

"""The hash chain on an in-memory schema: intact, edited, inserted and deleted rows are all named."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import delete, update

from workflows import audit
from workflows.db import Database
from workflows.files import FileStore
from workflows.migrate import upgrade
from workflows.models import AuditEvent


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'a.db'}"
    upgrade(url)
    d = Database(url)
    with d.write() as s:
        for i in range(5):
            audit.record(s, at=datetime(2026, 1, 1, 0, 0, i), actor_id=1, action=f"act{i}", object_type="x",
                         object_id=i, before={"n": i}, after={"n": i + 1, "when": datetime(2026, 1, 1)})
    yield d
    d.dispose()


def _problems(db):
    with db.read() as s:
        return audit.verify(s)


def test_intact_chain_verifies(db):
    assert _problems(db) == []


def test_edited_row_is_named(db):
    with db.write() as s:
        s.execute(update(AuditEvent).where(AuditEvent.seq == 3).values(after={"n": 99}))
    probs = _problems(db)
    assert probs and probs[0].seq == 3 and "edited" in probs[0].message


def test_deleted_middle_row_is_named(db):
    with db.write() as s:
        s.execute(delete(AuditEvent).where(AuditEvent.seq == 2))
    probs = _problems(db)
    assert any(p.seq == 3 for p in probs)


def test_deleted_last_row_is_detected_by_the_head(db):
    with db.write() as s:
        s.execute(delete(AuditEvent).where(AuditEvent.seq == 5))
    assert any("head" in p.message for p in _problems(db))


def test_inserted_row_is_detected(db):
    with db.write() as s:
        s.execute(update(AuditEvent).where(AuditEvent.seq >= 3).values(seq=AuditEvent.seq + 100))
        ev = AuditEvent(seq=3, at=datetime(2026, 1, 1), actor_id=1, action="forged", object_type="x", object_id=1,
                        prev_hash="f" * 64, hash="f" * 64)
        s.add(ev)
    assert _problems(db)


def test_file_store_is_content_addressed(tmp_path):
    fs = FileStore(tmp_path)
    h = fs.put(b"hello")
    assert fs.put(b"hello") == h and fs.get(h) == b"hello" and fs.all_hashes() == [h]
    fs.path_for(h).write_bytes(b"tampered")
    with pytest.raises(OSError):
        fs.get(h)
    with pytest.raises(ValueError):
        fs.path_for("../../etc/passwd")

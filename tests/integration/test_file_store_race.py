"""Uploads never delete a stored file in the request path (an identical upload may be in flight between
storing its bytes and writing its row), and appeal attachments are checked like materials."""

from __future__ import annotations

import pytest
from flows import COURSE, to_state
from sqlalchemy import select

from workflows.errors import ValidationFailed
from workflows.models import Decision
from workflows.services import appeals, materials, submissions

DATA = "同一份讲义：水彩画第一课。".encode()


def _fail_audit(monkeypatch):
    import workflows.audit as chain

    def boom(*a, **k):
        raise RuntimeError("simulated failure after the bytes were stored")

    monkeypatch.setattr(chain, "record", boom)


def test_failed_material_upload_keeps_bytes_another_upload_stored(ctx, world, monkeypatch):
    d = submissions.create_submission(ctx, actor_id=world.staff_a, **COURSE)
    in_flight = ctx.files.put(DATA)  # another request stored the same bytes and is about to write its row
    _fail_audit(monkeypatch)
    with pytest.raises(RuntimeError):
        materials.add_material(ctx, actor_id=world.staff_a, submission_id=d.id, filename="a.txt", data=DATA)
    monkeypatch.undo()
    assert ctx.files.exists(in_flight)
    m = materials.add_material(ctx, actor_id=world.staff_a, submission_id=d.id, filename="b.txt", data=DATA)
    assert materials.material_bytes(ctx, actor_id=world.staff_a, material_id=m.id) == DATA


def test_failed_appeal_keeps_bytes_another_upload_stored(ctx, world, monkeypatch):
    sid = to_state(ctx, world, "decided")
    with ctx.db.read() as s:
        did = s.scalar(select(Decision.id).where(Decision.submission_id == sid))
    in_flight = ctx.files.put(DATA)
    _fail_audit(monkeypatch)
    with pytest.raises(RuntimeError):
        appeals.file_appeal(ctx, actor_id=world.staff_a, decision_id=did, reasons="请复核本决定，理由见附件。",
                            files=[("附件.txt", DATA)])
    monkeypatch.undo()
    assert ctx.files.exists(in_flight)


def test_appeal_attachment_is_sniffed_like_a_material(ctx, world):
    sid = to_state(ctx, world, "decided")
    with ctx.db.read() as s:
        did = s.scalar(select(Decision.id).where(Decision.submission_id == sid))
    exe = b"MZ\x90\x00" + bytes(range(256)) * 4
    with pytest.raises(ValidationFailed) as err:
        appeals.file_appeal(ctx, actor_id=world.staff_a, decision_id=did, reasons="请复核本决定，理由见附件。",
                            files=[("tool.exe", exe)])
    assert "tool.exe" in err.value.message
    assert not ctx.files.exists(ctx.files.digest(exe))
    ap = appeals.file_appeal(ctx, actor_id=world.staff_a, decision_id=did, reasons="请复核本决定，理由见附件。",
                             files=[("新课表.txt", DATA)])
    assert appeals.appeal_file_bytes(ctx, actor_id=world.staff_a, file_id=ap.files[0][0]) == DATA

"""authenticate(): unknown users cost a password hash too (no timing oracle), and a successful login
is audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from workflows.errors import AuthenticationFailed
from workflows.models import AuditEvent
from workflows.services import auth


def test_unknown_user_still_runs_the_password_hash(ctx, world, monkeypatch):
    import workflows.services.auth as auth_mod

    calls = []
    real = auth_mod.verify_password
    monkeypatch.setattr(auth_mod, "verify_password", lambda stored, pw: calls.append(stored) or real(stored, pw))
    with pytest.raises(AuthenticationFailed):
        auth.authenticate(ctx, username="nobody-here", password="Passw0rd!")
    assert len(calls) == 1


def test_successful_login_is_audited(ctx, world):
    u = auth.authenticate(ctx, username="staff_a", password=world.password)
    with ctx.db.read() as s:
        events = list(s.scalars(select(AuditEvent).where(AuditEvent.action == "login")))
    assert [(e.actor_id, e.object_id) for e in events] == [(u.id, u.id)]

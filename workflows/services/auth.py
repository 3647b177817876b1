"""Authentication: argon2 password check with lock-out after repeated failures (settings)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from workflows.context import ServiceContext
from workflows.errors import AuthenticationFailed, NotAuthorized, ValidationFailed
from workflows.models import User
from workflows.passwords import check_strength, dummy_hash, hash_password, verify_password
from workflows.services._base import get_actor, load_settings, record, write
from workflows.services.convert import user_view
from workflows.views import UserView


def authenticate(ctx: ServiceContext, *, username: str, password: str) -> UserView:
    """The user's view on success. AuthenticationFailed on a wrong name or password (same message, so
    names cannot be probed) or when the account is locked; each failure counts towards the lock-out."""
    locked_msg = None
    with write(ctx) as s:
        # Locked so that simultaneous wrong guesses are all counted.
        user = s.execute(select(User).where(User.username == username).with_for_update()).scalar_one_or_none()
        if user is None or not user.active:
            verify_password(dummy_hash(), password)  # same cost as a real check: names cannot be probed by timing
            raise AuthenticationFailed()
        now = ctx.now()
        if user.locked_until and user.locked_until > now:
            minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
            raise AuthenticationFailed(f"登录失败次数过多，账户已锁定，请约 {minutes} 分钟后再试。",
                                       f"Too many failed logins; the account is locked for about {minutes} min.")
        settings = load_settings(s)
        if verify_password(user.password_hash, password):
            if user.failed_logins or user.locked_until:
                user.failed_logins = 0
                user.locked_until = None
            record(s, ctx, actor_id=user.id, action="login", object_type="user", object_id=user.id)
            return user_view(user)
        user.failed_logins += 1
        if user.failed_logins >= settings.login_max_failures:
            user.locked_until = now + timedelta(minutes=settings.login_lockout_minutes)
            user.failed_logins = 0
            record(s, ctx, actor_id=None, action="account_locked", object_type="user", object_id=user.id,
                   after={"locked_until": user.locked_until})
            locked_msg = (f"登录失败次数过多，账户已锁定 {settings.login_lockout_minutes} 分钟。",
                          f"Too many failed logins; the account is locked for {settings.login_lockout_minutes} min.")
    # The failure count must be committed, so the error is raised after the transaction ends.
    if locked_msg:
        raise AuthenticationFailed(*locked_msg)
    raise AuthenticationFailed()


def change_password(ctx: ServiceContext, *, actor_id: int, old_password: str, new_password: str) -> None:
    with write(ctx) as s:
        user = get_actor(s, actor_id)
        if not verify_password(user.password_hash, old_password):
            raise NotAuthorized("原密码不正确。", "The current password is wrong.")
        problem = check_strength(new_password)
        if problem:
            raise ValidationFailed(problem, "The new password is too weak.")
        user.password_hash = hash_password(new_password)
        record(s, ctx, actor_id=actor_id, action="change_password", object_type="user", object_id=user.id)

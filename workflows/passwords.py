"""Password hashing with argon2id (argon2-cffi)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def check_strength(password: str) -> str | None:
    """A Chinese problem description, or None when acceptable."""
    if len(password) < 8:
        return "密码至少 8 位。"
    if password.isdigit() or password.isalpha():
        return "密码须同时包含字母和数字。"
    return None

"""Password hashing with argon2id (argon2-cffi)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


_dummy: tuple[PasswordHasher, str] | None = None


def dummy_hash() -> str:
    """A hash with the current parameters, checked for unknown user names so they cost the same time."""
    global _dummy
    if _dummy is None or _dummy[0] is not _hasher:
        _dummy = (_hasher, _hasher.hash("dummy-password-0"))
    return _dummy[1]


def verify_password(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def check_strength(password: str) -> str | None:
    """A Chinese problem description, or None when acceptable."""
    if len(password) < 8:
        return "密码至少 8 位。"
    # At least one letter and one digit, as documented (isdigit/isalpha alone let "!!!!!!!!" through).
    if not any(c.isalpha() for c in password) or not any(c.isdigit() for c in password):
        return "密码须同时包含字母和数字。"
    return None

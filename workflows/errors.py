"""Domain errors: the only exceptions services raise on purpose. `message` is Chinese for the user."""

from __future__ import annotations


class DomainError(Exception):
    """Base class. `message` (简体中文) is shown to users; `message_en` for the English interface."""

    default_zh = "操作失败。"
    default_en = "The operation failed."

    def __init__(self, message: str | None = None, message_en: str | None = None) -> None:
        self.message = message or self.default_zh
        self.message_en = message_en or self.default_en
        super().__init__(f"{self.message} ({self.message_en})")


class NotAuthorized(DomainError):
    default_zh = "您无权执行此操作。"
    default_en = "You are not allowed to do this."


class NotFound(DomainError):
    default_zh = "找不到该记录，或您无权查看。"
    default_en = "Not found, or you may not see it."


class InvalidTransition(DomainError):
    default_zh = "当前状态下不能执行此操作。"
    default_en = "This action is not allowed in the current state."


class ValidationFailed(DomainError):
    default_zh = "填写的内容有误。"
    default_en = "The input is not valid."


class ConcurrentChange(DomainError):
    default_zh = "该记录刚被其他人修改，请刷新后重试。"
    default_en = "Someone else changed this record just now; reload and try again."


class AuthenticationFailed(DomainError):
    default_zh = "用户名或密码错误。"
    default_en = "Wrong username or password."

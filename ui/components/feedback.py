"""Run a service call so that a refused action shows the service's sentence and nothing else breaks.

A `workflows.errors.DomainError` becomes `st.error(message)` in the chosen language; any other
exception becomes one generic Chinese (or English) sentence while the traceback goes to the log only.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, TypeVar

import streamlit as st

from ui.context import UIContext

log = logging.getLogger("ui")

T = TypeVar("T")

GENERIC_ZH = "操作未能完成：系统发生意外错误，已记录日志。请稍后重试，或联系管理员。"
GENERIC_EN = "The action could not be completed because of an unexpected error; it has been logged. Please retry later or contact the administrator."

_FLASH_KEY = "_ui_flash"


class _Failed:
    """Sentinel returned when a call failed (falsy, so `if result:` style checks stay simple)."""

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "FAILED"


FAILED: Any = _Failed()


def _domain_error_type() -> type[BaseException] | None:
    try:
        from workflows.errors import DomainError
    except Exception:  # workflows not importable yet: treat everything as unexpected
        return None
    return DomainError


def error_message(ui: UIContext, exc: BaseException) -> str:
    """The sentence to show for an exception: the service's own message, or the generic one."""
    domain = _domain_error_type()
    if domain is not None and isinstance(exc, domain):
        zh = getattr(exc, "message", None) or str(exc)
        en = getattr(exc, "message_en", None) or zh
        return ui.t(zh, en)
    code = getattr(exc, "message_zh", None)
    if code is not None:  # ingest.IngestError carries both languages too
        return ui.t(exc.message_zh, getattr(exc, "message_en", None) or exc.message_zh)  # type: ignore[attr-defined]
    return ui.t(GENERIC_ZH, GENERIC_EN)


def run_service(ui: UIContext, fn: Callable[..., T], /, *args: Any, show_error: bool = True,
                **kwargs: Any) -> T | Any:
    """Call fn(*args, **kwargs); on failure show one sentence and return FAILED (falsy)."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - the user must never see a traceback
        domain = _domain_error_type()
        expected = (domain is not None and isinstance(exc, domain)) or hasattr(exc, "message_zh")
        if not expected:
            log.exception("unexpected error in %s", getattr(fn, "__qualname__", fn))
        if show_error:
            st.error(error_message(ui, exc))
        return FAILED


def act(ui: UIContext, fn: Callable[..., T], /, **kwargs: Any) -> T | Any:
    """A service call in the convention `fn(ctx, *, actor_id, ...)` on behalf of the logged-in user."""
    return run_service(ui, fn, ui.services, actor_id=ui.user_id, **kwargs)


def failed(result: Any) -> bool:
    return result is FAILED


def flash(message: str, kind: str = "success") -> None:
    """Keep a message across the st.rerun() that usually follows a successful action."""
    st.session_state.setdefault(_FLASH_KEY, []).append((kind, message))


def show_flashes() -> None:
    for kind, message in st.session_state.pop(_FLASH_KEY, []):
        getattr(st, kind, st.info)(message)

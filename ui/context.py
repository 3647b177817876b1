"""What every page receives: the service context, the logged-in user and the chosen language."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

LANGUAGES: dict[str, str] = {"zh": "简体中文", "en": "English"}


@dataclass
class UIContext:
    services: Any  # workflows.context.ServiceContext (kept untyped so ui imports stay light)
    user: Any | None  # the logged-in user's view from the auth service; None on public pages
    lang: str = "zh"
    # Set by ui.app: switch to another page by its url_path (no-op in single-page test harnesses).
    navigate: Callable[[str], None] | None = field(default=None, repr=False)

    def t(self, zh: str, en: str) -> str:
        """The string in the chosen language; Chinese unless English was chosen."""
        return en if self.lang == "en" else zh

    @property
    def user_id(self) -> int | None:
        return getattr(self.user, "id", None) if self.user is not None else None

    @property
    def role(self) -> str | None:
        return getattr(self.user, "role", None) if self.user is not None else None

    def goto(self, url_path: str) -> None:
        if self.navigate is not None:
            self.navigate(url_path)

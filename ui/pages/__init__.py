"""Page convention shared by every role's pages (see docs/ARCHITECTURE.md, section UI).

Each page module `ui/pages/<role>/<name>.py` exposes `render(ui: UIContext) -> None`; each role package
`ui/pages/<role>/__init__.py` exposes `PAGES: list[PageSpec]`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from ui.context import UIContext


@dataclass(frozen=True)
class PageSpec:
    render: Callable[["UIContext"], None]
    title_zh: str
    title_en: str
    url_path: str  # unique across all roles: prefix it with the role, e.g. "institution_courses"
    icon: str | None = None

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_zh


ROLES: tuple[str, ...] = ("institution", "expert", "chair", "arbitrator", "admin")


def pages_for_role(role: str) -> list[PageSpec]:
    """The PAGES of one role, imported lazily so a role whose pages are not written yet yields []."""
    import importlib

    if role not in ROLES:
        return []
    try:
        module = importlib.import_module(f"ui.pages.{role}")
    except ModuleNotFoundError as exc:
        # Only swallow the role package itself being absent; a broken import inside it must surface.
        if exc.name in (f"ui.pages.{role}",):
            return []
        raise
    return list(getattr(module, "PAGES", []))

"""Result types: a Document of numbered pages plus facts about it."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

PageMethod = Literal["text", "fallback", "ocr", "unreadable"]
Kind = Literal["pdf", "docx", "pptx", "txt", "image"]


@dataclass
class Page:
    number: int            # 1-based, as the reviewer sees it
    text: str              # NFKC-normalised, "\n" line ends: what analysis and offsets use
    display_text: str      # original characters, for display
    method: PageMethod


@dataclass(frozen=True)
class IsbnFact:
    isbn: str              # digits (and X) only
    valid: bool            # checksum holds
    group: str | None      # registration group ("7" = China); None when invalid
    foreign: bool          # valid and group != "7"


@dataclass
class DocumentFacts:
    kind: Kind
    page_count: int
    isbns: list[IsbnFact] = field(default_factory=list)
    has_cip: bool = False
    origin_guess: Literal["published", "self_compiled"] = "self_compiled"
    publishers: list[str] = field(default_factory=list)
    unreadable_pages: list[int] = field(default_factory=list)
    page_methods: dict[str, int] = field(default_factory=dict)  # method -> page count


@dataclass
class Document:
    filename: str
    pages: list[Page]
    facts: DocumentFacts
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """All page texts joined by blank lines (for callers that do not need pages)."""
        return "\n\n".join(p.text for p in self.pages)

    def to_dict(self) -> dict:
        return asdict(self)

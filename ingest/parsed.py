"""What a format reader hands back before OCR and normalisation."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

RawMethod = Literal["text", "fallback", "ocr_needed", "unreadable"]


@dataclass
class ParsedPage:
    number: int
    raw: str
    method: RawMethod


@dataclass
class Parsed:
    kind: str
    pages: list[ParsedPage]
    warnings: list[str] = field(default_factory=list)

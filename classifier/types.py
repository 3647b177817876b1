"""Public data types of the screener (docs/ARCHITECTURE.md)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, time
from typing import Callable, Literal

Category = Literal["subject", "non_subject", "uncertain"]


@dataclass(frozen=True)
class TimetableSession:
    date: date
    start: time
    end: time


@dataclass(frozen=True)
class ScreeningInput:
    text: str | None = None
    pages: list[str] | None = None  # when given, evidence carries 1-based page numbers
    title: str | None = None
    grade: int | None = None  # 0 = preschool, 1..12
    declared_category: Literal["subject", "non_subject"] | None = None
    audience: Literal["preschool", "primary", "junior", "senior"] | None = None
    mode: Literal["online", "offline"] | None = None
    timetable: list[TimetableSession] = field(default_factory=list)
    rest_day: Callable[[date], bool] | None = None  # holiday/weekend predicate supplied by workflows
    school_breaks: list[tuple[date, date]] = field(default_factory=list)


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str
    detail: str
    page: int | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ScreeningResult:
    category: Category
    subject: str | None
    probabilities: dict[str, float]
    overseas: bool
    overseas_score: float
    dimensions: dict[str, list[Finding]]
    findings: list[Finding]
    model_version: str
    rules_version: str

    def to_dict(self) -> dict:
        return {
            "category": self.category,
            "subject": self.subject,
            "probabilities": dict(self.probabilities),
            "overseas": self.overseas,
            "overseas_score": self.overseas_score,
            "dimensions": {k: [f.to_dict() for f in v] for k, v in self.dimensions.items()},
            "findings": [f.to_dict() for f in self.findings],
            "model_version": self.model_version,
            "rules_version": self.rules_version,
        }

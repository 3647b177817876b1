"""Read labelled JSONL records (corpus/SCHEMA.md)."""
from __future__ import annotations

import json
from pathlib import Path

from .analysis import SUBJECT_CATEGORY


def corpus_files(path: Path) -> list[Path]:
    path = Path(path)
    if path.is_file():
        return [path]
    return sorted(path.glob("*.jsonl"))


def read_records(path: Path) -> list[dict]:
    """Every valid record; malformed lines are skipped (corpus files arrive while others write them)."""
    out = []
    for f in corpus_files(path):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if not line:
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError:
                continue
            if not isinstance(r, dict) or not isinstance(r.get("text"), str):
                continue
            if r.get("category") not in ("subject", "non_subject"):
                continue
            r.setdefault("id", f"{f.stem}:{n}")
            out.append(r)
    return out


def subject_label(r: dict) -> str | None:
    s = r.get("subject")
    if not s:
        return None
    # Keep the subject consistent with the category (the category is the primary label).
    if (s in SUBJECT_CATEGORY) != (r["category"] == "subject"):
        return None
    return s

"""Checksum-validated ISBN detection; group 7 is China, any other group is a foreign-publisher signal."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Digits with optional hyphens/spaces; "isbn" before it is optional for 978/979 numbers. Every match
# starts with "i" or a digit: the look-ahead lets the scan skip other positions cheaply (2x faster).
_CANDIDATE = re.compile(r"(?=[i\d])(isbn(?:-1[03])?[\s:：]*)?((?:\d[-\s]?){9,12}[\dx])(?![\dx])")


@dataclass(frozen=True)
class IsbnHit:
    start: int
    end: int
    isbn: str  # digits only (13 or 10)
    group: str
    foreign: bool


def _valid10(d: str) -> bool:
    if len(d) != 10 or not d[:9].isdigit() or not (d[9].isdigit() or d[9] == "x"):
        return False
    total = sum((10 - i) * int(c) for i, c in enumerate(d[:9])) + (10 if d[9] == "x" else int(d[9]))
    return total % 11 == 0


def _valid13(d: str) -> bool:
    if len(d) != 13 or not d.isdigit() or not d.startswith(("978", "979")):
        return False
    return sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(d)) % 10 == 0


def _group(body: str) -> str:
    """Registration group of the 9-digit body after the 978 prefix (ranges from the ISBN agency)."""
    first = body[0]
    if first in "0123457":
        return first
    if first == "6":
        return body[:3]
    if first == "8":
        return body[:2]
    two = int(body[:2])
    if two <= 94:
        return body[:2]
    three = int(body[:3])
    if three <= 989:
        return body[:3]
    four = int(body[:4])
    if four <= 9989:
        return body[:4]
    return body[:5]


def find_isbns(text: str) -> list[IsbnHit]:
    """text is normalised (lower-case ASCII)."""
    hits = []
    for m in _CANDIDATE.finditer(text):
        if m.start(2) > 0 and text[m.start(2) - 1].isdigit():
            continue
        raw = m.group(2).rstrip("- ")
        digits = re.sub(r"[-\s]", "", raw)
        labelled = m.group(1) is not None
        if len(digits) == 13 and _valid13(digits):
            if digits.startswith("979"):
                group = "979-" + digits[3:5]
                foreign = True
            else:
                group = _group(digits[3:])
                foreign = group != "7"
        elif len(digits) == 10 and labelled and _valid10(digits):
            group = _group(digits)
            foreign = group != "7"
        else:
            continue
        hits.append(IsbnHit(m.start(1) if labelled else m.start(2), m.start(2) + len(raw), digits, group, foreign))
    return hits

"""Facts read from the text: ISBNs (checksum-validated), CIP block, publishers, origin guess."""
from __future__ import annotations

import re
from collections.abc import Iterable

from .model import IsbnFact

_SEP = r"[\s\-‐‑–—－]"
# "ISBN 978-7-107-..." / "ISBN：7-107-..." / "ISBN-13: ..." — the prefix makes even a bad checksum worth reporting.
_ISBN_PREFIXED = re.compile(
    rf"ISBN(?:-?1[03])?\s*[:：]?\s*((?:\d{_SEP}?){{9,12}}[\dXx])(?![\dXx])", re.IGNORECASE
)
# A bare 13-digit EAN starting 978/979 counts only when its checksum holds.
_ISBN_BARE = re.compile(rf"(?<![\d\-])97[89](?:{_SEP}?\d){{10}}(?![\dXx])")
_CIP = re.compile(r"图书在版编目|在版编目\s*[(（]?\s*CIP|CIP\s*数据核字", re.IGNORECASE)
# Found by the suffix first, then the name read backwards: scanning every CJK position with a
# {2,16} prefix is ~16x slower on dense Chinese pages.
_PUBLISHER_SUFFIX = re.compile(r"出版社|出版集团|出版公司|书局|印书馆")
_NAME_BEFORE = re.compile(r"[\u4e00-\u9fff]{2,16}$")
_PUBLISHER_EN = re.compile(
    r"(?<![A-Za-z])(?:[A-Z][A-Za-z&'\.\-]*\s+){0,4}(?:University Press|Press|Publishing(?: Group| House)?|Publishers|"
    r"Education(?= Ltd| Inc| Limited))\b"
)
_PUBLISHER_EN_KNOWN = re.compile(r"(?<![A-Za-z])(?:Pearson|McGraw[- ]Hill|Houghton Mifflin(?: Harcourt)?|Scholastic|"
                                 r"Macmillan|Wiley|Springer|Cengage|Heinemann)\b")
# Words that sit before a publisher name in running text ("本书由人民教育出版社出版").
_LEADING_NOISE = re.compile(r"^(?:另见|参见|详见|见|本书|本教材|此书|该书|经|由|交|在|为|是|和|与|及|向|请|从|据|原|按)+")


def _isbn13_ok(d: str) -> bool:
    return len(d) == 13 and d.isdigit() and sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(d)) % 10 == 0


def _isbn10_ok(d: str) -> bool:
    if len(d) != 10 or not d[:9].isdigit() or not (d[9].isdigit() or d[9] in "Xx"):
        return False
    total = sum((10 - i) * int(c) for i, c in enumerate(d[:9])) + (10 if d[9] in "Xx" else int(d[9]))
    return total % 11 == 0


def registration_group(body: str, prefix: str = "978") -> str:
    """Registration group of an ISBN body (digits after the 978/979 prefix), per the ISBN range table."""
    if prefix == "979":
        return body[:1] if body[0] == "8" else body[:2]
    first = body[0]
    if first in "0123457":
        return first
    if first == "6":
        return body[:2] if body[:2] == "65" else body[:3]
    if first == "8":
        return body[:2]
    two, three, four = int(body[:2]), int(body[:3]), int(body[:4])
    if 95 <= two <= 98 or three <= 989:
        return body[:3]
    if four <= 9989:
        return body[:4]
    return body[:5]


def check_isbn(raw: str) -> IsbnFact:
    digits = re.sub(r"[^\dXx]", "", raw).upper()
    if len(digits) == 13 and _isbn13_ok(digits) and digits[:3] in ("978", "979"):
        group = registration_group(digits[3:], digits[:3])
        return IsbnFact(digits, True, group, group != "7")
    if len(digits) == 10 and _isbn10_ok(digits):
        group = registration_group(digits)
        return IsbnFact(digits, True, group, group != "7")
    return IsbnFact(digits, False, None, False)


def find_isbns(text: str) -> list[IsbnFact]:
    found: dict[str, IsbnFact] = {}
    for m in _ISBN_PREFIXED.finditer(text):
        digits = re.sub(r"[^\dXx]", "", m.group(1)).upper()
        # the match may run on into a following number ("ISBN 7-107-12345-X 1998"): try both lengths
        candidates = [check_isbn(digits[:13]), check_isbn(digits[:10])] if len(digits) > 10 else [check_isbn(digits)]
        fact = next((c for c in candidates if c.valid), candidates[0])
        found.setdefault(fact.isbn, fact)
    for m in _ISBN_BARE.finditer(text):
        fact = check_isbn(m.group(0))
        if fact.valid:
            found.setdefault(fact.isbn, fact)
    return list(found.values())


def find_publishers(text: str) -> list[str]:
    names: dict[str, None] = {}
    previous_end = 0
    for m in _PUBLISHER_SUFFIX.finditer(text):
        # never reach back into the previous name ("中华书局与商务印书馆" is two publishers)
        before = _NAME_BEFORE.search(text, max(previous_end, m.start() - 16), m.start())
        previous_end = m.end()
        if before is None:
            continue
        name = _LEADING_NOISE.sub("", before.group(0) + m.group(0))
        # "出版社" alone, "某出版社" and form labels ("刊物名称或出版社") are not names
        if len(name) >= 4 and not any(word in name for word in ("名称", "或", "某")):
            names.setdefault(name, None)
    for pattern in (_PUBLISHER_EN, _PUBLISHER_EN_KNOWN):
        for m in pattern.finditer(text):
            name = m.group(0).strip()
            if len(name) > 5 and not any(name in known for known in names):
                names.setdefault(name, None)
    return list(names)


def has_cip(text: str) -> bool:
    return bool(_CIP.search(text))


def document_facts(texts: Iterable[str]) -> tuple[list[IsbnFact], bool, str, list[str]]:
    """(isbns, has_cip, origin_guess, publishers) for the analysed page texts."""
    isbns: dict[str, IsbnFact] = {}
    publishers: dict[str, None] = {}
    cip = False
    for text in texts:
        for fact in find_isbns(text):
            isbns.setdefault(fact.isbn, fact)
        for name in find_publishers(text):
            publishers.setdefault(name, None)
        cip = cip or has_cip(text)
    origin = "published" if cip or any(f.valid for f in isbns.values()) else "self_compiled"
    return list(isbns.values()), cip, origin, list(publishers)

"""Normalise text for analysis (NFKC, traditional -> simplified) while keeping offsets into the original."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


_NFKC_CACHE: dict[str, str] = {}  # per-character NFKC; the alphabet of real texts is small


@dataclass(frozen=True)
class NormalizedText:
    original: str
    text: str  # analysed text: NFKC + simplified + lower-case ASCII
    starts: tuple[int, ...]  # starts[i] = original offset of normalised char i
    ends: tuple[int, ...]  # ends[i] = original end offset of normalised char i

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised [start, end) to the original text."""
        if end <= start:
            o = self.starts[start] if start < len(self.starts) else len(self.original)
            return o, o
        return self.starts[start], self.ends[end - 1]

    def original_text(self, start: int, end: int) -> str:
        s, e = self.span(start, end)
        return self.original[s:e]


def _convert_t2s(text: str) -> str:
    """t2s that never changes length: a chunk whose length changes keeps its original characters."""
    conv = _t2s().convert(text)
    if len(conv) == len(text):
        return conv
    # Rare multi-char phrase mappings: convert line by line, then char by char, keeping what is length-stable.
    out = []
    for line in text.splitlines(keepends=True):
        c = _t2s().convert(line)
        if len(c) == len(line):
            out.append(c)
            continue
        for ch in line:
            cc = _t2s().convert(ch)
            out.append(cc if len(cc) == 1 else ch)
    return "".join(out)


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    # lower() of a few code points (e.g. "İ") changes length; those keep their case.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def normalize(original: str) -> NormalizedText:
    if unicodedata.is_normalized("NFKC", original):  # fast path: offsets are the identity
        n = len(original)
        simp = _lower_same_length(_convert_t2s(original))
        return NormalizedText(original, simp, tuple(range(n)), tuple(range(1, n + 1)))
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    cache = _NFKC_CACHE
    for i, ch in enumerate(original):
        n = cache.get(ch)
        if n is None:
            n = cache[ch] = unicodedata.normalize("NFKC", ch)
        if not n:
            continue
        for sub in n:
            chars.append(sub)
            starts.append(i)
            ends.append(i + 1)
    nfkc = "".join(chars)
    simp = _lower_same_length(_convert_t2s(nfkc))
    return NormalizedText(original, simp, tuple(starts), tuple(ends))

"""Normalise text for analysis (NFKC, traditional -> simplified) while keeping offsets into the original."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


_NFKC_TABLE: dict[int, str] = {}  # ord -> NFKC of that character, for characters NFKC changes
_NFKC_SEEN: set[str] = set()
_NFKC_CHANGED: set[str] = set()  # characters NFKC changes (fullwidth punctuation, ligatures …)
_NFKC_ODD: set[str] = set()  # characters whose NFKC is not exactly one character (ﬁ -> fi, … -> ...)


@dataclass(frozen=True)
class NormalizedText:
    original: str
    text: str  # analysed text: NFKC + simplified + lower-case ASCII
    starts: tuple[int, ...] | None  # starts[i] = original offset of normalised char i (None: identity)
    ends: tuple[int, ...] | None  # ends[i] = original end offset of normalised char i

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised [start, end) to the original text."""
        if self.starts is None or self.ends is None:
            return start, end
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


def _nfkc_table(chars: set[str]) -> dict[int, str]:
    for ch in chars - _NFKC_SEEN:
        n = unicodedata.normalize("NFKC", ch)
        if n != ch:
            _NFKC_TABLE[ord(ch)] = n
            if len(n) != 1:
                _NFKC_ODD.add(ch)
            _NFKC_CHANGED.add(ch)
        _NFKC_SEEN.add(ch)  # last: another thread never sees a character as known before its entries
    return _NFKC_TABLE


def _apply_nfkc(original: str, chars: set[str], table: dict[int, str]) -> str:
    """original.translate(table), done as a few str.replace calls: a text holds only a handful of distinct
    characters NFKC changes, and replace runs at C speed where translate looks up every character."""
    changed = chars & _NFKC_CHANGED
    if not changed:
        return original
    out = original
    for ch in changed:
        rep = table[ord(ch)]
        if not changed.isdisjoint(rep):  # a replacement would be rewritten again: not equivalent
            return original.translate(table)
        out = out.replace(ch, rep)
    return out


def normalize(original: str) -> NormalizedText:
    """Per-character NFKC, then t2s and lower-case, with a map back to original offsets."""
    chars = set(original)
    table = _nfkc_table(chars)
    nfkc = _apply_nfkc(original, chars, table)
    if _NFKC_ODD.isdisjoint(chars):  # every character maps to exactly one: offsets are unchanged
        return NormalizedText(original, _lower_same_length(_convert_t2s(nfkc)), None, None)
    # Some characters expanded (ﬁ -> fi, … -> ...) or vanished: each original offset repeats as many
    # times as its character's NFKC is long.
    cps = np.frombuffer(original.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    widths = np.ones(len(cps), dtype=np.intp)
    for ch in chars & _NFKC_ODD:
        widths[cps == ord(ch)] = len(table[ord(ch)])
    starts_arr = np.repeat(np.arange(len(cps)), widths)
    starts = starts_arr.tolist()
    ends = (starts_arr + 1).tolist()
    return NormalizedText(original, _lower_same_length(_convert_t2s(nfkc)), tuple(starts), tuple(ends))

"""Lexicons from corpus/lexicons/ and a longest-first term matcher over normalised text."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .settings import LEXICON_DIR

_NEGATORS = "不无没非禁拒未免别勿"
# Compounds that start with a negator character but do not negate what follows.
_NOT_NEGATING = ("不会就", "不会的", "不懂就", "不懂的", "不同", "不断", "不仅", "不少", "不错", "不但", "不管", "不久", "无论", "非常", "无限", "未来", "免费")
_CLAUSE_BREAK = "，。；：！？、,.;:!?\n()（）【】「」“”"


class Match(NamedTuple):  # a tuple, not a frozen dataclass: ~50 are made per page, and tuples are cheap
    start: int  # offsets into the normalised text
    end: int
    term: str
    entry: dict
    negated: bool


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class TermMatcher:
    """Finds lexicon terms (lower-case) in normalised text, longest first, without overlaps.

    Scanning goes left to right: at the leftmost position where some term starts, the longest term
    starting there is taken and the scan resumes after it. ASCII terms must sit on ASCII word boundaries
    so "sat" does not fire inside "saturday" (a term failing that check still consumes its span);
    Chinese terms match anywhere, as char tokens would. Entries whose term starts with "re:" are regexes.

    One Aho-Corasick automaton finds every occurrence at C speed (a regex alternation of ~500 terms cost
    ~0.3 ms per 1,000 characters); the leftmost-longest choice is made here because the library's own
    iter_long misses matches in some overlap cases.
    """

    def __init__(self, entries: list[dict]):
        import ahocorasick

        self._by_term: dict[str, list[dict]] = {}
        self._regexes: list[tuple[re.Pattern, dict]] = []
        for e in entries:
            term = e["term"]
            if term.startswith("re:"):
                self._regexes.append((re.compile(term[3:]), e))
            else:
                self._by_term.setdefault(term.lower(), []).append(e)
        self._ac = None
        if self._by_term:
            ac = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
            for term in self._by_term:
                # (length, term, needs the ASCII boundary check at its start, at its end)
                ac.add_word(term, (len(term), term, _is_word_char(term[0]), _is_word_char(term[-1])))
            ac.make_automaton()
            self._ac = ac

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, term) of the plain-term matches, in text order."""
        if self._ac is None:
            return []
        longest: dict[int, tuple] = {}  # start -> value of the longest term starting there
        for last, value in self._ac.iter(text):
            s = last + 1 - value[0]
            cur = longest.get(s)
            if cur is None or cur[0] < value[0]:
                longest[s] = value
        out = []
        pos = 0
        n = len(text)
        for s in sorted(longest):
            if s < pos:
                continue
            length, term, check_start, check_end = longest[s]
            e = s + length
            pos = e
            if check_start and s > 0 and _is_word_char(text[s - 1]):
                continue
            if check_end and e < n and _is_word_char(text[e]):
                continue
            out.append((s, e, term))
        return out

    def find(self, text: str) -> list[Match]:
        out: list[Match] = []
        for s, e, term in self.spans(text):
            negated = _negated(text, s)
            for entry in self._by_term[term]:
                out.append(Match(s, e, term, entry, negated))
        if self._regexes:  # the term matches are already in (start, -end) order
            for rx, entry in self._regexes:
                for m in rx.finditer(text):
                    out.append(Match(m.start(), m.end(), m.group(), entry, _negated(text, m.start())))
            out.sort(key=lambda m: (m.start, -m.end))
        return out


_NEGATOR_SET = frozenset(_NEGATORS)


def _negated(text: str, start: int) -> bool:
    """A cue shortly after a negator in the same clause (不讲题, 无排名, 不承诺提分) is the opposite of a cue."""
    lo = max(0, start - 4)
    if _NEGATOR_SET.isdisjoint(text[lo:start]):  # the usual case: no negator in reach at all
        return False
    for i in range(start - 1, lo - 1, -1):  # stay inside the clause
        if text[i] in _CLAUSE_BREAK:
            lo = i + 1
            break
    for i in range(lo, start):
        if text[i] in _NEGATORS and not text.startswith(_NOT_NEGATING, i):
            return True
    return False


def _read_csv(name: str, lexicon_dir: Path) -> list[dict]:
    with open(lexicon_dir / name, encoding="utf-8", newline="") as f:
        return [dict(r) for r in csv.DictReader(f)]


@dataclass(frozen=True)
class Lexicons:
    cues: TermMatcher
    knowledge: TermMatcher
    overseas: TermMatcher
    redflags: TermMatcher
    fingerprint: str


@lru_cache(maxsize=4)
def load_lexicons(lexicon_dir: str | None = None) -> Lexicons:
    import hashlib

    d = Path(lexicon_dir) if lexicon_dir else LEXICON_DIR
    names = ["cues.csv", "knowledge_points.csv", "overseas.csv", "redflags.csv"]
    h = hashlib.sha256()
    for n in names:
        h.update((d / n).read_bytes())
    kp = _read_csv("knowledge_points.csv", d)
    for e in kp:
        e["grade"] = int(e["grade"])
        e["stage_start"] = int(e["stage_start"])
    cues = _read_csv("cues.csv", d)
    for e in cues:
        e["weight"] = float(e["weight"])
    return Lexicons(
        cues=TermMatcher(cues),
        knowledge=TermMatcher(kp),
        overseas=TermMatcher(_read_csv("overseas.csv", d)),
        redflags=TermMatcher(_read_csv("redflags.csv", d)),
        fingerprint=h.hexdigest()[:12],
    )

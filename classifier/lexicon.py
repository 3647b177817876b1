"""Lexicons from corpus/lexicons/ and a longest-first term matcher over normalised text."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
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


class _TermIndex:
    """The longest term starting at each position, for one or several term sets in one pass.

    One Aho-Corasick automaton (pyahocorasick) over the union of the sets reports every occurrence at C
    speed; Python's re tried a 500-term alternation branch by branch (~0.3 ms per 1,000 characters).
    The leftmost-longest choice is made by the caller because the library's own iter_long misses
    matches in some overlap cases.
    """

    def __init__(self, term_sets: list[set[str]]):
        import ahocorasick

        owners: dict[str, list[int]] = {}
        for i, terms in enumerate(term_sets):
            for t in terms:
                owners.setdefault(t, []).append(i)
        self._n = len(term_sets)
        self._ac = None
        if owners:
            ac = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
            for t, sets in owners.items():
                ac.add_word(t, (len(t), t, tuple(sets)))
            ac.make_automaton()
            self._ac = ac

    def longest(self, text: str) -> list[dict[int, str]]:
        """For each term set: {start: longest term of that set starting there}, starts ascending."""
        found: list[dict[int, str]] = [{} for _ in range(self._n)]
        if self._ac is None:
            return found
        for last, (n, term, sets) in self._ac.iter(text):
            s = last + 1 - n
            for i in sets:
                cur = found[i].get(s)
                if cur is None or len(cur) < n:
                    found[i][s] = term
        return [dict(sorted(d.items())) if len(d) > 1 else d for d in found]


class TermMatcher:
    """Finds lexicon terms (lower-case) in normalised text, longest first, without overlaps.

    Scanning goes left to right: at the leftmost position where some term starts, the longest term
    starting there is taken and the scan resumes after it. ASCII terms must sit on ASCII word boundaries
    so "sat" does not fire inside "saturday" (a term failing that check still consumes its span);
    Chinese terms match anywhere, as char tokens would. Entries whose term starts with "re:" are regexes.
    """

    def __init__(self, entries: list[dict]):
        self._by_term: dict[str, list[dict]] = {}
        self._regexes: list[tuple[re.Pattern, dict]] = []
        for e in entries:
            term = e["term"]
            if term.startswith("re:"):
                self._regexes.append((re.compile(term[3:]), e))
            else:
                self._by_term.setdefault(term.lower(), []).append(e)
        # per term: does it start / end with an ASCII word character (then it needs a word boundary there)
        self._ascii_ends = {t: (_is_word_char(t[0]), _is_word_char(t[-1])) for t in self._by_term}
        self._index = _TermIndex([set(self._by_term)])

    def terms(self) -> set[str]:
        return set(self._by_term)

    def find(self, text: str) -> list[Match]:
        return self.find_from(text, self._index.longest(text)[0])

    def find_from(self, text: str, longest: dict[int, str]) -> list[Match]:
        """The matches, given {start: longest term of this lexicon starting there} (ascending starts)."""
        out: list[Match] = []
        pos = 0
        n = len(text)
        bounds = self._ascii_ends
        by_term = self._by_term
        for s, term in longest.items():
            if s < pos:
                continue
            e = s + len(term)
            pos = e  # a term failing the boundary check still consumes its span, as a regex scan would
            check_start, check_end = bounds[term]
            if check_start and s > 0 and _is_word_char(text[s - 1]):
                continue
            if check_end and e < n and _is_word_char(text[e]):
                continue
            # most matches have no negator within reach: skip the clause walk for them
            negated = False if _NEGATOR_SET.isdisjoint(text[max(0, s - 4):s]) else _negated(text, s)
            for entry in by_term[term]:
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
    _index: _TermIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # one pass over a text serves all four lexicons
        object.__setattr__(self, "_index", _TermIndex([m.terms() for m in self.matchers()]))

    def matchers(self) -> tuple[TermMatcher, TermMatcher, TermMatcher, TermMatcher]:
        return self.cues, self.knowledge, self.overseas, self.redflags

    def find_all(self, text: str) -> tuple[list[Match], list[Match], list[Match], list[Match]]:
        """(cues, knowledge, overseas, redflags) matches: the same as each matcher's find(text)."""
        longest = self._index.longest(text)
        c, k, o, r = (m.find_from(text, lg) for m, lg in zip(self.matchers(), longest))
        return c, k, o, r


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

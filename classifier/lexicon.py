"""Lexicons from corpus/lexicons/ and a longest-first term matcher over normalised text."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .settings import LEXICON_DIR

_NEGATORS = "不无没非禁拒未免别勿"
# Compounds that start with a negator character but do not negate what follows.
_NOT_NEGATING = ("不会就", "不会的", "不懂就", "不懂的", "不同", "不断", "不仅", "不少", "不错", "不但", "不管", "不久", "无论", "非常", "无限", "未来", "免费")
_CLAUSE_BREAK = "，。；：！？、,.;:!?\n()（）【】「」“”"


@dataclass(frozen=True)
class Match:
    start: int  # offsets into the normalised text
    end: int
    term: str
    entry: dict
    negated: bool


def _trie_pattern(terms: list[str]) -> str:
    """A regex from a trie: alternatives share prefixes, and longer continuations are tried first."""
    trie: dict = {}
    for t in terms:
        node = trie
        for ch in t:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if "" in node:
            alts.append("")  # ending here is tried last, so the match is the longest
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    return build(trie)


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class TermMatcher:
    """Finds lexicon terms (lower-case) in normalised text, longest first, without overlaps.

    ASCII terms must sit on ASCII word boundaries so "sat" does not fire inside "saturday";
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
        terms = sorted(self._by_term)
        # The look-ahead on the first characters lets the engine skip most positions at C speed:
        # Python's re tries a top-level alternation branch by branch.
        firsts = "".join(sorted({re.escape(t[0]) for t in terms}))
        self._rx = re.compile(f"(?=[{firsts}]){_trie_pattern(terms)}") if terms else None

    def find(self, text: str) -> list[Match]:
        out: list[Match] = []
        if self._rx is not None:
            for m in self._rx.finditer(text):
                s, e = m.span()
                if s == e:
                    continue
                term = m.group()
                if _is_word_char(term[0]) and s > 0 and _is_word_char(text[s - 1]):
                    continue
                if _is_word_char(term[-1]) and e < len(text) and _is_word_char(text[e]):
                    continue
                for entry in self._by_term[term]:
                    out.append(Match(s, e, term, entry, _negated(text, s)))
        for rx, entry in self._regexes:
            for m in rx.finditer(text):
                out.append(Match(m.start(), m.end(), m.group(), entry, _negated(text, m.start())))
        out.sort(key=lambda m: (m.start, -m.end))
        return out


def _negated(text: str, start: int) -> bool:
    """A cue shortly after a negator in the same clause (不讲题, 无排名, 不承诺提分) is the opposite of a cue."""
    lo = max(0, start - 4)
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

"""Lexicon analysis of one text: cues per dimension, overseas evidence, knowledge points, red flags.

Everything here works on the normalised text; offsets are mapped back to the original by the caller.
"""
from __future__ import annotations

import math
import string
from dataclasses import dataclass, field

from .isbn import IsbnHit, find_isbns
from .lexicon import Lexicons, Match
from .textnorm import NormalizedText, normalize

DIMENSIONS = ("目的", "内容", "方式", "评价")
CUE_KIND_BY_DIMENSION = {"目的": "purpose_cue", "内容": "subject_cue", "方式": "method_cue", "评价": "evaluation_cue"}
SUBJECT_CATEGORY = {"语文", "数学", "英语", "日语", "俄语", "外语", "物理", "化学", "生物", "历史", "地理", "道德与法治"}


@dataclass
class Analysis:
    norm: NormalizedText
    cues: list[Match] = field(default_factory=list)  # un-negated subject-side cues
    negated_cues: list[Match] = field(default_factory=list)
    interest: list[Match] = field(default_factory=list)
    # 内容 outside the nine subjects (编程, 网络, 乐器, 篮球 …): weighed against subject content, never a finding
    nonsubject_content: list[Match] = field(default_factory=list)
    overseas: list[Match] = field(default_factory=list)
    knowledge: list[Match] = field(default_factory=list)
    redflags: list[Match] = field(default_factory=list)
    isbns: list[IsbnHit] = field(default_factory=list)

    def dimension_weight(self, dim: str) -> float:
        return sum(m.entry["weight"] for m in self.cues if m.entry["dimension"] == dim)

    def subject_votes(self) -> dict[str, float]:
        votes: dict[str, float] = {}
        for m in self.cues:
            if m.entry["kind"] == "subject_cue":
                votes[m.entry["subject"]] = votes.get(m.entry["subject"], 0.0) + 1.0
        for m in self.knowledge:
            if not m.negated:
                votes[m.entry["subject"]] = votes.get(m.entry["subject"], 0.0) + 1.0
        return votes

    def overseas_strength(self) -> tuple[int, int]:
        strong = sum(1 for m in self.overseas if not m.negated and m.entry["strength"] == "strong")
        weak = sum(1 for m in self.overseas if not m.negated and m.entry["strength"] != "strong")
        return strong, weak

    def category_features(self) -> list[float]:
        """Lexicon features the calibrator weighs beside the learned score (length-normalised counts)."""
        scale = math.sqrt(max(len(self.norm.text), 50) / 100.0)
        feats = [math.log1p(self.dimension_weight(d) / scale) for d in DIMENSIONS]
        feats.append(math.log1p(sum(m.entry["weight"] for m in self.interest) / scale))
        feats.append(math.log1p(len(self.nonsubject_content) / scale))
        feats.append(math.log1p(len(self.negated_cues)))
        feats.append(math.log1p(sum(1 for m in self.knowledge if not m.negated)))
        return feats

    def overseas_features(self) -> list[float]:
        strong, weak = self.overseas_strength()
        foreign_isbn = sum(1 for h in self.isbns if h.foreign)
        negated = sum(1 for m in self.overseas if m.negated)
        # Share of Latin letters: English-language text is not by itself overseas, so the calibrator
        # can discount a learned score that only reflects the language.
        t = self.norm.text
        latin = sum(map(t.count, string.ascii_lowercase)) / max(len(t), 1)
        return [math.log1p(strong), math.log1p(weak), float(foreign_isbn > 0), math.log1p(negated), latin]


def analyse(text: str, lex: Lexicons) -> Analysis:
    norm = normalize(text)
    t = norm.text
    a = Analysis(norm=norm)
    cues, a.knowledge, a.overseas, a.redflags = lex.find_all(t)
    for m in cues:
        if m.entry["kind"] == "nonsubject_content":
            if not m.negated:
                a.nonsubject_content.append(m)
        elif m.entry["kind"] == "interest_cue":
            if not m.negated:
                a.interest.append(m)
        elif m.negated:
            a.negated_cues.append(m)
        else:
            a.cues.append(m)
    a.isbns = find_isbns(t)
    return a

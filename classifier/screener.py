"""The screener: text (+ declared metadata, timetable) -> category, subject, overseas and findings."""
from __future__ import annotations

import bisect
import json
import threading
from pathlib import Path

from . import settings as S
from .analysis import CUE_KIND_BY_DIMENSION, DIMENSIONS, Analysis, analyse
from .calibration import Calibrator, logit
from .fastbow import FastBOW
from .lexicon import load_lexicons
from .model import SUBJECT_PREFIX, best_subject, predict
from .rules.content import is_preschool, online_evidence, preschool_subject_class, red_flags
from .rules.timetable import check_timetable
from .types import Finding, ScreeningInput, ScreeningResult

PAGE_SEPARATOR = "\n\n"
_DIM_LABEL = {"目的": "目的 purpose", "内容": "内容 content", "方式": "方式 method", "评价": "评价 evaluation"}


CHUNK_CHARS = 1200  # the longest texts in the training corpus (corpus/SCHEMA.md: 40–1,200 characters)


def chunk_text(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Split at line ends into pieces of at most `size` characters (hard cut for longer lines)."""
    if len(text) <= size:
        return [text]
    out, buf = [], ""
    for line in text.splitlines(keepends=True):
        while len(line) > size:
            if buf:
                out.append(buf)
                buf = ""
            out.append(line[:size])
            line = line[size:]
        if len(buf) + len(line) > size:
            out.append(buf)
            buf = ""
        buf += line
    if buf.strip():
        out.append(buf)
    return [c for c in out if c.strip()] or [text[:size]]


class ModelMissingError(FileNotFoundError):
    def __init__(self, model_dir: Path):
        self.model_dir = model_dir
        super().__init__(
            f"分类模型不存在或不完整：{model_dir}。请先运行 `python -m classifier train` 构建模型。"
            f" / The classifier model is missing: {model_dir}. Run `python -m classifier train` first.")


class _Text:
    """The analysed text and the map from its offsets to (page, offset in page)."""

    def __init__(self, inp: ScreeningInput):
        if inp.pages is not None:
            self.pages = list(inp.pages)
            self.full = PAGE_SEPARATOR.join(self.pages)
            self.page_starts = []
            pos = 0
            for p in self.pages:
                self.page_starts.append(pos)
                pos += len(p) + len(PAGE_SEPARATOR)
        else:
            self.pages = None
            self.full = inp.text or ""
            self.page_starts = []

    def locate(self, start: int, end: int) -> tuple[int | None, int, int]:
        if self.pages is None or start < 0:
            return None, start, end
        i = bisect.bisect_right(self.page_starts, start) - 1
        base = self.page_starts[i]
        return i + 1, start - base, min(end - base, len(self.pages[i]))


class Screener:
    def __init__(self, model_dir: Path):
        import spacy

        meta_path = model_dir / "screener.json"
        if not meta_path.is_file() or not (model_dir / "pipeline").is_dir():
            raise ModelMissingError(model_dir)
        self.meta = json.loads(meta_path.read_text(encoding="utf-8"))
        self.nlp = spacy.load(model_dir / "pipeline")
        # Same scores as nlp.pipe, several times faster; None for a pipeline it does not know (then spaCy).
        self._bow = FastBOW.from_nlp(self.nlp)
        self.model_version: str = self.meta["model_version"]
        self.cal_cat = Calibrator.from_dict(self.meta["category_calibrator"])
        self.cal_ov = Calibrator.from_dict(self.meta["overseas_calibrator"])
        self.band: tuple[float, float] = tuple(self.meta["uncertain_band"])  # type: ignore[assignment]
        self.lex = load_lexicons()
        self._cue_texts: dict[tuple[str, int], tuple[dict, tuple[str, str, str]]] = {}

    # -- public -------------------------------------------------------------------------------
    def screen(self, inp: ScreeningInput, settings: S.Settings | None = None) -> ScreeningResult:
        return self.screen_many([inp], settings)[0]

    def screen_many(self, inputs: list[ScreeningInput], settings: S.Settings | None = None) -> list[ScreeningResult]:
        settings = settings or S.Settings()
        texts = [_Text(i) for i in inputs]
        analyses = [analyse(t.full, self.lex) for t in texts]
        cats = self._predict([a.norm.text for a in analyses])
        return [self._result(i, t, a, c, settings) for i, t, a, c in zip(inputs, texts, analyses, cats)]

    def _scores(self, texts: list[str], batch_size: int = 64) -> list[dict[str, float]]:
        if self._bow is None:
            return predict(self.nlp, texts, batch_size=batch_size)
        out: list[dict[str, float]] = []
        for i in range(0, len(texts), batch_size):
            out.extend(self._bow.predict(texts[i:i + batch_size]))
        return out

    def _predict(self, texts: list[str]) -> list[dict[str, float]]:
        """Model scores. Category and overseas come from the whole text, as the calibrators were fitted.
        The subject head of a long text is the mean over chunks no longer than the training texts:
        bag-of-words logits grow with length and would saturate every subject label at once."""
        whole = self._scores(texts)
        chunks, owner = [], []
        for i, t in enumerate(texts):
            if len(t) > CHUNK_CHARS:
                for c in chunk_text(t):
                    chunks.append(c)
                    owner.append(i)
        if chunks:
            sums: dict[int, dict[str, float]] = {}
            counts: dict[int, int] = {}
            for i, cats in zip(owner, self._scores(chunks)):
                counts[i] = counts.get(i, 0) + 1
                acc = sums.setdefault(i, {})
                for k, v in cats.items():
                    acc[k] = acc.get(k, 0.0) + v
            for i, acc in sums.items():
                whole[i].update({k: v / counts[i] for k, v in acc.items() if k.startswith(SUBJECT_PREFIX)})
        return whole

    def probabilities(self, a: Analysis, cats: dict[str, float]) -> tuple[float, float]:
        p_sub = self.cal_cat([logit(cats["subject"])] + a.category_features())
        p_ov = self.cal_ov([logit(cats["overseas"])] + a.overseas_features())
        return p_sub, p_ov

    # -- internals ------------------------------------------------------------------------------
    def _cue_text(self, term: str, entry: dict) -> tuple[str, str, str]:
        """(dimension, finding kind, detail) of a cue: the same few hundred terms recur in every text."""
        key = (term, id(entry))
        got = self._cue_texts.get(key)
        if got is None or got[0] is not entry:
            dim = entry["dimension"]
            extra = f"，学科 {entry['subject']}" if entry.get("subject") else ""
            got = (entry, (dim, CUE_KIND_BY_DIMENSION[dim],
                           f"{_DIM_LABEL[dim]}：学科类线索「{term}」(权重 {entry['weight']:g}{extra})"))
            self._cue_texts[key] = got
        return got[1]

    def _decide(self, p_sub: float, a: Analysis, settings: S.Settings) -> tuple[str, list[str]]:
        d = settings.decision
        low = d.uncertain_low if d.uncertain_low is not None else self.band[0]
        high = d.uncertain_high if d.uncertain_high is not None else self.band[1]
        notes: list[str] = []
        if p_sub >= max(high, 0.5) and p_sub > low:
            return "subject", notes
        if p_sub > low:
            return "uncertain", notes
        # 非学科类 only when clean on every dimension (沪教委规〔2021〕9号 "全面符合"): a dimension with
        # strong un-negated 学科类 cues turns a non_subject reading into a referral.
        dirty = [dim for dim in ("目的", "方式", "评价") if a.dimension_weight(dim) >= d.dimension_dirty_weight]
        if len(dirty) >= 2:
            notes.append("、".join(dirty))
            return "uncertain", notes
        return "non_subject", notes

    def _result(self, inp: ScreeningInput, t: _Text, a: Analysis, cats: dict[str, float],
                settings: S.Settings) -> ScreeningResult:
        p_sub, p_ov = self.probabilities(a, cats)
        category, dirty = self._decide(p_sub, a, settings)
        subject, _ = best_subject(cats, None if category == "uncertain" else category)
        # Overseas needs evidence a reviewer can see: a curriculum/publisher term or a foreign ISBN.
        # A learned score alone mostly reflects English-language text, which is not overseas by itself.
        has_evidence = any(not m.negated for m in a.overseas) or any(h.foreign for h in a.isbns)
        overseas = p_ov >= settings.decision.overseas_threshold and has_evidence
        subject_like = category != "non_subject"
        findings: list[Finding] = []

        full = t.full
        direct = a.norm.starts is None and t.pages is None  # offsets need no mapping (the usual case)

        def add(kind: str, ns: int, ne: int, detail: str) -> Finding:
            if ns < 0:
                f = Finding(kind, -1, -1, "", detail, None)
            elif direct:
                f = Finding(kind, ns, ne, full[ns:ne], detail, None)
            else:
                os_, oe = a.norm.span(ns, ne)
                page, ps, pe = t.locate(os_, oe)
                f = Finding(kind, ps, pe, full[os_:oe], detail, page)
            findings.append(f)
            return f

        dims: dict[str, list[Finding]] = {d: [] for d in DIMENSIONS}
        for m in a.cues:
            dim, kind, detail = self._cue_text(m.term, m.entry)
            if direct:  # inlined add(): cues are most of the findings
                f = Finding(kind, m.start, m.end, full[m.start:m.end], detail, None)
                findings.append(f)
            else:
                f = add(kind, m.start, m.end, detail)
            dims[dim].append(f)
        if dirty:
            add("evaluation_cue" if "评价" in dirty[0] else "method_cue", -1, -1,
                f"模型倾向非学科类，但{dirty[0]}维度有明显学科类特征：非学科类须全面符合，转专家鉴别 "
                "(non_subject needs every dimension clean; referred to experts)")

        if inp.declared_category == "non_subject" and (category == "subject" or
                                                      (category == "uncertain" and p_sub >= 0.5)):
            strongest = sorted(a.cues, key=lambda m: -m.entry["weight"])[:8]
            terms = "、".join(dict.fromkeys(m.term for m in strongest)) or "（整体文本特征）"
            anchor = min(strongest, key=lambda m: m.start) if strongest else None
            title = f"名称「{inp.title}」" if inp.title else "申报"
            add("disguise", anchor.start if anchor else -1, anchor.end if anchor else -1,
                f"{title}为非学科类，但内容读作学科类{('(' + subject + ')') if subject else ''}，"
                f"P(学科类)={p_sub:.2f}；证据：{terms} (declared non-subject reads as subject: 隐形变异)")

        if overseas:
            for m in a.overseas:
                if not m.negated:
                    add("overseas", m.start, m.end,
                        f"境外课程/教材线索「{m.term}」({m.entry['type']}, {m.entry['strength']})，"
                        f"境外评分 {p_ov:.2f} (overseas curriculum or material)")
        for h in a.isbns:
            if h.foreign:
                add("isbn_foreign", h.start, h.end,
                    f"ISBN {h.isbn} 属注册组 {h.group}（非中国 7 组），提示境外出版物 (foreign ISBN group)")

        if inp.grade is not None and subject_like:
            for m in a.knowledge:
                e = m.entry
                if m.negated or e["grade"] <= inp.grade:
                    continue
                basis = ("早于课标学段" if inp.grade < e["stage_start"] else "同一学段内早于教材编排(仅为证据)")
                add("ahead_of_grade", m.start, m.end,
                    f"知识点「{m.term}」({e['subject']}) 最早在{e['grade']}年级{e['half']}，申报年级 {inp.grade}；"
                    f"{basis}；{e['stage']}；来源：{e['source']} (ahead of the declared grade)")

        for kind, ns, ne, detail in red_flags(a):
            add(kind, ns, ne, detail)
        preschool = is_preschool(inp.grade, inp.audience)
        if preschool:
            for ns, ne, detail in preschool_subject_class(a, subject_like):
                add("preschool_subject_class", ns, ne, detail)
            if inp.mode == "online":
                ns, ne = online_evidence(a)
                add("preschool_online", ns, ne, "面向学龄前儿童开展线上培训 (no online training for preschool children; 双减意见)")

        rest_subject = category == "subject" or inp.declared_category == "subject" or category == "uncertain"
        findings.extend(check_timetable(inp.timetable, mode=inp.mode, subject_like=rest_subject,
                                        rest_day=inp.rest_day, school_breaks=inp.school_breaks,
                                        rules=settings.rules))
        return ScreeningResult(
            category=category,  # type: ignore[arg-type]
            subject=subject,
            probabilities={"subject": round(p_sub, 4), "non_subject": round(1 - p_sub, 4)},
            overseas=overseas,
            overseas_score=round(p_ov, 4),
            dimensions=dims,
            findings=findings,
            model_version=self.model_version,
            rules_version=S.RULES_VERSION,
        )


_cache: dict[Path, Screener] = {}
_lock = threading.Lock()


def load_screener(model_dir: str | Path | None = None) -> Screener:
    """Load the trained pipeline once per directory; later calls return the same screener."""
    path = Path(model_dir) if model_dir else S.model_dir()
    path = path.resolve()
    with _lock:
        if path not in _cache:
            _cache[path] = Screener(path)
        return _cache[path]

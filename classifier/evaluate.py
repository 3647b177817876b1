"""`python -m classifier evaluate [corpus/dev]` and `evaluate-real DIR`: figures for the screener and
two baselines trained on the same TRAIN split (TF-IDF + logistic regression; a keyword checklist)."""
from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from pathlib import Path

from . import settings as S
from .analysis import SUBJECT_CATEGORY, analyse
from .calibration import expected_calibration_error
from .data import read_records
from .lexicon import load_lexicons


@dataclass
class Prediction:
    p_subject: float
    category: str  # subject | non_subject | uncertain
    p_overseas: float
    overseas: bool
    subject: str | None = None


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def metrics(records: list[dict], preds: list[Prediction]) -> dict:
    y = [int(r["category"] == "subject") for r in records]
    forced = [int(p.p_subject >= 0.5) for p in preds]
    n = len(records)
    m: dict = {"n": n}
    m["accuracy"] = sum(a == b for a, b in zip(y, forced)) / n
    decided = [(t, p.category) for t, p in zip(y, preds) if p.category != "uncertain"]
    m["referred"] = 1 - len(decided) / n
    m["accuracy_decided"] = (sum((c == "subject") == bool(t) for t, c in decided) / len(decided)) if decided else float("nan")
    m["per_class"] = {}
    for lab, val in (("subject", 1), ("non_subject", 0)):
        tp = sum(1 for t, f in zip(y, forced) if t == val and f == val)
        fp = sum(1 for t, f in zip(y, forced) if t != val and f == val)
        fn = sum(1 for t, f in zip(y, forced) if t == val and f != val)
        m["per_class"][lab] = _prf(tp, fp, fn)
    conf = {g: {"subject": 0, "non_subject": 0, "uncertain": 0} for g in ("subject", "non_subject")}
    for r, p in zip(records, preds):
        conf[r["category"]][p.category] += 1
    m["confusion"] = conf
    m["ece"] = expected_calibration_error([p.p_subject for p in preds], y)
    hard = [i for i, r in enumerate(records) if r.get("hard")]
    m["hard_n"] = len(hard)
    m["hard_accuracy"] = (sum(y[i] == forced[i] for i in hard) / len(hard)) if hard else float("nan")
    yo = [bool(r.get("overseas")) for r in records]
    po = [p.overseas for p in preds]
    tp = sum(a and b for a, b in zip(yo, po))
    fp = sum((not a) and b for a, b in zip(yo, po))
    fn = sum(a and not b for a, b in zip(yo, po))
    m["overseas_n"] = sum(yo)
    m["overseas_prf"] = _prf(tp, fp, fn)
    labelled = [(r, p) for r, p in zip(records, preds) if r.get("subject") and p.subject is not None]
    if labelled:
        m["subject_accuracy"] = sum(_same_subject(r["subject"], p.subject) for r, p in labelled) / len(labelled)
    return m


def _same_subject(gold: str, pred: str) -> bool:
    return pred in {g.strip() for g in gold.replace("、", "/").split("/")}


def format_metrics(name: str, m: dict) -> str:
    lines = [f"== {name} (n={m['n']}) =="]
    lines.append(f"category accuracy          {m['accuracy']:.3f}   (forced decision at P=0.5)")
    lines.append(f"referred as uncertain      {m['referred']:.3f}   accuracy of decided {m['accuracy_decided']:.3f}")
    for lab, (p, r, f) in m["per_class"].items():
        lines.append(f"  {lab:<12} precision {p:.3f} recall {r:.3f} F1 {f:.3f}")
    lines.append("confusion (gold \\ predicted: subject / non_subject / uncertain)")
    for g, row in m["confusion"].items():
        lines.append(f"  {g:<12} {row['subject']:>5} {row['non_subject']:>5} {row['uncertain']:>5}")
    lines.append(f"expected calibration error {m['ece']:.3f}")
    lines.append(f"hard-case accuracy         {m['hard_accuracy']:.3f}   (n={m['hard_n']})")
    p, r, f = m["overseas_prf"]
    lines.append(f"overseas precision {p:.3f} recall {r:.3f} F1 {f:.3f}   (n={m['overseas_n']})")
    if "subject_accuracy" in m:
        lines.append(f"subject accuracy           {m['subject_accuracy']:.3f}")
    return "\n".join(lines)


# -- predictors ------------------------------------------------------------------------------------
def screener_predictions(records: list[dict], model_dir=None, pages: list[list[str]] | None = None) -> list[Prediction]:
    from .screener import load_screener
    from .types import ScreeningInput

    scr = load_screener(model_dir)
    inputs = []
    for i, r in enumerate(records):
        if pages is not None:
            inputs.append(ScreeningInput(pages=pages[i], title=r.get("title"), grade=r.get("grade")))
        else:
            inputs.append(ScreeningInput(text=r["text"], title=r.get("title"), grade=r.get("grade")))
    out = []
    for res in scr.screen_many(inputs):
        out.append(Prediction(res.probabilities["subject"], res.category, res.overseas_score, res.overseas, res.subject))
    return out


class TfidfBaseline:
    """TF-IDF over char 1–3-grams + logistic regression, on the same train split and normalised text."""

    def __init__(self, train: list[dict]):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        lex = load_lexicons()
        texts = [analyse(r["text"], lex).norm.text for r in train]
        self.vec = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True, min_df=2)
        X = self.vec.fit_transform(texts)
        self.cat = LogisticRegression(C=10, max_iter=2000).fit(X, [int(r["category"] == "subject") for r in train])
        self.ov = LogisticRegression(C=10, max_iter=2000).fit(X, [int(bool(r.get("overseas"))) for r in train])
        subj = [(t, r["subject"]) for t, r in zip(texts, train) if r.get("subject")]
        self.subj = LogisticRegression(C=10, max_iter=2000).fit(self.vec.transform([t for t, _ in subj]),
                                                                [s for _, s in subj])

    def predict(self, texts: list[str]) -> list[Prediction]:
        lex = load_lexicons()
        X = self.vec.transform([analyse(t, lex).norm.text for t in texts])
        pc = self.cat.predict_proba(X)[:, 1]
        po = self.ov.predict_proba(X)[:, 1]
        ps = self.subj.predict(X)
        return [Prediction(float(a), "subject" if a >= 0.5 else "non_subject", float(b), b >= 0.5, str(s))
                for a, b, s in zip(pc, po, ps)]


def keyword_predictions(texts: list[str]) -> list[Prediction]:
    """The checklist a reviewer might apply: any 学科类 keyword (subject content, exam purpose, drills,
    tests) outweighing interest words -> 学科类; any overseas curriculum/publisher name -> overseas."""
    lex = load_lexicons()
    out = []
    for t in texts:
        a = analyse(t, lex)
        subj_hits = len(a.cues) + len(a.negated_cues)  # a checklist does not read negation
        interest = len(a.interest)
        is_sub = subj_hits > interest
        ov = any(True for _ in a.overseas) or any(h.foreign for h in a.isbns)
        votes = a.subject_votes()
        subject = max(votes, key=votes.get) if votes else None
        out.append(Prediction(1.0 if is_sub else 0.0, "subject" if is_sub else "non_subject", float(ov), ov, subject))
    return out


def evaluate(dev_path: Path = S.DEV_DIR, train_dir: Path = S.TRAIN_DIR, model_dir=None, out=print) -> dict:
    records = read_records(dev_path)
    train = read_records(train_dir)
    texts = [r["text"] for r in records]
    return _report(records, texts, train, model_dir, out, pages=None)


def _report(records, texts, train, model_dir, out, pages) -> dict:
    results = {}
    out(f"evaluation set: {len(records)} records; baselines trained on {len(train)} train records")
    m = metrics(records, screener_predictions(records, model_dir, pages))
    results["screener"] = m
    out(format_metrics("spaCy screener (BOW textcat + lexicon features, calibrated)", m))
    m = metrics(records, TfidfBaseline(train).predict(texts))
    results["tfidf_lr"] = m
    out(format_metrics("baseline: TF-IDF char 1-3 + LogisticRegression", m))
    m = metrics(records, keyword_predictions(texts))
    results["keywords"] = m
    out(format_metrics("baseline: keyword checklist", m))
    return results


def evaluate_real(directory: Path, train_dir: Path = S.TRAIN_DIR, model_dir=None, out=print) -> dict:
    """Real teacher files listed in MANIFEST.csv (test inputs only), extracted with ingest."""
    from ingest import IngestError, extract_document

    directory = Path(directory)
    records, texts, pages = [], [], []
    with open(directory / "MANIFEST.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            path = directory / row["file"]
            if row.get("category") not in ("subject", "non_subject"):
                out(f"  skipped {row['file']}: category {row.get('category')!r} is not a label")
                continue
            try:
                doc = extract_document(path.read_bytes(), path.name)
            except (IngestError, OSError) as e:
                out(f"  skipped {row['file']}: {e}")
                continue
            page_texts = [p.text for p in doc.pages]
            if not "".join(page_texts).strip():
                out(f"  skipped {row['file']}: no text")
                continue
            records.append({"id": row["file"], "text": "\n\n".join(page_texts), "category": row["category"],
                            "subject": row.get("subject") or None,
                            "overseas": row.get("overseas", "").strip().lower() == "true", "hard": False})
            texts.append(records[-1]["text"])
            pages.append(page_texts)
    train = read_records(train_dir)
    results = _report(records, texts, train, model_dir, out, pages)
    preds = screener_predictions(records, model_dir, pages)
    out("per file (gold category/overseas -> screener):")
    for r, p in zip(records, preds):
        ok = "ok " if (p.p_subject >= 0.5) == (r["category"] == "subject") else "MISS"
        out(f"  {ok} {r['id']}: {r['category']}/{r['overseas']} -> {p.category} P={p.p_subject:.2f} "
            f"subject={p.subject} overseas={p.overseas} ({p.p_overseas:.2f})")
    return results


if __name__ == "__main__":  # pragma: no cover
    evaluate(Path(sys.argv[1]) if len(sys.argv) > 1 else S.DEV_DIR)

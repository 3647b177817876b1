"""Build, train and run the spaCy text classifiers described by configs/textcat.cfg."""
from __future__ import annotations

import random
from pathlib import Path

from .analysis import SUBJECT_CATEGORY
from .data import subject_label

CATEGORY_LABELS = ["subject", "non_subject"]
OVERSEAS_LABELS = ["overseas", "domestic"]
SUBJECT_PREFIX = "S:"


def load_config(path: Path):
    from spacy.util import load_config as _load

    return _load(path, interpolate=True)


def subject_labels(records: list[dict]) -> list[str]:
    return sorted({SUBJECT_PREFIX + s for r in records if (s := subject_label(r))})


def _cats(r: dict) -> dict[str, float]:
    cats = {lab: float(r["category"] == lab) for lab in CATEGORY_LABELS}
    ov = bool(r.get("overseas"))
    cats["overseas"], cats["domestic"] = float(ov), float(not ov)
    return cats


def make_docbin(nlp, records: list[dict], texts: list[str], s_labels: list[str]):
    """DocBin of the training docs with their gold cats (every label present: exclusive one-hot)."""
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=False)
    for r, t in zip(records, texts):
        doc = make_doc(nlp.vocab, t)
        cats = _cats(r)
        s = subject_label(r)
        if s:  # records without a consistent subject leave the subject head unsupervised
            cats.update({lab: float(lab == SUBJECT_PREFIX + s) for lab in s_labels})
        doc.cats = cats
        db.add(doc)
    return db


def train_pipeline(config, docbin, s_labels: list[str], epochs: int | None = None, log=None):
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed, load_model_from_config, minibatch

    config = config.copy()
    config["initialize"]["components"] = {"textcat": {"labels": CATEGORY_LABELS + OVERSEAS_LABELS + s_labels}}
    seed = int(config["training"]["seed"])
    fix_random_seed(seed)
    nlp = load_model_from_config(config, auto_fill=True, validate=True)
    docs = list(docbin.get_docs(nlp.vocab))
    examples = []
    for d in docs:
        examples.append(Example(make_doc(nlp.vocab, d.text), d))
    optimizer = nlp.initialize(lambda: examples)
    n_epochs = epochs or int(config["training"]["max_epochs"])
    drop = float(config["training"]["dropout"])
    size = int(config["screener"]["batch_size"])
    rng = random.Random(seed)
    for epoch in range(n_epochs):
        order = examples[:]
        rng.shuffle(order)
        losses: dict[str, float] = {}
        for batch in minibatch(order, size=size):
            nlp.update(batch, drop=drop, sgd=optimizer, losses=losses)
        if log:
            log(f"  epoch {epoch + 1}/{n_epochs} " + " ".join(f"{k}={v:.3f}" for k, v in losses.items()))
    del spacy
    return nlp


def make_doc(vocab, text: str):
    """One token per non-space character: what the char segmenter yields, without its slow
    Python-level alignment of words and spaces (half the screening time on 1,000-char texts)."""
    from spacy.tokens import Doc

    words = [c for c in text if not c.isspace()] or [" "]
    return Doc(vocab, words=words, spaces=[False] * len(words))


def predict(nlp, texts: list[str], batch_size: int = 64) -> list[dict[str, float]]:
    docs = (make_doc(nlp.vocab, t) for t in texts)
    return [dict(d.cats) for d in nlp.pipe(docs, batch_size=batch_size)]


def best_subject(cats: dict[str, float], category: str | None) -> tuple[str | None, float]:
    """The most probable subject, restricted to the decided category's family when one is decided."""
    best, p_best = None, -1.0
    for k, p in cats.items():
        if not k.startswith(SUBJECT_PREFIX):
            continue
        s = k[len(SUBJECT_PREFIX):]
        if category == "subject" and s not in SUBJECT_CATEGORY:
            continue
        if category == "non_subject" and s in SUBJECT_CATEGORY:
            continue
        if p > p_best:
            best, p_best = s, p
    return best, max(p_best, 0.0)

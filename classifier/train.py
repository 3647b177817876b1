"""`python -m classifier train`: corpus/train -> DocBins -> pipeline + calibration -> classifier/model/."""
from __future__ import annotations

import hashlib
import json
import shutil
import sys
import time
from pathlib import Path

from . import settings
from .analysis import analyse
from .calibration import fit_band, fit_calibrator, logit
from .data import corpus_files, read_records
from .lexicon import load_lexicons
from .model import load_config, make_docbin, predict, subject_labels, train_pipeline

META = "screener.json"


def current_version(train_dir: Path = settings.TRAIN_DIR, config_path: Path = settings.CONFIG_PATH) -> str:
    """Hash of the corpus files, the config, the lexicons and the code version."""
    h = hashlib.sha256()
    for f in corpus_files(train_dir):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    h.update(Path(config_path).read_bytes())
    h.update(load_lexicons().fingerprint.encode())
    h.update(settings.CODE_VERSION.encode())
    return "clf-" + h.hexdigest()[:12]


def installed_version(model_dir: Path) -> str | None:
    try:
        return json.loads((model_dir / META).read_text(encoding="utf-8"))["model_version"]
    except (OSError, ValueError, KeyError):
        return None


def _features(records, texts, cats_list, analyses):
    Xc, yc, Xo, yo = [], [], [], []
    for r, cats, a in zip(records, cats_list, analyses):
        Xc.append([logit(cats["subject"])] + a.category_features())
        yc.append(int(r["category"] == "subject"))
        Xo.append([logit(cats["overseas"])] + a.overseas_features())
        yo.append(int(bool(r.get("overseas"))))
    return Xc, yc, Xo, yo


def train(train_dir: Path = settings.TRAIN_DIR, model_dir: Path | None = None,
          config_path: Path = settings.CONFIG_PATH, if_missing: bool = False, log=print) -> str:
    model_dir = Path(model_dir or settings.model_dir())
    version = current_version(train_dir, config_path)
    if if_missing and installed_version(model_dir) == version:
        log(f"模型已是最新 / model is up to date: {version}")
        return version
    t0, c0 = time.time(), time.process_time()
    records = read_records(train_dir)
    if len(records) < 20:
        raise SystemExit(f"训练语料不足 / too few training records in {train_dir}: {len(records)}")
    lex = load_lexicons()
    analyses = [analyse(r["text"], lex) for r in records]
    texts = [a.norm.text for a in analyses]
    config = load_config(config_path)
    s_labels = subject_labels(records)
    import spacy

    blank = spacy.blank("zh")
    log(f"训练语料 / training records: {len(records)} from {len(corpus_files(train_dir))} files")

    # Out-of-fold predictions on TRAIN (deterministic folds) feed the calibrators and the band.
    folds = int(config["screener"]["calibration_folds"])
    oof: list[dict | None] = [None] * len(records)
    for k in range(folds):
        tr = [i for i in range(len(records)) if i % folds != k]
        te = [i for i in range(len(records)) if i % folds == k]
        db = make_docbin(blank, [records[i] for i in tr], [texts[i] for i in tr], s_labels)
        nlp = train_pipeline(config, db, s_labels, epochs=int(config["screener"]["calibration_epochs"]))
        for i, cats in zip(te, predict(nlp, [texts[i] for i in te])):
            oof[i] = cats
        log(f"  fold {k + 1}/{folds} done ({time.time() - t0:.0f}s)")
    Xc, yc, Xo, yo = _features(records, texts, oof, analyses)
    cal_cat = fit_calibrator(Xc, yc)
    cal_ov = fit_calibrator(Xo, yo)
    oof_p = [cal_cat(x) for x in Xc]
    low, high, band_info = fit_band(oof_p, yc)

    staging = model_dir.with_name(model_dir.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "corpus").mkdir(parents=True)
    db = make_docbin(blank, records, texts, s_labels)
    db.to_disk(staging / "corpus" / "train.spacy")
    nlp = train_pipeline(config, db, s_labels, log=log)
    nlp.to_disk(staging / "pipeline")
    meta = {
        "model_version": version,
        "code_version": settings.CODE_VERSION,
        "trained_records": len(records),
        "subject_labels": s_labels,
        "category_calibrator": cal_cat.to_dict(),
        "overseas_calibrator": cal_ov.to_dict(),
        "uncertain_band": [low, high],
        "band_fit": band_info,
        "seconds": round(time.time() - t0, 1),
        "cpu_seconds": round(time.process_time() - c0, 1),
    }
    (staging / META).write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    shutil.rmtree(model_dir, ignore_errors=True)
    staging.rename(model_dir)
    log(f"模型已写入 / model written: {model_dir} version={version} band=[{low:.2f}, {high:.2f}] "
        f"oof={band_info} in {time.time() - t0:.0f}s wall, {time.process_time() - c0:.0f}s CPU")
    return version


if __name__ == "__main__":  # pragma: no cover
    train(if_missing="--if-missing" in sys.argv)

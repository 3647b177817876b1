"""Benchmark: screening throughput on 1,000-character documents with all findings, one core.

Usage: python bench/bench_classifier.py [--docs 1000] [--repeat 3] [--model-dir DIR]
Prints figures; asserts nothing. Needs the model (python -m classifier train --if-missing).
The machine is shared: each batched run is printed, then the median and the best of the runs, and the
CPU time of each stage (text analysis, model scores, findings) of one more run.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date, time as dtime
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, as the target says
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from classifier import ScreeningInput, TimetableSession, load_screener  # noqa: E402
from classifier.data import read_records  # noqa: E402
from classifier.settings import DEV_DIR, TRAIN_DIR  # noqa: E402


def make_docs(n: int, length: int = 1000) -> list[str]:
    """1,000-character documents stitched from corpus texts (varied content, realistic cue density)."""
    texts = [r["text"] for r in read_records(DEV_DIR)] or [r["text"] for r in read_records(TRAIN_DIR)]
    docs, i = [], 0
    for _ in range(n):
        buf = ""
        while len(buf) < length:
            buf += texts[i % len(texts)] + "\n"
            i += 1
        docs.append(buf[:length])
    return docs


def stage_times(scr, inputs) -> list[tuple[str, float]]:
    """CPU time of the screener's stages (the same calls screen_many makes, timed one by one)."""
    from classifier.analysis import analyse
    from classifier.screener import _Text
    from classifier.settings import Settings

    n = len(inputs)
    c0 = time.process_time()
    texts = [_Text(i) for i in inputs]
    analyses = [analyse(t.full, scr.lex) for t in texts]
    c1 = time.process_time()
    cats = scr._predict([a.norm.text for a in analyses])
    c2 = time.process_time()
    settings = Settings()
    for i, t, a, c in zip(inputs, texts, analyses, cats):
        scr._result(i, t, a, c, settings)
    c3 = time.process_time()
    return [("normalise + lexicons + ISBN", (c1 - c0) * 1000 / n), ("model scores", (c2 - c1) * 1000 / n),
            ("decision + findings", (c3 - c2) * 1000 / n)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--model-dir", default=None)
    args = ap.parse_args()
    try:
        import psutil

        psutil.Process().cpu_affinity([psutil.Process().cpu_affinity()[0]])
    except Exception:  # affinity is best effort (not on every platform)
        pass
    t0 = time.perf_counter()
    scr = load_screener(args.model_dir)
    load_s = time.perf_counter() - t0
    docs = make_docs(args.docs)
    tt = [TimetableSession(date(2026, 11, 28), dtime(20, 0), dtime(20, 45)),
          TimetableSession(date(2026, 11, 28), dtime(20, 50), dtime(21, 20))]
    inputs = [ScreeningInput(text=d, grade=4, declared_category="non_subject", mode="online", timetable=tt,
                             school_breaks=[(date(2027, 1, 20), date(2027, 2, 20))]) for d in docs]
    scr.screen_many(inputs[:20])  # warm-up
    runs = []
    for _ in range(max(1, args.repeat)):
        t0, c0 = time.perf_counter(), time.process_time()
        results = scr.screen_many(inputs)
        runs.append((time.perf_counter() - t0, time.process_time() - c0))
    t0 = time.perf_counter()
    for inp in inputs[:200]:
        scr.screen(inp)
    single_s = time.perf_counter() - t0
    findings = sum(len(r.findings) for r in results)
    n = len(docs)
    print(f"model {scr.model_version}; load {load_s:.2f}s")
    print(f"documents: {n} x {len(docs[0])} chars; findings: {findings} ({findings / n:.1f}/doc)")
    for i, (wall, cpu) in enumerate(runs, 1):
        print(f"run {i}: batched screen_many: {n / wall:.0f} docs/s wall ({wall * 1000 / n:.2f} ms/doc); "
              f"{n / cpu:.0f} docs/s per CPU-second ({cpu * 1000 / n:.2f} ms CPU/doc)")
    cpus = sorted(c for _, c in runs)
    print(f"batched, per CPU-second: median {n / statistics.median(cpus):.0f} docs/s, best {n / cpus[0]:.0f} docs/s")
    try:
        print(f"load average during the run: {os.getloadavg()[0]:.1f} (shared machine: figures vary)")
    except OSError:
        pass
    for name, ms in stage_times(scr, inputs):
        print(f"  stage {name:<28} {ms:.3f} ms CPU/doc")
    print(f"one at a time screen: {200 / single_s:.0f} docs/s")


if __name__ == "__main__":
    main()

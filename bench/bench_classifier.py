"""Benchmark: screening throughput on 1,000-character documents with all findings, one core.

Usage: python bench/bench_classifier.py [--docs 1000] [--model-dir DIR]
Prints figures; asserts nothing. Needs the model (python -m classifier train --if-missing).
"""
from __future__ import annotations

import argparse
import os
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1000)
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
    t0, c0 = time.perf_counter(), time.process_time()
    results = scr.screen_many(inputs)
    batch_s = time.perf_counter() - t0
    batch_cpu = time.process_time() - c0
    t0 = time.perf_counter()
    for inp in inputs[:200]:
        scr.screen(inp)
    single_s = time.perf_counter() - t0
    findings = sum(len(r.findings) for r in results)
    print(f"model {scr.model_version}; load {load_s:.2f}s")
    print(f"documents: {len(docs)} x {len(docs[0])} chars; findings: {findings} ({findings / len(docs):.1f}/doc)")
    print(f"batched screen_many: {len(docs) / batch_s:.0f} docs/s wall ({batch_s * 1000 / len(docs):.2f} ms/doc); "
          f"{len(docs) / batch_cpu:.0f} docs/s per CPU-second ({batch_cpu * 1000 / len(docs):.2f} ms CPU/doc)")
    try:
        print(f"load average during the run: {os.getloadavg()[0]:.1f} (shared machine: wall figures vary)")
    except OSError:
        pass
    print(f"one at a time screen: {200 / single_s:.0f} docs/s")


if __name__ == "__main__":
    main()

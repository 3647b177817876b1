"""Whole screening results (category, probabilities, every finding with offsets, page and detail) for a fixed
set of inputs, pinned to what the screener gave before the speed work (golden_screening.json).

The golden file was written by the code of commit 54bd48e with the tiny model of conftest.py; it records
the lexicon fingerprint and the tiny model's version, and the test skips (saying why) when either has
changed, since then different results are expected. To rewrite it on purpose:
    .venv/bin/python tests/unit/classifier/test_golden_screening.py --write TEXTS.jsonl  (one {"text": ...} a line)
"""
import json
import sys
from datetime import date, time
from pathlib import Path

import pytest

GOLDEN = Path(__file__).with_name("golden_screening.json")


def build_inputs(texts: list[str]) -> list[dict]:
    """Plain, paged, long (chunked subject head), traditional and fullwidth/ligature variants with metadata."""
    out = []
    metas = [{}, {"grade": 4, "declared_category": "non_subject", "mode": "online",
                  "timetable": [["2026-11-28", "20:00", "20:45"], ["2026-11-28", "20:50", "21:20"]]},
             {"grade": 0, "mode": "online", "audience": "preschool"},
             {"grade": 2, "declared_category": "subject", "title": "测试课程", "mode": "offline",
              "timetable": [["2026-10-01", "19:00", "20:40"]], "school_breaks": [["2027-01-20", "2027-02-20"]]}]
    for i, t in enumerate(texts):
        out.append({"text": t, **metas[i % 4]})
    for i in range(0, len(texts) - 4, 4):
        out.append({"pages": texts[i:i + 3], "grade": 1 + i % 12, "declared_category": "non_subject"})
        if i % 16 == 0:  # longer than CHUNK_CHARS: the subject head is averaged over chunks
            out.append({"text": "\n".join(texts[i:i + 8]) * 3, "grade": 3, "declared_category": "non_subject"})
        out.append({"pages": [texts[i] + " ﬁnal ㍻ …", "Ａ１" + texts[i + 1]], "grade": 6})
    out += [{"text": ""}, {"pages": []}, {"text": "  \n "}]
    return out


def to_input(d: dict):
    from classifier import ScreeningInput, TimetableSession

    kw = dict(d)
    kw["timetable"] = [TimetableSession(date.fromisoformat(a), time.fromisoformat(b), time.fromisoformat(c))
                       for a, b, c in d.get("timetable", [])]
    kw["school_breaks"] = [(date.fromisoformat(a), date.fromisoformat(b)) for a, b in d.get("school_breaks", [])]
    return ScreeningInput(**kw)


def screen_all(screener, inputs: list[dict]) -> list[dict]:
    return [r.to_dict() for r in screener.screen_many([to_input(d) for d in inputs])]


def test_results_match_the_golden_file(screener):
    from classifier.lexicon import load_lexicons

    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    if golden["lexicon_fingerprint"] != load_lexicons().fingerprint:
        pytest.skip("lexicons changed since the golden file was written: regenerate it (see module docstring)")
    if golden["model_version"] != screener.model_version:
        pytest.skip("tiny model changed (corpus/config/code version): regenerate the golden file")
    got = screen_all(screener, golden["inputs"])
    assert len(got) == len(golden["results"])
    for i, (g, want) in enumerate(zip(got, golden["results"])):
        assert g == want, f"input {i}: {golden['inputs'][i]!r:.120}"
    # one at a time gives the same as batched
    for i in range(0, len(golden["inputs"]), 9):
        assert screener.screen(to_input(golden["inputs"][i])).to_dict() == golden["results"][i]


def _write() -> None:  # pragma: no cover - maintenance entry point
    import importlib.util
    import tempfile

    root = Path(__file__).resolve().parents[3]
    sys.path.append(str(root))  # PYTHONPATH may point at another checkout whose code writes the file
    spec = importlib.util.spec_from_file_location("clf_conftest", Path(__file__).with_name("conftest.py"))
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    from classifier import load_screener
    from classifier import settings as S
    from classifier.lexicon import load_lexicons
    from classifier.train import train

    tmp = Path(tempfile.mkdtemp())
    (tmp / "train").mkdir()
    with open(tmp / "train" / "tiny.jsonl", "w", encoding="utf-8") as f:
        for r in conf._records():
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    import re

    cfg = S.CONFIG_PATH.read_text(encoding="utf-8")
    cfg = re.sub(r"(?m)^max_epochs = \d+", "max_epochs = 4", cfg)
    cfg = re.sub(r"(?m)^calibration_folds = \d+", "calibration_folds = 2", cfg)
    cfg = re.sub(r"(?m)^calibration_epochs = \d+", "calibration_epochs = 3", cfg)
    (tmp / "tiny.cfg").write_text(cfg, encoding="utf-8")
    train(tmp / "train", tmp / "model", tmp / "tiny.cfg", log=lambda *_: None)
    scr = load_screener(tmp / "model")
    texts = [json.loads(line)["text"] for line in Path(sys.argv[2]).read_text(encoding="utf-8").splitlines()]
    inputs = build_inputs(texts)
    data = {"written_by": "tests/unit/classifier/test_golden_screening.py --write",
            "lexicon_fingerprint": load_lexicons().fingerprint, "model_version": scr.model_version,
            "inputs": inputs, "results": screen_all(scr, inputs)}
    GOLDEN.write_text(json.dumps(data, ensure_ascii=False, indent=0, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {GOLDEN}: {len(inputs)} inputs, {sum(len(r['findings']) for r in data['results'])} findings")


if __name__ == "__main__":  # pragma: no cover
    if "--write" in sys.argv:
        _write()

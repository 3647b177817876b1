"""The classify CLI contract: JSON lines in, one JSON line out per input, bad lines get an error object."""
import io
import json
import sys

from classifier.__main__ import main


def test_classify_jsonl(tiny_model_dir, monkeypatch, capsys):
    lines = [
        json.dumps({"id": "a", "text": "五年级数学培优：分数应用题，课后巩固练习，周测排名。", "grade": 5,
                    "declared_category": "non_subject", "title": "思维训练"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "c", "text": 42}),
        json.dumps({"id": "d", "text": "少儿街舞兴趣班：律动游戏与汇演。"}, ensure_ascii=False),
        json.dumps({"id": "e", "text": "x", "grade": 99}),
    ]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    assert main(["--model-dir", str(tiny_model_dir), "classify"]) == 0
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [o["id"] for o in out] == ["a", "line-2", "c", "d", "e"]
    a = out[0]
    assert set(a) == {"id", "category", "subject", "probabilities", "overseas", "overseas_score", "findings",
                      "model_version"}
    assert a["category"] == "subject" and a["subject"] == "数学"
    assert any(f["kind"] == "disguise" for f in a["findings"])
    assert all(set(f) == {"kind", "start", "end", "text", "detail"} for f in a["findings"])
    assert "error" in out[1] and "error" in out[2] and "error" in out[4]
    assert out[3]["category"] == "non_subject"


def test_classify_reports_missing_model(tmp_path, capsys):
    assert main(["--model-dir", str(tmp_path / "none"), "classify", "/dev/null"]) == 2
    assert "python -m classifier train" in capsys.readouterr().err


def test_train_if_missing_returns_at_once_when_current(tiny_model_dir):
    from classifier.train import installed_version, train

    root = tiny_model_dir.parent
    before = (tiny_model_dir / "screener.json").stat().st_mtime_ns
    msgs = []
    v = train(root / "train", tiny_model_dir, root / "tiny.cfg", if_missing=True, log=msgs.append)
    assert v == installed_version(tiny_model_dir)
    assert (tiny_model_dir / "screener.json").stat().st_mtime_ns == before
    assert any("up to date" in m for m in msgs)

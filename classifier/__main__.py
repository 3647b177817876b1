"""CLI: python -m classifier {train [--if-missing] | classify [IN.jsonl] | evaluate [PATH] | evaluate-real DIR}."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import settings as S


def _classify(path: str | None, model_dir: str | None) -> int:
    from .screener import load_screener
    from .types import ScreeningInput

    scr = load_screener(model_dir)
    stream = open(path, encoding="utf-8") if path else sys.stdin
    for n, line in enumerate(stream, 1):
        if not line.strip():
            continue
        rid = None
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError("每行须为 JSON 对象 / each line must be a JSON object")
            rid = obj.get("id")
            text = obj.get("text")
            if not isinstance(text, str):
                raise ValueError("缺少字符串字段 text / missing string field 'text'")
            grade = obj.get("grade")
            if grade is not None and (not isinstance(grade, int) or not 0 <= grade <= 12):
                raise ValueError("grade 须为 0–12 的整数 / grade must be an integer 0-12")
            declared = obj.get("declared_category")
            if declared not in (None, "subject", "non_subject"):
                raise ValueError("declared_category 须为 subject 或 non_subject")
            res = scr.screen(ScreeningInput(text=text, title=obj.get("title"), grade=grade,
                                            declared_category=declared)).to_dict()
            out = {"id": rid, "category": res["category"], "subject": res["subject"],
                   "probabilities": res["probabilities"], "overseas": res["overseas"],
                   "overseas_score": res["overseas_score"],
                   "findings": [{k: f[k] for k in ("kind", "start", "end", "text", "detail")} for f in res["findings"]],
                   "model_version": res["model_version"]}
        except Exception as e:  # one bad line must not stop the rest
            out = {"id": rid if rid is not None else f"line-{n}", "error": f"{type(e).__name__}: {e}"}
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m classifier", description="学科类鉴别分类器 / screening classifier")
    ap.add_argument("--model-dir", default=None, help="default: $REVIEW_MODEL_DIR or classifier/model/")
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train", help="train from corpus/train")
    t.add_argument("--if-missing", action="store_true", help="return at once when the current model exists")
    t.add_argument("--train-dir", default=str(S.TRAIN_DIR))
    c = sub.add_parser("classify", help="JSON lines in (file or stdin), JSON lines out")
    c.add_argument("input", nargs="?")
    e = sub.add_parser("evaluate", help="figures on a labelled JSONL file or folder (default corpus/dev)")
    e.add_argument("path", nargs="?", default=str(S.DEV_DIR))
    r = sub.add_parser("evaluate-real", help="figures on real files listed in DIR/MANIFEST.csv")
    r.add_argument("dir")
    args = ap.parse_args(argv)
    if args.cmd == "train":
        from .train import train

        train(Path(args.train_dir), Path(args.model_dir) if args.model_dir else None, if_missing=args.if_missing)
        return 0
    if args.cmd == "classify":
        from .screener import ModelMissingError

        try:
            return _classify(args.input, args.model_dir)
        except ModelMissingError as ex:
            print(str(ex), file=sys.stderr)
            return 2
    if args.cmd == "evaluate":
        from .evaluate import evaluate

        evaluate(Path(args.path), model_dir=args.model_dir)
        return 0
    if args.cmd == "evaluate-real":
        from .evaluate import evaluate_real

        evaluate_real(Path(args.dir), model_dir=args.model_dir)
        return 0
    return 1


if __name__ == "__main__":
    sys.exit(main())

"""python -m ingest extract FILE  -> the document as JSON; bad input -> message on stderr, exit 2."""
from __future__ import annotations

import argparse
import json
import sys

from . import IngestError, IngestLimits, extract_document


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description="提取上传文件的文字 / extract text")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="print the document as JSON")
    ex.add_argument("file")
    ex.add_argument("--no-ocr", action="store_true", help="list pages without text instead of OCR")
    ex.add_argument("--progress", action="store_true", help="print progress on stderr")
    args = parser.parse_args(argv)
    try:
        with open(args.file, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        print(f"无法打开文件 / cannot open the file: {exc}", file=sys.stderr)
        return 2

    def report(done: int, total: int, message: str) -> None:
        print(f"[{done}/{total}] {message}", file=sys.stderr)

    try:
        doc = extract_document(data, args.file, limits=IngestLimits(ocr=not args.no_ocr),
                               progress=report if args.progress else None)
    except IngestError as exc:
        print(f"错误 [{exc.code}]：{exc.message_zh}\nError [{exc.code}]: {exc.message_en}", file=sys.stderr)
        return 2
    json.dump(doc.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

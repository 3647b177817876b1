"""Ingestion speed and memory on generated Chinese text PDFs (prints figures; asserts nothing).

    .venv/bin/python bench/bench_ingest.py [--pages 100 2000] [--repeat 3]

For each size it prints, in one run: the project's pages/s (ingest.extract_document: sniff, forked
parse with limits, normalisation, facts; "project_inline" is the same without the child process, to
show what the isolation costs), raw pypdfium2 pages/s (open + get_text_bounded per page),
their time ratio (target <= 1.5), pdfplumber pages/s on a sample (why it is only the fallback), and the
peak resident memory of each measured process (VmHWM) and, for the project, of its forked parse child
(RUSAGE_CHILDREN ru_maxrss; it counts the pages it shares with its parent). Every measurement runs in a
fresh interpreter so that peaks do not carry over.
"""
from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

LINES = [
    "第{n}页　第二章　一元二次方程的解法与应用（课后拓展练习）",
    "例1　解方程 x²－5x＋6＝0，并说明每一步的依据。",
    "分析：本题可用因式分解法，也可用配方法或公式法求解，请比较三种方法的繁简。",
    "练习：某商店将进价为8元的商品按每件10元售出，每天可销售200件，若每件涨价0.5元，",
    "其销售量将减少10件，问应将售价定为多少元，才能使每天获得的利润为640元？",
    "阅读材料：我国古代数学家赵爽在《周髀算经》注中给出了一元二次方程的几何解法。",
    "思考题：当判别式小于零时，方程在实数范围内有没有解？为什么？",
    "课堂小结：本节课我们学习了什么？你还有哪些疑问？请写在学习笔记上。",
]


def make_pdf(pages: int, lines: int = 32) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pageCompression=1)
    for n in range(1, pages + 1):
        c.setFont("STSong-Light", 11)
        y = 790
        for i in range(lines):  # 32 lines ~ 1,200 characters: a dense handout; 4 lines: a slide
            c.drawString(40, y, LINES[i % len(LINES)].format(n=n))
            y -= 23
        c.showPage()
    c.save()
    return buf.getvalue()


# Each snippet prints {"seconds": extraction time, "pages": n, "chars": n, "rss_self_kb", "rss_children_kb"}.
_PRELUDE = """
import json, resource, sys, time
data = open(sys.argv[1], 'rb').read()
"""
_EPILOGUE = """
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the (large) benchmark process
hwm = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:'))
print(json.dumps({"seconds": elapsed, "pages": pages, "chars": chars,
    "rss_self_kb": hwm,
    "rss_children_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""
SNIPPETS = {
    "raw_pypdfium2": """
import pypdfium2 as pdfium
start = time.perf_counter()
pdf = pdfium.PdfDocument(data)
chars = 0
for i in range(len(pdf)):
    page = pdf[i]
    tp = page.get_textpage()
    chars += len(tp.get_text_bounded())
    tp.close(); page.close()
pages = len(pdf)
pdf.close()
elapsed = time.perf_counter() - start
""",
    "project": """
import ingest.readers.pdf  # library imports stay outside the timer, as pypdfium2's do for the raw run
from ingest import extract_document
start = time.perf_counter()
doc = extract_document(data, 'bench.pdf')
elapsed = time.perf_counter() - start
pages = doc.facts.page_count
chars = sum(len(p.text) for p in doc.pages)
assert set(doc.facts.page_methods) == {'text'}, doc.facts.page_methods
""",
    "project_inline": """
import ingest.readers.pdf
from ingest import IngestLimits, extract_document
start = time.perf_counter()
doc = extract_document(data, 'bench.pdf', limits=IngestLimits(isolate=False))
elapsed = time.perf_counter() - start
pages = doc.facts.page_count
chars = sum(len(p.text) for p in doc.pages)
""",
    "pdfplumber_sample": """
import pdfplumber
sample = int(sys.argv[2])
start = time.perf_counter()
with pdfplumber.open(io.BytesIO(data)) as pdf:
    chars = 0
    for page in pdf.pages[:sample]:
        chars += len(page.extract_text() or '')
        page.close()
pages = sample
elapsed = time.perf_counter() - start
""",
}


def measure(name: str, path: Path, *extra: str) -> dict:
    code = "import io\n" + _PRELUDE + SNIPPETS[name] + _EPILOGUE
    out = subprocess.run([sys.executable, "-c", code, str(path), *extra], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[100, 2000])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--plumber-sample", type=int, default=30)
    parser.add_argument("--lines", type=int, nargs="+", default=[32, 4], help="text lines a page (density)")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}; median of {args.repeat} runs; each run in a fresh interpreter")
    header = (f"{'pages':>6} {'engine':<18} {'seconds':>8} {'pages/s':>9} {'ratio':>6} "
              f"{'peak RSS MB':>12} {'child RSS MB':>13}")
    with tempfile.TemporaryDirectory() as tmp:
        for lines, pages in [(lines, pages) for lines in args.lines for pages in args.pages]:
            start = time.perf_counter()
            path = Path(tmp) / f"zh_{pages}_{lines}.pdf"
            path.write_bytes(make_pdf(pages, lines))
            print(f"\ngenerated {pages}-page PDF, {lines} lines a page ({path.stat().st_size / 2**20:.1f} MB) "
                  f"in {time.perf_counter() - start:.1f} s")
            print(header)
            results = {}
            for name in ("raw_pypdfium2", "project", "project_inline"):
                runs = [measure(name, path) for _ in range(args.repeat)]
                results[name] = {
                    "seconds": statistics.median(r["seconds"] for r in runs),
                    "rss": max(r["rss_self_kb"] for r in runs) / 1024,
                    "child": max(r["rss_children_kb"] for r in runs) / 1024,
                    "chars": runs[0]["chars"],
                }
            raw = results["raw_pypdfium2"]["seconds"]
            for name, r in results.items():
                ratio = r["seconds"] / raw
                print(f"{pages:>6} {name:<18} {r['seconds']:>8.3f} {pages / r['seconds']:>9.0f} {ratio:>6.2f} "
                      f"{r['rss']:>12.1f} {r['child']:>13.1f}")
            sample = min(args.plumber_sample, pages)
            plumber = measure("pdfplumber_sample", path, str(sample))
            print(f"{pages:>6} {'pdfplumber (' + str(sample) + 'p)':<18} {plumber['seconds']:>8.3f} "
                  f"{sample / plumber['seconds']:>9.0f} {'':>6} {plumber['rss_self_kb'] / 1024:>12.1f}")
            print(f"       characters extracted: raw {results['raw_pypdfium2']['chars']}, "
                  f"project {results['project']['chars']} (after NFKC)")


if __name__ == "__main__":
    main()

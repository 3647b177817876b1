"""Evidence shown to reviewers: findings highlighted in the page text, and boxes on a PDF page image.

Boxes come from pdfplumber's character boxes: the finding's text is looked up in the page's characters
(compared after NFKC and without whitespace, since extractors differ in spacing) and every matching
character's box is drawn on the page rendered by pypdfium2.
"""

from __future__ import annotations

import hashlib
import io
import logging
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

log = logging.getLogger("ui")

HIGHLIGHT_COLOURS = {
    "overseas": "#ffd8a8",
    "ahead_of_grade": "#ffc9c9",
    "disguise": "#eebefa",
    "religion": "#ffc9c9",
    "advertising": "#ffc9c9",
    "photo_search": "#ffc9c9",
    "score_promise": "#ffc9c9",
}
DEFAULT_COLOUR = "#fff3bf"


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    title: str


def spans_for_page(findings: Iterable[Any], page_number: int | None, text_len: int) -> list[Span]:
    """Findings that point into this page's text (offsets valid), sorted and without overlaps."""
    spans: list[Span] = []
    for f in findings:
        start, end = _get(f, "start", -1), _get(f, "end", -1)
        if start is None or end is None or start < 0 or end <= start or end > text_len:
            continue
        if page_number is not None and _get(f, "page") not in (page_number, None):
            continue
        if page_number is not None and _get(f, "page") is None:
            continue  # whole-text offsets cannot be placed on one page
        spans.append(Span(start, end, _get(f, "kind", ""), _get(f, "detail", "") or _get(f, "kind", "")))
    spans.sort(key=lambda s: (s.start, -s.end))
    merged: list[Span] = []
    for s in spans:
        if merged and s.start < merged[-1].end:
            continue  # keep the first (longest) of overlapping spans: nested marks are unreadable
        merged.append(s)
    return merged


# Characters Markdown or KaTeX would read as syntax; written as entities they stay plain text even if the
# HTML ever passes through a Markdown renderer again.
_MARKUP_ENTITIES = {ord(c): f"&#{ord(c)};" for c in "$*_#`~[]\\|<>&\"'"}


def escape_text(text: str) -> str:
    """Material text as inert HTML: every markup character an entity, newlines as <br>, no raw newline
    left (a blank line would end an HTML block in Markdown)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_MARKUP_ENTITIES).replace("\n", "<br>")


def highlighted_html(text: str, spans: Sequence[Span]) -> str:
    """The page text as escaped HTML with <mark> around each span (newlines as <br>)."""
    out: list[str] = []
    pos = 0
    for s in spans:
        out.append(escape_text(text[pos:s.start]))
        colour = HIGHLIGHT_COLOURS.get(s.kind, DEFAULT_COLOUR)
        out.append(f'<mark title="{escape_text(s.title)}" '
                   f'style="background:{colour};padding:0 2px;border-radius:3px">'
                   f'{escape_text(text[s.start:s.end])}</mark>')
        pos = s.end
    out.append(escape_text(text[pos:]))
    body = "".join(out)
    return ('<div style="white-space:pre-wrap;line-height:1.8;font-size:0.95rem;'
            'border:1px solid #ddd;border-radius:6px;padding:0.75rem;max-height:32rem;overflow:auto">'
            f"{body}</div>")


def _norm(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", s) if not ch.isspace())


@dataclass(frozen=True)
class Box:
    x0: float
    top: float
    x1: float
    bottom: float
    kind: str


def find_boxes(chars: Sequence[dict[str, Any]], needles: Sequence[tuple[str, str, float]]) -> list[Box]:
    """Boxes of the characters matching each needle (text, kind, relative position 0..1 in the page).

    When a needle occurs several times, the occurrence nearest its relative position in the page wins.
    """
    # One entry per normalised character, remembering which pdfplumber char it came from.
    flat: list[str] = []
    owner: list[int] = []
    for i, ch in enumerate(chars):
        for c in _norm(ch.get("text", "")):
            flat.append(c)
            owner.append(i)
    hay = "".join(flat)
    boxes: list[Box] = []
    for text, kind, rel in needles:
        needle = _norm(text)
        if not needle or not hay:
            continue
        hits = []
        at = hay.find(needle)
        while at != -1:
            hits.append(at)
            at = hay.find(needle, at + 1)
        if not hits:
            continue
        best = min(hits, key=lambda h: abs(h / max(len(hay), 1) - rel))
        # One box per line of the match: per-character boxes are too busy to read.
        line: Box | None = None
        for idx in sorted({owner[j] for j in range(best, best + len(needle))}):
            ch = chars[idx]
            b = Box(float(ch["x0"]), float(ch["top"]), float(ch["x1"]), float(ch["bottom"]), kind)
            if line is not None and abs(b.top - line.top) < (line.bottom - line.top) / 2:
                line = Box(min(line.x0, b.x0), min(line.top, b.top), max(line.x1, b.x1),
                           max(line.bottom, b.bottom), kind)
            else:
                if line is not None:
                    boxes.append(line)
                line = b
        if line is not None:
            boxes.append(line)
    return boxes


# A hostile PDF must not hang or exhaust the app: pages are drawn in a forked child with these limits.
PAGE_RENDER_TIMEOUT_S = 20.0
PAGE_RENDER_MEMORY_MB = 1024
RENDER_SCALE = 2.0


@dataclass(frozen=True)
class RenderedPage:
    """One PDF page drawn once: the PNG (uncropped) and pdfplumber's character boxes, in PDF points."""
    png: bytes | None
    chars: tuple[tuple[str, float, float, float, float], ...]  # (text, x0, top, x1, bottom)
    error_zh: str | None = None
    error_en: str | None = None


def _draw_page(pdf_bytes: bytes, page_number: int, scale: float) -> tuple[bytes, list[tuple[str, float, float, float, float]]]:
    """Runs in the isolated child: the page as PNG plus its character boxes (only plain data crosses back)."""
    import pdfplumber
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(pdf_bytes)
    try:
        if not 1 <= page_number <= len(pdf):
            raise ValueError(f"page {page_number} out of range")
        image = pdf[page_number - 1].render(scale=scale).to_pil().convert("RGB")
    finally:
        pdf.close()
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as doc:
        chars = [(str(c.get("text", "")), float(c["x0"]), float(c["top"]), float(c["x1"]), float(c["bottom"]))
                 for c in doc.pages[page_number - 1].chars]
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue(), chars


def render_page(pdf_bytes: bytes, page_number: int, *, scale: float = RENDER_SCALE) -> RenderedPage:
    """Draw one page through the ingest isolation helper; a failure becomes a RenderedPage with a message."""
    from ingest.errors import IngestError
    from ingest.isolation import run_isolated

    try:
        png, chars = run_isolated(_draw_page, (pdf_bytes, page_number, scale), timeout_s=PAGE_RENDER_TIMEOUT_S,
                                  memory_limit_mb=PAGE_RENDER_MEMORY_MB)
    except IngestError as exc:
        log.warning("could not render page %s: %s", page_number, exc.code)
        return RenderedPage(None, (), exc.message_zh, exc.message_en)
    except Exception:  # fork refused, pickling trouble: still only a sentence for the user
        log.warning("could not render page %s", page_number, exc_info=True)
        return RenderedPage(None, (), "无法绘制此页。", "This page cannot be drawn.")
    return RenderedPage(png, tuple(chars))


def _cached_render():  # type: ignore[no-untyped-def]
    """render_page behind st.cache_data, keyed by (content hash, page): reruns never redraw a page.

    The bytes are passed as `_pdf_bytes` so Streamlit does not hash megabytes on every rerun."""
    import streamlit as st

    global _CACHED
    if _CACHED is None:
        @st.cache_data(max_entries=256, ttl=6 * 3600, show_spinner=False)
        def cached(content_hash: str, page_number: int, _pdf_bytes: bytes) -> RenderedPage:
            return render_page(_pdf_bytes, page_number)

        _CACHED = cached
    return _CACHED


_CACHED = None


def clear_page_cache() -> None:
    _cached_render().clear()


def page_image_with_boxes(pdf_bytes: bytes, page_number: int, findings: Iterable[Any], page_text: str,
                          *, content_hash: str | None = None, scale: float = RENDER_SCALE
                          ) -> tuple[bytes, int] | RenderedPage:
    """PNG of one PDF page with a rectangle around each finding's evidence, and how many were boxed.

    The page is drawn once per (material hash, page) in an isolated child; only the boxes are drawn here.
    Returns the failed RenderedPage (with its sentence) when the page cannot be drawn.
    """
    from PIL import Image, ImageDraw

    key = content_hash or hashlib.sha256(pdf_bytes).hexdigest()
    rendered = _cached_render()(key, page_number, pdf_bytes) if scale == RENDER_SCALE \
        else render_page(pdf_bytes, page_number, scale=scale)
    if rendered.png is None:
        return rendered
    needles: list[tuple[str, str, float]] = []
    n = max(len(page_text), 1)
    for f in findings:
        if _get(f, "page") != page_number:
            continue
        text = _get(f, "text", "") or ""
        start = _get(f, "start", -1)
        if not text.strip() or start is None or start < 0:
            continue
        needles.append((text, _get(f, "kind", ""), start / n))
    chars = [{"text": t, "x0": x0, "top": top, "x1": x1, "bottom": bottom} for t, x0, top, x1, bottom in rendered.chars]
    boxes = find_boxes(chars, needles) if needles else []
    image = Image.open(io.BytesIO(rendered.png)).convert("RGB")
    draw = ImageDraw.Draw(image)
    for b in boxes:
        colour = "#e03131" if b.kind in HIGHLIGHT_COLOURS else "#f08c00"
        draw.rectangle([b.x0 * scale - 2, b.top * scale - 2, b.x1 * scale + 2, b.bottom * scale + 2],
                       outline=colour, width=3)
    if chars:  # crop to the printed area so the text stays legible in a narrow column
        margin = 18
        left = max(0, int(min(c["x0"] for c in chars) * scale) - margin)
        top = max(0, int(min(c["top"] for c in chars) * scale) - margin)
        right = min(image.width, int(max(c["x1"] for c in chars) * scale) + margin)
        bottom = min(image.height, int(max(c["bottom"] for c in chars) * scale) + margin)
        if right - left > 50 and bottom - top > 20:
            image = image.crop((left, top, right, bottom))
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue(), len(boxes)


def material_viewer(ui: Any, *, pages: Sequence[str], findings: Sequence[Any], pdf_bytes: bytes | None,
                    key: str, content_hash: str | None = None) -> None:
    """A material page by page: highlighted text, and for PDFs the page image with evidence boxes."""
    import streamlit as st

    if not pages:
        st.info(ui.t("该材料没有可显示的文字。", "This material has no text to show."))
        return
    pages_with_findings = sorted({_get(f, "page") for f in findings if _get(f, "page")})
    c1, c2 = st.columns([1, 3])
    number = c1.number_input(ui.t("页码", "Page"), min_value=1, max_value=len(pages), step=1, key=f"{key}_page")
    if pages_with_findings:
        c2.caption(ui.t("有发现的页：", "Pages with findings: ") + "、".join(str(p) for p in pages_with_findings))
    number = int(number)
    text = pages[number - 1] or ""
    spans = spans_for_page(findings, number, len(text))
    rendered = page_image_with_boxes(pdf_bytes, number, findings, text, content_hash=content_hash) \
        if pdf_bytes is not None else None
    if isinstance(rendered, tuple):
        left, right = st.columns(2)
        with left:
            st.html(highlighted_html(text, spans))
        with right:
            png, boxed = rendered
            st.image(png, caption=ui.t(f"第 {number} 页（框出 {boxed} 处依据）",
                                       f"Page {number} ({boxed} evidence box(es))"))
    else:
        if isinstance(rendered, RenderedPage):  # the page image failed: say so, the text view still works
            st.warning(ui.t(f"无法显示第 {number} 页的图像（{rendered.error_zh}），以下为文字视图。",
                            f"Page {number} cannot be drawn ({rendered.error_en}); the text view follows."))
        st.html(highlighted_html(text, spans))
    st.caption(ui.t(f"第 {number} / {len(pages)} 页 · 本页高亮 {len(spans)} 处",
                    f"Page {number} of {len(pages)} · {len(spans)} highlight(s)"))

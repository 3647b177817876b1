"""Evidence shown to reviewers: findings highlighted in the page text, and boxes on a PDF page image.

Boxes come from pdfplumber's character boxes: the finding's text is looked up in the page's characters
(compared after NFKC and without whitespace, since extractors differ in spacing) and every matching
character's box is drawn on the page rendered by pypdfium2.
"""

from __future__ import annotations

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


def page_image_with_boxes(pdf_bytes: bytes, page_number: int, findings: Iterable[Any], page_text: str,
                          *, scale: float = 2.0) -> tuple[bytes, int] | None:
    """PNG of one PDF page with a rectangle around each finding's evidence, and how many were boxed.

    Returns None when the page cannot be rendered (damaged file, page out of range).
    """
    import pdfplumber
    import pypdfium2 as pdfium
    from PIL import ImageDraw

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
    try:
        pdf = pdfium.PdfDocument(pdf_bytes)
        try:
            if not 1 <= page_number <= len(pdf):
                return None
            image = pdf[page_number - 1].render(scale=scale).to_pil().convert("RGB")
        finally:
            pdf.close()
        with pdfplumber.open(io.BytesIO(pdf_bytes)) as doc:
            chars = doc.pages[page_number - 1].chars
            boxes = find_boxes(chars, needles) if needles else []
    except Exception:  # a page we cannot draw is shown as text only
        log.warning("could not render page %s with evidence boxes", page_number, exc_info=True)
        return None
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
                    key: str) -> None:
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
    if pdf_bytes is not None:
        left, right = st.columns(2)
        with left:
            st.html(highlighted_html(text, spans))
        with right:
            rendered = page_image_with_boxes(pdf_bytes, number, findings, text)
            if rendered is None:
                st.caption(ui.t("无法显示此页的图像。", "This page cannot be drawn."))
            else:
                png, boxed = rendered
                st.image(png, caption=ui.t(f"第 {number} 页（框出 {boxed} 处依据）",
                                           f"Page {number} ({boxed} evidence box(es))"))
    else:
        st.html(highlighted_html(text, spans))
    st.caption(ui.t(f"第 {number} / {len(pages)} 页 · 本页高亮 {len(spans)} 处",
                    f"Page {number} of {len(pages)} · {len(spans)} highlight(s)"))

"""Word (.docx): paragraphs and tables in document order, split into pages where Word laid them out."""
from __future__ import annotations

from docx import Document as open_docx
from docx.oxml.ns import qn

from ..errors import IngestError
from ..limits import IngestLimits
from ..parsed import Parsed, ParsedPage
from .office_zip import open_checked

_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
_TR, _TC, _T, _TAB, _BR, _CR = qn("w:tr"), qn("w:tc"), qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_RENDERED_BREAK, _TYPE = qn("w:lastRenderedPageBreak"), qn("w:type")
_PAGE = "\f"  # internal page mark, never present in w:t text


_WANTED = {_T, _TAB, _BR, _CR, _RENDERED_BREAK}
# Word stores a text box twice: the DrawingML version under mc:Choice and a VML copy under mc:Fallback.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _inline(el):
    """Text-bearing descendants in document order, skipping mc:Fallback copies."""
    for child in el:
        if child.tag == _FALLBACK:
            continue
        if child.tag in _WANTED:
            yield child
        else:
            yield from _inline(child)


class _Walker:
    def __init__(self, rendered_breaks: bool) -> None:
        # Word records where it last broke pages (lastRenderedPageBreak); when present they already
        # include the hard breaks, so counting both would double pages.
        self.rendered = rendered_breaks
        self.out: list[str] = []

    def block(self, el) -> None:
        tag = el.tag
        if tag == _P:
            self.paragraph(el)
        elif tag == _TBL:
            self.table(el)
        elif tag == _SDT:
            content = el.find(_SDT_CONTENT)
            if content is not None:
                for child in content:
                    self.block(child)

    def paragraph(self, p) -> None:
        for el in _inline(p):
            if el.tag == _T:
                self.out.append(el.text or "")
            elif el.tag == _TAB:
                self.out.append("\t")
            elif el.tag == _RENDERED_BREAK:
                if self.rendered:
                    self.out.append(_PAGE)
            elif el.tag == _BR and el.get(_TYPE) == "page":
                self.out.append(_PAGE if not self.rendered else "\n")
            else:
                self.out.append("\n")
        self.out.append("\n")

    def table(self, tbl) -> None:
        for tr in tbl.iter(_TR):
            if tr.getparent() is not tbl:
                continue  # nested tables are reached through their cell
            cells = []
            for tc in tr.findall(_TC):
                inner = _Walker(False)
                for child in tc:
                    inner.block(child)
                cells.append("".join(inner.out).strip().replace("\n", " ").replace(_PAGE, " "))
            self.out.append("\t".join(cells) + "\n")


def read_docx(data: bytes, limits: IngestLimits) -> Parsed:
    stream = open_checked(data, limits)
    try:
        document = open_docx(stream)
    except IngestError:
        raise
    except Exception as exc:  # python-docx raises KeyError/ValueError/lxml errors for broken parts
        raise IngestError.of("corrupted", detail=f"DOCX: {type(exc).__name__}") from None
    body = document.element.body
    rendered = next(body.iter(_RENDERED_BREAK), None) is not None
    walker = _Walker(rendered)
    for child in body:
        walker.block(child)
    chunks = "".join(walker.out).split(_PAGE)
    # A rendered break at the very start of the first paragraph would create an empty first page.
    while len(chunks) > 1 and not chunks[0].strip():
        chunks.pop(0)
    if len(chunks) > limits.max_pages:
        raise IngestError.of("too_many_pages", pages=len(chunks), limit=limits.max_pages)
    pages = [ParsedPage(i, chunk.strip("\n"), "text") for i, chunk in enumerate(chunks, start=1)]
    warnings = []
    if document.inline_shapes and not any(p.raw.strip() for p in pages):
        warnings.append("文档只含图片，未识别图片中的文字 / The document holds only images; their text was not read")
    return Parsed("docx", pages, warnings)

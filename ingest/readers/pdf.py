"""PDF text layer: pypdfium2 first, pdfplumber (pdfminer) as the per-page fallback.

Why this split: on Chinese PDFs pypdfium2 extracts 300-1,400 pages/s while pdfplumber manages 14-29,
and pdfplumber prints "(cid:N)" for CID fonts it cannot map (e.g. reportlab's STSong-Light). So every
page goes through pdfium; only pages whose text is empty or garbage are retried with pdfminer, whose
font handling differs, and pages still without usable text are left for OCR. pdfplumber's other
strength, character boxes for highlighting evidence on the page image, is used by the viewer.
"""
from __future__ import annotations

import io
import logging
from collections.abc import Callable

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import IngestError
from ..limits import IngestLimits
from ..normalize import is_usable
from ..parsed import Parsed, ParsedPage


def _open_error(exc: Exception, data: bytes) -> IngestError:
    message = str(exc)
    if "password" in message.lower():
        return IngestError.of("encrypted")
    if b"%%EOF" not in data[-2048:]:
        return IngestError.of("truncated")
    return IngestError.of("corrupted", detail=f"PDF: {message.split('(')[-1].rstrip(').')}")


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _open_error(exc, data) from None


def page_count(data: bytes) -> int:
    pdf = open_pdf(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


class _Plumber:
    """pdfplumber opened only when a page needs it (it parses the document lazily but not cheaply)."""

    # A scan or an outlined-text export fails on every page; after this many misses in a row pdfminer
    # (10-100 ms a page) is no longer asked, so a long scan does not spend its time budget here.
    GIVE_UP_AFTER = 8

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pdf = None
        self.failed = False
        self.misses = 0

    def text(self, index: int) -> str:
        if self.failed:
            return ""
        text = self._extract(index)
        if is_usable(text):
            self.misses = 0
        else:
            self.misses += 1
            self.failed = self.misses >= self.GIVE_UP_AFTER
        return text

    def _extract(self, index: int) -> str:
        try:
            if self.pdf is None:
                import pdfplumber

                logging.getLogger("pdfminer").setLevel(logging.ERROR)
                self.pdf = pdfplumber.open(io.BytesIO(self.data))
            page = self.pdf.pages[index]
            try:
                return page.extract_text() or ""
            finally:
                page.close()  # drop pdfplumber's per-page object cache: memory stays flat
        except Exception:  # pdfminer raises many types on odd files; the page then goes on to OCR
            if self.pdf is None:
                self.failed = True
            return ""

    def close(self) -> None:
        if self.pdf is not None:
            try:
                self.pdf.close()
            except Exception:
                pass


_OUTLINED_TEXT_PATHS = 20  # text converted to curves (some OFD/print exports) draws one path per glyph


def _worth_ocr(page: pdfium.PdfPage) -> bool:
    """Does a page without usable text show something OCR could read?

    Images (also inside form XObjects), glyphs whose codes did not map to text, or many paths (outlined
    text). A page holding only a rule or a table frame is blank, not unreadable: OCR would cost seconds
    and then send a reviewer to look at nothing.
    """
    paths = 0
    for obj in page.get_objects(max_depth=4):
        if obj.type in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_TEXT):
            return True
        if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
            paths += 1
            if paths >= _OUTLINED_TEXT_PATHS:
                return True
    return False


def read_pdf(data: bytes, limits: IngestLimits, report: Callable[[int, int], None] | None = None) -> Parsed:
    pdf = open_pdf(data)
    plumber = _Plumber(data)
    warnings: list[str] = []
    pages: list[ParsedPage] = []
    try:
        count = len(pdf)
        if count == 0:
            raise IngestError.of("corrupted", detail_zh="PDF 没有页面", detail_en="the PDF has no pages")
        if count > limits.max_pages:
            raise IngestError.of("too_many_pages", pages=count, limit=limits.max_pages)
        for index in range(count):
            number = index + 1
            if report is not None:
                report(index, count)
            try:
                page = pdf[index]
            except (pdfium.PdfiumError, OSError):
                pages.append(ParsedPage(number, "", "unreadable"))
                continue
            try:
                textpage = page.get_textpage()
                raw = textpage.get_text_bounded()
                textpage.close()
                if is_usable(raw):
                    pages.append(ParsedPage(number, raw, "text"))
                    continue
                if not _worth_ocr(page):
                    pages.append(ParsedPage(number, "", "text"))  # blank, or only rules and frames
                    continue
                alt = plumber.text(index)
                if is_usable(alt):
                    pages.append(ParsedPage(number, alt, "fallback"))
                else:
                    pages.append(ParsedPage(number, "", "ocr_needed"))
            except (pdfium.PdfiumError, OSError, ValueError):
                pages.append(ParsedPage(number, "", "unreadable"))
            finally:
                page.close()
        if report is not None:
            report(count, count)
    finally:
        plumber.close()
        pdf.close()
    truncated = b"%%EOF" not in data[-2048:]
    bad = [p.number for p in pages if p.method == "unreadable"]
    if bad and len(bad) == len(pages):
        if truncated:
            raise IngestError.of("truncated")
        raise IngestError.of("corrupted", detail_zh="所有页面均无法读取",
                             detail_en="no page could be loaded")
    if truncated:
        warnings.append("PDF 文件不完整（缺少结尾标记），可能缺页，请核对页数 / "
                        "The PDF lacks its end marker (truncated?); pages may be missing")
    if bad:
        warnings.append(
            f"PDF 部分损坏：第 {_ranges(bad)} 页无法读取，需人工查看 / "
            f"The PDF is partly damaged: page(s) {_ranges(bad)} could not be read"
        )
    return Parsed("pdf", pages, warnings)


def render_page(data: bytes, number: int, max_side: int, max_pixels: int):
    """Grey image (numpy array) of one page for OCR, scaled so its long side is about max_side."""
    pdf = open_pdf(data)
    try:
        page = pdf[number - 1]
        width, height = page.get_size()
        scale = max_side / max(width, height, 1.0)
        if width * height * scale * scale > max_pixels:
            scale = (max_pixels / (width * height)) ** 0.5
        bitmap = page.render(scale=scale, grayscale=True)
        array = bitmap.to_numpy().copy()  # own the buffer before the bitmap is freed
        bitmap.close()
        page.close()
        return array
    finally:
        pdf.close()


def _ranges(numbers: list[int]) -> str:
    parts: list[str] = []
    start = prev = numbers[0]
    for n in numbers[1:] + [None]:  # type: ignore[list-item]
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(parts)

"""extract_document and sniff: the package's two entry points."""
from __future__ import annotations

import importlib
import time
from collections import Counter
from collections.abc import Callable

from . import isolation
from .errors import IngestError
from .facts import document_facts
from .limits import IngestLimits
from .model import Document, DocumentFacts, Page
from .normalize import analysis_form, display_form
from .parsed import Parsed
from .sniff import kind_of, mismatch_warning

Progress = Callable[[int, int, str], None]


_READER_MODULES = {"pdf": "pdf", "docx": "docx", "pptx": "pptx", "image": "image", "txt": "text"}


def _preload(kind: str) -> None:
    """Import the reader in this process once, so every forked parse child inherits it instead of paying
    the import (~0.1 s for pypdfium2) on each file."""
    importlib.import_module(f"{__package__}.readers.{_READER_MODULES[kind]}")


def _parse(kind: str, data: bytes, limits: IngestLimits, report: Callable[[int, int], None] | None = None) -> Parsed:
    if kind == "pdf":
        from .readers.pdf import read_pdf

        return read_pdf(data, limits, report)
    if kind == "docx":
        from .readers.docx import read_docx

        return read_docx(data, limits)
    if kind == "pptx":
        from .readers.pptx import read_pptx

        return read_pptx(data, limits)
    if kind == "image":
        from .readers.image import read_image

        return read_image(data, limits)
    from .readers.text import read_text

    return read_text(data)


def _page_image(kind: str, data: bytes, number: int, limits: IngestLimits):
    from .ocr import OCR_MAX_SIDE

    if kind == "pdf":
        from .readers.pdf import render_page

        return render_page(data, number, OCR_MAX_SIDE, limits.max_image_pixels)
    from .readers.image import load_image

    return load_image(data, limits, OCR_MAX_SIDE)


def _check_pdf_opens(data: bytes, limits: IngestLimits) -> None:
    from .readers.pdf import page_count

    count = page_count(data)
    if count > limits.max_pages:
        raise IngestError.of("too_many_pages", pages=count, limit=limits.max_pages)


def sniff(data: bytes, filename: str, *, limits: IngestLimits | None = None) -> str:
    """The kind decided from the bytes, or IngestError; PDFs are also opened (encryption, damage, pages)."""
    limits = limits or IngestLimits()
    kind = kind_of(data, filename, limits)
    if kind == "pdf":
        _preload(kind)
        isolation.run(_check_pdf_opens, (data, limits), isolate=limits.isolate,
                      timeout_s=min(limits.time_limit_s, 60.0), memory_limit_mb=limits.memory_limit_mb)
    elif kind == "image":
        from .readers.image import read_image

        read_image(data, limits)  # header only: size and bomb checks
    return kind


def _ocr_pages(kind: str, data: bytes, parsed: Parsed, limits: IngestLimits, deadline: float,
               progress: Progress | None) -> dict[int, str | None]:
    """number -> OCR text ("" when nothing was read, None when skipped) for pages that need it."""
    todo = [p.number for p in parsed.pages if p.method == "ocr_needed"]
    results: dict[int, str | None] = {n: None for n in todo}
    if not todo:
        return results
    if not limits.ocr:
        parsed.warnings.append("未启用文字识别（OCR），无文字层的页面需人工查看 / OCR is off; pages without text need manual reading")
        return results
    if len(todo) > limits.max_ocr_pages:
        parsed.warnings.append(
            f"需要识别的页面过多，只识别前 {limits.max_ocr_pages} 页 / "
            f"Only the first {limits.max_ocr_pages} of {len(todo)} image pages were OCR'd")
        todo = todo[: limits.max_ocr_pages]
    from .ocr import recognise

    for done, number in enumerate(todo):
        if progress:
            progress(done, len(todo), f"正在识别第 {number} 页（OCR） / OCR page {number}")
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            parsed.warnings.append(
                f"处理超时，第 {number} 页起未识别，需人工查看 / Time limit reached; pages from {number} were not OCR'd")
            break
        try:
            image = isolation.run(_page_image, (kind, data, number, limits), isolate=limits.isolate,
                                  timeout_s=min(remaining, 60.0), memory_limit_mb=limits.memory_limit_mb)
        except IngestError as exc:
            if kind == "image":
                raise
            parsed.warnings.append(f"第 {number} 页无法渲染：{exc.message_zh} / Page {number}: {exc.message_en}")
            continue
        try:
            results[number] = recognise(image)
        except Exception as exc:  # a broken OCR install must not fail the upload: pages go to manual reading
            parsed.warnings.append(f"文字识别（OCR）不可用，相关页面需人工查看 / OCR failed ({type(exc).__name__}: {exc})"[:300])
            break
    if progress:
        progress(len(todo), len(todo), "文字识别完成 / OCR done")
    return results


def extract_document(data: bytes, filename: str, *, limits: IngestLimits | None = None,
                     progress: Progress | None = None) -> Document:
    """Pages of text plus facts for one uploaded file; every refusal is an IngestError."""
    limits = limits or IngestLimits()
    started = time.monotonic()
    deadline = started + limits.time_limit_s
    kind = kind_of(data, filename, limits)
    _preload(kind)
    page_progress = None
    if progress:
        progress(0, 1, "正在读取文件 / Reading the file")

        def page_progress(done: int, total: int) -> None:
            progress(done, total, f"正在提取文字：第 {done}/{total} 页 / Extracting text: page {done} of {total}")

    parsed = isolation.run(_parse, (kind, data, limits), isolate=limits.isolate,
                           timeout_s=min(limits.parse_time_limit_s, deadline - time.monotonic()),
                           memory_limit_mb=limits.memory_limit_mb, progress=page_progress)
    warning = mismatch_warning(kind, filename)
    if warning:
        parsed.warnings.insert(0, warning)
    ocr_text = _ocr_pages(kind, data, parsed, limits, deadline, progress)

    pages: list[Page] = []
    for p in parsed.pages:
        method, raw = p.method, p.raw
        if method == "ocr_needed":
            raw = ocr_text.get(p.number) or ""
            method = "ocr" if raw.strip() else "unreadable"
        display = display_form(raw)
        p.raw = ""  # let the parser's copy go as soon as the page is built (2,000 pages ~ 5 MB of text)
        pages.append(Page(p.number, analysis_form(display), display, method))

    unreadable = [p.number for p in pages if p.method == "unreadable"]
    ocr_failed = [n for n in unreadable if ocr_text.get(n) == ""]  # OCR ran and read nothing
    if ocr_failed:
        parsed.warnings.append(
            f"第 {', '.join(map(str, ocr_failed))} 页没有文字层且未能识别，需人工查看 / "
            f"Page(s) {', '.join(map(str, ocr_failed))} have no text layer and OCR read nothing: read them by hand")
    isbns, cip, origin, publishers = document_facts(p.text for p in pages)
    facts = DocumentFacts(
        kind=kind, page_count=len(pages), isbns=isbns, has_cip=cip, origin_guess=origin,
        publishers=publishers, unreadable_pages=unreadable,
        page_methods=dict(Counter(p.method for p in pages)),
    )
    if progress:
        progress(1, 1, "完成 / Done")
    return Document(filename=filename, pages=pages, facts=facts, warnings=parsed.warnings)

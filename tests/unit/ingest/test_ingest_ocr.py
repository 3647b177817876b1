"""Pages without a text layer are OCR'd (slow: two small images in all), with progress reported."""
from __future__ import annotations

from ingest import IngestLimits, extract_document


def _mostly_found(expected: str, got: str) -> bool:
    """OCR drops spaces and may miss a character; require 80% of the expected characters in order-free form."""
    got = "".join(got.split())
    hits = sum(1 for ch in expected if ch in got)
    return hits >= 0.8 * len(expected)


def test_image_only_pdf_page_is_ocrd_and_others_are_not(image_only_pdf, ocr_lines):
    calls: list[tuple[int, int, str]] = []
    doc = extract_document(image_only_pdf, "scan.pdf", progress=lambda d, t, m: calls.append((d, t, m)))
    assert [p.method for p in doc.pages] == ["text", "ocr", "text"]  # page 3 is blank: nothing to OCR
    assert "第一页有文字层" in doc.pages[0].text
    assert _mostly_found("".join(ocr_lines), doc.pages[1].text)
    assert doc.pages[2].text == ""
    assert doc.facts.page_methods == {"text": 2, "ocr": 1}
    ocr_calls = [c for c in calls if "OCR" in c[2]]
    assert ocr_calls[0][:2] == (0, 1) and "第 2 页" in ocr_calls[0][2]
    assert ocr_calls[-1][:2] == (1, 1)


def test_image_file_is_ocrd(ocr_png, ocr_lines):
    doc = extract_document(ocr_png, "photo.png")
    assert doc.facts.kind == "image" and doc.facts.page_count == 1
    assert doc.pages[0].method == "ocr"
    assert _mostly_found("".join(ocr_lines), doc.pages[0].text)


def test_without_ocr_pages_are_listed_for_manual_reading(image_only_pdf):
    doc = extract_document(image_only_pdf, "scan.pdf", limits=IngestLimits(ocr=False))
    assert [p.method for p in doc.pages] == ["text", "unreadable", "text"]
    assert doc.facts.unreadable_pages == [2]
    assert any("人工" in w for w in doc.warnings)


def test_blank_image_is_unreadable(make):
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (400, 300), 255).save(buf, "PNG")
    doc = extract_document(buf.getvalue(), "blank.png")
    assert doc.pages[0].method == "unreadable"
    assert doc.facts.unreadable_pages == [1]


def test_ocr_time_limit_lists_remaining_pages(image_only_pdf):
    import time

    def slow_progress(done: int, total: int, message: str) -> None:
        if "OCR page" in message:
            time.sleep(2.5)  # spends the whole-file budget before the first OCR page

    doc = extract_document(image_only_pdf, "scan.pdf", limits=IngestLimits(time_limit_s=2.0), progress=slow_progress)
    assert doc.pages[1].method == "unreadable"
    assert doc.facts.unreadable_pages == [2]
    assert any("超时" in w for w in doc.warnings)


def test_whole_file_time_limit_covers_the_parse(text_pdf):
    import pytest

    from ingest import IngestError

    with pytest.raises(IngestError) as info:
        extract_document(text_pdf, "a.pdf", limits=IngestLimits(time_limit_s=0.0))
    assert info.value.code == "timeout"


def test_a_broken_ocr_engine_sends_pages_to_manual_reading(image_only_pdf, monkeypatch):
    import ingest.ocr

    def broken(image):
        raise RuntimeError("onnxruntime is not installed")

    monkeypatch.setattr(ingest.ocr, "recognise", broken)
    doc = extract_document(image_only_pdf, "scan.pdf")
    assert [p.method for p in doc.pages] == ["text", "unreadable", "text"]
    assert any("OCR" in w and "onnxruntime" in w for w in doc.warnings)
    assert not any("OCR read nothing" in w for w in doc.warnings)

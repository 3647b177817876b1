"""Outside corpora (skipped unless their folder is given):

- PDF_CORPUS_DIR: pdfplumber's and pdfminer.six's awkward test PDFs; each must extract or be refused with
  an IngestError of a documented code, never anything else.
- REAL_MATERIALS_DIR (marker real_materials): 35 real teacher files; each must yield text, the two
  image-only PDFs through OCR, with the manifest's page counts for PDF and PPTX.
"""
from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from ingest import IngestError, IngestLimits, extract_document
from ingest.errors import MESSAGES


def _files(variable: str, pattern: str) -> list:
    root = os.environ.get(variable)
    if not root:
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{variable} is not set"))]
    files = sorted(p for p in Path(root).rglob(pattern) if p.is_file())
    return [pytest.param(p, id=str(p.relative_to(root))) for p in files]


@pytest.mark.parametrize("path", _files("PDF_CORPUS_DIR", "*.pdf"))
def test_awkward_pdf_extracts_or_is_refused_clearly(path):
    data = path.read_bytes()
    try:
        # OCR is off: this walk is about parser robustness; pages without text are listed instead
        doc = extract_document(data, path.name, limits=IngestLimits(ocr=False, time_limit_s=120))
    except IngestError as exc:
        assert exc.code in MESSAGES
        assert exc.message_zh.strip() and exc.message_en.strip()
        if "encryption" in path.name and "base" not in path.name:
            assert exc.code == "encrypted"
        return
    assert doc.facts.page_count == len(doc.pages) >= 1
    assert [p.number for p in doc.pages] == list(range(1, len(doc.pages) + 1))
    assert doc.facts.unreadable_pages == [p.number for p in doc.pages if p.method == "unreadable"]
    for page in doc.pages:
        assert "\r" not in page.text
    doc.to_dict()


def _manifest() -> dict[str, dict]:
    root = os.environ.get("REAL_MATERIALS_DIR")
    if not root or not (Path(root) / "MANIFEST.csv").exists():
        return {}
    with open(Path(root) / "MANIFEST.csv", encoding="utf-8") as fh:
        return {row["file"]: row for row in csv.DictReader(fh)}


@pytest.mark.real_materials
@pytest.mark.parametrize("path", [p for p in _files("REAL_MATERIALS_DIR", "*.*")
                                  if p.values[0] is None or p.values[0].suffix.lower() in (".pdf", ".docx", ".pptx")])
def test_real_material_yields_text(path):
    row = _manifest().get(path.name)
    doc = extract_document(path.read_bytes(), path.name)
    text = "".join(doc.text.split())
    assert len(text) >= 100, f"only {len(text)} characters from {path.name}"
    assert sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff") >= 20 or path.name.startswith("ap_")
    if row is None:
        return
    if row["format"] in ("pdf", "pptx"):
        assert doc.facts.page_count == int(row["pages"])
    if row["text_layer"] == "no":
        assert doc.facts.page_methods.get("ocr", 0) >= 1
        assert doc.facts.page_methods.get("ocr", 0) + len(doc.facts.unreadable_pages) == doc.facts.page_count
    elif row["format"] == "pdf":
        assert doc.facts.page_methods.get("text", 0) + doc.facts.page_methods.get("fallback", 0) >= 1

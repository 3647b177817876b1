"""Damaged variants of every format: the caller gets a Document or an IngestError, never anything else."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest import Document, IngestError, IngestLimits, extract_document
from ingest.errors import MESSAGES

LIMITS = IngestLimits(ocr=False, parse_time_limit_s=30)


@st.composite
def damage(draw, data: bytes):
    """Flip, cut or splice bytes of a valid file."""
    data = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data) - 1))
        data[at] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        data = data[: draw(st.integers(1, len(data)))]
    return bytes(data)


def _check(data: bytes, name: str) -> None:
    try:
        doc = extract_document(data, name, limits=LIMITS)
    except IngestError as exc:
        assert exc.code in MESSAGES and exc.message_zh and exc.message_en
        return
    assert isinstance(doc, Document)
    assert [p.number for p in doc.pages] == list(range(1, len(doc.pages) + 1))


@pytest.mark.parametrize("fixture, name", [("text_pdf", "a.pdf"), ("docx_bytes", "a.docx"),
                                           ("pptx_bytes", "a.pptx"), ("ocr_png", "a.png")])
def test_damaged_files_never_escape(request, fixture, name):
    original = request.getfixturevalue(fixture)

    @settings(max_examples=25, derandomize=True, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(damage(original))
    def run(data):
        _check(data, name)

    run()

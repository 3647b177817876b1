"""Every refusal is one IngestError with a code and both messages; damaged PDFs keep their good pages."""
from __future__ import annotations

import io
import re
import zipfile

import pytest
from reportlab.lib.pdfencrypt import StandardEncryption

from ingest import IngestError, IngestLimits, extract_document, sniff

NO_OCR = IngestLimits(ocr=False)


def refused(data: bytes, name: str, limits: IngestLimits | None = None) -> IngestError:
    with pytest.raises(IngestError) as info:
        extract_document(data, name, limits=limits)
    err = info.value
    assert err.message_zh and err.message_en and err.message_zh in str(err) and err.message_en in str(err)
    return err


def test_empty_file():
    assert refused(b"", "a.pdf").code == "empty"
    with pytest.raises(IngestError):
        sniff(b"", "a.pdf")


def test_over_the_size_limit(text_pdf):
    err = refused(text_pdf, "a.pdf", IngestLimits(max_bytes=1000))
    assert err.code == "too_large" and "MB" in err.message_zh


def test_over_the_page_limit(text_pdf, pptx_bytes):
    err = refused(text_pdf, "a.pdf", IngestLimits(max_pages=3))
    assert err.code == "too_many_pages" and "5" in err.message_zh
    assert refused(pptx_bytes, "a.pptx", IngestLimits(max_pages=1)).code == "too_many_pages"
    with pytest.raises(IngestError) as info:
        sniff(text_pdf, "a.pdf", limits=IngestLimits(max_pages=3))
    assert info.value.code == "too_many_pages"


def test_encrypted_pdf_with_user_password(make):
    data = make.pdf(make.pages(2), encrypt=StandardEncryption("secret", ownerPassword="owner"))
    err = refused(data, "a.pdf")
    assert err.code == "encrypted"
    assert err.message_zh == "文件已加密，请去除密码后重新上传"
    assert err.message_en == "The PDF is encrypted; remove the password and upload again"
    with pytest.raises(IngestError) as info:
        sniff(data, "a.pdf")
    assert info.value.code == "encrypted"


def test_owner_password_only_pdf_still_reads(make):
    data = make.pdf(make.pages(2), encrypt=StandardEncryption("", ownerPassword="owner", canCopy=0))
    doc = extract_document(data, "a.pdf")
    assert "第2页" in doc.pages[1].text


def test_truncated_pdf(make):
    data = make.pdf(make.pages(5), compress=0)
    err = refused(data[: len(data) * 2 // 3], "a.pdf")
    assert err.code == "truncated"


def test_corrupted_pdf():
    data = b"%PDF-1.7\n" + bytes(range(256)) * 20 + b"\n%%EOF\n"
    err = refused(data, "a.pdf")
    assert err.code == "corrupted"


def test_partly_damaged_pdf_keeps_readable_pages(make):
    data = make.pdf(make.pages(5), compress=0)
    obj = re.search(rb"\n6 0 obj.*?endobj", data, re.S)  # the third page's dictionary
    damaged = data[: obj.start()] + b"%" * (obj.end() - obj.start()) + data[obj.end():]
    doc = extract_document(damaged, "a.pdf")
    assert doc.facts.page_count == 5
    assert [p.method for p in doc.pages] == ["text", "text", "unreadable", "text", "text"]
    assert doc.facts.unreadable_pages == [3]
    assert "第4页" in doc.pages[3].text
    assert any("第 3 页" in w for w in doc.warnings)


def test_wrong_extension_with_unreadable_content():
    err = refused(b"\x00\x01\x02garbage\xff\xfe" * 50, "lesson.pdf")
    assert err.code == "wrong_extension" and ".pdf" in err.message_zh


def test_unknown_binary_without_a_known_extension():
    assert refused(b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 200, "tool.bin").code == "unsupported_type"


def test_unsupported_container_formats():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("OFD.xml", "<ofd/>")
    err = refused(buf.getvalue(), "a.ofd")
    assert err.code == "unsupported_type" and "OFD" in err.message_zh
    assert refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old.doc").code == "encrypted_office"


def test_corrupted_docx(docx_bytes):
    # Flip bytes inside the compressed members: the ZIP directory survives, the data does not.
    middle = len(docx_bytes) // 2
    broken = docx_bytes[:middle] + bytes(b ^ 0xFF for b in docx_bytes[middle:middle + 400]) + docx_bytes[middle + 400:]
    err = refused(broken, "a.docx")
    assert err.code == "corrupted" and "校验失败" in err.message_zh and "checksum" in err.message_en


def test_truncated_docx_names_the_problem(docx_bytes):
    err = refused(docx_bytes[: len(docx_bytes) // 2], "a.docx")
    assert err.code == "corrupted"


def test_zip_decompression_bomb(docx_bytes):
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("word/media/bomb.bin", b"\x00" * (4 * 2**20))  # 4 MB of zeros, a few KB compressed
    assert len(buf.getvalue()) < 100_000
    err = refused(buf.getvalue(), "a.docx", IngestLimits(max_unzipped_bytes=2 * 2**20))
    assert err.code == "decompression_bomb"


def test_image_decompression_bomb(make):
    err = refused(make.png_header_only(60_000, 60_000), "photo.png")
    assert err.code == "decompression_bomb"


def test_oversized_image(make):
    err = refused(make.png_header_only(9000, 6000), "photo.png")
    assert err.code == "image_too_large" and "9000" in err.message_zh


def test_truncated_image(ocr_png):
    err = refused(ocr_png[: len(ocr_png) // 3], "photo.png")
    assert err.code == "corrupted"


def test_parse_time_limit_holds(make):
    data = make.pdf(make.pages(300))
    err = refused(data, "big.pdf", IngestLimits(parse_time_limit_s=0.001))
    assert err.code == "timeout"


def test_text_that_is_really_binary_is_refused():
    assert refused(bytes(range(1, 32)) * 40, "notes.txt").code == "wrong_extension"

"""Decide the kind of an upload from its bytes (never from its name) and refuse what cannot be read."""
from __future__ import annotations

import io
import os
import zipfile

from .errors import IngestError
from .limits import IngestLimits

_EXT_KIND = {
    ".pdf": "pdf", ".docx": "docx", ".pptx": "pptx", ".txt": "txt", ".md": "txt", ".markdown": "txt",
    ".png": "image", ".jpg": "image", ".jpeg": "image",
}
_KIND_LABEL = {"pdf": "PDF", "docx": "Word (.docx)", "pptx": "PowerPoint (.pptx)", "txt": "文本", "image": "图片"}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def extension_kind(filename: str) -> str | None:
    return _EXT_KIND.get(os.path.splitext(filename or "")[1].lower())


def _unsupported(detail_zh: str = "", detail_en: str = "") -> IngestError:
    return IngestError.of("unsupported_type", detail_zh=detail_zh, detail_en=detail_en)


def _refuse_unknown(filename: str) -> IngestError:
    ext = os.path.splitext(filename or "")[1].lower()
    claimed = extension_kind(filename)
    if claimed:
        return IngestError.of("wrong_extension", ext=ext, expected=_KIND_LABEL[claimed])
    return _unsupported()


def _zip_kind(data: bytes, limits: IngestLimits, filename: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        claimed = extension_kind(filename)
        if claimed in ("docx", "pptx"):
            raise IngestError.of("corrupted", detail=f"ZIP: {exc}") from None
        raise _refuse_unknown(filename) from None
    names = {i.filename for i in infos}
    if sum(i.file_size for i in infos) > limits.max_unzipped_bytes:
        raise IngestError.of("decompression_bomb")
    if "word/document.xml" in names:
        return "docx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    if "OFD.xml" in names:
        raise _unsupported("（OFD 文件，请导出为 PDF 后上传）", " (OFD; export it as PDF first)")
    if "xl/workbook.xml" in names:
        raise _unsupported("（Excel 表格）", " (Excel workbook)")
    if "mimetype" in names or "META-INF/container.xml" in names:
        raise _unsupported("（OpenDocument/EPUB 文件）", " (OpenDocument/EPUB)")
    raise _refuse_unknown(filename)


def _looks_like_text(data: bytes) -> bool:
    head = data[:65536]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    from .readers.text import decode_text  # local: only text needs the decoder

    try:
        decode_text(head, partial=len(data) > len(head))
    except IngestError:
        return False
    return True


def kind_of(data: bytes, filename: str, limits: IngestLimits) -> str:
    """Kind from magic bytes; raises IngestError for empty, too large and unrecognised input."""
    if not data:
        raise IngestError.of("empty")
    if len(data) > limits.max_bytes:
        raise IngestError.of("too_large", size_mb=len(data) / 2**20, limit_mb=limits.max_bytes / 2**20)
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data, limits, filename)
    if data.startswith(_OLE2):
        raise IngestError.of("encrypted_office")
    if data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff"):
        return "image"
    if data.startswith((b"GIF8", b"BM", b"II*\x00", b"MM\x00*")) or data[8:12] == b"WEBP":
        raise _unsupported("（请把图片转换为 PNG 或 JPEG）", " (convert the image to PNG or JPEG)")
    if data.startswith(b"{\\rtf"):
        raise _unsupported("（RTF 文件，请另存为 .docx）", " (RTF; save it as .docx)")
    if _looks_like_text(data):
        return "txt"
    raise _refuse_unknown(filename)


def mismatch_warning(kind: str, filename: str) -> str | None:
    claimed = extension_kind(filename)
    if claimed is None or claimed == kind:
        return None
    ext = os.path.splitext(filename)[1].lower()
    return (f"文件后缀 {ext} 与内容（{_KIND_LABEL[kind]}）不符，已按内容处理 / "
            f"The extension {ext} does not match the content ({kind}); read by content")

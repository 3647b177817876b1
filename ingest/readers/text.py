"""Plain text and Markdown: UTF-8 (with or without BOM), UTF-16 with BOM, GBK/GB18030, others by detection."""
from __future__ import annotations

import codecs

from ..errors import IngestError
from ..parsed import Parsed, ParsedPage

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _strict(data: bytes, encoding: str, partial: bool) -> str | None:
    try:
        # partial: the sample may end inside a multi-byte character, which is not an error
        return codecs.getincrementaldecoder(encoding)("strict").decode(data, final=not partial)
    except (UnicodeDecodeError, LookupError):
        return None


def _mostly_printable(text: str) -> bool:
    if not text:
        return True
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    return bad <= max(2, len(text) // 200)


def decode_text(data: bytes, *, partial: bool = False) -> tuple[str, str]:
    """(text, encoding) or IngestError when the bytes are not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data, encoding, partial)
            if text is not None:
                return text, encoding
    for encoding in ("utf-8", "gb18030"):
        text = _strict(data, encoding, partial)
        if text is not None and _mostly_printable(text):
            return text, encoding
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        if _mostly_printable(text):
            return text, best.encoding
    raise IngestError.of("unsupported_type", detail_zh="（无法识别的二进制内容）", detail_en=" (unrecognised binary content)")


def read_text(data: bytes) -> Parsed:
    text, encoding = decode_text(data)
    warnings = [] if encoding.startswith("utf") else [f"文本编码为 {encoding}，已转换为 UTF-8 / Text decoded from {encoding}"]
    # A form feed is the one page mark plain text has.
    chunks = text.split("\f") if "\f" in text else [text]
    pages = [ParsedPage(i, chunk, "text") for i, chunk in enumerate(chunks, start=1)]
    return Parsed("txt", pages, warnings)

"""Text normalisation shared by every reader."""
from __future__ import annotations

import re
import unicodedata

# C0/C1 controls except tab and newline, plus non-characters some PDF producers emit.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_CID = re.compile(r"\(cid:\d+\)")


def display_form(raw: str) -> str:
    """Original characters with line ends unified and control bytes dropped."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def analysis_form(display: str) -> str:
    """NFKC text for analysis (fullwidth ASCII -> ASCII, compatibility ideographs folded)."""
    return unicodedata.normalize("NFKC", display)


def is_usable(text: str) -> bool:
    """True when a text layer carries real text rather than nothing or undecodable glyph codes."""
    stripped = "".join(text.split())
    if not stripped:
        return False
    cid_chars = sum(len(m) for m in _CID.findall(stripped))
    if cid_chars > 0.2 * len(stripped):
        return False
    bad = sum(1 for ch in stripped if ch == "\ufffd" or "\ue000" <= ch <= "\uf8ff")
    return bad <= 0.3 * len(stripped)

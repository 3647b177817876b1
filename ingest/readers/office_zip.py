"""Shared guards for the ZIP-based Office formats."""
from __future__ import annotations

import io
import zipfile

from ..errors import IngestError
from ..limits import IngestLimits


def open_checked(data: bytes, limits: IngestLimits) -> io.BytesIO:
    """A stream for python-docx/-pptx after refusing zip bombs (their parsers inflate whole parts)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if sum(i.file_size for i in infos) > limits.max_unzipped_bytes:
                raise IngestError.of("decompression_bomb")
            bad = zf.testzip()
    except zipfile.BadZipFile as exc:
        raise IngestError.of("corrupted", detail=f"ZIP: {exc}") from None
    except (OSError, EOFError, ValueError) as exc:  # zlib errors and truncated members
        raise IngestError.of("corrupted", detail=f"ZIP: {exc}") from None
    if bad is not None:
        raise IngestError.of("corrupted", detail_zh=f"压缩包成员 {bad} 校验失败",
                              detail_en=f"ZIP member {bad} fails its checksum")
    return io.BytesIO(data)

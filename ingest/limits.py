"""Settings that bound what one extraction may cost."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IngestLimits:
    max_bytes: int = 50 * 1024 * 1024          # upload size
    max_pages: int = 2000                       # PDF pages / PPTX slides / DOCX rendered pages
    max_image_pixels: int = 40_000_000          # decoded image area (photos, page images)
    max_unzipped_bytes: int = 500 * 1024 * 1024  # total uncompressed size of a DOCX/PPTX
    time_limit_s: float = 900.0                 # whole file, OCR included
    parse_time_limit_s: float = 300.0           # text-layer parse (the part that can spin); 2,000 dense
                                                # CJK pages take ~35 s on one core
    memory_limit_mb: int = 2048                 # extra address space the parsing worker may map
    isolate: bool = True                        # parse in a child process (timeout + rlimit)
    ocr: bool = True                            # OCR pages without a usable text layer
    max_ocr_pages: int = 300                    # beyond this, pages are listed for manual reading
    ocr_render_scale: float = 2.0               # PDF points -> pixels for OCR rendering

"""OCR with rapidocr 3.x (PP-OCR models shipped inside the wheel: nothing is downloaded)."""
from __future__ import annotations

import logging
import threading

_engine = None
_lock = threading.RLock()

OCR_MAX_SIDE = 2000  # rapidocr resizes larger inputs to this anyway (Global.max_side_len)


def _quiet() -> None:
    # rapidocr installs its own coloured handler at INFO and logs every model load and call.
    for name in ("RapidOCR", "rapidocr"):
        logging.getLogger(name).setLevel(logging.ERROR)


def engine():
    """The process-wide engine, built on first use (1.5-4 s) and reused."""
    global _engine
    if _engine is None:
        with _lock:
            if _engine is None:
                _quiet()
                from rapidocr import RapidOCR

                _engine = RapidOCR(params={"Global.log_level": "error"})
                _quiet()
    return _engine


def recognise(image) -> str:
    """Text lines of an image (numpy array), in reading order, one per line; "" when none."""
    with _lock:  # onnxruntime sessions are shared; one page at a time per process
        result = engine()(image)
    txts = getattr(result, "txts", None) or ()
    # rapidocr already sorts its boxes top-to-bottom, left-to-right
    return "\n".join(text for text in txts if text.strip())

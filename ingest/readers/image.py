"""PNG/JPEG photos and scans of pages: checked for size before decoding, then OCR'd."""
from __future__ import annotations

import io
import warnings as _warnings

from PIL import Image, ImageOps

from ..errors import IngestError
from ..limits import IngestLimits
from ..parsed import Parsed, ParsedPage


def _open(data: bytes, limits: IngestLimits) -> Image.Image:
    try:
        with _warnings.catch_warnings():
            _warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))  # reads the header only
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise IngestError.of("decompression_bomb") from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise IngestError.of("corrupted", detail_zh=f"图片无法解码：{exc}", detail_en=f"image: {exc}") from None
    width, height = image.size
    if width * height > limits.max_image_pixels or width <= 0 or height <= 0:
        raise IngestError.of("image_too_large", width=width, height=height, limit=limits.max_image_pixels // 10_000)
    return image


def read_image(data: bytes, limits: IngestLimits) -> Parsed:
    _open(data, limits)
    return Parsed("image", [ParsedPage(1, "", "ocr_needed")])


def load_image(data: bytes, limits: IngestLimits, max_side: int):
    """Grey numpy array, upright (EXIF orientation applied), long side at most max_side."""
    import numpy as np

    image = _open(data, limits)
    try:
        image.load()
        image = ImageOps.exif_transpose(image).convert("L")
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise IngestError.of("corrupted", detail_zh=f"图片无法解码：{exc}", detail_en=f"image: {exc}") from None
    image.thumbnail((max_side, max_side))
    return np.asarray(image).copy()
